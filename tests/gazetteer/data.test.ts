/**
 * The gazetteer's data holds together: unique names, every zone in a city
 * that exists, every county in its city, no written form meaning two things.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CITIES } from "../../src/gazetteer/cities.ts";
import { ZONES } from "../../src/gazetteer/zones.ts";
import type { ZoneType } from "../../src/types.ts";

const ZONE_TYPES: ZoneType[] = [
  "经济技术开发区",
  "高新技术产业开发区",
  "产业集聚区",
  "城乡一体化示范区",
  "综合保税区",
  "航空港经济综合实验区",
  "经济开发区",
  "其他",
];

test("cities: the 17 prefecture-level cities of Henan and 济源, unique, with 市", () => {
  assert.equal(CITIES.length, 18);
  const names = CITIES.map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
  assert.equal(new Set(CITIES.map((c) => c.short)).size, CITIES.length);
  for (const c of CITIES) {
    assert.equal(c.name, `${c.short}市`, c.name);
  }
  for (const n of ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市",
    "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源市"]) {
    assert.ok(names.includes(n), n);
  }
});

test("counties: unique names, a suffix, a short form that is a prefix of the name", () => {
  const all = CITIES.flatMap((c) => c.counties.map((k) => ({ ...k, city: c.name })));
  const names = all.map((k) => k.name);
  assert.equal(new Set(names).size, names.length, "a county name appears twice");
  for (const k of all) {
    assert.match(k.name, /(县|市|区)$/, k.name);
    assert.ok(k.name.startsWith(k.short), `${k.name} / ${k.short}`);
    assert.ok(k.short.length >= 2, k.name);
  }
  // current units: Henan has 157 county-level units counting 济源 itself
  const current = all.filter((k) => !k.becameIn);
  assert.equal(current.length + 1, 157);
  // no county is named like a prefecture
  const cityNames = new Set(CITIES.flatMap((c) => [c.name, c.short]));
  for (const k of all) {
    assert.ok(!cityNames.has(k.name), k.name);
    assert.ok(!cityNames.has(k.short), `${k.name}: short form ${k.short} is a city's name`);
  }
});

test("counties: a former name points to a current unit of the same city; a shared short form is a renaming", () => {
  for (const c of CITIES) {
    const current = new Set(c.counties.filter((k) => !k.becameIn).map((k) => k.name));
    for (const k of c.counties) {
      if (k.becameIn) assert.ok(current.has(k.becameIn.name), `${k.name} → ${k.becameIn.name}`);
    }
  }
  const byShort = new Map<string, { name: string; city: string; former: boolean }[]>();
  for (const c of CITIES) {
    for (const k of c.counties) {
      const list = byShort.get(k.short) ?? [];
      list.push({ name: k.name, city: c.name, former: !!k.becameIn });
      byShort.set(k.short, list);
    }
  }
  for (const [short, list] of byShort) {
    if (list.length < 2) continue;
    assert.equal(new Set(list.map((x) => x.city)).size, 1, `${short} in two cities`);
    assert.equal(list.filter((x) => !x.former).length, 1, `${short}: more than one current unit`);
  }
});

test("zones: unique names; a known type and level; a city that exists; a county of that city", () => {
  const names = ZONES.map((z) => z.name);
  assert.equal(new Set(names).size, names.length);
  const cityByName = new Map(CITIES.map((c) => [c.name, c]));
  for (const z of ZONES) {
    assert.ok(ZONE_TYPES.includes(z.type), `${z.name}: type ${z.type}`);
    assert.ok(z.level === "国家级" || z.level === "省级" || z.level === null, z.name);
    const city = cityByName.get(z.city);
    assert.ok(city, `${z.name}: no city ${z.city}`);
    if (z.county !== null) {
      assert.ok(city.counties.some((k) => k.name === z.county), `${z.name}: ${z.county} is not in ${z.city}`);
    }
    assert.ok(z.shortName.length > 0 && z.shortName.length <= z.name.length, z.name);
  }
});

test("zones: every written form (name, shortName, alias, place) means one zone and is not a city or county", () => {
  const owner = new Map<string, string>();
  const cityOrCounty = new Set(
    CITIES.flatMap((c) => [c.name, c.short, ...c.counties.flatMap((k) => [k.name, k.short])]),
  );
  for (const z of ZONES) {
    const forms = new Set([z.name, z.shortName, ...z.aliases, ...(z.places ?? [])]);
    for (const f of forms) {
      assert.ok(f.length >= 2, `${z.name}: "${f}"`);
      const prev = owner.get(f);
      assert.ok(prev === undefined, `"${f}" belongs to both ${prev} and ${z.name}`);
      owner.set(f, z.name);
      assert.ok(!cityOrCounty.has(f), `"${f}" (${z.name}) is the name of a city or county`);
    }
    assert.equal(new Set(z.aliases).size, z.aliases.length, `${z.name}: alias listed twice`);
  }
});

test("zones: the national ones are all there", () => {
  const nat = (t: ZoneType) => ZONES.filter((z) => z.type === t && z.level === "国家级").map((z) => z.name).sort();
  assert.deepEqual(
    nat("经济技术开发区"),
    ["郑州", "开封", "洛阳", "许昌", "新乡", "漯河", "鹤壁", "濮阳", "红旗渠"].map((s) => `${s}经济技术开发区`).sort(),
  );
  assert.deepEqual(
    nat("高新技术产业开发区"),
    ["郑州", "洛阳", "安阳", "南阳", "新乡", "平顶山", "焦作"].map((s) => `${s}高新技术产业开发区`).sort(),
  );
  assert.ok(ZONES.some((z) => z.name === "郑州航空港经济综合实验区" && z.level === "国家级"));
});

test("zones: the seeds' zones, and at least one zone in each city but the known gap", () => {
  const get = (n: string) => ZONES.find((z) => z.name === n);
  assert.ok(get("鹤壁经济技术开发区")?.aliases.includes("鹤壁国家经济技术开发区"));
  assert.ok(get("漯河经济技术开发区")?.aliases.includes("国家漯河经济技术开发区"));
  assert.deepEqual(get("平顶山高新技术产业开发区")?.places, ["遵化店镇", "皇台街道"]);
  assert.equal(get("焦作市城乡一体化示范区")?.shortName, "焦作示范区");
  assert.equal(get("武陟县产业集聚区")?.county, "武陟县");
  // 三门峡: no zone known well enough to enter yet (see the report); resolve.ts still builds one a text names in full
  const knownGaps = ["三门峡市"];
  for (const c of CITIES) {
    if (knownGaps.includes(c.name)) continue;
    assert.ok(ZONES.some((z) => z.city === c.name), `no zone in ${c.name}`);
  }
});
