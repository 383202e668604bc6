/**
 * findCity and resolveZone: the five seed articles, the rules for generic
 * words, and the cases where the answer must be null.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findCity, findZoneByName, resolveZone, zoneByName } from "../../src/gazetteer/resolve.ts";

const ARTICLES = fileURLToPath(new URL("../../articles/", import.meta.url));

function lines(prefix: string): string[] {
  const file = readdirSync(ARTICLES).find((f) => f.startsWith(prefix));
  assert.ok(file, `no seed ${prefix}*`);
  return readFileSync(ARTICLES + file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** title = the given headline line (it must be in the file), paragraphs = every other line */
function article(prefix: string, headline?: string): { title: string; paragraphs: string[] } {
  const all = lines(prefix);
  const i = headline === undefined ? 0 : all.indexOf(headline);
  assert.ok(i >= 0, `headline not found in ${prefix}: ${headline}`);
  return { title: all[i], paragraphs: all.filter((_, j) => j !== i) };
}

const HEADLINES: Record<string, string> = {
  "000_": "敢想敢干 敢闯敢试 努力实现新突破新跨越",
  "001_": "国家漯河经济技术开发区明确工作重点 实施三大转变全面贯彻市第六次党代会精神",
  "002_": "聚势争先攀高峰 齐心协力谱新篇",
  "003_": "示范区招商引资和项目建设大会强调",
  "004_": lines("004_")[0],
};

test("seed 000: 鹤壁国家经济技术开发区 → 鹤壁经济技术开发区", () => {
  const a = article("000_", HEADLINES["000_"]);
  assert.ok(a.paragraphs.some((p) => p.includes("鹤壁国家经济技术开发区")));
  assert.deepEqual(resolveZone(a), {
    name: "鹤壁经济技术开发区",
    shortName: "鹤壁经开区",
    type: "经济技术开发区",
    level: "国家级",
    city: "鹤壁市",
    county: null,
  });
});

test("seed 001: 国家漯河经济技术开发区 → 漯河经济技术开发区", () => {
  const a = article("001_", HEADLINES["001_"]);
  assert.deepEqual(resolveZone(a), {
    name: "漯河经济技术开发区",
    shortName: "漯河经开区",
    type: "经济技术开发区",
    level: "国家级",
    city: "漯河市",
    county: null,
  });
});

const PINGDINGSHAN_HTZ = {
  name: "平顶山高新技术产业开发区",
  shortName: "平顶山高新区",
  type: "高新技术产业开发区",
  level: "国家级",
  city: "平顶山市",
  county: null,
} as const;

test("seed 002: a page of short articles on 高新区 in 平顶山 → 平顶山高新技术产业开发区", () => {
  assert.deepEqual(resolveZone(article("002_", HEADLINES["002_"])), PINGDINGSHAN_HTZ);
});

test("seed 002: the 遵化店镇 article alone resolves through the place", () => {
  const all = lines("002_");
  const para = all.find((l) => l.includes("遵化店镇党委书记"));
  assert.ok(para);
  assert.ok(!para.includes("高新区") && !para.includes("平顶山"));
  assert.deepEqual(resolveZone({ title: "", paragraphs: [para] }), PINGDINGSHAN_HTZ);
  assert.deepEqual(resolveZone({ title: "遵化店镇乡村发展有重点", paragraphs: [para] }), PINGDINGSHAN_HTZ);
  // and the 皇台街道 caption
  assert.deepEqual(
    resolveZone({ title: "戏曲进乡村", paragraphs: ["1月31日,皇台街道在皇台徐村文化大院开展文化主题活动"] }),
    PINGDINGSHAN_HTZ,
  );
});

test("seed 002: a sub-article that names only 高新区 needs the page's city, given as a hint", () => {
  const sub = { title: "高新区部署2023年重点任务和项目", paragraphs: ["本报讯 2月1日下午,高新区管委会召开2023年工作报告研讨会。"] };
  assert.equal(resolveZone(sub), null);
  assert.deepEqual(resolveZone(sub, { city: "平顶山市" }), PINGDINGSHAN_HTZ);
});

test("seed 003: 示范区 with 焦作 in the body → 焦作市城乡一体化示范区, not the 高新区 named in passing", () => {
  const a = article("003_", HEADLINES["003_"]);
  assert.ok(a.paragraphs.some((p) => p.includes("示范区、高新区班子成员")));
  assert.deepEqual(resolveZone(a), {
    name: "焦作市城乡一体化示范区",
    shortName: "焦作示范区",
    type: "城乡一体化示范区",
    level: "省级",
    city: "焦作市",
    county: null,
  });
});

test("seed 004: 该县产业集聚区 with 武陟 → 武陟县产业集聚区", () => {
  assert.deepEqual(resolveZone(article("004_", HEADLINES["004_"])), {
    name: "武陟县产业集聚区",
    shortName: "武陟县产业集聚区",
    type: "产业集聚区",
    level: "省级",
    city: "焦作市",
    county: "武陟县",
  });
});

test("seeds: the same zones when the title is simply the first non-empty line", () => {
  const expected: Record<string, string> = {
    "000_": "鹤壁经济技术开发区",
    "001_": "漯河经济技术开发区",
    "002_": "平顶山高新技术产业开发区",
    "003_": "焦作市城乡一体化示范区",
    "004_": "武陟县产业集聚区",
  };
  for (const [prefix, name] of Object.entries(expected)) {
    assert.equal(resolveZone(article(prefix))?.name, name, prefix);
  }
});

test("findCity on the seeds", () => {
  const expected: Record<string, string> = {
    "000_": "鹤壁市",
    "001_": "漯河市",
    "002_": "平顶山市",
    "003_": "焦作市",
    "004_": "焦作市",
  };
  for (const [prefix, city] of Object.entries(expected)) {
    assert.equal(findCity(lines(prefix).join("\n")), city, prefix);
  }
});

test("findCity: cities, counties for their city, ties to the first named, 本市 does not count", () => {
  assert.equal(findCity("武陟县召开经济工作会议"), "焦作市");
  assert.equal(findCity("新郑市、巩义市和荥阳市"), "郑州市");
  assert.equal(findCity("洛阳和开封的客商"), "洛阳市");
  assert.equal(findCity("开封客商到洛阳，又到开封"), "开封市");
  assert.equal(findCity("本市召开会议，市长出席"), null);
  assert.equal(findCity("建设美丽新乡村"), null);
  assert.equal(findCity("争创省级示范县"), null);
  assert.equal(findCity("中原区域经济"), null);
  assert.equal(findCity(""), null);
});

test("generic words resolve through the city or county named elsewhere", () => {
  const z = (title: string, ...paragraphs: string[]) => resolveZone({ title, paragraphs });
  assert.equal(
    z("市城乡一体化示范区召开大会", "会议要求打造焦作新的经济增长极。")?.name,
    "焦作市城乡一体化示范区",
  );
  assert.equal(
    z("该县产业集聚区项目建设提速", "时值寒冬，笔者来到武陟县。", "该县产业集聚区开工项目33个。")?.name,
    "武陟县产业集聚区",
  );
  assert.equal(z("高新区招商引资综述", "诚邀企业到平顶山考察。", "高新区全力以赴抓项目。")?.name, "平顶山高新技术产业开发区");
  assert.equal(z("开发区加快发展", "市委书记到开发区调研，要求鹤壁各部门支持开发区。")?.name, "鹤壁经济技术开发区");
  assert.equal(z("林州开发区签约", "开发区今年签约项目12个。")?.name, "红旗渠经济技术开发区");
});

test("a city or county written right before a generic word names the zone", () => {
  const z = (text: string) => resolveZone({ title: text, paragraphs: [] });
  assert.equal(z("焦作示范区召开大会")?.name, "焦作市城乡一体化示范区");
  assert.equal(z("鹤壁市国家经济技术开发区发展概述")?.name, "鹤壁经济技术开发区");
  assert.equal(z("平顶山市高新区开展招商")?.name, "平顶山高新技术产业开发区");
  assert.equal(z("漯河经济开发区升级为国家级")?.name, "漯河经济技术开发区");
  assert.equal(z("武陟产业集聚区")?.name, "武陟县产业集聚区");
  assert.equal(z("武陟经济技术开发区")?.name, "武陟县产业集聚区"); // its catalogue name
});

test("a zone the text names in full but the gazetteer lacks is built from the text", () => {
  assert.deepEqual(resolveZone({ title: "叶县产业集聚区项目集中开工", paragraphs: ["该县产业集聚区开工项目8个。"] }), {
    name: "叶县产业集聚区",
    shortName: "叶县产业集聚区",
    type: "产业集聚区",
    level: "省级",
    city: "平顶山市",
    county: "叶县",
  });
  assert.deepEqual(
    resolveZone({ title: "该县产业集聚区再创佳绩", paragraphs: ["鲁山县委书记表示，该县产业集聚区要做大做强。"] }),
    { name: "鲁山县产业集聚区", shortName: "鲁山县产业集聚区", type: "产业集聚区", level: "省级", city: "平顶山市", county: "鲁山县" },
  );
  assert.deepEqual(resolveZone({ title: "三门峡市城乡一体化示范区揭牌", paragraphs: [] }), {
    name: "三门峡市城乡一体化示范区",
    shortName: "三门峡示范区",
    type: "城乡一体化示范区",
    level: "省级",
    city: "三门峡市",
    county: null,
  });
});

test("the headline weighs more; more mentions weigh more; a zone named in passing is not the subject", () => {
  assert.equal(
    resolveZone({ title: "郑州经开区项目建设综述", paragraphs: ["与郑州高新区、郑州高新区企业合作。"] })?.name,
    "郑州经济技术开发区",
  );
  assert.equal(
    resolveZone({
      title: "项目建设综述",
      paragraphs: ["郑州经开区与郑州高新区合作，郑州高新区企业入驻。"],
    })?.name,
    "郑州高新技术产业开发区",
  );
  assert.equal(
    resolveZone({
      title: "武陟县产业集聚区招大引强",
      paragraphs: ["该县产业集聚区主动对接郑州航空港经济综合实验区。", "该县产业集聚区新签约项目6个。"],
    })?.name,
    "武陟县产业集聚区",
  );
});

test("null where the text gives no basis", () => {
  const z = (title: string, ...paragraphs: string[]) => resolveZone({ title, paragraphs });
  assert.equal(z("春节期间市场供应充足", "各大超市商品琳琅满目。"), null);
  assert.equal(z("开发区召开工作会议", "开发区各部门负责人参加，开发区要加快发展。"), null);
  assert.equal(z("", ""), null);
  assert.equal(resolveZone({ title: "", paragraphs: [] }), null);
  // the category, not a zone
  assert.equal(z("商务部出台国家级经济技术开发区评价办法", "全国共有国家级开发区200余家，郑州等地各开发区积极参与。"), null);
  // words that contain 示范区 or a county's name without being one
  assert.equal(z("武陟县创建农业示范区", "武陟县现代农业示范区建设加快。"), null);
  assert.equal(z("焦作争创示范县"), null);
  // one passing generic mention is not enough
  assert.equal(z("焦作市召开会议", "会上，示范区负责人发言。"), null);
});

test("zoneByName: a name or any alias gives the contract's zone", () => {
  assert.equal(zoneByName("鹤壁国家经济技术开发区")?.name, "鹤壁经济技术开发区");
  assert.equal(zoneByName("焦作示范区")?.name, "焦作市城乡一体化示范区");
  assert.deepEqual(Object.keys(zoneByName("平顶山高新区") ?? {}).sort(), ["city", "county", "level", "name", "shortName", "type"]);
  assert.equal(zoneByName("不存在的开发区"), null);
});

test("findZoneByName: aliases, and well-formed full names the gazetteer lacks; nothing vaguer", () => {
  assert.equal(findZoneByName("国家漯河经济技术开发区")?.name, "漯河经济技术开发区");
  assert.equal(findZoneByName(" 武陟县产业集聚区 ")?.county, "武陟县");
  assert.deepEqual(findZoneByName("叶县产业集聚区"), {
    name: "叶县产业集聚区", shortName: "叶县产业集聚区", type: "产业集聚区", level: "省级", city: "平顶山市", county: "叶县",
  });
  assert.equal(findZoneByName("开发区"), null);
  assert.equal(findZoneByName("高新区"), null);
  assert.equal(findZoneByName("鹤壁"), null);
  assert.equal(findZoneByName("鹤壁经开区项目"), null);
  assert.equal(findZoneByName(""), null);
});

test("fast enough for 100,000 articles: the matcher is built once", () => {
  const seeds = ["000_", "001_", "002_", "003_", "004_"].map((p) => article(p, HEADLINES[p]));
  resolveZone(seeds[0]);
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) for (const s of seeds) resolveZone(s);
  const perArticle = (performance.now() - t0) / 1000;
  assert.ok(perArticle < 5, `${perArticle.toFixed(3)} ms per article`);
});
