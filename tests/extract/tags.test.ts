import { test } from "node:test";
import assert from "node:assert/strict";
import { seedLines } from "./seed-lines.ts";
import fc from "fast-check";
import { extractTags } from "../../src/extract/tags.ts";
import { TOPIC_NAMES, TOPICS } from "../../src/data/topics.ts";



/** the lines after `title` up to (not including) `next` */
function between(lines: string[], title: string, next: string): string[] {
  const a = lines.indexOf(title);
  const b = lines.indexOf(next);
  assert.ok(a >= 0 && b > a, `${title} … ${next}`);
  return lines.slice(a + 1, b);
}

test("seed 000 is about 招商引资, 项目建设 and 基础设施", () => {
  const lines = seedLines("000_");
  const title = lines[0];
  assert.equal(title, "敢想敢干 敢闯敢试 努力实现新突破新跨越");
  const tags = extractTags(title, lines.slice(4));
  for (const t of ["招商引资", "项目建设", "基础设施", "经济运行"]) assert.ok(tags.includes(t as never), `${t} in ${tags}`);
  // two mentions of 三中全会 do not make it a 党建 article
  assert.ok(!tags.includes("党建"), String(tags));
});

test("the 扬尘 article of seed 002 is 生态环保 (and not 招商引资)", () => {
  const lines = seedLines("002_");
  const title = "区城管执法局开展 建筑工地扬尘检查";
  const body = between(lines, title, "全程帮办代办 一路办事无忧");
  assert.equal(body.length, 4);
  const tags = extractTags(title, body);
  assert.ok(tags.includes("生态环保"), String(tags));
  assert.ok(!tags.includes("招商引资"), String(tags));
  // without the headline the body alone (扬尘, 苫盖, 裸土, 渣土, 湿法作业) still says so
  assert.ok(extractTags("检查", body).includes("生态环保"));
});

test("the 招商引资 meeting of seed 003 by its headline", () => {
  const tags = extractTags("示范区招商引资和项目建设大会强调", ["昨日上午，示范区召开大会，安排部署今年的工作。"]);
  assert.deepEqual(tags, ["招商引资", "项目建设", "会议部署"]);
});

test("an unrelated text gets no tags", () => {
  assert.deepEqual(extractTags("春天来了", ["今天天气很好，我们一家人去公园散步，看到了很多花。", "孩子们在草地上玩耍，老人们在下棋。"]), []);
  assert.deepEqual(extractTags("", []), []);
});

test("a topic needs its threshold of body cues; repeated paragraphs count once", () => {
  const one = "开发区积极开展人才引进工作。";
  const two = "园区引进博士三名。";
  const three = "高端人才不断集聚。";
  assert.deepEqual(extractTags("新闻", [one, two]), []);
  assert.deepEqual(extractTags("新闻", [one, one, one, two, two]), []);
  assert.deepEqual(extractTags("新闻", [one, two, three]), ["人才"]);
});

test("经济运行 when figures dominate", () => {
  const p =
    "今年1-6月份，全区规模以上工业增加值完成21.42亿元，同比增长19.8%；全社会固定资产投资完成29.4亿元，同比增长15.2%；" +
    "地方公共财政预算收入完成2.44亿元，同比增长25.55%，其中税收收入1.96亿元，同比增长18.10%。";
  assert.deepEqual(extractTags("上半年成绩单", [p]), ["经济运行"]);
});

test("tags come in the fixed lexicon order, once each, deterministically", () => {
  assert.deepEqual(
    TOPICS.map((t) => t.name),
    [...TOPIC_NAMES],
  );
  const tags = extractTags("人才工作会议部署招商引资和项目建设", []);
  assert.deepEqual(tags, ["招商引资", "项目建设", "会议部署", "人才"]);
  fc.assert(
    fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), (title, paras) => {
      const a = extractTags(title, paras);
      assert.deepEqual(extractTags(title, paras), a);
      const order = a.map((t) => TOPIC_NAMES.indexOf(t));
      assert.deepEqual([...order].sort((x, y) => x - y), order);
      assert.equal(new Set(a).size, a.length);
    }),
    { numRuns: 200 },
  );
  assert.deepEqual(extractTags(undefined as unknown as string, null as unknown as string[]), []);
});
