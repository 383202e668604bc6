import { test } from "node:test";
import assert from "node:assert/strict";
import {
  parseArabic,
  parseChineseNumeral,
  parseGrowth,
  parseNumeral,
  parseQuantity,
  toBase,
  unitScale,
} from "../../src/extract/numbers.ts";

test("Arabic numerals as the press writes them", () => {
  assert.equal(parseArabic("150"), 150);
  assert.equal(parseArabic("1.39"), 1.39);
  assert.equal(parseArabic("4000"), 4000);
  assert.equal(parseArabic("4,000"), 4000);
  assert.equal(parseArabic("１２．５"), 12.5);
  assert.equal(parseArabic("-3.5"), -3.5);
  assert.equal(parseArabic("1.2.3"), null);
  assert.equal(parseArabic(""), null);
  assert.equal(parseArabic("abc"), null);
});

test("Chinese numerals", () => {
  assert.equal(parseChineseNumeral("两"), 2);
  assert.equal(parseChineseNumeral("十"), 10);
  assert.equal(parseChineseNumeral("十二"), 12);
  assert.equal(parseChineseNumeral("二十八"), 28);
  assert.equal(parseChineseNumeral("一百零五"), 105);
  assert.equal(parseChineseNumeral("三千五百"), 3500);
  assert.equal(parseChineseNumeral("两千零五十万"), 20500000);
  assert.equal(parseChineseNumeral("一九九八"), 1998);
  assert.equal(parseChineseNumeral("万"), null);
  assert.equal(parseChineseNumeral("十七位"), null);
  assert.equal(parseNumeral("28"), 28);
  assert.equal(parseNumeral("两"), 2);
});

test("quantities keep 万/亿 inside the unit", () => {
  assert.deepEqual(parseQuantity("150亿元"), { value: 150, unit: "亿元", approx: false });
  assert.deepEqual(parseQuantity("1.39亿美元"), { value: 1.39, unit: "亿美元", approx: false });
  assert.deepEqual(parseQuantity("450余万元"), { value: 450, unit: "万元", approx: true });
  assert.deepEqual(parseQuantity("近1.2亿美元"), { value: 1.2, unit: "亿美元", approx: true });
  assert.deepEqual(parseQuantity("3500万元"), { value: 3500, unit: "万元", approx: false });
  assert.deepEqual(parseQuantity("22.1万平方米"), { value: 22.1, unit: "万平方米", approx: false });
  assert.deepEqual(parseQuantity("两亿元"), { value: 2, unit: "亿元", approx: false });
  assert.deepEqual(parseQuantity("20%"), { value: 20, unit: "%", approx: false });
  assert.deepEqual(parseQuantity("80亿元以上"), { value: 80, unit: "亿元", approx: true });
  assert.equal(parseQuantity("11月"), null);
  assert.equal(parseQuantity("2014年"), null);
});

test("unit scales", () => {
  assert.deepEqual(unitScale("亿元"), { factor: 1e8, base: "元" });
  assert.deepEqual(unitScale("万平方米"), { factor: 1e4, base: "平方米" });
  assert.deepEqual(unitScale("千米"), { factor: 1, base: "千米" });
  assert.deepEqual(unitScale("%"), { factor: 1, base: "%" });
  assert.deepEqual(toBase(1.39, "亿美元"), { value: 139000000, unit: "美元" });
});

test("growth phrases", () => {
  assert.equal(parseGrowth("增长20%"), 20);
  assert.equal(parseGrowth("同比增长18.10%"), 18.1);
  assert.equal(parseGrowth("同比下降3.5%"), -3.5);
  assert.equal(parseGrowth("减少2%"), -2);
  assert.equal(parseGrowth("增速为-2.1%"), -2.1);
  assert.equal(parseGrowth("提高5％"), 5);
  assert.equal(parseGrowth("增长一倍"), 100);
  assert.equal(parseGrowth("翻一番"), 100);
  assert.equal(parseGrowth("增长两倍"), null);
  assert.equal(parseGrowth("高于全市5.3个百分点"), null);
  assert.equal(parseGrowth("完成150亿元"), null);
});
