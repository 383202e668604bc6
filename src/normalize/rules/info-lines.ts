import type { Block, Byline } from "../../types.ts";
import type { Rule, RuleContext } from "./types.ts";
import { parseFullDate } from "../../extract/dates.ts";
import { NEWSPAPERS } from "../../data/boilerplate.ts";
import { parseNames } from "../../extract/byline.ts";

/**
 * Info lines: the page's own statement of date, source and people
 * (发布时间 … 来源 … 作者 … 责任编辑), a masthead such as
 * "开封日报 2018年5月18日 第三版", or a date broken over several short lines
 * by the layout ("2013" / "02/20" / "09:04"). They become metadata, not text.
 */
const FRAGMENT = /^(\d{4}|\d{1,2}[/\-.]\d{1,2}|\d{1,2}:\d{2}(:\d{2})?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?)$/u;
const LABEL = "发布时间|发布日期|发稿时间|更新时间|时间|日期|来源|稿源|信息来源|文章来源|作者|撰稿|记者|编辑|责任编辑|编审|审核|浏览次数|阅读次数|点击数|点击|浏览|字号|发布者|发布人";
const LABELLED = new RegExp(`^(\\[|【)?(${LABEL})[:：]`, "u");
const DATE_START = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/u;
const FIELD = new RegExp(`(${LABEL})[:：]\\s*(.*?)(?=\\s+(?:${LABEL})[:：]|\\s{2,}|[|｜]|$)`, "gu");
const PAPER = NEWSPAPERS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const MASTHEAD = new RegExp(`^(${PAPER}|[\\p{Script=Han}]{2,8}(?:日报|晚报|商报|时报|都市报))\\s*(\\d{4}年\\d{1,2}月\\d{1,2}日)(\\s*(星期.|周.))?(\\s*第?[一二三四五六七八九十\\d]{1,3}版)?`, "u");

function isInfoLine(text: string): boolean {
  if (text.length > 120) return false;
  if (LABELLED.test(text)) return true;
  if (DATE_START.test(text) && text.length <= 60 && !/[，。；]/u.test(text)) return true;
  return MASTHEAD.test(text);
}

function readInfo(text: string, ctx: RuleContext): void {
  const date = parseFullDate(text);
  if (date && !ctx.meta.date) ctx.meta.date = date;
  const mast = MASTHEAD.exec(text);
  if (mast && !ctx.meta.publisher) ctx.meta.publisher = mast[1];
  for (const m of text.matchAll(FIELD)) {
    const label = m[1];
    const value = m[2].trim().replace(/[】\]]$/u, "").trim();
    if (!value) continue;
    if (/来源|稿源/u.test(label)) {
      const pub = value.replace(/^(本站|本网)?(原创)?$/u, "").replace(/\s.*$/u, "");
      if (pub && !ctx.meta.publisher) ctx.meta.publisher = pub;
    } else if (/^(作者|撰稿|记者)$/u.test(label)) {
      addAuthors(ctx, parseNames(value), label === "记者" ? "记者" : "作者");
    } else if (/编辑|编审/u.test(label)) {
      addAuthors(ctx, parseNames(value), "编辑");
    }
  }
}

function addAuthors(ctx: RuleContext, names: string[], role: Byline["role"]): void {
  for (const name of names) {
    if (!ctx.meta.authors.some((a) => a.name === name && a.role === role)) ctx.meta.authors.push({ name, role });
  }
}

export const infoLines: Rule = {
  name: "info-lines",
  apply(blocks: Block[], ctx): Block[] {
    const out: Block[] = [];
    const head = Math.min(blocks.length, 12);
    // the info lines found so far (a broken date as its lines): the same lines again, anywhere, are a repeat of them
    const stated: string[][] = [];
    const restated = (i: number): string[] | undefined =>
      stated.find((lines) => lines.every((l, k) => blocks[i + k] !== undefined && blocks[i + k].hint !== "headline" && blocks[i + k].text.trim() === l));
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      const text = b.text.trim();
      const again = restated(i);
      if (again) {
        ctx.removed.push({ rule: "info-lines: repeated info line", text: again.join(" / "), seq: b.seq });
        i += again.length - 1;
        continue;
      }
      const nearEdge = i < head || i >= blocks.length - 8 || b.hint === "info";
      // a date broken over consecutive short lines near the top
      if (i < head && FRAGMENT.test(text)) {
        let j = i;
        const parts: string[] = [];
        while (j < blocks.length && FRAGMENT.test(blocks[j].text.trim())) parts.push(blocks[j++].text.trim());
        const joined = parts.join(" ");
        const date = parseFullDate(joined);
        if (date) {
          if (!ctx.meta.date) ctx.meta.date = date;
          ctx.removed.push({ rule: "info-lines: date line", text: parts.join(" / "), seq: b.seq });
          stated.push(parts);
          i = j - 1;
          continue;
        }
      }
      if (nearEdge && b.hint !== "headline" && isInfoLine(text)) {
        readInfo(text, ctx);
        ctx.removed.push({ rule: "info-lines: info line", text, seq: b.seq });
        stated.push([text]);
        continue;
      }
      out.push(b);
    }
    return out;
  },
};
