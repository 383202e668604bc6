/**
 * The search index in year shards, end to end: the seeds built with at most 5
 * article pages per Pagefind run give three shards (2012–2013, 2023, undated),
 * and a search in Chromium finds the articles of every shard, as the
 * unsharded index does.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "../../src/build.ts";
import { indexSite } from "../../src/site/search-index.ts";
import { dateSortKey } from "../../src/site/format.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { SEED_ARTICLES, countSearches, holdRequests, holdTypingPause, launchBrowser, pageSays, pageShown, resultPaths, searchSettled, until } from "../browser/harness.ts";
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

test("the index is written as a primary index (the newest year) plus listed shards, newest first", async () => {
  const listed = JSON.parse(await readFile(join(out, "pagefind", "shards.json"), "utf8")) as { path: string; label: string; pages: number }[];
  const count = (shard: string): number => records.filter((r) => shardOf(r) === shard).length;
  assert.deepEqual(listed, [
    { path: "./", label: "2023", pages: count("2023") },
    { path: "../pagefind-shards/2012-2013/", label: "2012-2013", pages: count("2012-2013") },
    { path: "../pagefind-shards/undated/", label: "undated", pages: count("undated") },
  ]);
  for (const s of ["2012-2013", "undated"]) assert.ok(existsSync(join(out, "pagefind-shards", s, "pagefind-entry.json")), s);
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
    const shards = (await (await fetch("/pagefind/shards.json")).json()) as { path: string }[];
    await Promise.all(shards.slice(1).map((s) => pf.mergeIndex(new URL(s.path, new URL("/pagefind/", location.href)).href)));
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

test("every sort finds the same articles, and the count shown is the number of results", async () => {
  for (const query of ["招商引资", "开发区"]) {
    let first: string[] | null = null;
    for (const sort of ["", "asc", "relevance"]) {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}${sort ? `&sort=${sort}` : ""}`);
      await searchSettled(page);
      const paths = await resultPaths(page, "/");
      const status = (await page.textContent("#search-status")) ?? "";
      await page.close();
      assert.equal(status, `找到 ${paths.length} 篇文章`, `${query} ${sort}`);
      assert.equal(new Set(paths).size, paths.length, "no result twice");
      if (first) assert.deepEqual([...paths].sort(), [...first].sort(), `${query} ${sort}`);
      first ??= paths;
    }
  }
});

test("sorted by date, the results of all shards are in date order (the undated last when newest first, first when oldest first)", async () => {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const [sort, order] of [["", "desc"], ["asc", "asc"]] as const) {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}${sort ? `&sort=${sort}` : ""}`);
    await searchSettled(page);
    const found = (await resultPaths(page, "/")).map((p) => byId.get(p.replace(/^\/articles\/|\/$/g, ""))!);
    await page.close();
    const keys = found.map((r) => dateSortKey(r.date));
    assert.equal(new Set(found.map(shardOf)).size, 3, "results from every shard");
    for (let i = 1; i < keys.length; i++) assert.ok(order === "desc" ? keys[i - 1] >= keys[i] : keys[i - 1] <= keys[i], `${order}: ${keys.join(" ")}`);
  }
});

const UNAVAILABLE = "搜索暂时无法使用，请稍后再搜索一次。";
const statusIs = (page: import("playwright-core").Page, text: string): Promise<unknown> =>
  page.waitForFunction((t) => (document.getElementById("search-status")?.textContent ?? "") === t, text, { timeout: 20_000 });

test("a shard that cannot be loaded: the page says the search is unavailable, and the next search, once it loads, finds every shard's articles", async () => {
  const page = await browser.newPage();
  await page.route("**/pagefind-shards/**", (route) => route.abort());
  await page.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}&sort=relevance`);
  await statusIs(page, UNAVAILABLE);
  assert.equal(await page.locator("#search-results li").count(), 0);
  // the connection is back: searching again (Enter) works without reloading the page
  await page.unroute("**/pagefind-shards/**");
  await page.press("#q", "Enter");
  await searchSettled(page);
  const paths = await resultPaths(page, "/");
  const byPath = new Map(records.map((r) => [`/articles/${r.id}/`, r]));
  const shardsFound = new Set(paths.map((p) => shardOf(byPath.get(p)!)));
  assert.deepEqual([...shardsFound].sort(), ["2012-2013", "2023", "undated"]);
  assert.equal(await page.textContent("#search-status"), `找到 ${paths.length} 篇文章`);
  await page.close();
});

test("the connection lost after the page opened: each search says the search is unavailable (none searches forever), and once it is back the search works", async () => {
  const fresh = await browser.newPage();
  await fresh.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}&sort=relevance`);
  await searchSettled(fresh);
  const expected = await resultPaths(fresh, "/");
  await fresh.close();
  // opened with no query: only the first shard's index is loaded
  const page = await browser.newPage();
  await page.goto(`${server.url}search/`);
  await searchSettled(page);
  // then every index file is out of reach, the first shard's among them (and Pagefind's worker script)
  await page.route(/\/pagefind(-shards)?\//, (route) => route.abort());
  await page.fill("#q", "招商引资");
  await page.selectOption('select[name="sort"]', "relevance");
  await statusIs(page, UNAVAILABLE);
  // still down: the index is opened again, fails, and the page says so (before, it waited for the
  // first shard without end when merging the others, and showed 正在搜索…… for good)
  for (const sort of ["relevance", ""]) {
    await page.selectOption('select[name="sort"]', sort);
    await page.press("#q", "Enter");
    await statusIs(page, UNAVAILABLE);
  }
  await page.unroute(/\/pagefind(-shards)?\//);
  await page.selectOption('select[name="sort"]', "relevance");
  await searchSettled(page);
  assert.deepEqual(await resultPaths(page, "/"), expected);
  await page.close();
});

test("the shard list cannot be fetched: the page says the search is unavailable, rather than search the newest shard alone", async () => {
  const page = await browser.newPage();
  await page.route("**/pagefind/shards.json", (route) => route.abort());
  await page.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}`);
  await statusIs(page, "搜索暂时无法使用，请稍后刷新本页。");
  assert.equal(await page.locator("#search-results li").count(), 0);
  await page.close();
});

test("the Traditional → Simplified converter that failed to load is loaded again by the next search", async () => {
  const page = await browser.newPage();
  await page.route(/\/assets\/opencc\/t2cn\.js/, (route) => route.abort());
  await page.goto(`${server.url}search/`);
  await searchSettled(page);
  await page.fill("#q", "招商引資"); // 資: Traditional only, so the query is converted first
  await page.press("#q", "Enter");
  await statusIs(page, UNAVAILABLE);
  await page.unroute(/\/assets\/opencc\/t2cn\.js/);
  await page.press("#q", "Enter");
  await searchSettled(page);
  const found = await resultPaths(page, "/");
  const simplified = await browser.newPage();
  await simplified.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}`);
  await searchSettled(simplified);
  assert.deepEqual(found, await resultPaths(simplified, "/"));
  assert.ok(found.length > 0);
  await simplified.close();
  await page.close();
});

describe("a larger archive: the first results of a newest-first search come from the newest shard alone", () => {
  let big: { out: string; records: ArticleRecord[]; server: StaticServer };
  before(async () => {
    const corpus = join(tmp, "corpus");
    generateCorpus(160, corpus);
    const bigOut = join(tmp, "big-site");
    const result = await build({ articlesDir: corpus, outDir: bigOut, contentDir: join(tmp, "big-content"), quiet: true, cacheDir: null, maxShardPages: 80 });
    big = { out: bigOut, records: result.articles, server: await startStaticServer(bigOut, "/") };
  });
  after(async () => {
    await big?.server.close();
  });

  /** The site's shards as listed, newest first. */
  const listedShards = async (): Promise<{ label: string; pages: number }[]> => JSON.parse(await readFile(join(big.out, "pagefind", "shards.json"), "utf8"));

  /** The result links on screen; a full first page, every article of the newest shard's years. */
  async function firstPageFromNewestShard(page: Page): Promise<string[]> {
    const newest = (await listedShards())[0];
    // the years of its label (2023, 2022-2023, or months of a cut year: 2023.12, 2023.11-2024)
    const [from, to = from] = newest.label.match(/\d{4}(?=\.|-|$)/g) ?? [""];
    const byId = new Map(big.records.map((r) => [r.id, r]));
    const shown = await page.$$eval("#search-results .entry-title a", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.equal(shown.length, 20, "a full first page");
    for (const p of shown) {
      const record = byId.get(p.replace(/^\/articles\/|\/$/g, ""));
      assert.ok(record, `${p} is an article of the archive`);
      const year = record.date?.slice(0, 4) ?? "";
      assert.ok(year >= from && year <= to, `${p} (${year}) is in the newest shard ${newest.label}`);
    }
    return shown;
  }

  test("results are on screen while the other shards are still loading, and the count follows", async () => {
    const listed = await listedShards();
    assert.ok(listed.length >= 3, `shards: ${JSON.stringify(listed)}`);
    const page = await browser.newPage();
    // hold every request for another shard until the first results are checked
    const held: string[] = [];
    const release = await holdRequests(page, "**/pagefind-shards/**", (url) => held.push(new URL(url).pathname));
    await page.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    // the first page on screen
    await pageShown(page);
    const status = (await page.textContent("#search-status")) ?? "";
    assert.match(status, /^已找到 \d+ 篇，正在检索其他年份……$/);
    const shownFirst = await firstPageFromNewestShard(page);
    release();
    await searchSettled(page);
    // the count, as shown before "more" is pressed (it comes from a search of every shard; the
    // list is gathered shard by shard as "more" reaches them)
    const counted = (await page.textContent("#search-status")) ?? "";
    assert.ok(await page.locator("#search-more").isVisible(), "more results to show");
    const paths = await resultPaths(page, "/");
    assert.equal(counted, `找到 ${paths.length} 篇文章`);
    assert.ok(paths.length > 20 && held.length > 0, `${paths.length} results; ${held.length} requests held`);
    assert.deepEqual(paths.slice(0, 20), shownFirst, "the first page stays as it was");
    await page.close();
  });

  test("a second query, after the first was counted in every shard, shows its first page from the newest shard alone", async () => {
    const page = await browser.newPage();
    await page.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    // counted: every other shard merged in
    await searchSettled(page);
    const held: string[] = [];
    const release = await holdRequests(page, "**/pagefind-shards/**", (url) => held.push(new URL(url).pathname));
    await page.fill("#q", "开发区");
    await page.press("#q", "Enter");
    // its first page, while the other shards' files stay held (one instance of every shard would wait for them)
    await page.waitForFunction(() => /^已找到 \d+ 篇，正在检索其他年份……$/.test(document.getElementById("search-status")?.textContent ?? ""));
    await pageShown(page);
    await firstPageFromNewestShard(page);
    release();
    await searchSettled(page);
    assert.match((await page.textContent("#search-status")) ?? "", /^找到 \d+ 篇文章$/);
    assert.ok(held.length > 0, "the count read the other shards' files for the new words");
    await page.close();
  });

  test("typed words are searched ahead in the newest shard alone, and the search after the pause takes that search", async () => {
    const page = await browser.newPage();
    const calls = await countSearches(page);
    const said = pageSays(page);
    const otherShards: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/pagefind-shards/")) otherShards.push(r.url());
    });
    const releasePause = await holdTypingPause(page);
    await page.goto(`${big.server.url}search/`);
    await page.waitForSelector("#search-app[data-ready]");
    // the search after the pause in typing is held: only a search made ahead can happen
    await page.fill("#q", "招商引资");
    const newest = JSON.stringify(["招商引资", { filters: {}, sort: { date: "desc" } }]);
    await until(async () => (await calls()).length > 0, () => `no search made ahead; the page said: ${said.join(" | ") || "nothing"}`);
    assert.deepEqual(await calls(), [newest]);
    assert.deepEqual(otherShards, [], "nothing of the other shards loaded ahead");
    await releasePause();
    await page.waitForURL((u) => u.searchParams.get("q") === "招商引资");
    await searchSettled(page);
    const paths = await resultPaths(page, "/");
    assert.equal((await calls()).filter((c) => c === newest).length, 1, `the newest shard searched once: ${(await calls()).join(" ")}`);
    const fresh = await browser.newPage();
    await fresh.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    await searchSettled(fresh);
    assert.deepEqual(paths, await resultPaths(fresh, "/"));
    assert.ok(otherShards.length > 0, "the other shards searched after");
    await Promise.all([page.close(), fresh.close()]);
  });

  test("the texts of the first few results are fetched before the rest of the page's, and the page is still whole", async () => {
    const page = await browser.newPage();
    // the first result's text is held a while: the texts asked for meanwhile are the first few only
    const asked: string[] = [];
    let whileFirstHeld = -1;
    await page.route("**/*.pf_fragment", async (route) => {
      asked.push(new URL(route.request().url()).pathname);
      if (asked.length === 1) {
        await new Promise((r) => setTimeout(r, 500));
        whileFirstHeld = asked.length;
      }
      await route.continue();
    });
    await page.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    await pageShown(page);
    assert.ok(whileFirstHeld >= 1 && whileFirstHeld <= 5, `${whileFirstHeld} texts asked for before the first arrived`);
    assert.equal(await page.locator("#search-results li").count(), 20, "then the whole first page");
    assert.equal(new Set(asked).size, 20, "each text fetched once");
    await page.close();
  });

  test("'more' pressed from the keyboard: each page is added, and after the last the focus is on a result", async () => {
    const page = await browser.newPage();
    await page.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    await searchSettled(page);
    const total = Number(/找到 (\d+) 篇文章/.exec((await page.textContent("#search-status")) ?? "")?.[1]);
    assert.ok(total > 40, `${total} results: more than two pages`);
    await page.focus("#search-more");
    let pages = 1;
    while (await page.locator("#search-more").isVisible()) {
      const before = await page.locator("#search-results li").count();
      await page.keyboard.press("Enter");
      await pageShown(page, before);
      pages++;
      // while more pages remain, the focus stays on the button
      if (await page.locator("#search-more").isVisible()) assert.ok(await page.evaluate(() => document.activeElement?.id === "search-more"), `page ${pages}`);
    }
    assert.equal(pages, Math.ceil(total / 20));
    assert.equal(await page.locator("#search-results li").count(), total);
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a instanceof HTMLAnchorElement && !!a.closest("#search-results li") ? [...document.querySelectorAll("#search-results li")].indexOf(a.closest("li")!) : -1;
    });
    assert.equal(focused, (pages - 1) * 20, "the first result of the last page has the focus");
    await page.close();
  });

  test("a year filter: that year's articles, newest first, with their count", async () => {
    const listed = JSON.parse(await readFile(join(big.out, "pagefind", "shards.json"), "utf8")) as { label: string }[];
    const oldest = listed.filter((s) => s.label !== "undated").at(-1)!.label.slice(0, 4);
    const inYear = big.records.filter((r) => r.date?.startsWith(oldest)).map((r) => r.id);
    assert.ok(inYear.length > 0);
    const page = await browser.newPage();
    await page.goto(`${big.server.url}search/?year=${oldest}`);
    await searchSettled(page);
    const counted = (await page.textContent("#search-status")) ?? "";
    const paths = (await resultPaths(page, "/")).map((p) => p.replace(/^\/articles\/|\/$/g, ""));
    await page.close();
    assert.deepEqual([...paths].sort(), [...inYear].sort());
    assert.equal(counted, `找到 ${inYear.length} 篇文章`);
    const byId = new Map(big.records.map((r) => [r.id, r]));
    const keys = paths.map((id) => dateSortKey(byId.get(id)!.date));
    assert.deepEqual(keys, [...keys].sort().reverse(), "newest first");
  });

  test("a search for a character finds every page with a word that begins with it, and loads one index chunk for it", async () => {
    // the index is cut again after Pagefind (src/site/pagefind-meta.ts): a character's words are in one chunk, whose
    // range holds the character. Pagefind's own chunks split the words of a character over two (一 … 资 | 资一 …), and
    // loaded only the first, so the characters checked here are those at the edges of the chunks, where that happened
    const dirs = [join(big.out, "pagefind"), ...(await readdir(join(big.out, "pagefind-shards"))).map((d) => join(big.out, "pagefind-shards", d))];
    let checked = 0;
    for (const dir of dirs) {
      // a fresh page per index: each search below loads Pagefind anew (nothing loaded before), and a page holds only so many
      const page = await browser.newPage();
      await page.goto(`${big.server.url}404.html`);
      const meta = decodeMeta(dir);
      assert.ok(meta.length > 1, `${dir}: the index has several chunks`);
      const split = new Set<string>();
      for (const [from, to] of meta) {
        split.add([...from][0]);
        split.add([...to][0]);
        for (const ch of [[...from][0], [...to][0]]) {
          const holding = meta.filter(([f, t]) => utf8Order(f, ch) <= 0 && utf8Order(ch, t) <= 0); // as Pagefind compares
          assert.equal(holding.length, 1, `${dir}: ${ch} is in one chunk's range`);
        }
      }
      const fragments = await readFragments(dir);
      const rel = `/${dir.slice(big.out.length + 1)}/`;
      const han = [...split].filter((c) => /\p{Script=Han}/u.test(c));
      for (const ch of han.filter((_, i) => i % Math.ceil(han.length / 16) === 0)) {
        // the pages with a word that begins with the character, as Pagefind cut the text into words (U+200B between them)
        const expected = fragments.filter((f) => f.content.split(/[\u200B\s]+/u).some((w) => w.startsWith(ch))).map((f) => f.url).sort();
        const found = (await page.evaluate(
          async ([base, term]) => {
            const pf = await import(`${base}pagefind.js?${Math.random()}`);
            await pf.options({ basePath: base });
            const r = await pf.search(term);
            return Promise.all(r.results.map(async (x: { data: () => Promise<{ url: string }> }) => (await x.data()).url));
          },
          [rel, ch] as const,
        )).sort();
        // (a character only in a title or meta value has no such word in the text: only the second check applies)
        const missed = expected.filter((u) => !found.includes(u));
        assert.deepEqual(missed, [], `${rel}: ${ch} found ${found.length} of ${expected.length} pages`);
        // and nothing found that does not hold the character (in its text or its title, date, zone)
        const holds = new Set(fragments.filter((f) => f.all.includes(ch)).map((f) => f.url));
        assert.deepEqual(found.filter((u) => !holds.has(u)), [], `${rel}: ${ch}`);
        if (expected.length > 0) checked++;
      }
      await page.close();
    }
    assert.ok(checked > 10, `the edges of the chunks are tested (${checked} characters)`);
  });

  test("the other shards failing after the first page: the page says the search is unavailable and shows no partial list", async () => {
    const page = await browser.newPage();
    await page.route("**/pagefind-shards/**", (route) => route.abort());
    await page.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    await statusIs(page, UNAVAILABLE);
    assert.equal(await page.locator("#search-results li").count(), 0);
    assert.equal(await page.locator("#search-more").isVisible(), false);
    // still failing: a second search says so again (and does not hang on the index it could not read)
    await page.press("#q", "Enter");
    await statusIs(page, UNAVAILABLE);
    // back: the same search, as on a fresh page
    await page.unroute("**/pagefind-shards/**");
    await page.press("#q", "Enter");
    await searchSettled(page);
    const after = await resultPaths(page, "/");
    const status = await page.textContent("#search-status");
    const fresh = await browser.newPage();
    await fresh.goto(`${big.server.url}search/?q=${encodeURIComponent("招商引资")}`);
    await searchSettled(fresh);
    assert.deepEqual(after, await resultPaths(fresh, "/"));
    assert.equal(status, await fresh.textContent("#search-status"));
    assert.match(status ?? "", /^找到 \d+ 篇文章$/);
    await fresh.close();
    await page.close();
  });
});

test("a file directly in articles/ (a list page, as Hugo writes one) is not an article page, and does not stop the index", async () => {
  const site = join(tmp, "stray");
  const id = records[0].id;
  await cp(join(out, "articles", id), join(site, "articles", id), { recursive: true });
  await writeFile(join(site, "articles", "index.html"), "<!doctype html><html lang=\"zh-CN\"><body data-pagefind-body>列表</body></html>");
  const { pages } = await indexSite({ outDir: site, maxShardPages: 5 });
  assert.equal(pages, 1);
  assert.ok(existsSync(join(site, "pagefind", "pagefind-entry.json")));
});

const utf8Order = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** An index's chunks, [from, to, hash], from its metadata file. */
function decodeMeta(dir: string): [string, string, string][] {
  const name = readdirSync(dir).find((n) => n.endsWith(".pf_meta"))!;
  const meta = decode(gunzipSync(readFileSync(join(dir, name))).subarray("pagefind_dcd".length)) as unknown[];
  return meta[2] as [string, string, string][];
}

/** An index's pages as its fragment files hold them: URL, indexed text, and that text with the meta values. */
async function readFragments(dir: string): Promise<{ url: string; content: string; all: string }[]> {
  const names = (await readdir(join(dir, "fragment"))).filter((n) => n.endsWith(".pf_fragment"));
  return Promise.all(
    names.map(async (n) => {
      const f = JSON.parse(gunzipSync(await readFile(join(dir, "fragment", n))).subarray("pagefind_dcd".length).toString("utf8")) as { url: string; content: string; meta: Record<string, string> };
      return { url: f.url, content: f.content, all: `${f.content} ${Object.values(f.meta).join(" ")}` };
    }),
  );
}
