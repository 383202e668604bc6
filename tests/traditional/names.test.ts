/**
 * Proper names through Simplified → Traditional → Simplified: the seed names
 * the issue lists, every zone (name, short name, aliases, places), city and
 * county of the gazetteer, and the override dictionary's own entries, which
 * must fix what OpenCC gets wrong and stay needed.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as OpenCC from "opencc-js";
import { CITIES } from "../../src/gazetteer/cities.ts";
import { ZONES } from "../../src/gazetteer/zones.ts";
import { KEEP_SURNAMES, SCRIPT_OVERRIDES } from "../../src/data/opencc-overrides.ts";
import { converter, hantDicts, personOverrides, toHans, toHant } from "../../src/site/script.ts";

const gazetteerNames = (): string[] => {
  const names = new Set<string>();
  for (const z of ZONES) for (const n of [z.name, z.shortName, ...z.aliases, ...(z.places ?? [])]) names.add(n);
  for (const c of CITIES) {
    names.add(c.name);
    names.add(c.short);
    for (const k of c.counties) {
      names.add(k.name);
      names.add(k.short);
    }
  }
  return [...names];
};

describe("proper names survive Simplified → Traditional → Simplified", () => {
  it("the seed names of the issue, with their right Traditional forms", () => {
    const expected: Record<string, string> = {
      鹤壁: "鶴壁",
      漯河: "漯河",
      平顶山: "平頂山",
      武陟: "武陟",
      郑秋红: "鄭秋紅",
      郑州经开区: "鄭州經開區",
      范修芳: "范修芳",
      浚县: "浚縣",
    };
    for (const [hans, hant] of Object.entries(expected)) {
      assert.equal(toHant(hans), hant, hans);
      assert.equal(toHans(hant), hans, hant);
    }
  });

  it(`every zone, city and county of the gazetteer (${gazetteerNames().length} names), alone and in a sentence`, () => {
    const bad: string[] = [];
    for (const name of gazetteerNames()) {
      const t = toHant(name);
      if (toHans(t) !== name) bad.push(`${name} → ${t} → ${toHans(t)}`);
      const sentence = `昨日，${name}召开招商引资工作会议。`;
      if (toHans(toHant(sentence)) !== sentence) bad.push(`in a sentence: ${toHant(sentence)}`);
    }
    assert.deepEqual(bad, []);
  });

  it("names in the running text of a Traditional site keep their overrides (浚县黎阳产业集聚区, 市长范修芳)", () => {
    assert.equal(toHant("浚县黎阳产业集聚区"), "浚縣黎陽產業集聚區");
    assert.equal(toHant("市长范修芳提出"), "市長范修芳提出");
    assert.equal(toHans("市長范修芳提出"), "市长范修芳提出");
  });
});

describe("the override dictionary", () => {
  const plain = OpenCC.Converter({ from: "cn", to: "tw" });
  const back = OpenCC.Converter({ from: "tw", to: "cn" });

  for (const o of SCRIPT_OVERRIDES) {
    it(`${o.hans} → ${o.hant}: OpenCC alone is wrong there, the override is right both ways`, () => {
      assert.ok(o.why.length > 10, "says why");
      assert.notEqual(plain(o.hans), o.hant, "the override is still needed");
      assert.equal(toHant(o.hans), o.hant);
      assert.equal(toHans(o.hant), o.hans);
      // the Traditional form must not be read as something else when converted back by plain OpenCC either
      assert.equal(back(o.hant).length, o.hans.length);
    });
  }

  it("has one entry per name, Simplified and Traditional forms of the same length", () => {
    const keys = SCRIPT_OVERRIDES.map((o) => o.hans);
    assert.equal(new Set(keys).size, keys.length);
    for (const o of SCRIPT_OVERRIDES) assert.equal([...o.hans].length, [...o.hant].length, o.hans);
  });

  it("is applied before OpenCC's phrases and never converted again", () => {
    const convert = converter(hantDicts([["甲乙", "甲乙"]]));
    assert.equal(convert("于甲乙"), "於甲乙");
  });
});

describe("people named in bylines", () => {
  it("keep a surname OpenCC would turn into another word (于, 余, 范, 党 …)", () => {
    const people = new Map(personOverrides(["于洪涛", "余华", "范修芳", "党小红", "沈海田", "张心致", "郑秋红"]));
    assert.equal(people.get("于洪涛"), "于洪濤");
    assert.equal(people.get("余华"), "余華");
    assert.equal(people.get("党小红"), "党小紅");
    assert.equal(people.get("沈海田"), "沈海田");
    // OpenCC is right for these: no entry
    assert.equal(people.has("张心致"), false);
    assert.equal(people.has("郑秋红"), false);
    assert.equal(people.has("范修芳"), false, "already a fixed override: nothing more to add");
  });

  it("every kept surname really is one OpenCC changes in some name", () => {
    for (const s of KEEP_SURNAMES) assert.ok(["小明", "海田", "建国"].some((g) => toHant(`${s}${g}`).charAt(0) !== s), s);
  });

  it("reach the converter the Traditional site uses", () => {
    const convert = converter(hantDicts(personOverrides(["于洪涛"])));
    assert.equal(convert("记者于洪涛报道"), "記者于洪濤報道");
  });
});
