import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildArchive, type ArchiveEntry } from "../../src/site/archive.ts";
import { buildFigureArchive, displayScale, spanLabel, spanShape, spanX, type FigurePage } from "../../src/site/figures.ts";
import { canonicalFigure } from "../../src/extract/canonical.ts";
import { loadStrings } from "../../src/site/strings.ts";
import type { ArticleRecord, Figure, Zone } from "../../src/types.ts";

const s = loadStrings("zh-CN");

const zone = (name: string, city: string): Zone => ({ name, shortName: name.slice(0, 4), type: "经济技术开发区", level: "国家级", city, county: null });
const HEBI = zone("鹤壁经济技术开发区", "鹤壁市");
const LUOHE = zone("漯河经济技术开发区", "漯河市");

function fig(indicator: string | null, value: number | null, unit: string | null, period: string | null, date: string | null, extra: Partial<Figure> = {}): Figure {
  return canonicalFigure({ indicator, value, unit, growth: extra.growth ?? null, period, quote: `${indicator ?? ""}${value ?? ""}${unit ?? ""}`, ...extra }, date);
}

function entry(id: string, date: string | null, z: Zone | null, figures: (date: string | null) => Figure[]): ArchiveEntry {
  const record: ArticleRecord = {
    id, url: `/articles/${id}/`, title: `标题${id}`, kicker: null, subtitle: null, date, dateSource: date ? "explicit" : null, zone: z,
    authors: [], publisher: null, script: "Hans", source: { file: `${id}.txt`, sha256: "", part: 1, parts: 1 }, figures: figures(date), tags: [], chars: 10,
  };
  return { record, captions: [], url: `/articles/${id}/`, excerpt: "" };
}

const ENTRIES: ArchiveEntry[] = [
  entry("h11", "2011-11-18", HEBI, (d) => [
    fig("固定资产投资", 52.1, "亿元", "1—10月", d, { growth: 31 }),
    fig("规模以上工业增加值", 21.3, "亿元", "1—10月", d),
  ]),
  entry("h12", "2012-11-16", HEBI, (d) => [
    fig("全社会固定资产投资", 63.4, "亿元", "1—10月", d),
    fig("固定资产投资", 68.9, "亿元", "2011年", d),
    fig("外贸进出口总额", 1.12, "亿美元", "1—10月", d),
  ]),
  entry("h13", "2013", HEBI, (d) => [
    fig("固定资产投资", 75.7, "亿元", "1—10月", d),
    fig(null, null, null, "1—10月", d, { growth: 20, uncertain: true }),
    // the same report twice: one point
    fig("固定资产投资", 75.7, "亿元", "1—10月", d),
    fig("外贸进出口总额", 9000, "万元", "1—10月", d),
  ]),
  entry("h14", "2014-05-20", HEBI, (d) => [
    fig("固定资产投资", 110, "亿元", "今年", d, { target: true }),
    fig("规模以上工业增加值", 12.8, "亿元", "截至目前", d),
  ]),
  entry("hx", null, HEBI, (d) => [fig("固定资产投资", 29.4, "亿元", "1—4月", d)]),
  entry("l1", "2013-02-20", LUOHE, (d) => [fig("规模以上工业增加值", 48.3, "亿元", "1—8月", d), fig("签约项目", 43, "个", "1—9月", d)]),
  entry("n1", "2012", null, (d) => [fig("固定资产投资", 4000, "万元", null, d), fig(null, 10, "个", null, d)]),
];

const archive = buildArchive(ENTRIES, s);
const fa = buildFigureArchive(archive, s, { pageSize: 3 });
const pageAt = (url: string): FigurePage => {
  const p = fa.pages.find((x) => x.url === url);
  assert.ok(p, `no page ${url}: ${fa.pages.map((x) => x.url).join(" ")}`);
  return p;
};

describe("spans for people", () => {
  it("labels, series and positions", () => {
    assert.equal(spanLabel({ periodStart: "2013-01", periodEnd: "2013-10" }), "2013年1—10月");
    assert.equal(spanLabel({ periodStart: "2023-01", periodEnd: "2023-01" }), "2023年1月");
    assert.equal(spanLabel({ periodStart: "2022", periodEnd: "2022" }), "2022年");
    assert.equal(spanLabel({ periodStart: null, periodEnd: "2011-09" }), "截至2011年9月底");
    assert.equal(spanLabel({ periodStart: null, periodEnd: null }), "");
    assert.equal(spanShape({ periodStart: "2013-01", periodEnd: "2013-10" }), "1—10月");
    assert.equal(spanShape({ periodStart: "2022", periodEnd: "2022" }), "年度");
    assert.equal(spanShape({ periodStart: null, periodEnd: "2011-09" }), "截至9月底");
    assert.equal(spanX("2013-10"), 2013 * 12 + 9);
    assert.equal(spanX("2013"), 2013 * 12 + 11);
    assert.equal(spanX(null), null);
  });

  it("a common unit by the size of the values", () => {
    assert.deepEqual(displayScale("元", 7.57e9), { factor: 1e8, unit: "亿元" });
    assert.deepEqual(displayScale("元", 4e7), { factor: 1e4, unit: "万元" });
    assert.deepEqual(displayScale("美元", 1.39e8), { factor: 1e8, unit: "亿美元" });
    assert.deepEqual(displayScale("%", 1e9), { factor: 1, unit: "%" });
    assert.deepEqual(displayScale("个", 43), { factor: 1, unit: "个" });
  });
});

describe("indicator pages", () => {
  it("one group per canonical indicator, in the lexicon's order, with the names as written", () => {
    assert.deepEqual(fa.indicators.map((g) => g.name), ["规模以上工业增加值", "固定资产投资", "外贸进出口总额", "签约项目"]);
    const fai = fa.indicators.find((g) => g.name === "固定资产投资")!;
    assert.equal(fai.count, 8);
    assert.deepEqual(fai.variants, [{ name: "固定资产投资", count: 7 }, { name: "全社会固定资产投资", count: 1 }]);
    assert.equal(fai.url, "/indicators/固定资产投资/");
    assert.equal(fai.targets, 1);
    assert.deepEqual(fai.zones.map((f) => [f.label, f.count, f.url]), [["鹤壁经济技术开发区", 7, "/indicators/固定资产投资/zone/鹤壁经济技术开发区/"]]);
    assert.deepEqual(fai.cities.map((f) => [f.label, f.count]), [["鹤壁市", 7]]);
    // the year is the period's (2011年 in a 2012 article is 2011), else the article's; 1—4月 undated: unknown
    assert.deepEqual(fai.years.map((f) => [f.label, f.count]), [["2011年", 2], ["2012年", 2], ["2013年", 2], ["2014年", 1], ["年份不详", 1]]);
    assert.equal(fai.yearSpan, "2011—2014");
    assert.equal(fa.indicatorUrls["签约项目"], "/indicators/签约项目/");
    assert.equal(fa.indicatorUrls["toString"], undefined);
  });

  it("the indicator's figures grouped by zone (the zone-less last), in time order, paginated, each linked to its sentence", () => {
    const p1 = pageAt("/indicators/固定资产投资/");
    assert.equal(p1.pageCount, 3);
    assert.equal(p1.total, 8);
    assert.equal(p1.nextUrl, "/indicators/固定资产投资/2/");
    const all = fa.pages.filter((p) => p.kind === "indicator" && p.indicator?.name === "固定资产投资").flatMap((p) => p.sections.flatMap((x) => x.rows.map((r) => [x.heading, r.period, r.value, r.href])));
    assert.deepEqual(all, [
      ["鹤壁经济技术开发区", "2011年1—10月", "52.1亿元", "/articles/h11/#fig-1"],
      ["鹤壁经济技术开发区", "2011年", "68.9亿元", "/articles/h12/#fig-2"],
      ["鹤壁经济技术开发区", "2012年1—10月", "63.4亿元", "/articles/h12/#fig-1"],
      ["鹤壁经济技术开发区", "2013年1—10月", "75.7亿元", "/articles/h13/#fig-1"],
      ["鹤壁经济技术开发区", "2013年1—10月", "75.7亿元", "/articles/h13/#fig-3"],
      ["鹤壁经济技术开发区", "2014年", "110亿元", "/articles/h14/#fig-1"],
      ["鹤壁经济技术开发区", "1—4月", "29.4亿元", "/articles/hx/#fig-1"],
      ["未归属开发区", "", "4000万元", "/articles/n1/#fig-1"],
    ]);
    // one common unit on the page: 4000万元 is 0.4亿元
    const last = pageAt("/indicators/固定资产投资/3/").sections.at(-1)!.rows.at(-1)!;
    assert.equal(last.scaled, "0.4亿元");
    assert.equal(pageAt("/indicators/固定资产投资/").sections[0].url, "/indicators/固定资产投资/zone/鹤壁经济技术开发区/");
  });

  it("sub-pages per zone, city and year: the filters are links", () => {
    const z = pageAt("/indicators/固定资产投资/zone/鹤壁经济技术开发区/");
    assert.equal(z.kind, "zone");
    assert.equal(z.heading, "固定资产投资 · 鹤壁经济技术开发区");
    assert.equal(z.facetUrl, z.url);
    assert.equal(z.total, 7);
    assert.deepEqual(z.sections.map((x) => x.heading), ["2011年", "2012年"]);
    assert.equal(pageAt("/indicators/固定资产投资/city/鹤壁市/").total, 7);
    assert.equal(pageAt("/indicators/固定资产投资/year/2011/").total, 2);
    assert.equal(pageAt("/indicators/固定资产投资/year/unknown/").total, 1);
    const urls = fa.pages.map((p) => p.url);
    assert.equal(new Set(urls).size, urls.length, "every page URL once");
    assert.deepEqual(fa.pageUrls.slice(0, 1), ["/indicators/"]);
  });

  it("the uncertain figures have a page of their own", () => {
    assert.equal(fa.uncertainCount, 2);
    const u = pageAt("/indicators/_uncertain/");
    assert.deepEqual(u.sections.map((x) => [x.heading, x.rows.map((r) => r.href)]), [
      ["鹤壁经济技术开发区", ["/articles/h13/#fig-2"]],
      ["未归属开发区", ["/articles/n1/#fig-2"]],
    ]);
    assert.equal(fa.stats.figures, 16);
  });
});

describe("zone charts", () => {
  const hebi = fa.chartsByZone["鹤壁经济技术开发区"];

  it("a chart per economic indicator with two or more dated points; plans, uncertain and undated figures are left out", () => {
    assert.deepEqual(hebi.map((c) => c.indicator), ["固定资产投资"]);
    const c = hebi[0];
    // 52.1, 68.9 (2011年), 63.4, 75.7 once, not 110 (a plan), not 29.4 (undated)
    assert.deepEqual(c.rows.map((r) => [r.label, r.value]), [["2011年1—10月", "52.1"], ["2011年", "68.9"], ["2012年1—10月", "63.4"], ["2013年1—10月", "75.7"]]);
    assert.deepEqual(c.series, ["1—10月", "年度"]);
    assert.equal(c.unit, "亿元");
    assert.equal(c.url, "/indicators/固定资产投资/zone/鹤壁经济技术开发区/");
    assert.equal(c.rows[0].href, "/articles/h11/#fig-1");
    assert.equal(c.rows[0].growth, "+31%");
    assert.match(c.svg, /^<svg class="chart-svg"/);
    assert.match(c.svg, /<title id="chart-1-title">固定资产投资（亿元）<\/title>/);
    assert.match(c.svg, /<desc id="chart-1-desc">鹤壁经济技术开发区，4 个数据点，2011年1—10月至2013年1—10月，最低 52.1亿元，最高 75.7亿元。<\/desc>/);
  });

  it("no chart from one point, or from points in units that do not compare (亿美元 beside 万元)", () => {
    assert.ok(!hebi.some((c) => c.indicator === "外贸进出口总额"));
    assert.ok(!hebi.some((c) => c.indicator === "规模以上工业增加值"), "2011 1—10月 and 截至目前 (no span): one point");
    assert.equal(fa.chartsByZone["漯河经济技术开发区"], undefined);
  });
});

describe("scale", () => {
  it("does not blow up: 3,000 articles of 10 figures (a quadratic step would take minutes)", () => {
    const zones = Array.from({ length: 200 }, (_, i) => zone(`测试${i}经济技术开发区`, `城市${i % 30}市`));
    const names = ["固定资产投资", "规上工业增加值", "主营业务收入", "税收收入", "实际利用外资", "总投资", "签约项目", "开工率", "工业投资", "利润"];
    const units = ["亿元", "亿元", "亿元", "万元", "万美元", "亿元", "个", "%", "亿元", "亿元"];
    const entries: ArchiveEntry[] = [];
    for (let i = 0; i < 3_000; i++) {
      const date = `${2005 + (i % 18)}-${String(1 + (i % 12)).padStart(2, "0")}-15`;
      entries.push(entry(`a${i}`, date, zones[i % zones.length], (d) => names.map((n, k) => fig(n, (i % 97) + k, units[k], "1—1月", d))));
    }
    const big = buildArchive(entries, s);
    const t0 = performance.now();
    const out = buildFigureArchive(big, s);
    const ms = performance.now() - t0;
    assert.equal(out.stats.figures, 30_000);
    assert.ok(out.pages.length > 1000);
    assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
  });
});
