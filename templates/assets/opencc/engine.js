// Character-script conversion, the same code in the build (Node) and in the
// browser: OpenCC's own steps (normalise → cut into phrases → convert each
// phrase through a chain of dictionaries) around opencc-js's Trie, plus the
// archive's override dictionary for proper names, applied first and never
// converted again. Which dictionaries are used is the caller's business
// (src/site/script.ts in the build; the generated assets/opencc/*.js in the
// browser), so both sides convert exactly alike.

/**
 * @typedef {object} TrieLike
 * @property {(group: any[]) => void} loadDictGroup
 * @property {(s: string, i: number) => ({ end: number, value: string } | null)} matchPrefix
 * @property {(s: string) => string} convert
 */

/**
 * @typedef {object} ScriptDicts
 * @property {(string | string[][])[][]} [normalize] dictionary groups applied first (OpenCC's normalizationChain)
 * @property {(string | string[][])[]} [segment] phrase dictionaries that cut the text (OpenCC's segmentation)
 * @property {(string | string[][])[][]} chain dictionary groups each phrase goes through, in order
 * @property {[string, string][]} [overrides] [from, to] pairs matched before anything else, longest first
 */

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * @param {new () => TrieLike} Trie opencc-js's Trie class
 * @param {ScriptDicts} dicts
 * @param {(phrase: string) => void} [onPhrase] told every dictionary phrase the text was cut into
 * @returns {(text: string) => string}
 */
export function makeConverter(Trie, dicts, onPhrase) {
  const group = (g) => {
    const t = new Trie();
    t.loadDictGroup(g);
    return t;
  };
  const normalize = (dicts.normalize || []).map(group);
  const segmenter = dicts.segment && dicts.segment.length ? group(dicts.segment) : null;
  const chain = dicts.chain.map(group);
  const overrides = new Map(dicts.overrides || []);
  const overrideRe = overrides.size
    ? new RegExp(`(${[...overrides.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join("|")})`, "u")
    : null;

  /** OpenCC's segmentation: longest dictionary phrase at each point, other text in runs. */
  const phrases = (s) => {
    if (!segmenter) return [s];
    const out = [];
    let run = -1;
    for (let i = 0; i < s.length; ) {
      const m = segmenter.matchPrefix(s, i);
      if (m) {
        if (run >= 0) out.push(s.slice(run, i));
        run = -1;
        const phrase = s.slice(i, m.end);
        if (onPhrase) onPhrase(phrase);
        out.push(phrase);
        i = m.end;
      } else {
        if (run < 0) run = i;
        i += s.codePointAt(i) > 0xffff ? 2 : 1;
      }
    }
    if (run >= 0) out.push(s.slice(run));
    return out;
  };

  // Pieces repeat (words, names, runs between them): remember what each became.
  const pieces = new Map();
  const convertPiece = (piece) => {
    let out = pieces.get(piece);
    if (out === undefined) {
      out = piece;
      for (const t of chain) out = t.convert(out);
      if (pieces.size < 200000) pieces.set(piece, out);
    }
    return out;
  };
  // compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) are the only thing OpenCC normalises
  const needsNormalizing = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;

  const plain = (s) => {
    if (!s) return s;
    if (normalize.length && needsNormalizing.test(s)) for (const t of normalize) s = t.convert(s);
    let out = "";
    for (const piece of phrases(s)) out += convertPiece(piece);
    return out;
  };

  return (text) => {
    if (!overrideRe) return plain(text);
    const parts = text.split(overrideRe);
    let out = "";
    // split with one capture group: even indexes are text, odd ones an override
    for (let i = 0; i < parts.length; i++) out += i % 2 ? overrides.get(parts[i]) : plain(parts[i]);
    return out;
  };
}
