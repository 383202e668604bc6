/**
 * The five seed articles, normalised, compared whole with their expected
 * records (tests/fixtures/seeds/*.expected.json): headline decks, date and
 * how it was found, zone and city, bylines, publisher, script, figures.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { normaliseFile } from "../../src/pipeline/normalise-file.ts";
import type { Article } from "../../src/types.ts";

const ARTICLES = join(import.meta.dirname, "../../articles");
const EXPECTED = join(import.meta.dirname, "../fixtures/seeds");

function normalise(file: string): { articles: Article[]; messages: string[] } {
  const { articles, report } = normaliseFile(file, readFileSync(join(ARTICLES, file)), { base: "/" });
  return { articles, messages: report.messages };
}

const view = (a: Article) => {
  const r = a.record;
  const out: Record<string, unknown> = {
    part: r.source.part,
    parts: r.source.parts,
    kicker: r.kicker,
    title: r.title,
    subtitle: r.subtitle,
    date: r.date,
    dateSource: r.dateSource,
    zone: r.zone,
    authors: r.authors,
    publisher: r.publisher,
    script: r.script,
    figures: r.figures,
  };
  return out;
};

const body = (a: Article): string => a.body.map((p) => p.text).join("\n");

for (const file of readdirSync(ARTICLES).sort()) {
  test(`seed ${file}: every article's record matches the expected record`, () => {
    const expected = JSON.parse(readFileSync(join(EXPECTED, file.replace(/\.txt$/, ".expected.json")), "utf8"));
    const { articles } = normalise(file);
    assert.deepEqual(articles.map(view), expected);
  });
}

test("seed 000: repeated and near-repeated paragraphs are gone, the broken quote is rejoined, nothing is left truncated", () => {
  const [a] = normalise("000_105bf47f04f9aea1.txt").articles;
  const text = body(a);
  assert.equal(text.split("没有一个好的班子").length - 1, 1);
  assert.equal(text.split("今年以来，开发区不断完善各项体制机制").length - 1, 1);
  assert.equal(text.split("开发区工委、管委一班人深感责任重大").length - 1, 1);
  assert.match(text, /“目前，开发区的招商引资与面临的形势和任务要求相比，还需要进一步加强。/u);
  assert.match(text, /原来，鹤壁兰大通用机械有限公司近年来虽有一定发展/u);
  assert.ok(a.body.every((p) => /[。”]$/u.test(p.text) || p.subhead), "every paragraph ends a sentence");
  assert.deepEqual(
    a.body.filter((p) => p.subhead).map((p) => p.text),
    ["始终树立开放意识 更加突出招商引资主体"],
  );
});

test("seed 001: site chrome and the disclaimer are metadata, not text; half-width punctuation folded", () => {
  const [a] = normalise("001_db9c580dcb704674.txt").articles;
  const text = body(a);
  for (const chrome of ["河南切换", "免责声明", "不良信息举报", "cnrepark", "09:04"]) assert.ok(!text.includes(chrome), chrome);
  assert.ok(!/[,;:](?=[\u4e00-\u9fff])/u.test(text), "no half-width ,;: before Chinese");
  assert.match(text, /^漯河市第六次党代会召开后，开发区党工委、管委会高度重视/u);
  assert.deepEqual(
    a.body.filter((p) => p.subhead).map((p) => p.text),
    ["一、总结成绩，认清当前形势。", "二、贯彻党代会精神就要重新审视开发区发展目标。", "三、贯彻党代会精神就要适时进行工作重点转移。", "四、贯彻党代会精神就要实施三大转变。"],
  );
});

test("seed 002: ten items of one page, photo captions never glued into a body paragraph", () => {
  const { articles } = normalise("002_429d68258cbd63be.txt");
  assert.equal(articles.length, 10);
  const walk = articles.find((a) => a.record.title === "走访学经验")!;
  assert.deepEqual(walk.record.tags.includes("图片新闻"), true);
  assert.match(body(walk), /^为进一步畅通企业间的沟通渠道.*走访交流。$/u);
  const dust = articles.find((a) => a.record.title.includes("扬尘"))!;
  assert.ok(!body(dust).includes("走访"), "the photo item before it is its own item");
  const opera = articles.find((a) => a.record.title === "戏曲进乡村")!;
  assert.equal(body(opera), "1月31日，皇台街道在皇台徐村文化大院开展“戏曲进乡村 文化共传承”文化主题活动，为村民献上一场精彩的戏曲盛宴，丰富了村民的文化生活。");
  for (const a of articles) assert.ok(!/摄$/u.test(body(a)), `${a.record.title}: no credit left in the text`);
  assert.ok(new Set(articles.map((a) => a.record.id)).size === 10, "ids are unique within the page");
});

test("seed 003: the caption under the first headline is a caption; a headline-less photo item stands alone; tandem repeats are cut", () => {
  const { articles, messages } = normalise("003_f5eec855c07a936a.txt");
  assert.deepEqual(articles[0].captions, ["市城乡一体化示范区招商引资和项目建设大会会场。"]);
  assert.match(body(articles[0]), /^昨日上午，市城乡一体化示范区召开招商引资和项目建设大会/u);
  assert.match(body(articles[2]), /^5月23日，示范区生态公园项目正在加紧施工。/u);
  const lastOf4 = articles[3].body[articles[3].body.length - 1].text;
  assert.equal(lastOf4.split("最大的亮点当属").length - 1, 1);
  assert.match(lastOf4, /移动密码产业园项目。$/u);
  assert.ok(messages.some((m) => m.includes("part 5") && m.includes("mid-sentence")), "a truncated source is reported");
  assert.ok(messages.some((m) => m.includes("part 3") && m.includes("no headline")), "a made-up title is reported");
});

test("seed 004: no headline printed → title from the first clause, reported; the signature is the author", () => {
  const { articles, messages } = normalise("004_19a7801c819bdd87.txt");
  assert.equal(articles.length, 1);
  assert.ok(messages.some((m) => m.includes("no headline printed")));
  assert.ok(body(articles[0]).endsWith("绘就科学发展的新画卷。"));
  assert.ok(messages.some((m) => m.startsWith("date inferred as 2012")));
});
