/**
 * Which pages a rebuild must render again. Every paginated page (an article,
 * a browse page, an indicator page) gets a fingerprint: a hash of everything
 * its template reads from the archive. The fingerprints of the last build are
 * kept beside the content folder (render.ts); a page whose fingerprint is the
 * same and whose file is still in the output folder is not rendered again.
 * Anything else a page depends on (templates, site code, interface strings,
 * build options) goes into the site version: when that changes, every page is
 * rendered. The few unpaginated pages (home, indexes, feed, sitemap…) are
 * always rendered.
 *
 * tests/build/incremental.test.ts checks the result: a rebuild after a change
 * gives the same files as a cold build of the changed input.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Archive, ArchiveEntry, ArticleNav, ListPage } from "./archive.ts";
import type { FigureArchive, FigurePage } from "./figures.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A browse group (zone, city, year, tag): it carries all its articles, which a page never shows whole. */
function isGroup(v: unknown): v is Obj {
  return isObj(v) && Array.isArray(v.entries) && typeof v.count === "number" && typeof v.url === "string";
}

/** A group as another page may show it: what it is called, where it is, how many. */
function groupRef(g: Obj): Obj {
  return { url: g.url, name: g.name ?? g.year, count: g.count };
}

/** A group as its own page shows it: every field but its articles; groups inside it by reference. */
function groupSummary(g: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(g)) {
    if (k === "entries") continue;
    if (Array.isArray(v)) out[k] = v.map((x) => (isGroup(x) ? groupRef(x) : x));
    else out[k] = isGroup(v) ? groupRef(v) : v;
  }
  return out;
}

/**
 * Hashes what pages show. An article (ArchiveEntry) inside a page is hashed once, on its
 * own (record, captions, URL, and the body its excerpt is made from), and stands in every page by that digest: hashing each
 * page's articles field by field (a replacer over every key of every record) took 18 s at 11k
 * articles; by digest it is the cost of one JSON.stringify per article. A figure's row and
 * an indicator's summary are likewise hashed once, the first time a page shows them: an
 * indicator's pages and their filtered copies all carry its summary (with every zone, city
 * and year it has) and show each row about 3.4 times.
 */
class PageHasher {
  private readonly digests = new WeakMap<object, string>();

  constructor(entries: readonly ArchiveEntry[]) {
    for (const e of entries) {
      // the body, not the excerpt made from it: excerpts are made only for the pages rendered (LazyEntry)
      this.digests.set(e, digest(JSON.stringify([e.record, e.captions, e.url]), e.body ?? ""));
    }
  }

  /** The digest an article stands in pages by. */
  entryDigest(e: ArchiveEntry): string {
    return this.digests.get(e) ?? "";
  }

  /** JSON of what a page shows: articles and figure rows by digest (bodies left out), groups summarised. */
  private readonly replacer = (key: string, value: unknown): unknown => {
    if (key === "body") return undefined;
    if (typeof value !== "object" || value === null) return value;
    const d = this.digests.get(value);
    if (d !== undefined) return d;
    if (isGroup(value)) return groupSummary(value);
    // a row or an indicator's summary: plain data but for the row's article, so JSON without
    // the replacer (a call per value: 1.1 s for the rows at 10k articles, against 0.3 s)
    if (isFigureRow(value)) return this.memo(value, () => JSON.stringify({ ...value, entry: this.digests.get(value.entry as object) ?? value.entry }));
    if (isIndicatorGroup(value)) return this.memo(value, () => JSON.stringify(value));
    return value;
  };

  private memo(value: object, json: () => string): string {
    const d = digest(json());
    this.digests.set(value, d);
    return d;
  }

  hash(...parts: unknown[]): string {
    const h = createHash("sha256");
    for (const p of parts) h.update(typeof p === "string" ? p : (JSON.stringify(p, this.replacer) ?? "")).update("\u0000");
    return h.digest("base64url").slice(0, 22);
  }
}

/** A row of a figures page (FigureRow): one figure of one article. */
function isFigureRow(v: object): v is Obj {
  return "figure" in v && "entry" in v && "href" in v;
}

/** An indicator's summary (IndicatorGroup), which each of its figures pages carries. */
function isIndicatorGroup(v: object): boolean {
  return "variants" in v && "zones" in v && "slug" in v;
}

/** A short digest of some texts (each after the first preceded by a NUL, so that no two lists of texts run together). */
function digest(...texts: string[]): string {
  const h = createHash("sha256");
  texts.forEach((t, i) => (i ? h.update("\u0000").update(t) : h.update(t)));
  return h.digest("base64url").slice(0, 22);
}

/**
 * What an article page shows of its navigation (templates/_includes/layouts/article.njk): its zone,
 * city and tags by name and link only. Their counts are not on the page: with them in the
 * fingerprint, one article added to a tag made every article of that tag render again (13,052 of
 * 15,741 pages at 10k articles, for one new article).
 */
function articleNav(nav: ArticleNav): unknown {
  const link = (g: { url: string; name: string } | null): unknown => g && { url: g.url, name: g.name };
  return { zone: link(nav.zone), city: link(nav.city), tags: nav.tags.map(link), samePage: nav.samePage, prev: nav.prev, next: nav.next };
}

/** Fingerprints of every paginated page, by URL (site-relative, without the base path). */
export function pageFingerprints(archive: Archive, figures: FigureArchive): Map<string, string> {
  const out = new Map<string, string>();
  const h = new PageHasher(archive.entries);
  for (const e of archive.entries) {
    const nav = articleNav(archive.nav[e.record.id]);
    const indicatorUrls = e.record.figures.map((f) => (f.canonical ? (figures.indicatorUrls[f.canonical] ?? null) : null));
    // the article itself in full (its digest stands for it inside its neighbours' pages)
    out.set(e.url, h.hash("article", e.body ?? "", h.entryDigest(e), nav, indicatorUrls));
  }
  for (const p of archive.listPages) {
    const charts = p.kind === "zone" && p.pageNumber === 1 && p.zone ? (figures.chartsByZone[p.zone.name] ?? null) : null;
    out.set(p.url, h.hash("list", p, charts));
  }
  for (const p of figures.pages) out.set(p.url, h.hash("figures", p));
  return out;
}

/** The file Eleventy writes for a page URL: /x/ → x/index.html, /x.xml → x.xml. */
export function outputFileOf(outDir: string, url: string): string {
  const path = url.replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? join(outDir, path, "index.html") : join(outDir, path);
}

export interface RenderPlan {
  articles: ArchiveEntry[];
  listPages: ListPage[];
  figurePages: FigurePage[];
  /** pages of the last build that no longer exist (their files are removed) */
  gone: string[];
  fingerprints: Map<string, string>;
}

/**
 * The pages to render: all of them without a previous build's fingerprints,
 * else those whose fingerprint changed or whose file is missing.
 */
export function planRender(
  archive: Archive,
  figures: FigureArchive,
  previous: Readonly<Record<string, string>> | null,
  outDir: string,
  /** files rendered on every build whose number varies (the sitemap parts): tracked so that one no longer made is removed */
  alwaysRendered: readonly string[] = [],
): RenderPlan {
  const fingerprints = pageFingerprints(archive, figures);
  for (const url of alwaysRendered) fingerprints.set(url, "always");
  const wanted = (url: string): boolean => !previous || previous[url] !== fingerprints.get(url) || !existsSync(outputFileOf(outDir, url));
  const gone = previous ? Object.keys(previous).filter((url) => !fingerprints.has(url)) : [];
  return {
    articles: archive.entries.filter((e) => wanted(e.url)),
    listPages: archive.listPages.filter((p) => wanted(p.url)),
    figurePages: figures.pages.filter((p) => wanted(p.url)),
    gone,
    fingerprints,
  };
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");

/**
 * What every page depends on besides the archive: the templates, the site
 * code, the types, the Eleventy configuration, Eleventy's, markdown-it's and
 * opencc-js's versions, the Traditional overrides, and the build's options.
 */
export function siteVersion(options: unknown): string {
  return createHash("sha256").update(codeVersion()).update(JSON.stringify(options)).digest("hex").slice(0, 24);
}

let codeHash: string | null = null;
/** The files part of siteVersion, read once per process. */
function codeVersion(): string {
  if (codeHash) return codeHash;
  const h = createHash("sha256");
  const walk = (p: string): void => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
    else h.update(p.slice(ROOT.length)).update(readFileSync(p));
  };
  for (const p of ["templates", "src/site", "src/types.ts", ".eleventy.ts", "node_modules/@11ty/eleventy/package.json", "node_modules/markdown-it/package.json", "node_modules/nunjucks/package.json", "src/data/opencc-overrides.ts", "node_modules/opencc-js/package.json"]) {
    walk(join(ROOT, p));
  }
  codeHash = h.digest("hex");
  return codeHash;
}
