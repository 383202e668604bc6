/**
 * A year too large for the primary index is cut by month: the seeds plus
 * eight articles of 2024 (one a month, January to August) and one of January
 * 2025, built with at most 5 article pages per Pagefind run, give a primary
 * index of 2025 and 2024's newest four months (2024.05-2025) and a shard of
 * 2024's first four (named 2024). A search in Chromium finds the
 * articles of both, in date order, and the year filters 2024 and 2025 find
 * theirs. A search state from before page heads kept their dates is read
 * again, not taken as pages without months. Then an article of September
 * moves the cut (2024.06-2025, and 2024 with May) on a rebuild: May goes to
 * the 2024 shard's overlay, and searches find what a cold build's find.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "../../src/build.ts";
import { dateSortKey } from "../../src/site/format.ts";
import { indexShards } from "../../src/site/search-shards.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { SEED_ARTICLES, launchBrowser, resultPaths, searchSettled } from "../browser/harness.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";

/** overlays even for these few pages (by default a shard under 200 pages is indexed again whole) */
const OVERLAY = { minPages: 1, share: 0.5 };
const ZONES = ["郑州经济技术开发区", "洛阳高新技术产业开发区", "鹤壁经济技术开发区", "许昌经济技术开发区"];

let tmp: string;
let out: string;
let records: ArticleRecord[];
let server: StaticServer;
let browser: Browser;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "month-shards-"));
  const articles = join(tmp, "articles");
  await cp(SEED_ARTICLES, articles, { recursive: true });
  for (let m = 1; m <= 8; m++) {
    const zone = ZONES[m % ZONES.length];
    await writeFile(
      join(articles, `2024-${m}.md`),
      `---\ndate: "2024-${String(m).padStart(2, "0")}-15"\n---\n# ${zone}${m}月招商引资签约项目${m + 2}个\n\n本报讯 ${m}月，${zone}新签约项目${m + 2}个，总投资${m * 3}.5亿元，招商引资工作稳步推进。\n`,
    );
  }
  await writeFile(join(articles, "2025-1.md"), `---\ndate: "2025-01-15"\n---\n# ${ZONES[0]}一月招商引资开门红\n\n本报讯 1月，${ZONES[0]}新签约项目12个，招商引资实现开门红。\n`);
  out = join(tmp, "site");
  const result = await build({ articlesDir: articles, outDir: out, contentDir: join(tmp, "content"), quiet: true, cacheDir: null, maxShardPages: 5, overlay: OVERLAY });
  records = result.articles;
  server = await startStaticServer(out, "/");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** The shard an article belongs in, from its date alone. */
function shardOf(r: ArticleRecord): string {
  if (r.date === null) return "undated";
  const year = r.date.slice(0, 4);
  if (year === "2025" || (year === "2024" && Number(r.date.slice(5, 7)) >= 5)) return "2024.05-2025";
  if (year === "2024") return "2024";
  return year === "2023" ? "2023" : "2012-2013";
}

test("the year before the newest is cut by month: its newest four months and 2025 are the primary index, the rest a shard listed right after it", async () => {
  const listed = JSON.parse(await readFile(join(out, "pagefind", "shards.json"), "utf8")) as { path: string; label: string; pages: number }[];
  const count = (shard: string): number => records.filter((r) => shardOf(r) === shard).length;
  assert.equal(count("2024.05-2025"), 5);
  assert.equal(count("2024"), 4);
  assert.deepEqual(
    listed.map((s) => [s.path, s.label, s.pages]),
    [
      ["./", "2024.05-2025", 5],
      ["../pagefind-shards/2024/", "2024", 4],
      ["../pagefind-shards/2023/", "2023", count("2023")],
      ["../pagefind-shards/2012-2013/", "2012-2013", count("2012-2013")],
      ["../pagefind-shards/undated/", "undated", count("undated")],
    ],
  );
});

test("sorted by date either way, a search finds the articles of every shard, in date order; by relevance, the same articles", async () => {
  const byId = new Map(records.map((r) => [r.id, r]));
  const found: Record<string, string[]> = {};
  for (const sort of ["", "asc", "relevance"]) {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}${sort ? `&sort=${sort}` : ""}`);
    await searchSettled(page);
    found[sort] = (await resultPaths(page, "/")).map((p) => p.replace(/^\/articles\/|\/$/g, ""));
    assert.equal(await page.textContent("#search-status"), `找到 ${found[sort].length} 篇文章`);
    await page.close();
  }
  const shards = new Set(found[""].map((id) => shardOf(byId.get(id)!)));
  assert.deepEqual([...shards].sort(), ["2012-2013", "2023", "2024", "2024.05-2025", "undated"]);
  for (const sort of ["asc", "relevance"]) assert.deepEqual([...found[sort]].sort(), [...found[""]].sort(), sort);
  for (const [sort, sign] of [["", -1], ["asc", 1]] as const) {
    const dated = found[sort].map((id) => dateSortKey(byId.get(id)!.date)).filter((k) => k !== "0000-00-00");
    for (let i = 1; i < dated.length; i++) assert.ok(sign * (dated[i].localeCompare(dated[i - 1])) >= 0, `${sort || "desc"}: ${dated.join(" ")}`);
  }
  // newest first, 2025's article and then 2024's come first, August to January
  assert.deepEqual(
    found[""].slice(0, 9).map((id) => byId.get(id)!.date),
    ["2025-01-15", "2024-08-15", "2024-07-15", "2024-06-15", "2024-05-15", "2024-04-15", "2024-03-15", "2024-02-15", "2024-01-15"],
  );
});

for (const [year, expected] of [["2024", 8], ["2025", 1]] as const) {
  test(`the year filter ${year} finds its articles in the shards that hold them (2024: both of its shards; 2025: the primary, 2024.05-2025), and no others`, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("招商引资")}&year=${year}`);
    await searchSettled(page);
    const ids = (await resultPaths(page, "/")).map((p) => p.replace(/^\/articles\/|\/$/g, ""));
    await page.close();
    const wanted = records.filter((r) => r.date?.startsWith(year)).map((r) => r.id);
    assert.equal(wanted.length, expected);
    assert.deepEqual([...ids].sort(), [...wanted].sort());
  });
}

test("page heads kept by a build from before they had dates are read again: the next index has the same shards", async () => {
  const statePath = join(tmp, "content", "search-state.json");
  const state = JSON.parse(await readFile(statePath, "utf8")) as { heads: Record<string, unknown[]> };
  const heads = Object.values(state.heads);
  assert.ok(heads.length > 0 && heads.every((h) => h.length === 4), "this build's heads carry dates");
  // as that build kept them: stat, year, filters
  for (const h of heads) h.length = 3;
  await writeFile(statePath, JSON.stringify(state));
  const before = await readFile(join(out, "pagefind", "shards.json"), "utf8");
  await indexShards({ outDir: out, maxPages: 5, contentDir: join(tmp, "content"), cacheDir: null, base: "/" });
  assert.equal(await readFile(join(out, "pagefind", "shards.json"), "utf8"), before);
});

test("an article of a newer month moves the cut on the next build: the months that leave the newest shard go to the 2024 shard's overlay, and searches find what a cold build's find", async () => {
  await writeFile(
    join(tmp, "articles", "2024-9.md"),
    `---\ndate: "2024-09-15"\n---\n# ${ZONES[1]}9月招商引资签约项目11个\n\n本报讯 9月，${ZONES[1]}新签约项目11个，招商引资工作稳步推进。\n`,
  );
  const options = { articlesDir: join(tmp, "articles"), quiet: true, cacheDir: null, maxShardPages: 5, overlay: OVERLAY } as const;
  const result = await build({ ...options, outDir: out, contentDir: join(tmp, "content") });
  const listed = JSON.parse(await readFile(join(out, "pagefind", "shards.json"), "utf8")) as { label: string; pages: number; overlay?: { ids: Record<string, unknown> } }[];
  assert.deepEqual(
    listed.slice(0, 2).map((s) => [s.label, s.pages]),
    [
      ["2024.06-2025", 5],
      ["2024", 5],
    ],
  );
  // May left the newest shard: the 2024 shard kept its index and took May in its overlay
  const rest = result.redone?.shards.find((s) => s.label === "2024");
  assert.equal(rest?.overlay, 1, JSON.stringify(result.redone?.shards));
  assert.equal(Object.keys(listed[1].overlay?.ids ?? {}).length, 1);
  assert.deepEqual(readdirSync(join(out, "pagefind-shards")).sort(), ["2012-2013", "2023", "2024", "undated"]);

  const coldOut = join(tmp, "cold-site");
  await build({ ...options, outDir: coldOut, contentDir: join(tmp, "cold-content") });
  const coldServer = await startStaticServer(coldOut, "/");
  try {
    const byId = new Map(result.articles.map((r) => [r.id, r]));
    for (const query of ["", "&sort=asc", "&sort=relevance", "&year=2024", "&year=2024&sort=asc"]) {
      const found: string[][] = [];
      for (const base of [server.url, coldServer.url]) {
        const page = await browser.newPage();
        await page.goto(`${base}search/?q=${encodeURIComponent("招商引资")}${query}`);
        await searchSettled(page);
        found.push(await resultPaths(page, "/"));
        assert.equal(await page.textContent("#search-status"), `找到 ${found.at(-1)!.length} 篇文章`, query);
        await page.close();
      }
      if (query.includes("relevance")) assert.deepEqual([...found[0]].sort(), [...found[1]].sort(), query);
      else assert.deepEqual(found[0], found[1], query);
      if (query === "") {
        const dates = found[0].slice(0, 10).map((p) => byId.get(p.replace(/^\/articles\/|\/$/g, ""))!.date);
        assert.deepEqual(dates, ["2025-01-15", "2024-09-15", "2024-08-15", "2024-07-15", "2024-06-15", "2024-05-15", "2024-04-15", "2024-03-15", "2024-02-15", "2024-01-15"]);
      }
    }
  } finally {
    await coldServer.close();
  }
});
