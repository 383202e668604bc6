import type { Rule } from "./types.ts";
import { foldPunctuation } from "./fold-punctuation.ts";
import { toSimplifiedRule } from "./to-simplified.ts";
import { stripChrome } from "./strip-chrome.ts";
import { infoLines } from "./info-lines.ts";
import { rejoinBrokenLines } from "./rejoin-broken-lines.ts";
import { dropRepeats } from "./drop-repeats.ts";
import { splitEndlessLines } from "./split-endless-lines.ts";

/**
 * The cleaning chain, in order. Each rule is a pure function over blocks; a
 * new kind of mess in the input is a new rule here, not a new `if` in an old one.
 *  0. split-endless-lines: a line of more than 10,000 characters is cut at sentence ends;
 *  1. to-simplified first, so every later pattern is written once, in Simplified;
 *  2. fold-punctuation, so later rules see ，；：（） only;
 *  3. info-lines before strip-chrome: an info line carries date and source;
 *  4. strip-chrome: navigation, print/close links, disclaimers, footers;
 *  5. rejoin-broken-lines, then drop-repeats (a repeat is only visible whole).
 */
export const RULES: readonly Rule[] = [splitEndlessLines, toSimplifiedRule, foldPunctuation, infoLines, stripChrome, rejoinBrokenLines, dropRepeats];

export type { Rule, RuleContext, PageMeta } from "./types.ts";
export { newContext } from "./types.ts";
