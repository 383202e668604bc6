import type { Block, Removal } from "../../types.ts";
import type { Rule } from "./types.ts";
import { PROSE_PUNCT, endsSentence, splitClauses, splitSentences, squash } from "../text.ts";
import { parseBylineBlock, parseLead } from "../../extract/byline.ts";
import { distance } from "fastest-levenshtein";
import { ContainmentIndex, Openings } from "../seen-text.ts";

/** Sentences shorter than this (in characters, whitespace removed) may repeat legitimately. */
const MIN_SENTENCE = 12;
/** A sentence this long that stands inside an earlier one is a repeat (the earlier had a lead-in like 下一步，). */
const MIN_CONTAINED = 20;
/** Near repeats (a character lost or changed in the copy) count as repeats up to this share of edits. */
const NEAR_SHARE = 0.03;
const NEAR_MIN = 20;

/**
 * Sentences seen so far, findable by their opening and closing characters and
 * their length for near-repeat checks (a near repeat differs in length by no
 * more than the edits allowed, so only those lengths are compared).
 */
class SeenSentences {
  private readonly exact = new Set<string>();
  private readonly within = new ContainmentIndex();
  private readonly openings = new Openings();
  /** sentences by their first and by their last EDGE characters, then by length */
  private readonly byHead = new Map<string, Map<number, string[]>>();
  private readonly byTail = new Map<string, Map<number, string[]>>();

  private readonly short = new Set<string>();

  add(key: string): void {
    if (key.length < MIN_SENTENCE) {
      this.short.add(key);
      return;
    }
    if (this.exact.has(key)) return;
    this.exact.add(key);
    this.within.add(key);
    this.openings.add(key);
    file(this.byHead, key.slice(0, EDGE), key);
    file(this.byTail, key.slice(-EDGE), key);
  }

  /** the same sentence, one inside a longer earlier sentence, or the same but for a few characters */
  has(key: string): boolean {
    if (key.length < MIN_SENTENCE) return false;
    if (this.exact.has(key)) return true;
    if (key.length >= MIN_CONTAINED && this.within.contains(key)) return true;
    if (key.length < NEAR_MIN) return false;
    const limit = Math.max(1, Math.floor(key.length * NEAR_SHARE));
    for (const byLength of [this.byHead.get(key.slice(0, EDGE)), this.byTail.get(key.slice(-EDGE))]) {
      if (!byLength) continue;
      for (let len = key.length - limit; len <= key.length + limit; len++) {
        for (const x of byLength.get(len) ?? []) if (distance(x, key) <= limit) return true;
      }
    }
    return false;
  }

  /** a sentence too short to count as a repeat on its own, seen before */
  hasShort(key: string): boolean {
    return this.short.has(key);
  }

  /** an unfinished piece that only restarts an earlier sentence */
  restarts(key: string): boolean {
    return key.length >= MIN_PREFIX && this.openings.continues(key);
  }
}

/** how many opening (closing) characters a near repeat must share with the sentence it repeats */
const EDGE = 6;

function file(index: Map<string, Map<number, string[]>>, edge: string, key: string): void {
  let byLength = index.get(edge);
  if (!byLength) index.set(edge, (byLength = new Map()));
  const list = byLength.get(key.length);
  if (list) list.push(key);
  else byLength.set(key.length, [key]);
}

/** A truncated repeat must keep at least this much of the original to count as one. */
const MIN_PREFIX = 8;

/**
 * Within one paragraph: a run of clauses written twice in a row ("A，B，A，B，")
 * keeps one copy, and a last unfinished clause that only restarts an earlier
 * clause of the paragraph is dropped.
 */
export function dropTandemClauses(text: string, removed: Removal[], seq?: number): string {
  let clauses = splitClauses(text);
  let changed = true;
  while (changed) {
    changed = false;
    // clauses compared without whitespace and without their closing mark (the last copy may end in 。)
    const keys = clauses.map((c) => squash(c).replace(/[，；,;。！？]+$/u, ""));
    outer: for (let len = Math.floor(clauses.length / 2); len >= 1; len--) {
      for (let i = 0; i + 2 * len <= clauses.length; i++) {
        if (keys[i] !== keys[i + len]) continue;
        let same = true;
        let chars = 0;
        for (let k = 0; k < len && same; k++) {
          same = keys[i + k] === keys[i + len + k];
          chars += keys[i + k].length;
        }
        if (!same || chars < MIN_SENTENCE) continue;
        {
          // keep the later copy when it ends the paragraph: it carries the final 。
          const dropFrom = i + 2 * len === clauses.length ? i : i + len;
          removed.push({ rule: "drop-repeats: repeated clauses", text: clauses.slice(dropFrom, dropFrom + len).join(""), seq });
          clauses = [...clauses.slice(0, dropFrom), ...clauses.slice(dropFrom + len)];
          changed = true;
          break outer;
        }
      }
    }
  }
  const last = clauses[clauses.length - 1];
  if (clauses.length > 1 && last && !endsSentence(last)) {
    const tail = squash(last);
    if (tail.length >= MIN_PREFIX && clauses.slice(0, -1).some((c) => squash(c).startsWith(tail))) {
      removed.push({ rule: "drop-repeats: truncated repeat", text: last, seq });
      clauses = clauses.slice(0, -1);
    }
  }
  return clauses.join("");
}

function isProse(text: string): boolean {
  return (PROSE_PUNCT.test(text) || text.length > 40) && !parseBylineBlock(text);
}

/**
 * Drop paragraphs and sentences that the page repeats (scrapers and CMSs
 * duplicate them), keeping the first occurrence. A final fragment that only
 * restarts an earlier sentence (a truncated duplicate) goes too, and so do
 * repeated headlines, subheads and bylines standing right above a paragraph
 * that is all repeat (a page or an article scraped twice).
 */
export const dropRepeats: Rule = {
  name: "drop-repeats",
  apply(blocks: Block[], ctx): Block[] {
    const seen = new SeenSentences();
    const out: Block[] = [];
    // lines that are not prose, seen so far; and those waiting for the paragraph under them
    const lines = new Set<string>();
    let pending: Block[] = [];
    // an unfinished repeated sentence dropped at the end of the last paragraph
    let cut = "";
    const flush = (repeatBelow: boolean): void => {
      for (const p of pending) {
        const key = squash(p.text);
        if (repeatBelow && lines.has(key)) ctx.removed.push({ rule: "drop-repeats: repeated heading", text: p.text, seq: p.seq });
        else out.push(p);
      }
      for (const p of pending) lines.add(squash(p.text));
      pending = [];
    };
    for (const b of blocks) {
      if (!isProse(b.text)) {
        // the same headline or byline twice in a row (a title scraped from <title> and <h1>) is one line
        const prev = pending[pending.length - 1] ?? out[out.length - 1];
        if (prev && !isProse(prev.text) && squash(prev.text) === squash(b.text)) {
          ctx.removed.push({ rule: "drop-repeats: repeated line", text: b.text, seq: b.seq });
          continue;
        }
        pending.push(b);
        continue;
      }
      // a 本报讯（记者 …） lead is not part of the text compared: a repeat may stand behind it
      let head = "";
      for (let lead = parseLead(b.text); lead; lead = parseLead(lead.rest)) head = b.text.slice(0, b.text.length - lead.rest.length);
      const text = dropTandemClauses(b.text.slice(head.length), ctx.removed, b.seq);
      const kept: string[] = [];
      const keptKeys: string[] = [];
      const dropped: string[] = [];
      const sentences = splitSentences(text);
      let lastDropped = false;
      sentences.forEach((s, idx) => {
        const key = squash(s);
        const unfinishedLast = idx === sentences.length - 1 && !endsSentence(s);
        // the rest of a repeated sentence that a line break cut, after its dropped first half
        const rest = idx === 0 && cut !== "" && seen.has(cut + key);
        if (seen.has(key) || rest || (unfinishedLast && seen.restarts(key))) {
          dropped.push(s);
          lastDropped = idx === sentences.length - 1;
        } else {
          kept.push(s);
          keptKeys.push(key);
        }
      });
      const last = sentences[sentences.length - 1];
      cut = last !== undefined && !endsSentence(last) && (lastDropped || dropped.includes(last)) ? squash(last) : "";
      // a short sentence seen before goes with the repeated block it stands in
      if (dropped.length > 0) {
        for (let k = kept.length - 1; k >= 0; k--) {
          if (seen.hasShort(keptKeys[k])) {
            dropped.push(...kept.splice(k, 1));
            keptKeys.splice(k, 1);
          }
        }
      }
      for (const key of keptKeys) seen.add(key);
      flush(kept.length === 0);
      if (kept.length === 0) {
        ctx.removed.push({ rule: "drop-repeats: repeated paragraph", text: b.text.slice(head.length), seq: b.seq });
        // the lead stays: it says who wrote the article
        if (head.trim()) out.push({ ...b, text: head.trim() });
        continue;
      }
      for (const s of dropped) ctx.removed.push({ rule: "drop-repeats: repeated sentence", text: s, seq: b.seq });
      const joined = head + kept.join("");
      out.push(joined === b.text ? b : { ...b, text: joined });
    }
    flush(false);
    return out;
  },
};
