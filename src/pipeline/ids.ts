import { createHash } from "node:crypto";
import { pinyin } from "pinyin-pro";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** ASCII slug of a Chinese name: 鹤壁经开区 → hebijingkaiqu. */
export function slugOf(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    const p = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive" }).join("");
    slug = p.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    // the names are the gazetteer's and the archive's (a few hundred): pinyin-pro was 4 % of normalising
    if (slugs.size < 10_000) slugs.set(name, slug);
  }
  return slug;
}
const slugs = new Map<string, string>();

/**
 * A stable, readable, URL-safe id: date (as precise as known, or "undated"),
 * the zone's short name in pinyin, and a hash of where the article comes from
 * (file path and part), so the same input gives the same id on every build.
 */
export function articleId(opts: { date: string | null; zoneShortName: string | null; file: string; part: number }): string {
  const hash = sha256(`${opts.file}#${opts.part}`).slice(0, 8);
  const zone = opts.zoneShortName ? slugOf(opts.zoneShortName) : "";
  return [opts.date ?? "undated", zone, hash].filter(Boolean).join("-");
}

/** An id an editor may set: lowercase letters, digits and single hyphens only. */
export function isSafeId(id: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && id.length <= 100;
}
