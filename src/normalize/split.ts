import type { Block } from "../types.ts";
import { isHeadlineLike } from "./headline-like.ts";
import { parseBylineBlock, parseLead, parsePhotoCredit } from "../extract/byline.ts";

/**
 * Split a newspaper page into its articles. An article starts with a headline
 * stack (引题 / 主题 / 副题 lines), followed by a byline or a 本报讯 lead; a
 * photo item (图片新闻) is a short headline, or none, over a caption that ends
 * with its credit (… 摄). The first article also starts at the top of the file.
 */

export type BlockKind = "head" | "byline" | "end-byline" | "lead" | "caption" | "credit" | "prose";

export function classify(b: Block): BlockKind {
  const t = b.text.trim();
  if (b.hint === "headline") return "head";
  const by = parseBylineBlock(t);
  if (by) return /^[（(]/u.test(t) ? "end-byline" : "byline";
  if (parseLead(t)) return "lead";
  const credit = parsePhotoCredit(t);
  if (credit) return credit.rest === "" ? "credit" : "caption";
  if (isHeadlineLike(t)) return "head";
  return "prose";
}

export interface Segment {
  /** index of the first block of this article in the page */
  start: number;
  blocks: Block[];
  kinds: BlockKind[];
  /** a photo item: headline (if any) + caption */
  photo: boolean;
}

const MAX_STACK = 5;

export function splitPage(blocks: Block[]): Segment[] {
  const kinds = blocks.map(classify);
  const starts = new Map<number, boolean>(); // start index → photo item?
  const covered: [number, number][] = []; // headline→lead spans (captions there belong to the article)

  // 1. articles: a headline stack before a byline or a 本报讯 lead
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] !== "byline" && kinds[i] !== "lead") continue;
    let j = i - 1;
    while (j >= 0 && kinds[j] === "byline") j--; // "□本报记者 …" over "通讯员 …"
    // a photo caption may stand between the headline and the lead; above it, only headline lines
    let k = j;
    while (k >= 0 && (kinds[k] === "caption" || kinds[k] === "credit")) k--;
    let heads = 0;
    while (k >= 0 && heads < MAX_STACK && kinds[k] === "head") {
      heads++;
      k--;
    }
    const first = k + 1;
    if (heads > 0) {
      if (!starts.has(first)) starts.set(first, false);
      covered.push([first, i]);
    } else if (i === 0 || (kinds[i] === "byline" && i <= 1)) {
      starts.set(0, false);
    }
  }
  const inCovered = (n: number): boolean => covered.some(([a, b]) => n >= a && n <= b);

  // 2. photo items with a headline: a short head after a wide gap, then caption lines ending in a credit
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] !== "head" || blocks[i].gap < 2 || inCovered(i)) continue;
    let k = i + 1;
    while (k < blocks.length && k <= i + 3 && kinds[k] === "prose") k++;
    if (k < blocks.length && (kinds[k] === "caption" || kinds[k] === "credit")) starts.set(i, true);
  }

  // 3. photo items without a headline: a caption group after a wide gap
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].gap < 2 || inCovered(i) || starts.has(i) || (i > 0 && starts.get(i - 1) === true)) continue;
    if (kinds[i] !== "prose" && kinds[i] !== "caption") continue;
    let k = i;
    while (k + 1 < blocks.length && blocks[k + 1].gap === 0 && kinds[k] !== "caption" && kinds[k] !== "credit") k++;
    if ((kinds[k] === "caption" || kinds[k] === "credit") && k - i <= 4) starts.set(i, true);
  }

  if (!starts.has(0)) starts.set(0, false);
  const order = [...starts.keys()].sort((a, b) => a - b);
  return order.map((s, n) => {
    const end = n + 1 < order.length ? order[n + 1] : blocks.length;
    return { start: s, blocks: blocks.slice(s, end), kinds: kinds.slice(s, end), photo: starts.get(s) === true };
  });
}
