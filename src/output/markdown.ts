import { stringify } from "yaml";
import type { Article } from "../types.ts";

/**
 * Escape text so that markdown-it shows it literally: no emphasis, links,
 * HTML, lists or headings can come out of an article's words. Braces are
 * escaped too, so no template syntax survives even if a template engine
 * were ever run over the file.
 */
export function escapeMarkdown(text: string): string {
  let t = text.replace(/[\\`*_[\]<>&|~{}]/g, (c) => `\\${c}`);
  t = t.replace(/^(\s*)([#+\-=!]|\d+[.)])/u, (_m, sp: string, c: string) => `${sp}${c.replace(/([#+\-=!.)])$/u, "\\$1")}`);
  return t;
}

/**
 * The normalised Markdown of one article: front matter = the record (+ captions),
 * body = its paragraphs. Every string in the front matter is double-quoted, so a
 * YAML 1.1 reader (js-yaml, as Eleventy uses) reads the same values as YAML 1.2:
 * no "2013-02-20" turned into a Date, no "no" turned into false.
 */
export function articleMarkdown(a: Article): string {
  const front = stringify(articleFrontMatter(a), { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
  return `---\n${front}---\n\n${articleBody(a)}\n`;
}

/** The front matter's data: the record and the photo captions. */
export function articleFrontMatter(a: Article): Record<string, unknown> {
  return { ...a.record, captions: a.captions };
}

/** The Markdown body: paragraphs escaped, subheads as ## headings. */
export function articleBody(a: Article): string {
  return a.body.map((p) => (p.subhead ? `## ${escapeMarkdown(p.text)}` : escapeMarkdown(p.text))).join("\n\n");
}
