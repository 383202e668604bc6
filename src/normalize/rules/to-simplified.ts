import * as OpenCC from "opencc-js";
import type { Block } from "../../types.ts";
import type { Rule } from "./types.ts";
import { countCJK } from "../text.ts";

let converter: ((s: string) => string) | null = null;
/** Traditional (any variant) → Simplified (mainland), built once. */
export function toSimplified(text: string): string {
  if (!mayChange(text)) return text;
  const convert = (converter ??= OpenCC.Converter({ from: "t", to: "cn" }));
  return convert(text);
}

/**
 * What can make the converter change a text, read from the dictionaries it is
 * built from (opencc-js's t2s configuration, the one Converter({ from: "t",
 * to: "cn" }) uses): the characters that are themselves an entry with another
 * value, and the few phrases that change but hold none of those characters
 * (反覆 → 反复, 瞭解 → 了解). OpenCC only ever replaces a dictionary entry
 * found in the text, so a text holding none of these comes out as it went in;
 * checking that is one pass over the text instead of a conversion (which
 * was a twentieth of normalisation time, for texts that are nearly all
 * Simplified already).
 */
export interface ChangeTriggers {
  /** code points that are an entry of their own with another value */
  chars: Set<number>;
  /** changing entries of two or more characters with none of `chars`, by first code point */
  phrases: Map<number, string[]>;
}

/** A dictionary as opencc-js reads it: "from to|from to…" or [from, to] pairs. */
function entriesOf(dict: unknown): Array<[string, string]> {
  if (typeof dict === "string") {
    return dict
      .split("|")
      .map((e) => e.split(" "))
      .filter((p): p is [string, string] => typeof p[1] === "string")
      .map(([from, to]) => [from, to]);
  }
  if (Array.isArray(dict)) return dict.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "string");
  throw new Error("unknown opencc-js dictionary format");
}

/** null: the configuration is not one this reads, so every text is converted (the slow, sure way) */
export function changeTriggers(): ChangeTriggers | null {
  const cfg = (OpenCC as unknown as { Locale?: { configs?: Record<string, Record<string, unknown>> } }).Locale?.configs?.t2s;
  if (!cfg) return null;
  const chains: unknown[] = [];
  for (const [key, value] of Object.entries(cfg)) {
    // segmentation only cuts the text (a cut can only prevent a match); the chains replace
    if (key === "segmentation") continue;
    if (key !== "normalizationChain" && key !== "conversionChain") return null;
    if (!Array.isArray(value)) return null;
    for (const group of value) {
      if (!Array.isArray(group)) return null;
      chains.push(...group);
    }
  }
  let changing: Array<[string, string]>;
  try {
    changing = chains.flatMap(entriesOf).filter(([from, to]) => from !== to && from.length > 0);
  } catch {
    return null;
  }
  const chars = new Set<number>();
  for (const [from] of changing) {
    const cps = Array.from(from);
    if (cps.length === 1) chars.add(cps[0].codePointAt(0)!);
  }
  const phrases = new Map<number, string[]>();
  for (const [from] of changing) {
    const cps = Array.from(from, (c) => c.codePointAt(0)!);
    if (cps.length < 2 || cps.some((c) => chars.has(c))) continue;
    const list = phrases.get(cps[0]);
    if (list) {
      if (!list.includes(from)) list.push(from);
    } else phrases.set(cps[0], [from]);
  }
  return { chars, phrases };
}

/** 1: a trigger character, 2: a trigger phrase starts with it (BMP; others through the sets) */
let table: Uint8Array | null | undefined;
let triggers: ChangeTriggers | null = null;
/** the lowest code point a trigger starts with: everything below it (ASCII, punctuation) is skipped at once */
let lowest = 0;

function triggerTable(): Uint8Array | null {
  if (table !== undefined) return table;
  triggers = changeTriggers();
  if (!triggers) return (table = null);
  const t = new Uint8Array(0x10000);
  for (const c of triggers.chars) if (c < 0x10000) t[c] |= 1;
  for (const c of triggers.phrases.keys()) if (c < 0x10000) t[c] |= 2;
  lowest = Math.min(0xd800, ...triggers.chars, ...triggers.phrases.keys());
  return (table = t);
}

/** Could converting this text to Simplified change it? false means it certainly would not. */
export function mayChange(text: string): boolean {
  const t = triggerTable();
  if (!t || !triggers) return true;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < lowest) continue;
    let flag: number;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      c = text.codePointAt(i)!;
      width = c > 0xffff ? 2 : 1;
      flag = (triggers.chars.has(c) ? 1 : 0) | (triggers.phrases.has(c) ? 2 : 0);
    } else flag = t[c];
    if (flag & 1) return true;
    if (flag & 2) for (const p of triggers.phrases.get(c)!) if (text.startsWith(p, i)) return true;
    i += width - 1;
  }
  return false;
}

/**
 * Which script is this text in? Traditional when converting to Simplified
 * changes a noticeable share of its Chinese characters.
 */
export function detectScript(text: string): "Hans" | "Hant" {
  const total = countCJK(text);
  if (total === 0) return "Hans";
  if (!mayChange(text)) return "Hans";
  const simp = toSimplified(text);
  // code points compared position by position, walking both strings (no arrays: the text may be 50 MB);
  // stops as soon as the answer is known
  const enough = Math.max(2, total * 0.02);
  let changed = 0;
  for (let i = 0, j = 0; i < text.length && j < simp.length && changed < enough; ) {
    const a = text.codePointAt(i)!;
    const b = simp.codePointAt(j)!;
    if (a !== b) changed++;
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  return changed >= 2 && changed / total >= 0.02 ? "Hant" : "Hans";
}

export const toSimplifiedRule: Rule = {
  name: "to-simplified",
  apply(blocks: Block[], ctx): Block[] {
    const all = blocks.map((b) => b.text).join("\n");
    ctx.meta.script = detectScript(all);
    if (ctx.meta.script === "Hans") return blocks;
    return blocks.map((b) => ({ ...b, text: toSimplified(b.text) }));
  },
};
