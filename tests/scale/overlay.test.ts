/**
 * A rebuild that changed a few pages of a search shard indexes only those pages, into the
 * shard's overlay (src/site/search-shards.ts), and the search page puts them together
 * (templates/assets/search.js). What a reader finds must be what a cold build of the same
 * articles gives: the same results, in the same date order, with the same count; the old
 * copy of a changed article and a removed article are not found.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { build, type BuildResult } from "../../src/build.ts";
import { dateSortKey } from "../../src/site/format.ts";
import type { ShardEntry } from "../../src/site/search-shards.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { launchBrowser, pageShown, searchSettled } from "../browser/harness.ts";
import { findsAsCold, idOf, searchOn } from "./as-cold.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";

let tmp: string;
let browser: Browser;
/** the site rebuilt with overlays, and a cold build of the same articles */
let rebuilt: { server: StaticServer; result: BuildResult };
let cold: { server: StaticServer; result: BuildResult };
let changed: ArticleRecord;
let removed: ArticleRecord;
let moved: ArticleRecord;
const NEW_WORD = "冰壶训练基地";

const overlay = { minPages: 1, share: 0.5 };
const opts = (corpus: string, name: string) => ({
  articlesDir: corpus,
  outDir: join(tmp, name, "site"),
  contentDir: join(tmp, name, "content"),
  quiet: true,
  cacheDir: null,
  maxShardPages: 80,
  overlay,
});

/** The raw file of the corpus an article came from. */
const sourceOf = (corpus: string, r: ArticleRecord): string => join(corpus, r.source.file);

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "overlay-"));
  const corpus = join(tmp, "corpus");
  generateCorpus(160, corpus);
  const first = await build(opts(corpus, "a"));
  const shards = JSON.parse(await readFile(join(tmp, "a", "site", "pagefind", "shards.json"), "utf8")) as ShardEntry[];
  assert.ok(shards.length >= 3, `shards: ${shards.map((s) => s.label).join(", ")}`);
  // three articles of the oldest dated shard, each alone in its raw file
  const [from, to] = shards.filter((s) => s.label !== "undated").at(-1)!.label.split("-");
  const bySource = new Map<string, ArticleRecord[]>();
  for (const r of first.articles) bySource.set(r.source.file, [...(bySource.get(r.source.file) ?? []), r]);
  const old = first.articles.filter((r) => r.date && r.date.slice(0, 4) >= from && r.date.slice(0, 4) <= (to ?? from) && r.date.length === 10 && bySource.get(r.source.file)!.length === 1);
  assert.ok(old.length >= 3, `${old.length} articles to change`);
  [changed, removed, moved] = old;
  // changed: a sentence added; moved: its date set to the shard's first day (it moves in the order); removed: its file deleted
  await writeFile(sourceOf(corpus, changed), `${readFileSync(sourceOf(corpus, changed), "utf8")}\n会议提出，要加快建设${NEW_WORD}。\n`);
  const text = readFileSync(sourceOf(corpus, moved), "utf8");
  assert.ok(text.includes(moved.date!), "the moved article's date is written in its file as the record has it");
  await writeFile(sourceOf(corpus, moved), text.replace(moved.date!, `${from}-01-02`));
  await rm(sourceOf(corpus, removed));

  const again = await build(opts(corpus, "a"));
  const coldResult = await build(opts(corpus, "b"));
  rebuilt = { server: await startStaticServer(join(tmp, "a", "site"), "/"), result: again };
  cold = { server: await startStaticServer(join(tmp, "b", "site"), "/"), result: coldResult };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await rebuilt?.server.close();
  await cold?.server.close();
  await rm(tmp, { recursive: true, force: true });
});

test("the rebuild indexed the changed pages apart and kept the shards' indexes", async () => {
  const shards = rebuilt.result.redone!.shards;
  const oldest = shards.filter((s) => s.label !== "undated").at(-1)!;
  // the changed and the moved article (the removed one only masks its old copy)
  assert.deepEqual(oldest, { label: oldest.label, cached: false, overlay: 2 });
  for (const s of shards) if (s !== oldest) assert.equal(s.cached, true, `${s.label} left as it was`);
  const listed = JSON.parse(await readFile(join(tmp, "a", "site", "pagefind", "shards.json"), "utf8")) as ShardEntry[];
  const entry = listed.find((s) => s.label === oldest.label)!;
  assert.equal(Object.keys(entry.overlay!.ids).length, 2);
  assert.equal(entry.overlay!.mask.length, 3, "the old copies of the changed, moved and removed articles");
  assert.ok(existsSync(join(tmp, "a", "site", "pagefind-overlays", oldest.label, "pagefind-entry.json")));
  // a cold build has none
  assert.equal((await readdir(join(tmp, "b", "site"))).includes("pagefind-overlays"), false);
});

test("the search page finds what a cold build's finds, in the same date order, with the same count", async () => {
  const year = moved.date!.slice(0, 4);
  // Words every index holds. (Pagefind leaves out of a query the words an index does not
  // hold: 冰壶训练基地, which only the changed article has, matches 训练基地 in every index
  // without 冰 and 壶, the shard's own among them. The next test checks the changed article
  // is found by it.)
  const queries = [
    `q=${encodeURIComponent("招商引资")}`,
    `q=${encodeURIComponent("招商引资")}&sort=asc`,
    `q=${encodeURIComponent("招商引资")}&sort=relevance`,
    `q=${encodeURIComponent("开发区")}`,
    `year=${year}`,
    `year=${year}&sort=asc`,
  ];
  for (const query of queries) {
    const a = await findsAsCold(browser, rebuilt.server, cold.server, cold.result.articles, query);
    assert.equal(a.status, `找到 ${a.paths.length} 篇文章`, query);
    assert.ok(!a.paths.map(idOf).includes(removed.id), `${query}: the removed article is not found`);
  }
});

test("the changed article is found by its new words, the moved one in its new place", async () => {
  const found = (await searchOn(browser, rebuilt.server, `q=${encodeURIComponent(NEW_WORD)}`)).paths.map(idOf);
  const newId = rebuilt.result.articles.find((r) => r.source.file === changed.source.file)!.id;
  assert.ok(found.includes(newId), `${NEW_WORD}: ${found.join(", ")}`);
  // its year oldest first: the moved article (now of the 2nd of January) is among them, in date order
  const movedNow = rebuilt.result.articles.find((r) => r.source.file === moved.source.file)!;
  const year = movedNow.date!.slice(0, 4);
  const inYear = (await searchOn(browser, rebuilt.server, `year=${year}&sort=asc`)).paths.map(idOf);
  assert.ok(inYear.includes(movedNow.id), `${year}: ${inYear.join(", ")}`);
  const keys = inYear.map((id) => dateSortKey(rebuilt.result.articles.find((r) => r.id === id)!.date));
  assert.deepEqual(keys, [...keys].sort(), "oldest first");
  assert.equal(keys[inYear.indexOf(movedNow.id)], `${year}-01-02`);
});

test("placing the overlay's results reads no page's text: the first two pages fetch the texts of the results they show, no others", async () => {
  const shards = JSON.parse(await readFile(join(tmp, "a", "site", "pagefind", "shards.json"), "utf8")) as ShardEntry[];
  // every place is a pair of counts of the shard's pages, the first no larger
  for (const s of shards) for (const place of Object.values(s.overlay?.ids ?? {})) assert.ok(place[0] <= place[1] && place[1] <= s.pages + 3, JSON.stringify(place));
  // oldest first, the second page of 开发区 is the first of the shard with the overlay (the first is the undated)
  for (const query of [`q=${encodeURIComponent("开发区")}&sort=asc`, `q=${encodeURIComponent("招商引资")}&sort=asc`, `q=${encodeURIComponent("开发区")}`, `year=${moved.date!.slice(0, 4)}`]) {
    const page = await browser.newPage();
    const texts = new Set<string>();
    page.on("request", (r) => {
      if (r.url().includes("/fragment/")) texts.add(r.url());
    });
    await page.goto(`${rebuilt.server.url}search/?${query}`);
    await searchSettled(page);
    if (await page.locator("#search-more").isVisible()) {
      await page.click("#search-more");
      await pageShown(page, 20);
    }
    const shown = await page.locator("#search-results li").count();
    await page.close();
    assert.ok(shown > 0, query);
    assert.equal(texts.size, shown, `${query}: page texts fetched for ${shown} results shown`);
  }
});
