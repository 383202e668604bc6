/** The non-blank, trimmed lines of a seed article in articles/, found by its number prefix ("000"). */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ARTICLES = join(import.meta.dirname, "..", "..", "articles");

export function seedLines(prefix: string): string[] {
  const name = readdirSync(ARTICLES).find((n) => n.startsWith(prefix));
  assert.ok(name, `seed ${prefix} exists`);
  return readFileSync(join(ARTICLES, name), "utf8")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
