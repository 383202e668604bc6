/**
 * The converters: the build's (src/site/script.ts over engine.js) against
 * opencc-js's own, and the browser's generated modules (assets/opencc/*.js,
 * imported here as the browser would) against the build's, on the seed
 * articles. Plus the detector the search page uses before it loads any of them.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as OpenCC from "opencc-js";
import { hasHantOnly } from "../../templates/assets/hant-chars.js";
import { converter, hantCharsModule, hantDicts, hansDicts, toHans, toHant } from "../../src/site/script.ts";
import { writeTraditionalSite } from "../../src/site/traditional.ts";

const SEEDS = new URL("../../articles/", import.meta.url).pathname;
let seedText = "";
let tmp: string;

before(async () => {
  for (const f of (await readdir(SEEDS)).sort()) seedText += await readFile(join(SEEDS, f), "utf8");
  tmp = await mkdtemp(join(tmpdir(), "converters-"));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("the build's converters", () => {
  it("are OpenCC's s2tw and tw2s exactly, where no override applies", () => {
    const s2tw = OpenCC.Converter({ from: "cn", to: "tw" });
    const tw2s = OpenCC.Converter({ from: "tw", to: "cn" });
    const mineT = converter({ ...hantDicts(), overrides: [] });
    const mineS = converter({ ...hansDicts(), overrides: [] });
    const odd = "\uF900\uF901 兀 后来的干部 里程 公里 头发 复杂 恢复";
    for (const text of [seedText, odd]) {
      assert.equal(mineT(text), s2tw(text));
      assert.equal(mineS(s2tw(text)), tw2s(s2tw(text)));
    }
  });

  it("keep mainland wording (tw, not twp): 项目 → 項目, 软件 → 軟件 (twp: 專案, 軟體)", () => {
    assert.equal(toHant("项目建设"), "項目建設");
    assert.equal(toHant("软件"), "軟件");
    assert.equal(toHant("后来的干部"), "後來的幹部");
  });

  it("bring the seed articles back unchanged (Simplified → Traditional → Simplified)", () => {
    assert.equal(toHans(toHant(seedText)), seedText);
  });
});

describe("the browser's converters, as generated for a site", () => {
  let t2cn: (s: string) => string;
  let cn2tw: (s: string) => string;
  before(async () => {
    // a one-page site whose text is the seed articles
    const site = join(tmp, "site");
    const { mkdir, writeFile, cp } = await import("node:fs/promises");
    await mkdir(join(site, "assets"), { recursive: true });
    await cp(new URL("../../templates/assets/opencc/", import.meta.url).pathname, join(site, "assets", "opencc"), { recursive: true });
    const escaped = seedText.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    await writeFile(join(site, "index.html"), `<!doctype html><html lang="zh-CN"><body><pre>${escaped}</pre><p>于洪涛</p></body></html>`);
    const r = await writeTraditionalSite({ outDir: site, base: "/", records: [{ authors: [{ name: "于洪涛" }] }] });
    assert.equal(r.pages, 1);
    t2cn = (await import(pathToFileURL(join(site, "assets", "opencc", "t2cn.js")).href)).default;
    cn2tw = (await import(pathToFileURL(join(site, "assets", "opencc", "cn2tw.js")).href)).default;
  });

  it("t2cn.js converts queries as the build would", () => {
    for (const q of ["鄭州經開區", "開發區", "招商引資", "後來的幹部", "裡面", "臺灣", "范修芳", "浚縣"]) assert.equal(t2cn(q), toHans(q), q);
    assert.equal(t2cn("鄭州經開區"), "郑州经开区");
    assert.equal(t2cn("招商引資"), "招商引资");
  });

  it("cn2tw.js, with only the phrases the site uses, converts the site's text as the build did", () => {
    const lines = seedText.split(/\n+/).filter((l) => l.trim());
    for (const line of lines) assert.equal(cn2tw(line), toHant(line), line);
    assert.equal(cn2tw("于洪涛"), "于洪濤", "the bylines' people come along");
  });

  it("is a fraction of OpenCC's whole phrase table", async () => {
    const size = (await readFile(join(tmp, "site", "assets", "opencc", "cn2tw.js"))).length;
    assert.ok(size < 200_000, `${size} bytes`);
  });
});

describe("the detector of Traditional-only characters (assets/hant-chars.js)", () => {
  it("is current with opencc-js (regenerate: npx tsx scripts/hant-chars.ts)", async () => {
    const committed = await readFile(new URL("../../templates/assets/hant-chars.js", import.meta.url), "utf8");
    assert.equal(committed, hantCharsModule());
  });

  it("finds Traditional queries, and nothing in Simplified text", () => {
    for (const q of ["鄭州經開區", "開發區", "招商引資", "後來", "裡", "臺灣", "麵條"]) assert.equal(hasHantOnly(q), true, q);
    for (const q of ["郑州经开区", "开发区", "招商引资", "著名", "乾隆", "台湾", "于余范", "鹤壁 漯河 平顶山 武陟 郑秋红", "zebrafish"]) assert.equal(hasHantOnly(q), false, q);
    const flagged = [...new Set([...seedText].filter((c) => hasHantOnly(c)))];
    assert.deepEqual(flagged, [], "a seed article in Simplified would load the converter");
  });
});

describe("converting in worker threads", () => {
  it("gives the same pages and the same browser converter as the main thread alone", async () => {
    const { mkdir, writeFile, cp } = await import("node:fs/promises");
    const outs: string[] = [];
    for (const threads of [0, 2]) {
      const site = join(tmp, `threads-${threads}`);
      await mkdir(join(site, "a"), { recursive: true });
      await cp(new URL("../../templates/assets/opencc/", import.meta.url).pathname, join(site, "assets", "opencc"), { recursive: true });
      const paras = seedText.split(/\n+/).filter((l) => l.trim());
      for (let i = 0; i < 6; i++) {
        const body = paras.slice(i * 10, i * 10 + 10).map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("");
        await writeFile(join(site, i ? `a/${i}.html` : "index.html"), `<!doctype html><html lang="zh-CN"><body><a href="/a/${(i + 1) % 6}.html">下一页</a>${body}</body></html>`);
      }
      const r = await writeTraditionalSite({ outDir: site, base: "/", records: [{ authors: [{ name: "于洪涛" }] }], threads });
      assert.equal(r.pages, 6);
      let all = "";
      for (const f of ["index.html", ...[1, 2, 3, 4, 5].map((i) => `a/${i}.html`)]) all += await readFile(join(site, "hant", f), "utf8");
      outs.push(all + (await readFile(join(site, "assets", "opencc", "cn2tw.js"), "utf8")));
    }
    assert.equal(outs[0], outs[1]);
    assert.match(outs[0], /<a href="\/hant\/a\/1.html">下一頁<\/a>/);
  });
});
