/**
 * Figures on the built site, in a real browser (Debian's Chromium): the
 * indicators pages, filtering to one zone (with and without JavaScript),
 * following a figure to its sentence on the article page, the zone page's
 * charts and their tables, and the downloads. One build, under a base path,
 * of the five seeds plus the fixture articles of tests/figures/fixtures
 * (a zone with figures over several years).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, chmod, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, buildSite, launchBrowser, SEED_ARTICLES, type BuiltSite } from "../browser/harness.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "articles");
const BASE = "/prefix/";
const HEBI = "鹤壁经济技术开发区";

let tmp: string;
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${path}: ${e.message}`));
  // the pages must keep to the site's Content Security Policy (no inline script or style)
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) pageErrors.push(`${path}: ${m.text()}`);
  });
  await page.goto(server.url + path.replace(/^\//, ""));
  return page;
}

const html = async (path: string) => cheerio.load(await readFile(join(site.outDir, decodeURIComponent(path), "index.html"), "utf8"));

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "figures-site-"));
  const articles = join(tmp, "articles");
  await cp(SEED_ARTICLES, articles, { recursive: true });
  await cp(FIXTURES, articles, { recursive: true });
  for (const name of await readdir(articles)) await chmod(join(articles, name), 0o644);
  site = await buildSite(articles, join(tmp, "out"), join(tmp, "content"), BASE);
  server = await startStaticServer(site.outDir, BASE);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the indicators pages", () => {
  it("list every canonical indicator, with the downloads, in the site's navigation", async () => {
    const $ = await html("indicators");
    const names = $(".indicator-index th[scope=row] a").map((_, a) => $(a).text()).get();
    for (const n of ["固定资产投资", "规模以上工业增加值", "主营业务收入", "外贸进出口总额", "一般公共预算收入"]) assert.ok(names.includes(n), `${n} in ${names.join(" ")}`);
    assert.deepEqual($(".downloads a").map((_, a) => $(a).attr("href")).get(), ["/prefix/data/figures.csv", "/prefix/data/figures.json"]);
    assert.equal($(".site-nav a[aria-current]").attr("href"), "/prefix/indicators/");
    assert.match($("a[href='/prefix/indicators/_uncertain/']").text(), /待核数据 \d+ 条/);
  });

  it("filters to one zone with the menu, then follows a figure to its sentence on the article page", async () => {
    const page = await open("indicators/固定资产投资/");
    assert.ok(await page.locator("[data-facet-form]").isVisible(), "the menus show with JavaScript");
    const rowsBefore = await page.locator(".figure-table tbody tr").count();
    const value = await page.locator("select[data-facet=zone] option", { hasText: HEBI }).getAttribute("value");
    assert.ok(value);
    await Promise.all([page.waitForURL(/\/zone\//), page.selectOption("select[data-facet=zone]", value)]);
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), `${BASE}indicators/固定资产投资/zone/${HEBI}/`);
    assert.equal(await page.locator("h1").textContent(), `固定资产投资 · ${HEBI}`);
    const rows = page.locator(".figure-table tbody tr");
    assert.ok((await rows.count()) < rowsBefore, "fewer figures than for every zone");
    assert.ok((await page.locator("select[data-facet=zone] option:checked").textContent())?.startsWith(HEBI), "the menu says where we are");
    // every figure of the zone page is this zone's
    assert.deepEqual(await page.locator("details strong[aria-current=page]").allTextContents(), [HEBI]);

    const quote = "固定资产投资完成63.4亿元，同比增长21.7%";
    const link = page.locator(".figure-table td.quote a", { hasText: quote });
    const href = await link.getAttribute("href");
    assert.match(href ?? "", /^\/prefix\/articles\/2012-11-16-[a-z]+-[0-9a-f]{8}\/#fig-\d+$/);
    await Promise.all([page.waitForURL(/#fig-\d+$/), link.click()]);
    const target = await page.evaluate(() => {
      const el = document.querySelector(":target");
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { tag: el.tagName, id: el.id, text: el.textContent, inBody: !!el.closest(".article-body"), top: r.top, bottom: r.bottom, height: innerHeight, bg: getComputedStyle(el).backgroundColor };
    });
    assert.ok(target, "the link has a target on the article page");
    assert.equal(`#${target.id}`, new URL(page.url()).hash);
    assert.equal(target.tag, "MARK");
    assert.equal(target.text, quote);
    assert.ok(target.inBody, "the sentence in the article's text, not the table");
    assert.ok(target.top >= 0 && target.bottom <= target.height, `scrolled into view (${target.top}–${target.bottom} of ${target.height})`);
    assert.notEqual(target.bg, "rgba(0, 0, 0, 0)", "the targeted sentence is highlighted");
    await page.close();
  });

  it("filters without JavaScript: the zone, city and year lists are links", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await open("indicators/固定资产投资/", noJs);
    assert.equal(await page.locator("[data-facet-form]").isVisible(), false, "no dead menus without JavaScript");
    await page.locator("summary", { hasText: "按开发区" }).click();
    await Promise.all([page.waitForURL(/\/zone\//), page.locator(".facet-links a", { hasText: HEBI }).click()]);
    assert.equal(await page.locator("h1").textContent(), `固定资产投资 · ${HEBI}`);
    await page.locator("summary", { hasText: "按年份" }).click();
    await Promise.all([page.waitForURL(/\/year\/2012\//), page.locator(".facet-links a", { hasText: "2012年" }).click()]);
    const periods = await page.locator(".figure-table td.period").allTextContents();
    assert.ok(periods.length > 0 && periods.every((p) => p.startsWith("2012")), periods.join(" "));
    await noJs.close();
  });

  it("shows uncertain figures as such, and plans as plans", async () => {
    const u = await html("indicators/_uncertain");
    assert.ok(u(".figure-table tr.uncertain").length >= 4, "seed 000's four growths");
    assert.match(u(".figure-table").first().text(), /同比分别增长20%、18%、27%、26%/);
    assert.ok(u(".flag-uncertain").length >= 4);
    const $ = await html(`indicators/固定资产投资/zone/${HEBI}`);
    const plan = $(".figure-table tr.target");
    assert.equal(plan.length, 1);
    assert.match(plan.text(), /力争全年固定资产投资突破110亿元/);
    assert.match(plan.find(".flag-target").text(), /目标/);
  });
});

describe("a zone page's charts", () => {
  it("draws a chart per indicator with two or more dated points, with a table of the same numbers beside it", async () => {
    const $ = await html(`zones/${HEBI}`);
    const charts = $(".zone-charts figure.chart");
    assert.deepEqual(charts.map((_, c) => $(c).find("figcaption a").first().text()).get(), ["主营业务收入", "规模以上工业增加值", "固定资产投资", "外贸进出口总额"]);
    charts.each((_, c) => {
      const svg = $(c).find("svg");
      assert.equal(svg.attr("role"), "img");
      const [titleId, descId] = (svg.attr("aria-labelledby") ?? "").split(" ");
      assert.ok($(c).find(`title#${titleId}`).text() && $(c).find(`desc#${descId}`).text());
      const points = svg.find("circle.chart-point title").map((_, t) => $(t).text()).get();
      const table = $(c).find("table tbody tr").map((_, tr) => `${$(tr).find("th").text()}：${$(tr).find("td").first().text()}`).get();
      assert.deepEqual([...points].sort(), [...table].map((r) => r + $(c).find("thead th").eq(1).text()).sort(), "the table holds the chart's numbers");
    });
    const fai = charts.filter((_, c) => $(c).find("figcaption a").first().text() === "固定资产投资");
    assert.deepEqual(fai.find("tbody th").map((_, th) => $(th).text()).get(), ["2011年1—10月", "2011年", "2012年1—10月", "2013年1—10月", "2013年", "2014年1—4月"]);
    assert.deepEqual(fai.find("tbody td.num:nth-of-type(1)").map((_, td) => $(td).text()).get(), ["52.1", "68.9", "63.4", "75.7", "90.2", "31.5"]);
    assert.equal(fai.find("path.chart-line").length, 2, "1—10月 and 年度 are lines; 1—4月 is a single point");
    assert.equal($(".zone-charts [style], .zone-charts script").length, 0, "no inline styles or scripts");
    // only the zone's first page, only zones with something to draw
    const jz = await html("zones/焦作市城乡一体化示范区");
    assert.equal(jz(".zone-charts").length, 0, "an undated zone has no dated points");
  });

  it("looks right in the browser and passes axe", async () => {
    const page = await open(`zones/${HEBI}/`);
    const box = await page.locator(".zone-charts svg").first().boundingBox();
    assert.ok(box && box.width > 300 && box.height > 120, `the chart is drawn at a readable size (${JSON.stringify(box)})`);
    await page.close();
    // axe is injected as an inline script: only this context lets it past the site's CSP
    const axeCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    for (const path of [`zones/${HEBI}/`, "indicators/固定资产投资/", "indicators/"]) {
      const p = await open(path, axeCtx);
      const bad = (await axeViolations(p)).filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad, [], path);
      await p.close();
    }
    await axeCtx.close();
  });
});

describe("downloads", () => {
  it("figures.csv and figures.json hold the same figures as articles.json, linked to their sentences", async () => {
    const csv = await readFile(join(site.outDir, "data", "figures.csv"));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const json = JSON.parse(await readFile(join(site.outDir, "data", "figures.json"), "utf8")) as Record<string, unknown>[];
    const total = site.articles.reduce((n, a) => n + a.record.figures.length, 0);
    assert.equal(json.length, total);
    assert.equal(csv.toString("utf8").split("\r\n").length - 2, total + json.filter((r) => String(r.quote).includes("\n")).length);
    const row = json.find((r) => r.quote === "固定资产投资完成63.4亿元，同比增长21.7%")!;
    assert.equal(row.canonical, "固定资产投资");
    assert.equal(row.baseValue, 6_340_000_000);
    assert.equal(row.periodStart, "2012-01");
    const $ = await html(String(row.url).slice(BASE.length));
    assert.equal($(`#fig-${row.n}`).text(), row.quote, "url#fig-n is the sentence");
  });
});

after(() => assert.deepEqual(pageErrors, []));
