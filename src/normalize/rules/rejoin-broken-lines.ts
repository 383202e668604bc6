import type { Block } from "../../types.ts";
import type { Rule } from "./types.ts";
import { PROSE_PUNCT, endsSentence, squash } from "../text.ts";
import { Openings } from "../seen-text.ts";
import { MAX_BLOCK } from "./split-endless-lines.ts";
import { foldText } from "./fold-punctuation.ts";
import { isHeadlineLike } from "../headline-like.ts";
import { parseBylineBlock, parseLead, parsePhotoCredit } from "../../extract/byline.ts";

/**
 * Rejoin a paragraph broken mid-sentence by the page layout or the scraper:
 * "“目前，开发区的招商引资与面临的" + "形势和任务要求相比，…". A short line
 * without sentence punctuation is a headline, not a broken paragraph, and is
 * left alone; so is a line that repeats the start of an earlier paragraph
 * (a truncated duplicate: drop-repeats deals with it).
 */
function isProseFragment(text: string): boolean {
  const t = text.trim();
  if (endsSentence(t)) return false;
  if (parseBylineBlock(t) || parsePhotoCredit(t)) return false;
  if (/[：:]$/u.test(t)) return false; // a lead-in to a list is a finished unit
  // a bracket or quote left open: 本报讯（记者 / 李明）…
  if (/[（“][^（）“”]*$/u.test(t)) return true;
  // a lead with the start of the text after it: 本报讯（记者 李明）从11月 / 4日起，…
  if (parseLead(t)?.rest.trim()) return true;
  return PROSE_PUNCT.test(t) || t.length > 40;
}

function canContinue(text: string): boolean {
  const t = text.trim();
  if (isHeadlineLike(t)) return false;
  if (parseBylineBlock(t)) return false;
  if (/^(本报讯|本刊讯|[（(]?本报记者)/u.test(t)) return false;
  return true;
}

export const rejoinBrokenLines: Rule = {
  name: "rejoin-broken-lines",
  apply(blocks: Block[]): Block[] {
    const out: Block[] = [];
    const seen = new Openings();
    for (const b of blocks) {
      const prev = out[out.length - 1];
      if (
        prev &&
        prev.hint !== "headline" &&
        b.hint !== "headline" &&
        b.gap <= 2 &&
        isProseFragment(prev.text) &&
        canContinue(b.text) &&
        prev.text.length + b.text.length <= MAX_BLOCK &&
        // a line that restarts an earlier paragraph is a truncated duplicate, unless the next line goes on the same way
        (!seen.continues(squash(prev.text)) || seen.opensWith(squash(prev.text) + squash(b.text)))
      ) {
        // folded again: the join can put a half-width mark beside Chinese text (…占51.9%, / 总投资…)
        out[out.length - 1] = { ...prev, text: foldText(prev.text.trimEnd() + b.text.trimStart()) };
        continue;
      }
      if (prev) seen.add(squash(prev.text));
      out.push(b);
    }
    return out;
  },
};
