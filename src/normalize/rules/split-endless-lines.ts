import type { Block } from "../../types.ts";
import type { Rule } from "./types.ts";
import { CLOSERS, TERMINAL } from "../text.ts";

/** No paragraph of a news article is this long; a longer line has lost its line breaks. */
export const MAX_BLOCK = 10_000;
/** Pieces of an endless line are cut at the first sentence end after this many characters. */
const PIECE = 2_000;

const SENTENCE_END = new RegExp(`[${TERMINAL}]+[${CLOSERS}]*`, "gu");
const CLAUSE_END = /[，；,;]/gu;

/** Where to cut `text` (longer than MAX_BLOCK) after `from`: a sentence end, else a clause end, else MAX_BLOCK characters on. */
function cutAfter(text: string, from: number): number {
  SENTENCE_END.lastIndex = from + PIECE;
  const s = SENTENCE_END.exec(text);
  if (s && s.index + s[0].length - from <= MAX_BLOCK) return s.index + s[0].length;
  let cut = -1;
  CLAUSE_END.lastIndex = from + PIECE;
  for (let m = CLAUSE_END.exec(text); m && m.index + 1 - from <= MAX_BLOCK; m = CLAUSE_END.exec(text)) cut = m.index + 1;
  if (cut > 0) return cut;
  let hard = from + MAX_BLOCK;
  const c = text.charCodeAt(hard - 1);
  if (c >= 0xd800 && c <= 0xdbff) hard--; // never between the halves of a surrogate pair
  return hard;
}

/**
 * A line tens of thousands of characters long (a file whose line breaks were
 * lost, or junk) is cut into paragraphs at sentence ends, so the later rules,
 * which compare the parts of a paragraph with each other, stay fast. Nothing
 * is dropped: the pieces together are the line. Lines up to MAX_BLOCK
 * characters (every real paragraph) are left as they are.
 */
export const splitEndlessLines: Rule = {
  name: "split-endless-lines",
  apply(blocks: Block[], ctx): Block[] {
    if (!blocks.some((b) => b.text.length > MAX_BLOCK)) return blocks;
    const out: Block[] = [];
    for (const b of blocks) {
      if (b.text.length <= MAX_BLOCK) {
        out.push(b);
        continue;
      }
      let from = 0;
      let pieces = 0;
      while (from < b.text.length) {
        const to = b.text.length - from <= MAX_BLOCK ? b.text.length : cutAfter(b.text, from);
        const text = b.text.slice(from, to).trim();
        if (text) {
          out.push(pieces === 0 ? { ...b, text } : { text, gap: 0, seq: b.seq });
          pieces++;
        }
        from = to;
      }
      ctx.warnings.push(`a line of ${b.text.length} characters (no paragraph is that long: its line breaks were lost?) was cut into ${pieces} paragraphs at sentence ends`);
    }
    return out;
  },
};
