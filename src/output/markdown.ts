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
 * body = its paragraphs.
 */
export function articleMarkdown(a: Article): string {
  return `---\n${frontMatterYaml(articleFrontMatter(a))}---\n\n${articleBody(a)}\n`;
}

/**
 * JSON-like data as block-style YAML: maps and lists one entry per line, every
 * string double-quoted, so a YAML 1.1 reader (js-yaml, as Eleventy and
 * gray-matter use) reads the same values as YAML 1.2: no "2013-02-20" turned
 * into a Date, no "no" turned into false. The text is what the `yaml` package
 * writes with { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE",
 * defaultKeyType: "PLAIN" } (tests/output/front-matter.test.ts compares the
 * two), written directly because that package's general writer took 0.53 ms
 * an article, 6 s of a 10,000-article build, against 0.02 ms here.
 */
export function frontMatterYaml(data: Record<string, unknown>): string {
  const out: string[] = [];
  writeMap(data, "", out);
  return out.length ? out.join("") : "{}\n";
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
// words a YAML reader (1.1 or 1.2) takes for null or a boolean: quoted as keys
const RESERVED_KEY = /^(?:null|true|false|yes|no|on|off|y|n)$/i;
// longer keys cannot be implicit keys in YAML; front matter keys are field names
const MAX_KEY = 1000;
// JSON escapes what YAML must have escaped below U+0020; these it leaves bare, and a YAML reader would not
// (C1 controls and non-characters are not printable in YAML; NEL, LS and PS are line breaks in YAML 1.1)
const NOT_BARE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function quote(s: string): string {
  const json = JSON.stringify(s);
  return json.replace(NOT_BARE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string":
      return quote(v);
    case "boolean":
      return String(v);
    case "number":
      if (Number.isNaN(v)) return ".nan";
      if (!Number.isFinite(v)) return v < 0 ? "-.inf" : ".inf";
      // -0 as 0: a YAML 1.1 reader reads "-0" as 0, a 1.2 reader as -0 (and JSON, as the data files, writes 0)
      return JSON.stringify(v);
    default:
      throw new TypeError(`front matter holds a ${typeof v}, which YAML data cannot`);
  }
}

function isBlock(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === "object" && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).some((k) => (v as Record<string, unknown>)[k] !== undefined));
}

/** A value on the line of its key or "- ": a scalar, or an empty list or map. */
function inline(v: unknown): string {
  if (typeof v !== "object" || v === null) return scalar(v);
  return Array.isArray(v) ? "[]" : "{}";
}

/** `first` starts the first line (after "- " in a list), `indent` the others. */
function writeMap(map: Record<string, unknown>, indent: string, out: string[], first = indent): void {
  let lead = first;
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) continue;
    if (key.length > MAX_KEY) throw new TypeError(`front matter key of ${key.length} characters: keys are field names`);
    const k = PLAIN_KEY.test(key) && !RESERVED_KEY.test(key) ? key : quote(key);
    if (isBlock(v)) {
      out.push(`${lead}${k}:\n`);
      if (Array.isArray(v)) writeList(v, `${indent}  `, out);
      else writeMap(v, `${indent}  `, out);
    } else {
      out.push(`${lead}${k}: ${inline(v)}\n`);
    }
    lead = indent;
  }
}

function writeList(list: readonly unknown[], indent: string, out: string[]): void {
  for (const v of list) {
    if (isBlock(v)) {
      if (Array.isArray(v)) {
        out.push(`${indent}- `);
        writeListInline(v, `${indent}  `, out);
      } else {
        writeMap(v, `${indent}  `, out, `${indent}- `);
      }
    } else {
      out.push(`${indent}- ${inline(v)}\n`);
    }
  }
}

/** A list inside a list: its first item goes on the line of the outer "- ". */
function writeListInline(list: readonly unknown[], indent: string, out: string[]): void {
  const inner: string[] = [];
  writeList(list, indent, inner);
  inner[0] = inner[0].slice(indent.length);
  out.push(...inner);
}

/** The front matter's data: the record and the photo captions. */
export function articleFrontMatter(a: Article): Record<string, unknown> {
  return { ...a.record, captions: a.captions };
}

/** The Markdown body: paragraphs escaped, subheads as ## headings. */
export function articleBody(a: Article): string {
  return a.body.map((p) => (p.subhead ? `## ${escapeMarkdown(p.text)}` : escapeMarkdown(p.text))).join("\n\n");
}
