/**
 * npm run generate -- [--articles N] [--out DIR]
 *
 * A synthetic corpus for benchmarks and scale tests: N raw articles made by
 * recombining the headlines, paragraphs, bylines and figures of the articles
 * in articles/ across the zones and cities of the gazetteer and across dates
 * 2005–2025, with messy inputs mixed in (repeats, broken lines, half-width
 * punctuation, site chrome, CRLF, GB18030, Big5 Traditional, HTML, whole
 * pages of several articles). Article i depends only on i: the same N gives
 * the same corpus, and a smaller N is a prefix of a larger one.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { normaliseFile } from "../src/pipeline/normalise-file.ts";
import { ZONES } from "../src/gazetteer/zones.ts";
import type { Article } from "../src/types.ts";

/** Small, fast, seedable PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  headlines: { kicker: string | null; title: string; subtitle: string | null }[];
  paragraphs: string[];
  names: string[];
  /** zone and city words of the seeds, replaced by the generated article's zone */
  seedNames: string[];
}

function pools(articlesDir: string): Pools {
  const arts: Article[] = [];
  for (const f of readdirSync(articlesDir).sort()) {
    arts.push(...normaliseFile(f, readFileSync(join(articlesDir, f)), { base: "/" }).articles);
  }
  const seedNames = new Set<string>();
  for (const a of arts) {
    const z = a.record.zone;
    if (!z) continue;
    for (const n of [z.name, z.shortName, z.city, z.city.replace(/市$/u, ""), z.county ?? ""]) if (n.length >= 2) seedNames.add(n);
  }
  for (const n of ["鹤壁国家经济技术开发区", "国家漯河经济技术开发区", "平顶山", "漯河", "鹤壁", "焦作", "武陟"]) seedNames.add(n);
  return {
    headlines: arts.filter((a) => a.body.length > 1).map((a) => ({ kicker: a.record.kicker, title: a.record.title, subtitle: a.record.subtitle })),
    paragraphs: arts.flatMap((a) => a.body.filter((p) => !p.subhead && p.text.length >= 30).map((p) => p.text)),
    names: [...new Set(arts.flatMap((a) => a.record.authors.map((x) => x.name)))],
    seedNames: [...seedNames].sort((a, b) => b.length - a.length),
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function localise(text: string, p: Pools, zone: (typeof ZONES)[number], r: () => number): string {
  let t = text;
  for (const n of p.seedNames) {
    if (!t.includes(n)) continue;
    const to = n.endsWith("区") || n.includes("开发") ? (r() < 0.5 ? zone.name : zone.shortName) : zone.city.replace(/市$/u, "");
    t = t.split(n).join(to);
  }
  // figures change from article to article: scale every amount a little
  return t.replace(/(\d+(?:\.\d+)?)(亿元|万元|亿美元|万美元|%)/gu, (_m, v: string, u: string) => {
    const x = Number(v) * (0.5 + r());
    return `${v.includes(".") ? x.toFixed(Math.min(2, v.split(".")[1].length)) : Math.max(1, Math.round(x))}${u}`;
  });
}

interface Generated {
  path: string;
  bytes: Buffer;
}

const toTw = OpenCC.Converter({ from: "cn", to: "tw" });

function article(i: number, p: Pools): Generated {
  const r = rng(0x9e3779b1 ^ Math.imul(i + 1, 2654435761));
  const zone = pick(r, ZONES);
  const year = 2005 + Math.floor(r() * 21);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const h = pick(r, p.headlines);
  const lines: string[] = [];
  const mess = r();
  // how the date is given: an info line, a masthead, or nowhere (the text has to do)
  const dated = r();
  if (mess < 0.05) lines.push("河南切换", "新闻");
  if (h.kicker) lines.push(localise(h.kicker, p, zone, r), "");
  lines.push(localise(h.title, p, zone, r), "");
  if (h.subtitle) lines.push(`——${localise(h.subtitle, p, zone, r)}`, "");
  if (dated < 0.6) lines.push(`发布时间：${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}  来源：${zone.city.replace(/市$/u, "")}日报`, "");
  else if (dated < 0.75) lines.push(`${zone.city.replace(/市$/u, "")}日报 ${year}年${month}月${day}日 第${1 + Math.floor(r() * 8)}版`, "");
  const reporter = pick(r, p.names);
  const stringer = pick(r, p.names);
  const n = 4 + Math.floor(r() * 9);
  const body: string[] = [];
  for (let k = 0; k < n; k++) body.push(localise(pick(r, p.paragraphs), p, zone, r));
  body[0] = `本报讯（记者${reporter} 通讯员${stringer}）${body[0]}`;
  if (dated >= 0.75 && r() < 0.5) body.push(`会议部署了${year + 1}年重点工作。今年1月至11月份，全区各项经济指标稳中有进。`);
  if (mess < 0.15) body.splice(1 + Math.floor(r() * (body.length - 1)), 0, body[Math.floor(r() * body.length)]); // a repeated paragraph
  if (mess > 0.85) {
    const k = Math.floor(r() * body.length);
    const cut = Math.floor(body[k].length / 2);
    body.splice(k, 1, body[k].slice(0, cut), body[k].slice(cut)); // broken mid-sentence
  }
  for (const b of body) lines.push(b, "");
  // a whole newspaper page: more articles of the same zone and date under this one
  if (r() < 0.06) {
    const more = 1 + Math.floor(r() * 3);
    for (let k = 0; k < more; k++) {
      const h2 = pick(r, p.headlines);
      lines.push("", h2.kicker ? localise(h2.kicker, p, zone, r) : "", localise(h2.title, p, zone, r), "");
      const paras = 2 + Math.floor(r() * 4);
      for (let j = 0; j < paras; j++) {
        const text = localise(pick(r, p.paragraphs), p, zone, r);
        lines.push(j === 0 ? `本报讯（记者${pick(r, p.names)}）${text}` : text, "");
      }
    }
  }
  if (mess < 0.05) lines.push("免责声明：本文为工业园网用户自行上传并发布，仅代表该用户观点。", "[不良信息举报：service@cnrepark.com]");
  let text = lines.join("\n");
  if (mess > 0.7 && mess < 0.8) text = text.replace(/，/gu, ",").replace(/；/gu, ";").replace(/：/gu, ":"); // half-width punctuation
  const dir = String(year);
  const kind = r();
  if (kind < 0.05) {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(lines[0])}</title></head><body><div class="nav">首页 &gt; 新闻</div><div class="article">${lines
      .filter(Boolean)
      .map((l, k) => (k === 0 ? `<h1>${escapeHtml(l)}</h1>` : `<p>${escapeHtml(l)}</p>`))
      .join("")}</div><div class="footer">版权所有</div></body></html>`;
    return { path: `${dir}/${i}.html`, bytes: Buffer.from(html, "utf8") };
  }
  if (kind < 0.1) return { path: `${dir}/${i}.txt`, bytes: iconv.encode(text, "gb18030") };
  if (kind < 0.13) return { path: `${dir}/${i}.txt`, bytes: iconv.encode(toTw(text), "big5") };
  if (kind < 0.18) return { path: `${dir}/${i}.txt`, bytes: Buffer.from(text.replace(/\n/gu, "\r\n"), "utf8") };
  return { path: `${dir}/${i}.txt`, bytes: Buffer.from(text, "utf8") };
}

/**
 * An article that is not in the corpus of N (generated as article N, N+1 … would be), the first
 * of them dated in `year`: a new article arriving, for the benchmark's rebuild.
 */
export function newArticle(n: number, year: number, articlesDir = "articles"): Generated {
  const p = pools(articlesDir);
  for (let i = n; ; i++) {
    const g = article(i, p);
    if (g.path.startsWith(`${year}/`)) return g;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

export function generateCorpus(n: number, outDir: string, articlesDir = "articles"): { files: number; bytes: number } {
  // the same N from the same generator and seeds is the same corpus: reuse it
  const stamp = `${n} ${createHash("sha256").update(readFileSync(import.meta.filename)).digest("hex").slice(0, 12)}`;
  const stampFile = join(outDir, ".corpus");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    let bytes = 0;
    for (const e of readdirSync(outDir, { withFileTypes: true, recursive: true })) if (e.isFile() && !e.name.startsWith(".")) bytes += statSync(join(e.parentPath, e.name)).size;
    return { files: n, bytes };
  }
  const p = pools(articlesDir);
  rmSync(outDir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const g = article(i, p);
    mkdirSync(join(outDir, g.path, ".."), { recursive: true });
    writeFileSync(join(outDir, g.path), g.bytes);
    bytes += g.bytes.length;
  }
  writeFileSync(stampFile, stamp);
  return { files: n, bytes };
}

if (resolve(process.argv[1] ?? "") === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, out: { type: "string" } } });
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--articles ${values.articles}: a positive whole number, please`);
    process.exit(2);
  }
  const out = values.out ?? join(".cache", `corpus-${n}`);
  const t = performance.now();
  const { files, bytes } = generateCorpus(n, out);
  console.error(`generated ${files} articles (${(bytes / 1e6).toFixed(1)} MB) into ${out} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
