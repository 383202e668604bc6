/**
 * The provenance log, per article: every piece of text the cleaning took out
 * is tied to the article of the file it stood in (`part`), so an editor can
 * audit, article by article, that nothing real was dropped. And the last kind
 * of repeat, only visible once the page is split: a whole article printed (or
 * scraped) again.
 */
import type { Removal } from "../types.ts";
import type { Draft } from "./assemble.ts";
import type { Segment } from "../normalize/split.ts";
import { squash } from "../normalize/text.ts";

/**
 * Give every removal that came from a block (it has `seq`) the part of the
 * article whose stretch of the page it stood in: the last segment starting at
 * or before it (the first segment for anything above it). `parts[i]` is the
 * part of segment i, or null when that segment became no article.
 */
export function attributeRemovals(removed: Removal[], segments: readonly Segment[], parts: readonly (number | null)[]): void {
  const starts = segments.map((s) => s.blocks[0]?.seq ?? Number.POSITIVE_INFINITY);
  for (const r of removed) {
    if (r.part !== undefined) continue;
    if (r.seq === undefined || segments.length === 0) {
      r.part = null;
      continue;
    }
    // binary search: last segment whose first block is at or before r.seq
    let lo = 0;
    let hi = starts.length - 1;
    let at = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= r.seq) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    r.part = parts[at] ?? null;
  }
}

/** The report's form of the log: `{ rule, text, part }`, grouped by article (text outside every article first), page order kept within. */
export function reportRemovals(removed: readonly Removal[]): Removal[] {
  const rank = (r: Removal): number => (r.part === null || r.part === undefined ? 0 : r.part);
  return removed
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => ({ rule: r.rule, text: r.text, part: r.part ?? null }));
}

/** Every text of a draft, as printed: headline stack, body, captions. */
function draftTexts(d: Draft): string[] {
  return [d.headline.kicker, d.headline.title, d.headline.subtitle, ...d.body.map((p) => p.text), ...d.captions].filter(
    (t): t is string => typeof t === "string" && t.trim() !== "",
  );
}

/**
 * Which drafts only repeat articles earlier in the same file (a page scraped
 * twice, an article reprinted): every text of the draft — headline, body,
 * captions — already stands in an earlier article. Those are dropped whole,
 * their text logged as "drop-repeats: repeated article" (nothing of it is
 * lost: it is all in the earlier article). A draft whose headline (or, with no
 * headline, first paragraph) was not seen before is never a repeat, so this is
 * cheap on long files of different articles.
 */
export function repeatedArticles(drafts: readonly Draft[]): { keep: boolean[]; removed: Removal[] } {
  const keep: boolean[] = [];
  const removed: Removal[] = [];
  const seen = new Set<string>();
  const earlier: string[] = [];
  let joined: string | null = "";
  for (const d of drafts) {
    const texts = draftTexts(d);
    const keys = texts.map(squash);
    const gate = d.titleFromText ? squash(d.body.find((p) => !p.subhead)?.text ?? d.captions[0] ?? "") : squash(d.headline.title);
    let repeat = keep.length > 0 && gate !== "" && seen.has(gate);
    if (repeat) {
      joined ??= earlier.join("\n");
      repeat = keys.every((k) => joined!.includes(k));
    }
    keep.push(!repeat);
    if (repeat) {
      for (const text of texts) removed.push({ rule: "drop-repeats: repeated article", text, part: null });
      continue;
    }
    for (const k of keys) {
      seen.add(k);
      earlier.push(k);
    }
    joined = null;
  }
  return { keep, removed };
}
