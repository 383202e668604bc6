/**
 * One rendered page (HTML, or the Atom feed) → the same page in Traditional
 * characters, for the mirror under <out>/hant/.
 *
 * Converted: text, and the human-readable attributes (title, alt, aria-label,
 * placeholder, the description meta, the search page's strings, a feed's
 * category terms). Never converted: markup, URLs, other attribute values
 * (Pagefind's filter and sort values stay as indexed), <script>/<style>
 * (JSON-LD excepted: its text fields are converted), <code>/<kbd>/<samp>
 * (file names), elements marked translate="no", and elements whose `lang`
 * says they are in another language or script than the page.
 *
 * Links: a URL under the base path that points at a page the mirror has is
 * pointed at its mirror (…/hant/…); assets, the index, data files and the
 * originals are shared and keep their URLs. A link that carries `hreflang`
 * names a language version on purpose and is left alone. Two markers in the
 * templates finish the job: `data-hant="…"` replaces an element's text with a
 * Traditional-site wording (where the meaning differs, not just the
 * characters), and `data-script-switch` marks the link to the other script,
 * which on the Traditional page leads back to the Simplified one.
 *
 * The pages are the build's own output (Nunjucks escapes text and attribute
 * values, markdown-it runs with html off), so a tag scanner is enough; the
 * converter changes only Han characters, so escapes and JSON stay intact.
 */
import { jsonForScript } from "./jsonld.ts";

export const HANT_DIR = "hant";
export const HANT_LANG = "zh-Hant";
export const HANS_LANG = "zh-Hans";

export interface HantPageContext {
  /** "/" or "/prefix/" */
  base: string;
  /** the site's origin and path when known (absolute URLs in feeds, canonical links, JSON-LD), else "" */
  siteUrl: string;
  /** is there a mirror of this site path (relative to the base, decoded, e.g. "zones/鹤壁经济技术开发区/")? */
  mirrored(path: string): boolean;
  /** many texts → their Traditional forms (one call per page) */
  convertAll(texts: string[]): string[];
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const NEVER_CONVERT = new Set(["code", "kbd", "samp", "var"]);
const RAW_TEXT = new Set(["script", "style"]);
const URL_ATTRS = new Set(["href", "action", "formaction"]);
/** data attributes the site's scripts read as a URL (data-all-url on the indicator pages) */
const DATA_URL = /^data-(?:[a-z0-9-]+-)?url$/;
const TEXT_ATTRS = new Set(["title", "alt", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "placeholder", "label", "term"]);
/** data attributes the site's scripts show as text (the search page's strings, the indicator pages' menu labels) */
const DATA_TEXT = /^data-(?:[a-z0-9-]+-)?(?:strings|label|all)$/;
const TEXT_META = /^(description|keywords|application-name|og:title|og:description|og:site_name|twitter:title|twitter:description)$/i;
const JSON_URL_KEYS = new Set(["url", "mainEntityOfPage", "@id"]);
const JSON_KEEP_KEYS = new Set(["@context", "@type", "sameAs", "identifier"]);

const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>|<\/([A-Za-z][A-Za-z0-9:-]*)\s*>|<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
/** a Han character: CJK unified (and extension A), compatibility, or an astral one (extensions B–H, as a surrogate pair) */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud8bf][\udc00-\udfff]/;

interface Attr {
  name: string;
  /** the value as written in the source, quotes removed, still escaped; null for a bare attribute */
  value: string | null;
}

function parseAttrs(src: string): Attr[] {
  const out: Attr[] = [];
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(src); m; m = ATTR.exec(src)) {
    const raw = m[2];
    out.push({ name: m[1].toLowerCase(), value: raw === undefined ? null : /^["']/.test(raw) ? raw.slice(1, -1) : raw });
  }
  return out;
}

const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, e: string) => {
    const l = e.toLowerCase();
    if (l === "amp") return "&";
    if (l === "lt") return "<";
    if (l === "gt") return ">";
    if (l === "quot") return '"';
    if (l === "apos" || l === "#39") return "'";
    const cp = l.startsWith("#x") ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });

/** The site path of a URL (relative to the base, decoded), or null when it is not a page URL of this site. */
function sitePath(url: string, ctx: HantPageContext): { rest: string; path: string; prefix: string } | null {
  let prefix: string;
  if (url.startsWith(ctx.base) && !url.startsWith("//")) {
    prefix = ctx.base;
  } else if (ctx.siteUrl) {
    const abs = new URL(ctx.base, ctx.siteUrl).href;
    if (!url.startsWith(abs)) return null;
    prefix = abs;
  } else {
    return null;
  }
  const rest = url.slice(prefix.length);
  const pathPart = rest.split(/[?#]/, 1)[0];
  let path: string;
  try {
    path = decodeURI(decodeEntities(pathPart));
  } catch {
    return null;
  }
  return { rest, path, prefix };
}

/** A URL on a Simplified page → the same on the Traditional page (unchanged unless it leads to a mirrored page). */
export function hantUrl(url: string, ctx: HantPageContext): string {
  const p = sitePath(url, ctx);
  if (!p || p.path === HANT_DIR || p.path.startsWith(`${HANT_DIR}/`)) return url;
  return ctx.mirrored(p.path) ? `${p.prefix}${HANT_DIR}/${p.rest}` : url;
}

/** A Traditional page's URL → the Simplified page's. */
export function hansUrl(url: string, ctx: HantPageContext): string {
  const p = sitePath(url, ctx);
  if (!p || !p.path.startsWith(`${HANT_DIR}/`)) return url;
  return p.prefix + p.rest.slice(HANT_DIR.length + 1);
}

/** Converts every string of a JSON-LD value except identifiers; URLs to mirrored pages get their mirror. */
function hantJson(value: unknown, ctx: HantPageContext, texts: string[]): unknown {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === "string") {
      if (key === "inLanguage") return HANT_LANG;
      if (JSON_URL_KEYS.has(key)) return hantUrl(v, ctx);
      if (JSON_KEEP_KEYS.has(key) || !HAN.test(v)) return v;
      texts.push(v);
      return { __text: texts.length - 1 };
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x, k);
      return o;
    }
    return v;
  };
  return walk(value, "");
}

function fillJson(value: unknown, converted: string[]): unknown {
  if (Array.isArray(value)) return value.map((x) => fillJson(x, converted));
  if (value && typeof value === "object") {
    const rec = value as Record<string, unknown>;
    if (typeof rec.__text === "number" && Object.keys(rec).length === 1) return converted[rec.__text];
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(rec)) o[k] = fillJson(x, converted);
    return o;
  }
  return value;
}

type Target = { slot: number } | { attr: Attr } | { json: true };

interface Tag {
  slot: number;
  name: string;
  attrs: Attr[];
  selfClose: boolean;
}

const writeTag = (t: Tag): string => {
  let s = `<${t.name}`;
  for (const a of t.attrs) s += a.value === null ? ` ${a.name}` : ` ${a.name}="${a.value.replace(/"/g, "&quot;")}"`;
  return `${s}${t.selfClose ? " /" : ""}>`;
};

/** Attributes worth parsing a tag for; any other tag is copied as it is. */
const INTERESTING = /(?:href|action|lang|title|alt|aria-|placeholder|label|strings|all|url|term|data-hant|translate|content|type)\s*=|data-script-switch/i;
const CLOSE_SCRIPT = /<\/script/gi;
const CLOSE_STYLE = /<\/style/gi;
const URLISH = /^\s*(?:https?:\/\/|\/)[^\s<>]*\s*$/;

function find(attrs: Attr[], name: string): Attr | undefined {
  for (const a of attrs) if (a.name === name) return a;
  return undefined;
}

function setAttr(attrs: Attr[], name: string, value: string): void {
  const a = find(attrs, name);
  if (a) a.value = value;
  else attrs.push({ name, value });
}

/** The Traditional page. Elements that declare a language other than the page's are left as they are. */
export function toHantDocument(html: string, ctx: HantPageContext): string {
  const out: string[] = [];
  /** what is converted, all at once at the end, and where each result goes */
  const texts: string[] = [];
  const targets: Target[] = [];
  const tags: Tag[] = [];
  const jsonBlocks: { slot: number; value: unknown }[] = [];

  /** the language the page declares on <html> (or the feed on <feed xml:lang>) */
  let pageLang: string | null = null;
  /** inside an element whose text is not converted: its tag name and how deep that tag nests */
  let skip: { tag: string; depth: number } | null = null;
  /** inside an element with data-hant: its text is replaced by this, once */
  let replace: { tag: string; depth: number; text: string; done: boolean } | null = null;
  /** inside an <a> whose href now leads to the mirror */
  let inMirroredLink = false;

  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m.index > last) {
      const text = html.slice(last, m.index);
      if (replace) {
        if (!text.trim()) out.push(text);
        else if (!replace.done) {
          out.push(replace.text);
          replace.done = true;
        }
      } else if (skip || !HAN.test(text)) {
        // a link that shows its own URL (the permalink) shows the mirror's
        out.push(!skip && inMirroredLink && URLISH.test(text) ? text.replace(/\S+/, (u) => hantUrl(u, ctx)) : text);
      } else {
        texts.push(text);
        targets.push({ slot: out.length });
        out.push(text);
      }
    }
    last = TOKEN.lastIndex;
    const whole = m[0];

    if (m[1] !== undefined) {
      const closing = m[1].toLowerCase();
      if (closing === "a") inMirroredLink = false;
      if (skip && skip.tag === closing && --skip.depth === 0) skip = null;
      if (replace && replace.tag === closing && --replace.depth === 0) {
        if (!replace.done) out.push(replace.text);
        replace = null;
      }
      out.push(whole);
      continue;
    }
    if (m[2] === undefined) {
      out.push(whole); // comment, doctype, XML declaration
      continue;
    }
    const opening = m[2].toLowerCase();
    const selfClosing = m[4] === "/" || VOID.has(opening);
    if (!selfClosing) {
      if (skip && skip.tag === opening) skip.depth++;
      if (replace && replace.tag === opening) replace.depth++;
    }
    const attrSource = m[3] ?? "";
    const raw = RAW_TEXT.has(opening) && !selfClosing;

    if (!INTERESTING.test(attrSource) && opening !== "html" && opening !== "feed") {
      if (!selfClosing && !skip && !replace && NEVER_CONVERT.has(opening)) skip = { tag: opening, depth: 1 };
      out.push(whole);
      if (raw) last = skipRaw(opening, out);
      continue;
    }

    const attrs = parseAttrs(attrSource);
    let changed = false;

    if (opening === "html" || opening === "feed") {
      const key = opening === "html" ? "lang" : "xml:lang";
      pageLang = find(attrs, key)?.value ?? null;
      setAttr(attrs, key, HANT_LANG);
      changed = true;
    }

    // URLs: to the mirror, except where hreflang names a version; the switch leads back
    const isSwitch = find(attrs, "data-script-switch") !== undefined;
    const pinned = find(attrs, "hreflang") !== undefined;
    for (const a of attrs) {
      if (a.value === null || !(URL_ATTRS.has(a.name) || DATA_URL.test(a.name))) continue;
      const next = isSwitch ? hansUrl(a.value, ctx) : pinned ? a.value : hantUrl(a.value, ctx);
      if (next !== a.value) {
        a.value = next;
        changed = true;
        if (opening === "a" && !isSwitch) inMirroredLink = true;
      }
    }
    if (isSwitch) {
      setAttr(attrs, "hreflang", HANS_LANG);
      setAttr(attrs, "lang", HANS_LANG);
      changed = true;
    }

    // human-readable attributes
    if (!skip && !replace) {
      for (const a of attrs) {
        if ((TEXT_ATTRS.has(a.name) || DATA_TEXT.test(a.name)) && a.value && HAN.test(a.value)) {
          texts.push(a.value);
          targets.push({ attr: a });
          changed = true;
        }
      }
      if (opening === "meta") {
        const name = find(attrs, "name")?.value ?? find(attrs, "property")?.value;
        const content = find(attrs, "content");
        if (name && TEXT_META.test(name) && content?.value && HAN.test(content.value)) {
          texts.push(content.value);
          targets.push({ attr: content });
          changed = true;
        }
      }
    }

    // what happens to the element's content
    const hant = find(attrs, "data-hant");
    if (hant) {
      attrs.splice(attrs.indexOf(hant), 1);
      changed = true;
    }
    if (!selfClosing && !skip && !replace) {
      const lang = find(attrs, "lang")?.value ?? null;
      const otherLang = lang !== null && opening !== "html" && lang !== pageLang && lang !== HANT_LANG;
      if (hant) replace = { tag: opening, depth: 1, text: hant.value ?? "", done: false };
      else if (isSwitch || otherLang || NEVER_CONVERT.has(opening) || find(attrs, "translate")?.value === "no") skip = { tag: opening, depth: 1 };
    }

    if (changed) tags.push({ slot: out.length, name: m[2], attrs, selfClose: m[4] === "/" });
    out.push(whole);

    if (raw) {
      const start = TOKEN.lastIndex;
      last = skipRaw(opening, out);
      if (opening === "script" && !skip && /^application\/ld\+json$/i.test(find(attrs, "type")?.value ?? "")) {
        try {
          const before = texts.length;
          const value = hantJson(JSON.parse(html.slice(start, last)), ctx, texts);
          for (let i = before; i < texts.length; i++) targets.push({ json: true });
          jsonBlocks.push({ slot: out.length - 1, value });
        } catch {
          // not JSON: left as it is
        }
      }
    }
  }
  out.push(html.slice(last));

  /** copies a <script> or <style> body as it is; returns where its end tag starts */
  function skipRaw(tag: string, into: string[]): number {
    const close = tag === "script" ? CLOSE_SCRIPT : CLOSE_STYLE;
    close.lastIndex = TOKEN.lastIndex;
    const found = close.exec(html);
    const stop = found ? found.index : html.length;
    into.push(html.slice(TOKEN.lastIndex, stop));
    TOKEN.lastIndex = stop;
    return stop;
  }

  const converted = texts.length ? ctx.convertAll(texts) : [];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    if ("slot" in target) out[target.slot] = converted[i];
    else if ("attr" in target) target.attr.value = converted[i];
  }
  for (const t of tags) out[t.slot] = writeTag(t);
  for (const j of jsonBlocks) out[j.slot] = jsonForScript(fillJson(j.value, converted));
  return out.join("");
}
