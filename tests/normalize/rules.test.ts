import { test } from "node:test";
import assert from "node:assert/strict";
import type { Block } from "../../src/types.ts";
import { newContext } from "../../src/normalize/rules/index.ts";
import { foldText, foldPunctuation } from "../../src/normalize/rules/fold-punctuation.ts";
import { detectScript, toSimplifiedRule } from "../../src/normalize/rules/to-simplified.ts";
import { stripChrome } from "../../src/normalize/rules/strip-chrome.ts";
import { infoLines } from "../../src/normalize/rules/info-lines.ts";
import { rejoinBrokenLines } from "../../src/normalize/rules/rejoin-broken-lines.ts";
import { dropRepeats, dropTandemClauses } from "../../src/normalize/rules/drop-repeats.ts";

const blocks = (...lines: (string | [string, number])[]): Block[] =>
  lines.map((l) => (typeof l === "string" ? { text: l, gap: 1 } : { text: l[0], gap: l[1] }));
const texts = (bs: Block[]): string[] => bs.map((b) => b.text);

test("fold-punctuation: half-width ,;:?!() beside Chinese become full width", () => {
  assert.equal(foldText("今年以来,开发区上下精神振奋;取得成效:一是招商(引资)?"), "今年以来，开发区上下精神振奋；取得成效：一是招商（引资）？");
});

test("fold-punctuation: digits, times, decimals and Latin text keep their ASCII punctuation", () => {
  assert.equal(foldText("09:04 发布"), "09:04 发布");
  assert.equal(foldText("Copyright 2023, All rights reserved. 1,200.5"), "Copyright 2023, All rights reserved. 1,200.5");
  assert.equal(foldText("增长20.5%，达到1.39亿美元"), "增长20.5%，达到1.39亿美元");
  assert.equal(foldText("service@cnrepark.com"), "service@cnrepark.com");
});

test("fold-punctuation: full-width digits, letters and ％ become ASCII; Chinese punctuation is untouched (no NFKC)", () => {
  assert.equal(foldText("完成１５０亿元，增长２０％；ＧＤＰ"), "完成150亿元，增长20%；GDP");
  assert.equal(foldText("“一区三园，竞势发展”。"), "“一区三园，竞势发展”。");
});

test("fold-punctuation rule maps every block", () => {
  const out = foldPunctuation.apply(blocks("本报讯(记者高轶鹏)2月1日下午,高新区"), newContext());
  assert.deepEqual(texts(out), ["本报讯（记者高轶鹏）2月1日下午，高新区"]);
});

test("to-simplified: Traditional input is converted and recorded as Hant; Simplified is left alone", () => {
  const ctx = newContext();
  const out = toSimplifiedRule.apply(blocks("鄭州經開區招商引資工作會議召開", "鶴壁國家經濟技術開發區發展概述"), ctx);
  assert.equal(ctx.meta.script, "Hant");
  assert.deepEqual(texts(out), ["郑州经开区招商引资工作会议召开", "鹤壁国家经济技术开发区发展概述"]);
  const ctx2 = newContext();
  const same = blocks("郑州经开区招商引资工作会议召开，干部群众后来参加");
  assert.deepEqual(texts(toSimplifiedRule.apply(same, ctx2)), texts(same));
  assert.equal(ctx2.meta.script, "Hans");
});

test("to-simplified: script detection ignores text without Chinese", () => {
  assert.equal(detectScript("hello 2023"), "Hans");
  assert.equal(detectScript("開發區"), "Hant");
});

test("strip-chrome: navigation, print/close, counters, disclaimers and footers go, with a log entry each", () => {
  const ctx = newContext();
  const out = stripChrome.apply(
    blocks(
      "河南切换",
      "首页 > 新闻 > 正文",
      "标题",
      "正文第一段，内容。",
      "【打印】【关闭】",
      "浏览次数：35",
      "免责声明:本文为工业园网用户自行上传并发布,仅代表该用户观点。",
      "[不良信息举报:service@cnrepark.com]",
      "版权所有 © 某某网 豫ICP备12345678号",
    ),
    ctx,
  );
  assert.deepEqual(texts(out), ["标题", "正文第一段，内容。"]);
  assert.equal(ctx.removed.length, 7);
  assert.equal(ctx.meta.publisher, "工业园网", "a site's disclaimer names the publisher");
});

test("strip-chrome: body text that merely mentions 首页 or 新闻 stays", () => {
  const ctx = newContext();
  const body = blocks("新闻发布会上，开发区负责人介绍了首页改版的情况。");
  assert.deepEqual(texts(stripChrome.apply(body, ctx)), texts(body));
});

test("info-lines: a date broken over lines becomes the page date and leaves the text", () => {
  const ctx = newContext();
  const out = infoLines.apply(blocks("国家漯河经济技术开发区明确工作重点", ["2013", 0], ["02/20", 0], ["09:04", 0], "漯河市第六次党代会召开后，开发区高度重视。"), ctx);
  assert.equal(ctx.meta.date, "2013-02-20");
  assert.deepEqual(texts(out), ["国家漯河经济技术开发区明确工作重点", "漯河市第六次党代会召开后，开发区高度重视。"]);
});

test("info-lines: 发布时间 / 来源 / 作者 / 责任编辑 become metadata", () => {
  const ctx = newContext();
  const out = infoLines.apply(blocks("标题在此", "发布时间：2023-02-03 10:20  来源：平顶山日报  作者：高轶鹏", "正文，第一段。", "责任编辑：李四"), ctx);
  assert.equal(ctx.meta.date, "2023-02-03");
  assert.equal(ctx.meta.publisher, "平顶山日报");
  assert.deepEqual(ctx.meta.authors, [
    { name: "高轶鹏", role: "作者" },
    { name: "李四", role: "编辑" },
  ]);
  assert.deepEqual(texts(out), ["标题在此", "正文，第一段。"]);
});

test("info-lines: a masthead gives publisher and date", () => {
  const ctx = newContext();
  infoLines.apply(blocks("开封日报 2018年5月18日 第三版", "标题", "正文，第一段。"), ctx);
  assert.equal(ctx.meta.publisher, "开封日报");
  assert.equal(ctx.meta.date, "2018-05-18");
});

test("info-lines: an impossible date is not taken", () => {
  const ctx = newContext();
  infoLines.apply(blocks("发布时间：2023-02-30"), ctx);
  assert.equal(ctx.meta.date, null);
});

test("rejoin: a paragraph broken mid-sentence is joined, headline lines are not", () => {
  const out = rejoinBrokenLines.apply(
    blocks("“目前，开发区的招商引资与面临的", "形势和任务要求相比，还需要进一步加强。”", "始终树立开放意识 更加突出招商引资主体", "开发区要发展，必须有项目作支撑。"),
    newContext(),
  );
  assert.deepEqual(texts(out), [
    "“目前，开发区的招商引资与面临的形势和任务要求相比，还需要进一步加强。”",
    "始终树立开放意识 更加突出招商引资主体",
    "开发区要发展，必须有项目作支撑。",
  ]);
});

test("rejoin: a word split across lines (中小企 / 业孵化中心) is joined without a space", () => {
  const out = rejoinBrokenLines.apply(blocks("示范区提出，依托创业中心、中小企", "业孵化中心等园区平台，年入驻企业不少于120家。"), newContext());
  assert.deepEqual(texts(out), ["示范区提出，依托创业中心、中小企业孵化中心等园区平台，年入驻企业不少于120家。"]);
});

test("rejoin: a byline or a new 本报讯 lead is never glued to the paragraph before", () => {
  const out = rejoinBrokenLines.apply(blocks("会议强调，要全力以赴推进", "本报讯（记者高轶鹏）2月2日上午，会议召开。"), newContext());
  assert.equal(out.length, 2);
});

test("drop-repeats: repeated paragraphs and sentences go, the first copy stays, each removal is logged", () => {
  const ctx = newContext();
  const p1 = "今年以来，开发区不断完善各项体制机制，集中力量抓好招商引资工作。成绩可喜可贺，未来任重道远。";
  const out = dropRepeats.apply(
    blocks(p1, "对于下一步的企业帮扶工作，开发区将资金服务作为主要内容。", p1, "新的一段说了新的事情。集中力量抓好招商引资工作的同时，还要抓项目。今年以来，开发区不断完善各项体制机制，集中力量抓好招商引资工作。"),
    ctx,
  );
  assert.deepEqual(texts(out), [p1, "对于下一步的企业帮扶工作，开发区将资金服务作为主要内容。", "新的一段说了新的事情。集中力量抓好招商引资工作的同时，还要抓项目。"]);
  assert.deepEqual(
    ctx.removed.map((r) => r.rule),
    ["drop-repeats: repeated paragraph", "drop-repeats: repeated sentence"],
  );
});

test("drop-repeats: a near copy (one character lost) and a copy without its lead-in are repeats", () => {
  const ctx = newContext();
  const a = "下一步，开发区将本着有利于提高建设质量和速度、有利于节约财政资金的原则，加大对现有基础设施建设的完善。";
  const b = "开发区将本着有利于提高建设质量和速度、有利于节约财政资金的原则，加大对现有基础设施建设的完善。";
  const c = "成绩可喜可贺。开发区工委、管委一班人深感责任重大，提出要根据党的十八届三中全会精神要求，努力实现新突破。";
  const c2 = "成绩可喜可贺。开发区工委、管委一班人深感责任重大，提出要根据党十八届三中全会精神要求，努力实现新突破。";
  const out = dropRepeats.apply(blocks(a, c, b, c2), ctx);
  assert.deepEqual(texts(out), [a, c]);
});

test("drop-repeats: a truncated repeat at the end is dropped", () => {
  const ctx = newContext();
  const p = "为树立干部队伍的良好形象，开发区制定了“单项工作争第一、整体工作创一流”的工作要求，要求每一名同志对照工作职责。";
  const out = dropRepeats.apply(blocks(p, "为树立干部队伍的良好形象，开发区制定了“单项工作争第一、整体工作创一流”的工作"), ctx);
  assert.deepEqual(texts(out), [p]);
  assert.equal(ctx.removed.length, 1);
});

test("drop-repeats: clauses written three times in a row keep one copy and the final 。", () => {
  const removed: { rule: string; text: string }[] = [];
  const x = "最大的亮点当属示范区医院项目，中科院移动密码产业园项目";
  const out = dropTandemClauses(`在陆续开工的22个重点项目中，${x}，${x}，${x}。`, removed);
  assert.equal(out, `在陆续开工的22个重点项目中，${x}。`);
  assert.equal(removed.length, 2);
});

test("drop-repeats: short sentences that legitimately repeat (会议要求。) are kept", () => {
  const ctx = newContext();
  const out = dropRepeats.apply(blocks("会议强调，要抓学习。", "会议强调，要抓落实。"), ctx);
  assert.equal(out.length, 2);
});
