/**
 * Shared bits for the build tests: temp folders, GB18030 bytes, file listings,
 * and small realistic inputs. Not a test file itself (no .test.ts).
 */
import { mkdtemp, readdir, readFile, rm, cp, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import type { ArticleRecord, BuildReport } from "../../src/types.ts";

export const REPO = join(import.meta.dirname, "..", "..");
export const SEEDS = join(REPO, "articles");

/** A fresh folder under the system temp folder; `cleanup` removes it. */
export async function tempRoot(label: string): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), `zone-build-${label}-`));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Copy the five seed articles (read-only in the repo) into `dest`, writable. */
export async function copySeeds(dest: string): Promise<void> {
  await cp(SEEDS, dest, { recursive: true });
  for (const name of await readdir(dest)) await chmod(join(dest, name), 0o644);
}

/** Every file under `dir` (recursive), as sorted forward-slash paths relative to it. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  }
  await walk(dir);
  return out.sort();
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

export async function readOutputs(outDir: string): Promise<{ articles: ArticleRecord[]; report: BuildReport; csv: string }> {
  return {
    articles: await readJson<ArticleRecord[]>(join(outDir, "data", "articles.json")),
    report: await readJson<BuildReport>(join(outDir, "build-report.json")),
    csv: await readFile(join(outDir, "data", "figures.csv"), "utf8"),
  };
}

// ---------------------------------------------------------------------------
// GB18030 bytes without an encoder package: Node's TextDecoder decodes GB18030,
// so the two-byte (GBK) table is built once by decoding every code and inverting.

let gbTable: Map<string, [number, number]> | null = null;

function gbk(): Map<string, [number, number]> {
  if (gbTable) return gbTable;
  const t = new Map<string, [number, number]>();
  const dec = new TextDecoder("gb18030", { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      let s: string;
      try {
        s = dec.decode(new Uint8Array([a, b]));
      } catch {
        continue;
      }
      if (s.length === 1 && s !== "\ufffd" && !t.has(s)) t.set(s, [a, b]);
    }
  }
  gbTable = t;
  return t;
}

/** Encode text as GB18030 (ASCII + the two-byte GBK range; enough for press text). */
export function encodeGb18030(text: string): Buffer {
  const t = gbk();
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      bytes.push(c);
      continue;
    }
    const pair = t.get(ch);
    if (!pair) throw new Error(`encodeGb18030: no two-byte code for ${ch} (U+${c.toString(16)})`);
    bytes.push(pair[0], pair[1]);
  }
  const buf = Buffer.from(bytes);
  // the encoder must agree with the decoder the build uses
  if (new TextDecoder("gb18030").decode(buf) !== text) throw new Error("encodeGb18030: round trip failed");
  return buf;
}

/** Deterministic pseudo-random bytes (a tiny LCG), so a failure can be reproduced. */
export function junkBytes(n: number, seed = 12345): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Small realistic inputs

/** A short UTF-8 news item about 鹤壁经济技术开发区. */
export const GOOD_UTF8 = [
  "鹤壁经开区新签约项目8个",
  "",
  "2023-03-14 09:30",
  "",
  "本报讯（记者 李明）3月14日，记者从鹤壁经济技术开发区获悉，今年以来该区新签约项目8个，总投资45.6亿元，同比增长12.5%。",
  "",
  "据介绍，鹤壁经济技术开发区持续优化营商环境，围绕电子信息、现代物流等主导产业开展精准招商。签约项目涵盖新材料、智能制造等领域。下一步，该区将加快项目落地，力争早日开工建设。",
  "",
].join("\n");

/** A short news item about 漯河经济技术开发区, to be written as GB18030 bytes. */
export const GOOD_GB_TEXT = [
  "漯河经开区重点项目建设提速",
  "",
  "发布时间：2023-04-10",
  "",
  "本报讯（记者 王芳 通讯员 张强）记者日前从漯河经济技术开发区获悉，该区一季度完成固定资产投资20.3亿元，同比增长15.2%。",
  "",
  "今年以来，漯河经济技术开发区坚持项目为王，实行领导分包、专班推进的工作机制，及时解决项目建设中的困难和问题。目前，该区在建项目进展顺利，多个项目已进入设备安装阶段。",
  "",
].join("\n");

/** Body text for single-article files that carry front matter. */
export function bodyAbout(zone: string, headline: string, extra = ""): string {
  return [
    headline,
    "",
    `本报讯（记者 赵刚）${zone}今年以来紧盯主导产业延链补链，前两个月新签约项目5个，总投资18.2亿元。`,
    "",
    `据了解，${zone}持续开展“万人助万企”活动，帮助企业解决用工、融资等问题。${extra}该区还将继续优化服务，推动项目早投产、早见效。`,
    "",
  ].join("\n");
}

/** A small but realistic news page: nav, headline, info line, paragraphs, print links, footer. */
export const NEWS_PAGE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>高新区项目建设跑出加速度_平顶山新闻网</title>
<script>var _hmt = []; document.write("统计代码");</script>
</head>
<body>
<div id="nav" class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">本地新闻</a></li><li><a href="/zt/">专题报道</a></li><li><a href="/video/">视频点播</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">本地新闻</a> &gt; 正文</div>
<div class="main">
  <h1>高新区项目建设跑出加速度</h1>
  <div class="info">来源：平顶山日报 发布时间：2023-02-03</div>
  <div class="content">
    <p>　　春节假期后首个工作日，平顶山高新技术产业开发区举行重点项目集中开工仪式，5个项目集中开工，总投资32.6亿元。</p>
    <p>　　近年来，高新区坚持“项目为王”理念，实行“园区吹哨、部门报到”服务机制，围绕招商引资、建设投产开展全程跟踪服务。该区今年已签约项目12个，同比增长20%。</p>
    <p>　　下一步，高新区将持续优化营商环境，全力为项目投产达产保驾护航。</p>
  </div>
  <div class="print-tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
</div>
<div class="footer"><p>Copyright © 2023 平顶山新闻网 版权所有</p><p>豫ICP备12345678号 联系我们 广告服务</p></div>
</body>
</html>
`;

/**
 * Minimal RFC 4180 reader for the data files: quoted cells may hold commas, quotes and line
 * breaks; only CRLF ends a row (a bare LF outside quotes stays in its cell, so a file that
 * ends its rows with LF alone does not read as rows).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
