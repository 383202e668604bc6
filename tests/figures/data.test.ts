import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FIGURE_COLUMNS, figureRows, figuresCsv, figuresJson } from "../../src/output/data.ts";
import { parseCsv } from "../build/helpers.ts";
import { canonicalFigure } from "../../src/extract/canonical.ts";
import type { ArticleRecord, Figure } from "../../src/types.ts";

function record(id: string, date: string | null, figures: Figure[]): ArticleRecord {
  return {
    id, url: `/prefix/articles/${id}/`, title: id, kicker: null, subtitle: null, date, dateSource: date ? "explicit" : null,
    zone: { name: "鹤壁经济技术开发区", shortName: "鹤壁经开区", type: "经济技术开发区", level: "国家级", city: "鹤壁市", county: null },
    authors: [], publisher: null, script: "Hans", source: { file: `${id}.txt`, sha256: "", part: 1, parts: 1 }, figures, tags: [], chars: 1,
  };
}

const RECORDS = [
  record("b", "2014-05-20", [
    canonicalFigure({ indicator: "固定资产投资", value: 110, unit: "亿元", growth: null, period: "今年", quote: "力争全年固定资产投资突破110亿元", target: true }, "2014-05-20"),
  ]),
  record("a", "2013", [
    canonicalFigure({ indicator: "外贸进出口总额", value: 1.39, unit: "亿美元", growth: -3.5, period: "1—10月", quote: "外贸进出口总额完成1.39亿美元，同比下降3.5%" }, "2013"),
    canonicalFigure({ indicator: null, value: null, unit: null, growth: 20, period: "1—10月", quote: "同比分别增长20%、18%", uncertain: true }, "2013"),
    canonicalFigure({ indicator: "=HYPERLINK(\"x\")", value: 2, unit: "个", growth: null, period: null, quote: "他说：\"签约\"，\n另起一行" }, "2013"),
  ]),
];

describe("data/figures.csv and data/figures.json", () => {
  it("one row per figure, records by date then id, with the article's id, url, figure number, date, zone and city", () => {
    const rows = figureRows(RECORDS);
    assert.deepEqual(rows.map((r) => [r.id, r.n, r.url]), [["a", 1, "/prefix/articles/a/"], ["a", 2, "/prefix/articles/a/"], ["a", 3, "/prefix/articles/a/"], ["b", 1, "/prefix/articles/b/"]]);
    assert.deepEqual(Object.keys(rows[0]), [...FIGURE_COLUMNS]);
    assert.deepEqual(rows[0], {
      id: "a", url: "/prefix/articles/a/", n: 1, date: "2013", zone: "鹤壁经济技术开发区", city: "鹤壁市",
      indicator: "外贸进出口总额", canonical: "外贸进出口总额", value: 1.39, unit: "亿美元", baseValue: 139000000, baseUnit: "美元", growth: -3.5,
      period: "1—10月", periodStart: "2013-01", periodEnd: "2013-10", target: false, uncertain: false, quote: "外贸进出口总额完成1.39亿美元，同比下降3.5%",
    });
    assert.equal(rows[1].uncertain, true);
    assert.equal(rows[3].target, true);
  });

  it("CSV: UTF-8 BOM, CRLF, RFC 4180 quoting, numbers as numbers, formulas defused", () => {
    const csv = figuresCsv(RECORDS);
    assert.ok(csv.startsWith("\uFEFFid,url,n,date,zone,city,indicator,canonical,value,unit,baseValue,baseUnit,growth,period,periodStart,periodEnd,target,uncertain,quote\r\n"));
    assert.ok(csv.endsWith("\r\n"));
    assert.doesNotMatch(csv.replace(/\r\n/g, ""), /\r(?!\n)/);
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows.length, 5);
    for (const r of rows) assert.equal(r.length, FIGURE_COLUMNS.length);
    const col = (name: string) => FIGURE_COLUMNS.indexOf(name as (typeof FIGURE_COLUMNS)[number]);
    assert.equal(rows[1][col("growth")], "-3.5", "a negative number stays a number");
    assert.equal(rows[1][col("baseValue")], "139000000");
    assert.equal(rows[2][col("value")], "", "null is an empty cell");
    assert.equal(rows[2][col("uncertain")], "true");
    assert.equal(rows[3][col("indicator")], "'=HYPERLINK(\"x\")", "formula defused");
    assert.equal(rows[3][col("quote")], "他说：\"签约\"，\n另起一行", "quotes and a line break inside a quoted cell");
    assert.equal(rows[4][col("target")], "true");
    assert.equal(rows[4][col("periodStart")], "2014");
  });

  it("JSON: the same rows, one per line", () => {
    const json = figuresJson(RECORDS);
    assert.deepEqual(JSON.parse(json), figureRows(RECORDS));
    assert.equal(json.split("\n").length, 4 + 3);
    assert.equal(figuresJson([]), "[]\n");
  });
});

describe("data files written in pieces", () => {
  it("are the same bytes as the whole strings (articles.json, figures.csv, figures.json)", async () => {
    const { mkdtemp, readFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { articlesJson, articlesJsonChunks, figuresCsvChunks, figuresJsonChunks, sortRecords, writeChunks, writeChunksSync } = await import("../../src/output/data.ts");
    const dir = await mkdtemp(join(tmpdir(), "data-chunks-"));
    try {
      // streamed (the main thread), and blocking (the data worker)
      const none: typeof RECORDS = [];
      const cases: [(path: string, chunks: Iterable<string>) => unknown, typeof RECORDS][] = [[writeChunks, RECORDS], [writeChunks, none], [writeChunksSync, RECORDS], [writeChunksSync, none]];
      for (const [write, records] of cases) {
        await write(join(dir, "a.json"), articlesJsonChunks(records));
        await write(join(dir, "f.csv"), figuresCsvChunks(records));
        await write(join(dir, "f.json"), figuresJsonChunks(records));
        assert.equal(await readFile(join(dir, "a.json"), "utf8"), `${JSON.stringify(sortRecords(records), null, 2)}\n`);
        assert.equal(await readFile(join(dir, "a.json"), "utf8"), articlesJson(records));
        assert.equal(await readFile(join(dir, "f.csv"), "utf8"), figuresCsv(records));
        assert.equal(await readFile(join(dir, "f.json"), "utf8"), figuresJson(records));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("are the same bytes across the megabyte pieces they are written in, Chinese text included", async () => {
    const { mkdtemp, readFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { writeChunks, writeChunksSync } = await import("../../src/output/data.ts");
    // about 4 million characters in pieces of uneven length, so that pieces straddle each megabyte written
    const pieces = Array.from({ length: 60_000 }, (_, i) => `${i},郑州航空港经济综合实验区${"增长".repeat(i % 37)},"𠀀${i}"\r\n`);
    const whole = pieces.join("");
    assert.ok(whole.length > 3 * (1 << 20));
    const dir = await mkdtemp(join(tmpdir(), "data-chunks-"));
    try {
      await writeChunks(join(dir, "streamed.csv"), pieces);
      writeChunksSync(join(dir, "blocking.csv"), pieces);
      assert.equal(await readFile(join(dir, "streamed.csv"), "utf8"), whole);
      assert.equal(await readFile(join(dir, "blocking.csv"), "utf8"), whole);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
