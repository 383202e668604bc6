import { test } from "node:test";
import assert from "node:assert/strict";
import { planShards } from "../../src/site/search-shards.ts";

const pages = (year: string | null, n: number) => Array.from({ length: n }, (_, i) => ({ path: `articles/${year ?? "u"}-${i}/index.html`, year }));

test("planShards: everything in one shard while it fits", () => {
  const plan = planShards([...pages("2013", 3), ...pages("2012", 2), ...pages(null, 2)], 10);
  assert.deepEqual(plan.map((s) => [s.label, s.pages.length]), [["all", 7]]);
});

test("planShards: consecutive years packed up to the limit, a big year alone, undated last", () => {
  const plan = planShards([...pages("2005", 2), ...pages("2006", 2), ...pages("2007", 2), ...pages("2010", 9), ...pages("2011", 1), ...pages(null, 3)], 5);
  assert.deepEqual(
    plan.map((s) => [s.label, s.pages.length]),
    [
      ["2005-2006", 4],
      ["2007", 2],
      ["2010", 9],
      ["2011", 1],
      ["undated", 3],
    ],
  );
  const all = plan.flatMap((s) => s.pages);
  assert.equal(new Set(all).size, all.length, "no page in two shards");
  assert.equal(all.length, 19, "no page left out");
});

test("planShards: no pages, no shards", () => {
  assert.deepEqual(planShards([], 10), []);
});

test("planShards: shards of about the same size, not one full and one small", () => {
  const years = Array.from({ length: 10 }, (_, i) => pages(String(2010 + i), 100)).flat();
  const plan = planShards(years, 800);
  assert.deepEqual(
    plan.map((s) => [s.label, s.pages.length]),
    [
      ["2010-2014", 500],
      ["2015-2019", 500],
    ],
  );
});
