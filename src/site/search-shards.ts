/**
 * The search index in shards, so that memory stays bounded as the archive
 * grows: Pagefind's time and memory grow faster than the page count for
 * Chinese (10k pages 31–44 s and 4–5 GB here; 20k 107 s and 7.8 GB), so a
 * 100k archive cannot be indexed in one run on this machine. Article pages
 * are grouped by year into shards (see planShards), each indexed alone, two
 * at a time; the browser merges them with Pagefind's mergeIndex. The newest
 * years (or, where a year is too large, its newest months) are a small shard
 * of their own and the primary index in pagefind/: a search sorted newest
 * first shows its first results from it alone. The others go to
 * pagefind-shards/<label>/; pagefind/shards.json lists them all
 * (shardManifest). A shard whose articles, templates and base did not
 * change since the last build is left in place, or copied from the shard
 * cache, instead of being indexed again; one of which only a few pages
 * changed keeps its index, and those pages are indexed apart into its
 * overlay (see Overlay, makeOverlay).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, utimes, writeFile } from "node:fs/promises";
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { availableParallelism } from "node:os";
import * as pagefind from "pagefind";
import type { IndexTask } from "./index-worker.ts";
import { unescapeHtml } from "./figure-marks.ts";
import { readPagefindFile, rechunkIndex } from "./pagefind-meta.ts";
import { siteVersion } from "./render-plan.ts";
import { groupBy } from "./group.ts";
import { runTask } from "../workers.ts";
import { CONTENT_STATE, fileStamp, isPlainObject, isStringRecord, putState, readState, takeState } from "../state-file.ts";

export interface ShardPlan {
  /**
   * what it holds: years (e.g. "2005-2009", "2013"), "undated", "all", or where the newest
   * shard cuts a year, that shard's months: "2025.12", "2025.11-2026" (and the rest of that
   * year is the shard named by the year: "2025")
   */
  label: string;
  /** article pages, relative to the site folder, e.g. articles/<id>/index.html */
  pages: string[];
}

export interface PageYear {
  path: string;
  year: string | null;
  /** the page's date sort key (YYYY-MM-DD, 00 for what the date does not say); the month decides where a year is cut */
  date?: string | null;
}

/**
 * The newest articles, up to this many pages, are one small shard of their own: the primary
 * index, which is all that a search sorted newest first (the search page's default) loads
 * before its first results are on screen, and the one a new article's rebuild re-indexes.
 * Pagefind's search time grows with the pages a query matches: at 10k articles, 招商引资
 * took 60–100 ms on the newest year alone (436 pages) and 90–190 ms on the newest two (928).
 * At 100k articles a year is about 4,700 pages, so there the primary holds the newest months.
 */
export const RECENT_PAGES = 500;

/** The month a page's date falls in, "00" when the date gives only its year (or no sort key is known). */
function monthOf(p: PageYear, year: string): string {
  return p.date && p.date.startsWith(`${year}-`) && /^\d{4}-\d{2}/.test(p.date) ? p.date.slice(5, 7) : "00";
}

/**
 * Group pages into shards: everything in one while it fits in maxPages; else the newest
 * first, then the older years packed into shards of at most maxPages and about equal size
 * (a single year larger than that is one shard), in order, then the undated.
 *
 * The newest shard takes whole years, newest first, while they fit in recentPages. A year
 * that does not fit is cut by month, when the shard is still less than a quarter of
 * recentPages (or empty): its newest months go in while they fit in recentPages, or while the
 * shard is under that quarter and within maxPages (so that a new month's or year's first few
 * articles do not make a newest shard too small to fill a page of results), and the rest of
 * that year is a shard of its own, unless it is under that quarter too (then the year goes in
 * whole, within maxPages). The newest shard always holds the newest month; where pages give
 * no month, it holds the newest year, however large.
 */
export function planShards(pages: readonly PageYear[], maxPages: number, recentPages = RECENT_PAGES): ShardPlan[] {
  recentPages = Math.min(recentPages, maxPages);
  if (pages.length === 0) return [];
  if (pages.length <= maxPages) return [{ label: "all", pages: pages.map((p) => p.path).sort() }];
  const byYear = groupBy(pages, (p) => (p.year && /^\d{4}$/.test(p.year) ? p.year : "undated"));
  const dated = [...byYear.keys()].filter((y) => y !== "undated").sort();
  const paths = (ps: readonly PageYear[]): string[] => ps.map((p) => p.path).sort();
  const labelOf = (ys: string[]): string => (ys.length === 1 ? ys[0] : `${ys[0]}-${ys[ys.length - 1]}`);
  const shardOf = (ys: string[]): ShardPlan => ({ label: labelOf(ys), pages: paths(ys.flatMap((y) => byYear.get(y)!)) });
  const fits = (count: number, n: number): boolean => count + n <= recentPages || (count < recentPages / 4 && count + n <= maxPages);
  // the newest whole years
  let cut = dated.length;
  let recentCount = 0;
  while (cut > 0 && recentCount + byYear.get(dated[cut - 1])!.length <= recentPages) recentCount += byYear.get(dated[--cut])!.length;
  // then the year before, whole or its newest months, while the newest shard is small
  // (from, to: the oldest and newest month the newest shard takes)
  let split: { year: string; from: string; to: string; newest: PageYear[]; rest: PageYear[] } | null = null;
  if (cut > 0 && (cut === dated.length || recentCount < recentPages / 4)) {
    const year = dated[cut - 1];
    const months = groupBy(byYear.get(year)!, (p) => monthOf(p, year));
    const newestFirst = [...months.keys()].sort().reverse();
    let k = 0;
    while (k < newestFirst.length && ((cut === dated.length && k === 0) || fits(recentCount, months.get(newestFirst[k])!.length))) {
      recentCount += months.get(newestFirst[k++])!.length;
    }
    const rest = newestFirst.slice(k).flatMap((m) => months.get(m)!);
    // a rest too small to be worth a shard of its own goes in too, within maxPages
    if (k > 0 && rest.length < recentPages / 4 && recentCount + rest.length <= maxPages) k = newestFirst.length;
    if (k === newestFirst.length) cut--; // the whole year
    else if (k > 0) split = { year, from: newestFirst[k - 1], to: newestFirst[0], newest: newestFirst.slice(0, k).flatMap((m) => months.get(m)!), rest };
  }
  const older = dated.slice(0, split ? cut - 1 : cut);
  const shards: ShardPlan[] = [];
  if (split) {
    const after = dated.slice(cut);
    const to = after.length ? after[after.length - 1] : `${split.year}.${split.to}`;
    const from = `${split.year}.${split.from}`;
    shards.push({ label: from === to ? from : `${from}-${to}`, pages: paths([...split.newest, ...after.flatMap((y) => byYear.get(y)!)]) });
  } else if (cut < dated.length) shards.push(shardOf(dated.slice(cut)));
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
  // the rest of a year cut by month, newer than every older shard, named by its year alone: when
  // the cut moves, the months that leave the newest shard join a shard of the same name, which
  // keeps its index and takes them in its overlay (see Overlay) rather than being indexed again
  if (split) shards.push({ label: split.year, pages: paths(split.rest) });
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
  /** the shard's pages that changed since it was indexed, indexed apart (see Overlay) */
  overlay?: Overlay;
}

/**
 * A shard's overlay: after a rebuild that changed a few of a shard's pages, only those are
 * indexed, into a small index of their own (path, relative to pagefind/), and the shard's
 * index stays as it was. The search page merges the overlay in with the shard's filter,
 * leaves out the shard's results whose Pagefind ids are in `mask` (the old copies of the
 * changed pages, and pages no longer in the shard), and puts each of the overlay's results
 * in its place by date. The next full index of the shard (when the overlay grows past
 * OVERLAY_SHARE of it, or the templates change) folds it in.
 *
 * `ids`: each overlay page's Pagefind id → [the shard index's pages dated before it, those
 * dated no later than it]. Sorted by date, Pagefind scores a result by its page's place in
 * its index's date order (0 the oldest; negated for oldest first), so the search page tells
 * from the scores alone where an overlay result goes, without reading any page's date.
 */
export interface Overlay {
  path: string;
  ids: Record<string, OverlayPlace>;
  mask: string[];
}

/** [pages of the shard's index dated before the overlay page, pages dated no later] */
export type OverlayPlace = [number, number];

export function shardManifest(plan: readonly ShardPlan[], overlays: ReadonlyMap<string, Overlay> = new Map()): ShardEntry[] {
  if (plan.length === 0) return [];
  const entry = (s: ShardPlan, n: number): ShardEntry => {
    const e: ShardEntry = { path: n === 0 ? "./" : `../pagefind-shards/${s.label}/`, label: s.label, pages: s.pages.length };
    const overlay = overlays.get(s.label);
    if (overlay) e.overlay = overlay;
    return e;
  };
  const entries = plan.map(entry);
  const [primary, ...rest] = entries;
  const undated = rest.filter((e) => e.label === "undated");
  const older = rest.filter((e) => e.label !== "undated").reverse();
  return [primary, ...older, ...undated];
}

const YEAR_META = /data-pagefind-filter="year\[content\]"\s+content="([^"]*)"/u;
const DATE_SORT_META = /data-pagefind-sort="date\[content\]"\s+content="([^"]*)"/u;
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

/** What an article page's head says for the index: its year, its filters and its date sort key; kept by the page's stat. */
type PageHead = [stat: string, year: string | null, filters: [name: string, value: string][], date: string | null];

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
      head = [stat, YEAR_META.exec(html)?.[1] ?? null, filters, DATE_SORT_META.exec(html)?.[1] ?? null];
    }
    heads[path] = head;
    out.push({ path, year: head[1], date: head[3] });
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
  if (!isPlainObject(h)) return {};
  const out: Record<string, PageHead> = Object.create(null) as Record<string, PageHead>;
  for (const [path, v] of Object.entries(h)) {
    if (Array.isArray(v) && v.length === 4 && typeof v[0] === "string" && (typeof v[1] === "string" || v[1] === null) && Array.isArray(v[2]) && v[2].every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === "string" && typeof f[1] === "string") && (typeof v[3] === "string" || v[3] === null)) out[path] = v as PageHead;
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
  /** when changes to a shard go to an overlay (default: OVERLAY_MIN_PAGES, OVERLAY_SHARE) */
  overlay?: OverlayLimits;
}

export interface ShardResult {
  label: string;
  pages: number;
  /** copied from the cache, or left in place: not indexed */
  cached: boolean;
  /** the pages indexed apart, in the shard's overlay (the shard's own index was kept) */
  overlay?: number;
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

/** What a page's HTML was when it was indexed: a digest, so that a later build can tell which pages changed. */
export type PageDigests = Record<string, string>;

function pageDigest(html: string): string {
  return createHash("sha256").update(html).digest("base64url").slice(0, 22);
}

/** Index the shard's pages into outputPath; returns the digest of each page as it was indexed. */
export async function indexOne(site: string, shard: ShardPlan, outputPath: string): Promise<PageDigests> {
  const digests: PageDigests = {};
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // pages go to Pagefind a few at a time: it parses them on several threads (measured at 1k
    // pages: adding 3.4–3.8 s one by one, 2.6–3.1 s with all in flight)
    // pages are sent in order (the index does not depend on which read finished first)
    const inFlight = new Set<Promise<void>>();
    for (const page of shard.pages) {
      const content = await readFile(join(site, page), "utf8");
      digests[page] = pageDigest(content);
      const added: Promise<void> = index.addHTMLFile({ url: pageUrl(page), content }).then((r) => {
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
  await rechunkIndex(outputPath);
  return digests;
}

/**
 * Copies a folder of index files (a shard into the cache, or back into a site) as hard links where
 * both are on one file system, else as copies. Index files are never written in place once made:
 * a shard indexed again is written into a folder emptied first (indexOne), and the files written
 * into an index folder later (shards.json, filter-counts.json) are not in the cache. So a file the
 * site and the cache share never changes under either. Links make no new files: on this machine
 * (ext4, where making files costs most) the 13,240 index files of the 10k bench took 0.19 s to
 * link, against 4.8–6.2 s for node's fs.cp (two runs each, 2026-12-08).
 */
export function linkTree(src: string, dst: string, keep: (name: string) => boolean = () => true): void {
  mkdirSync(dst, { recursive: true });
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, e.name);
    const to = join(dst, e.name);
    if (e.isDirectory()) linkTree(from, to, keep);
    else if (e.isFile() && keep(e.name)) {
      try {
        linkSync(from, to);
      } catch (err) {
        // another file system, or one without links: a copy
        if (!["EXDEV", "EPERM", "EMLINK", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes((err as NodeJS.ErrnoException).code ?? "")) throw err;
        copyFileSync(from, to);
      }
    }
  }
}

/** The URL Pagefind is given for a page (site-relative; the search page adds the base path). */
function pageUrl(page: string): string {
  return `/${page.replace(/index\.html$/u, "")}`;
}

/** Index one shard in a worker thread (its own Pagefind process). */
function indexInWorker(site: string, shard: ShardPlan, outputPath: string): Promise<PageDigests> {
  return runTask<PageDigests>(new URL("./index-worker.ts", import.meta.url), { site, shard, outputPath } satisfies IndexTask, "a search-index worker");
}

/** A page of an index as its fragment file says it: its URL and its date sort key. */
interface FragmentPage {
  url: string;
  sort: string;
}

/**
 * The pages of a Pagefind index by their ids, read from its fragment files (gzipped JSON
 * after Pagefind's signature; one page per file, or a group of pages by id).
 */
export async function indexedPages(dir: string): Promise<Map<string, FragmentPage>> {
  const out = new Map<string, FragmentPage>();
  const names = await readdir(join(dir, "fragment")).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.endsWith(".pf_fragment"))
      .map(async (name) => {
        const { data } = await readPagefindFile(join(dir, "fragment", name));
        const json = JSON.parse(data.toString("utf8")) as Record<string, unknown>;
        const add = (id: string, f: unknown): void => {
          const frag = f as { url?: unknown; meta?: { datekey?: unknown } };
          if (typeof frag?.url === "string") out.set(id, { url: frag.url, sort: typeof frag.meta?.datekey === "string" ? frag.meta.datekey : "" });
        };
        if (typeof json.url === "string") add(name.slice(0, -".pf_fragment".length), json);
        else for (const [id, f] of Object.entries(json)) add(id, f);
      }),
  );
  return out;
}

/** Pagefind runs at once: two where there are two cores (each run is mostly one core; memory is bounded by the shard size). */
export function parallelRuns(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/**
 * A shard's index as last fully built: what decided it (version: templates, site code,
 * Pagefind, base path, label), the digest of each page it holds, and once read, its
 * Pagefind id of each page's URL.
 */
interface ShardBase {
  version: string;
  pages: PageDigests;
  ids?: Record<string, string>;
  /** the date sort keys of the index's pages, sorted (read with ids) */
  keys?: string[];
}

/** Which index is in which output folder, kept beside the content: a rebuild leaves unchanged shards where they are. */
interface SearchState {
  outputs: Record<string, string>;
  /** each article page's head as last read (articlePages) */
  heads?: Record<string, PageHead>;
  /** each output folder's index as last fully built */
  bases?: Record<string, ShardBase>;
  /** each output folder's overlay, if it has one */
  overlays?: Record<string, Overlay>;
}
const STATE_FILE = "search-state.json";

/**
 * Changes to a shard go to an overlay when the shard has at least this many pages (a small
 * shard is indexed again in about a second) and they are at most OVERLAY_SHARE of them (an
 * overlay costs the search page a request per word and a few fragment reads to place its
 * results; the shard is indexed again in full past that, which folds the overlay in).
 * Measured at 10k articles: indexing the 4,637-page shard again took 35.9 s.
 */
export const OVERLAY_MIN_PAGES = 200;
export const OVERLAY_SHARE = 0.1;

export interface OverlayLimits {
  minPages: number;
  share: number;
}

/** The folder of a shard's overlay, relative to the site, and as the manifest gives it (relative to pagefind/). */
const overlayDir = (label: string): string => `pagefind-overlays/${label}`;
/** Pages' digests kept with a cached shard (not copied into the site). */
const CACHE_PAGES = "_pages.json";

/**
 * The overlay for a shard whose pages changed since its index was built (base): the changed
 * pages indexed into the overlay folder, and the ids of the pages to mask in the shard's
 * index. "same": nothing changed that the index holds; "full": too much changed (or a
 * Pagefind id is ambiguous), index the shard again.
 */
async function makeOverlay(site: string, shard: ShardPlan, rel: string, base: ShardBase, limits: OverlayLimits): Promise<Overlay | "same" | "full"> {
  const current = new Set(shard.pages);
  const digestNow = new Map<string, string>();
  for (const page of shard.pages) {
    const html = await readFile(join(site, page), "utf8").catch(() => null);
    const d = html === null ? "" : pageDigest(html);
    if (base.pages[page] !== d) digestNow.set(page, d);
  }
  let changed = [...digestNow.keys()];
  const removed = Object.keys(base.pages).filter((p) => !current.has(p));
  const basePages = Object.keys(base.pages).length;
  if (changed.length + removed.length === 0) return "same";
  if (basePages < limits.minPages || changed.length + removed.length > basePages * limits.share) return "full";
  if (!base.ids || !base.keys) {
    base.ids = {};
    base.keys = [];
    for (const [id, page] of await indexedPages(join(site, rel))) {
      base.ids[page.url] = id;
      base.keys.push(page.sort);
    }
    base.keys.sort(); // by UTF-16 code units, as Pagefind orders its date sort keys (YYYY-MM-DD, all alike)
  }
  const keys = base.keys;
  const baseIds = new Set(Object.values(base.ids));
  // the index in the folder must be the one the state describes (a folder indexed again by another
  // command, say): else an overlay's page could carry the id of its copy there, and show twice
  const onDisk = await fragmentIds(join(site, rel));
  if (onDisk.length !== baseIds.size || onDisk.some((id) => !baseIds.has(id))) return "full";
  const dir = join(site, overlayDir(shard.label));
  let ids: Record<string, OverlayPlace> = {};
  // A page can change only outside what is indexed (its links to the pages beside it): its
  // entry in the overlay is then the shard's own (the same id, a digest of what is indexed).
  // Such pages are indexed again without: the shard holds them as they are.
  for (let pass = 0; ; pass++) {
    await rm(dir, { recursive: true, force: true });
    if (changed.length) await indexOne(site, { label: shard.label, pages: changed }, dir);
    ids = {};
    const same: string[] = [];
    for (const [id, page] of await indexedPages(dir)) {
      if (!baseIds.has(id)) ids[id] = [countBelow(keys, page.sort, false), countBelow(keys, page.sort, true)];
      else if (base.ids[page.url] === id) same.push(page.url);
      else return "full"; // another page's id: the overlay's result could not be told from the shard's
    }
    if (same.length === 0) break;
    if (pass > 0) return "full";
    const unchanged = new Set(same);
    for (const page of changed) if (unchanged.has(pageUrl(page))) base.pages[page] = digestNow.get(page)!;
    changed = changed.filter((page) => !unchanged.has(pageUrl(page)));
  }
  if (changed.length === 0 && removed.length === 0) return "same";
  const mask = [...changed, ...removed].map((p) => base.ids![pageUrl(p)]).filter((id): id is string => typeof id === "string");
  return { path: `../${overlayDir(shard.label)}/`, ids, mask };
}

/** How many of the sorted keys are below `key` (or equal to it too, with `orEqual`). */
export function countBelow(sorted: readonly string[], key: string, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key || (orEqual && sorted[mid] === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The Pagefind ids of an index folder's pages: its fragment files' names, one page per file as
 * Pagefind writes them unless told to group them (maxFragments, which indexOne does not set).
 */
async function fragmentIds(dir: string): Promise<string[]> {
  return (await readdir(join(dir, "fragment")).catch(() => [] as string[])).filter((n) => n.endsWith(".pf_fragment")).map((n) => n.slice(0, -".pf_fragment".length));
}

/** Index the site's article pages in year shards; returns one line per shard. */
export async function indexShards(opts: ShardOptions): Promise<{ pages: number; shards: ShardResult[] }> {
  const site = resolve(opts.outDir);
  const counts: FilterCounts = {};
  const statePath = opts.contentDir ? join(opts.contentDir, STATE_FILE) : null;
  // none while indexing: an interrupted run is followed by a full one
  const last: SearchState = (statePath ? await takeState<SearchState>(statePath, (s: Partial<SearchState>) => isStringRecord(s.outputs)) : null) ?? { outputs: {} };
  const lastBases = isPlainObject(last.bases) ? last.bases : {};
  const lastOverlays = isPlainObject(last.overlays) ? last.overlays : {};
  const state: SearchState = { outputs: {}, heads: {}, bases: {}, overlays: {} };
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
  const versionOf = (label: string): string => createHash("sha256").update(siteVersion({ pagefind: PAGEFIND_VERSION })).update(opts.base ?? "/").update(label).digest("hex").slice(0, 24);
  type Job = { n: number; shard: ShardPlan; rel: string; outputPath: string; cached: string | null; t0: number };
  const toIndex: Job[] = [];
  const toOverlay: (Job & { base: ShardBase })[] = [];
  const done = (j: Job, how: { cached: boolean; overlay?: number }): void => {
    results[j.n] = { label: j.shard.label, pages: j.shard.pages.length, ...how, seconds: (performance.now() - j.t0) / 1000 };
  };
  for (const [n, shard] of plan.entries()) {
    const t0 = performance.now();
    const rel = outputOf(n, shard);
    const outputPath = join(site, rel);
    const key = opts.cacheDir || statePath ? await shardKey(shard, opts, site, digests) : null;
    const cached = key && opts.cacheDir ? join(resolve(opts.cacheDir), key) : null;
    const job: Job = { n, shard, rel, outputPath, cached, t0 };
    if (key) state.outputs[rel] = key;
    const base = isShardBase(lastBases[rel]) && lastBases[rel].version === versionOf(shard.label) ? lastBases[rel] : null;
    const overlay = isOverlay(lastOverlays[rel]) ? lastOverlays[rel] : null;
    const inPlace = existsSync(join(outputPath, "pagefind-entry.json"));
    if (key && last.outputs[rel] === key && inPlace && (!overlay || Object.keys(overlay.ids).length === 0 || existsSync(join(site, overlayDir(shard.label), "pagefind-entry.json")))) {
      // the same pages as last time, already in place (with the overlay they had, if any)
      if (base) state.bases![rel] = base;
      if (overlay) state.overlays![rel] = overlay;
      done(job, { cached: true, ...(overlay ? { overlay: Object.keys(overlay.ids).length } : {}) });
    } else if (cached && existsSync(join(cached, "pagefind-entry.json")) && existsSync(join(cached, CACHE_PAGES))) {
      await rm(outputPath, { recursive: true, force: true });
      linkTree(cached, outputPath, (name) => name !== CACHE_PAGES);
      const pages = await readFile(join(cached, CACHE_PAGES), "utf8").then((t) => JSON.parse(t) as unknown, () => null);
      if (isStringRecord(pages)) state.bases![rel] = { version: versionOf(shard.label), pages };
      const now = new Date();
      await utimes(cached, now, now); // recently used: kept by the pruning below
      done(job, { cached: true });
    } else if (base && inPlace && statePath) {
      toOverlay.push({ ...job, base });
    } else {
      toIndex.push(job);
    }
  }
  // overlays first, one at a time in this thread (each a few pages)
  for (const j of toOverlay) {
    const made = await makeOverlay(site, j.shard, j.rel, j.base, opts.overlay ?? { minPages: OVERLAY_MIN_PAGES, share: OVERLAY_SHARE });
    if (made === "full") {
      toIndex.push(j);
      continue;
    }
    state.bases![j.rel] = j.base;
    if (made === "same") {
      done(j, { cached: true });
    } else {
      state.overlays![j.rel] = made;
      done(j, { cached: false, overlay: Object.keys(made.ids).length });
    }
  }
  // the shards to index, two at a time (one in this thread when there is only one)
  const indexAll = async (jobs: Job[]): Promise<void> => {
    let next = 0;
    let failed = false;
    const runner = async (): Promise<void> => {
      while (next < jobs.length && !failed) {
        const t = jobs[next++];
        const pages = jobs.length === 1 ? await indexOne(site, t.shard, t.outputPath) : await indexInWorker(site, t.shard, t.outputPath);
        state.bases![t.rel] = { version: versionOf(t.shard.label), pages };
        delete state.overlays![t.rel];
        if (t.cached) {
          // filled apart and renamed into place: a build stopped mid-copy leaves no partial entry to be reused
          const filling = `${t.cached}.filling-${process.pid}`;
          await rm(filling, { recursive: true, force: true });
          await mkdir(dirname(t.cached), { recursive: true });
          linkTree(t.outputPath, filling);
          await writeFile(join(filling, CACHE_PAGES), JSON.stringify(pages));
          await rm(t.cached, { recursive: true, force: true });
          await rename(filling, t.cached);
        }
        done(t, { cached: false });
      }
    };
    // the first failure stops the other runner taking more shards
    await Promise.all(
      Array.from({ length: Math.min(parallelRuns(), jobs.length) }, () =>
        runner().catch((err: unknown) => {
          failed = true;
          throw err;
        }),
      ),
    );
  };
  await indexAll(toIndex);
  // The search page leaves out the results whose ids are masked, whichever index they come
  // from (the count searches all shards at once): a masked id must be in no other index.
  // Pagefind's ids are short hashes, so this is rare; the shard is then indexed in full.
  // (Without a mask there is nothing to check, and the index folders are not listed.)
  while (Object.values(state.overlays!).some((o) => o.mask.length > 0)) {
    const owners = new Map<string, Set<string>>();
    for (const [n, shard] of plan.entries()) {
      const rel = outputOf(n, shard);
      const dirs = [rel, ...(state.overlays![rel] ? [overlayDir(shard.label)] : [])];
      for (const d of dirs) for (const id of await fragmentIds(join(site, d))) (owners.get(id) ?? owners.set(id, new Set()).get(id)!).add(d);
    }
    const clash = plan
      .map((shard, n) => ({ shard, n, rel: outputOf(n, shard) }))
      .filter(({ rel }) => state.overlays![rel]?.mask.some((id) => [...(owners.get(id) ?? [])].some((d) => d !== rel)));
    if (clash.length === 0) break;
    await indexAll(clash.map(({ shard, n, rel }) => ({ n, shard, rel, outputPath: join(site, rel), cached: null, t0: performance.now() })));
  }
  // each shard's overlay, by label; the folders of those with pages are kept, the others removed
  const overlayOf = new Map(plan.flatMap((s, n) => (state.overlays![outputOf(n, s)] ? [[s.label, state.overlays![outputOf(n, s)]] as const] : [])));
  const wantedOverlays = new Set([...overlayOf].filter(([, o]) => Object.keys(o.ids).length > 0).map(([label]) => label));
  for (const name of await readdir(join(site, "pagefind-overlays")).catch(() => [] as string[])) {
    if (!wantedOverlays.has(name)) await rm(join(site, "pagefind-overlays", name), { recursive: true, force: true });
  }
  if (wantedOverlays.size === 0) await rm(join(site, "pagefind-overlays"), { recursive: true, force: true });
  if (plan.length === 0) {
    // no article yet: an empty index, so the search page still loads
    await indexOne(site, { label: "all", pages: [] }, join(site, "pagefind"));
  }
  await writeFile(join(site, "pagefind", "shards.json"), `${JSON.stringify(shardManifest(plan, overlayOf))}\n`);
  // the filter choices and their counts, as pagefind.filters() would give them once every
  // shard's filter files were loaded: the search page reads this small file instead
  await writeFile(join(site, "pagefind", "filter-counts.json"), `${JSON.stringify(sortedCounts(counts))}\n`);
  if (plan.length <= 1) await rm(join(site, "pagefind-shards"), { recursive: true, force: true });
  if (opts.cacheDir) await pruneCache(resolve(opts.cacheDir), 200);
  if (statePath) await putState(statePath, state);
  return { pages: results.reduce((n, r) => n + r.pages, 0), shards: results };
}

function isShardBase(v: unknown): v is ShardBase {
  return (
    isPlainObject(v) &&
    typeof v.version === "string" &&
    isStringRecord(v.pages) &&
    (v.ids === undefined || isStringRecord(v.ids)) &&
    (v.keys === undefined || (Array.isArray(v.keys) && v.keys.every((k) => typeof k === "string")))
  );
}

const isPlace = (v: unknown): v is OverlayPlace => Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n >= 0) && v[0] <= v[1];

/** (an overlay kept by an earlier version, with date keys for places, is not one: its shard gets a new overlay) */
function isOverlay(v: unknown): v is Overlay {
  return isPlainObject(v) && typeof v.path === "string" && isPlainObject(v.ids) && Object.values(v.ids).every(isPlace) && Array.isArray(v.mask) && v.mask.every((m) => typeof m === "string");
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
  let entries = await readdir(dir).catch(() => [] as string[]);
  // an entry left half-filled by a build that stopped (an hour old: not one another build is filling now)
  for (const e of entries.filter((e) => e.includes(".filling-"))) {
    if ((statSync(join(dir, e), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < Date.now() - 3_600_000) await rm(join(dir, e), { recursive: true, force: true });
  }
  entries = entries.filter((e) => !e.includes(".filling-"));
  if (entries.length <= keep) return;
  const dated = entries.map((e) => ({ e, t: statSync(join(dir, e)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { e } of dated.slice(keep)) await rm(join(dir, e), { recursive: true, force: true });
}
