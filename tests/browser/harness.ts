/**
 * Shared pieces of the browser tests: Debian's Chromium through playwright-core,
 * a real build of the seed articles into a temporary folder, and what those
 * articles say (to know which of them a search must find).
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import YAML from "yaml";
import { build } from "../../src/build.ts";
import { markdownToText } from "../../src/site/format.ts";
import type { ArticleRecord } from "../../src/types.ts";

export const SEED_ARTICLES = new URL("../../articles/", import.meta.url).pathname;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface BuiltArticle {
  record: ArticleRecord;
  /** what Pagefind indexes: kicker, headline, subtitle and body, as plain text */
  text: string;
}

export interface BuiltSite {
  outDir: string;
  contentDir: string;
  articles: BuiltArticle[];
  /** by the site-relative URL without the base, /articles/<id>/ */
  byPath: Map<string, BuiltArticle>;
}

/** Runs the real build (normalise → Eleventy → Pagefind) on a folder of raw articles. */
export async function buildSite(articlesDir: string, outDir: string, contentDir: string, base = "/"): Promise<BuiltSite> {
  await build({ articlesDir, outDir, contentDir, base, quiet: true });
  const articles: BuiltArticle[] = [];
  for (const name of (await readdir(join(contentDir, "articles"))).sort()) {
    if (!name.endsWith(".md")) continue;
    const raw = await readFile(join(contentDir, "articles", name), "utf8");
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
    if (!m) throw new Error(`no front matter in ${name}`);
    const record = YAML.parse(m[1]) as ArticleRecord;
    const body = m[2].split(/\n\s*\n/).map(markdownToText).join("\n");
    articles.push({ record, text: [record.kicker, record.title, record.subtitle, body].filter(Boolean).join("\n") });
  }
  return { outDir, contentDir, articles, byPath: new Map(articles.map((a) => [`/articles/${a.record.id}/`, a])) };
}

/** axe-core's browser bundle, injected into a page under test. */
export const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol: an injected <script> would be inline, which the site's CSP refuses
  await page.evaluate(await readFile(AXE_PATH, "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/**
 * Counts the searches the page asks Pagefind for: a module in front of the site's
 * pagefind.js passes every call through and records each search's words and options.
 * Call before the page is opened; the returned function reads the calls so far, as JSON.
 */
export async function countSearches(page: Page): Promise<() => Promise<string[]>> {
  await page.route("**/pagefind/pagefind.js", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: [
        `import * as real from "./pagefind.js?real";`,
        `export * from "./pagefind.js?real";`,
        `globalThis.searches = [];`,
        `export const search = (term, options) => { globalThis.searches.push(JSON.stringify([term, options])); return real.search(term, options); };`,
      ].join("\n"),
    }),
  );
  return () => page.evaluate(() => (globalThis as unknown as { searches: string[] }).searches);
}

/**
 * Holds the search page's wait after typing (its 250 ms timer, templates/assets/search.js)
 * until the returned function is called: a test can then look at what the page did before
 * the pause ended, whatever the machine's speed. Every other timer runs as usual (Pagefind's
 * own poll on timers, so stopping the page's whole clock can stall it). A held timer that
 * the page clears does not run. Call before the page is opened.
 */
export async function holdTypingPause(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const realSet = window.setTimeout.bind(window);
    const realClear = window.clearTimeout.bind(window);
    const held = new Map<number, () => void>();
    let next = 0;
    window.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      if (ms !== 250) return realSet(fn, ms, ...args);
      const id = -++next;
      held.set(id, () => fn(...args));
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (typeof id === "number" && id < 0) held.delete(id);
      else realClear(id);
    }) as typeof window.clearTimeout;
    (globalThis as unknown as { releaseTypingPause: () => void }).releaseTypingPause = () => {
      const due = [...held.values()];
      held.clear();
      for (const run of due) run();
    };
  });
  return () => page.evaluate(() => (globalThis as unknown as { releaseTypingPause: () => void }).releaseTypingPause());
}

/**
 * Holds the requests matching `glob` until the returned function is called; `seen` is told of
 * each as it is held.
 */
export async function holdRequests(page: Page, glob: string, seen: (url: string) => void = () => {}): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(glob, async (route) => {
    seen(route.request().url());
    await released;
    await route.continue();
  });
  return release;
}

/** The page's console warnings and errors as they come, for a failure's message. */
export function pageSays(page: Page): string[] {
  const said: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") said.push(m.text());
  });
  return said;
}

/** Polls `done` every 50 ms; fails with `failure()` after 15 s. */
export async function until(done: () => boolean | Promise<boolean>, failure: () => string): Promise<void> {
  for (let i = 0; !(await done()); i++) {
    assert.ok(i < 300, failure());
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the search page has run the search in its URL or form. */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForSelector("#search-app[data-ready]");
  await page.waitForFunction(() => {
    const s = document.getElementById("search-status")?.textContent ?? "";
    return s !== "" && !s.includes("……");
  });
}

/**
 * Waits until the search page shows more than `before` results and is not loading any:
 * results are shown one by one as they load, and the list is aria-busy until the page's last.
 */
export async function pageShown(page: Page, before = 0): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll("#search-results li").length > n && !document.getElementById("search-results")!.hasAttribute("aria-busy"),
    before,
  );
}

/** The result links on the search page, all of them (pressing "more" until there is none). */
export async function resultPaths(page: Page, base: string): Promise<string[]> {
  while (await page.locator("#search-more").isVisible()) {
    const before = await page.locator("#search-results li").count();
    await page.click("#search-more");
    await pageShown(page, before);
  }
  const hrefs = await page.locator("#search-results .entry-title a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((h) => {
    const path = decodeURIComponent(h.split("?")[0]);
    if (!path.startsWith(base)) throw new Error(`result ${path} is outside ${base}`);
    return `/${path.slice(base.length)}`;
  });
}
