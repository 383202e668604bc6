/**
 * The Traditional site in a real browser (Debian's Chromium): the switch both
 * ways on the home page, an article and search, remembered; Traditional and
 * Simplified queries finding the same articles on both sites; nothing of the
 * converters loaded by a reader of the Simplified site; the original of a
 * Traditional article; a site under a base path.
 *
 * One build of the seed articles plus a Big5 article in Traditional
 * characters, at / (its search index in year shards, merged in the browser,
 * as a large archive's is) and at /prefix/.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { build } from "../../src/build.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { axeViolations, launchBrowser, resultPaths, searchSettled, SEED_ARTICLES } from "../browser/harness.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";

const TRADITIONAL = `鄭州經開區招商引資再創新高

本報訊（記者 王小明 通訊員 李文）2月3日，鄭州經濟技術開發區召開招商引資工作會議。

今年1—10月，全區實際利用外資3.2億美元，同比增長12.5%；固定資產投資完成210億元，同比下降3%。

會議強調，要持續優化營商環境，推動項目建設提速增效。浚縣、漯河、鶴壁等地的客商范修芳等人參加了會議。
`;

interface Built {
  outDir: string;
  articles: { record: ArticleRecord }[];
}

let tmp: string;
let site: Built;
let server: StaticServer;
let prefixed: StaticServer;
let browser: Browser;
const pageErrors: string[] = [];

async function fresh(opts: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page; requests: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...opts });
  const page = await ctx.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  return { ctx, page, requests };
}

const hantArticle = () => site.articles.find((a) => a.record.script === "Hant")!;
const enc = encodeURIComponent;

async function searchOn(page: Page, root: string, query: string): Promise<string[]> {
  await page.goto(`${root}search/?q=${enc(query)}`);
  await searchSettled(page);
  return (await resultPaths(page, new URL(root).pathname)).sort();
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "traditional-browser-"));
  const articles = join(tmp, "articles");
  await cp(SEED_ARTICLES, articles, { recursive: true });
  await writeFile(join(articles, "900_traditional_big5.txt"), iconv.encode(TRADITIONAL.replace(/\n/g, "\r\n"), "big5"));
  const built = async (name: string, base: string, maxShardPages?: number): Promise<Built> => {
    const outDir = join(tmp, name);
    const r = await build({ articlesDir: articles, outDir, contentDir: join(tmp, `${name}-content`), base, quiet: true, cacheDir: null, maxShardPages });
    return { outDir, articles: r.articles.map((record) => ({ record })) };
  };
  site = await built("out", "/", 6);
  const pre = await built("out-prefix", "/prefix/");
  server = await startStaticServer(site.outDir, "/");
  prefixed = await startStaticServer(pre.outDir, "/prefix/");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await prefixed?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the switch", () => {
  for (const [name, path] of [
    ["home", () => ""],
    ["an article", () => `articles/${hantArticle().record.id}/`],
    ["search", () => `search/?q=${enc("招商引资")}`],
  ] as const) {
    it(`leads from ${name} to the same page in Traditional and back`, async () => {
      const { ctx, page } = await fresh();
      await page.goto(server.url + path());
      if (name === "search") await searchSettled(page);
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
      const start = new URL(page.url());
      await Promise.all([page.waitForURL(/\/hant\//), page.click("a[data-script-switch]")]);
      const there = new URL(page.url());
      assert.equal(there.pathname, `/hant${start.pathname}`);
      assert.equal(there.search, start.search, "a search stays the same search");
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
      assert.equal(await page.innerText("a[data-script-switch]"), "简体");
      if (name === "search") {
        await searchSettled(page);
        assert.ok((await page.locator("#search-results li").count()) > 0);
      }
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/hant/")), page.click("a[data-script-switch]")]);
      assert.equal(new URL(page.url()).pathname, start.pathname);
      assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
      await ctx.close();
    });
  }

  it("is remembered: a returning reader is sent to their script, without the other showing, and back keeps working", async () => {
    const { ctx, page } = await fresh();
    await page.goto(server.url);
    await Promise.all([page.waitForURL(/\/hant\/$/), page.click("a[data-script-switch]")]);
    // a fresh visit to a Simplified page (a shared link) lands on the Traditional one
    const article = `articles/${hantArticle().record.id}/`;
    const painted: string[] = [];
    await page.exposeFunction("notePaint", (lang: string) => painted.push(lang));
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        if (list.getEntries().length) (window as unknown as { notePaint: (l: string) => void }).notePaint(document.documentElement.lang);
      }).observe({ type: "paint", buffered: true });
    });
    await page.goto(`${server.url}${article}?from=shared#main`);
    await page.waitForURL(/\/hant\/articles\//);
    assert.equal(new URL(page.url()).search, "?from=shared");
    assert.equal(new URL(page.url()).hash, "#main");
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
    await page.waitForTimeout(200);
    assert.ok(!painted.includes("zh-CN"), `the Simplified page was painted: ${painted.join(" ")}`);
    // choosing Simplified again is remembered the other way
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/hant/")), page.click("a[data-script-switch]")]);
    await page.goto(`${server.url}hant/zones/`);
    await page.waitForURL((u) => u.pathname === "/zones/");
    // going back in history is not undone by a redirect
    await page.goBack();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, `/${article}`);
    await ctx.close();
  });

  it("works without JavaScript, as a plain link", async () => {
    const { ctx, page } = await fresh({ javaScriptEnabled: false });
    await page.goto(`${server.url}zones/`);
    await Promise.all([page.waitForURL(/\/hant\/zones\/$/), page.click("a[data-script-switch]")]);
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith("/hant/")), hrefs.filter((h) => !h.startsWith("/hant/")).join(" "));
    await Promise.all([page.waitForURL(/\/hant\/zones\/.+\//), page.locator(".zone-list a").first().click()]);
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
    await ctx.close();
  });
});

describe("search across scripts", () => {
  const pairs: [string, string][] = [
    ["郑州经开区", "鄭州經開區"],
    ["开发区", "開發區"],
    ["招商引资", "招商引資"],
  ];
  for (const [hans, hant] of pairs) {
    it(`${hant} finds what ${hans} finds, on both sites`, async () => {
      const { ctx, page } = await fresh();
      const expected = await searchOn(page, server.url, hans);
      assert.ok(expected.length > 0, `${hans} finds something`);
      assert.deepEqual(await searchOn(page, server.url, hant), expected, "Traditional query, Simplified site");
      assert.deepEqual(await searchOn(page, `${server.url}hant/`, hant), expected, "Traditional query, Traditional site");
      assert.deepEqual(await searchOn(page, `${server.url}hant/`, hans), expected, "Simplified query, Traditional site");
      await ctx.close();
    });
  }

  it("shows results on the Traditional site in Traditional, leading to Traditional pages, with the words marked", async () => {
    const { ctx, page, requests } = await fresh();
    await page.goto(`${server.url}hant/search/?q=${enc("招商引資")}`);
    await searchSettled(page);
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
    // Pagefind loaded the (only) Simplified index and segmented the query: hits are marked
    assert.ok(requests.some((r) => /\/pagefind\/pagefind\.zh-cn_[^/]+\.pf_meta$/.test(r)), requests.join(" "));
    assert.ok(requests.some((r) => /^\/pagefind-shards\/[^/]+\/pagefind\.zh-cn_[^/]+\.pf_meta$/.test(r)), "the other year shards are merged in, in Simplified too");
    const titles = await page.locator("#search-results .entry-title a").allInnerTexts();
    const text = titles.join("") + (await page.locator("#search-results").innerText());
    assert.ok(!/[开发区经济资项]/.test(text), `Simplified characters in the results: ${text.slice(0, 200)}`);
    assert.ok((await page.locator("#search-results mark").allInnerTexts()).some((m) => m.includes("招商引資")));
    const options = await page.locator("select[name=zone] option").allInnerTexts();
    assert.ok(options.some((o) => o.includes("開發區")), options.join(" "));
    await Promise.all([page.waitForURL(/\/hant\/articles\//), page.locator("#search-results .entry-title a").first().click()]);
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hant");
    await page.locator("mark.pagefind-highlight").first().waitFor();
    assert.match(await page.locator("mark.pagefind-highlight").first().innerText(), /招商|引資/);
    await ctx.close();
  });

  it("loads nothing of the converters on the Simplified site, unless a query is in Traditional (then only t2cn)", async () => {
    const { ctx, page, requests } = await fresh();
    await page.goto(server.url);
    await page.goto(`${server.url}articles/${site.articles[0].record.id}/`);
    await page.goto(`${server.url}search/`);
    await page.waitForSelector("#search-app[data-ready]");
    await page.fill("#q", "开发区");
    await page.waitForURL(/q=/);
    await searchSettled(page);
    await page.fill("#q", "招商引资");
    await page.waitForURL(/%E8%B5%84/);
    await searchSettled(page);
    const opencc = () => requests.filter((r) => r.includes("/opencc/"));
    assert.deepEqual(opencc(), [], "a Simplified reader loads no converter");
    await page.fill("#q", "招商引資");
    await page.waitForURL(/%E8%B3%87/);
    await searchSettled(page);
    assert.ok(opencc().some((r) => r.endsWith("/t2cn.js")), opencc().join(" "));
    assert.ok(!opencc().some((r) => r.endsWith("/cn2tw.js")), "the big direction is never needed on the Simplified site");
    await ctx.close();
  });
});

describe("an article written in Traditional characters", () => {
  it("says so and offers its original text, decoded, as plain text", async () => {
    const a = hantArticle();
    assert.ok(a, "the Big5 article was read as Traditional");
    const { ctx, page } = await fresh();
    await page.goto(`${server.url}articles/${a.record.id}/`);
    assert.match(await page.locator(".original-script").innerText(), /繁体字/);
    const link = page.locator(".original-script a");
    const href = (await link.getAttribute("href"))!;
    assert.equal(href, `/originals/${a.record.source.sha256}.txt`);
    const res = await page.request.get(new URL(href, server.url).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"], /^text\/plain/);
    const body = (await res.body()).toString("utf8");
    assert.ok(body.startsWith("\uFEFF"), "a byte-order mark, so browsers read it as UTF-8");
    assert.ok(body.includes("鄭州經開區招商引資再創新高") && body.includes("浚縣、漯河、鶴壁"), body.slice(0, 80));
    // the Traditional page: the same note in Traditional wording, the same original, names right
    await page.goto(`${server.url}hant/articles/${a.record.id}/`);
    assert.match(await page.locator(".original-script").innerText(), /繁體字/);
    assert.equal(await page.locator(".original-script a").getAttribute("href"), href);
    const body2 = await page.locator(".article-body").innerText();
    assert.ok(body2.includes("浚縣、漯河、鶴壁") && body2.includes("范修芳"), body2);
    assert.equal(await page.locator("h1").innerText(), "鄭州經開區招商引資再創新高");
    await ctx.close();
  });
});

describe("Traditional pages", () => {
  it("have no serious accessibility violation (home in both scripts, search)", async () => {
    // axe-core is injected as an inline script, which the pages' CSP forbids
    const { ctx, page } = await fresh({ bypassCSP: true });
    for (const path of ["", "hant/", `hant/search/?q=${enc("開發區")}`]) {
      await page.goto(server.url + path);
      if (path.includes("search")) await searchSettled(page);
      const bad = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${path} ${v.id}: ${v.help}`), []);
    }
    await ctx.close();
  });

  it("work under a base path: switch, links and search stay under /prefix/hant/", async () => {
    const { ctx, page, requests } = await fresh();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(prefixed.url);
    await Promise.all([page.waitForURL(/\/prefix\/hant\/$/), page.click("a[data-script-switch]")]);
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const outside = hrefs.filter((h) => !h.startsWith("/prefix/hant/") && !h.startsWith("/prefix/originals/") && h !== "/prefix/");
    assert.deepEqual(outside, [], "every link stays in the Traditional site (the switch leads to /prefix/)");
    await page.fill(".intro input[name=q]", "鄭州經開區");
    await Promise.all([page.waitForURL(/\/prefix\/hant\/search\/\?q=/), page.press(".intro input[name=q]", "Enter")]);
    await searchSettled(page);
    const paths = await resultPaths(page, "/prefix/hant/");
    assert.ok(paths.includes(`/articles/${hantArticle().record.id}/`), paths.join(" "));
    assert.ok(requests.some((r) => r === "/prefix/assets/opencc/t2cn.js"));
    assert.deepEqual(failed, []);
    await ctx.close();
  });
});

describe("the mirror, as files", () => {
  it("has a Traditional copy of every page, declared zh-Hant, whose links stay in it", async () => {
    const { readdir } = await import("node:fs/promises");
    const pages = (await readdir(site.outDir, { recursive: true }))
      .map(String)
      .filter((f) => f.endsWith(".html") && !f.startsWith("hant/"));
    assert.ok(pages.length > 40);
    const leaks: string[] = [];
    for (const f of pages) {
      const html = await readFile(join(site.outDir, "hant", f), "utf8");
      assert.match(html, /<html lang="zh-Hant">/, f);
      for (const m of html.matchAll(/<a ([^>]*)>/g)) {
        const href = /href="([^"]*)"/.exec(m[1])?.[1];
        // links to pages (not to shared files: data, originals, assets)
        if (!href || !href.startsWith("/") || href.startsWith("/hant/") || !/(\/|\.html)([?#].*)?$/.test(href)) continue;
        if (/data-script-switch/.test(m[1])) continue;
        leaks.push(`${f}: ${href}`);
      }
    }
    assert.deepEqual(leaks.slice(0, 10), []);
  });
});

describe("no script errors", () => {
  it("on any page opened above", () => {
    assert.deepEqual(pageErrors, []);
  });
});
