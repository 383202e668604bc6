/**
 * The search index in year shards, end to end: the seeds built with at most 5
 * article pages per Pagefind run give three shards (2012–2013, 2023, undated),
 * and a search in Chromium finds the articles of every shard, as the
 * unsharded index does.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "../../src/build.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { SEED_ARTICLES, launchBrowser, resultPaths, searchSettled } from "../browser/harness.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";

let tmp: string;
let out: string;
let records: ArticleRecord[];
let server: StaticServer;
let browser: Browser;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "shards-"));
  out = join(tmp, "site");
  const result = await build({ articlesDir: SEED_ARTICLES, outDir: out, contentDir: join(tmp, "content"), quiet: true, cacheDir: null, maxShardPages: 5 });
  records = result.articles;
  server = await startStaticServer(out, "/");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

const shardOf = (r: ArticleRecord): string => (r.date === null ? "undated" : r.date.slice(0, 4) === "2023" ? "2023" : "2012-2013");

test("the index is written as a primary index plus listed shards", async () => {
  const listed = JSON.parse(await readFile(join(out, "pagefind", "shards.json"), "utf8")) as string[];
  assert.deepEqual(listed, ["../pagefind-shards/2023/", "../pagefind-shards/undated/"]);
  for (const s of ["2023", "undated"]) assert.ok(existsSync(join(out, "pagefind-shards", s, "pagefind-entry.json")), s);
});

for (const query of ["招商引资", "开发区"]) {
  test(`searching ${query} finds the articles of every shard that contain it`, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await searchSettled(page);
    const found = new Set((await resultPaths(page, "/")).map((p) => p.replace(/^\/articles\/|\/$/g, "")));
    await page.close();
    const byShard = new Map<string, number>();
    for (const r of records) if (found.has(r.id)) byShard.set(shardOf(r), (byShard.get(shardOf(r)) ?? 0) + 1);
    assert.deepEqual([...byShard.keys()].sort(), ["2012-2013", "2023", "undated"], `hits per shard: ${JSON.stringify([...byShard])}`);
  });
}

test("a word only in the 2023 shard (扬尘) is found there", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/?q=${encodeURIComponent("扬尘")}`);
  await searchSettled(page);
  const found = (await resultPaths(page, "/")).map((p) => p.replace(/^\/articles\/|\/$/g, ""));
  await page.close();
  const dust = records.find((r) => r.title.includes("扬尘"))!;
  assert.ok(found.includes(dust.id), `found ${found.join(", ")}`);
});

test("the filter counts the search page reads are the ones Pagefind gives for the merged shards", async () => {
  const written = JSON.parse(await readFile(join(out, "pagefind", "filter-counts.json"), "utf8")) as Record<string, Record<string, number>>;
  const page = await browser.newPage();
  // a page that does not load Pagefind itself (the search page has merged the shards already)
  await page.goto(`${server.url}404.html`);
  const merged = await page.evaluate(async (entry) => {
    const pf = await import(entry);
    const shards = (await (await fetch("/pagefind/shards.json")).json()) as string[];
    await Promise.all(shards.map((s) => pf.mergeIndex(new URL(s, new URL("/pagefind/", location.href)).href)));
    await pf.init();
    return pf.filters();
  }, "/pagefind/pagefind.js");
  await page.close();
  // Pagefind lists a filter's values in its own order: compare as sorted objects
  const sorted = (o: Record<string, Record<string, number>>) =>
    Object.fromEntries(Object.keys(o).sort().map((k) => [k, Object.fromEntries(Object.entries(o[k]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]));
  assert.deepEqual(sorted(written), sorted(merged));
  // every article is counted once per filter it has
  assert.equal(Object.values(written.year).reduce((a, b) => a + b, 0), records.length);
});
