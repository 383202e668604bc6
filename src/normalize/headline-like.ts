import { PROSE_PUNCT, countCJK } from "./text.ts";
import { parseBylineBlock, parsePhotoCredit } from "../extract/byline.ts";

/**
 * Could this block be a headline line (引题, 主题, 副题, or an in-article
 * subhead)? Short, no sentence-internal punctuation, not a byline or credit.
 */
export function isHeadlineLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  if (countCJK(t) < 2) return false;
  const body = t.replace(/^——/u, "");
  if (PROSE_PUNCT.test(body)) return false;
  if (/[。！？]$/u.test(t) && !/^——/u.test(t)) return false;
  if (/^[（(].*[）)]$/u.test(t)) return false;
  if (parseBylineBlock(t)) return false;
  if (parsePhotoCredit(t)) return false;
  if (/^(本报讯|本刊讯)/u.test(t)) return false;
  return true;
}
