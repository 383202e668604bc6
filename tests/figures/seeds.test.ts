/**
 * The canonical figures of two seed paragraphs, written out by hand from the
 * source text and compared whole: the normaliser's figures of the paragraph,
 * with canonical name, base value and unit, and the period as a span.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normaliseFile } from "../../src/pipeline/normalise-file.ts";
import type { Article, Figure } from "../../src/types.ts";

const ARTICLES = join(import.meta.dirname, "../../articles");

function articles(file: string, prefix = ""): Article[] {
  const bytes = Buffer.concat([Buffer.from(prefix), readFileSync(join(ARTICLES, file))]);
  return normaliseFile(file, bytes, { base: "/" }).articles;
}

/** The figures whose quote lies in the body paragraph that starts with `start`. */
function paragraphFigures(a: Article, start: string): Figure[] {
  const p = a.body.find((b) => b.text.startsWith(start));
  assert.ok(p, `a paragraph starts with ${start}`);
  return a.record.figures.filter((f) => p.text.includes(f.quote));
}

test("seed 000, the 1—10月 paragraph: five amounts made comparable, four growths kept and marked uncertain", () => {
  const [a] = articles("000_105bf47f04f9aea1.txt");
  assert.equal(a.record.date, "2013", "the article is dated 2013 (inferred)");
  const span = { periodStart: "2013-01", periodEnd: "2013-10" };
  const growths = "同比分别增长20%、18%、27%、26%";
  // 今年1月至10月份，全区工业企业主营业务收入完成150亿元，规模以上工业企业增加值完成30.9亿元，
  // 规模以上工业企业实现利润3.8亿元，固定资产投资完成75.7亿元，外贸进出口总额完成1.39亿美元，
  // 同比分别增长20%、18%、27%、26%。  (five amounts, four growths: which growth is whose is not said)
  const expected: Figure[] = [
    { indicator: "工业企业主营业务收入", value: 150, unit: "亿元", growth: null, period: "1—10月", quote: "全区工业企业主营业务收入完成150亿元",
      canonical: "主营业务收入", baseValue: 15_000_000_000, baseUnit: "元", ...span },
    { indicator: "规模以上工业企业增加值", value: 30.9, unit: "亿元", growth: null, period: "1—10月", quote: "规模以上工业企业增加值完成30.9亿元",
      canonical: "规模以上工业增加值", baseValue: 3_090_000_000, baseUnit: "元", ...span },
    { indicator: "规模以上工业企业利润", value: 3.8, unit: "亿元", growth: null, period: "1—10月", quote: "规模以上工业企业实现利润3.8亿元",
      canonical: "利润", baseValue: 380_000_000, baseUnit: "元", ...span },
    { indicator: "固定资产投资", value: 75.7, unit: "亿元", growth: null, period: "1—10月", quote: "固定资产投资完成75.7亿元",
      canonical: "固定资产投资", baseValue: 7_570_000_000, baseUnit: "元", ...span },
    { indicator: "外贸进出口总额", value: 1.39, unit: "亿美元", growth: null, period: "1—10月", quote: "外贸进出口总额完成1.39亿美元",
      canonical: "外贸进出口总额", baseValue: 139_000_000, baseUnit: "美元", ...span },
    ...[20, 18, 27, 26].map((growth): Figure => ({
      indicator: null, value: null, unit: null, growth, period: "1—10月", quote: growths, uncertain: true,
      canonical: null, baseValue: null, baseUnit: null, ...span,
    })),
  ];
  assert.deepEqual(paragraphFigures(a, "今年以来，开发区不断完善各项体制机制"), expected);
});

test("seed 003, the 1-4月 paragraph: canonical names and base values; no span, as the article is undated", () => {
  const [a] = articles("003_f5eec855c07a936a.txt");
  assert.equal(a.record.date, null, "the article is undated");
  const none = { periodStart: null, periodEnd: null };
  // 据了解，今年1-4月份，全区规模以上工业增加值完成21.42亿元，同比增长19.8%；全社会固定资产投资完成29.4亿元，
  // 同比增长15.2%；地方公共财政预算收入完成2.44亿元，同比增长25.55%，占地方财政总收入的99.41%，其中税收收入
  // 1.96亿元，同比增长18.10%，占地方公共财政预算收入比重80.47%，…
  const expected: Figure[] = [
    { indicator: "规模以上工业增加值", value: 21.42, unit: "亿元", growth: 19.8, period: "1—4月", quote: "全区规模以上工业增加值完成21.42亿元，同比增长19.8%",
      canonical: "规模以上工业增加值", baseValue: 2_142_000_000, baseUnit: "元", ...none },
    { indicator: "全社会固定资产投资", value: 29.4, unit: "亿元", growth: 15.2, period: "1—4月", quote: "全社会固定资产投资完成29.4亿元，同比增长15.2%",
      canonical: "固定资产投资", baseValue: 2_940_000_000, baseUnit: "元", ...none },
    { indicator: "地方公共财政预算收入", value: 2.44, unit: "亿元", growth: 25.55, period: "1—4月", quote: "地方公共财政预算收入完成2.44亿元，同比增长25.55%",
      canonical: "一般公共预算收入", baseValue: 244_000_000, baseUnit: "元", ...none },
    // a share: not 财政总收入 itself
    { indicator: "地方公共财政预算收入占地方财政总收入", value: 99.41, unit: "%", growth: null, period: "1—4月", quote: "占地方财政总收入的99.41%",
      canonical: null, baseValue: 99.41, baseUnit: "%", ...none },
    { indicator: "税收收入", value: 1.96, unit: "亿元", growth: 18.1, period: "1—4月", quote: "其中税收收入1.96亿元，同比增长18.10%",
      canonical: "税收收入", baseValue: 196_000_000, baseUnit: "元", ...none },
    { indicator: "税收收入占地方公共财政预算收入比重", value: 80.47, unit: "%", growth: null, period: "1—4月", quote: "占地方公共财政预算收入比重80.47%",
      canonical: null, baseValue: 80.47, baseUnit: "%", ...none },
  ];
  assert.deepEqual(paragraphFigures(a, "据了解，今年1-4月份"), expected);
});

test("seed 003 with a date set in front matter: the same paragraph gets its span from that date", () => {
  const [a] = articles("003_f5eec855c07a936a.txt", "---\ndate: 2014-05-24\n---\n");
  assert.equal(a.record.date, "2014-05-24");
  const figs = paragraphFigures(a, "据了解，今年1-4月份");
  assert.equal(figs.length, 6);
  for (const f of figs) assert.deepEqual([f.periodStart, f.periodEnd], ["2014-01", "2014-04"], f.quote);
  // the plans of the next paragraph are marked as such
  const plans = a.record.figures.filter((f) => f.target).map((f) => f.indicator);
  assert.deepEqual(plans, ["主导产业产值", "主导产业规模增加值", "服务业增加值年均增速"]);
});
