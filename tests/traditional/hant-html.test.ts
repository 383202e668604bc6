/**
 * One page → its Traditional copy (src/site/hant-html.ts), on small pages
 * written like the build's own: what is converted, what is never touched,
 * where links lead, at the root and under a base path.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { hansUrl, hantUrl, toHantDocument, type HantPageContext } from "../../src/site/hant-html.ts";
import { batchConverter, mirrorLookup } from "../../src/site/traditional.ts";
import { toHant } from "../../src/site/script.ts";

const PAGES = ["index.html", "zones/index.html", "zones/鹤壁经济技术开发区/index.html", "articles/a-1/index.html", "search/index.html", "404.html", "feed.xml"];

function ctx(base = "/", siteUrl = ""): HantPageContext {
  return { base, siteUrl, mirrored: mirrorLookup(PAGES), convertAll: batchConverter(toHant) };
}

const page = (body: string, head = "", base = "/") => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>鹤壁经济技术开发区 · 开发区报道档案</title>
<meta name="description" content="开发区发展概述">
<link rel="stylesheet" href="${base}assets/site.css">
<link rel="alternate" type="application/atom+xml" href="${base}feed.xml" title="开发区报道档案：最新文章">
<link rel="alternate" hreflang="zh-Hans" href="${base}zones/">
<link rel="alternate" hreflang="zh-Hant" href="${base}hant/zones/">
<script src="${base}assets/script-choice.js"></script>
${head}
</head>
<body>
<header><a class="site-name" href="${base}">开发区报道档案</a>
<a class="script-switch" href="${base}hant/zones/" hreflang="zh-Hant" lang="zh-Hant" data-script-switch data-hant="简体">繁體</a></header>
<main>${body}</main>
<footer><p data-hant="繁體版的說明">简体版的说明</p></footer>
</body>
</html>
`;

describe("a page in Traditional characters", () => {
  it("converts the text and the readable attributes, and declares zh-Hant", () => {
    const out = toHantDocument(
      page(`<h1 title="后来的发展">鹤壁国家经济技术开发区发展概述</h1><img src="/x.png" alt="开发区全景"><input placeholder="输入关键词，如：招商引资" aria-label="搜索文章">`),
      ctx(),
    );
    const $ = cheerio.load(out);
    assert.equal($("html").attr("lang"), "zh-Hant");
    assert.equal($("title").text(), "鶴壁經濟技術開發區 · 開發區報道檔案");
    assert.equal($('meta[name="description"]').attr("content"), "開發區發展概述");
    assert.equal($("h1").text(), "鶴壁國家經濟技術開發區發展概述");
    assert.equal($("h1").attr("title"), "後來的發展");
    assert.equal($("img").attr("alt"), "開發區全景");
    assert.equal($("input").attr("placeholder"), "輸入關鍵詞，如：招商引資");
    assert.equal($("input").attr("aria-label"), "搜索文章");
  });

  it("never touches markup, URLs, code, script, other attributes or text marked as another language", () => {
    const html = page(
      `<p class="开发区" data-pagefind-filter="zone" data-x="开发区">开发区</p>` +
        `<p>来源文件：<code>鹤壁/开发区.txt</code></p>` +
        `<p translate="no">开发区</p><p lang="en">开发区 (development zone)</p>` +
        `<script>const s = "开发区";</script><style>.a::after { content: "开发区"; }</style>`,
      `<meta data-pagefind-filter="zone[content]" content="鹤壁经济技术开发区">`,
    );
    const $ = cheerio.load(toHantDocument(html, ctx()));
    const p = $("main p").first();
    assert.equal(p.attr("class"), "开发区");
    assert.equal(p.attr("data-x"), "开发区");
    assert.equal(p.text(), "開發區");
    assert.equal($("code").text(), "鹤壁/开发区.txt");
    assert.equal($('p[translate="no"]').text(), "开发区");
    assert.equal($('p[lang="en"]').text(), "开发区 (development zone)");
    assert.match($("main script").html()!, /"开发区"/);
    assert.match($("main style").html()!, /"开发区"/);
    assert.equal($('meta[data-pagefind-filter="zone[content]"]').attr("content"), "鹤壁经济技术开发区", "index values stay as indexed");
  });

  it("keeps escapes and entities as they were", () => {
    const out = toHantDocument(page(`<p title="&quot;开发区&quot; &amp; 园区">&lt;script&gt;开发区&amp;园区</p>`), ctx());
    assert.match(out, /<p title="&quot;開發區&quot; &amp; 園區">&lt;script&gt;開發區&amp;園區<\/p>/);
  });

  it("points links to pages at their Traditional copies, and leaves assets, data and the index shared", () => {
    const $ = cheerio.load(
      toHantDocument(
        page(
          `<a id="zone" href="/zones/鹤壁经济技术开发区/">鹤壁</a><a id="enc" href="/zones/%E9%B9%A4%E5%A3%81%E7%BB%8F%E6%B5%8E%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%8C%BA/">鹤壁</a>` +
            `<a id="q" href="/search/?q=开发区&amp;sort=desc#r">搜</a><a id="hash" href="#main">跳</a><a id="data" href="/data/articles.json">数据</a>` +
            `<a id="ext" href="https://example.org/zones/">外</a><a id="missing" href="/no/such/">无</a>` +
            `<a id="orig" href="/originals/abc.txt" hreflang="zh-Hant">原文</a><form id="f" action="/search/"></form>`,
        ),
        ctx(),
      ),
    );
    assert.equal($("#zone").attr("href"), "/hant/zones/鹤壁经济技术开发区/");
    assert.equal($("#enc").attr("href"), "/hant/zones/%E9%B9%A4%E5%A3%81%E7%BB%8F%E6%B5%8E%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%8C%BA/");
    assert.equal($("#q").attr("href"), "/hant/search/?q=开发区&sort=desc#r");
    assert.equal($("#hash").attr("href"), "#main");
    assert.equal($("#data").attr("href"), "/data/articles.json");
    assert.equal($("#ext").attr("href"), "https://example.org/zones/");
    assert.equal($("#missing").attr("href"), "/no/such/");
    assert.equal($("#orig").attr("href"), "/originals/abc.txt");
    assert.equal($("#f").attr("action"), "/hant/search/");
    assert.equal($('link[rel="stylesheet"]').attr("href"), "/assets/site.css");
    assert.equal($("script[src]").attr("src"), "/assets/script-choice.js");
    assert.equal($('link[type="application/atom+xml"]').attr("href"), "/hant/feed.xml");
    assert.equal($(".site-name").attr("href"), "/hant/");
  });

  it("treats the data attributes the site's scripts read as URLs and labels alike", () => {
    const $ = cheerio.load(toHantDocument(page(`<div data-facets data-all="全部" data-all-url="/zones/"><details data-facet="zone" data-label="开发区"></details></div>`), ctx()));
    assert.equal($("[data-facets]").attr("data-all"), "全部");
    assert.equal($("[data-facets]").attr("data-all-url"), "/hant/zones/");
    assert.equal($("details").attr("data-label"), "開發區");
    assert.equal($("details").attr("data-facet"), "zone");
  });

  it("leaves the language alternates alone and turns the switch round, with a Simplified label", () => {
    const $ = cheerio.load(toHantDocument(page(""), ctx()));
    assert.equal($('link[hreflang="zh-Hans"]').attr("href"), "/zones/");
    assert.equal($('link[hreflang="zh-Hant"]').attr("href"), "/hant/zones/");
    const sw = $("a[data-script-switch]");
    assert.equal(sw.attr("href"), "/zones/");
    assert.equal(sw.attr("hreflang"), "zh-Hans");
    assert.equal(sw.attr("lang"), "zh-Hans");
    assert.equal(sw.text(), "简体");
    assert.equal(sw.attr("data-hant"), undefined);
  });

  it("replaces text marked data-hant with the Traditional-site wording", () => {
    const $ = cheerio.load(toHantDocument(page(`<span data-hant="原文為繁體字">原文为<b>繁体</b>字</span>`), ctx()));
    assert.equal($("footer p").text(), "繁體版的說明");
    assert.equal($("main span").text(), "原文為繁體字");
    assert.equal($("[data-hant]").length, 0);
  });

  it("converts JSON-LD's text, points its URL at the copy, and keeps it safe in its <script>", () => {
    const ld = JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: "开发区</script>发展", inLanguage: "zh-CN", url: "/articles/a-1/", author: [{ "@type": "Person", name: "郑秋红" }] }).replace(/</g, "\\u003c");
    const out = toHantDocument(page("", `<script type="application/ld+json">${ld}</script>`), ctx());
    const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(out);
    assert.ok(block, "still one script block with no raw <");
    const data = JSON.parse(block[1]) as Record<string, unknown>;
    assert.equal(data.headline, "開發區</script>發展");
    assert.equal(data.inLanguage, "zh-Hant");
    assert.equal(data.url, "/hant/articles/a-1/");
    assert.equal(data["@type"], "NewsArticle");
    assert.deepEqual(data.author, [{ "@type": "Person", name: "鄭秋紅" }]);
  });

  it("shows the permalink's own URL as the copy's", () => {
    const $ = cheerio.load(toHantDocument(page(`<p>固定链接：<a class="permalink" href="/articles/a-1/">/articles/a-1/</a> / <span>/</span></p>`), ctx()));
    assert.equal($(".permalink").text(), "/hant/articles/a-1/");
    assert.equal($("main span").text(), "/");
  });

  it("works the same under a base path, and with the site's origin known", () => {
    const prefixed = ctx("/prefix/", "https://example.org/prefix/");
    const html = page(`<a id="z" href="/prefix/zones/">开发区</a><a id="abs" href="https://example.org/prefix/articles/a-1/">文</a><a id="other" href="/zones/">外</a>`, "", "/prefix/");
    const $ = cheerio.load(toHantDocument(html, prefixed));
    assert.equal($("#z").attr("href"), "/prefix/hant/zones/");
    assert.equal($("#abs").attr("href"), "https://example.org/prefix/hant/articles/a-1/");
    assert.equal($("#other").attr("href"), "/zones/", "outside the base: not ours");
    assert.equal($(".site-name").attr("href"), "/prefix/hant/");
    assert.equal($("a[data-script-switch]").attr("href"), "/prefix/zones/");
    assert.equal($('link[rel="stylesheet"]').attr("href"), "/prefix/assets/site.css");
    assert.equal(hantUrl("/prefix/hant/zones/", prefixed), "/prefix/hant/zones/", "already a copy");
    assert.equal(hansUrl("/prefix/hant/search/?q=1", prefixed), "/prefix/search/?q=1");
  });

  it("converts the feed: text, category terms, links and its language", () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>开发区报道档案：最新文章</title>
  <link rel="self" href="/feed.xml"/>
  <entry><title>鹤壁发展</title><link rel="alternate" type="text/html" href="/articles/a-1/"/><category term="鹤壁经济技术开发区"/><summary>招商引资</summary></entry>
</feed>`;
    const out = toHantDocument(feed, ctx());
    assert.match(out, /^<\?xml version="1.0" encoding="utf-8"\?>/);
    assert.match(out, /xml:lang="zh-Hant"/);
    assert.match(out, /<title>開發區報道檔案：最新文章<\/title>/);
    assert.match(out, /href="\/hant\/feed.xml"/);
    assert.match(out, /href="\/hant\/articles\/a-1\/"/);
    assert.match(out, /term="鶴壁經濟技術開發區"/);
    assert.match(out, /<summary>招商引資<\/summary>/);
  });
});

describe("hostile text stays text in the copy", () => {
  it("escaped markup, template syntax and quotes in attributes come through escaped", () => {
    const hostile =
      `<h1 title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}{% raw %}标题&lt;img src=x onerror=alert(1)&gt;</h1>` +
      `<p class="kicker">javascript:alert(1)</p><a href="/articles/a-1/">&lt;/a&gt;&lt;script&gt;发展&lt;/script&gt;</a>`;
    const out = toHantDocument(page(hostile), ctx());
    const $ = cheerio.load(out);
    assert.equal($("h1").text(), "<script>alert(1)</script>{{ 7*7 }}{% raw %}標題<img src=x onerror=alert(1)>");
    assert.equal($("h1").attr("title"), '" onmouseover="alert(1)');
    assert.equal($("main script, main img").length, 0);
    assert.equal($("main a").text(), "</a><script>發展</script>");
    $("*").each((_, el) => {
      for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) assert.doesNotMatch(name, /^on/i);
    });
  });
});

describe("the batch converter", () => {
  it("gives each text its own conversion, with repeats remembered", () => {
    let calls = 0;
    const convertAll = batchConverter((s) => {
      calls++;
      return toHant(s);
    });
    assert.deepEqual(convertAll(["开发区", "发展", "头发"]), ["開發區", "發展", "頭髮"]);
    assert.equal(calls, 1, "one conversion for the page");
    assert.deepEqual(convertAll(["开发区", "发展"]), ["開發區", "發展"]);
    assert.equal(calls, 1, "remembered");
    assert.deepEqual(convertAll(["a\u0001b", "后来"]), ["a\u0001b", "後來"]);
  });
});
