/**
 * The interface text of the site: one JSON file per locale in
 * templates/i18n/ (zh-CN now; a Traditional-character copy can sit beside it).
 * The file also carries the page language, so strings and `<html lang>` change
 * together.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type zhCN from "../../templates/i18n/zh-CN.json";

export type UiStrings = typeof zhCN;

export const I18N_DIR = fileURLToPath(new URL("../../templates/i18n/", import.meta.url));

/** Reads templates/i18n/<locale>.json. */
export function loadStrings(locale = "zh-CN"): UiStrings {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
    throw new Error(`not a locale name: ${locale}`);
  }
  return JSON.parse(readFileSync(`${I18N_DIR}${locale}.json`, "utf8")) as UiStrings;
}

/** Fills `{name}` placeholders: fill("找到 {n} 篇", { n: 3 }) → "找到 3 篇". Unknown names stay as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
