/**
 * Where OpenCC (opencc-js, Simplified → Taiwan-standard Traditional) is wrong
 * for a proper name, the right form. The archive's text is Simplified; the
 * Traditional site converts it, and a Traditional query is converted back, so
 * each entry is used both ways (hans → hant for pages, hant → hans for
 * queries). One line per name; tests/traditional/names.test.ts checks every
 * entry and every zone, city and county of the gazetteer.
 */

export interface ScriptOverride {
  /** the name as the archive writes it (Simplified) */
  readonly hans: string;
  /** the name in Traditional characters */
  readonly hant: string;
  /** what OpenCC does and why that is wrong */
  readonly why: string;
}

export const SCRIPT_OVERRIDES: readonly ScriptOverride[] = [
  {
    hans: "浚县",
    hant: "浚縣",
    why: "OpenCC writes 濬縣, the county's name before 1956; the county writes itself 浚縣 in Traditional, and 濬縣 would not convert back to 浚县",
  },
  {
    hans: "范修芳",
    hant: "范修芳",
    why: "the surname 范 is not 範 (OpenCC: 範修芳); 鹤壁's mayor in the seed articles",
  },
];

/**
 * Surnames that OpenCC turns into the Traditional character of a common word
 * (于 → 於, 余 → 餘, 范 → 範, 党 → 黨, 沈 → 瀋 before some characters …).
 * In a byline the name is known to be a person's, so its first character is
 * kept as written there (src/site/script.ts makes the overrides).
 */
export const KEEP_SURNAMES: readonly string[] = ["于", "余", "范", "党", "种", "朴", "郁", "沈", "干", "后", "丑"];
