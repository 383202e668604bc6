/**
 * The built site in a real browser (Debian's Chromium): search with Pagefind,
 * filters, date sort, highlight on the article page, pages without JavaScript,
 * a site under a base path, and axe-core on the main kinds of page.
 * Built once from the seed articles (the real pipeline), at / and at /prefix/.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { dateSortKey } from "../../src/site/format.ts";
import {
  axeViolations,
  buildSite,
  countSearches,
  holdRequests,
  holdTypingPause,
  launchBrowser,
  pageSays,
  resultPaths,
  searchSettled,
  SEED_ARTICLES,
  until,
  type BuiltSite,
} from "./harness.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

let tmp: string;
let site: BuiltSite;
let server: StaticServer;
let prefixedServer: StaticServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(server.url + path);
  return page;
}

async function search(query: string, extra = ""): Promise<{ page: Page; paths: string[] }> {
  const page = await open(`search/?q=${encodeURIComponent(query)}${extra}`);
  await searchSettled(page);
  return { page, paths: await resultPaths(page, "/") };
}

const containing = (word: string) => site.articles.filter((a) => a.text.includes(word)).map((a) => `/articles/${a.record.id}/`);

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "site-browser-"));
  site = await buildSite(SEED_ARTICLES, join(tmp, "out"), join(tmp, "content"));
  const prefixed = await buildSite(SEED_ARTICLES, join(tmp, "out-prefix"), join(tmp, "content-prefix"), "/prefix/");
  server = await startStaticServer(site.outDir, "/");
  prefixedServer = await startStaticServer(prefixed.outDir, "/prefix/");
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await prefixedServer?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("search", () => {
  for (const word of ["招商引资", "开发区", "镁合金", "扬尘"]) {
    it(`finds every seed article that contains ${word}`, async () => {
      const expected = containing(word);
      assert.ok(expected.length > 0, `no seed article contains ${word}`);
      const { page, paths } = await search(word);
      for (const p of expected) assert.ok(paths.includes(p), `${word}: ${p} not found (got ${paths.join(", ")})`);
      const excerpts = await page.locator("#search-results .entry-excerpt mark").count();
      assert.ok(excerpts > 0, "excerpts carry highlighted hits");
      await page.close();
    });
  }

  it("finds undated articles too", async () => {
    const undated = site.articles.filter((a) => a.record.date === null && a.text.includes("招商引资"));
    assert.ok(undated.length > 0);
    const { paths } = await search("招商引资");
    for (const a of undated) assert.ok(paths.includes(`/articles/${a.record.id}/`));
  });

  it("finds nothing for words in none of the articles", async () => {
    const corpus = site.articles.map((a) => a.text).join("\n");
    const words = ["鲸鱼鹦鹉", "zebrafish"].filter((w) => [...w].every((ch) => !corpus.includes(ch)));
    assert.equal(words.length, 2, "the test words must really be absent");
    for (const w of words) {
      const { page, paths } = await search(w);
      assert.deepEqual(paths, []);
      assert.match(await page.locator("#search-status").innerText(), /没有找到/);
      await page.close();
    }
  });

  it("runs the search in the URL on opening, with its filters and sort shown in the form", async () => {
    const { page, paths } = await search("招商引资", "&sort=asc");
    assert.equal(await page.inputValue("#q"), "招商引资");
    assert.equal(await page.inputValue("select[name=sort]"), "asc");
    assert.ok(paths.length > 0);
    await page.close();
    // a link from before newest-first was the default still opens newest first
    const old = await search("招商引资", "&sort=desc");
    assert.equal(await old.page.inputValue("select[name=sort]"), "");
    const plain = await search("招商引资");
    assert.deepEqual(old.paths, plain.paths);
    await Promise.all([old.page.close(), plain.page.close()]);
  });

  it("narrows the results with a filter, and keeps the filter in the URL", async () => {
    const { page, paths: all } = await search("招商引资");
    const zone = "平顶山高新技术产业开发区";
    await page.selectOption("select[name=zone]", zone);
    await page.waitForURL(/zone=/);
    await searchSettled(page);
    const narrowed = await resultPaths(page, "/");
    assert.ok(narrowed.length > 0 && narrowed.length < all.length, `${narrowed.length} of ${all.length}`);
    for (const p of narrowed) assert.equal(site.byPath.get(p)!.record.zone?.name, zone, p);
    assert.equal(new URL(page.url()).searchParams.get("zone"), zone);
    // the year filter narrows too, down to the undated
    await page.selectOption("select[name=zone]", "");
    await page.selectOption("select[name=year]", "日期不详");
    await searchSettled(page);
    const undated = await resultPaths(page, "/");
    assert.ok(undated.length > 0);
    for (const p of undated) assert.equal(site.byPath.get(p)!.record.date, null, p);
    await page.close();
  });

  it("sorts newest first by default, oldest first or by relevance on request, keeping every result", async () => {
    const { page, paths: newest } = await search("开发区");
    assert.equal(await page.inputValue("select[name=sort]"), "");
    const inOrder = (paths: string[], order: "desc" | "asc"): void => {
      const keys = paths.map((p) => dateSortKey(site.byPath.get(p)!.record.date));
      for (let i = 1; i < keys.length; i++) assert.ok(order === "desc" ? keys[i - 1] >= keys[i] : keys[i - 1] <= keys[i], `${order}: ${keys.join(" ")}`);
      assert.notDeepEqual(keys[0], keys[keys.length - 1]);
    };
    inOrder(newest, "desc");
    for (const order of ["asc", "relevance"] as const) {
      await page.selectOption("select[name=sort]", order);
      await page.waitForURL(new RegExp(`sort=${order}`));
      await searchSettled(page);
      const paths = await resultPaths(page, "/");
      assert.deepEqual([...paths].sort(), [...newest].sort());
      if (order === "asc") inOrder(paths, "asc");
    }
    await page.close();
  });

  it("highlights the hit on the article page a result opens", async () => {
    const { page } = await search("扬尘");
    await Promise.all([page.waitForURL(/\/articles\//), page.locator("#search-results .entry-title a").first().click()]);
    assert.equal(new URL(page.url()).searchParams.get("highlight"), "扬尘");
    const mark = page.locator("[data-pagefind-body] mark.pagefind-highlight").first();
    await mark.waitFor();
    assert.equal(await mark.innerText(), "扬尘");
    await page.close();
  });

  it("does not search pinyin still being composed in an input method; searches the committed word", async () => {
    const page = await open("search/");
    await page.waitForSelector("#search-app[data-ready]");
    const searched: string[] = [];
    page.on("request", (r) => {
      if (/\/pagefind\/(index|fragment)\//.test(r.url())) searched.push(r.url());
    });
    await page.focus("#q");
    const cdp = await page.context().newCDPSession(page);
    // pinyin typed, a pause longer than the search's wait (250 ms), no candidate chosen yet
    await cdp.send("Input.imeSetComposition", { text: "zhaoshang", selectionStart: 9, selectionEnd: 9 });
    assert.equal(await page.inputValue("#q"), "zhaoshang");
    await page.waitForTimeout(700);
    assert.equal(new URL(page.url()).searchParams.get("q"), null, "the URL does not take the pinyin");
    assert.equal(await page.locator("#search-results li").count(), 0);
    assert.deepEqual(searched, [], "nothing was searched while composing");
    // the word committed: searched without Enter
    await cdp.send("Input.insertText", { text: "招商引资" });
    await page.waitForURL((u) => u.searchParams.get("q") === "招商引资");
    await searchSettled(page);
    const paths = await resultPaths(page, "/");
    for (const p of containing("招商引资")) assert.ok(paths.includes(p), `${p} not found`);
    await page.close();
  });

  it("searches typed words as soon as their index files are in, and Enter takes that search unless the form changed", async () => {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(`search ahead: ${e.message}`));
    const calls = await countSearches(page);
    const said = pageSays(page);
    const fragments: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(".pf_fragment")) fragments.push(r.url());
    });
    const releasePause = await holdTypingPause(page);
    await page.goto(`${server.url}search/`);
    await page.waitForSelector("#search-app[data-ready]");
    // the search after the pause in typing is held: only a search made ahead can happen
    await page.fill("#q", "招商引资");
    const newest = JSON.stringify(["招商引资", { filters: {}, sort: { date: "desc" } }]);
    const timedOut = (): string => `timed out; the page said: ${said.join(" | ") || "nothing"}`;
    await until(async () => (await calls()).length > 0, timedOut);
    assert.deepEqual(await calls(), [newest], "searched ahead, before the pause");
    // … and the texts of its first results fetched
    await until(() => fragments.length >= 5, timedOut);
    assert.equal(await page.locator("#search-results li").count(), 0, "nothing shown before the search runs");
    await releasePause();
    // the search after the pause (it writes the URL) takes the one made ahead
    await page.waitForURL((u) => u.searchParams.get("q") === "招商引资");
    await searchSettled(page);
    assert.deepEqual(await calls(), [newest], "one search for the typed words");
    const fresh = await search("招商引资");
    assert.deepEqual(await resultPaths(page, "/"), fresh.paths);
    // Enter on the same form: the same search, not made again
    await page.press("#q", "Enter");
    await searchSettled(page);
    assert.deepEqual(await resultPaths(page, "/"), fresh.paths);
    assert.deepEqual(await calls(), [newest], "Enter did not search again");
    assert.equal(new Set(fragments).size, fragments.length, "each text fetched once");
    // the form changed (oldest first): a new search, with the new order
    await page.selectOption("select[name=sort]", "asc");
    await page.waitForURL(/sort=asc/);
    await searchSettled(page);
    const oldest = await search("招商引资", "&sort=asc");
    assert.deepEqual(await resultPaths(page, "/"), oldest.paths);
    assert.notDeepEqual(oldest.paths, fresh.paths);
    assert.deepEqual(await calls(), [newest, JSON.stringify(["招商引资", { filters: {}, sort: { date: "asc" } }])]);
    await Promise.all([page.close(), fresh.page.close(), oldest.page.close()]);
  });

  it("a search link: the shard list, Pagefind's script and the filter counts are asked for at once, and the query's index files before the counts arrive", async () => {
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(`search link: ${e.message}`));
    const asked: string[] = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    const releaseList = await holdRequests(page, "**/pagefind/shards.json");
    const releaseCounts = await holdRequests(page, "**/pagefind/filter-counts.json");
    await page.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}`, { waitUntil: "commit" });
    // the shard list not in yet: Pagefind's script and the filter counts asked for all the same
    await until(
      () => ["/pagefind/shards.json", "/pagefind/pagefind.js", "/pagefind/filter-counts.json"].every((p) => asked.includes(p)),
      () => `Pagefind's script and the filter counts while the shard list is held; asked for: ${asked.join(" ")}`,
    );
    releaseList();
    // the filter counts not in yet: the query's index files asked for all the same
    await until(
      () => asked.some((p) => p.startsWith("/pagefind/index/")),
      () => `an index file while the filter counts are held; asked for: ${asked.join(" ")}`,
    );
    assert.equal(await page.locator("#search-results li").count(), 0);
    releaseCounts();
    await searchSettled(page);
    const fresh = await search("招商引资");
    assert.deepEqual(await resultPaths(page, "/"), fresh.paths);
    assert.ok(fresh.paths.length > 0);
    await Promise.all([page.close(), fresh.page.close()]);
  });

  it("shows hostile-looking text from the index as text", async () => {
    const { page } = await search("开发区");
    assert.equal(await page.locator("#search-results script, #search-results img").count(), 0);
    await page.close();
  });
});

describe("without JavaScript", () => {
  let noJs: BrowserContext;
  before(async () => {
    noJs = await browser.newContext({ javaScriptEnabled: false });
  });
  after(async () => noJs.close());

  it("browses from the home page to a zone, a city, a month and an article", async () => {
    const page = await open("", noJs);
    assert.ok((await page.locator(".latest .entry").count()) > 0);
    await Promise.all([page.waitForURL(/\/zones\/$/), page.click(".site-nav a[href$='/zones/']")]);
    await Promise.all([page.waitForURL(/\/zones\/.+\//), page.locator(".zone-list a").first().click()]);
    assert.ok((await page.locator(".entry").count()) > 0);
    await Promise.all([page.waitForURL(/\/articles\//), page.locator(".entry-title a").first().click()]);
    assert.ok((await page.locator("h1").innerText()).length > 0);
    assert.ok((await page.locator(".article-body p").count()) > 0);
    await Promise.all([page.waitForURL(/\/cities\/.+\//), page.locator(".article-meta a[href*='/cities/']").click()]);
    assert.ok((await page.locator(".zone-facts a").count()) > 0);
    await page.goto(server.url + "years/");
    const months = await page.locator(".calendar td a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!).filter((h) => /\/\d{4}\/\d{2}\/$/.test(h)));
    assert.ok(months.length > 0, "the calendar links to months");
    await Promise.all([page.waitForURL(/\/years\/\d{4}\/\d{2}\//), page.locator(`.calendar td a[href='${months[0]}']`).click()]);
    assert.ok((await page.locator(".entry").count()) > 0);
    await page.close();
  });

  it("lists the undated articles and says search needs JavaScript", async () => {
    const page = await open("undated/", noJs);
    assert.equal(await page.locator(".entry").count(), site.articles.filter((a) => a.record.date === null).length);
    await page.goto(server.url + "search/");
    assert.match(await page.locator(".notice").innerText(), /JavaScript/);
    await page.close();
  });
});

describe("under a base path", () => {
  it("loads every asset, links under the prefix, and searches", async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => pageErrors.push(`prefix: ${e.message}`));
    await page.goto(prefixedServer.url);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(251, 250, 246)");
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(hrefs.every((h) => h.startsWith("/prefix/")), hrefs.filter((h) => !h.startsWith("/prefix/")).join(" "));
    await page.fill(".intro input[name=q]", "扬尘");
    await Promise.all([page.waitForURL(/\/prefix\/search\/\?q=/), page.press(".intro input[name=q]", "Enter")]);
    await searchSettled(page);
    const paths = await resultPaths(page, "/prefix/");
    for (const p of containing("扬尘")) assert.ok(paths.includes(p), p);
    await Promise.all([page.waitForURL(/\/prefix\/articles\//), page.locator("#search-results .entry-title a").first().click()]);
    await page.locator("mark.pagefind-highlight").first().waitFor();
    await page.goto(prefixedServer.url + "no/such/page/");
    assert.equal(await page.locator("h1").innerText(), "页面不存在");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(251, 250, 246)");
    assert.deepEqual(failed.filter((f) => !f.includes("/no/such/page/")), []);
    await page.close();
  });
});

describe("accessibility (axe-core)", () => {
  const pages: [string, string][] = [
    ["home", ""],
    ["article", "ARTICLE"],
    ["browse", "zones/平顶山高新技术产业开发区/"],
    ["calendar", "years/"],
    ["search", `search/?q=${encodeURIComponent("招商引资")}`],
  ];
  for (const scheme of ["light", "dark"] as const) {
    for (const [name, path] of pages) {
      it(`${name} (${scheme}) has no serious or critical violation`, async () => {
        const ctx = await browser.newContext({ colorScheme: scheme });
        const withFigures = site.articles.find((a) => a.record.figures.length > 0 && a.record.source.parts > 1)!;
        const page = await open(path === "ARTICLE" ? `articles/${withFigures.record.id}/` : path, ctx);
        if (name === "search") await searchSettled(page);
        const bad = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
        assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`), []);
        await ctx.close();
      });
    }
  }
});

describe("no script errors", () => {
  it("on any page opened above", () => {
    assert.deepEqual(pageErrors, []);
  });
});
