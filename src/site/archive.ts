/**
 * The archive as the site presents it, computed once per build from the
 * article records: groups by zone, city, year/month and tag, the undated list,
 * previous/next within a zone, the other articles from the same newspaper page,
 * and every paginated browse page. Everything is O(n log n) and sorted
 * deterministically (date, then id), so the templates only loop and format.
 */
import type { ArticleRecord, Zone } from "../types.ts";
import { compareChronological, excerpt, parseArchiveDate, uniqueSlugs } from "./format.ts";
import { fill, type UiStrings } from "./strings.ts";
import { push } from "./group.ts";

/** One article as the templates see it. */
export interface ArchiveEntry {
  record: ArticleRecord;
  captions: string[];
  /** the page, site-relative, without the base path: /articles/<id>/ */
  url: string;
  /** a short plain-text opening of the body */
  readonly excerpt: string;
  /** the body as normalised Markdown (rendered on the article page only) */
  body?: string;
}

/**
 * An article of the archive whose excerpt is made the first time a page shows it. A rebuild
 * renders a few pages and so needs a few excerpts; making all of them (markdown-it over every
 * body) was 0.4 s of a 10,000-article rebuild. Pages are fingerprinted by the body instead
 * (render-plan.ts), which the excerpt is made from.
 */
export class LazyEntry implements ArchiveEntry {
  #excerpt: string | undefined;
  constructor(
    public record: ArticleRecord,
    public captions: string[],
    public url: string,
    public body: string,
  ) {}
  get excerpt(): string {
    return (this.#excerpt ??= excerpt(this.body));
  }
}

export interface ZoneGroup {
  name: string;
  slug: string;
  url: string;
  /** the zone as the first (chronological) article names it */
  zone: Zone;
  city: CityGroup | null;
  count: number;
  entries: ArchiveEntry[];
}

export interface CityGroup {
  name: string;
  slug: string;
  url: string;
  zones: ZoneGroup[];
  count: number;
  entries: ArchiveEntry[];
}

export interface MonthCell {
  month: number;
  count: number;
  url: string | null;
}

export interface YearGroup {
  year: number;
  url: string;
  count: number;
  /** 1..12 */
  months: MonthCell[];
  /** articles dated only to the year */
  yearOnly: number;
  entries: ArchiveEntry[];
}

export interface TagGroup {
  name: string;
  slug: string;
  url: string;
  count: number;
  entries: ArchiveEntry[];
}

export interface ArticleNav {
  prev: ArchiveEntry | null;
  next: ArchiveEntry | null;
  zone: ZoneGroup | null;
  city: CityGroup | null;
  tags: TagGroup[];
  /** the other articles cut from the same source file, by part */
  samePage: ArchiveEntry[];
}

export interface ListSection {
  heading: string | null;
  entries: ArchiveEntry[];
}

export type ListKind = "zone" | "nozone" | "city" | "year" | "month" | "tag" | "undated";

/** One paginated browse page (zone, city, year, month, tag, undated). */
export interface ListPage {
  kind: ListKind;
  url: string;
  /** the page's <h1> and <title> */
  heading: string;
  zone: ZoneGroup | null;
  city: CityGroup | null;
  year: YearGroup | null;
  sections: ListSection[];
  total: number;
  pageNumber: number;
  pageCount: number;
  prevUrl: string | null;
  nextUrl: string | null;
}

export interface ArchiveStats {
  articles: number;
  zones: number;
  cities: number;
  years: number;
  undated: number;
}

export interface Archive {
  /** chronological: dated by date then id, then the undated by id */
  entries: ArchiveEntry[];
  /** newest first, dated only */
  latest: ArchiveEntry[];
  stats: ArchiveStats;
  zones: ZoneGroup[];
  /** zones grouped by city for the zones index; zones without a city last */
  zonesByCity: { city: CityGroup | null; zones: ZoneGroup[] }[];
  noZone: ArchiveEntry[];
  cities: CityGroup[];
  years: YearGroup[];
  tags: TagGroup[];
  undated: ArchiveEntry[];
  /** by article id (an object without prototype, so any id is a safe key) */
  nav: Record<string, ArticleNav>;
  listPages: ListPage[];
  /** the busiest zones and tags, for the home page */
  topZones: ZoneGroup[];
  topTags: TagGroup[];
  /** every HTML page of the site, site-relative, for the sitemap */
  pageUrls: string[];
  /** sitemap files: one urlset, or an index and urlsets of at most 50,000 URLs */
  sitemaps: SitemapFile[];
}

export interface SitemapFile {
  url: string;
  kind: "urlset" | "index";
  urls: string[];
}

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;

export function sitemapFiles(pageUrls: readonly string[], limit = SITEMAP_LIMIT): SitemapFile[] {
  if (pageUrls.length <= limit) return [{ url: "/sitemap.xml", kind: "urlset", urls: [...pageUrls] }];
  const parts: SitemapFile[] = [];
  for (let i = 0; i < pageUrls.length; i += limit) {
    parts.push({ url: `/sitemap-${parts.length + 1}.xml`, kind: "urlset", urls: pageUrls.slice(i, i + limit) });
  }
  return [{ url: "/sitemap.xml", kind: "index", urls: parts.map((p) => p.url) }, ...parts];
}

export interface ArchiveOptions {
  /** articles per browse page */
  pageSize?: number;
  /** articles on the home page and in the feed */
  latest?: number;
  /** zones and tags on the home page */
  top?: number;
  /** URLs per sitemap file (the protocol allows 50,000) */
  sitemapLimit?: number;
}

export const NO_ZONE_URL = "/zones/_none/";

const collator = new Intl.Collator("zh-CN");
const byName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const chrono = (a: ArchiveEntry, b: ArchiveEntry) => compareChronological(a.record, b.record);

export function buildArchive(input: readonly ArchiveEntry[], s: UiStrings, opts: ArchiveOptions = {}): Archive {
  const pageSize = Math.max(1, opts.pageSize ?? 100);
  const entries = [...input].sort(chrono);

  // ── zones and cities ──
  const byZone = new Map<string, ArchiveEntry[]>();
  const byCity = new Map<string, ArchiveEntry[]>();
  const noZone: ArchiveEntry[] = [];
  for (const e of entries) {
    const z = e.record.zone;
    if (!z) {
      noZone.push(e);
      continue;
    }
    push(byZone, z.name, e);
    if (z.city) push(byCity, z.city, e);
  }
  const zoneSlugs = uniqueSlugs(byZone.keys());
  const citySlugs = uniqueSlugs(byCity.keys());

  const cityMap = new Map<string, CityGroup>();
  for (const [name, list] of byCity) {
    const slug = citySlugs.get(name)!;
    cityMap.set(name, { name, slug, url: `/cities/${slug}/`, zones: [], count: list.length, entries: list });
  }
  const zones: ZoneGroup[] = [];
  for (const [name, list] of byZone) {
    const slug = zoneSlugs.get(name)!;
    const zone = list[0].record.zone!;
    const city = zone.city ? (cityMap.get(zone.city) ?? null) : null;
    const g: ZoneGroup = { name, slug, url: `/zones/${slug}/`, zone, city, count: list.length, entries: list };
    zones.push(g);
  }
  zones.sort(byName);
  // a zone belongs to every city its articles name (normally one)
  const zoneByName = new Map(zones.map((z) => [z.name, z]));
  for (const [cityName, list] of byCity) {
    const city = cityMap.get(cityName)!;
    const names = new Set(list.map((e) => e.record.zone!.name));
    city.zones = [...names].map((n) => zoneByName.get(n)!).sort(byName);
  }
  const cities = [...cityMap.values()].sort(byName);
  const zonesByCity: Archive["zonesByCity"] = cities.map((city) => ({ city, zones: city.zones }));
  const homeless = zones.filter((z) => !z.zone.city);
  if (homeless.length) zonesByCity.push({ city: null, zones: homeless });

  // ── years and months ──
  const byYear = new Map<number, ArchiveEntry[]>();
  const undated: ArchiveEntry[] = [];
  for (const e of entries) {
    const d = parseArchiveDate(e.record.date);
    if (d.year === null) undated.push(e);
    else push(byYear, d.year, e);
  }
  const years: YearGroup[] = [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, list]) => {
      const counts = new Array<number>(13).fill(0);
      for (const e of list) counts[parseArchiveDate(e.record.date).month ?? 0]++;
      return {
        year,
        url: `/years/${year}/`,
        count: list.length,
        months: counts.slice(1).map((count, i) => ({
          month: i + 1,
          count,
          url: count ? `/years/${year}/${String(i + 1).padStart(2, "0")}/` : null,
        })),
        yearOnly: counts[0],
        entries: list,
      };
    });

  // ── tags ──
  const byTag = new Map<string, ArchiveEntry[]>();
  for (const e of entries) for (const t of e.record.tags) push(byTag, t, e);
  const tagSlugs = uniqueSlugs(byTag.keys());
  const tags: TagGroup[] = [...byTag.entries()]
    .map(([name, list]) => ({ name, slug: tagSlugs.get(name)!, url: `/tags/${tagSlugs.get(name)!}/`, count: list.length, entries: list }))
    .sort((a, b) => b.count - a.count || byName(a, b));
  const tagByName = new Map(tags.map((t) => [t.name, t]));

  // ── per-article navigation ──
  const bySource = new Map<string, ArchiveEntry[]>();
  for (const e of entries) push(bySource, e.record.source.file, e);
  for (const list of bySource.values()) {
    list.sort((a, b) => a.record.source.part - b.record.source.part || (a.record.id < b.record.id ? -1 : 1));
  }
  const nav: Record<string, ArticleNav> = Object.create(null);
  for (const e of entries) {
    nav[e.record.id] = {
      prev: null,
      next: null,
      zone: e.record.zone ? zoneByName.get(e.record.zone.name)! : null,
      city: e.record.zone?.city ? cityMap.get(e.record.zone.city)! : null,
      tags: e.record.tags.map((t) => tagByName.get(t)!).filter(Boolean),
      samePage: bySource.get(e.record.source.file)!.filter((x) => x !== e),
    };
  }
  for (const z of zones) {
    z.entries.forEach((e, i) => {
      nav[e.record.id].prev = z.entries[i - 1] ?? null;
      nav[e.record.id].next = z.entries[i + 1] ?? null;
    });
  }

  // ── browse pages ──
  const listPages: ListPage[] = [];
  const byYearSections = (list: ArchiveEntry[]): ListSection[] =>
    sectionsBy(list, (e) => {
      const y = parseArchiveDate(e.record.date).year;
      return y === null ? s.date.unknown : fill(s.date.year, { y });
    });
  const addPages = (
    kind: ListKind,
    baseUrl: string,
    heading: string,
    list: ArchiveEntry[],
    sectionize: (chunk: ArchiveEntry[]) => ListSection[],
    ctx: Partial<Pick<ListPage, "zone" | "city" | "year">> = {},
  ) => {
    const pageCount = Math.max(1, Math.ceil(list.length / pageSize));
    // page 2 and on live under page/: a year's page 10 must not be /years/2022/10/, which is October's list
    const urlOf = (n: number) => (n === 1 ? baseUrl : `${baseUrl}page/${n}/`);
    for (let n = 1; n <= pageCount; n++) {
      listPages.push({
        kind,
        url: urlOf(n),
        heading,
        zone: ctx.zone ?? null,
        city: ctx.city ?? null,
        year: ctx.year ?? null,
        sections: sectionize(list.slice((n - 1) * pageSize, n * pageSize)),
        total: list.length,
        pageNumber: n,
        pageCount,
        prevUrl: n > 1 ? urlOf(n - 1) : null,
        nextUrl: n < pageCount ? urlOf(n + 1) : null,
      });
    }
  };
  for (const z of zones) addPages("zone", z.url, fill(s.browse.zoneArticles, { zone: z.name }), z.entries, byYearSections, { zone: z, city: z.city });
  if (noZone.length) addPages("nozone", NO_ZONE_URL, s.browse.noZone, noZone, byYearSections);
  for (const c of cities) addPages("city", c.url, fill(s.browse.cityArticles, { city: c.name }), c.entries, byYearSections, { city: c });
  for (const y of years) {
    addPages(
      "year",
      y.url,
      fill(s.browse.yearArticles, { y: y.year }),
      y.entries,
      (chunk) =>
        sectionsBy(chunk, (e) => {
          const m = parseArchiveDate(e.record.date).month;
          return m === null ? fill(s.browse.monthUnknownHeading, { y: y.year }) : fill(s.date.month, { y: y.year, m });
        }),
      { year: y },
    );
    for (const cell of y.months) {
      if (!cell.url) continue;
      const list = y.entries.filter((e) => parseArchiveDate(e.record.date).month === cell.month);
      addPages("month", cell.url, fill(s.browse.monthArticles, { y: y.year, m: cell.month }), list, (chunk) => [{ heading: null, entries: chunk }], { year: y });
    }
  }
  for (const t of tags) addPages("tag", t.url, fill(s.browse.tagArticles, { tag: t.name }), t.entries, byYearSections);
  addPages("undated", "/undated/", s.browse.undatedTitle, undated, (chunk) => [{ heading: null, entries: chunk }]);

  const latest = entries
    .filter((e) => parseArchiveDate(e.record.date).precision !== "none")
    .reverse()
    .slice(0, Math.max(0, opts.latest ?? 20));

  const pageUrls = [
    "/",
    "/zones/",
    "/cities/",
    "/years/",
    "/tags/",
    "/search/",
    ...listPages.map((p) => p.url),
    ...entries.map((e) => e.url),
  ];

  return {
    entries,
    latest,
    stats: { articles: entries.length, zones: zones.length, cities: cities.length, years: years.length, undated: undated.length },
    zones,
    zonesByCity,
    noZone,
    cities,
    years,
    tags,
    undated,
    nav,
    listPages,
    topZones: [...zones].sort((a, b) => b.count - a.count || byName(a, b)).slice(0, opts.top ?? 12),
    topTags: tags.slice(0, opts.top ?? 12),
    pageUrls,
    sitemaps: sitemapFiles(pageUrls, opts.sitemapLimit),
  };
}

/** Consecutive runs of entries with the same heading (the list is already in order). */
function sectionsBy(list: ArchiveEntry[], headingOf: (e: ArchiveEntry) => string): ListSection[] {
  const out: ListSection[] = [];
  for (const e of list) {
    const h = headingOf(e);
    const last = out[out.length - 1];
    if (last && last.heading === h) last.entries.push(e);
    else out.push({ heading: h, entries: [e] });
  }
  return out;
}
