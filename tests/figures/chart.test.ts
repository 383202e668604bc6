import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { escapeXml, formatTick, lineChartSvg, niceStep, xAxis, yAxis, type LineChartSpec } from "../../src/site/chart.ts";

const spec = (over: Partial<LineChartSpec> = {}): LineChartSpec => ({
  id: "chart-1",
  title: "固定资产投资（亿元）",
  desc: "鹤壁经济技术开发区，3 个数据点",
  unit: "亿元",
  series: [
    {
      name: "1—10月",
      points: [
        { x: 2013 * 12 + 9, y: 75.7, label: "2013年1—10月" },
        { x: 2011 * 12 + 9, y: 52.1, label: "2011年1—10月" },
        { x: 2012 * 12 + 9, y: 63.4, label: "2012年1—10月" },
      ],
    },
    { name: "年度", points: [{ x: 2011 * 12 + 11, y: 68.9, label: "2011年" }] },
  ],
  ...over,
});

describe("axes", () => {
  it("steps are 1, 2, 2.5 or 5 times a power of ten", () => {
    assert.equal(niceStep(100, 4), 25);
    assert.equal(niceStep(75.7, 4), 20);
    assert.equal(niceStep(1.39, 4), 0.5);
    assert.equal(niceStep(0, 4), 1);
    assert.equal(niceStep(Number.NaN, 4), 1);
  });

  it("the y axis starts at 0 and ends on a tick above the largest value", () => {
    assert.deepEqual(yAxis([52.1, 63.4, 75.7]), { min: 0, max: 80, ticks: [0, 20, 40, 60, 80] });
    assert.deepEqual(yAxis([1.12, 1.39]), { min: 0, max: 1.5, ticks: [0, 0.5, 1, 1.5] });
    const neg = yAxis([-3.5, 9]);
    assert.ok(neg.min <= -3.5 && neg.max >= 9 && neg.ticks.includes(0));
    assert.deepEqual(yAxis([0, 0]).ticks.slice(0, 2), [0, 0.25]);
  });

  it("the x axis spans whole years, a tick at each new year, the years labelled (every k-th when there are many)", () => {
    const a = xAxis([2011 * 12 + 9, 2013 * 12 + 9]);
    assert.deepEqual(a, { min: 2011 * 12, max: 2014 * 12, years: [2011, 2012, 2013], ticks: [2011 * 12, 2012 * 12, 2013 * 12, 2014 * 12] });
    assert.deepEqual(xAxis([2012 * 12 + 9, 2013 * 12 + 9]).years, [2012, 2013], "both years of two points a year apart");
    assert.deepEqual(xAxis([2013 * 12 + 3, 2013 * 12 + 9]).years, [2013]);
    const many = xAxis([2000 * 12, 2020 * 12], 8);
    assert.ok(many.years.length <= 8 && many.years[1] - many.years[0] === 3);
    assert.equal(many.ticks.length, 22);
  });

  it("tick labels: no float noise, a true minus sign", () => {
    assert.equal(formatTick(0.1 + 0.2), "0.3");
    assert.equal(formatTick(80), "80");
    assert.equal(formatTick(-2.5), "−2.5");
    assert.equal(formatTick(Number.POSITIVE_INFINITY), "");
  });
});

describe("the SVG", () => {
  const $ = cheerio.load(lineChartSvg(spec()), { xml: true });

  it("is an image with a title and a description, referenced by id", () => {
    const svg = $("svg");
    assert.equal(svg.attr("role"), "img");
    assert.equal(svg.attr("aria-labelledby"), "chart-1-title chart-1-desc");
    assert.equal($("svg > title#chart-1-title").text(), "固定资产投资（亿元）");
    assert.equal($("svg > desc#chart-1-desc").text(), "鹤壁经济技术开发区，3 个数据点");
    assert.match(svg.attr("viewBox") ?? "", /^0 0 560 260$/);
  });

  it("draws one line per series of two or more points, and every point, sorted in time", () => {
    assert.equal($("path.chart-line").length, 1, "the single 年度 point has no line");
    assert.equal($("circle.chart-point").length, 4);
    const d = $("path.chart-line").attr("d") ?? "";
    const xs = [...d.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1]));
    assert.equal(xs.length, 3);
    assert.ok(xs[0] < xs[1] && xs[1] < xs[2], "left to right in time");
    assert.deepEqual($("circle.chart-point title").map((_, e) => $(e).text()).get(), [
      "2011年1—10月：52.1亿元",
      "2012年1—10月：63.4亿元",
      "2013年1—10月：75.7亿元",
      "2011年：68.9亿元",
    ]);
    // the bigger value is higher (smaller y)
    const cy = (label: string) => Number($("circle.chart-point").filter((_, e) => $(e).find("title").text().startsWith(label)).attr("cy"));
    assert.ok(cy("2013年1—10月") < cy("2011年1—10月"));
  });

  it("labels the axes: ticks, years, unit", () => {
    assert.deepEqual($("g.chart-grid text.chart-tick").map((_, e) => $(e).text()).get(), ["0", "20", "40", "60", "80", "2011", "2012", "2013"]);
    assert.equal($("text.chart-unit").text(), "亿元");
    assert.deepEqual($("text.chart-value").map((_, e) => $(e).text()).get(), ["52.1", "63.4", "75.7", "68.9"]);
  });

  it("uses classes, never inline styles or scripts", () => {
    const svg = lineChartSvg(spec());
    assert.doesNotMatch(svg, /style=|<script|on[a-z]+=/i);
    assert.equal($("g.chart-series-0").length, 1);
    assert.equal($("g.chart-series-1").length, 1);
  });

  it("escapes every text it is given", () => {
    const hostile = lineChartSvg(
      spec({
        id: "x\" onload=\"alert(1)",
        title: "<script>alert(1)</script>",
        desc: "a & b ' \"",
        unit: "</text><script>",
        series: [{ name: "s", points: [{ x: 1, y: 1, label: "<b>&amp;</b>" }, { x: 2, y: 2, label: "'\"" }] }],
      }),
    );
    assert.doesNotMatch(hostile, /<script|<b>|onload="/);
    const h = cheerio.load(hostile, { xml: true });
    assert.equal(h("svg > title").text(), "<script>alert(1)</script>");
    assert.equal(h("svg > desc").text(), "a & b ' \"");
    assert.equal(h("text.chart-unit").text(), "</text><script>");
    assert.equal(h("circle title").first().text(), "<b>&amp;</b>：1</text><script>");
    assert.match(h("svg").attr("aria-labelledby") ?? "", /^[A-Za-z][A-Za-z0-9_-]*-title [A-Za-z][A-Za-z0-9_-]*-desc$/);
    assert.equal(escapeXml(`<&>"'`), "&lt;&amp;&gt;&quot;&#39;");
  });

  it("draws nothing without a point; skips points that are not numbers", () => {
    assert.equal(lineChartSvg(spec({ series: [] })), "");
    assert.equal(lineChartSvg(spec({ series: [{ name: "x", points: [{ x: Number.NaN, y: 1, label: "" }] }] })), "");
    const one = cheerio.load(lineChartSvg(spec({ series: [{ name: "x", points: [{ x: 24000, y: 5, label: "a" }, { x: 24001, y: Number.POSITIVE_INFINITY, label: "b" }] }] })), { xml: true });
    assert.equal(one("circle").length, 1);
  });
});
