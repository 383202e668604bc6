import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalFigure, canonicalFigures, canonicalOf, periodSpan } from "../../src/extract/canonical.ts";
import { INDICATORS, lookupIndicator } from "../../src/data/indicators.ts";
import type { Figure } from "../../src/types.ts";

const amount = (indicator: string | null, unit: string | null = "亿元") => ({ indicator, unit });

test("variants of one indicator share its canonical name", () => {
  const cases: Array<[string, string]> = [
    ["规上工业增加值", "规模以上工业增加值"],
    ["规模工业增加值", "规模以上工业增加值"],
    ["规模以上工业企业增加值", "规模以上工业增加值"],
    ["规模以上工业增加值", "规模以上工业增加值"],
    ["主营业务收入", "主营业务收入"],
    ["营业收入", "主营业务收入"],
    ["工业企业主营业务收入", "主营业务收入"],
    ["全社会固定资产投资", "固定资产投资"],
    ["地方公共财政预算收入", "一般公共预算收入"],
    ["GDP总量", "生产总值"],
    ["进出口总额", "外贸进出口总额"],
    ["实际使用外资", "实际利用外资"],
    // the longest lexicon name the indicator ends with
    ["辖区生产总值", "生产总值"],
    ["区属一般预算收入", "一般公共预算收入"],
    ["规模以上工业企业利润", "利润"],
  ];
  for (const [name, canonical] of cases) assert.equal(canonicalOf(amount(name)), canonical, name);
});

test("no canonical name for shares, growth rates, unknown names, or a unit that does not fit", () => {
  const none: Array<[string | null, string | null]> = [
    // a share of 财政总收入 is not 财政总收入
    ["地方公共财政预算收入占地方财政总收入", "%"],
    ["税收收入占地方公共财政预算收入比重", "%"],
    ["工业项目占比", "%"],
    ["辖区生产总值年均增速", "%"],
    ["续建、新建道路", "条"],
    ["规模以上工业主营务业收入", "亿元"],
    [null, "个"],
    ["", "亿元"],
    // an amount indicator counted in 个, a count indicator in 亿元, a rate in 亿元
    ["固定资产投资", "个"],
    ["新开工项目", "亿元"],
    ["开工率", "亿元"],
  ];
  for (const [name, unit] of none) assert.equal(canonicalOf({ indicator: name, unit }), null, `${name} ${unit}`);
  // growth only (no unit) keeps its name
  assert.equal(canonicalOf({ indicator: "规模以上工业", unit: null }), "规模以上工业增加值");
  assert.equal(canonicalOf({ indicator: "签约项目", unit: "个" }), "签约项目");
  assert.equal(canonicalOf({ indicator: "建成区绿化覆盖率", unit: "%" }), "绿化覆盖率");
});

test("every lexicon entry's canonical name is itself an entry of the same kind", () => {
  for (const d of INDICATORS) {
    const c = lookupIndicator(d.canonical);
    assert.ok(c, `${d.name} → ${d.canonical}: not an entry`);
    assert.equal(c.canonical, d.canonical, `${d.canonical} is canonical`);
    assert.equal(c.kind, d.kind, `${d.name}: kind`);
  }
});

test("periods become spans in the article's year", () => {
  const cases: Array<[string | null, string | null, [string | null, string | null] | null]> = [
    ["1—10月", "2013", ["2013-01", "2013-10"]],
    ["1—10月", "2013-11-20", ["2013-01", "2013-10"]],
    ["1—4月", "2014-05", ["2014-01", "2014-04"]],
    ["1—4月", "2014-04-30", ["2014-01", "2014-04"]],
    ["2022年1—6月", null, ["2022-01", "2022-06"]],
    ["2022年", null, ["2022", "2022"]],
    ["2022年", "2023", ["2022", "2022"]],
    ["去年1—6月", "2013-02", ["2012-01", "2012-06"]],
    ["去年", "2013", ["2012", "2012"]],
    ["今年", "2013-11-20", ["2013", "2013"]],
    ["全年", "2013", ["2013", "2013"]],
    ["1月", "2023", ["2023-01", "2023-01"]],
    ["前三季度", "2013-10-20", ["2013-01", "2013-09"]],
    ["一季度", "2013", ["2013-01", "2013-03"]],
    ["上半年", "2013", ["2013-01", "2013-06"]],
    ["下半年", "2013", ["2013-07", "2013-12"]],
    ["2022年上半年", null, ["2022-01", "2022-06"]],
    ["截至9月底", "2013", [null, "2013-09"]],
    ["截至2011年9月底", "2013-02-20", [null, "2011-09"]],
    // no year: an undated article, or a yearless period ending after the article's month
    ["1—4月", null, null],
    ["今年", null, null],
    ["1—9月", "2013-02-20", null],
    ["截至9月底", "2013-02", null],
    // no period, or one with no span
    [null, "2013", null],
    ["截至目前", "2013-11-20", null],
    ["", "2013", null],
    ["13月", "2013", null],
  ];
  for (const [period, date, span] of cases) {
    assert.deepEqual(periodSpan(period, date), span === null ? null : { start: span[0], end: span[1] }, `${period} in ${date}`);
  }
});

test("a figure keeps what the extractor read and gains its comparable fields, in a fixed order", () => {
  const f: Figure = { indicator: "外贸进出口总额", value: 1.39, unit: "亿美元", growth: -3.5, period: "1—10月", quote: "外贸进出口总额完成1.39亿美元，同比下降3.5%" };
  const c = canonicalFigure(f, "2013");
  assert.deepEqual(c, {
    indicator: "外贸进出口总额",
    value: 1.39,
    unit: "亿美元",
    growth: -3.5,
    period: "1—10月",
    quote: "外贸进出口总额完成1.39亿美元，同比下降3.5%",
    canonical: "外贸进出口总额",
    baseValue: 139000000,
    baseUnit: "美元",
    periodStart: "2013-01",
    periodEnd: "2013-10",
  });
  assert.deepEqual(Object.keys(c), ["indicator", "value", "unit", "growth", "period", "quote", "canonical", "baseValue", "baseUnit", "periodStart", "periodEnd"]);
  // growth only: no base value
  const g = canonicalFigure({ indicator: "固定资产投资", value: null, unit: null, growth: 20.1, period: "2022年", quote: "固定资产投资同比增长20.1%" }, "2023");
  assert.equal(g.baseValue, null);
  assert.equal(g.baseUnit, null);
  assert.equal(g.canonical, "固定资产投资");
  // an amount with no indicator is uncertain; target and uncertain are kept
  assert.equal(canonicalFigure({ indicator: null, value: 10, unit: "个", growth: null, period: null, quote: "有10个" }, null).uncertain, true);
  const t = canonicalFigure({ indicator: "主导产业产值", value: 210, unit: "亿元", growth: null, period: "今年", quote: "要力争主导产业产值突破210亿元", target: true }, null);
  assert.equal(t.target, true);
  assert.equal(t.uncertain, undefined);
  // recomputed from the other fields, whatever front matter said
  const stale = { ...f, canonical: "x", baseValue: 1, baseUnit: "y", periodStart: "1999", periodEnd: "1999" };
  assert.deepEqual(canonicalFigure(stale, "2013"), c);
});

test("base values: 万, 亿, 万亿 and units of their own", () => {
  const base = (value: number, unit: string) => {
    const f = canonicalFigure({ indicator: "投资", value, unit, growth: null, period: null, quote: "" }, null);
    return [f.baseValue, f.baseUnit];
  };
  assert.deepEqual(base(75.7, "亿元"), [7570000000, "元"]);
  assert.deepEqual(base(450, "万元"), [4500000, "元"]);
  assert.deepEqual(base(1.2, "万亿元"), [1200000000000, "元"]);
  assert.deepEqual(base(8000, "万美元"), [80000000, "美元"]);
  assert.deepEqual(base(22.1, "万平方米"), [221000, "平方米"]);
  assert.deepEqual(base(4.1, "公里"), [4.1, "公里"]);
  assert.deepEqual(base(15, "千米"), [15, "千米"]);
  assert.deepEqual(base(40, "%"), [40, "%"]);
});

test("never throws; deterministic", () => {
  fc.assert(
    fc.property(
      fc.record({
        indicator: fc.option(fc.string(), { nil: null }),
        value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
        unit: fc.option(fc.constantFrom("亿元", "万元", "%", "个", "x", ""), { nil: null }),
        growth: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
        period: fc.option(fc.oneof(fc.string(), fc.constantFrom("1—10月", "截至9月底", "今年", "2022年上半年")), { nil: null }),
        quote: fc.string(),
      }),
      fc.option(fc.oneof(fc.string(), fc.constantFrom("2013", "2013-02", "2013-02-20")), { nil: null }),
      (f, date) => {
        const a = canonicalFigures([f], date);
        assert.deepEqual(canonicalFigures([f], date), a);
        assert.equal(a.length, 1);
      },
    ),
    { numRuns: 300 },
  );
  assert.deepEqual(canonicalFigures(undefined as unknown as Figure[], "2013"), []);
});
