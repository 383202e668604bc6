/**
 * Simplified ⇄ Traditional for the archive, in the build: Simplified → Taiwan
 * standard characters (OpenCC's s2tw: `tw` keeps mainland wording, 项目 stays
 * 項目; `twp` would rewrite it to 專案) for the Traditional site, and
 * Traditional → Simplified (tw2s) for queries. Both use OpenCC's dictionaries
 * through templates/assets/opencc/engine.js, the code the browser runs too,
 * plus the override dictionary of proper names (src/data/opencc-overrides.ts)
 * and the people named in bylines.
 */
import { Trie } from "opencc-js/core";
import { configs as cn2tConfigs } from "opencc-js/preset/cn2t";
import { configs as t2cnConfigs } from "opencc-js/preset/t2cn";
import type { DictGroup, DictLike } from "opencc-js/core";
import { makeConverter } from "../../templates/assets/opencc/engine.js";
import STCharacters from "opencc-js/dict/STCharacters";
import STPhrases from "opencc-js/dict/STPhrases";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import { KEEP_SURNAMES, SCRIPT_OVERRIDES } from "../data/opencc-overrides.ts";

/** An OpenCC preset config as opencc-js ships it (normalizationChain is missing from its types). */
interface PresetConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

export type Convert = (text: string) => string;
type Dict = string | string[][];

/** The dictionaries of a conversion, in the shape engine.js takes. */
export interface ScriptDicts {
  normalize: Dict[][];
  segment: Dict[];
  chain: Dict[][];
  overrides: [string, string][];
}

function preset(configs: Record<string, unknown>, name: string): PresetConfig {
  const c = configs[name] as PresetConfig | undefined;
  if (!c) throw new Error(`opencc-js has no ${name} config`);
  return c;
}

const groups = (g: readonly DictGroup[] | undefined): Dict[][] => (g ?? []).map((x) => [...x] as Dict[]);
const segmentDicts = (s: DictLike | DictGroup | undefined): Dict[] =>
  s === undefined ? [] : typeof s === "string" ? [s] : Array.isArray(s) && s.every((d) => typeof d === "string") ? [...(s as string[])] : [s as unknown as Dict];

/** OpenCC s2tw: Simplified (mainland) → Traditional (Taiwan standard characters, mainland wording). */
export function hantDicts(extra: readonly (readonly [string, string])[] = []): ScriptDicts {
  const c = preset(cn2tConfigs, "s2tw");
  return {
    normalize: groups(c.normalizationChain),
    segment: segmentDicts(c.segmentation),
    chain: groups(c.conversionChain),
    overrides: mergeOverrides([...SCRIPT_OVERRIDES.map((o) => [o.hans, o.hant] as const), ...extra]),
  };
}

/** OpenCC tw2s: Traditional (Taiwan, or any standard form) → Simplified (mainland). */
export function hansDicts(extra: readonly (readonly [string, string])[] = []): ScriptDicts {
  const c = preset(t2cnConfigs, "tw2s");
  return {
    normalize: groups(c.normalizationChain),
    segment: segmentDicts(c.segmentation),
    chain: groups(c.conversionChain),
    overrides: mergeOverrides([...SCRIPT_OVERRIDES.map((o) => [o.hant, o.hans] as const), ...extra]),
  };
}

/** Later pairs do not replace earlier ones; identical keys and values are dropped where they change nothing. */
function mergeOverrides(pairs: readonly (readonly [string, string])[]): [string, string][] {
  const m = new Map<string, string>();
  for (const [k, v] of pairs) if (k && !m.has(k)) m.set(k, v);
  return [...m];
}

export function converter(dicts: ScriptDicts, onPhrase?: (phrase: string) => void): Convert {
  return makeConverter(Trie, dicts, onPhrase) as Convert;
}

let hant: Convert | null = null;
let hans: Convert | null = null;
/** Simplified → Traditional with the fixed overrides (no byline names). */
export function toHant(text: string): string {
  return (hant ??= converter(hantDicts()))(text);
}
/** Traditional → Simplified with the fixed overrides. */
export function toHans(text: string): string {
  return (hans ??= converter(hansDicts()))(text);
}

/**
 * Overrides for the people named in bylines: a name whose surname OpenCC would
 * turn into another word (范 → 範, 于 → 於 …) keeps that character; the rest of
 * the name is converted as usual. Names OpenCC gets right give no entry.
 */
export function personOverrides(names: Iterable<string>): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name) || name.length < 2 || name.length > 4) continue;
    seen.add(name);
    const first = name[0];
    if (!KEEP_SURNAMES.includes(first)) continue;
    const fixed = first + toHant(name.slice(1));
    if (fixed !== toHant(name)) out.push([name, fixed]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * The characters only Traditional writing uses: those tw2s turns into another
 * character that Simplified text does not use itself. A character counts as
 * used in Simplified text when it is a Simplified character with a
 * Traditional form (STCharacters), the Simplified form of another
 * (TSCharacters), or part of one of OpenCC's Simplified phrases (STPhrases:
 * 乾 in 乾隆, 著 in 显著). The browser's assets/hant-chars.js holds them as a
 * bitmap, so the search page knows when a query needs converting without
 * loading a converter.
 */
export function hantOnlyCodePoints(): number[] {
  const entries = (d: string) => d.split("|").map((l) => l.split(" ") as [string, string]);
  const simplified = new Set<string>();
  for (const [k] of entries(STCharacters)) simplified.add(k);
  for (const [k] of entries(STPhrases)) for (const c of k) simplified.add(c);
  for (const [, v] of entries(TSCharacters)) for (const c of v) if (c !== " ") simplified.add(c);
  const toS = converter({ ...hansDicts(), overrides: [] });
  const out = new Set<number>();
  for (const [k] of [...entries(TSCharacters), ...entries(TWVariantsRev)]) {
    if ([...k].length !== 1 || simplified.has(k) || toS(k) === k) continue;
    out.add(k.codePointAt(0)!);
  }
  return [...out].sort((a, b) => a - b);
}

/** The text of templates/assets/hant-chars.js: hantOnlyCodePoints() as a bitmap over U+3400–U+9FFF. */
export function hantCharsModule(): string {
  const FIRST = 0x3400;
  const bits = new Uint8Array((0xa000 - FIRST) / 8);
  for (const cp of hantOnlyCodePoints()) if (cp < 0xa000) bits[(cp - FIRST) >> 3] |= 1 << ((cp - FIRST) & 7);
  return [
    "// Generated by `npx tsx scripts/hant-chars.ts` from opencc-js's dictionaries (src/site/script.ts,",
    "// hantOnlyCodePoints); tests/traditional/hant-chars.test.ts checks it is current. Do not edit.",
    "//",
    "// The characters only Traditional writing uses, as a bitmap over U+3400–U+9FFF: the search page",
    "// asks it whether a query needs converting to Simplified before it loads any converter.",
    `const FIRST = 0x${FIRST.toString(16)};`,
    `const BITS = "${Buffer.from(bits).toString("base64")}";`,
    "let table = null;",
    "",
    "/** Does the text hold a character that only Traditional writing uses? */",
    "export function hasHantOnly(text) {",
    "  table ??= Uint8Array.from(atob(BITS), (c) => c.charCodeAt(0));",
    "  for (const ch of text) {",
    "    const i = ch.codePointAt(0) - FIRST;",
    "    if (i >= 0 && i < table.length * 8 && (table[i >> 3] >> (i & 7)) & 1) return true;",
    "  }",
    "  return false;",
    "}",
    "",
  ].join("\n");
}
