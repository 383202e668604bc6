import type { ArticleRecord, Byline, BylineRole, Zone } from "../types.ts";
import { coerceDate } from "../extract/dates.ts";
import { isSafeId } from "./ids.ts";

/**
 * Front matter corrects what the normaliser found: any record field it sets
 * overrides the extracted value. Data only; wrong types and unsafe values are
 * reported and ignored, never trusted.
 */
export interface Overrides {
  id?: string;
  title?: string;
  kicker?: string | null;
  subtitle?: string | null;
  date?: string | null;
  zone?: Zone | null;
  authors?: Byline[];
  publisher?: string | null;
  tags?: string[];
}

const ROLES: readonly BylineRole[] = ["记者", "通讯员", "摄影", "作者", "编辑"];
const KNOWN = new Set(["id", "slug", "title", "kicker", "subtitle", "date", "zone", "authors", "publisher", "tags"]);

const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "" && !v.includes("\u0000");

export function readOverrides(
  data: Record<string, unknown>,
  findZone: (name: string) => Zone | null,
): { overrides: Overrides; warnings: string[] } {
  const o: Overrides = {};
  const warnings: string[] = [];
  const bad = (field: string, why: string): void => {
    warnings.push(`front matter: ${field} ${why}; ignored, the normaliser's value is kept`);
  };
  for (const key of Object.keys(data)) {
    if (!KNOWN.has(key)) warnings.push(`front matter: unknown field '${key.slice(0, 40)}' ignored`);
  }
  const idValue = data.id ?? data.slug;
  if (idValue !== undefined) {
    if (typeof idValue === "string" && isSafeId(idValue)) o.id = idValue;
    else bad("id", `${JSON.stringify(String(idValue)).slice(0, 60)} is not a safe id (lowercase letters, digits and hyphens only)`);
  }
  for (const field of ["title", "kicker", "subtitle", "publisher"] as const) {
    if (!(field in data)) continue;
    const v = data[field];
    if (isText(v)) o[field] = v.trim().slice(0, 200);
    else if (v === null && field !== "title") o[field] = null;
    else bad(field, "is not text");
  }
  if ("date" in data) {
    const v = data.date;
    if (v === null) o.date = null;
    else {
      const d = coerceDate(v);
      if (d) o.date = d;
      else bad("date", `${JSON.stringify(String(v)).slice(0, 40)} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
  }
  if ("zone" in data) {
    const v = data.zone;
    if (v === null) o.zone = null;
    else {
      const name = typeof v === "string" ? v : v && typeof v === "object" && "name" in v && typeof v.name === "string" ? v.name : null;
      const zone = name ? findZone(name) : null;
      if (zone) o.zone = zone;
      else bad("zone", `${JSON.stringify(name ?? String(v)).slice(0, 60)} is not a zone in the gazetteer`);
    }
  }
  if ("authors" in data) {
    const v = data.authors;
    const list: Byline[] = [];
    let ok = Array.isArray(v);
    for (const a of Array.isArray(v) ? v : []) {
      if (typeof a === "string" && isText(a)) list.push({ name: a.trim(), role: "作者" });
      else if (a && typeof a === "object" && isText((a as { name?: unknown }).name) && ROLES.includes((a as { role?: unknown }).role as BylineRole)) {
        list.push({ name: ((a as { name: string }).name).trim(), role: (a as { role: BylineRole }).role });
      } else ok = false;
    }
    if (ok) o.authors = list;
    else bad("authors", `must be a list of names or of { name, role } with role one of ${ROLES.join("/")}`);
  }
  if ("tags" in data) {
    const v = data.tags;
    if (Array.isArray(v) && v.every(isText)) o.tags = (v as string[]).map((t) => t.trim());
    else bad("tags", "must be a list of text");
  }
  return { overrides: o, warnings };
}

/** Apply overrides to a record; `single` says whether the file holds one article (headline fields apply only then). */
export function applyOverrides(rec: ArticleRecord, o: Overrides, single: boolean): void {
  if (single) {
    if (o.title !== undefined) rec.title = o.title;
    if (o.kicker !== undefined) rec.kicker = o.kicker;
    if (o.subtitle !== undefined) rec.subtitle = o.subtitle;
  }
  if (o.date !== undefined) {
    rec.date = o.date;
    rec.dateSource = o.date === null ? null : "override";
  }
  if (o.zone !== undefined) rec.zone = o.zone;
  if (o.authors !== undefined) rec.authors = o.authors;
  if (o.publisher !== undefined) rec.publisher = o.publisher;
  if (o.tags !== undefined) rec.tags = o.tags;
}
