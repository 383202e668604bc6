/**
 * The build's outputs on the five seed articles, checked from the outside:
 * data/articles.json, data/figures.csv, build-report.json and the normalised
 * Markdown, against the contract (shared/CONTRACT.md).
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { build } from "../../src/build.ts";
import type { ArticleRecord, BuildReport } from "../../src/types.ts";
import { copySeeds, listTree, parseCsv, readOutputs, tempRoot } from "./helpers.ts";

const CONTRACT_FIELDS = [
  "id", "url", "title", "kicker", "subtitle", "date", "dateSource", "zone", "authors",
  "publisher", "script", "source", "figures", "tags", "chars",
] as const;
const ROLES = ["记者", "通讯员", "摄影", "作者", "编辑"];
const ZONE_TYPES = ["经济技术开发区", "高新技术产业开发区", "产业集聚区", "城乡一体化示范区", "综合保税区", "航空港经济综合实验区", "经济开发区", "其他"];

const isStrOrNull = (v: unknown): boolean => v === null || typeof v === "string";
const isNumOrNull = (v: unknown): boolean => v === null || (typeof v === "number" && Number.isFinite(v));

function compareRecords(a: ArticleRecord, b: ArticleRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

describe("build on the five seed articles", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let articlesDir: string;
  let seedFiles: string[];
  let first: { articles: ArticleRecord[]; report: BuildReport; csv: string };
  let csvBytes: Buffer;

  before(async () => {
    ({ root, cleanup } = await tempRoot("seeds"));
    articlesDir = join(root, "articles");
    await copySeeds(articlesDir);
    seedFiles = (await readdir(articlesDir)).sort();
    assert.equal(seedFiles.length, 5, "the repo's articles/ holds the five seeds");
    await build({ articlesDir, outDir: join(root, "out1"), contentDir: join(root, "content1"), quiet: true, dataOnly: true });
    // the same files in another folder: ids and outputs depend on the input, not on where it lies
    const elsewhere = join(root, "elsewhere", "raw articles");
    await copySeeds(elsewhere);
    await build({ articlesDir: elsewhere, outDir: join(root, "out2"), contentDir: join(root, "content2"), quiet: true, dataOnly: true });
    await build({ articlesDir, outDir: join(root, "out3"), contentDir: join(root, "content3"), base: "/prefix/", quiet: true, dataOnly: true });
    first = await readOutputs(join(root, "out1"));
    csvBytes = await readFile(join(root, "out1", "data", "figures.csv"));
  });

  after(async () => {
    await cleanup();
  });

  it("writes data/articles.json, data/figures.csv and build-report.json", async () => {
    const tree = await listTree(join(root, "out1"));
    for (const f of ["data/articles.json", "data/figures.csv", "build-report.json"]) assert.ok(tree.includes(f), `${f} missing from ${tree.join(", ")}`);
  });

  it("gives every record every contract field, with the right types", () => {
    assert.ok(first.articles.length >= 5, `expected at least one article per seed file, got ${first.articles.length}`);
    for (const r of first.articles) {
      const where = `record ${r.id}`;
      for (const f of CONTRACT_FIELDS) assert.ok(Object.hasOwn(r, f), `${where}: field ${f} missing`);
      assert.equal(typeof r.id, "string", where);
      assert.equal(typeof r.url, "string", where);
      assert.equal(typeof r.title, "string", where);
      assert.ok(r.title.trim().length > 0, `${where}: empty title`);
      assert.ok(isStrOrNull(r.kicker), `${where}: kicker`);
      assert.ok(isStrOrNull(r.subtitle), `${where}: subtitle`);
      assert.ok(r.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.date), `${where}: date ${r.date}`);
      assert.ok([null, "explicit", "inferred", "override"].includes(r.dateSource), `${where}: dateSource ${r.dateSource}`);
      assert.equal(r.date === null, r.dateSource === null, `${where}: date ${r.date} with dateSource ${r.dateSource}`);
      if (r.zone !== null) {
        assert.equal(typeof r.zone, "object", where);
        assert.equal(typeof r.zone.name, "string", where);
        assert.equal(typeof r.zone.shortName, "string", where);
        assert.ok(ZONE_TYPES.includes(r.zone.type), `${where}: zone type ${r.zone.type}`);
        assert.ok([null, "国家级", "省级"].includes(r.zone.level), `${where}: zone level ${r.zone.level}`);
        assert.match(r.zone.city, /市$/u, `${where}: zone city has its suffix`);
        assert.ok(isStrOrNull(r.zone.county), `${where}: zone county`);
      }
      assert.ok(Array.isArray(r.authors), where);
      for (const a of r.authors) {
        assert.equal(typeof a.name, "string", where);
        assert.ok(a.name.length > 0, `${where}: empty author name`);
        assert.ok(ROLES.includes(a.role), `${where}: author role ${a.role}`);
      }
      assert.ok(isStrOrNull(r.publisher), `${where}: publisher`);
      assert.ok(r.script === "Hans" || r.script === "Hant", `${where}: script ${r.script}`);
      assert.equal(typeof r.source, "object", where);
      assert.equal(typeof r.source.file, "string", where);
      assert.match(r.source.sha256, /^[0-9a-f]{64}$/, where);
      assert.ok(Number.isInteger(r.source.part) && Number.isInteger(r.source.parts), `${where}: part/parts integers`);
      assert.ok(Array.isArray(r.figures), where);
      for (const f of r.figures) {
        assert.ok(isStrOrNull(f.indicator), `${where}: figure indicator`);
        assert.ok(isNumOrNull(f.value), `${where}: figure value ${f.value}`);
        assert.ok(isStrOrNull(f.unit), `${where}: figure unit`);
        assert.ok(isNumOrNull(f.growth), `${where}: figure growth ${f.growth}`);
        assert.ok(isStrOrNull(f.period), `${where}: figure period`);
        assert.equal(typeof f.quote, "string", `${where}: figure quote`);
        assert.ok(f.quote.length > 0, `${where}: empty figure quote`);
      }
      assert.ok(Array.isArray(r.tags) && r.tags.every((t) => typeof t === "string"), `${where}: tags`);
      assert.ok(Number.isInteger(r.chars) && r.chars > 0, `${where}: chars ${r.chars}`);
    }
  });

  it("sorts the records by date then id, undated last", () => {
    for (let i = 1; i < first.articles.length; i++) {
      const a = first.articles[i - 1];
      const b = first.articles[i];
      assert.ok(compareRecords(a, b) < 0, `out of order: ${a.id} (${a.date}) before ${b.id} (${b.date})`);
    }
    const firstUndated = first.articles.findIndex((r) => r.date === null);
    if (firstUndated >= 0) assert.ok(first.articles.slice(firstUndated).every((r) => r.date === null), "a dated record after an undated one");
  });

  it("gives unique, URL-safe ids and url = base + articles/<id>/", () => {
    const ids = first.articles.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, "duplicate ids");
    for (const r of first.articles) {
      assert.match(r.id, /^[a-z0-9-]+$/);
      assert.equal(r.url, `/articles/${r.id}/`);
    }
  });

  it("is deterministic: a second build (of a copy elsewhere) gives the same articles.json and the same Markdown", async () => {
    const a = await readFile(join(root, "out1", "data", "articles.json"));
    const b = await readFile(join(root, "out2", "data", "articles.json"));
    assert.ok(a.equals(b), "articles.json differs between two builds of the same input");
    const csvA = await readFile(join(root, "out1", "data", "figures.csv"));
    const csvB = await readFile(join(root, "out2", "data", "figures.csv"));
    assert.ok(csvA.equals(csvB), "figures.csv differs between two builds");
    const treeA = (await listTree(join(root, "content1"))).filter((f) => f.endsWith(".md"));
    const treeB = (await listTree(join(root, "content2"))).filter((f) => f.endsWith(".md"));
    assert.deepEqual(treeA, treeB, "the normalised Markdown files differ in name");
    assert.equal(treeA.length, first.articles.length, "one normalised Markdown file per article");
    for (const f of treeA) {
      const x = await readFile(join(root, "content1", f));
      const y = await readFile(join(root, "content2", f));
      assert.ok(x.equals(y), `${f} differs between two builds`);
    }
    // every article's id names one of the Markdown files
    const stems = new Set(treeA.map((f) => f.replace(/^.*\//, "").replace(/\.md$/, "")));
    for (const r of first.articles) assert.ok(stems.has(r.id), `no Markdown file for ${r.id}`);
  });

  it("with base /prefix/ every url starts with /prefix/ and the ids do not change", async () => {
    const { articles } = await readOutputs(join(root, "out3"));
    assert.deepEqual(articles.map((r) => r.id), first.articles.map((r) => r.id));
    for (const r of articles) {
      assert.ok(r.url.startsWith("/prefix/"), r.url);
      assert.equal(r.url, `/prefix/articles/${r.id}/`);
    }
  });

  it("points each record at its source: relative path, sha256 of the bytes, consistent part/parts", async () => {
    const byFile = new Map<string, ArticleRecord[]>();
    for (const r of first.articles) {
      assert.ok(!r.source.file.includes("\\"), `backslash in ${r.source.file}`);
      assert.ok(!r.source.file.startsWith("/") && !/^[A-Za-z]:/.test(r.source.file), `not relative: ${r.source.file}`);
      assert.ok(seedFiles.includes(r.source.file), `source.file ${r.source.file} is not one of the inputs`);
      const list = byFile.get(r.source.file) ?? [];
      list.push(r);
      byFile.set(r.source.file, list);
    }
    assert.deepEqual([...byFile.keys()].sort(), seedFiles, "every seed gives at least one article");
    for (const [file, recs] of byFile) {
      const sha = createHash("sha256").update(await readFile(join(articlesDir, file))).digest("hex");
      const parts = recs[0].source.parts;
      for (const r of recs) {
        assert.equal(r.source.sha256, sha, `${file}: sha256`);
        assert.equal(r.source.parts, parts, `${file}: parts differ between its articles`);
      }
      assert.equal(recs.length, parts, `${file}: ${recs.length} records but parts = ${parts}`);
      assert.deepEqual(recs.map((r) => r.source.part).sort((x, y) => x - y), Array.from({ length: parts }, (_, i) => i + 1), `${file}: parts not numbered 1..n`);
    }
  });

  it("writes figures.csv with a UTF-8 BOM, the header and one row per figure with id, date, zone and city", () => {
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "figures.csv must start with a UTF-8 BOM");
    const rows = parseCsv(csvBytes.subarray(3).toString("utf8"));
    const header = rows[0];
    for (const col of ["id", "date", "zone", "city", "indicator", "value", "unit", "growth", "period", "quote"]) {
      assert.ok(header.includes(col), `figures.csv header lacks ${col}: ${header.join(",")}`);
    }
    const col = (name: string): number => header.indexOf(name);
    const data = rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ""));
    const total = first.articles.reduce((s, r) => s + r.figures.length, 0);
    assert.ok(total > 0, "the seeds hold figures");
    assert.equal(data.length, total, "one CSV row per figure in articles.json");
    const byId = new Map(first.articles.map((r) => [r.id, r]));
    const seen = new Map<string, number>();
    for (const row of data) {
      assert.equal(row.length, header.length, `row has ${row.length} cells: ${row.join("|")}`);
      const rec = byId.get(row[col("id")]);
      assert.ok(rec, `CSV row for unknown id ${row[col("id")]}`);
      const k = seen.get(rec.id) ?? 0;
      seen.set(rec.id, k + 1);
      assert.equal(row[col("date")], rec.date ?? "", `${rec.id}: date`);
      assert.equal(row[col("zone")], rec.zone?.name ?? "", `${rec.id}: zone`);
      assert.equal(row[col("city")], rec.zone?.city ?? "", `${rec.id}: city`);
      const fig = rec.figures[k];
      assert.equal(row[col("value")], fig.value === null ? "" : String(fig.value), `${rec.id}: figure ${k + 1} value`);
      assert.equal(row[col("growth")], fig.growth === null ? "" : String(fig.growth), `${rec.id}: figure ${k + 1} growth`);
    }
    for (const r of first.articles) assert.equal(seen.get(r.id) ?? 0, r.figures.length, `${r.id}: CSV rows vs figures`);
  });

  it("reports every input file exactly once, and its ids are those of articles.json", () => {
    const files = first.report.inputs.map((i) => i.file);
    assert.deepEqual([...files].sort(), seedFiles, "one report entry per input file");
    const reported: string[] = [];
    for (const i of first.report.inputs) {
      for (const k of ["file", "status", "encoding", "articles", "messages"]) assert.ok(Object.hasOwn(i, k), `${i.file}: ${k} missing`);
      assert.ok(["ok", "warning", "error"].includes(i.status), `${i.file}: status ${i.status}`);
      assert.ok(i.encoding === null || typeof i.encoding === "string", `${i.file}: encoding`);
      assert.ok(Array.isArray(i.messages) && i.messages.every((m) => typeof m === "string" && m.length > 0), `${i.file}: messages`);
      assert.notEqual(i.status, "error", `${i.file}: a seed article failed: ${i.messages.join("; ")}`);
      assert.equal(i.encoding, "utf-8", `${i.file}: the seeds are UTF-8`);
      reported.push(...i.articles);
      for (const id of i.articles) {
        const rec = first.articles.find((r) => r.id === id);
        assert.ok(rec, `report names ${id}, which is not in articles.json`);
        assert.equal(rec.source.file, i.file, `${id}: reported under ${i.file} but its source is ${rec.source.file}`);
      }
    }
    assert.deepEqual([...reported].sort(), first.articles.map((r) => r.id).sort(), "report ids = articles.json ids");
  });
});
