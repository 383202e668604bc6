import type { Block } from "../types.ts";

/**
 * The headline stack of a Chinese newspaper article: 引题 (kicker, above),
 * 主题 (the main headline), 副题 (subtitle, below, often after ——, or ending
 * in 综述 / 纪实 …). Lines printed together (no gap) are one deck; decks are
 * separated by a gap.
 */
export interface Headline {
  kicker: string | null;
  title: string;
  subtitle: string | null;
}

const SUBTITLE_END = /(综述|纪实|侧记|概述|速写|札记|记事|扫描|巡礼|掠影|调查|探访|小记|见闻|访谈录)$/u;
const SPEECH_END = /(强调|指出|要求|表示|提出|宣布|号召)$/u;

function isSubtitleLine(text: string): boolean {
  return /^——/u.test(text) || SUBTITLE_END.test(text);
}

const clean = (s: string): string => s.replace(/^——\s*/u, "").replace(/[\s\u3000]+/gu, " ").trim();

export function assembleHeadline(stack: Block[]): Headline | null {
  if (stack.length === 0) return null;
  // decks: consecutive lines without a gap
  const decks: string[][] = [];
  stack.forEach((b, i) => {
    if (i === 0 || b.gap > 0) decks.push([]);
    decks[decks.length - 1].push(b.text.trim());
  });
  // a subtitle line printed right under the title is its own deck
  let subtitle: string | null = null;
  const lastDeck = decks[decks.length - 1];
  const lastLine = lastDeck[lastDeck.length - 1];
  if (isSubtitleLine(lastLine) && (lastDeck.length > 1 || decks.length > 1)) {
    subtitle = clean(lastLine);
    lastDeck.pop();
    if (lastDeck.length === 0) decks.pop();
  }
  const units = decks.map((d) => clean(d.join(" ")));
  if (units.length === 0) return { kicker: null, title: subtitle ?? "", subtitle: null };
  if (units.length === 1) return { kicker: null, title: units[0], subtitle };
  if (units.length === 2 && subtitle === null && !SPEECH_END.test(units[0]) && isSubtitleLine(units[1])) {
    return { kicker: null, title: units[0], subtitle: units[1] };
  }
  if (units.length === 2) return { kicker: units[0], title: units[1], subtitle };
  if (subtitle === null) {
    // three decks or more: 引题 … / 主题 / 副题
    return { kicker: units.slice(0, -2).join(" "), title: units[units.length - 2], subtitle: units[units.length - 1] };
  }
  return { kicker: units.slice(0, -1).join(" "), title: units[units.length - 1], subtitle };
}

/** A stand-in title when the text has no headline: its first clause, marked as such in the report. */
export function titleFromText(firstParagraph: string): string {
  const lead = firstParagraph.replace(/^\d{1,2}月\d{1,2}日[，,]?/u, "");
  const clause = lead.split(/[，。；！？]/u)[0] ?? lead;
  const t = clause.trim();
  return t.length > 40 ? `${t.slice(0, 38)}……` : t;
}
