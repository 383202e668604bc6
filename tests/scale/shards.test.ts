import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { countBelow, planShards, shardManifest } from "../../src/site/search-shards.ts";

const pages = (year: string | null, n: number) => Array.from({ length: n }, (_, i) => ({ path: `articles/${year ?? "u"}-${i}/index.html`, year }));
const shape = (plan: ReturnType<typeof planShards>) => plan.map((s) => [s.label, s.pages.length]);

test("planShards: everything in one shard while it fits", () => {
  const plan = planShards([...pages("2013", 3), ...pages("2012", 2), ...pages(null, 2)], 10);
  assert.deepEqual(shape(plan), [["all", 7]]);
});

test("planShards: the newest years first (a small shard), then older years packed up to the limit, a big year alone, undated last", () => {
  const plan = planShards([...pages("2005", 2), ...pages("2006", 2), ...pages("2007", 2), ...pages("2010", 9), ...pages("2011", 1), ...pages("2012", 2), ...pages(null, 3)], 5, 3);
  assert.deepEqual(shape(plan), [
    ["2011-2012", 3],
    ["2005-2006", 4],
    ["2007", 2],
    ["2010", 9],
    ["undated", 3],
  ]);
  const all = plan.flatMap((s) => s.pages);
  assert.equal(new Set(all).size, all.length, "no page in two shards");
  assert.equal(all.length, 21, "no page left out");
});

test("planShards: the newest shard holds at least its newest year, however large", () => {
  const plan = planShards([...pages("2020", 4), ...pages("2021", 7), ...pages(null, 1)], 5, 3);
  assert.deepEqual(shape(plan), [
    ["2021", 7],
    ["2020", 4],
    ["undated", 1],
  ]);
});

test("planShards: a newest year of a few pages takes the year before it too; the newest shard never passes maxPages", () => {
  // 2 pages of a new year, 9 of the last: the newest shard holds both (11 ≤ maxPages 12), though recentPages is 10
  assert.deepEqual(shape(planShards([...pages("2019", 9), ...pages("2020", 9), ...pages("2021", 2)], 12, 10)), [
    ["2020-2021", 11],
    ["2019", 9],
  ]);
  // recentPages above maxPages is held to maxPages
  assert.deepEqual(shape(planShards([...pages("2019", 3), ...pages("2020", 3), ...pages("2021", 3)], 4, 100)), [
    ["2021", 3],
    ["2019", 3],
    ["2020", 3],
  ]);
});

/** n pages of a year's month ("00": dated to the year only), with their date sort keys */
const monthPages = (year: string, month: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ path: `articles/${year}-${month}-${i}/index.html`, year, date: `${year}-${month}-${month === "00" ? "00" : "15"}` }));
/** a year: 10 pages dated to the year only, then `perMonth` in each month */
const yearOfMonths = (year: string, perMonth: number) => ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].flatMap((m) => monthPages(year, m, m === "00" ? 10 : perMonth));

test("planShards: a newest year too large for the newest shard is cut by month; the rest of it is a shard of its own (named by the year), after the older years", () => {
  // as at 100k articles: about 4,700 pages a year
  const plan = planShards([...yearOfMonths("2023", 400), ...yearOfMonths("2024", 400), ...yearOfMonths("2025", 390), ...pages(null, 50)], 8000);
  assert.deepEqual(shape(plan), [
    ["2025.12", 390],
    ["2023", 4810],
    ["2024", 4810],
    ["2025", 10 + 11 * 390],
    ["undated", 50],
  ]);
  const all = plan.flatMap((s) => s.pages);
  assert.equal(new Set(all).size, all.length, "no page in two shards");
  assert.equal(all.length, 4810 * 2 + 4690 + 50, "no page left out");
  // the manifest lists the rest of 2025 right after its newest month
  assert.deepEqual(
    shardManifest(plan).map((e) => e.label),
    ["2025.12", "2025", "2024", "2023", "undated"],
  );
  // the newest months while they fit in recentPages (500)
  const newest = (perMonth: number) => shape(planShards([...yearOfMonths("2024", 400), ...yearOfMonths("2025", perMonth).filter((p) => p.date < "2025-12"), ...monthPages("2025", "12", 20)], 4000))[0];
  assert.deepEqual(newest(100), ["2025.08-2025.12", 420]);
  // past it, when the newest month alone is under a quarter of it (20 pages): a page of results needs more
  assert.deepEqual(newest(600), ["2025.11-2025.12", 620]);
});

test("planShards: the first articles of a new year take the newest months of the year before, not the whole of it", () => {
  const plan = planShards([...yearOfMonths("2024", 400), ...yearOfMonths("2025", 390), ...monthPages("2026", "01", 30)], 8000);
  assert.deepEqual(shape(plan), [
    ["2025.12-2026", 420],
    ["2024", 4810],
    ["2025", 10 + 11 * 390],
  ]);
});

test("planShards: a rest of a cut year under a quarter of recentPages is not a shard of its own; the newest month is in the newest shard, however large", () => {
  // 100 pages of a new year, 2024 at 36 a month: its last eleven months would fit (496), leaving January's 36
  // alone; it goes in whole instead (532 ≤ maxPages), as before months were cut
  const years = Array.from({ length: 19 }, (_, i) => pages(String(2005 + i), 432)).flat();
  const plan = planShards([...years, ...yearOfMonths("2024", 36).filter((p) => p.date >= "2024-01"), ...monthPages("2025", "01", 100)], 5000);
  assert.deepEqual(shape(plan)[0], ["2024-2025", 532]);
  // a newest month larger than maxPages: the newest shard anyway, and the rest of its year after the older years
  assert.deepEqual(shape(planShards([...pages("2024", 400), ...monthPages("2025", "11", 50), ...monthPages("2025", "12", 3000)], 1000, 500)), [
    ["2025.12", 3000],
    ["2024", 400],
    ["2025", 50],
  ]);
});

test("planShards: a year is not cut when the newest shard already has a quarter of recentPages, nor when its pages give no month", () => {
  // 2025 fits whole (130 pages); 2024 does not, and is left whole to the older shards
  assert.deepEqual(shape(planShards([...yearOfMonths("2024", 400), ...yearOfMonths("2025", 10)], 4900)), [
    ["2025", 130],
    ["2024", 4810],
  ]);
  // every page of the newest year dated to the year only: the year, however large
  assert.deepEqual(shape(planShards([...monthPages("2024", "00", 900), ...monthPages("2025", "00", 700)], 1000, 500)), [
    ["2025", 700],
    ["2024", 900],
  ]);
});

test("planShards: no pages, no shards; only undated pages, one shard", () => {
  assert.deepEqual(planShards([], 10), []);
  assert.deepEqual(shape(planShards(pages(null, 12), 10)), [["undated", 12]]);
});

test("planShards: older shards of about the same size, not one full and one small", () => {
  const years = Array.from({ length: 11 }, (_, i) => pages(String(2010 + i), 100)).flat();
  const plan = planShards(years, 800, 100);
  assert.deepEqual(shape(plan), [
    ["2020", 100],
    ["2010-2014", 500],
    ["2015-2019", 500],
  ]);
});

test("shardManifest: newest first and the undated last, the first in pagefind/ itself", () => {
  const plan = planShards([...pages("2005", 2), ...pages("2006", 2), ...pages("2007", 2), ...pages("2010", 9), ...pages("2011", 1), ...pages("2012", 2), ...pages(null, 3)], 5, 3);
  assert.deepEqual(shardManifest(plan), [
    { path: "./", label: "2011-2012", pages: 3 },
    { path: "../pagefind-shards/2010/", label: "2010", pages: 9 },
    { path: "../pagefind-shards/2007/", label: "2007", pages: 2 },
    { path: "../pagefind-shards/2005-2006/", label: "2005-2006", pages: 4 },
    { path: "../pagefind-shards/undated/", label: "undated", pages: 3 },
  ]);
  assert.deepEqual(shardManifest(planShards(pages("2013", 3), 10)), [{ path: "./", label: "all", pages: 3 }]);
  assert.deepEqual(shardManifest([]), []);
});

test("countBelow: the sorted keys below a key, or not above it, as counting them one by one gives", () => {
  const day = fc.tuple(fc.integer({ min: 2005, max: 2007 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([y, m, d]) => `${y}-0${m}-0${d}`);
  fc.assert(
    fc.property(fc.array(fc.oneof(day, fc.constant("0000-00-00")), { maxLength: 60 }), fc.oneof(day, fc.constant("0000-00-00")), (keys, key) => {
      const sorted = [...keys].sort();
      assert.equal(countBelow(sorted, key, false), keys.filter((k) => k < key).length);
      assert.equal(countBelow(sorted, key, true), keys.filter((k) => k <= key).length);
    }),
  );
});
