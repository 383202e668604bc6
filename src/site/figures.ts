/**
 * The figures of the archive as the site presents them, computed once per
 * build from the archive (src/site/archive.ts), in one pass over every figure
 * plus sorting: O(n log n), so 100k articles × 10 figures stay cheap, and the
 * templates only loop over the rows of the one page they render.
 *
 * - an indicator page per canonical indicator (/indicators/<slug>/), its
 *   figures grouped by zone, paginated; sub-pages per zone, city and year of
 *   that indicator (/indicators/<slug>/zone/<zone-slug>/ …): the filters work
 *   as plain links without JavaScript;
 * - a page of the figures marked uncertain (/indicators/_uncertain/);
 * - per zone, a chart per economic indicator with at least two dated points
 *   (src/site/chart.ts), with the same numbers as a table.
 *
 * Every row links to its sentence: /articles/<id>/#fig-<n> (the article page
 * marks the quote with that id; see src/site/figure-marks.ts).
 */
import type { Figure } from "../types.ts";
import { INDICATORS, lookupIndicator, type IndicatorKind } from "../data/indicators.ts";
import type { Archive, ArchiveEntry } from "./archive.ts";
import { dateSortKey, formatFigureValue, formatGrowth, formatNumber, parseArchiveDate, uniqueSlugs } from "./format.ts";
import { lineChartSvg, type ChartSeries } from "./chart.ts";
import { fill, type UiStrings } from "./strings.ts";
import { push } from "./group.ts";

export const INDICATORS_URL = "/indicators/";
export const UNCERTAIN_URL = "/indicators/_uncertain/";

/** One figure as the indicator pages show it. */
export interface FigureRow {
  /** the figure's number in its article (1-based): the anchor is #fig-<n> */
  n: number;
  figure: Figure;
  entry: ArchiveEntry;
  /** the sentence on the article page, site-relative */
  href: string;
  zone: string | null;
  zoneUrl: string | null;
  city: string | null;
  /** the year the figure is about (its period's), else the article's year; null when neither is known */
  year: number | null;
  /** 2013年1—10月 when the period has a span, else the period as written, else "" */
  period: string;
  /** as written: 75.7亿元 */
  value: string;
  /** in the indicator's common unit (亿元 …), "" when there is no value */
  scaled: string;
  growth: string;
  /** sorts the rows in time: the period's end, else the article's date; then article and number */
  key: string;
}

export interface Facet {
  label: string;
  url: string;
  count: number;
}

export interface IndicatorGroup {
  name: string;
  slug: string;
  url: string;
  kind: IndicatorKind;
  economic: boolean;
  count: number;
  /** the names as the articles wrote them, most frequent first */
  variants: { name: string; count: number }[];
  zones: Facet[];
  cities: Facet[];
  years: Facet[];
  /** 2011—2013, or "" */
  yearSpan: string;
  uncertain: number;
  targets: number;
}

export type FigurePageKind = "indicator" | "zone" | "city" | "year" | "uncertain";

export interface FigureSection {
  heading: string | null;
  url: string | null;
  rows: FigureRow[];
}

/** One paginated page of figures. */
export interface FigurePage {
  kind: FigurePageKind;
  url: string;
  heading: string;
  indicator: IndicatorGroup | null;
  /** the first page of the filter this page belongs to (for the selected option), or null */
  facetUrl: string | null;
  sections: FigureSection[];
  total: number;
  pageNumber: number;
  pageCount: number;
  prevUrl: string | null;
  nextUrl: string | null;
}

export interface ChartRow {
  label: string;
  /** in the chart's unit */
  value: string;
  /** as written in the article */
  written: string;
  growth: string;
  href: string;
  title: string;
}

export interface ZoneChart {
  id: string;
  indicator: string;
  /** the indicator's page filtered to this zone */
  url: string;
  unit: string;
  svg: string;
  series: string[];
  rows: ChartRow[];
}

export interface FigureArchive {
  indicators: IndicatorGroup[];
  /** indicator groups by kind, in the order amount, count, rate */
  byKind: { kind: IndicatorKind; label: string; indicators: IndicatorGroup[] }[];
  pages: FigurePage[];
  /** by zone name (an object without prototype) */
  chartsByZone: Record<string, ZoneChart[]>;
  stats: { figures: number; canonical: number; uncertain: number; indicators: number };
  uncertainCount: number;
  /** every page, site-relative, for the sitemap */
  pageUrls: string[];
  /** the page of each canonical indicator, by name (an object without prototype) */
  indicatorUrls: Record<string, string>;
}

export interface FigureArchiveOptions {
  /** rows per page */
  pageSize?: number;
}

const collator = new Intl.Collator("zh-CN");
const byText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

// ── spans and scales ────────────────────────────────────────────────────

const SPAN_RE = /^(\d{4})(?:-(\d{2}))?$/;

/** "2013年1—10月", "2023年1月", "2022年", "截至2011年9月底"; "" when the figure has no span. */
export function spanLabel(f: Pick<Figure, "periodStart" | "periodEnd">): string {
  const end = f.periodEnd ? SPAN_RE.exec(f.periodEnd) : null;
  if (!end) return "";
  const start = f.periodStart ? SPAN_RE.exec(f.periodStart) : null;
  const y = end[1];
  const em = end[2] ? Number(end[2]) : null;
  if (!start) return em === null ? `截至${y}年底` : `截至${y}年${em}月底`;
  const sm = start[2] ? Number(start[2]) : null;
  if (em === null || sm === null) return start[1] === y ? `${y}年` : `${start[1]}—${y}年`;
  if (start[1] !== y) return `${start[1]}年${sm}月—${y}年${em}月`;
  return sm === em ? `${y}年${em}月` : `${y}年${sm}—${em}月`;
}

/** The series a figure's span belongs to (its shape without the year): 1—10月, 1月, 年度, 截至9月底. */
export function spanShape(f: Pick<Figure, "periodStart" | "periodEnd">): string | null {
  const end = f.periodEnd ? SPAN_RE.exec(f.periodEnd) : null;
  if (!end) return null;
  const start = f.periodStart ? SPAN_RE.exec(f.periodStart) : null;
  const em = end[2] ? Number(end[2]) : null;
  if (!start) return em === null ? "截至年底" : `截至${em}月底`;
  if (start[1] !== end[1]) return null; // a span over years: no series of its own
  const sm = start[2] ? Number(start[2]) : null;
  if (em === null || sm === null) return "年度";
  return sm === em ? `${em}月` : `${sm}—${em}月`;
}

/** Months since year 0 of a span's end (a year-only end counts as its December). */
export function spanX(periodEnd: string | null | undefined): number | null {
  const m = periodEnd ? SPAN_RE.exec(periodEnd) : null;
  if (!m) return null;
  return Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 11);
}

export interface Scale {
  factor: number;
  unit: string;
}

/** A unit to show base values in: 亿元 / 万元 / 元 by the size of a typical value; % and counts as they are. */
export function displayScale(baseUnit: string, typical: number): Scale {
  const a = Math.abs(typical);
  if (baseUnit === "%" || !Number.isFinite(a)) return { factor: 1, unit: baseUnit };
  if (a >= 1e8) return { factor: 1e8, unit: `亿${baseUnit}` };
  if (a >= 1e4) return { factor: 1e4, unit: `万${baseUnit}` };
  return { factor: 1, unit: baseUnit };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
}

function scaled(f: Figure, scales: Map<string, Scale>): string {
  if (f.baseValue === null || f.baseValue === undefined || !f.baseUnit) return "";
  const sc = scales.get(f.baseUnit) ?? { factor: 1, unit: f.baseUnit };
  return `${formatNumber(Number((f.baseValue / sc.factor).toPrecision(10)))}${sc.unit}`;
}

// ── building ────────────────────────────────────────────────────────────

const KIND_ORDER: IndicatorKind[] = ["amount", "count", "rate"];
const LEXICON_ORDER = new Map<string, number>();
for (const d of INDICATORS) if (!LEXICON_ORDER.has(d.canonical)) LEXICON_ORDER.set(d.canonical, LEXICON_ORDER.size);

const byKey = (a: FigureRow, b: FigureRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The sort key of a row (computed once: sorting a million rows compares strings only).
 * `articleX` is the article's date in months (999999 when undated), `tail` its date key and id.
 */
function timeKey(f: Figure, articleX: number, tail: string, n: number): string {
  const x = spanX(f.periodEnd) ?? articleX;
  return `${String(x).padStart(6, "0")}|${tail}|${String(n).padStart(5, "0")}`;
}

/** Rows grouped under headings, in the order given (the list is already sorted by the key). */
function sectionsBy(rows: FigureRow[], key: (r: FigureRow) => { heading: string | null; url: string | null }): FigureSection[] {
  const out: FigureSection[] = [];
  for (const r of rows) {
    const k = key(r);
    const last = out[out.length - 1];
    if (last && last.heading === k.heading) last.rows.push(r);
    else out.push({ heading: k.heading, url: k.url, rows: [r] });
  }
  return out;
}

const spanLabels = new Map<string, string>();
function cachedSpanLabel(f: Figure): string {
  const k = `${f.periodStart}|${f.periodEnd}`;
  let v = spanLabels.get(k);
  if (v === undefined) {
    v = spanLabel(f);
    if (spanLabels.size < 10_000) spanLabels.set(k, v);
  }
  return v;
}

export function buildFigureArchive(archive: Pick<Archive, "entries" | "zones" | "cities">, s: UiStrings, opts: FigureArchiveOptions = {}): FigureArchive {
  const pageSize = Math.max(1, opts.pageSize ?? 200);
  const t = s.figures;
  const zoneUrl = new Map(archive.zones.map((z) => [z.name, z.url]));
  const zoneSlug = new Map(archive.zones.map((z) => [z.name, z.slug]));
  const citySlug = new Map(archive.cities.map((c) => [c.name, c.slug]));

  // ── one pass over every figure ──
  const byCanonical = new Map<string, FigureRow[]>();
  const uncertainRows: FigureRow[] = [];
  let total = 0;
  for (const entry of archive.entries) {
    const r = entry.record;
    const d = parseArchiveDate(r.date);
    const articleYear = d.year;
    const articleX = d.year === null ? 999_999 : d.year * 12 + (d.month ?? 12) - 1;
    const tail = `${dateSortKey(r.date)}|${r.id}`;
    r.figures.forEach((f, i) => {
      total++;
      if (!f.canonical && !f.uncertain) return;
      const end = f.periodEnd ? SPAN_RE.exec(f.periodEnd) : null;
      const row: FigureRow = {
        n: i + 1,
        figure: f,
        entry,
        href: `${entry.url}#fig-${i + 1}`,
        zone: r.zone?.name ?? null,
        zoneUrl: r.zone ? (zoneUrl.get(r.zone.name) ?? null) : null,
        city: r.zone?.city || null,
        year: end ? Number(end[1]) : articleYear,
        period: cachedSpanLabel(f) || f.period || "",
        value: formatFigureValue(f),
        scaled: "",
        growth: formatGrowth(f.growth),
        key: timeKey(f, articleX, tail, i + 1),
      };
      if (f.canonical) push(byCanonical, f.canonical, row);
      if (f.uncertain) uncertainRows.push(row);
    });
  }

  const names = [...byCanonical.keys()].sort((a, b) => (LEXICON_ORDER.get(a) ?? 1e9) - (LEXICON_ORDER.get(b) ?? 1e9) || byText(a, b));
  const slugs = uniqueSlugs(names);
  const pages: FigurePage[] = [];
  const indicators: IndicatorGroup[] = [];

  const addPages = (
    kind: FigurePageKind,
    baseUrl: string,
    heading: string,
    indicator: IndicatorGroup | null,
    rows: FigureRow[],
    sectionize: (chunk: FigureRow[]) => FigureSection[],
    facetUrl: string | null,
  ): void => {
    const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
    const urlOf = (n: number) => (n === 1 ? baseUrl : `${baseUrl}${n}/`);
    for (let n = 1; n <= pageCount; n++) {
      pages.push({
        kind,
        url: urlOf(n),
        heading,
        indicator,
        facetUrl,
        sections: sectionize(rows.slice((n - 1) * pageSize, n * pageSize)),
        total: rows.length,
        pageNumber: n,
        pageCount,
        prevUrl: n > 1 ? urlOf(n - 1) : null,
        nextUrl: n < pageCount ? urlOf(n + 1) : null,
      });
    }
  };

  // zones in collation order, computed once per zone (not per comparison); rows without a zone last
  const zoneRank = new Map<string | null, number>([[null, Number.MAX_SAFE_INTEGER]]);
  const zoneNames = new Set<string>();
  for (const list of byCanonical.values()) for (const r of list) if (r.zone) zoneNames.add(r.zone);
  for (const r of uncertainRows) if (r.zone) zoneNames.add(r.zone);
  [...zoneNames].sort(byText).forEach((z, i) => zoneRank.set(z, i));
  const byZoneThenTime = (a: FigureRow, b: FigureRow): number => zoneRank.get(a.zone)! - zoneRank.get(b.zone)! || byKey(a, b);

  for (const name of names) {
    const rows = byCanonical.get(name)!.sort(byZoneThenTime);
    const slug = slugs.get(name)!;
    const url = `${INDICATORS_URL}${slug}/`;
    const def = lookupIndicator(name);
    // one unit to compare in, per base unit
    const values = new Map<string, number[]>();
    for (const r of rows) if (r.figure.baseUnit && r.figure.baseValue !== null && r.figure.baseValue !== undefined) push(values, r.figure.baseUnit, r.figure.baseValue);
    const scales = new Map([...values].map(([u, vs]) => [u, displayScale(u, median(vs))]));
    for (const r of rows) r.scaled = scaled(r.figure, scales);

    const variants = new Map<string, number>();
    const zones = new Map<string, FigureRow[]>();
    const cities = new Map<string, FigureRow[]>();
    const years = new Map<number | null, FigureRow[]>();
    let uncertain = 0;
    let targets = 0;
    for (const r of rows) {
      if (r.figure.indicator) variants.set(r.figure.indicator, (variants.get(r.figure.indicator) ?? 0) + 1);
      if (r.zone && zoneSlug.has(r.zone)) push(zones, r.zone, r);
      if (r.city && citySlug.has(r.city)) push(cities, r.city, r);
      push(years, r.year, r);
      if (r.figure.uncertain) uncertain++;
      if (r.figure.target) targets++;
    }
    const knownYears = [...years.keys()].filter((y): y is number => y !== null).sort((a, b) => a - b);
    const group: IndicatorGroup = {
      name,
      slug,
      url,
      kind: def?.kind ?? "amount",
      economic: def?.economic ?? false,
      count: rows.length,
      variants: [...variants].map(([n, c]) => ({ name: n, count: c })).sort((a, b) => b.count - a.count || byText(a.name, b.name)),
      zones: [...zones].map(([z, list]) => ({ label: z, url: `${url}zone/${zoneSlug.get(z)}/`, count: list.length })).sort((a, b) => byText(a.label, b.label)),
      cities: [...cities].map(([c, list]) => ({ label: c, url: `${url}city/${citySlug.get(c)}/`, count: list.length })).sort((a, b) => byText(a.label, b.label)),
      years: [
        ...knownYears.map((y) => ({ label: fill(s.date.year, { y }), url: `${url}year/${y}/`, count: years.get(y)!.length })),
        ...(years.has(null) ? [{ label: t.yearUnknown, url: `${url}year/unknown/`, count: years.get(null)!.length }] : []),
      ],
      yearSpan: knownYears.length ? (knownYears[0] === knownYears[knownYears.length - 1] ? String(knownYears[0]) : `${knownYears[0]}—${knownYears[knownYears.length - 1]}`) : "",
      uncertain,
      targets,
    };
    indicators.push(group);

    const zoneSections = (chunk: FigureRow[]) => sectionsBy(chunk, (r) => ({ heading: r.zone ?? t.noZone, url: r.zone && zoneSlug.has(r.zone) ? `${url}zone/${zoneSlug.get(r.zone)}/` : null }));
    const yearSections = (chunk: FigureRow[]) => sectionsBy(chunk, (r) => ({ heading: r.year === null ? t.yearUnknown : fill(s.date.year, { y: r.year }), url: null }));
    addPages("indicator", url, name, group, rows, zoneSections, null);
    for (const f of group.zones) {
      const list = zones.get(f.label)!.slice().sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || byKey(a, b));
      addPages("zone", f.url, fill(t.facetHeading, { indicator: name, facet: f.label }), group, list, yearSections, f.url);
    }
    for (const f of group.cities) addPages("city", f.url, fill(t.facetHeading, { indicator: name, facet: f.label }), group, cities.get(f.label)!, zoneSections, f.url);
    for (const f of group.years) {
      const y = f.url.endsWith("/unknown/") ? null : Number(/year\/(\d+)\//.exec(f.url)![1]);
      addPages("year", f.url, fill(t.facetHeading, { indicator: name, facet: f.label }), group, years.get(y)!, zoneSections, f.url);
    }
  }

  uncertainRows.sort(byZoneThenTime);
  if (uncertainRows.length) {
    addPages("uncertain", UNCERTAIN_URL, t.uncertainTitle, null, uncertainRows, (chunk) => sectionsBy(chunk, (r) => ({ heading: r.zone ?? t.noZone, url: r.zoneUrl })), null);
  }

  const byKind = KIND_ORDER.map((kind) => ({ kind, label: t.kinds[kind], indicators: indicators.filter((g) => g.kind === kind) })).filter((k) => k.indicators.length);

  return {
    indicators,
    byKind,
    pages,
    chartsByZone: zoneCharts(byCanonical, slugs, zoneSlug, s),
    stats: {
      figures: total,
      canonical: [...byCanonical.values()].reduce((n, l) => n + l.length, 0),
      uncertain: uncertainRows.length,
      indicators: indicators.length,
    },
    uncertainCount: uncertainRows.length,
    pageUrls: [INDICATORS_URL, ...pages.map((p) => p.url)],
    indicatorUrls: Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(indicators.map((g) => [g.name, g.url]))),
  };
}

// ── charts ──────────────────────────────────────────────────────────────

/** Rows that can be drawn: a result (not a plan, not uncertain) with a value in a base unit and a dated span. */
function drawable(r: FigureRow): boolean {
  const f = r.figure;
  return !f.uncertain && !f.target && f.baseValue !== null && f.baseValue !== undefined && !!f.baseUnit && spanX(f.periodEnd) !== null && spanShape(f) !== null;
}

function zoneCharts(
  byCanonical: Map<string, FigureRow[]>,
  slugs: Map<string, string>,
  zoneSlug: Map<string, string>,
  s: UiStrings,
): Record<string, ZoneChart[]> {
  const t = s.figures;
  const out: Record<string, ZoneChart[]> = Object.create(null);
  const names = [...byCanonical.keys()].filter((n) => lookupIndicator(n)?.economic).sort((a, b) => (LEXICON_ORDER.get(a) ?? 1e9) - (LEXICON_ORDER.get(b) ?? 1e9));
  for (const name of names) {
    const byZone = new Map<string, FigureRow[]>();
    for (const r of byCanonical.get(name)!) if (r.zone && drawable(r)) push(byZone, r.zone, r);
    for (const [zone, all] of byZone) {
      // one base unit per chart: the most common one (元 beside 美元 would not compare)
      const units = new Map<string, number>();
      for (const r of all) units.set(r.figure.baseUnit!, (units.get(r.figure.baseUnit!) ?? 0) + 1);
      const unit = [...units].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0][0];
      // the same figure reported twice (same span, same value) is one point: the first report
      const seen = new Set<string>();
      const rows = all
        .filter((r) => r.figure.baseUnit === unit)
        .sort(byKey)
        .filter((r) => {
          const k = `${r.figure.periodStart}|${r.figure.periodEnd}|${r.figure.baseValue}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      if (rows.length < 2) continue;
      const scale = displayScale(unit, Math.max(...rows.map((r) => Math.abs(r.figure.baseValue!))));
      const bySeries = new Map<string, FigureRow[]>();
      for (const r of rows) push(bySeries, spanShape(r.figure)!, r);
      const series: ChartSeries[] = [...bySeries].map(([shape, list]) => ({
        name: shape,
        points: list.map((r) => ({ x: spanX(r.figure.periodEnd)!, y: r.figure.baseValue! / scale.factor, label: spanLabel(r.figure) })),
      }));
      const list = out[zone] ?? (out[zone] = []);
      const id = `chart-${list.length + 1}`;
      const ys = rows.map((r) => r.figure.baseValue! / scale.factor);
      const fmt = (v: number) => `${formatNumber(Number(v.toPrecision(10)))}${scale.unit}`;
      const desc = fill(t.chartDesc, {
        zone,
        n: rows.length,
        from: spanLabel(rows[0].figure),
        to: spanLabel(rows[rows.length - 1].figure),
        min: fmt(Math.min(...ys)),
        max: fmt(Math.max(...ys)),
      });
      const title = fill(t.chartTitle, { indicator: name, unit: scale.unit });
      list.push({
        id,
        indicator: name,
        url: zoneSlug.has(zone) ? `${INDICATORS_URL}${slugs.get(name)}/zone/${zoneSlug.get(zone)}/` : `${INDICATORS_URL}${slugs.get(name)}/`,
        unit: scale.unit,
        svg: lineChartSvg({ id, title, desc, unit: scale.unit, series }),
        series: series.map((x) => x.name),
        rows: rows.map((r) => ({
          label: spanLabel(r.figure),
          value: formatNumber(Number((r.figure.baseValue! / scale.factor).toPrecision(10))),
          written: formatFigureValue(r.figure),
          growth: formatGrowth(r.figure.growth),
          href: r.href,
          title: r.entry.record.title,
        })),
      });
    }
  }
  return out;
}
