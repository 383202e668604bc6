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

/**
 * The report's form of the log: `{ rule, text, part }`, grouped by article
 * (text outside every article first), page order kept within. The same text
 * removed by the same rule from the same article more than once (a page
 * scraped a thousand times) is one entry with its `count`.
 */
export function reportRemovals(removed: readonly Removal[]): Removal[] {
  const rank = (r: Removal): number => (r.part === null || r.part === undefined ? 0 : r.part);
  const out: Removal[] = [];
  const first = new Map<string, Removal>();
  for (const { r } of removed.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)) {
    const part = r.part ?? null;
    const key = `${part}\u0000${r.rule}\u0000${r.text}`;
    const seen = first.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      continue;
    }
    const entry: Removal = { rule: r.rule, text: r.text, part };
    first.set(key, entry);
    out.push(entry);
  }
  return out;
}

/** The share of a file's text (removed repeats + what was kept) that the repeat rules took out. */
export function repeatShare(removed: readonly Removal[], articles: readonly { body: { text: string }[]; captions: string[] }[]): number {
  let repeats = 0;
  for (const r of removed) if (r.rule.startsWith("drop-repeats")) repeats += r.text.length * (r.count ?? 1);
  if (repeats === 0) return 0;
  let kept = 0;
  for (const a of articles) for (const t of [...a.body.map((p) => p.text), ...a.captions]) kept += t.length;
  return repeats / (repeats + kept);
}

/** Every text of a draft, as printed: headline stack, body, captions. */
function draftTexts(d: Draft): string[] {
  return [d.headline.kicker, d.headline.title, d.headline.subtitle, ...d.body.map((p) => p.text), ...d.captions].filter(
    (t): t is string => typeof t === "string" && t.trim() !== "",
  );
}

/**
 * Which drafts only repeat an article earlier in the same file (a page scraped
 * twice, an article reprinted): same headline (or, with none, same first
 * paragraph), and every text of the draft — headline, body, captions — stands
 * in the earlier articles under that headline. Those are dropped whole, their
 * text logged as "drop-repeats: repeated article" (nothing of it is lost: it
 * is all in the earlier article).
 */
export function repeatedArticles(drafts: readonly Draft[]): { keep: boolean[]; removed: Removal[] } {
  const keep: boolean[] = [];
  const removed: Removal[] = [];
  // the texts of the articles kept so far, by headline
  const byHeadline = new Map<string, string[]>();
  for (const d of drafts) {
    const texts = draftTexts(d);
    const keys = texts.map(squash);
    const gate = d.titleFromText ? squash(d.body.find((p) => !p.subhead)?.text ?? d.captions[0] ?? "") : squash(d.headline.title);
    const earlier = byHeadline.get(gate);
    const joined = earlier ? earlier.join("\n") : null;
    const repeat = gate !== "" && joined !== null && keys.every((k) => joined.includes(k));
    keep.push(!repeat);
    if (repeat) {
      for (const text of texts) removed.push({ rule: "drop-repeats: repeated article", text, part: null });
      continue;
    }
    if (earlier) earlier.push(...keys);
    else byHeadline.set(gate, keys);
  }
  return { keep, removed };
}
