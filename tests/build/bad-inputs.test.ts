/**
 * Bad inputs never stop the build: mixed with two good articles, each bad file
 * gets a report entry with a plain message, the good articles are all built,
 * front matter is data only, and nothing is written outside the output folders.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "../../src/build.ts";
import type { ArticleRecord, BuildReport, ReportInput } from "../../src/types.ts";
import { GOOD_GB_TEXT, GOOD_UTF8, NEWS_PAGE, bodyAbout, encodeGb18030, junkBytes, listTree, readOutputs, tempRoot } from "./helpers.ts";

const SAFE_ID = /^[a-z0-9-]+$/;

declare global {
  // set only if a ---js front matter block were ever run
  var __ran: unknown;
}

/** A message a person can read: text, no stack trace, no "[object Object]" / "undefined". */
function assertPlain(entry: ReportInput): void {
  assert.ok(entry.messages.length > 0, `${entry.file}: status ${entry.status} but no message`);
  for (const m of entry.messages) {
    assert.equal(typeof m, "string");
    assert.ok(m.trim().length > 3, `${entry.file}: empty message`);
    assert.doesNotMatch(m, /\n\s+at |\[object Object\]|\bundefined\b|\bNaN\b/, `${entry.file}: not a plain message: ${m}`);
  }
}

describe("build with bad inputs mixed with good ones", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let articlesDir: string;
  let outDir: string;
  let contentDir: string;
  let before_: string[];
  let after_: string[];
  let inputFiles: string[];
  let fsMarker: string;
  let result: { articles: ArticleRecord[]; report: BuildReport };
  let thrown: unknown = null;

  const entry = (file: string): ReportInput => {
    const e = result.report.inputs.find((i) => i.file === file);
    assert.ok(e, `no report entry for ${file}; entries: ${result.report.inputs.map((i) => i.file).join(", ")}`);
    return e;
  };
  const recordsOf = (file: string): ArticleRecord[] => result.articles.filter((r) => r.source.file === file);
  const oneRecord = (file: string): ArticleRecord => {
    const recs = recordsOf(file);
    assert.equal(recs.length, 1, `${file}: expected one article, got ${recs.length} (${entry(file).messages.join("; ")})`);
    return recs[0];
  };

  before(async () => {
    ({ root, cleanup } = await tempRoot("bad"));
    articlesDir = join(root, "articles");
    outDir = join(root, "out");
    contentDir = join(root, "content");
    fsMarker = join(root, "front-matter-ran.txt");
    await mkdir(join(articlesDir, "sub", "deeper"), { recursive: true });
    const w = (name: string, data: string | Uint8Array): Promise<void> => writeFile(join(articlesDir, name), data);

    // two good articles
    await w("good-utf8.txt", GOOD_UTF8);
    await w("good-gb18030.txt", encodeGb18030(GOOD_GB_TEXT));

    // unusable files
    await w("empty.txt", "");
    const junk = junkBytes(4096, 7);
    for (let i = 0; i < junk.length; i += 37) junk[i] = 0;
    await w("binary-junk.txt", junk);
    // GB18030 text in which every third character lost its second byte (0xFF in its place)
    const corrupt = encodeGb18030(GOOD_GB_TEXT + GOOD_GB_TEXT);
    for (let i = 0, n = 0; i < corrupt.length - 1; i++) {
      if (corrupt[i] >= 0x81) {
        if (n++ % 3 === 0) corrupt[i + 1] = 0xff;
        i++;
      }
    }
    await w("corrupt-gb18030.txt", corrupt);
    // random high bytes, no NULs and no ASCII: it "decodes" as GB18030, but to nothing a person could read
    await w("random-high.txt", junkBytes(4096, 11).map((x) => x | 0x80));
    // a UTF-8 article in which two characters are damaged (a lead byte followed by an ASCII byte)
    const damaged = Buffer.from(GOOD_UTF8, "utf8");
    for (const at of [Math.floor(damaged.length / 3), Math.floor((2 * damaged.length) / 3)]) {
      let j = at;
      while (damaged[j] < 0xe0) j++;
      damaged[j + 1] = 0x41;
    }
    await w("damaged-utf8.txt", damaged);
    await w("scan.pdf", Buffer.concat([Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"), junkBytes(512, 3)]));
    await w("notes.docx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from("[Content_Types].xml"), junkBytes(512, 5)]));

    // a good article cut off in the middle of a three-byte character
    const full = Buffer.from(bodyAbout("许昌经济技术开发区", "许昌经开区项目建设加快推进"), "utf8");
    const cut = full.indexOf(Buffer.from("持续开展", "utf8"));
    await w("truncated.txt", full.subarray(0, cut + 7)); // 持 (3 bytes) + 续 (3) + 1 byte of 开

    // front matter: an impossible date; the text states the real one
    await w(
      "bad-date.md",
      `---\ndate: 2023-02-30\n---\n${bodyAbout("新乡经济技术开发区", "新乡经开区签约项目5个").replace("\n\n", "\n\n发布时间：2023-03-15\n\n")}`,
    );

    // front matter: unsafe ids
    await w("unsafe-dotdot.md", `---\nid: "../../escaped"\n---\n${bodyAbout("安阳高新技术产业开发区", "安阳高新区项目建设提速")}`);
    await w("unsafe-slash.md", `---\nslug: "nested/escaped"\n---\n${bodyAbout("南阳高新技术产业开发区", "南阳高新区新签约项目5个")}`);
    await w("unsafe-nul.md", `---\nid: "escaped\\0nul"\n---\n${bodyAbout("洛阳高新技术产业开发区", "洛阳高新区招商引资成效明显")}`);

    // front matter that is code: must never run
    await w("js-global.md", `---js\n{ title: (globalThis.__ran = 1, "x") }\n---\n${bodyAbout("郑州经济技术开发区", "郑州经开区新签约项目5个")}`);
    await w(
      "js-fs.md",
      `---javascript\n{ title: (require("fs").writeFileSync(${JSON.stringify(fsMarker)}, "ran"), "y") }\n---\n${bodyAbout("开封经济技术开发区", "开封经开区签约项目5个")}`,
    );

    // two files claiming the same id
    await w("dup-a.md", `---\nid: same-id\n---\n${bodyAbout("濮阳经济技术开发区", "濮阳经开区项目建设提速")}`);
    await w("dup-b.md", `---\nid: same-id\n---\n${bodyAbout("三门峡经济技术开发区", "三门峡经开区招商引资成效明显")}`);

    // a web page in a sub-folder
    await w("sub/deeper/page.html", NEWS_PAGE);

    inputFiles = await listTree(articlesDir);
    before_ = await listTree(root);
    globalThis.__ran = undefined;
    try {
      await build({ articlesDir, outDir, contentDir, quiet: true, dataOnly: true });
    } catch (err) {
      thrown = err;
    }
    after_ = await listTree(root);
    if (!thrown) result = await readOutputs(outDir);
  });

  after(async () => {
    delete globalThis.__ran;
    await cleanup();
  });

  it("does not stop: the build finishes and writes its data files", () => {
    assert.equal(thrown, null, `the build threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    assert.ok(after_.includes("out/data/articles.json"));
    assert.ok(after_.includes("out/build-report.json"));
  });

  it("reports every input file exactly once, with the ids of its articles", () => {
    assert.deepEqual(result.report.inputs.map((i) => i.file).sort(), inputFiles);
    const reported = result.report.inputs.flatMap((i) => i.articles).sort();
    assert.deepEqual(reported, result.articles.map((r) => r.id).sort());
    for (const i of result.report.inputs) {
      if (i.status === "error") assert.deepEqual(i.articles, [], `${i.file}: an error entry with articles`);
      if (i.status !== "ok") assertPlain(i);
    }
  });

  it("builds the two good articles, the GB18030 one decoded right", () => {
    const u = oneRecord("good-utf8.txt");
    assert.equal(entry("good-utf8.txt").encoding, "utf-8");
    assert.equal(u.title, "鹤壁经开区新签约项目8个");
    assert.equal(u.zone?.name, "鹤壁经济技术开发区");
    assert.equal(u.date, "2023-03-14");
    assert.equal(u.dateSource, "explicit");
    assert.equal(entry("good-utf8.txt").status, "ok", entry("good-utf8.txt").messages.join("; "));
    assert.ok(u.authors.some((a) => a.name === "李明" && a.role === "记者"), JSON.stringify(u.authors));
    const g = oneRecord("good-gb18030.txt");
    assert.equal(entry("good-gb18030.txt").encoding, "gb18030");
    assert.equal(entry("good-gb18030.txt").status, "ok", entry("good-gb18030.txt").messages.join("; "));
    assert.equal(g.date, "2023-04-10");
    assert.equal(g.title, "漯河经开区重点项目建设提速");
    assert.equal(g.zone?.name, "漯河经济技术开发区");
    assert.equal(g.zone?.city, "漯河市");
  });

  for (const [file, what] of [
    ["empty.txt", "empty"],
    ["binary-junk.txt", "binary junk with NUL bytes"],
    ["corrupt-gb18030.txt", "GB18030 with a third of its characters broken"],
    ["scan.pdf", "a PDF (unsupported type)"],
    ["notes.docx", "a .docx (unsupported type)"],
  ] as const) {
    it(`skips ${file} (${what}) with status "error" and a plain message`, () => {
      const e = entry(file);
      assert.equal(e.status, "error", `${file}: status ${e.status}, messages: ${e.messages.join("; ")}`);
      assert.deepEqual(e.articles, []);
      assert.equal(recordsOf(file).length, 0);
      assertPlain(e);
    });
  }

  it("says what is wrong in the messages for empty, binary and unsupported files", () => {
    assert.match(entry("empty.txt").messages.join(" "), /empty/i);
    assert.match(entry("binary-junk.txt").messages.join(" "), /binary|not text/i);
    assert.match(entry("scan.pdf").messages.join(" "), /unsupported|not supported|file type/i);
    assert.match(entry("notes.docx").messages.join(" "), /unsupported|not supported|file type/i);
  });

  it(
    "skips random-high.txt (random bytes 0x80–0xFF, no NUL) with status \"error\" instead of publishing gibberish",
    () => {
      const e = entry("random-high.txt");
      assert.equal(e.status, "error", `status ${e.status}; titles: ${recordsOf("random-high.txt").map((r) => r.title.slice(0, 20)).join(" / ")}`);
      assert.equal(recordsOf("random-high.txt").length, 0);
      assertPlain(e);
    },
  );

  it(
    "reads a UTF-8 article with two damaged characters as UTF-8 (the bad bytes dropped, a warning), not as mojibake",
    () => {
      const e = entry("damaged-utf8.txt");
      assert.equal(e.encoding, "utf-8", `read as ${e.encoding}: ${e.messages.join("; ")}`);
      assert.equal(e.status, "warning");
      const r = oneRecord("damaged-utf8.txt");
      assert.equal(r.title, "鹤壁经开区新签约项目8个");
      assert.equal(r.zone?.name, "鹤壁经济技术开发区");
      assert.match(e.messages.join(" "), /invalid UTF-8|dropped/i);
    },
  );

  it("builds a file cut off mid-character, with a warning", () => {
    const e = entry("truncated.txt");
    assert.equal(e.status, "warning", e.messages.join("; "));
    const r = oneRecord("truncated.txt");
    assert.equal(r.title, "许昌经开区项目建设加快推进");
    assert.match(e.messages.join(" "), /incomplete|truncated|cut/i);
  });

  it("keeps the normaliser's date when front matter gives an impossible one, and names the bad date", () => {
    const e = entry("bad-date.md");
    const r = oneRecord("bad-date.md");
    assert.equal(r.date, "2023-03-15");
    assert.equal(r.dateSource, "explicit");
    assert.equal(e.status, "warning");
    assert.ok(e.messages.some((m) => m.includes("2023-02-30")), `no message names 2023-02-30: ${e.messages.join("; ")}`);
  });

  for (const file of ["unsafe-dotdot.md", "unsafe-slash.md", "unsafe-nul.md"]) {
    it(`ignores an unsafe front matter id in ${file}: a safe generated id, a message`, () => {
      const e = entry(file);
      const r = oneRecord(file);
      assert.match(r.id, SAFE_ID);
      assert.ok(!r.id.includes("escaped"), `the unsafe id leaked into ${r.id}`);
      assert.equal(r.url, `/articles/${r.id}/`);
      assert.equal(e.status, "warning");
      assert.ok(e.messages.some((m) => /\bid\b|slug/i.test(m)), `no message about the id: ${e.messages.join("; ")}`);
      for (const m of e.messages) assert.ok(!m.includes("\u0000"), "a raw NUL in a report message");
    });
  }

  it("writes nothing outside the output and content folders", async () => {
    const added = after_.filter((f) => !before_.includes(f));
    const stray = added.filter((f) => !f.startsWith("out/") && !f.startsWith("content/"));
    assert.deepEqual(stray, [], "files written outside outDir/contentDir");
    assert.deepEqual(after_.filter((f) => f.startsWith("articles/")), before_.filter((f) => f.startsWith("articles/")), "the articles folder changed");
    assert.ok(!added.some((f) => f.includes("escaped")), `a file named after an unsafe id: ${added.filter((f) => f.includes("escaped")).join(", ")}`);
    // no file even in the folders just above the temp root
    assert.ok(!existsSync(join(root, "..", "escaped.md")) && !existsSync(join(root, "..", "..", "escaped.md")));
    const mdFiles = (await listTree(contentDir)).filter((f) => f.endsWith(".md"));
    assert.equal(mdFiles.length, result.articles.length, "one Markdown file per article");
    for (const f of mdFiles) assert.match(f.replace(/^.*\//, "").replace(/\.md$/, ""), SAFE_ID);
  });

  it("never runs ---js / ---javascript front matter, reports it, and still builds the body", () => {
    assert.equal(globalThis.__ran, undefined, "---js front matter was executed");
    assert.ok(!existsSync(fsMarker), "---javascript front matter was executed (it wrote a file)");
    for (const [file, title, bait] of [
      ["js-global.md", "郑州经开区新签约项目5个", "x"],
      ["js-fs.md", "开封经开区签约项目5个", "y"],
    ] as const) {
      const e = entry(file);
      const r = oneRecord(file);
      assert.equal(r.title, title, `${file}: the body's headline`);
      assert.notEqual(r.title, bait);
      assert.equal(e.status, "warning");
      assert.ok(e.messages.some((m) => /front matter/i.test(m) && /\bjs\b|javascript|not run|data only/i.test(m)), `${file}: no message about the code front matter: ${e.messages.join("; ")}`);
    }
  });

  it("gives the second of two files claiming the same id a different id, and says so", () => {
    const a = oneRecord("dup-a.md");
    const b = oneRecord("dup-b.md");
    assert.equal(a.id, "same-id");
    assert.notEqual(b.id, "same-id");
    assert.match(b.id, SAFE_ID);
    assert.equal(b.url, `/articles/${b.id}/`);
    assert.equal(entry("dup-b.md").status, "warning");
    assert.ok(entry("dup-b.md").messages.some((m) => m.includes("same-id")), entry("dup-b.md").messages.join("; "));
    assert.deepEqual(entry("dup-b.md").articles, [b.id]);
  });

  it("builds the web page in a sub-folder: headline, publisher, explicit date, no page chrome", async () => {
    const e = entry("sub/deeper/page.html");
    assert.notEqual(e.status, "error", e.messages.join("; "));
    assert.equal(e.encoding, "utf-8");
    const r = oneRecord("sub/deeper/page.html");
    assert.equal(r.title, "高新区项目建设跑出加速度");
    assert.equal(r.publisher, "平顶山日报");
    assert.equal(r.date, "2023-02-03");
    assert.equal(r.dateSource, "explicit");
    assert.equal(r.zone?.name, "平顶山高新技术产业开发区");
    const mdName = (await listTree(contentDir)).find((f) => f.endsWith(`${r.id}.md`));
    assert.ok(mdName, `no Markdown file for ${r.id}`);
    const md = await readFile(join(contentDir, mdName), "utf8");
    const body = md.replace(/^---\n[\s\S]*?\n---\n/, "");
    assert.match(body, /5个项目集中开工/u, "the article text is there");
    assert.match(body, /保驾护航/u, "the last paragraph is there");
    for (const chrome of ["首页", "本地新闻", "专题报道", "视频点播", "当前位置", "打印", "关闭", "版权所有", "豫ICP备", "广告服务", "统计代码", "Copyright", "来源：", "发布时间"]) {
      assert.ok(!md.includes(chrome), `page chrome "${chrome}" in the normalised Markdown`);
    }
  });
});
