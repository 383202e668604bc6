/**
 * The rendered site, asserted on its HTML: built once per suite from the
 * hand-made fixture (tests/fixtures/site-content), at the root and under a base path.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import * as cheerio from "cheerio";
import { prepareOutDir, renderSite } from "../../src/site/render.ts";
import { indexSite } from "../../src/site/search-index.ts";

const FIXTURE = new URL("../fixtures/site-content/", import.meta.url).pathname;
const HEBI = "articles/2013-11-hebijingkaiqu-6af68168/index.html";
const PDS1 = "articles/2023-02-pingdingshangaoxinqu-587a2c5f/index.html";
const LUOHE = "articles/2013-luohejingkaiqu-f636bf5b/index.html";
const UNDATED = "articles/undated-jiaozuoshifanqu-1001574f/index.html";
const HOSTILE = "articles/2020-01-01-hostile-3750b5a1/index.html";

let tmp: string;
let root: string;
let prefixed: string;

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  }
  return out.sort();
}
const read = (dir: string, file: string) => readFile(join(dir, file), "utf8");
const load = async (dir: string, file: string) => cheerio.load(await read(dir, file));

async function build(name: string, base: string, extra: { pageSize?: number; sitemapLimit?: number; articlesPerRun?: number } = {}): Promise<string> {
  const contentDir = join(tmp, `${name}-content`);
  await cp(FIXTURE, contentDir, { recursive: true });
  const outDir = join(tmp, name);
  await renderSite({ contentDir, outDir, base, ...extra });
  await indexSite({ outDir });
  return outDir;
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "site-render-"));
  root = await build("root", "/");
  prefixed = await build("prefixed", "/prefix/");
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("pages written", () => {
  it("writes home, articles, every browse page, feed, sitemap, robots, 404 and search", async () => {
    const all = await files(root);
    for (const f of [
      "index.html",
      "404.html",
      "search/index.html",
      "feed.xml",
      "sitemap.xml",
      "robots.txt",
      "zones/index.html",
      "zones/鹤壁经济技术开发区/index.html",
      "zones/_none/index.html",
      "cities/index.html",
      "cities/焦作市/index.html",
      "years/index.html",
      "years/2013/index.html",
      "years/2013/11/index.html",
      "tags/index.html",
      "tags/招商引资/index.html",
      "undated/index.html",
      "assets/site.css",
      "assets/search.js",
      "assets/article.js",
      "pagefind/pagefind.js",
      "pagefind/pagefind-highlight.js",
      HEBI,
      PDS1,
      UNDATED,
    ]) {
      assert.ok(all.includes(f), `missing ${f}`);
    }
    assert.equal(all.filter((f) => f.startsWith("articles/")).length, 8);
  });

  it("marks every page zh-CN, gives it a title, and has no inline script", async () => {
    for (const f of (await files(root)).filter((f) => f.endsWith(".html"))) {
      const $ = await load(root, f);
      assert.equal($("html").attr("lang"), "zh-CN", f);
      assert.ok($("title").text().trim().length > 0, f);
      $("script").each((_, el) => {
        const s = $(el);
        assert.ok(s.attr("src") || s.attr("type") === "application/ld+json", `inline script in ${f}`);
      });
    }
  });

  it("indexes only the article pages", async () => {
    const entry = JSON.parse(await read(root, "pagefind/pagefind-entry.json"));
    assert.equal(entry.languages["zh-cn"].page_count, 8);
    for (const f of (await files(root)).filter((f) => f.endsWith(".html"))) {
      const bodies = (await load(root, f))("[data-pagefind-body]").length;
      assert.equal(bodies, f.startsWith("articles/") ? 1 : 0, f);
    }
  });
});

describe("an article page", () => {
  it("shows the headline parts, the date with its precision, zone and city linked, bylines by role, publisher", async () => {
    const $ = await load(root, HEBI);
    assert.equal($("h1").text(), "敢想敢干 敢闯敢试 努力实现新突破新跨越");
    assert.equal($(".subtitle").text(), "鹤壁国家经济技术开发区发展概述");
    assert.equal($(".article-meta time").attr("datetime"), "2013-11");
    assert.equal($(".article-meta time").text(), "2013年11月");
    assert.equal($(".article-meta a[href='/zones/鹤壁经济技术开发区/']").text(), "鹤壁经济技术开发区");
    assert.equal($(".article-meta a[href='/cities/鹤壁市/']").text(), "鹤壁市");
    const meta = $(".article-meta").text();
    assert.match(meta, /记者：张心致/);
    assert.match(meta, /通讯员：吴寒寒、汪雷雷/);
    assert.match(meta, /刊载：鹤壁日报/);
    const kicked = await load(root, "articles/2023-02-pingdingshangaoxinqu-e5fa536d/index.html");
    assert.equal(kicked(".kicker").text(), "“拼”字当头 “干”字当先");
  });

  it("says 2013年 and 日期不详 when that is all that is known", async () => {
    assert.equal((await load(root, LUOHE))(".article-meta dd").first().text(), "2013年");
    const $ = await load(root, UNDATED);
    assert.equal($(".article-meta dd").first().text(), "日期不详");
    assert.equal($(".article-meta time").length, 0);
  });

  it("has the body, a table of figures, captions and topic links", async () => {
    const $ = await load(root, HEBI);
    assert.equal($(".article-body p").length, 6);
    const rows = $(".figures tbody tr");
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.eq(1).find("th, td").map((_, c) => $(c).text().trim()).get(),
      ["外贸进出口总额", "1.39亿美元", "+26%", "1—10月", "外贸进出口总额完成1.39亿美元"],
    );
    assert.deepEqual($(".tags a").map((_, a) => $(a).attr("href")).get(), ["/tags/招商引资/", "/tags/项目建设/", "/tags/基础设施/"]);
    assert.match((await load(root, UNDATED))(".captions").text(), /刘昆摄/);
  });

  it("gives the provenance: source file, part n of m, links to the other parts of the page", async () => {
    const $ = await load(root, PDS1);
    assert.match($(".provenance").text(), /002_429d68258cbd63be\.txt/);
    assert.match($(".provenance").text(), /该版面第 1 篇，共 3 篇/);
    assert.deepEqual($(".same-page a").map((_, a) => $(a).attr("href")).get(), [
      "/articles/2023-02-pingdingshangaoxinqu-e5fa536d/",
      "/articles/2023-02-02-pingdingshangaoxinqu-b342aad4/",
    ]);
    assert.equal($(".same-page li").first().attr("value"), "2");
  });

  it("links previous and next within the zone", async () => {
    const $ = await load(root, "articles/2023-02-pingdingshangaoxinqu-e5fa536d/index.html");
    assert.equal($(".prev-next a[rel=prev]").attr("href"), "/articles/2023-02-pingdingshangaoxinqu-587a2c5f/");
    assert.equal($(".prev-next a[rel=next]").attr("href"), "/articles/2023-02-02-pingdingshangaoxinqu-b342aad4/");
    assert.equal((await load(root, HEBI))(".prev-next").length, 0);
  });

  it("ends with a GB/T 7714 citation and a permalink", async () => {
    const $ = await load(root, HEBI);
    assert.equal(
      $(".citation").text(),
      "张心致, 吴寒寒, 汪雷雷. 敢想敢干 敢闯敢试 努力实现新突破新跨越：鹤壁国家经济技术开发区发展概述[N/OL]. 鹤壁日报, 2013-11. /articles/2013-11-hebijingkaiqu-6af68168/.",
    );
    assert.equal($("a.permalink").attr("href"), "/articles/2013-11-hebijingkaiqu-6af68168/");
  });

  it("carries JSON-LD NewsArticle", async () => {
    const $ = await load(root, HEBI);
    const doc = JSON.parse($("script[type='application/ld+json']").text());
    assert.equal(doc["@type"], "NewsArticle");
    assert.equal(doc.headline, "敢想敢干 敢闯敢试 努力实现新突破新跨越");
    assert.equal(doc.datePublished, "2013-11");
    assert.deepEqual(doc.author.map((a: { name: string }) => a.name), ["张心致", "吴寒寒", "汪雷雷"]);
    assert.equal(doc.inLanguage, "zh-CN");
  });

  it("gives Pagefind the headline and body only, with filters, meta and a date sort key", async () => {
    const $ = await load(root, PDS1);
    const body = $("[data-pagefind-body]");
    assert.equal(body.find("h1").length, 1);
    assert.equal(body.find(".article-body p").length, 4);
    assert.ok(body.find(".article-meta").is("[data-pagefind-ignore]"));
    assert.equal(body.find(".figures, .provenance, .cite").length, 0);
    const attr = (sel: string) => $(sel).attr("content");
    assert.equal(attr("meta[data-pagefind-filter='zone[content]']"), "平顶山高新技术产业开发区");
    assert.equal(attr("meta[data-pagefind-filter='city[content]']"), "平顶山市");
    assert.equal(attr("meta[data-pagefind-filter='year[content]']"), "2023");
    assert.equal(attr("meta[data-pagefind-filter='type[content]']"), "高新技术产业开发区");
    assert.equal(attr("meta[data-pagefind-sort='date[content]']"), "2023-02-00");
    const undated = await load(root, UNDATED);
    assert.equal(undated("meta[data-pagefind-sort='date[content]']").attr("content"), "0000-00-00");
    assert.equal(undated("meta[data-pagefind-filter='year[content]']").attr("content"), "日期不详");
  });
});

describe("input is text, never code", () => {
  it("renders script tags, template syntax, event handlers and javascript: links as inert text", async () => {
    const html = await read(root, HOSTILE);
    const $ = cheerio.load(html);
    // the only scripts are the site's own
    assert.deepEqual(
      $("script").map((_, s) => $(s).attr("src") ?? $(s).attr("type")).get(),
      ["/assets/script-choice.js", "application/ld+json", "/assets/article.js"],
    );
    // no element carries an event handler, no link or source goes to javascript:
    $("*").each((_, el) => {
      for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
        assert.doesNotMatch(name, /^on/i, `attribute ${name} on <${(el as { name: string }).name}>`);
      }
    });
    $("[href], [src], [action]").each((_, el) => {
      const v = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action") ?? "";
      assert.doesNotMatch(v, /^\s*javascript:/i);
    });
    assert.equal($("img, svg, b, i").length, 0);
    // the text is there, literally
    assert.equal($("h1").text(), "<script>alert(1)</script>{{ 7*7 }}{% raw %}标题<img src=x onerror=alert(1)>");
    assert.equal($(".kicker").text(), "javascript:alert(1)");
    assert.match($(".article-meta").text(), /<img src=x onerror=alert\(1\)>/);
    assert.match($(".article-meta").text(), /通讯员：\{\{ 7\*7 \}\}/);
    assert.match($(".article-body").text(), /正文里的脚本<script>alert\(1\)<\/script>不能运行，模板 \{\{ 7\*7 \}\} 与 \{% raw %\}/);
    assert.match($(".article-body").text(), /\[点我\]\(javascript:alert\(1\)\)/);
    assert.match($(".captions").text(), /<script>alert\(2\)<\/script> 摄/);
    assert.match($(".figures").text(), /<b>指标<\/b>/);
    assert.doesNotMatch($("main").text(), /\b49\b/);
    // the JSON-LD block cannot be closed early and still says what the page says
    const ld = $("script[type='application/ld+json']").text();
    assert.doesNotMatch(ld, /</);
    assert.equal(JSON.parse(ld).headline, $("h1").text());
  });

  it("keeps hostile text inert in lists, the feed and the search index meta", async () => {
    const $ = await load(root, "index.html");
    assert.equal($("main script, main img").length, 0);
    assert.match($(".latest").text(), /<script>alert\(1\)<\/script>\{\{ 7\*7 \}\}/);
    const feed = await read(root, "feed.xml");
    assert.ok(feed.includes("<title>&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}"));
    assert.equal(feed.match(/<script/g), null);
  });
});

describe("browse pages", () => {
  it("lists zones by city, with the articles that have no zone", async () => {
    const $ = await load(root, "zones/index.html");
    assert.equal($(".zone-list li").length, 5);
    assert.equal($("a[href='/zones/_none/']").length, 1);
    const nz = await load(root, "zones/_none/index.html");
    assert.deepEqual(nz(".entry-title a").map((_, a) => nz(a).attr("href")).get(), ["/articles/2020-01-01-hostile-3750b5a1/"]);
  });

  it("shows a city with the zones in it", async () => {
    const $ = await load(root, "cities/焦作市/index.html");
    assert.deepEqual($(".zone-facts a").map((_, a) => $(a).text()).get().sort(), ["武陟县产业集聚区", "焦作市城乡一体化示范区"].sort());
    assert.equal($(".entry").length, 2);
  });

  it("lists title, date, zone and an excerpt, in date order, sectioned by year", async () => {
    const $ = await load(root, "zones/平顶山高新技术产业开发区/index.html");
    assert.deepEqual($(".entry-title").map((_, h) => $(h).text()).get(), ["聚势争先攀高峰 齐心协力谱新篇", "高新区部署2023年重点任务和项目", "建筑工地扬尘检查"]);
    assert.deepEqual($(".list-section h2").map((_, h) => $(h).text()).get(), ["2023年"]);
    assert.equal($(".entry").first().find("time").text(), "2023年2月");
    assert.match($(".entry-excerpt").first().text(), /^2月2日，高新区主要领导一行赶赴江苏.*……$/);
    const tag = await load(root, "tags/招商引资/index.html");
    assert.match(tag(".entry").first().find(".entry-meta").text(), /武陟县产业集聚区/);
  });

  it("indexes years and months like a calendar and keeps the undated list", async () => {
    const $ = await load(root, "years/index.html");
    const row2013 = $("tbody tr").filter((_, tr) => $(tr).find("th").text().includes("2013年"));
    assert.equal(row2013.find("a[href='/years/2013/11/']").text(), "1");
    assert.equal(row2013.find("td").last().text().trim(), "1"); // 2013 (year only)
    assert.match($("a[href='/undated/']").parent().text(), /1 篇/);
    const und = await load(root, "undated/index.html");
    assert.deepEqual(und(".entry-title a").map((_, a) => und(a).attr("href")).get(), ["/articles/undated-jiaozuoshifanqu-1001574f/"]);
    const month = await load(root, "years/2023/02/index.html");
    assert.equal(month(".entry").length, 3);
  });

  it("shows counts and the latest articles on the home page", async () => {
    const $ = await load(root, "index.html");
    assert.deepEqual($(".stat-list strong").map((_, s) => $(s).text()).get(), ["8", "5", "4", "4"]);
    assert.equal($(".latest .entry").length, 7);
    assert.equal($(".latest .entry-title a").first().attr("href"), "/articles/2023-02-02-pingdingshangaoxinqu-b342aad4/");
    assert.equal($("form.search-form").attr("action"), "/search/");
  });

  it("paginates long lists", async () => {
    const paged = await build("paged", "/", { pageSize: 2 });
    const $ = await load(paged, "zones/平顶山高新技术产业开发区/index.html");
    assert.equal($(".pager a[rel=next]").attr("href"), "/zones/平顶山高新技术产业开发区/page/2/");
    const p2 = await load(paged, "zones/平顶山高新技术产业开发区/page/2/index.html");
    assert.equal(p2(".entry").length, 1);
    assert.equal(p2(".pager a[rel=prev]").attr("href"), "/zones/平顶山高新技术产业开发区/");
    assert.match(p2("title").text(), /第 2 页，共 2 页/);
  });
});

describe("feed, sitemap, robots, 404", () => {
  it("writes an Atom feed of the dated articles, newest first, without build timestamps", async () => {
    const xml = await read(root, "feed.xml");
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
    const $ = cheerio.load(xml, { xml: true });
    assert.equal($("feed").attr("xmlns"), "http://www.w3.org/2005/Atom");
    assert.equal($("entry").length, 7);
    assert.equal($("feed > updated").text(), "2023-02-02T00:00:00Z");
    assert.equal($("entry link").first().attr("href"), "/articles/2023-02-02-pingdingshangaoxinqu-b342aad4/");
    assert.equal($("entry id").first().text(), "urn:zone-press-archive:article:2023-02-02-pingdingshangaoxinqu-b342aad4");
  });

  it("lists every page in the sitemap and says where it is in robots.txt when the origin is known", async () => {
    const $ = cheerio.load(await read(root, "sitemap.xml"), { xml: true });
    const locs = $("loc").map((_, l) => $(l).text()).get();
    assert.ok(locs.includes("/articles/2013-11-hebijingkaiqu-6af68168/"));
    assert.ok(locs.includes("/zones/%E9%B9%A4%E5%A3%81%E7%BB%8F%E6%B5%8E%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%8C%BA/"));
    assert.ok(locs.includes("/undated/"));
    assert.equal(locs.length, new Set(locs).size);
    assert.match(await read(root, "robots.txt"), /^User-agent: \*\nAllow: \/\n$/);
  });

  it("splits a large sitemap into an index and parts", async () => {
    const out = await build("sitemaps", "/prefix/", { sitemapLimit: 20 });
    const index = cheerio.load(await read(out, "sitemap.xml"), { xml: true });
    const parts = index("sitemapindex > sitemap > loc").map((_, l) => index(l).text()).get();
    assert.ok(parts.length >= 2);
    assert.equal(parts[0], "/prefix/sitemap-1.xml");
    let urls = 0;
    for (const part of parts) {
      const $ = cheerio.load(await read(out, part.replace("/prefix/", "")), { xml: true });
      const n = $("urlset > url > loc").length;
      assert.ok(n > 0 && n <= 20);
      urls += n;
    }
    const single = cheerio.load(await read(root, "sitemap.xml"), { xml: true });
    assert.equal(urls, single("loc").length);
  });

  it("uses absolute URLs when the site's origin is given", async () => {
    const contentDir = join(tmp, "abs-content");
    await cp(FIXTURE, contentDir, { recursive: true });
    const outDir = join(tmp, "abs");
    await renderSite({ contentDir, outDir, base: "/prefix/", siteUrl: "https://archive.example.org" });
    assert.match(await read(outDir, "robots.txt"), /Sitemap: https:\/\/archive\.example\.org\/prefix\/sitemap\.xml/);
    const $ = cheerio.load(await read(outDir, "sitemap.xml"), { xml: true });
    assert.equal($("loc").first().text(), "https://archive.example.org/prefix/");
    const a = await load(outDir, HEBI);
    assert.match(a(".citation").text(), /https:\/\/archive\.example\.org\/prefix\/articles\/2013-11-hebijingkaiqu-6af68168\/\.$/);
    assert.equal(a("link[rel=canonical]").attr("href"), "https://archive.example.org/prefix/articles/2013-11-hebijingkaiqu-6af68168/");
  });

  it("has a 404 page whose links work from any depth", async () => {
    const $ = await load(prefixed, "404.html");
    assert.equal($("h1").text(), "页面不存在");
    assert.equal($("link[rel=stylesheet]").attr("href"), "/prefix/assets/site.css");
  });
});

describe("a site under a base path", () => {
  it("prefixes every link, asset and form in every page", async () => {
    for (const f of (await files(prefixed)).filter((f) => f.endsWith(".html"))) {
      const $ = await load(prefixed, f);
      $("[href], [src], [action]").each((_, el) => {
        const v = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action") ?? "";
        if (v.startsWith("/")) assert.ok(v.startsWith("/prefix/"), `${f}: ${v}`);
        else assert.ok(v.startsWith("#") || /^[a-z]+:/.test(v), `${f}: relative link ${v}`);
      });
    }
    const $ = await load(prefixed, HEBI);
    assert.equal($("a.permalink").text(), "/prefix/articles/2013-11-hebijingkaiqu-6af68168/");
    assert.match($(".citation").text(), / \/prefix\/articles\/2013-11-hebijingkaiqu-6af68168\/\.$/);
    assert.equal(JSON.parse($("script[type='application/ld+json']").text()).url, "/prefix/articles/2013-11-hebijingkaiqu-6af68168/");
  });

  it("prefixes the feed, sitemap and scripts' own imports stay relative", async () => {
    const feed = cheerio.load(await read(prefixed, "feed.xml"), { xml: true });
    assert.equal(feed("entry link").first().attr("href"), "/prefix/articles/2023-02-02-pingdingshangaoxinqu-b342aad4/");
    const sm = cheerio.load(await read(prefixed, "sitemap.xml"), { xml: true });
    assert.ok(sm("loc").map((_, l) => sm(l).text()).get().every((u) => u.startsWith("/prefix/")));
    for (const js of ["assets/search.js", "assets/article.js"]) {
      assert.doesNotMatch(await read(prefixed, js), /["'`]\/(pagefind|assets)\//, js);
    }
  });
});

describe("builds", () => {
  it("are byte-identical for the same input, search index included", async () => {
    const again = await build("again", "/");
    const digest = async (dir: string) =>
      Promise.all((await files(dir)).map(async (f) => `${f} ${createHash("sha256").update(await readFile(join(dir, f))).digest("hex")}`));
    assert.deepEqual(await digest(again), await digest(root));
  });

  it("are the same when Eleventy makes the article pages in batches (3 per run) as in one run", async () => {
    const batched = await build("batched", "/", { articlesPerRun: 3 });
    const digest = async (dir: string) =>
      Promise.all((await files(dir)).map(async (f) => `${f} ${createHash("sha256").update(await readFile(join(dir, f))).digest("hex")}`));
    assert.deepEqual(await digest(batched), await digest(root));
  });

  it("leave nothing of an earlier build behind, and never empty a folder they did not write", async () => {
    const out = join(tmp, "stale");
    await prepareOutDir(out);
    await mkdir(join(out, "articles", "gone"), { recursive: true });
    await writeFile(join(out, "articles", "gone", "index.html"), "old");
    await prepareOutDir(out);
    assert.deepEqual(await files(out), [".zone-archive"]);
    const foreign = join(tmp, "foreign");
    await mkdir(foreign);
    await writeFile(join(foreign, "keep.txt"), "mine");
    await assert.rejects(prepareOutDir(foreign), /not empty/);
    assert.equal(await readFile(join(foreign, "keep.txt"), "utf8"), "mine");
  });
});
