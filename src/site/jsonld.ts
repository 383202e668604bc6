/**
 * schema.org NewsArticle for an article page, as the text of a
 * <script type="application/ld+json"> data block. Built with JSON.stringify
 * and with every "<", ">" and "&" written as \u escapes, so no input text can
 * close the element or start markup.
 */
import type { ArticleRecord } from "../types.ts";
import { isoDate } from "./format.ts";

export interface JsonLdContext {
  /** the article's URL: absolute when the site's origin is known, else site-relative */
  url: string;
  lang: string;
  siteName: string;
}

export function newsArticle(r: ArticleRecord, ctx: JsonLdContext): Record<string, unknown> {
  const date = isoDate(r.date);
  const doc: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: r.title,
    inLanguage: ctx.lang,
    url: ctx.url,
    mainEntityOfPage: ctx.url,
    isPartOf: { "@type": "WebSite", name: ctx.siteName },
  };
  if (r.subtitle) doc.alternativeHeadline = r.subtitle;
  if (date) doc.datePublished = date;
  const people = r.authors.filter((a) => a.role !== "编辑");
  if (people.length) doc.author = people.map((a) => ({ "@type": "Person", name: a.name, jobTitle: a.role }));
  const editors = r.authors.filter((a) => a.role === "编辑");
  if (editors.length) doc.editor = editors.map((a) => ({ "@type": "Person", name: a.name }));
  if (r.publisher) doc.publisher = { "@type": "Organization", name: r.publisher };
  if (r.zone) {
    doc.about = { "@type": "Place", name: r.zone.name, alternateName: r.zone.shortName };
    if (r.zone.city) doc.contentLocation = { "@type": "Place", name: r.zone.city };
  }
  if (r.tags.length) doc.keywords = r.tags.join(",");
  return doc;
}

/** JSON safe to place between <script type="application/ld+json"> and </script>. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
