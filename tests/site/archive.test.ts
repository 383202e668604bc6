import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildArchive, sitemapFiles, type ArchiveEntry } from "../../src/site/archive.ts";
import { coerceDate, toRecord } from "../../src/site/record.ts";
import { jsonForScript, newsArticle } from "../../src/site/jsonld.ts";
import { loadStrings } from "../../src/site/strings.ts";
import type { ArticleRecord, Zone } from "../../src/types.ts";

const s = loadStrings("zh-CN");

const zone = (name: string, city: string, type: Zone["type"] = "经济技术开发区"): Zone => ({
  name,
  shortName: name.slice(0, 4),
  type,
  level: "国家级",
  city,
  county: null,
});
const HEBI = zone("鹤壁经济技术开发区", "鹤壁市");
const JIAOZUO = zone("焦作市城乡一体化示范区", "焦作市", "城乡一体化示范区");
const WUZHI = zone("武陟县产业集聚区", "焦作市", "产业集聚区");

function entry(id: string, date: string | null, z: Zone | null, extra: Partial<ArticleRecord> = {}): ArchiveEntry {
  return {
    record: {
      id,
      url: `/articles/${id}/`,
      title: `标题${id}`,
      kicker: null,
      subtitle: null,
      date,
      dateSource: date ? "explicit" : null,
      zone: z,
      authors: [],
      publisher: null,
      script: "Hans",
      source: { file: `${id}.txt`, sha256: "", part: 1, parts: 1 },
      figures: [],
      tags: [],
      chars: 10,
      ...extra,
    },
    captions: [],
    url: `/articles/${id}/`,
    excerpt: "",
  };
}

const page = (file: string, part: number, parts: number) => ({ source: { file, sha256: "", part, parts } });

const ENTRIES: ArchiveEntry[] = [
  entry("h2", "2013-11-20", HEBI, { tags: ["招商引资"] }),
  entry("h1", "2013-11", HEBI, { tags: ["招商引资", "项目建设"] }),
  entry("h3", "2014", HEBI),
  entry("h0", null, HEBI),
  entry("j1", null, JIAOZUO, { tags: ["项目建设"] }),
  entry("w1", "2012-12-05", WUZHI, page("p.txt", 2, 3)),
  entry("w2", "2012-12-05", WUZHI, page("p.txt", 1, 3)),
  entry("x1", "2012-12", null, page("p.txt", 3, 3)),
];

describe("the archive model", () => {
  const a = buildArchive(ENTRIES, s, { pageSize: 2 });

  it("orders every article by date then id, undated last", () => {
    assert.deepEqual(
      a.entries.map((e) => e.record.id),
      ["x1", "w1", "w2", "h1", "h2", "h3", "h0", "j1"],
    );
  });

  it("counts what the archive holds", () => {
    assert.deepEqual(a.stats, { articles: 8, zones: 3, cities: 2, years: 3, undated: 2 });
  });

  it("lists the latest dated articles newest first", () => {
    assert.deepEqual(a.latest.map((e) => e.record.id).slice(0, 3), ["h3", "h2", "h1"]);
    assert.ok(a.latest.every((e) => e.record.date !== null));
  });

  it("groups zones by city and gives each city its zones", () => {
    const jiaozuo = a.cities.find((c) => c.name === "焦作市")!;
    assert.deepEqual(jiaozuo.zones.map((z) => z.name).sort(), ["武陟县产业集聚区", "焦作市城乡一体化示范区"].sort());
    assert.equal(jiaozuo.count, 3);
    assert.equal(a.zones.find((z) => z.name === HEBI.name)!.url, "/zones/鹤壁经济技术开发区/");
    assert.deepEqual(a.noZone.map((e) => e.record.id), ["x1"]);
  });

  it("builds a calendar of years and months, with the year-only articles apart", () => {
    const y2013 = a.years.find((y) => y.year === 2013)!;
    assert.equal(y2013.months[10].count, 2);
    assert.equal(y2013.months[10].url, "/years/2013/11/");
    assert.equal(y2013.months[0].url, null);
    const y2014 = a.years.find((y) => y.year === 2014)!;
    assert.equal(y2014.yearOnly, 1);
    assert.ok(y2014.months.every((m) => m.count === 0));
  });

  it("never hides the undated articles", () => {
    assert.deepEqual(a.undated.map((e) => e.record.id), ["h0", "j1"]);
    const undatedPages = a.listPages.filter((p) => p.kind === "undated");
    assert.deepEqual(undatedPages.flatMap((p) => p.sections.flatMap((s) => s.entries.map((e) => e.record.id))), ["h0", "j1"]);
    assert.ok(a.pageUrls.includes("/undated/"));
  });

  it("links previous and next within the zone, chronologically", () => {
    assert.equal(a.nav.h1.prev, null);
    assert.equal(a.nav.h1.next!.record.id, "h2");
    assert.equal(a.nav.h2.prev!.record.id, "h1");
    assert.equal(a.nav.h3.next!.record.id, "h0");
    assert.equal(a.nav.h0.next, null);
    assert.equal(a.nav.x1.prev, null);
  });

  it("finds the other articles cut from the same page, by part", () => {
    assert.deepEqual(a.nav.w1.samePage.map((e) => e.record.id), ["w2", "x1"]);
    assert.deepEqual(a.nav.h1.samePage, []);
  });

  it("paginates browse pages and sections them by year or month", () => {
    const hebi = a.listPages.filter((p) => p.kind === "zone" && p.zone!.name === HEBI.name);
    assert.deepEqual(hebi.map((p) => p.url), ["/zones/鹤壁经济技术开发区/", "/zones/鹤壁经济技术开发区/page/2/"]);
    assert.equal(hebi[0].nextUrl, "/zones/鹤壁经济技术开发区/page/2/");
    assert.equal(hebi[1].prevUrl, "/zones/鹤壁经济技术开发区/");
    assert.deepEqual(hebi[1].sections.map((x) => x.heading), ["2014年", "日期不详"]);
    const y2013 = a.listPages.find((p) => p.kind === "year" && p.url === "/years/2013/")!;
    assert.deepEqual(y2013.sections.map((x) => x.heading), ["2013年11月"]);
    const y2014 = a.listPages.find((p) => p.url === "/years/2014/")!;
    assert.deepEqual(y2014.sections.map((x) => x.heading), ["2014年（月份不详）"]);
    assert.ok(a.listPages.some((p) => p.url === "/years/2013/11/"));
    assert.ok(a.listPages.some((p) => p.url === "/tags/招商引资/"));
    assert.ok(a.listPages.some((p) => p.url === "/zones/_none/"));
  });

  it("comes out the same whatever order the records arrive in", () => {
    const shuffled = [...ENTRIES].reverse();
    const b = buildArchive(shuffled, s, { pageSize: 2 });
    const shape = (x: typeof a) => ({
      pages: x.listPages.map((p) => [p.url, p.heading, p.sections.map((sec) => [sec.heading, sec.entries.map((e) => e.record.id)])]),
      zones: x.zones.map((z) => [z.name, z.slug, z.entries.map((e) => e.record.id)]),
      cities: x.cities.map((c) => [c.name, c.zones.map((z) => z.name)]),
      nav: Object.entries(x.nav).map(([id, n]) => [id, n.prev?.record.id, n.next?.record.id, n.samePage.map((e) => e.record.id)]).sort(),
      urls: x.pageUrls,
    });
    assert.deepEqual(shape(b), shape(a));
  });

  it("splits a large sitemap into an index and files of at most the limit", () => {
    assert.deepEqual(sitemapFiles(["/a/", "/b/"], 5), [{ url: "/sitemap.xml", kind: "urlset", urls: ["/a/", "/b/"] }]);
    const split = sitemapFiles(["/1/", "/2/", "/3/"], 2);
    assert.deepEqual(split.map((f) => [f.url, f.kind, f.urls.length]), [
      ["/sitemap.xml", "index", 2],
      ["/sitemap-1.xml", "urlset", 2],
      ["/sitemap-2.xml", "urlset", 1],
    ]);
  });

  it("handles ten thousand articles in well under a second", () => {
    const many: ArchiveEntry[] = [];
    for (let i = 0; i < 10_000; i++) {
      const z = [HEBI, JIAOZUO, WUZHI][i % 3];
      many.push(entry(`a${i}`, i % 7 === 0 ? null : `20${10 + (i % 12)}-${String((i % 12) + 1).padStart(2, "0")}`, z, page(`f${i % 2000}.txt`, (i % 5) + 1, 5)));
    }
    const t0 = performance.now();
    const big = buildArchive(many, s);
    assert.equal(big.stats.articles, 10_000);
    assert.ok(performance.now() - t0 < 1500, `took ${performance.now() - t0} ms`);
  });
});

describe("records read back from front matter", () => {
  it("turns what YAML made of a date back into the record's text", () => {
    assert.equal(coerceDate(new Date(Date.UTC(2013, 10, 20))), "2013-11-20");
    assert.equal(coerceDate(2013), "2013");
    assert.equal(coerceDate("2013-11"), "2013-11");
    assert.equal(coerceDate("November"), null);
    assert.equal(coerceDate(null), null);
  });
  it("never trusts a field's type", () => {
    const r = toRecord({ title: 42, zone: { name: "" }, authors: [{ name: "甲" }, "x"], tags: ["a", "a", 3], figures: [{ value: "1" }] }, "file-id");
    assert.equal(r.id, "file-id");
    assert.equal(r.title, "42");
    assert.equal(r.zone, null);
    assert.deepEqual(r.authors, [{ name: "甲", role: "作者" }]);
    assert.deepEqual(r.tags, ["a", "3"]);
    assert.equal(r.figures[0].value, null);
    assert.equal(r.source.file, "file-id");
  });
});

describe("JSON-LD", () => {
  it("describes a NewsArticle and cannot break out of its <script>", () => {
    const r = entry("x", "2013-11", HEBI, {
      title: "</script><script>alert(1)</script>",
      authors: [{ name: "<img onerror=x>", role: "记者" }],
      publisher: "鹤壁日报",
    }).record;
    const text = jsonForScript(newsArticle(r, { url: "/articles/x/", lang: "zh-CN", siteName: "档案" }));
    assert.doesNotMatch(text, /[<>&]/);
    const doc = JSON.parse(text);
    assert.equal(doc["@type"], "NewsArticle");
    assert.equal(doc.headline, "</script><script>alert(1)</script>");
    assert.equal(doc.datePublished, "2013-11");
    assert.equal(doc.publisher.name, "鹤壁日报");
    assert.equal(doc.about.name, HEBI.name);
    assert.equal(doc.author[0].name, "<img onerror=x>");
  });
});

describe("list page addresses", () => {
  it("a year's list pages never take a month's address (a year of 1,000+ articles has a page 10)", () => {
    const many = Array.from({ length: 1100 }, (_, i) => entry(`y${String(i).padStart(4, "0")}`, `2022-${String((i % 12) + 1).padStart(2, "0")}-01`, HEBI));
    const archive = buildArchive(many, s, { pageSize: 100 });
    const urls = archive.listPages.map((p) => p.url);
    assert.equal(new Set(urls).size, urls.length, "every list page has its own address");
    assert.ok(urls.includes("/years/2022/page/10/"), "the year's page 10");
    assert.ok(urls.includes("/years/2022/10/"), "October");
  });
});
