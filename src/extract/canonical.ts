/**
 * Figures made comparable: what the extractor read, plus
 *
 * - `canonical`: the one name variants are gathered under (规上工业增加值,
 *   规模以上工业企业增加值 → 规模以上工业增加值), from the lexicon in
 *   src/data/indicators.ts: an exact entry, or the longest entry the name ends
 *   with (辖区生产总值 → 生产总值). Never for a share (…占…, …比重, …占比):
 *   地方公共财政预算收入占地方财政总收入 is not 财政总收入. Never when the unit
 *   does not fit the indicator's kind (a count in 亿元, an amount in %).
 * - `baseValue` / `baseUnit`: the value in its base unit (75.7 亿元 → 7570000000 元,
 *   1.39 亿美元 → 139000000 美元, 22.1 万平方米 → 221000 平方米; % and counts as they are).
 * - `periodStart` / `periodEnd`: the period as a span of months (YYYY-MM) or of
 *   years (YYYY), with the article's year where the text names none
 *   (1—10月 in a 2013 article → 2013-01 … 2013-10; 今年 → 2013 … 2013;
 *   截至9月底 → null … 2013-09). No span without a year: an undated article's
 *   1—4月 has none, and neither has a yearless 1—9月 in an article dated
 *   before September (it cannot be that year's, and which year it is would be
 *   a guess). 截至目前 has none either.
 *
 * Pure, never throws; the extractor's fields are kept as they are.
 */
import type { Figure } from "../types.ts";
import { lookupIndicator, indicatorSuffix, type IndicatorKind } from "../data/indicators.ts";
import { isCountUnit, toBase } from "./numbers.ts";

/** 占, 比重, 占比, 比例: a share of something, not the thing. */
const SHARE_RE = /占|比重$|占比$|比例$/;

function unitFits(kind: IndicatorKind, unit: string | null): boolean {
  if (unit === null) return true; // growth only
  if (kind === "rate") return unit === "%";
  if (kind === "count") return isCountUnit(unit);
  return unit !== "%" && !isCountUnit(unit);
}

/** The canonical indicator of a figure, or null when the lexicon does not know it (or it is a share). */
export function canonicalOf(f: Pick<Figure, "indicator" | "unit">): string | null {
  const name = f.indicator;
  if (typeof name !== "string" || name.length === 0) return null;
  if (SHARE_RE.test(name)) return null;
  const def = lookupIndicator(name) ?? indicatorSuffix(name);
  if (!def || !unitFits(def.kind, f.unit)) return null;
  return def.canonical;
}

// ── periods as spans ────────────────────────────────────────────────────

export interface Span {
  start: string | null;
  end: string | null;
}

const CN_QUARTER: Readonly<Record<string, readonly [number, number]>> = {
  一季度: [1, 3],
  二季度: [4, 6],
  三季度: [7, 9],
  四季度: [10, 12],
  上半年: [1, 6],
  下半年: [7, 12],
  前三季度: [1, 9],
};

const p2 = (n: number): string => String(n).padStart(2, "0");
const ym = (y: number, m: number): string => `${y}-${p2(m)}`;

/** The article's year and month (month null when the date is only a year). */
function articleYearMonth(date: string | null | undefined): { year: number; month: number | null } | null {
  if (typeof date !== "string") return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$/.exec(date);
  if (!m) return null;
  const month = m[2] === undefined ? null : Number(m[2]);
  return { year: Number(m[1]), month: month !== null && month >= 1 && month <= 12 ? month : null };
}

const PERIOD_RE = /^(?:(\d{4})年|(今年|本年)|(去年|上年))?(?:(\d{1,2})(?:—(\d{1,2}))?月|(前三季度|[一二三四]季度|上半年|下半年)|(全年))?$/;
const UNTIL_RE = /^截至(?:(\d{4})年)?(\d{1,2})月底$/;

/**
 * The span of a period as the extractor normalised it (1—10月, 2022年1—6月,
 * 前三季度, 截至9月底, 今年, 去年, 全年, 2022年), in an article of `date`.
 * Null when the period is null, unknown (截至目前) or needs a year nobody gave.
 */
export function periodSpan(period: string | null | undefined, date: string | null | undefined): Span | null {
  if (typeof period !== "string" || period === "") return null;
  const art = articleYearMonth(date);
  const until = UNTIL_RE.exec(period);
  if (until) {
    const month = Number(until[2]);
    if (month < 1 || month > 12) return null;
    const year = until[1] ? Number(until[1]) : yearFor(art, month);
    return year === null ? null : { start: null, end: ym(year, month) };
  }
  const m = PERIOD_RE.exec(period);
  if (!m || m[0] === "") return null;
  const [, explicit, thisYear, lastYear, from, to, quarter, whole] = m;
  let months: readonly [number, number] | null = null;
  if (from !== undefined) {
    const a = Number(from);
    const b = to === undefined ? a : Number(to);
    if (a < 1 || b > 12 || a > b) return null;
    months = [a, b];
  } else if (quarter !== undefined) {
    months = CN_QUARTER[quarter] ?? null;
  }
  let year: number | null;
  if (explicit) year = Number(explicit);
  else if (lastYear) year = art ? art.year - 1 : null;
  else if (thisYear || whole || !months) year = art ? art.year : null;
  else year = yearFor(art, months[1]);
  if (year === null) return null;
  if (!months) return { start: String(year), end: String(year) };
  return { start: ym(year, months[0]), end: ym(year, months[1]) };
}

/**
 * The year of a yearless period ending in `endMonth`: the article's, unless the
 * article is dated to a month before that (then no year: it is not this year's,
 * and which earlier year it is the text does not say).
 */
function yearFor(art: { year: number; month: number | null } | null, endMonth: number): number | null {
  if (!art) return null;
  if (art.month !== null && endMonth > art.month) return null;
  return art.year;
}

// ── the whole figure ────────────────────────────────────────────────────

/**
 * The figure with its comparable fields, in a fixed key order. Fields the
 * figure already carries (from front matter, say) are recomputed: they follow
 * from the others.
 */
export function canonicalFigure(f: Figure, date: string | null | undefined): Figure {
  const base = f.value !== null && Number.isFinite(f.value) && f.unit ? toBase(f.value, f.unit) : null;
  const span = periodSpan(f.period, date);
  const out: Figure = {
    indicator: f.indicator,
    value: f.value,
    unit: f.unit,
    growth: f.growth,
    period: f.period,
    quote: f.quote,
  };
  // an amount with no indicator cannot be compared with anything: say so
  if (f.uncertain || (f.indicator === null && f.value !== null)) out.uncertain = true;
  if (f.target) out.target = true;
  out.canonical = canonicalOf(f);
  out.baseValue = base ? base.value : null;
  out.baseUnit = base ? base.unit : null;
  out.periodStart = span ? span.start : null;
  out.periodEnd = span ? span.end : null;
  return out;
}

/** Every figure of an article dated `date` (YYYY, YYYY-MM, YYYY-MM-DD or null), made comparable. */
export function canonicalFigures(figures: readonly Figure[], date: string | null | undefined): Figure[] {
  if (!Array.isArray(figures)) return [];
  return figures.map((f) => canonicalFigure(f, date));
}
