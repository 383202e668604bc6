import * as OpenCC from "opencc-js";
import type { Block } from "../../types.ts";
import type { Rule } from "./types.ts";
import { countCJK } from "../text.ts";

let converter: ((s: string) => string) | null = null;
/** Traditional (any variant) → Simplified (mainland), built once. */
export function toSimplified(text: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: "t", to: "cn" }));
  return convert(text);
}

/**
 * Which script is this text in? Traditional when converting to Simplified
 * changes a noticeable share of its Chinese characters.
 */
export function detectScript(text: string): "Hans" | "Hant" {
  const total = countCJK(text);
  if (total === 0) return "Hans";
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
