import type { Block } from "../../types.ts";
import type { Rule } from "./types.ts";
import { CJK } from "../text.ts";

/**
 * Fold half-width punctuation next to Chinese text to full width, and
 * full-width digits, Latin letters and ％ to ASCII. Not NFKC: that would turn
 * ，；： into ,;: across the whole text.
 */
const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！" };
// punctuation with a Chinese character (or a closing quote) on the left, or on the right
const NEAR_CJK = new RegExp(`(?<=[${CJK}”’」』）])[,;:?!]|[,;:?!](?=[${CJK}“‘「『（])`, "gu");
// a (…) group whose content has Chinese in it → （…）
const PAREN_CJK = new RegExp(`\\(([^()]*[${CJK}][^()]*)\\)`, "gu");

// a period that ends a Chinese sentence written as "."
const PERIOD_CJK = new RegExp(`(?<=[${CJK}])\\.(?=$|[${CJK}“])`, "gu");
const HALF_PUNCT = /[,;:?!]/;

// The patterns below that begin with a lookbehind, or take several passes, are tried only on a text that
// has the character they change: most lines have none, and such a pattern is tried at every position.
export function foldText(text: string): string {
  let t = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  t = t.replace(/％/gu, "%").replace(/\uFF0E(?=\d)/gu, ".");
  // brackets first (nested or adjacent groups need a few passes), so a mark after （…） sees a full-width bracket
  if (t.includes("(")) {
    for (let i = 0; i < 3; i++) {
      const next = t.replace(PAREN_CJK, "（$1）");
      if (next === t) break;
      t = next;
    }
  }
  if (HALF_PUNCT.test(t)) t = t.replace(NEAR_CJK, (p) => HALF_TO_FULL[p] ?? p);
  if (t.includes(".")) t = t.replace(PERIOD_CJK, "。");
  return t;
}

export const foldPunctuation: Rule = {
  name: "fold-punctuation",
  apply(blocks: Block[]): Block[] {
    return blocks.map((b) => ({ ...b, text: foldText(b.text) }));
  },
};
