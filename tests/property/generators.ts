/**
 * fast-check generators of raw press text, built from the seed articles: real
 * sentences and headlines, site chrome, bylines in every shape, photo credits,
 * info lines, repeated paragraphs, lines broken by the layout, half-width
 * punctuation, and random Unicode between them. Not a test file itself.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { CHROME_BLOCKS } from "../../src/data/boilerplate.ts";
import { isHeadlineLike } from "../../src/normalize/headline-like.ts";

const SEEDS = join(import.meta.dirname, "..", "..", "articles");
const seedText = readdirSync(SEEDS)
  .sort()
  .map((f) => readFileSync(join(SEEDS, f), "utf8").replace(/\r\n?/g, "\n"));
const lines = seedText.flatMap((t) => t.split("\n").map((l) => l.trim()).filter(Boolean));

/** Sentences of the seeds, with their end mark (half-width commas as printed in some seeds). */
export const SENTENCES = [...new Set(lines.flatMap((l) => l.match(/[^。！？]+[。！？]+[”’」）)]*/gu) ?? []).map((s) => s.trim()))].filter(
  // the seeds' own disclaimers and footers are chrome, generated as such below
  (s) => s.length >= 6 && s.length <= 160 && !CHROME_BLOCKS.some((c) => c.pattern.test(s)),
);
/** Headline-like lines of the seeds: no sentence punctuation, short (not the seeds' chrome, bylines or broken dates). */
export const HEADLINES = [
  ...new Set(
    lines.filter(
      (l) =>
        !/[。，,；;！？]/u.test(l) &&
        l.length >= 4 &&
        l.length <= 30 &&
        (l.match(/\p{Script=Han}/gu) ?? []).length >= 4 &&
        isHeadlineLike(l) &&
        !CHROME_BLOCKS.some((c) => c.pattern.test(l)),
    ),
  ),
];

export const CHROME = [
  "分享到：微信 微博 QQ空间",
  "【打印】【关闭】",
  "版权所有 © 2023 鹤壁日报社",
  "首页 > 新闻中心 > 本地新闻",
  "当前位置：首页 > 要闻",
  "浏览次数：128",
  "上一篇：鹤壁经开区召开项目推进会",
  "相关新闻",
  "返回顶部",
  "豫ICP备12345678号",
  "免责声明：本站转载文章仅供参考。",
];
export const INFO = ["发布时间：2023-05-06 10:00", "来源：鹤壁日报", "责任编辑：王芳", "鹤壁日报 2023年5月6日 第二版", "2013", "02/20", "09:04", "作者：张三 李四"];
export const BYLINES = [
  "□本报记者 张心致",
  "通讯员 吴寒寒 汪雷雷",
  "（本报记者 高轶鹏 通讯员 高健）",
  "本报记者 王正义 摄",
  "孙战浩 摄",
  "记者 李明",
];
export const LEADS = ["本报讯（记者 李明 通讯员 王强）", "本报讯（记者高轶鹏 通讯员董颖博）", "本报讯 ", "本刊讯（记者 赵刚）"];

const HALF: Record<string, string> = { "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "？": "?", "！": "!" };

/** One line (or block) of a raw page, before the page is put together. */
type Piece =
  | { kind: "text"; text: string }
  | { kind: "repeat"; back: number }
  | { kind: "broken"; text: string; at: number };

const sentence = fc.constantFrom(...SENTENCES);
const paragraph = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom(...LEADS), { freq: 4 }), fc.option(fc.constantFrom(...["张三", "秦玉平"]), { freq: 8 }))
  .map(([ss, lead, sig]) => `${lead ?? ""}${ss.join("")}${sig ? ` ${sig}` : ""}`);
const halfWidth = paragraph.map((p) => p.replace(/[，；：（）？！]/gu, (c) => HALF[c] ?? c));
const caption = fc.tuple(sentence, fc.constantFrom(...BYLINES.filter((b) => b.endsWith("摄")))).map(([s, c]) => `${s} ${c}`);
/** Any Unicode: every plane, control characters and lone surrogates included. */
const anyUnicode = fc.string({ unit: "binary", maxLength: 40 });
const graphemes = fc.string({ unit: "grapheme", maxLength: 40 });

const pressPieces = [
  { weight: 8, arbitrary: paragraph.map((text): Piece => ({ kind: "text", text })) },
  { weight: 2, arbitrary: halfWidth.map((text): Piece => ({ kind: "text", text })) },
  { weight: 4, arbitrary: fc.constantFrom(...HEADLINES).map((text): Piece => ({ kind: "text", text })) },
  { weight: 2, arbitrary: fc.constantFrom(...CHROME).map((text): Piece => ({ kind: "text", text })) },
  { weight: 2, arbitrary: fc.constantFrom(...INFO).map((text): Piece => ({ kind: "text", text })) },
  { weight: 2, arbitrary: fc.constantFrom(...BYLINES).map((text): Piece => ({ kind: "text", text })) },
  { weight: 1, arbitrary: caption.map((text): Piece => ({ kind: "text", text })) },
  { weight: 2, arbitrary: fc.nat().map((back): Piece => ({ kind: "repeat", back })) },
  { weight: 2, arbitrary: fc.tuple(paragraph, fc.nat()).map(([text, at]): Piece => ({ kind: "broken", text, at })) },
];
const unicodePieces = [
  { weight: 1, arbitrary: anyUnicode.map((text): Piece => ({ kind: "text", text })) },
  { weight: 1, arbitrary: graphemes.map((text): Piece => ({ kind: "text", text })) },
];

/** Pieces joined by one to three line ends, LF or CRLF, into a page. */
function page(piece: fc.Arbitrary<Piece>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 24 }), fc.boolean())
    .map(([pieces, crlf]) => {
      const out: string[] = [];
      for (const [p, gap] of pieces) {
        let text: string;
        if (p.kind === "repeat") text = out.length ? out[out.length - 1 - (p.back % out.length)].trim() : "";
        else if (p.kind === "broken") {
          // a paragraph broken by the layout: the second half on the next line
          const cut = 1 + (p.at % Math.max(1, p.text.length - 1));
          text = `${p.text.slice(0, cut)}\n${p.text.slice(cut)}`;
        } else text = p.text;
        out.push(`${text}${"\n".repeat(gap)}`);
      }
      const joined = out.join("");
      return crlf ? joined.replace(/\n/g, "\r\n") : joined;
    })
    // front matter is data, not text: its fields are tested elsewhere
    .filter((p) => !p.startsWith("---"));
}

/** A raw page of press text: sentences, headlines, chrome, info lines, bylines, captions, repeats, broken lines. */
export const pressPage: fc.Arbitrary<string> = page(fc.oneof(...pressPieces));

/** The same with random Unicode between the lines (every plane, controls, lone surrogates). */
export const rawPage: fc.Arbitrary<string> = page(fc.oneof(...pressPieces, ...unicodePieces));

/** Any string at all, or a raw page. */
export const anyInput: fc.Arbitrary<string> = fc.oneof(rawPage, fc.string({ unit: "binary", maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 400 }));

/** A paragraph broken by the layout: a column is at least 20 characters wide, so the first line is too. */
const layoutBroken = fc.tuple(paragraph, fc.nat()).map(([text, at]) => (text.length < 44 ? text : `${text.slice(0, 20 + (at % (text.length - 40)))}\n${text.slice(20 + (at % (text.length - 40)))}`));
const SUBTITLES = HEADLINES.filter((h) => /^——|(综述|纪实|侧记|概述)$/u.test(h));
const MAIN_HEADLINES = HEADLINES.filter((h) => !SUBTITLES.includes(h));

/** One article as a newspaper prints it: headline stack, byline or 本报讯 lead, paragraphs with subheads, a caption, a signature. */
const printedArticle = fc
  .record({
    kicker: fc.option(fc.constantFrom(...MAIN_HEADLINES), { freq: 3 }),
    title: fc.constantFrom(...MAIN_HEADLINES),
    subtitle: fc.option(fc.oneof(fc.constantFrom(...MAIN_HEADLINES).map((h) => `——${h}`), fc.constantFrom(...SUBTITLES)), { freq: 3 }),
    byline: fc.oneof(fc.constantFrom("□本报记者 张心致", "记者 李明 通讯员 王强"), fc.constant(null)),
    lead: fc.option(fc.constantFrom(...LEADS), { freq: 2 }),
    caption: fc.option(caption, { freq: 4 }),
    paragraphs: fc.array(fc.oneof({ weight: 6, arbitrary: paragraph }, { weight: 2, arbitrary: layoutBroken }, { weight: 1, arbitrary: halfWidth }, { weight: 1, arbitrary: fc.constantFrom(...HEADLINES) }), { minLength: 1, maxLength: 6 }),
    repeat: fc.option(fc.nat(), { freq: 3 }),
    signature: fc.option(fc.constantFrom(" 秦玉平", "\n（本报记者 高轶鹏 通讯员 高健）"), { freq: 3 }),
  })
  .map((a) => {
    const body = [...a.paragraphs];
    // the first paragraph is text, not a subhead
    while (body.length && HEADLINES.includes(body[0])) body.shift();
    if (body.length === 0 || HEADLINES.includes(body[body.length - 1])) body.push("据了解，该区将继续优化营商环境，推动项目早投产、早见效。");
    if (a.lead) body[0] = `${a.lead}${body[0]}`;
    // a scraper that doubled a paragraph
    if (a.repeat !== null) {
      const k = a.repeat % body.length;
      body.splice(k + 1, 0, body[k]);
    }
    if (a.signature) body[body.length - 1] += a.signature;
    const head = [a.kicker, a.title, a.subtitle].filter((x): x is string => x !== null);
    return [head.join("\n\n"), a.byline, a.caption, ...body].filter((x): x is string => !!x).join("\n\n");
  });

/** A page of one to three printed articles, with site chrome and info lines above and below. */
export const printedPage: fc.Arbitrary<string> = fc
  .tuple(
    fc.subarray([...INFO.slice(0, 4)], { maxLength: 2 }),
    fc.array(printedArticle, { minLength: 1, maxLength: 3 }),
    fc.subarray(CHROME, { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([top, articles, bottom, crlf]) => {
    const page = `${[...top, articles.join("\n\n\n"), ...bottom].join("\n\n")}\n`;
    return crlf ? page.replace(/\n/g, "\r\n") : page;
  });
