import type { Block, Byline, Removal } from "../../types.ts";

/** What the rules learn about the page as they clean it (info lines, footers …). */
export interface PageMeta {
  /** a publish date stated by the page itself (info line, masthead), YYYY[-MM[-DD]] */
  date: string | null;
  publisher: string | null;
  /** bylines stated in info lines (作者：, 责任编辑：) */
  authors: Byline[];
  script: "Hans" | "Hant";
}

export interface RuleContext {
  /** what was taken out, and by which rule (the provenance log) */
  removed: Removal[];
  meta: PageMeta;
  warnings: string[];
}

/** A normalisation rule: a pure function over blocks, with a name. */
export interface Rule {
  name: string;
  apply(blocks: Block[], ctx: RuleContext): Block[];
}

export function newContext(): RuleContext {
  return { removed: [], meta: { date: null, publisher: null, authors: [], script: "Hans" }, warnings: [] };
}
