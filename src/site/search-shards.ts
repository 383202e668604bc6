/**
 * The search index in shards, so that memory stays bounded as the archive
 * grows: Pagefind's time and memory grow faster than the page count for
 * Chinese (10k pages 31–44 s and 4–5 GB here; 20k 107 s and 7.8 GB), so a
 * 100k archive cannot be indexed in one run on this machine. Article pages
 * are grouped by year into shards (see planShards), each indexed alone, two
 * at a time; the browser merges them with Pagefind's mergeIndex. The newest
 * years are a small shard of their own and the primary index in pagefind/:
 * a search sorted newest first shows its first results from it alone. The
 * others go to pagefind-shards/<years>/; pagefind/shards.json lists them all
 * (shardManifest). A shard whose articles, templates and base did not
 * change since the last build is copied from the shard cache instead of
 * being indexed again.
 */
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { availableParallelism } from "node:os";
import * as pagefind from "pagefind";
import type { IndexTask } from "./index-worker.ts";
import { unescapeHtml } from "./figure-marks.ts";
import { widenChunkRanges } from "./pagefind-meta.ts";
import { siteVersion } from "./render-plan.ts";
import { runTask } from "../workers.ts";
import { CONTENT_STATE, fileStamp, isStringRecord, putState, readState, takeState } from "../state-file.ts";

export interface ShardPlan {
  /** years it holds, e.g. "2005-2009", "2013", "undated" */
  label: string;
  /** article pages, relative to the site folder, e.g. articles/<id>/index.html */
  pages: string[];
}

export interface PageYear {
  path: string;
  year: string | null;
}

/**
 * The newest years, up to this many pages, are one small shard of their own: the primary
 * index, which is all that a search sorted newest first (the search page's default) loads
 * before its first results are on screen, and the one a new article's rebuild re-indexes.
 * Pagefind's search time grows with the pages a query matches: at 10k articles, 招商引资
 * took 60–100 ms on the newest year alone (436 pages) and 90–190 ms on the newest two (928).
 */
export const RECENT_PAGES = 500;

/**
 * Group pages by year into shards: everything in one while it fits in maxPages; else the
 * newest years first (at most recentPages, unless the newest year alone is larger; and
 * more than a quarter of that where the limit allows, so that a new year's first few
 * articles do not make a newest shard too small to fill a page of results), then the
 * older years packed into shards of at most maxPages and about equal size (a single year
 * larger than that is one shard), in order, then the undated.
 */
export function planShards(pages: readonly PageYear[], maxPages: number, recentPages = RECENT_PAGES): ShardPlan[] {
  recentPages = Math.min(recentPages, maxPages);
  if (pages.length === 0) return [];
  if (pages.length <= maxPages) return [{ label: "all", pages: pages.map((p) => p.path).sort() }];
  const byYear = new Map<string, string[]>();
  for (const p of pages) {
    const y = p.year && /^\d{4}$/.test(p.year) ? p.year : "undated";
    const list = byYear.get(y) ?? [];
    list.push(p.path);
    byYear.set(y, list);
  }
  const dated = [...byYear.keys()].filter((y) => y !== "undated").sort();
  const labelOf = (ys: string[]): string => (ys.length === 1 ? ys[0] : `${ys[0]}-${ys[ys.length - 1]}`);
  const shardOf = (ys: string[]): ShardPlan => ({ label: labelOf(ys), pages: ys.flatMap((y) => byYear.get(y)!).sort() });
  // the newest years
  let cut = dated.length;
  let recentCount = 0;
  while (cut > 0) {
    const n = byYear.get(dated[cut - 1])!.length;
    const fits = recentCount + n <= recentPages || (recentCount < recentPages / 4 && recentCount + n <= maxPages);
    if (cut < dated.length && !fits) break;
    recentCount += n;
    cut--;
  }
  const older = dated.slice(0, cut);
  const shards: ShardPlan[] = cut < dated.length ? [shardOf(dated.slice(cut))] : [];
  // the older years: as few shards as the limit allows, of about the same size (they are indexed two at a time)
  const olderCount = older.reduce((n, y) => n + byYear.get(y)!.length, 0);
  const target = Math.ceil(olderCount / Math.max(1, Math.ceil(olderCount / maxPages)));
  let current: { years: string[]; pages: number } | null = null;
  for (const y of older) {
    const n = byYear.get(y)!.length;
    // a year goes to the next shard when this one would pass the limit, or pass the target by more than half the year
    if (current && (current.pages + n > maxPages || current.pages + n / 2 > target)) {
      shards.push(shardOf(current.years));
      current = null;
    }
    current ??= { years: [], pages: 0 };
    current.years.push(y);
    current.pages += n;
  }
  if (current) shards.push(shardOf(current.years));
  if (byYear.has("undated")) shards.push(shardOf(["undated"]));
  return shards;
}

/**
 * The shards as the search page reads them (pagefind/shards.json): newest first, the undated
 * last, so a search sorted newest first takes them in this order and one sorted oldest first in
 * the reverse (where the undated come first, as Pagefind sorts them in one index). Paths are
 * relative to pagefind/; the first shard is pagefind/ itself.
 */
export interface ShardEntry {
  path: string;
  label: string;
  pages: number;
}

export function shardManifest(plan: readonly ShardPlan[]): ShardEntry[] {
  if (plan.length === 0) return [];
  const entry = (s: ShardPlan, n: number): ShardEntry => ({ path: n === 0 ? "./" : `../pagefind-shards/${s.label}/`, label: s.label, pages: s.pages.length });
  const entries = plan.map(entry);
  const [primary, ...rest] = entries;
  const undated = rest.filter((e) => e.label === "undated");
  const older = rest.filter((e) => e.label !== "undated").reverse();
  return [primary, ...older, ...undated];
}

const YEAR_META = /data-pagefind-filter="year\[content\]"\s+content="([^"]*)"/u;
const FILTER_META = /data-pagefind-filter="([\w-]+)\[content\]"\s+content="([^"]*)"/gu;

/** Counts of the article pages per filter value: { zone: { 鹤壁…: 12 }, year: { … } }. */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * The start of a page, far enough to hold its <head> and the opening of its indexed part
 * (article pages: ~4 KB in); the whole page when that is not enough. Reading every article
 * page whole (400 MB at 10k) only to find its year took seconds.
 */
function readHead(path: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(32 * 1024);
    const bytesRead = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString("utf8");
    if (bytesRead < buf.length || text.includes("data-pagefind-body")) return text;
    return readFileSync(path, "utf8");
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** What an article page's head says for the index: its year and its filters; kept by the page's stat. */
type PageHead = [stat: string, year: string | null, filters: [name: string, value: string][]];

/**
 * A page file's stamp (src/state-file.ts); null when it is not a file. No window for recent
 * changes: the pages are this build's own output, written before their heads are read, and
 * the next write of a page comes with another build.
 */
function pageStat(path: string): string | null {
  return fileStamp(path, 0);
}

/**
 * The article pages with their years, the filter counts added to `counts`. A page whose
 * stat is as in `known` (the last build's heads) is not read again: at 10k articles,
 * reading every page's head took about 1 s, its stat 0.1 s. `heads` gets every page's head.
 */
function articlePages(site: string, counts: FilterCounts = {}, known: Record<string, PageHead> = {}, heads: Record<string, PageHead> = {}): PageYear[] {
  const dir = join(site, "articles");
  if (!existsSync(dir)) return [];
  const out: PageYear[] = [];
  for (const id of readdirSync(dir).sort()) {
    const path = join("articles", id, "index.html");
    const stat = pageStat(join(site, path));
    if (stat === null) continue;
    let head: PageHead | null = known[path]?.[0] === stat ? known[path] : null;
    if (head === null) {
      const html = readHead(join(site, path));
      if (html === null || !html.includes("data-pagefind-body")) continue;
      const filters: [string, string][] = [];
      for (const m of html.slice(0, html.indexOf("</head>") >>> 0).matchAll(FILTER_META)) filters.push([m[1], unescapeHtml(m[2])]);
      head = [stat, YEAR_META.exec(html)?.[1] ?? null, filters];
    }
    heads[path] = head;
    out.push({ path, year: head[1] });
    for (const [name, value] of head[2]) {
      const values = (counts[name] ??= Object.create(null) as Record<string, number>);
      values[value] = (values[value] ?? 0) + 1;
    }
  }
  return out;
}

/** The last build's page heads, if the state has them in the expected shape. */
function knownHeads(state: Partial<SearchState> | null): Record<string, PageHead> {
  const h = state?.heads;
  if (typeof h !== "object" || h === null || Array.isArray(h)) return {};
  const out: Record<string, PageHead> = Object.create(null) as Record<string, PageHead>;
  for (const [path, v] of Object.entries(h)) {
    if (Array.isArray(v) && v.length === 3 && typeof v[0] === "string" && (typeof v[1] === "string" || v[1] === null) && Array.isArray(v[2]) && v[2].every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === "string" && typeof f[1] === "string")) out[path] = v;
  }
  return out;
}

/** Pagefind's version: with the site's code and templates (siteVersion), what else decides a shard's content. */
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL("../../node_modules/pagefind/package.json", import.meta.url), "utf8")) as { version: string }).version;

export interface ShardOptions {
  outDir: string;
  /** the most pages one Pagefind run indexes */
  maxPages: number;
  /** the normalised Markdown: what each shard's pages say (for the shard cache) */
  contentDir?: string;
  /** where indexed shards are kept between builds; null: no cache */
  cacheDir?: string | null;
  /** base path: part of the cache key */
  base?: string;
}

export interface ShardResult {
  label: string;
  pages: number;
  /** copied from the cache, not indexed */
  cached: boolean;
  seconds: number;
}

/** The digest of each article's Markdown, as the build wrote it (CONTENT_STATE), or null. */
async function contentDigests(contentDir: string | undefined): Promise<Record<string, string> | null> {
  if (!contentDir) return null;
  return readState<Record<string, string>>(join(contentDir, CONTENT_STATE), isStringRecord);
}

async function shardKey(shard: ShardPlan, opts: ShardOptions, site: string, digests: Record<string, string> | null): Promise<string> {
  const h = createHash("sha256").update(siteVersion({ pagefind: PAGEFIND_VERSION })).update(opts.base ?? "/").update(shard.label);
  for (const page of shard.pages) {
    const id = page.split("/")[1];
    const known = digests?.[`${id}.md`];
    if (known) {
      h.update(page).update(known);
      continue;
    }
    const md = opts.contentDir ? join(opts.contentDir, "articles", `${id}.md`) : join(site, page);
    h.update(page).update(await readFile(md).catch(() => Buffer.from("missing")));
  }
  return h.digest("hex").slice(0, 24);
}

export async function indexOne(site: string, shard: ShardPlan, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // pages go to Pagefind a few at a time: it parses them on several threads (measured at 1k
    // pages: adding 3.4–3.8 s one by one, 2.6–3.1 s with all in flight)
    // pages are sent in order (the index does not depend on which read finished first)
    const inFlight = new Set<Promise<void>>();
    for (const page of shard.pages) {
      const content = await readFile(join(site, page), "utf8");
      const added: Promise<void> = index.addHTMLFile({ url: `/${page.replace(/index\.html$/u, "")}`, content }).then((r) => {
        if (r.errors.length) throw new Error(`Pagefind could not index ${page}: ${r.errors.join("; ")}`);
      });
      inFlight.add(added);
      void added.finally(() => inFlight.delete(added)).catch(() => {});
      if (inFlight.size >= 16) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close(); // one Pagefind process at a time: its memory is freed between shards
  }
  await widenChunkRanges(outputPath);
}

/** Index one shard in a worker thread (its own Pagefind process). */
function indexInWorker(site: string, shard: ShardPlan, outputPath: string): Promise<void> {
  return runTask<void>(new URL("./index-worker.ts", import.meta.url), { site, shard, outputPath } satisfies IndexTask, "a search-index worker");
}

/** Pagefind runs at once: two where there are two cores (each run is mostly one core; memory is bounded by the shard size). */
export function parallelRuns(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** Which index is in which output folder, kept beside the content: a rebuild leaves unchanged shards where they are. */
interface SearchState {
  outputs: Record<string, string>;
  /** each article page's head as last read (articlePages) */
  heads?: Record<string, PageHead>;
}
const STATE_FILE = "search-state.json";

/** Index the site's article pages in year shards; returns one line per shard. */
export async function indexShards(opts: ShardOptions): Promise<{ pages: number; shards: ShardResult[] }> {
  const site = resolve(opts.outDir);
  const counts: FilterCounts = {};
  const statePath = opts.contentDir ? join(opts.contentDir, STATE_FILE) : null;
  // none while indexing: an interrupted run is followed by a full one
  const last: SearchState = (statePath ? await takeState<SearchState>(statePath, (s: Partial<SearchState>) => isStringRecord(s.outputs)) : null) ?? { outputs: {} };
  const state: SearchState = { outputs: {}, heads: {} };
  const plan = planShards(articlePages(site, counts, knownHeads(last), state.heads), opts.maxPages);
  const outputOf = (n: number, shard: ShardPlan): string => (n === 0 ? "pagefind" : `pagefind-shards/${shard.label}`);
  // shard folders of the last build that this plan has no use for
  const wantedShards = new Set(plan.slice(1).map((s) => s.label));
  for (const name of await readdir(join(site, "pagefind-shards")).catch(() => [] as string[])) {
    if (!wantedShards.has(name)) await rm(join(site, "pagefind-shards", name), { recursive: true, force: true });
  }
  if (plan.length === 0) await rm(join(site, "pagefind"), { recursive: true, force: true });

  const results: ShardResult[] = new Array(plan.length);
  const digests = await contentDigests(opts.contentDir);
  const toIndex: { n: number; shard: ShardPlan; outputPath: string; cached: string | null; t0: number }[] = [];
  for (const [n, shard] of plan.entries()) {
    const t0 = performance.now();
    const rel = outputOf(n, shard);
    const outputPath = join(site, rel);
    const key = opts.cacheDir || statePath ? await shardKey(shard, opts, site, digests) : null;
    const cached = key && opts.cacheDir ? join(resolve(opts.cacheDir), key) : null;
    if (key) state.outputs[rel] = key;
    if (key && last.outputs[rel] === key && existsSync(join(outputPath, "pagefind-entry.json"))) {
      // the same pages as last time, already in place
      results[n] = { label: shard.label, pages: shard.pages.length, cached: true, seconds: (performance.now() - t0) / 1000 };
    } else if (cached && existsSync(join(cached, "pagefind-entry.json"))) {
      await rm(outputPath, { recursive: true, force: true });
      await cp(cached, outputPath, { recursive: true });
      const now = new Date();
      await utimes(cached, now, now); // recently used: kept by the pruning below
      results[n] = { label: shard.label, pages: shard.pages.length, cached: true, seconds: (performance.now() - t0) / 1000 };
    } else {
      toIndex.push({ n, shard, outputPath, cached, t0 });
    }
  }
  // the shards to index, two at a time (one in this thread when there is only one)
  let next = 0;
  let failed = false;
  const runner = async (): Promise<void> => {
    while (next < toIndex.length && !failed) {
      const t = toIndex[next++];
      if (toIndex.length === 1) await indexOne(site, t.shard, t.outputPath);
      else await indexInWorker(site, t.shard, t.outputPath);
      if (t.cached) {
        await rm(t.cached, { recursive: true, force: true });
        await mkdir(dirname(t.cached), { recursive: true });
        await cp(t.outputPath, t.cached, { recursive: true });
      }
      results[t.n] = { label: t.shard.label, pages: t.shard.pages.length, cached: false, seconds: (performance.now() - t.t0) / 1000 };
    }
  };
  // the first failure stops the other runner taking more shards
  await Promise.all(
    Array.from({ length: Math.min(parallelRuns(), toIndex.length) }, () =>
      runner().catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    ),
  );
  if (plan.length === 0) {
    // no article yet: an empty index, so the search page still loads
    await indexOne(site, { label: "all", pages: [] }, join(site, "pagefind"));
  }
  await writeFile(join(site, "pagefind", "shards.json"), `${JSON.stringify(shardManifest(plan))}\n`);
  // the filter choices and their counts, as pagefind.filters() would give them once every
  // shard's filter files were loaded: the search page reads this small file instead
  await writeFile(join(site, "pagefind", "filter-counts.json"), `${JSON.stringify(sortedCounts(counts))}\n`);
  if (plan.length <= 1) await rm(join(site, "pagefind-shards"), { recursive: true, force: true });
  if (opts.cacheDir) await pruneCache(resolve(opts.cacheDir), 200);
  if (statePath) await putState(statePath, state);
  return { pages: results.reduce((n, r) => n + r.pages, 0), shards: results };
}

function sortedCounts(counts: FilterCounts): FilterCounts {
  const out: FilterCounts = {};
  for (const f of Object.keys(counts).sort()) {
    out[f] = {};
    for (const v of Object.keys(counts[f]).sort()) out[f][v] = counts[f][v];
  }
  return out;
}

/** Keep the shard cache bounded: the most recently written entries stay. */
async function pruneCache(dir: string, keep: number): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length <= keep) return;
  const dated = entries.map((e) => ({ e, t: statSync(join(dir, e)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { e } of dated.slice(keep)) await rm(join(dir, e), { recursive: true, force: true });
}
