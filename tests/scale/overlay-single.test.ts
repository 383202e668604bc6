/**
 * An archive whose search index is one Pagefind index (under maxShardPages, as most archives
 * are) gets an overlay too when a rebuild changes a few of its pages; the search page then
 * places the overlay's results in the one index's date order (templates/assets/search.js,
 * place() on the unsharded path). What a reader finds must be what a cold build gives.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { build, type BuildResult } from "../../src/build.ts";
import type { ShardEntry } from "../../src/site/search-shards.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { launchBrowser } from "../browser/harness.ts";
import { findsAsCold, idOf } from "./as-cold.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";

let tmp: string;
let browser: Browser;
let rebuilt: { server: StaticServer; result: BuildResult };
let cold: { server: StaticServer; result: BuildResult };
let moved: ArticleRecord[];

const opts = (corpus: string, name: string) => ({
  articlesDir: corpus,
  outDir: join(tmp, name, "site"),
  contentDir: join(tmp, name, "content"),
  quiet: true,
  cacheDir: null,
  overlay: { minPages: 1, share: 0.5 },
});

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "overlay-single-"));
  const corpus = join(tmp, "corpus");
  generateCorpus(120, corpus);
  const first = await build(opts(corpus, "a"));
  const perFile = new Map<string, number>();
  for (const r of first.articles) perFile.set(r.source.file, (perFile.get(r.source.file) ?? 0) + 1);
  // three dated articles, each alone in its file, moved to the start, the middle and the end of the order
  // (read and written as latin1: the bytes of a file in a legacy encoding are kept, only the ASCII date changes)
  const raw = (r: ArticleRecord): string => readFileSync(join(corpus, r.source.file), "latin1");
  const dated = first.articles.filter((r) => r.date?.length === 10 && perFile.get(r.source.file) === 1 && raw(r).includes(r.date));
  assert.ok(dated.length >= 3, `${dated.length} articles to move`);
  moved = [dated[0], dated[Math.floor(dated.length / 2)], dated[dated.length - 1]];
  const to = ["2005-01-01", "2015-06-15", "2025-12-31"];
  for (const [i, r] of moved.entries()) {
    await writeFile(join(corpus, r.source.file), raw(r).replace(r.date!, to[i]), "latin1");
  }
  rebuilt = { result: await build(opts(corpus, "a")), server: await startStaticServer(join(tmp, "a", "site"), "/") };
  cold = { result: await build(opts(corpus, "b")), server: await startStaticServer(join(tmp, "b", "site"), "/") };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await rebuilt?.server.close();
  await cold?.server.close();
  await rm(tmp, { recursive: true, force: true });
});

test("one index: the rebuild put the moved articles in an overlay", async () => {
  const listed = JSON.parse(await readFile(join(tmp, "a", "site", "pagefind", "shards.json"), "utf8")) as ShardEntry[];
  assert.equal(listed.length, 1);
  assert.equal(Object.keys(listed[0].overlay?.ids ?? {}).length, 3);
  assert.deepEqual(rebuilt.result.redone!.shards, [{ label: listed[0].label, cached: false, overlay: 3 }]);
});

test("one index with an overlay: each date order, and relevance, find what a cold build finds", async () => {
  const newIds = rebuilt.result.articles.filter((r) => moved.some((m) => m.source.file === r.source.file)).map((r) => r.id);
  for (const query of ["", "&sort=asc", "&sort=relevance"]) {
    const found = await findsAsCold(browser, rebuilt.server, cold.server, cold.result.articles, `q=${encodeURIComponent("开发区")}${query}`);
    // the moved articles are among the results, where their new dates put them
    if (!query.includes("relevance")) assert.ok(newIds.some((id) => found.paths.map(idOf).includes(id)), `${query}: a moved article found`);
  }
});
