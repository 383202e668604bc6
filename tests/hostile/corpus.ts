/**
 * The hostile corpus: every kind of bad input the issue names, written into a
 * folder beside three good articles. Small files come from
 * tests/fixtures/hostile/ (markup in text, front matter that is code, a YAML
 * alias bomb, wrong types, impossible dates, unsafe ids, a shared id); the big
 * and binary ones are made here at test time and never committed (a 50 MB
 * page, one endless line, junk bytes, cut multi-byte characters, every
 * encoding of the contract). Not a test file itself.
 */
import { readFileSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { GOOD_GB_TEXT, GOOD_UTF8, NEWS_PAGE, encodeGb18030, junkBytes } from "../build/helpers.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "hostile");

/** What one input is, and what the build must make of it. */
export interface Expectation {
  /** what the input is, in the table of the closing note */
  what: string;
  status: "ok" | "warning" | "error";
  /** articles the file must give */
  articles: number;
  /** the report's messages for the file must match this */
  message?: RegExp;
  /** the title of its (first) article */
  title?: string;
  encoding?: string;
}

/** Encode as Big5 (the two-byte table, from Node's decoder). */
let big5Table: Map<string, [number, number]> | null = null;
export function encodeBig5(text: string): Buffer {
  if (!big5Table) {
    big5Table = new Map();
    const dec = new TextDecoder("big5", { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++) {
      for (const b of [...Array.from({ length: 0x3f }, (_, i) => 0x40 + i), ...Array.from({ length: 0x5f }, (_, i) => 0xa1 + i)]) {
        let s: string;
        try {
          s = dec.decode(new Uint8Array([a, b]));
        } catch {
          continue;
        }
        if ([...s].length === 1 && s !== "\ufffd" && !big5Table.has(s)) big5Table.set(s, [a, b]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else {
      const pair = big5Table.get(ch);
      if (!pair) throw new Error(`encodeBig5: no code for ${ch}`);
      bytes.push(...pair);
    }
  }
  const buf = Buffer.from(bytes);
  if (new TextDecoder("big5").decode(buf) !== text) throw new Error("encodeBig5: round trip failed");
  return buf;
}

/** GB18030's four-byte form of a character outside the BMP (U+10000 and up: linear from 90 30 81 30). */
function gb18030FourByte(cp: number): number[] {
  let n = cp - 0x10000;
  const b4 = 0x30 + (n % 10);
  n = Math.floor(n / 10);
  const b3 = 0x81 + (n % 126);
  n = Math.floor(n / 126);
  const b2 = 0x30 + (n % 10);
  const b1 = 0x90 + Math.floor(n / 10);
  return [b1, b2, b3, b4];
}

/** GB18030 with the four-byte form for characters beyond the BMP. */
export function encodeGb18030Full(text: string): Buffer {
  const parts: Buffer[] = [];
  let run = "";
  for (const ch of text) {
    if (ch.codePointAt(0)! > 0xffff) {
      parts.push(encodeGb18030(run), Buffer.from(gb18030FourByte(ch.codePointAt(0)!)));
      run = "";
    } else run += ch;
  }
  parts.push(encodeGb18030(run));
  const buf = Buffer.concat(parts);
  if (new TextDecoder("gb18030").decode(buf) !== text) throw new Error("encodeGb18030Full: round trip failed");
  return buf;
}

const utf16 = (text: string, be: boolean): Buffer => {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return be ? Buffer.from(le).swap16() : le;
};
const crlf = (text: string): string => text.replace(/\n/g, "\r\n");

/** A short article about a zone: headline, date line (when given), byline lead, two paragraphs. */
function article(headline: string, zone: string, lead: string, more: string, date = ""): string {
  return `${headline}\n\n${date ? `${date}\n\n` : ""}本报讯（记者 张华）${zone}${lead}\n\n据了解，${zone}${more}。\n`;
}

/** The page the 50 MB file repeats: a scraper that kept appending the same page. */
export const LOOPED_PAGE = [
  "鹤壁经开区数字经济产业园首批企业入驻",
  "",
  "2023-07-18 08:45",
  "",
  "本报讯（记者 吴涛 通讯员 刘佳）7月17日，鹤壁经济技术开发区数字经济产业园迎来首批入驻企业，12家企业现场签约，总投资8.6亿元。",
  "",
  "据介绍，鹤壁经济技术开发区数字经济产业园规划面积1200亩，重点发展电子信息、软件服务和数据处理产业。园区实行“拎包入驻”服务，企业从签约到投产平均用时不到三个月。",
  "",
  "下一步，该区将完善园区配套，强化要素保障，力争年内入驻企业达到50家，打造全省一流的数字经济产业集群。",
  "",
  "",
].join("\n");

/** One endless line: the seed articles with every line break lost, over and over (a scrape that flattened a site). */
export function endlessLine(chars: number): string {
  const dir = join(import.meta.dirname, "..", "..", "articles");
  const flat = readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8").replace(/\s+/gu, ""))
    .join("");
  return flat.repeat(Math.ceil(chars / flat.length)).slice(0, chars);
}

export interface Corpus {
  articlesDir: string;
  /** a file the front matter code would write if it ever ran */
  marker: string;
  expect: Record<string, Expectation>;
}

/** Writes the corpus into `root/articles`; returns what each file must give. */
export async function writeCorpus(root: string, opts: { bigMB: number; lineChars: number }): Promise<Corpus> {
  const articlesDir = join(root, "articles");
  const marker = join(root, "front-matter-ran.txt");
  const expect: Record<string, Expectation> = {};
  const put = async (file: string, data: string | Uint8Array, e: Expectation): Promise<void> => {
    await mkdir(dirname(join(articlesDir, file)), { recursive: true });
    await writeFile(join(articlesDir, file), data);
    expect[file] = e;
  };

  // ── the good articles ──
  await put("good/heibi.txt", GOOD_UTF8, { what: "good article (UTF-8 text)", status: "ok", articles: 1, title: "鹤壁经开区新签约项目8个" });
  await put("good/luohe-gb18030.txt", encodeGb18030(GOOD_GB_TEXT), { what: "good article (GB18030)", status: "ok", articles: 1, title: "漯河经开区重点项目建设提速", encoding: "gb18030" });
  await put("good/pingdingshan.html", NEWS_PAGE, { what: "good article (a news web page)", status: "ok", articles: 1, title: "高新区项目建设跑出加速度" });

  // ── unusable bytes ──
  await put("bytes/empty.txt", "", { what: "empty file", status: "error", articles: 0, message: /empty/ });
  const junk = junkBytes(64 * 1024, 99);
  for (let i = 0; i < junk.length; i += 53) junk[i] = 0;
  await put("bytes/binary-junk.txt", junk, { what: "binary junk named .txt", status: "error", articles: 0, message: /not text|binary/ });
  const cutUtf8 = Buffer.from(article("许昌经开区项目建设加快推进", "许昌经济技术开发区", "今年以来新开工项目7个，总投资21.5亿元。", "将继续优化服务，推动项目早投产、早见效"), "utf8");
  await put("bytes/truncated-utf8.txt", cutUtf8.subarray(0, cutUtf8.length - 5), {
    what: "UTF-8 cut in the middle of a character",
    status: "warning",
    articles: 1,
    title: "许昌经开区项目建设加快推进",
    message: /incomplete|truncated|cut/i,
    encoding: "utf-8",
  });
  const cutGb = encodeGb18030(article("新乡经开区新签约项目5个", "新乡经济技术开发区", "今年以来新签约项目5个，总投资18.2亿元。", "持续开展“万人助万企”活动，帮助企业解决用工、融资等问题"));
  await put("bytes/truncated-gb18030.txt", cutGb.subarray(0, cutGb.length - 4), {
    what: "GB18030 cut after the first byte of a character",
    status: "warning",
    articles: 1,
    title: "新乡经开区新签约项目5个",
    encoding: "gb18030",
  });
  const u16 = utf16(article("安阳高新区新签约项目6个", "安阳高新技术产业开发区", "今年以来新签约项目6个，总投资16.4亿元。", "将继续围绕精密制造开展招商"), false);
  await put("bytes/truncated-utf16le.txt", u16.subarray(0, u16.length - 1), {
    what: "UTF-16LE with an odd number of bytes",
    status: "warning",
    articles: 1,
    title: "安阳高新区新签约项目6个",
    encoding: "utf-16le",
  });

  // combining marks standing alone (garbled text holds them): Pagefind indexes an empty word for them
  await put(
    "bytes/stray-combining-marks.txt",
    article("焦作经开区新签约项目3个", "焦作经济技术开发区", "今年以来新签约项目3个，总投资9.6亿元。\u05b3 \u06e4 \u073d", "将继续优化营商环境", "2023-05-12 09:30"),
    { what: "stray combining marks between words", status: "ok", articles: 1, title: "焦作经开区新签约项目3个" },
  );

  // ── every encoding of the contract (good articles, each in its own) ──
  const enc = (headline: string, zone: string, n: number): string =>
    article(headline, zone, `今年以来新签约项目${n}个，总投资${n * 3}.5亿元，同比增长1${n}.2%。`, "坚持项目为王，实行领导分包、专班推进的工作机制", `2023-0${n}-1${n} 09:30`);
  await put("encodings/utf8-bom-crlf.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(enc("濮阳经开区项目建设提速", "濮阳经济技术开发区", 4)), "utf8")]), {
    what: "UTF-8 with BOM, CRLF",
    status: "ok",
    articles: 1,
    title: "濮阳经开区项目建设提速",
    encoding: "utf-8-bom",
  });
  await put("encodings/utf16le-bom.txt", utf16(enc("鹤壁经开区电子信息产业提速", "鹤壁经济技术开发区", 5), false), {
    what: "UTF-16LE with BOM",
    status: "ok",
    articles: 1,
    title: "鹤壁经开区电子信息产业提速",
    encoding: "utf-16le",
  });
  await put("encodings/utf16be-bom-crlf.txt", utf16(crlf(enc("漯河经开区食品产业提质增效", "漯河经济技术开发区", 6)), true), {
    what: "UTF-16BE with BOM, CRLF",
    status: "ok",
    articles: 1,
    title: "漯河经开区食品产业提质增效",
    encoding: "utf-16be",
  });
  await put("encodings/gb2312.txt", encodeGb18030(enc("三门峡经开区招商引资成效明显", "三门峡经济技术开发区", 7)), {
    what: "GB2312 (GB18030's two-byte subset)",
    status: "ok",
    articles: 1,
    title: "三门峡经开区招商引资成效明显",
    encoding: "gb18030",
  });
  await put("encodings/gbk-crlf.txt", encodeGb18030(crlf(enc("周口经开区镕铸企业喆力转型", "周口经济技术开发区", 8))), {
    what: "GBK (characters outside GB2312: 镕 喆), CRLF",
    status: "ok",
    articles: 1,
    title: "周口经开区镕铸企业喆力转型",
    encoding: "gb18030",
  });
  await put("encodings/gb18030-4byte.txt", encodeGb18030Full(enc("信阳高新区𠮷祥产业园开工", "信阳高新技术产业开发区", 9)), {
    what: "GB18030 with a four-byte character (𠮷)",
    status: "ok",
    articles: 1,
    title: "信阳高新区𠮷祥产业园开工",
    encoding: "gb18030",
  });
  await put("encodings/big5.txt", encodeBig5("臺中經開區招商引資再創佳績\n\n發布時間：2023-10-12\n\n本報訊（記者 張華）許昌經濟技術開發區今年以來新簽約項目9個，總投資27.5億元，同比增長12.6%。\n\n據了解，該區堅持項目為王，實行領導分包、專班推進的工作機制。\n"), {
    what: "Big5, Traditional characters",
    status: "ok",
    articles: 1,
    title: "台中经开区招商引资再创佳绩",
    encoding: "big5",
  });

  // ── size ──
  const page = Buffer.from(LOOPED_PAGE, "utf8");
  const copies = Math.ceil((opts.bigMB * 1024 * 1024) / page.length);
  await put("size/looped-50mb.txt", Buffer.concat(Array.from({ length: copies }, () => page)), {
    what: `${opts.bigMB} MB: one page repeated ${copies} times by a scraper`,
    status: "warning",
    articles: 1,
    title: "鹤壁经开区数字经济产业园首批企业入驻",
    message: /repeated text already in the file/,
  });
  await put("size/endless-line.txt", endlessLine(opts.lineChars), {
    what: `one line of ${opts.lineChars.toLocaleString("en")} characters, no line break`,
    status: "warning",
    articles: 1,
    title: "敢想敢干敢闯敢试努力实现新突破新跨越——鹤壁国家经济技术开发区发展概述□本报……",
    message: /line of \d+ characters .* cut into \d+ paragraphs/,
  });

  // ── the small hostile files, as committed ──
  const fixtures: Record<string, Omit<Expectation, "what"> & { what: string }> = {
    "front-matter-js.md": { what: "---js front matter that writes a file and sets a global", status: "warning", articles: 1, title: "郑州经开区新签约项目6个", message: /language 'js' rejected/ },
    "front-matter-coffee.md": { what: "---coffee front matter that writes a file", status: "warning", articles: 1, title: "开封经开区汽车零部件产业链加快成链", message: /language 'coffee' rejected/ },
    "front-matter-yaml-js-tag.md": { what: "YAML with !!js/function and !!js/undefined tags", status: "warning", articles: 1, message: /front matter/ },
    "front-matter-alias-bomb.md": { what: "YAML alias bomb (9^9 strings)", status: "warning", articles: 1, title: "南阳高新区新签约项目5个", message: /too many aliases/ },
    "front-matter-wrong-types.md": { what: "front matter fields of the wrong type (and __proto__)", status: "warning", articles: 1, title: "焦作示范区重点项目集中开工", message: /title is not text/ },
    "front-matter-impossible-dates.md": { what: "front matter date 2023-02-30", status: "warning", articles: 1, title: "濮阳经开区新材料产业园开工", message: /2023-02-30.*not a real date/ },
    "front-matter-impossible-month.md": { what: "front matter date 2023-13-45", status: "warning", articles: 1, title: "三门峡经开区招商引资成效明显", message: /2023-13-45.*not a real date/ },
    "id-dotdot.md": { what: "id ../../../../../../tmp/hostile-escape", status: "warning", articles: 1, message: /not a safe id/ },
    "slug-slash.md": { what: "slug nested/hostile-escape", status: "warning", articles: 1, message: /not a safe id/ },
    "id-nul.md": { what: "id with a NUL byte", status: "warning", articles: 1, message: /not a safe id/ },
    "same-id-a.md": { what: "id same-id (first of two)", status: "ok", articles: 1 },
    "same-id-b.md": { what: "id same-id (second of two)", status: "warning", articles: 1, message: /already used by another input/ },
    "same-id-c.md": { what: "id same-id-2 (what the second got)", status: "warning", articles: 1, message: /already used by another input/ },
    "markup-in-text.txt": { what: "<script>, onerror=, javascript: links, <!-- --> in a text file's headline and text", status: "warning", articles: 1, message: /no headline printed; title taken from the first clause/ },
    "markup-in-markdown.md": { what: "the same in Markdown (links, raw HTML, {{ }} and {% %}) and in front matter", status: "ok", articles: 1 },
    "markup-in-page.html": { what: "the same as real HTML markup (script, on* attributes, base, meta refresh, iframe srcdoc)", status: "ok", articles: 1, title: "安阳高新区科技创新成果丰硕" },
    "markup-in-traditional.txt": { what: "markup in a Traditional-character text (its original is published)", status: "warning", articles: 1, message: /no headline printed/ },
  };
  for (const name of readdirSync(FIXTURES).sort()) {
    const e = fixtures[name];
    if (!e) throw new Error(`tests/fixtures/hostile/${name} has no expectation in tests/hostile/corpus.ts`);
    await put(`hostile/${name}`, readFileSync(join(FIXTURES, name), "utf8").replaceAll("@MARKER@", marker), e);
  }
  return { articlesDir, marker, expect };
}
