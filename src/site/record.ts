/**
 * Reads an article record back out of a page's data (the normalised
 * Markdown's front matter) into the typed ArticleRecord, tolerating what YAML
 * may have done to it on the way (a bare 2013 read as a number, 2013-11-20 as
 * a Date) and never trusting a field to be of the right type.
 */
import type { ArticleRecord, Byline, BylineRole, Figure, SourceRef, Zone, ZoneLevel, ZoneType } from "../types.ts";

type Data = Record<string, unknown>;

const isObj = (v: unknown): v is Data => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const strOrNull = (v: unknown): string | null => {
  const s = str(v).trim();
  return s ? s : null;
};
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** YAML may hand a date back as a Date or a number; the record wants YYYY[-MM[-DD]] or null. */
export function coerceDate(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === "number" && Number.isInteger(v)) return String(v).padStart(4, "0");
  if (typeof v === "string" && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v.trim())) return v.trim();
  return null;
}

/** A span end: YYYY-MM or YYYY (YAML may read a bare year as a number). */
function coerceSpan(v: unknown): string | null {
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  return typeof v === "string" && /^\d{4}(-\d{2})?$/.test(v) ? v : null;
}

function zoneOf(v: unknown): Zone | null {
  if (!isObj(v)) return null;
  const name = strOrNull(v.name);
  if (!name) return null;
  return {
    name,
    shortName: strOrNull(v.shortName) ?? name,
    type: (strOrNull(v.type) ?? "其他") as ZoneType,
    level: (strOrNull(v.level) as ZoneLevel) ?? null,
    city: str(v.city).trim(),
    county: strOrNull(v.county),
  };
}

function bylines(v: unknown): Byline[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).flatMap((a) => {
    const name = strOrNull(a.name);
    return name ? [{ name, role: (strOrNull(a.role) ?? "作者") as BylineRole }] : [];
  });
}

function figures(v: unknown): Figure[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObj).map((f) => {
    const fig: Figure = {
      indicator: strOrNull(f.indicator),
      value: num(f.value),
      unit: strOrNull(f.unit),
      growth: num(f.growth),
      period: strOrNull(f.period),
      quote: str(f.quote),
    };
    if (f.uncertain === true) fig.uncertain = true;
    if (f.target === true) fig.target = true;
    // the comparable fields (src/extract/canonical.ts)
    fig.canonical = strOrNull(f.canonical);
    fig.baseValue = num(f.baseValue);
    fig.baseUnit = strOrNull(f.baseUnit);
    fig.periodStart = coerceSpan(f.periodStart);
    fig.periodEnd = coerceSpan(f.periodEnd);
    return fig;
  });
}

function sourceOf(v: unknown, fallbackFile: string): SourceRef {
  const s = isObj(v) ? v : {};
  const part = num(s.part) ?? 1;
  const parts = num(s.parts) ?? 1;
  return { file: strOrNull(s.file) ?? fallbackFile, sha256: str(s.sha256), part, parts: Math.max(parts, part) };
}

/** The record from one article page's data; `fallbackId` (the file name) when the id is missing. */
export function toRecord(data: Data, fallbackId: string): ArticleRecord {
  const id = strOrNull(data.id) ?? fallbackId;
  const dateSource = strOrNull(data.dateSource);
  return {
    id,
    url: str(data.url),
    title: strOrNull(data.title) ?? id,
    kicker: strOrNull(data.kicker),
    subtitle: strOrNull(data.subtitle),
    date: coerceDate(data.date),
    dateSource:
      dateSource === "explicit" || dateSource === "inferred" || dateSource === "override" ? dateSource : null,
    zone: zoneOf(data.zone),
    authors: bylines(data.authors),
    publisher: strOrNull(data.publisher),
    script: data.script === "Hant" ? "Hant" : "Hans",
    source: sourceOf(data.source, `${id}`),
    figures: figures(data.figures),
    tags: Array.isArray(data.tags) ? [...new Set(data.tags.map(str).map((t) => t.trim()).filter(Boolean))] : [],
    chars: num(data.chars) ?? 0,
  };
}

/** Photo captions (…摄) from the page data, as plain strings. */
export function toCaptions(data: Data): string[] {
  return Array.isArray(data.captions) ? data.captions.map(str).filter((c) => c.trim() !== "") : [];
}
