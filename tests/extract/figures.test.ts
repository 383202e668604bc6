import { test } from "node:test";
import assert from "node:assert/strict";
import { seedLines } from "./seed-lines.ts";
import fc from "fast-check";
import { extractFigures, findPeriod } from "../../src/extract/figures.ts";
import type { Figure } from "../../src/types.ts";



function seedParagraph(prefix: string, start: string): string {
  const p = seedLines(prefix).find((l) => l.startsWith(start));
  assert.ok(p, `seed ${prefix} has a paragraph starting ${start}`);
  return p;
}

/** half-width , ; : ( ) to full-width, except inside numbers (what the normaliser does) */
function fullWidth(s: string): string {
  return s
    .replace(/,(?!\d{3}(?!\d))/g, "，")
    .replace(/;/g, "；")
    .replace(/:(?!\d)/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

function fig(
  indicator: string | null,
  value: number | null,
  unit: string | null,
  growth: number | null,
  period: string | null,
  quote: string,
  uncertain = false,
): Figure {
  const f: Figure = { indicator, value, unit, growth, period, quote };
  if (uncertain) f.uncertain = true;
  return f;
}

test("an amount with its growth in the next clause is one figure", () => {
  assert.deepEqual(extractFigures(["全区工业企业主营业务收入完成150亿元，同比增长20%。"]), [
    fig("工业企业主营业务收入", 150, "亿元", 20, null, "全区工业企业主营业务收入完成150亿元，同比增长20%"),
  ]);
});

test("growth-only: value null, unit null, growth set", () => {
  assert.deepEqual(extractFigures(["固定资产投资同比增长20.1%。"]), [
    fig("固定资产投资", null, null, 20.1, null, "固定资产投资同比增长20.1%"),
  ]);
});

test("seed 000, paragraph 今年以来: five amounts, four growths → nothing guessed", () => {
  const p = seedParagraph("000_", "今年以来");
  const list = "同比分别增长20%、18%、27%、26%";
  assert.deepEqual(extractFigures([p]), [
    fig("工业企业主营业务收入", 150, "亿元", null, "1—10月", "全区工业企业主营业务收入完成150亿元"),
    fig("规模以上工业企业增加值", 30.9, "亿元", null, "1—10月", "规模以上工业企业增加值完成30.9亿元"),
    fig("规模以上工业企业利润", 3.8, "亿元", null, "1—10月", "规模以上工业企业实现利润3.8亿元"),
    fig("固定资产投资", 75.7, "亿元", null, "1—10月", "固定资产投资完成75.7亿元"),
    fig("外贸进出口总额", 1.39, "亿美元", null, "1—10月", "外贸进出口总额完成1.39亿美元"),
    fig(null, null, null, 20, "1—10月", list, true),
    fig(null, null, null, 18, "1—10月", list, true),
    fig(null, null, null, 27, "1—10月", list, true),
    fig(null, null, null, 26, "1—10月", list, true),
  ]);
});

test("seed 000, paragraph 今年1月至10月份，全区招商引资到位资金28亿元", () => {
  const p = seedParagraph("000_", "今年1月至10月份，全区招商引资到位资金");
  assert.deepEqual(extractFigures([p]), [
    fig("招商引资到位资金", 28, "亿元", 21, "1—10月", "全区招商引资到位资金28亿元，同比增长21%"),
    fig("实际利用外资", 1.2, "亿美元", 13, "1—10月", "实际利用外资近1.2亿美元，同比增长13%"),
    fig("总投资", 49.28, "亿元", null, "1—10月", "总投资49.28亿元"),
    // a sentence with a date (11月16日) does not inherit the paragraph's period
    fig("总投资", 30, "亿元", null, null, "总投资30亿元的荣兴鹤壁科技产业园项目11月16日正式签约"),
  ]);
});

test("seed 000 as a whole: repeated paragraphs give each figure once", () => {
  const figures = extractFigures(seedLines("000_"));
  assert.equal(figures.filter((f) => f.value === 150 && f.unit === "亿元").length, 1);
  assert.equal(figures.filter((f) => f.growth === 20 && f.uncertain).length, 1);
  const keys = figures.map((f) => JSON.stringify([f.indicator, f.value, f.unit, f.growth, f.period]));
  assert.equal(new Set(keys).size, keys.length);
  // the 1—10月 工业投资 paragraph
  assert.deepEqual(
    figures.find((f) => f.indicator === "工业投资"),
    fig("工业投资", 67.7, "亿元", 63.2, "1—10月", "开发区完成工业投资67.7亿元，同比增长63.2%"),
  );
  // 11月4日, 7时, 2014年, 十八届三中全会, 4500台套 (a capacity in a name): no figures
  for (const f of figures) {
    assert.ok(![4, 7, 9, 2014, 18, 4500].includes(f.value as number) || f.unit === "亿元", JSON.stringify(f));
  }
});

test("seed 003, the 1-4月份 paragraph", () => {
  const raw = seedParagraph("003_", "据了解,今年1-4月份");
  const expected = (c: string): Figure[] => [
    fig("规模以上工业增加值", 21.42, "亿元", 19.8, "1—4月", `全区规模以上工业增加值完成21.42亿元${c}同比增长19.8%`),
    fig("全社会固定资产投资", 29.4, "亿元", 15.2, "1—4月", `全社会固定资产投资完成29.4亿元${c}同比增长15.2%`),
    fig("地方公共财政预算收入", 2.44, "亿元", 25.55, "1—4月", `地方公共财政预算收入完成2.44亿元${c}同比增长25.55%`),
    fig("地方公共财政预算收入占地方财政总收入", 99.41, "%", null, "1—4月", "占地方财政总收入的99.41%"),
    fig("税收收入", 1.96, "亿元", 18.1, "1—4月", `其中税收收入1.96亿元${c}同比增长18.10%`),
    fig("税收收入占地方公共财政预算收入比重", 80.47, "%", null, "1—4月", "占地方公共财政预算收入比重80.47%"),
  ];
  assert.deepEqual(extractFigures([raw]), expected(","));
  assert.deepEqual(extractFigures([fullWidth(raw)]), expected("，"));
});

test("seed 001, 元-9月份 with half-width punctuation: counts and their 总投资", () => {
  const p = seedParagraph("001_", "今年以来,开发区上下精神振奋");
  const sentence = p.slice(p.indexOf("元-9月份"), p.indexOf("2011年"));
  assert.ok(sentence.endsWith("总投资28亿元。"));
  const expected = [
    fig("签约项目", 43, "个", null, "1—9月", "共签约项目43个"),
    fig("签约项目总投资", 98.5, "亿元", null, "1—9月", "总投资98.5亿元"),
    fig("新开工项目", 40, "个", null, "1—9月", "新开工项目40个"),
    fig("新开工项目总投资", 87.8, "亿元", null, "1—9月", "总投资87.8亿元"),
    fig("建成投产项目", 23, "个", null, "1—9月", "建成投产项目23个"),
    fig("建成投产项目总投资", 28, "亿元", null, "1—9月", "总投资28亿元"),
  ];
  assert.deepEqual(extractFigures([sentence]), expected);
  // the whole paragraph starts the same way; 开工率 and 占…的 are rates, not growth
  const whole = extractFigures([p]);
  assert.deepEqual(whole.slice(0, 6), expected);
  assert.deepEqual(
    whole.find((f) => f.indicator === "开工率"),
    // the sentence begins "2011年开发区承担的…": its yearless 截止9月底 is 2011's
    fig("开工率", 93.3, "%", null, "截至2011年9月底", "开工率93.3%"),
  );
  assert.deepEqual(
    whole.find((f) => f.value === 89.4),
    fig("投资占年度投资计划", 89.4, "%", null, "截至2011年9月底", "占年度投资计划的89.4%"),
  );
  // 15个省、市重点项目 and 2011年 are not figures
  assert.ok(!whole.some((f) => f.value === 15 || f.value === 2011));
});

test("分别增长 maps to the amounts before it when the counts agree", () => {
  const p = "今年前三季度，全区规上工业增加值完成12.5亿元，实际利用外资3200万美元，同比分别增长8.2%、下降3%。";
  // 下降 inside a list is not read: only lists of one verb are mapped
  const q = "今年前三季度，全区规上工业增加值完成12.5亿元，实际利用外资3200万美元，同比分别增长8.2%、15%。";
  const s = "今年前三季度，全区规上工业增加值完成12.5亿元，实际利用外资3200万美元，同比分别增长8.2%、15%";
  assert.deepEqual(extractFigures([q]), [
    fig("规上工业增加值", 12.5, "亿元", 8.2, "前三季度", s),
    fig("实际利用外资", 3200, "万美元", 15, "前三季度", s),
  ]);
  const figs = extractFigures([p]);
  assert.equal(figs[0].value, 12.5);
  assert.ok(!figs.some((f) => f.growth === 3), "a sign is never dropped");
});

test("分别增长 with the names before it", () => {
  assert.deepEqual(extractFigures(["上半年，主营业务收入和利润总额分别增长12%、9.5%。"]), [
    fig("主营业务收入", null, null, 12, "上半年", "主营业务收入和利润总额分别增长12%、9.5%"),
    fig("利润总额", null, null, 9.5, "上半年", "主营业务收入和利润总额分别增长12%、9.5%"),
  ]);
});

test("下降 is negative growth; 万元, 万美元, 亿美元 are kept as written", () => {
  assert.deepEqual(extractFigures(["1-6月份，开发区税收收入完成8600万元，同比下降3.5%；出口创汇1.2亿美元，同比增长9%；合同利用外资500万美元。"]), [
    fig("税收收入", 8600, "万元", -3.5, "1—6月", "开发区税收收入完成8600万元，同比下降3.5%"),
    fig("出口创汇", 1.2, "亿美元", 9, "1—6月", "出口创汇1.2亿美元，同比增长9%"),
    fig("合同利用外资", 500, "万美元", null, "1—6月", "合同利用外资500万美元"),
  ]);
});

test("rates and shares are values in %, named by the words before them", () => {
  assert.deepEqual(extractFigures(["截至目前，开发区已投资约4000万元，建成区绿化覆盖率40%，城市道路绿化普及率达到98%。"]), [
    fig("投资", 4000, "万元", null, "截至目前", "开发区已投资约4000万元"),
    fig("建成区绿化覆盖率", 40, "%", null, "截至目前", "建成区绿化覆盖率40%"),
    fig("城市道路绿化普及率", 98, "%", null, "截至目前", "城市道路绿化普及率达到98%"),
  ]);
  assert.deepEqual(extractFigures(["已开工在建项目14个，开工率93.3%，已完成投资22.08亿元，占年度投资计划的89.4%。"]), [
    fig("开工在建项目", 14, "个", null, null, "已开工在建项目14个"),
    fig("开工率", 93.3, "%", null, null, "开工率93.3%"),
    fig("投资", 22.08, "亿元", null, null, "已完成投资22.08亿元"),
    fig("投资占年度投资计划", 89.4, "%", null, null, "占年度投资计划的89.4%"),
  ]);
});

test("个百分点 comparisons are skipped, growth stays with its amount", () => {
  const p = "2022年，高新区实现GDP总量187.07亿元，增长9.4%，高于全市5.3个百分点；规模以上工业增长13%，高于全市6.6个百分点。";
  assert.deepEqual(extractFigures([p]), [
    fig("GDP总量", 187.07, "亿元", 9.4, "2022年", "高新区实现GDP总量187.07亿元，增长9.4%"),
    fig("规模以上工业", null, null, 13, "2022年", "规模以上工业增长13%"),
  ]);
});

test("no figure twice when the text repeats itself", () => {
  const p = "今年1-4月份，全区规模以上工业增加值完成21.42亿元，同比增长19.8%。";
  assert.equal(extractFigures([p, p, p]).length, 1);
  assert.equal(extractFigures([p + p]).length, 1);
});

test("dates, times, years, ordinals, rank changes, phone numbers and names are not figures", () => {
  const texts = [
    "从11月4日起，每天晚上7时至9时，是开发区各单位的集中学习时间。",
    "认真谋划2014年经济社会发展各项工作。",
    "固定资产投资居全省第十七位，较去年提升35个位次，居第3位。",
    "根据党的十八届三中全会精神要求，努力实现新突破。",
    "咨询电话：0391-3312345，13800138000。",
    "示范区实施招商引资“521”工程，力争通过2-3年努力，实现目标。",
    "前10个月，开发区召开会议两次，用两个小时解决了问题。",
    "加快推进11个村的新型社区建设，共有4个重点招商区域。",
    "河南焦矿机械有限公司年产7万吨重型成套装备项目正式投产。",
  ];
  for (const t of texts) assert.deepEqual(extractFigures([t]), [], t);
});

test("periods are normalised", () => {
  const cases: Array<[string, string | null]> = [
    ["今年1月至10月份，", "1—10月"],
    ["1-4月份，", "1—4月"],
    ["1—10月，", "1—10月"],
    ["元-9月份,", "1—9月"],
    ["今年前10个月，", "1—10月"],
    ["前八个月,", "1—8月"],
    ["前三季度，", "前三季度"],
    ["今年上半年，", "上半年"],
    ["2022年1-6月，", "2022年1—6月"],
    ["2022年，", "2022年"],
    ["今年以来，", "今年"],
    ["截止9月底,", "截至9月底"],
    ["截至目前，", "截至目前"],
    ["11月8日，", null],
  ];
  for (const [text, period] of cases) assert.equal(findPeriod(text), period, text);
  // the explicit months win over 今年, and a clause's period carries on in its paragraph
  const figs = extractFigures(["今年以来，开发区加快发展。今年前八个月，开发区工业投资完成48.3亿元。税收收入3亿元。"]);
  assert.deepEqual(
    figs.map((f) => f.period),
    ["1—8月", "1—8月"],
  );
});

test("a count before 总投资 qualifies it only when 总投资 stands alone", () => {
  assert.deepEqual(
    extractFigures(["签订意向项目54个，投资1亿至5亿元项目35个，合计总投资235.4亿元。"]).map((f) => f.indicator),
    ["签订意向项目", "投资1亿至5亿元项目", "总投资"],
  );
});

test("a name given once carries to the amount after it (达到…)", () => {
  assert.deepEqual(extractFigures(["特别是财政一般预算收入已突破2亿元大关，达到2.023亿元。"]), [
    fig("财政一般预算收入", 2.023, "亿元", null, null, "特别是财政一般预算收入已突破2亿元大关，达到2.023亿元"),
  ]);
  // 增长一倍 is growth only when it is year on year; 年均 growth is a figure of its own
  assert.deepEqual(extractFigures(["辖区生产总值增长一倍，达到280亿元，年均增速20%。"]), [
    fig("辖区生产总值", 280, "亿元", null, null, "辖区生产总值增长一倍，达到280亿元"),
    fig("辖区生产总值年均增速", 20, "%", null, null, "辖区生产总值增长一倍，达到280亿元，年均增速20%"),
  ]);
  assert.deepEqual(extractFigures(["出口额同比增长一倍，达到2.4亿美元。"]), [
    fig("出口额", 2.4, "亿美元", 100, null, "出口额同比增长一倍，达到2.4亿美元"),
  ]);
});

test("an amount with no name is kept, marked uncertain", () => {
  assert.deepEqual(extractFigures(["二是工业项目多，有10个。"]), [fig(null, 10, "个", null, null, "有10个", true)]);
});

test("full-width digits and 两亿元 in Chinese numerals", () => {
  assert.deepEqual(extractFigures(["园区完成投资１２．５亿元。"]), [fig("投资", 12.5, "亿元", null, null, "园区完成投资１２．５亿元")]);
  assert.deepEqual(extractFigures(["该项目总投资两亿元。"]), [fig("总投资", 2, "亿元", null, null, "该项目总投资两亿元")]);
});

test("never throws, always returns well-formed figures", () => {
  const alphabet = [..."0123456789.%,;:，。；：、（）()-—元万亿美个家项年月日前至第增长下降同比分别占的为完成实现投资总额率全区开发区“”《》 \n"];
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.string(), fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((a) => a.join(""))), { maxLength: 5 }),
      (paras) => {
        const figs = extractFigures(paras);
        for (const f of figs) {
          assert.ok(f.value === null || Number.isFinite(f.value));
          assert.ok(f.growth === null || Number.isFinite(f.growth));
          assert.equal(typeof f.quote, "string");
          assert.ok(f.value !== null || f.growth !== null);
        }
        assert.deepEqual(extractFigures(paras), figs, "deterministic");
      },
    ),
    { numRuns: 400 },
  );
  assert.deepEqual(extractFigures(undefined as unknown as string[]), []);
  assert.deepEqual(extractFigures([null as unknown as string, ""]), []);
});

test("fast: a long odd paragraph and many normal ones", () => {
  const seeds = [...seedLines("000_"), ...seedLines("003_")];
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) extractFigures(seeds);
  const normal = performance.now() - t0;
  const odd = "为占的".repeat(30000) + "12%" + "1个".repeat(20000) + "增长5%、".repeat(5000);
  const t1 = performance.now();
  extractFigures([odd]);
  const long = performance.now() - t1;
  assert.ok(normal < 5000, `20 × two seeds took ${normal.toFixed(0)} ms`);
  assert.ok(long < 5000, `a 140k-character paragraph took ${long.toFixed(0)} ms`);
});

test("a yearless month period takes the year its sentence named, not the next sentence's", () => {
  const figs = extractFigures(["2012年，全区签约项目12个，1—6月完成投资8亿元。1—9月，税收收入3亿元。"]);
  assert.deepEqual(
    figs.map((f) => f.period),
    ["2012年", "2012年1—6月", "1—9月"],
  );
  assert.equal(extractFigures(["2011年重点项目快速推进，截止9月底，开工率93.3%。"])[0].period, "截至2011年9月底");
  // 今年/去年 are words of their own: no year is put in front of them
  assert.equal(extractFigures(["2012年，全区去年1—6月完成投资8亿元。"])[0].period, "去年1—6月");
});

test("plans and goals are marked target; results beside them are not", () => {
  // seed 003: 要力争 carries to the next clause of its sentence
  const plan = extractFigures(["今年，要力争主导产业产值突破210亿元，主导产业规模增加值实现51亿元。"]);
  assert.deepEqual(plan.map((f) => [f.indicator, f.target ?? false]), [["主导产业产值", true], ["主导产业规模增加值", true]]);
  assert.equal(extractFigures(["科学布局，服务业增加值的年均增速要达到15%。"])[0].target, true);
  assert.equal(extractFigures(["认真谋划一批重点项目，力争储备项目500个以上，总投资3000亿元以上。"]).every((f) => f.target), true);
  assert.equal(extractFigures(["到2016年，辖区生产总值达到280亿元。"])[0].target, true);
  // a result before a goal in the same sentence stays a result
  const mixed = extractFigures(["1—10月完成投资5亿元，力争全年突破10亿元。"]);
  assert.deepEqual(mixed.map((f) => [f.value, f.target ?? false]), [[5, false], [10, true]]);
  // a plan in another ；-segment or sentence does not leak
  const seg = extractFigures(["要确保完成全年任务；1—10月完成投资5亿元。"]);
  assert.equal(seg[0].target, undefined);
  // 计划总投资 is a project's planned total, 年度投资计划 a benchmark, 截至2013年底 a date: not goals
  for (const t of ["磨料磨具产业园项目11个，计划总投资7.26亿元。", "已完成投资22.08亿元，占年度投资计划的89.4%。", "截至2013年底，已入驻企业83家。", "2011年至2013年，累计完成投资30亿元。"]) {
    for (const f of extractFigures([t])) assert.equal(f.target, undefined, `${t}: ${f.indicator}`);
  }
});
