/** Character classes and small text helpers shared by the normaliser's rules. */

/** CJK ideographs (basic + extension A + compatibility). */
export const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const CJK_RE = new RegExp(`[${CJK}]`, "u");

export function isCJK(ch: string): boolean {
  return CJK_RE.test(ch);
}

export function countCJK(text: string): number {
  // the ranges are all in the BMP: count UTF-16 units, no match array (a 50 MB file would make one of millions)
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

/** Punctuation that ends a sentence (or a paragraph) in Chinese press text. */
export const TERMINAL = "。！？…";
/** Closing marks that may follow terminal punctuation. */
export const CLOSERS = "”’」』）)】";

const WHITESPACE = /\s/u;
/** the closing marks that may end a quote or bracket block holding a whole sentence */
const BLOCK_CLOSERS = "”」）)";

/** Does the text end like a finished sentence? */
export function endsSentence(text: string): boolean {
  // back over trailing closing marks and white space (a loop: a regex anchored at the end is tried at every position)
  let end = text.length;
  let lastMark = -1; // the last character that is not white space, when it is a closing mark
  while (end > 0) {
    const ch = text[end - 1];
    if (CLOSERS.includes(ch)) {
      if (lastMark < 0) lastMark = end - 1;
    } else if (!WHITESPACE.test(ch)) break;
    end--;
  }
  if (end === 0) return false;
  if (TERMINAL.includes(text[end - 1])) return true;
  // a closing quote or bracket right after terminal punctuation, or a whole quote/paren block
  return lastMark >= 0 && BLOCK_CLOSERS.includes(text[lastMark]) && /[。！？]/u.test(text);
}

/** Sentence-internal punctuation: a line that has it is prose, not a headline. */
export const PROSE_PUNCT = /[，。；！？,;]/u;

/**
 * Split a paragraph into sentences, keeping the end punctuation (and any closing
 * quote after it) with its sentence. A trailing unfinished piece is kept too.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？]*[。！？]+[”’」』）)]*|[^。！？]+$/gu;
  for (const m of text.matchAll(re)) {
    const s = m[0];
    if (s.trim()) out.push(s);
  }
  return out;
}

/** Split a paragraph into clauses at ，；。！？ (punctuation kept with its clause). */
export function splitClauses(text: string): string[] {
  const out: string[] = [];
  const re = /[^，；。！？,;]*[，；。！？,;]+[”’」』）)]*|[^，；。！？,;]+$/gu;
  for (const m of text.matchAll(re)) if (m[0]) out.push(m[0]);
  return out;
}

/** Collapse whitespace for comparisons (not for output). */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/gu, "");
}
