/**
 * Topic tags of an article, from its title and clean paragraphs.
 *
 * For each topic of src/data/topics.ts: a headline cue in the title decides
 * it; otherwise its cues must occur `threshold` times in the body (and, in a
 * long body, once per CHARS_PER_HIT characters). Repeated
 * paragraphs (some sources print a paragraph twice) count once. Cues are
 * matched longest first without overlaps, so 招商引资 is one hit, not two.
 * 经济运行 also applies when figures dominate: at least ECONOMY_MIN_FIGURES
 * economic figures (a growth rate, or an amount of a headline indicator) and
 * at least one per ECONOMY_CHARS_PER_FIGURE characters.
 *
 * Tags come out in the lexicon's fixed order. Deterministic, never throws.
 */
import type { Figure } from "../types.ts";
import { CHARS_PER_HIT, ECONOMY_CHARS_PER_FIGURE, ECONOMY_MIN_FIGURES, TOPICS, type Topic } from "../data/topics.ts";
import { lookupIndicator, indicatorSuffix } from "../data/indicators.ts";
import { extractFigures } from "./figures.ts";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternation(words: readonly string[]): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return new RegExp(sorted.map(escapeRe).join("|"), "g");
}

interface CompiledTopic {
  name: Topic;
  body: RegExp;
  headline: RegExp;
  threshold: number;
}

const COMPILED: readonly CompiledTopic[] = TOPICS.map((t) => ({
  name: t.name,
  body: alternation(t.cues),
  headline: alternation(t.headline ?? t.cues),
  threshold: t.threshold,
}));

function countHits(re: RegExp, text: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) {
    n++;
    if (n >= cap) break;
  }
  return n;
}

function hasHit(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.exec(text) !== null;
}

/** A figure that speaks of the economy: a growth rate, or an amount of a headline indicator. */
function isEconomic(f: Figure): boolean {
  if (f.uncertain) return false;
  if (f.growth !== null) return true;
  if (f.value === null || f.indicator === null) return false;
  const def = lookupIndicator(f.indicator) ?? indicatorSuffix(f.indicator);
  return def !== null && def.economic;
}

/**
 * The topics of an article, in the fixed lexicon order. `figures` may be
 * passed when they are already extracted; otherwise they are extracted here.
 */
export function extractTags(title: string, paragraphs: readonly string[], figures?: readonly Figure[]): Topic[] {
  const head = typeof title === "string" ? title : "";
  const paras: string[] = [];
  const seen = new Set<string>();
  if (Array.isArray(paragraphs)) {
    for (const p of paragraphs) {
      if (typeof p !== "string") continue;
      const t = p.trim();
      if (!t || seen.has(t)) continue;
      seen.add(t);
      paras.push(t);
    }
  }
  const body = paras.join("\n");

  let economic = false;
  try {
    const figs = figures ?? extractFigures(paras);
    const n = figs.filter(isEconomic).length;
    economic = n >= ECONOMY_MIN_FIGURES && n * ECONOMY_CHARS_PER_FIGURE >= body.length;
  } catch {
    economic = false;
  }

  const tags: Topic[] = [];
  for (const t of COMPILED) {
    let on = head.length > 0 && hasHit(t.headline, head);
    if (!on) {
      const needed = Math.max(t.threshold, Math.ceil(body.length / CHARS_PER_HIT));
      on = countHits(t.body, body, needed) >= needed;
    }
    if (!on && t.name === "经济运行") on = economic;
    if (on) tags.push(t.name);
  }
  return tags;
}
