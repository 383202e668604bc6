import { test } from "node:test";
import assert from "node:assert/strict";
import { parseBylineBlock, parseLead, parsePhotoCredit, parseTrailingName, parseRoleList } from "../../src/extract/byline.ts";
import { assembleHeadline, titleFromText } from "../../src/extract/headline.ts";
import { inferDate } from "../../src/extract/date.ts";
import { coerceDate, isValidDate, parseFullDate } from "../../src/extract/dates.ts";
import type { Block } from "../../src/types.ts";

test("byline: every shape in the seeds", () => {
  assert.deepEqual(parseBylineBlock("□本报记者 张心致"), [{ name: "张心致", role: "记者" }]);
  assert.deepEqual(parseBylineBlock("通讯员 吴寒寒 汪雷雷"), [
    { name: "吴寒寒", role: "通讯员" },
    { name: "汪雷雷", role: "通讯员" },
  ]);
  assert.deepEqual(parseBylineBlock("（本报记者 高轶鹏 通讯员 高健）"), [
    { name: "高轶鹏", role: "记者" },
    { name: "高健", role: "通讯员" },
  ]);
  assert.deepEqual(parseLead("本报讯（记者郭树勋、付凯明）昨日上午，会议召开。")?.authors, [
    { name: "郭树勋", role: "记者" },
    { name: "付凯明", role: "记者" },
  ]);
  assert.equal(parseLead("本报讯（记者高轶鹏 通讯员董颖博）2月1日下午，会议召开。")?.rest, "2月1日下午，会议召开。");
  assert.deepEqual(parsePhotoCredit("工人在为新栽植的竹子补水。 本报记者 王正义 摄"), {
    authors: [{ name: "王正义", role: "摄影" }],
    rest: "工人在为新栽植的竹子补水。",
  });
  assert.deepEqual(parsePhotoCredit("大会会场。 刘昆摄")?.authors, [{ name: "刘昆", role: "摄影" }]);
  assert.deepEqual(parseTrailingName("绘就科学发展的新画卷。 秦玉平")?.author, { name: "秦玉平", role: "作者" });
});

test("byline: prose and headlines are not bylines", () => {
  assert.equal(parseBylineBlock("站位全局 突出重点 把握关键"), null);
  assert.equal(parseBylineBlock("记者在航盛汽车电子工业园看到，一件件产品走下流水线。"), null);
  assert.equal(parseRoleList("通讯员队伍不断壮大"), null);
  assert.equal(parseTrailingName("会议要求，要抓落实。"), null);
  assert.equal(parsePhotoCredit("会议强调，要抓落实。"), null);
});

const stack = (...lines: [string, number][]): Block[] => lines.map(([text, gap]) => ({ text, gap }));

test("headline: title + ——subtitle", () => {
  assert.deepEqual(assembleHeadline(stack(["敢想敢干 敢闯敢试 努力实现新突破新跨越", 2], ["——鹤壁国家经济技术开发区发展概述", 1])), {
    kicker: null,
    title: "敢想敢干 敢闯敢试 努力实现新突破新跨越",
    subtitle: "鹤壁国家经济技术开发区发展概述",
  });
});

test("headline: 引题 over 主题; a two-line 主题 is one headline", () => {
  assert.deepEqual(assembleHeadline(stack(["示范区招商引资和项目建设大会强调", 2], ["站位全局 突出重点 把握关键", 1], ["奋力实现经济社会发展新突破", 0])), {
    kicker: "示范区招商引资和项目建设大会强调",
    title: "站位全局 突出重点 把握关键 奋力实现经济社会发展新突破",
    subtitle: null,
  });
  assert.deepEqual(assembleHeadline(stack(["“拼”字当头 “干”字当先", 1], ["高新区部署2023年重点任务和项目", 1])), {
    kicker: "“拼”字当头 “干”字当先",
    title: "高新区部署2023年重点任务和项目",
    subtitle: null,
  });
});

test("headline: a 综述/纪实 line printed under the title is the subtitle, even without a gap", () => {
  assert.deepEqual(assembleHeadline(stack(["扎实开展", 1], ["党的群众路线教育实践活动", 0], ["“诚”走八方引凤来", 1], ["示范区集中外出招商活动综述", 0])), {
    kicker: "扎实开展 党的群众路线教育实践活动",
    title: "“诚”走八方引凤来",
    subtitle: "示范区集中外出招商活动综述",
  });
  assert.deepEqual(assembleHeadline(stack(["奋力攻坚正当时", 1], ["示范区22个重点项目陆续开工纪实", 1])), {
    kicker: null,
    title: "奋力攻坚正当时",
    subtitle: "示范区22个重点项目陆续开工纪实",
  });
});

test("headline: a stand-in title from the first clause, without a date lead", () => {
  assert.equal(titleFromText("5月23日，示范区生态公园项目正在加紧施工。据了解"), "示范区生态公园项目正在加紧施工");
  assert.equal(titleFromText("一".repeat(60)).length, 40);
});

test("dates: real calendar dates only, at the stated precision", () => {
  assert.equal(isValidDate("2023-02-28"), true);
  assert.equal(isValidDate("2023-02-29"), false);
  assert.equal(isValidDate("2024-02-29"), true);
  assert.equal(isValidDate("2023-13"), false);
  assert.equal(isValidDate("1800"), false);
  assert.equal(parseFullDate("发布时间：2013年2月20日 09:04"), "2013-02-20");
  assert.equal(parseFullDate("2013 02/20 09:04"), "2013-02-20");
  assert.equal(parseFullDate("2023/2/30"), null);
  assert.equal(coerceDate("2019-5"), "2019-05");
  assert.equal(coerceDate(2019), "2019");
  assert.equal(coerceDate("2023-02-30"), null);
  assert.equal(coerceDate({}), null);
});

test("date inference: next year's plans beside this year's 1—10月 figures → this year", () => {
  assert.equal(inferDate("今年1月至10月份，全区完成150亿元。他们认真谋划2014年经济社会发展各项工作。")?.date, "2013");
});

test("date inference: this year's plans beside last year's results → this year", () => {
  assert.equal(inferDate("会议部署2023年重点任务。2022年，高新区实现GDP总量187.07亿元。")?.date, "2023");
});

test("date inference: an event spoken of as just held", () => {
  assert.equal(inferDate("今年前10个月，固定资产投资完成75.2亿元。乘着党的十八大胜利召开的东风，奋力前行。")?.date, "2012");
  assert.equal(inferDate("今年1-4月份，全区完成21.42亿元。乘着党的十八大胜利召开的东风。"), null, "figures that end in April cannot be from the congress year's end");
});

test("date inference: no basis → null, not a guess", () => {
  assert.equal(inferDate("今年1-4月份，全区规模以上工业增加值完成21.42亿元。"), null);
  assert.equal(inferDate("2011年开发区承担的15个省、市重点项目快速推进。"), null);
  assert.equal(inferDate(""), null);
});
