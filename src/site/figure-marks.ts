/**
 * Anchors for the figures of an article page: each figure's quote, found in
 * the rendered body (or among the photo captions), is wrapped in
 * <mark class="fig-quote" id="fig-N">, so /articles/<id>/#fig-N opens the page
 * at the sentence the figure came from. A figure whose quote cannot be found
 * there (or overlaps another's without nesting in it) gets the id on its row of
 * the figures table instead: every #fig-N has a target.
 *
 * Runs as an Eleventy transform on the finished HTML of an article page. It
 * reads the figures from the page's own table (rows <tr data-fig="N"> with
 * <td class="quote">) and touches only text between tags inside the body and
 * the captions: no markup, attribute or entity is ever cut. Text the page
 * escaped stays escaped (the quote is escaped the way the page escaped it).
 */

const BODY_OPEN = '<div class="article-body">';
const CAPTIONS_OPEN = '<section class="captions"';

const ROW_RE = /<tr\b([^>]*)\bdata-fig="(\d+)"([^>]*)>([\s\S]*?)<\/tr>/g;
const QUOTE_CELL_RE = /<td class="quote">([\s\S]*?)<\/td>/;

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" };

/** Undoes the escaping of Nunjucks (and of markdown-it): &amp; &lt; &gt; &quot; &#39;. */
export function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_m, e: string) => ENTITIES[e]);
}

/** markdown-it's escaping of text: & < > " (not '). */
function escapeMarkdownIt(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Nunjucks' escaping: & < > " '. */
function escapeNunjucks(s: string): string {
  return escapeMarkdownIt(s).replace(/'/g, "&#39;");
}

interface Region {
  start: number;
  end: number;
  escape: (s: string) => string;
}

/** The first place `needle` stands in text between tags of html[start, end), not inside a tag or an entity. */
function findInText(html: string, needle: string, start: number, end: number): number {
  if (!needle) return -1;
  let from = start;
  for (;;) {
    const at = html.indexOf(needle, from);
    if (at < 0 || at + needle.length > end) return -1;
    const lt = html.lastIndexOf("<", at);
    const gt = html.lastIndexOf(">", at);
    const amp = html.lastIndexOf("&", at - 1);
    const inTag = lt > gt;
    const inEntity = amp >= start && amp > gt && !html.slice(amp, at).includes(";") && at - amp < 10;
    const crossesTag = html.slice(at, at + needle.length).includes("<");
    if (!inTag && !inEntity && !crossesTag) return at;
    from = at + 1;
  }
}

interface Mark {
  n: number;
  start: number;
  end: number;
}

/** The article page with its figures' quotes marked; any other page comes back unchanged. */
export function markFigureQuotes(html: string): string {
  if (typeof html !== "string" || !html.includes('data-fig="')) return html;
  const figures: { n: number; quote: string }[] = [];
  ROW_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW_RE.exec(html)) !== null) {
    const cell = QUOTE_CELL_RE.exec(m[4]);
    const quote = cell ? unescapeHtml(cell[1].replace(/<[^>]*>/g, "")).trim() : "";
    figures.push({ n: Number(m[2]), quote });
  }
  if (figures.length === 0) return html;

  const regions: Region[] = [];
  const bodyAt = html.indexOf(BODY_OPEN);
  if (bodyAt >= 0) {
    const start = bodyAt + BODY_OPEN.length;
    const end = html.indexOf("</div>", start);
    if (end > start) regions.push({ start, end, escape: escapeMarkdownIt });
  }
  const capAt = html.indexOf(CAPTIONS_OPEN);
  if (capAt >= 0) {
    const start = html.indexOf(">", capAt) + 1;
    const end = html.indexOf("</section>", start);
    if (start > 0 && end > start) regions.push({ start, end, escape: escapeNunjucks });
  }

  // where each quote stands (the same quote: the same place)
  const marks: Mark[] = [];
  const found = new Map<string, { start: number; end: number } | null>();
  for (const f of figures) {
    let place = found.get(f.quote);
    if (place === undefined) {
      place = null;
      for (const r of regions) {
        const needle = r.escape(f.quote);
        const at = findInText(html, needle, r.start, r.end);
        if (at >= 0) {
          place = { start: at, end: at + needle.length };
          break;
        }
      }
      found.set(f.quote, place);
    }
    if (place) marks.push({ n: f.n, ...place });
  }

  // keep marks that nest or stand apart; one that overlaps an earlier one partly goes to its row
  marks.sort((a, b) => a.start - b.start || b.end - a.end || a.n - b.n);
  const kept: Mark[] = [];
  for (const mk of marks) {
    const clash = kept.some((k) => mk.start < k.end && k.start < mk.end && !(k.start <= mk.start && mk.end <= k.end));
    if (!clash) kept.push(mk);
  }
  const marked = new Set(kept.map((k) => k.n));

  // insert from the end, so earlier offsets stay valid: closing tags of inner marks first at one place
  const inserts: { at: number; text: string; order: number }[] = [];
  kept.forEach((k, i) => {
    inserts.push({ at: k.start, text: `<mark class="fig-quote" id="fig-${k.n}">`, order: i });
    inserts.push({ at: k.end, text: "</mark>", order: -i });
  });
  // same place: the text that must come first in the output goes in last
  inserts.sort((a, b) => b.at - a.at || b.order - a.order);
  // assembled once, front to back (the same order reversed): no copy of the page per insert
  const parts: string[] = [];
  let from = 0;
  for (let i = inserts.length - 1; i >= 0; i--) {
    parts.push(html.slice(from, inserts[i].at), inserts[i].text);
    from = inserts[i].at;
  }
  parts.push(html.slice(from));
  const out = parts.join("");

  // rows of the figures not found in the text carry the anchor themselves
  return out.replace(ROW_RE, (whole, pre: string, n: string, post: string, inner: string) =>
    marked.has(Number(n)) || /\bid="/.test(pre + post) ? whole : `<tr${pre}id="fig-${n}" data-fig="${n}"${post}>${inner}</tr>`,
  );
}
