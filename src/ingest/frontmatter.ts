/**
 * Front matter as data only.
 *
 * gray-matter splits the block off, but its own engines are replaced: out of
 * the box it `eval`s front matter marked ---js / ---javascript and would run
 * CoffeeScript for ---coffee. Here the language named after the opening ---
 * is read first and removed from the input, so gray-matter only ever sees our
 * three engines: YAML (the `yaml` package, core schema, no custom tags, no
 * timestamps, a small alias limit), JSON, and "rejected" for everything else.
 * Options are passed on every call, so gray-matter's result cache (used only
 * for calls without options) is never read or written.
 */
import matter from "gray-matter";
import { parseDocument } from "yaml";

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
  warnings: string[];
}

/** Aliases a YAML block may expand; a "billion laughs" bomb needs far more. */
const MAX_ALIAS_COUNT = 50;
const DATA_LANGUAGES = new Set(["", "yaml", "yml", "json"]);

type EngineKey = "yaml" | "json" | "rejected";

interface EngineOutcome {
  value: unknown;
  error: string | null;
  notes: string[];
  ran: boolean;
}

export function readFrontMatter(input: string): FrontMatterResult {
  const warnings: string[] = [];
  const text = input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input;
  const none = (): FrontMatterResult => ({ data: {}, body: text, warnings });
  try {
    if (!text.startsWith("---") || text.charAt(3) === "-") return none();
    const firstNl = text.indexOf("\n");
    if (firstNl === -1) return none();
    const rawLang = text.slice(3, firstNl);
    const lang = rawLang.trim().toLowerCase();
    // gray-matter looks for "\n---" after the opening line
    const rest = text.slice(firstNl);
    if (rest.indexOf("\n---") === -1) {
      warnings.push("the file starts with --- but the front matter is never closed: read as text");
      return none();
    }

    const key: EngineKey = lang === "json" ? "json" : DATA_LANGUAGES.has(lang) ? "yaml" : "rejected";
    const outcome: EngineOutcome = { value: undefined, error: null, notes: [], ran: false };
    const engine = (k: EngineKey) => ({
      parse: (src: string): object => {
        outcome.ran = true;
        if (k === "yaml") Object.assign(outcome, parseYaml(src));
        else if (k === "json") Object.assign(outcome, parseJson(src));
        return {};
      },
    });
    const rejected = engine("rejected");
    const file = matter("---" + rest, {
      language: key,
      excerpt: false,
      engines: {
        yaml: engine("yaml"),
        json: engine("json"),
        rejected,
        // never reachable (the language is ours), but not left to gray-matter's defaults either
        yml: engine("yaml"),
        js: rejected,
        javascript: rejected,
        coffee: rejected,
        coffeescript: rejected,
        cson: rejected,
      },
    });
    const body = typeof file.content === "string" ? file.content : "";

    if (key === "rejected") {
      warnings.push(`front matter in language '${rawLang.trim()}' rejected: front matter is data only, not run`);
      return { data: {}, body, warnings };
    }
    if (!outcome.ran) return { data: {}, body, warnings }; // empty block
    warnings.push(...outcome.notes);
    if (outcome.error !== null) {
      warnings.push(`front matter ignored: ${outcome.error}`);
      return { data: {}, body, warnings };
    }
    const v = outcome.value;
    if (v === null || v === undefined) return { data: {}, body, warnings };
    if (typeof v !== "object" || Array.isArray(v)) {
      const what = Array.isArray(v) ? "a list" : `a single ${typeof v} value`;
      warnings.push(`front matter ignored: it is ${what}, not a set of fields`);
      return { data: {}, body, warnings };
    }
    const data = plainData(v, warnings);
    return { data: isRecord(data) ? data : {}, body, warnings };
  } catch (e) {
    warnings.push(`front matter could not be read: ${e instanceof Error ? e.message : String(e)}`);
    return none();
  }
}

function parseYaml(src: string): { value: unknown; error: string | null; notes: string[] } {
  const doc = parseDocument(src, {
    version: "1.2",
    schema: "core",
    customTags: [],
    merge: false,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  // e.g. an unknown tag such as !!js/function: the value stays a plain string
  const notes = doc.warnings.slice(0, 3).map((w) => `front matter: ${firstLine(w.message)} (read as plain text)`);
  if (doc.errors.length > 0) {
    return { value: undefined, error: `YAML error: ${firstLine(doc.errors[0].message)}`, notes };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), error: null, notes };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(msg)) {
      return { value: undefined, error: `YAML uses too many aliases (more than ${MAX_ALIAS_COUNT}); not expanded`, notes };
    }
    return { value: undefined, error: `YAML error: ${firstLine(msg)}`, notes };
  }
}

function parseJson(src: string): { value: unknown; error: string | null; notes: string[] } {
  try {
    return { value: JSON.parse(src) as unknown, error: null, notes: [] };
  } catch (e) {
    return { value: undefined, error: `JSON error: ${firstLine(e instanceof Error ? e.message : String(e))}`, notes: [] };
  }
}

/**
 * A deep copy made of plain objects, arrays and scalars only; a `__proto__`
 * key is dropped (it would otherwise reach Object.assign downstream).
 */
function plainData(v: unknown, warnings: string[]): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => plainData(x, warnings));
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) assignKey(out, String(k), plainData(x, warnings), warnings);
    return out;
  }
  if (v instanceof Set) return Array.from(v, (x) => plainData(x, warnings));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) assignKey(out, k, plainData(x, warnings), warnings);
  return out;
}

function assignKey(out: Record<string, unknown>, k: string, v: unknown, warnings: string[]): void {
  if (k === "__proto__") {
    warnings.push("front matter key '__proto__' ignored");
    return;
  }
  out[k] = v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function firstLine(s: string): string {
  return s.split("\n")[0].trim();
}
