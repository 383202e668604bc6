/** The seed articles in /articles, read once, with a Traditional-script version of each for Big5 tests. */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURES = join(root, "tests", "fixtures", "ingest");

export interface Seed {
  name: string;
  bytes: Uint8Array;
  text: string;
}

export const SEEDS: Seed[] = readdirSync(join(root, "articles"))
  .filter((n) => n.endsWith(".txt"))
  .sort()
  .map((name) => {
    const bytes = new Uint8Array(readFileSync(join(root, "articles", name)));
    return { name, bytes, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  });

let toTrad: ((s: string) => string) | null = null;
/** Simplified → Traditional (Taiwan forms), for Big5 samples. */
export function traditional(s: string): string {
  const convert = toTrad ?? OpenCC.Converter({ from: "cn", to: "tw" });
  toTrad = convert;
  return convert(s);
}
