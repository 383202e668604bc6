/**
 * Formatting helpers the templates call as filters: dates with their
 * precision, bylines by role, figures, the GB/T 7714 citation line, excerpts
 * and URL slugs. Pure functions, no Eleventy here.
 */
import MarkdownIt from "markdown-it";
import type { ArticleRecord, Byline, BylineRole, Figure } from "../types.ts";
import { fill, type UiStrings } from "./strings.ts";
import { groupBy } from "./group.ts";

// ── dates ───────────────────────────────────────────────────────────────

export type DatePrecision = "day" | "month" | "year" | "none";

export interface ArchiveDate {
  year: number | null;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2013-11-20" | "2013-11" | "2013" | null → its parts and precision. Anything else counts as no date. */
export function parseArchiveDate(date: string | null | undefined): ArchiveDate {
  const m = typeof date === "string" ? DATE_RE.exec(date) : null;
  if (!m) return { year: null, month: null, day: null, precision: "none" };
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return { year, month: null, day: null, precision: "year" };
  if (day !== null && (day < 1 || day > 31)) return { year, month, day: null, precision: "month" };
  return { year, month, day, precision: day !== null ? "day" : month !== null ? "month" : "year" };
}

/** 2013年11月20日 / 2013年11月 / 2013年 / 日期不详 — never more precise than the record. */
export function formatDate(date: string | null | undefined, s: UiStrings): string {
  const d = parseArchiveDate(date);
  switch (d.precision) {
    case "day":
      return fill(s.date.day, { y: d.year!, m: d.month!, d: d.day! });
    case "month":
      return fill(s.date.month, { y: d.year!, m: d.month! });
    case "year":
      return fill(s.date.year, { y: d.year! });
    default:
      return s.date.unknown;
  }
}

/** The machine-readable form for <time datetime>: as precise as known, or "" when undated. */
export function isoDate(date: string | null | undefined): string {
  const d = parseArchiveDate(date);
  const p2 = (n: number) => String(n).padStart(2, "0");
  switch (d.precision) {
    case "day":
      return `${d.year}-${p2(d.month!)}-${p2(d.day!)}`;
    case "month":
      return `${d.year}-${p2(d.month!)}`;
    case "year":
      return String(d.year);
    default:
      return "";
  }
}

/**
 * A fixed-width key that sorts dates of mixed precision: 2013-00-00 < 2013-11-00
 * < 2013-11-20. Undated → 0000-00-00. Used for Pagefind's date sort.
 */
export function dateSortKey(date: string | null | undefined): string {
  const d = parseArchiveDate(date);
  if (d.precision === "none") return "0000-00-00";
  const p2 = (n: number | null) => String(n ?? 0).padStart(2, "0");
  return `${d.year}-${p2(d.month)}-${p2(d.day)}`;
}

/** Chronological order: dated articles by date key then id; undated ones after all dated, by id. */
export function compareChronological(
  a: { date: string | null; id: string },
  b: { date: string | null; id: string },
): number {
  const ka = dateSortKey(a.date);
  const kb = dateSortKey(b.date);
  const ua = ka === "0000-00-00";
  const ub = kb === "0000-00-00";
  if (ua !== ub) return ua ? 1 : -1;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** ISO timestamp for Atom's <updated>: the start of the known period, UTC. */
export function atomTimestamp(date: string | null | undefined): string {
  const d = parseArchiveDate(date);
  if (d.precision === "none") return "1970-01-01T00:00:00Z";
  const p2 = (n: number | null) => String(n ?? 1).padStart(2, "0");
  return `${d.year}-${p2(d.month)}-${p2(d.day)}T00:00:00Z`;
}

// ── bylines ─────────────────────────────────────────────────────────────

export const ROLE_ORDER: BylineRole[] = ["记者", "通讯员", "作者", "摄影", "编辑"];

export interface BylineGroup {
  role: BylineRole;
  names: string[];
}

/** Authors grouped by role, roles in a fixed order, names in the order given. */
export function groupBylines(authors: readonly Byline[]): BylineGroup[] {
  const groups: BylineGroup[] = [];
  for (const role of ROLE_ORDER) {
    const names = authors.filter((a) => a.role === role).map((a) => a.name);
    if (names.length) groups.push({ role, names });
  }
  // roles outside the contract's list still show, after the known ones
  const known = new Set<string>(ROLE_ORDER);
  for (const a of authors) {
    if (known.has(a.role)) continue;
    const g = groups.find((x) => x.role === a.role);
    if (g) g.names.push(a.name);
    else groups.push({ role: a.role, names: [a.name] });
  }
  return groups;
}

// ── figures ─────────────────────────────────────────────────────────────

/** A number as the press writes it: no thousands separators, no float noise. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return String(Number(value.toPrecision(12)));
}

/** "1.39亿美元", "20%"; "" when there is no value. */
export function formatFigureValue(f: Pick<Figure, "value" | "unit">): string {
  const n = formatNumber(f.value);
  return n ? n + (f.unit ?? "") : "";
}

/** "+20%", "−13%" (true minus sign), "" when unknown. */
export function formatGrowth(growth: number | null | undefined): string {
  const n = formatNumber(growth);
  if (!n) return "";
  if (growth! > 0) return `+${n}%`;
  if (growth! < 0) return `−${n.slice(1)}%`;
  return `${n}%`;
}

// ── citation (GB/T 7714—2015) ───────────────────────────────────────────

const WRITER_ROLES = new Set<string>(["记者", "作者", "通讯员"]);

/**
 * One citation line in the style of GB/T 7714—2015 for a newspaper article:
 *   张心致, 吴寒寒, 汪雷雷. 题名：副题[N/OL]. 鹤壁日报, 2013-11-20. URL.
 * At most three authors, then "等"; [EB/OL] when the publisher is unknown;
 * the date only as precise as known; no access date (builds stay reproducible).
 */
export function citation(
  r: Pick<ArticleRecord, "title" | "subtitle" | "authors" | "publisher" | "date">,
  url: string,
): string {
  const writers = r.authors.filter((a) => WRITER_ROLES.has(a.role)).map((a) => a.name);
  const names = writers.length > 3 ? `${writers.slice(0, 3).join(", ")}, 等` : writers.join(", ");
  const title = r.subtitle ? `${r.title}：${r.subtitle}` : r.title;
  const kind = r.publisher ? "[N/OL]" : "[EB/OL]";
  const date = isoDate(r.date);
  const where = [r.publisher, date].filter(Boolean).join(", ");
  const parts = [names ? `${names}. ` : "", `${title}${kind}.`];
  if (where) parts.push(` ${where}.`);
  if (url) parts.push(` ${url}.`);
  return parts.join("");
}

// ── excerpts ────────────────────────────────────────────────────────────

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The literal text of one Markdown paragraph (escapes undone, entities decoded, no markup). */
export function markdownToText(source: string): string {
  const out: string[] = [];
  for (const block of md.parse(source, {})) {
    if (block.type !== "inline" || !block.children) continue;
    for (const t of block.children) {
      if (t.type === "text" || t.type === "code_inline") out.push(t.content);
      else if (t.type === "softbreak" || t.type === "hardbreak") out.push(" ");
    }
    out.push(" ");
  }
  return out.join("").replace(/\s+/g, " ").trim();
}

/**
 * A short plain-text excerpt of a Markdown body: the first paragraphs up to
 * `max` characters (counted in code points), ending in "……" when cut.
 */
export function excerpt(markdownBody: string, max = 90): string {
  const paras = markdownBody.split(/\n\s*\n/);
  let text = "";
  for (const p of paras) {
    if (!p.trim()) continue;
    const t = markdownToText(p);
    if (!t) continue;
    text = text ? `${text} ${t}` : t;
    if ([...text].length > max) break;
  }
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("").trimEnd()}……` : text;
}

// ── slugs ───────────────────────────────────────────────────────────────

/**
 * A readable URL segment for a name: letters and digits of any script kept
 * (Chinese names stay Chinese), every other run of characters becomes "-".
 */
export function slugify(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/** FNV-1a, 32 bit, over the code points of a string. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** FNV-1a, 32 bit, as 8 hex digits: a short stable tag to tell colliding slugs apart. */
export function shortHash(s: string): string {
  return fnv1a32(s).toString(16).padStart(8, "0");
}

/**
 * Unique slugs for a set of names, the same for the same set in any order:
 * names whose slugs collide (or are empty) get "-<hash>" appended.
 */
export function uniqueSlugs(names: Iterable<string>): Map<string, string> {
  const distinct = [...new Set(names)].sort();
  const bySlug = groupBy(distinct, slugify);
  const out = new Map<string, string>();
  for (const [s, list] of bySlug) {
    for (const n of list) {
      out.set(n, s && list.length === 1 ? s : `${s ? `${s}-` : "x-"}${shortHash(n)}`);
    }
  }
  return out;
}
