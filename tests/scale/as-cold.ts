/**
 * What the overlay tests check of a rebuilt site: that its search page finds what the
 * search page of a cold build of the same articles finds.
 */
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { dateSortKey } from "../../src/site/format.ts";
import type { ArticleRecord } from "../../src/types.ts";
import { resultPaths, searchSettled } from "../browser/harness.ts";
import type { StaticServer } from "../browser/static-server.ts";

export interface Found {
  paths: string[];
  status: string;
}

/** The search page's results for a query string (all of them, "more" pressed to the end) and the count it shows; no page error. */
export async function searchOn(browser: Browser, server: StaticServer, query: string): Promise<Found> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}search/?${query}`);
  await searchSettled(page);
  const paths = await resultPaths(page, "/");
  const status = (await page.textContent("#search-status")) ?? "";
  await page.close();
  assert.deepEqual(errors, [], query);
  return { paths, status };
}

/** An article page's path → its id. */
export const idOf = (path: string): string => path.replace(/^\/articles\/|\/$/g, "");

/**
 * The rebuilt site's search finds what the cold build's finds: the same count shown, the same
 * articles, and (unless by relevance) the same dates in order (articles of one day may come in
 * either order). Returns the rebuilt site's results.
 */
export async function findsAsCold(browser: Browser, rebuilt: StaticServer, cold: StaticServer, coldArticles: readonly ArticleRecord[], query: string): Promise<Found> {
  const a = await searchOn(browser, rebuilt, query);
  const b = await searchOn(browser, cold, query);
  assert.equal(a.status, b.status, query);
  assert.deepEqual([...a.paths].sort(), [...b.paths].sort(), `${query}: the same articles`);
  if (!query.includes("relevance")) {
    const byId = new Map(coldArticles.map((r) => [r.id, r]));
    const dates = (paths: string[]) => paths.map((p) => dateSortKey(byId.get(idOf(p))!.date));
    assert.deepEqual(dates(a.paths), dates(b.paths), `${query}: in date order`);
  }
  return a;
}
