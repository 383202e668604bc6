// The search page: runs the query in the URL (?q=…&zone=…&sort=…) on opening,
// keeps the URL in step with the form so a search can be linked, and shows
// Pagefind's results with their highlighted excerpts. Uses the pagefind.js that
// the build writes into the site, so the index and the code always match.
// Everything from the index is inserted as text, never as markup.
//
// Scripts: there is one index, of the Simplified pages. A query with
// characters only Traditional writing uses is converted to Simplified first
// (assets/opencc/t2cn.js, loaded only then), on either site. On the
// Traditional site (/hant/, <html lang="zh-Hant">) Pagefind still loads that
// index (it falls back to the only one there is, and segments the query as
// Chinese), results lead to the Traditional pages, and titles, excerpts and
// filter names are shown converted (assets/opencc/cn2tw.js, which holds only
// the phrases this site uses).

import { hasHantOnly } from "./hant-chars.js";

const app = document.getElementById("search-app");
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const controls = document.getElementById("search-controls");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const filterSelects = [...controls.querySelectorAll("select[data-filter]")];
const sortSelect = controls.querySelector('select[name="sort"]');
const S = JSON.parse(app.dataset.strings || "{}");
const PAGE_SIZE = 20;
const collator = new Intl.Collator(document.documentElement.lang || "zh-CN");
const HANT = /^zh-Hant/i.test(document.documentElement.lang);
const SITE_BASE = new URL("../", import.meta.url).pathname;
const switchLink = document.querySelector("a[data-script-switch]");

let toHansModule = null;
let toHantModule = null;
/** Traditional → Simplified, loaded on first need */
const loadToHans = () => (toHansModule ??= import(new URL("./opencc/t2cn.js", import.meta.url).href).then((m) => m.default));
/** Simplified → Traditional, for the Traditional site's results */
const loadToHant = () => (toHantModule ??= import(new URL("./opencc/cn2tw.js", import.meta.url).href).then((m) => m.default));
/** what is shown: as indexed on the Simplified site, converted on the Traditional one */
let show = (text) => text;
/** the query as the index is written (Simplified) */
const indexQuery = async (query) => (hasHantOnly(query) ? (await loadToHans())(query) : query);
/** a result's URL, on this site */
const siteUrl = (path) => (HANT && path.startsWith(SITE_BASE) && !path.startsWith(`${SITE_BASE}hant/`) ? `${SITE_BASE}hant/${path.slice(SITE_BASE.length)}` : path);

const fill = (template, values) =>
  String(template).replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

/** @type {any} */
let pagefind;
try {
  pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
  await pagefind.options({
    // the site may be hosted under a sub-path: results link relative to where this script lives
    baseUrl: new URL("../", import.meta.url).pathname,
    highlightParam: "highlight",
    excerptLength: 36,
  });
  // a large archive's index is built in year shards: merge the others into the primary one
  const shardList = new URL("../pagefind/shards.json", import.meta.url);
  const shards = await fetch(shardList).then((r) => (r.ok ? r.json() : []), () => []);
  await Promise.all(shards.map((path) => pagefind.mergeIndex(new URL(path, shardList).href)));
  const [, toHant] = await Promise.all([pagefind.init(), HANT ? loadToHant() : null]);
  if (toHant) show = toHant;
} catch (error) {
  status.textContent = S.error;
  throw error;
}

// ── filter choices, from the index ──
// the counts come from a small file the build writes (pagefind/filter-counts.json): asking
// Pagefind would load every shard's filter files before the first search
const available = await fetch(new URL("../pagefind/filter-counts.json", import.meta.url)).then(
  (r) => (r.ok ? r.json() : pagefind.filters()),
  () => pagefind.filters(),
);
for (const select of filterSelects) {
  const counts = available[select.dataset.filter] || {};
  const names = Object.keys(counts);
  if (select.dataset.filter === "year") {
    names.sort((a, b) => (/^\d+$/.test(b) ? Number(b) : -1) - (/^\d+$/.test(a) ? Number(a) : -1));
  } else {
    names.sort(collator.compare);
  }
  for (const name of names) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = `${show(name)}（${counts[name]}）`;
    select.append(option);
  }
}
controls.hidden = false;

// ── state ⇄ URL ⇄ form ──
const FILTER_KEYS = filterSelects.map((s) => s.name);

function readUrl() {
  const p = new URLSearchParams(location.search);
  const state = { q: p.get("q") || "", sort: p.get("sort") || "", filters: {} };
  for (const key of FILTER_KEYS) state.filters[key] = p.get(key) || "";
  return state;
}

function readForm() {
  const state = { q: input.value, sort: sortSelect.value, filters: {} };
  for (const s of filterSelects) state.filters[s.name] = s.value;
  return state;
}

function showState(state) {
  input.value = state.q;
  sortSelect.value = ["asc", "desc"].includes(state.sort) ? state.sort : "";
  for (const s of filterSelects) {
    const wanted = state.filters[s.name] || "";
    if (wanted && ![...s.options].some((o) => o.value === wanted)) {
      // a linked filter value not in this index still shows, so the URL and the form agree
      const option = document.createElement("option");
      option.value = wanted;
      option.textContent = show(wanted);
      s.append(option);
    }
    s.value = wanted;
  }
}

function writeUrl(state, push) {
  const p = new URLSearchParams();
  if (state.q.trim()) p.set("q", state.q.trim());
  for (const key of FILTER_KEYS) if (state.filters[key]) p.set(key, state.filters[key]);
  if (state.sort) p.set("sort", state.sort);
  const query = p.toString();
  const url = location.pathname + (query ? `?${query}` : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  keepSwitchInStep();
}

/** the link to the other script's search page carries the same search */
function keepSwitchInStep() {
  if (!switchLink) return;
  const target = new URL(switchLink.href, location.href);
  target.search = location.search;
  switchLink.href = target.pathname + target.search;
}

// ── searching ──
let run = 0;
let results = [];
let shown = 0;
let highlightTerms = [];

/**
 * What the article page should mark: the words as the reader typed them.
 * (Pagefind's own highlight terms are its single-character Chinese segments,
 * which would mark every 开 and 区 of a page for 开发区.)
 */
const termsOf = (query) =>
  query
    .replace(/["“”]/g, " ")
    .split(/\s+/)
    .filter((t) => t.length > 0);

async function search(state) {
  const id = ++run;
  const filters = {};
  for (const key of FILTER_KEYS) if (state.filters[key]) filters[key] = state.filters[key];
  const typed = state.q.trim();
  if (!typed && Object.keys(filters).length === 0) {
    results = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = S.empty;
    return;
  }
  status.textContent = S.loading;
  const term = typed ? await indexQuery(typed) : typed;
  if (id !== run) return;
  // the article pages of this site are in its script: mark the words in it
  highlightTerms = termsOf(HANT ? show(term) : term);
  const options = { filters };
  if (state.sort) options.sort = { date: state.sort };
  const response = await pagefind.search(term || null, options);
  if (id !== run) return;
  results = response.results;
  shown = 0;
  list.replaceChildren();
  if (results.length === 0) {
    more.hidden = true;
    status.textContent = fill(S.noResults, { q: typed });
    return;
  }
  status.textContent = fill(S.count, { n: results.length });
  await showMore(id);
}

async function showMore(id) {
  const page = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(page.map((r) => r.data()));
  if (id !== run) return;
  for (const d of data) list.append(resultItem(d, highlightTerms));
  shown += page.length;
  more.hidden = shown >= results.length;
}

function resultItem(d, terms) {
  const li = document.createElement("li");
  li.className = "entry";
  const h = document.createElement("h2");
  h.className = "entry-title";
  const a = document.createElement("a");
  const url = new URL(d.url, location.href);
  url.searchParams.delete("highlight");
  for (const t of terms) url.searchParams.append("highlight", t);
  a.href = siteUrl(url.pathname) + url.search;
  a.textContent = show((d.meta && d.meta.title) || d.url);
  h.append(a);
  const meta = document.createElement("p");
  meta.className = "entry-meta";
  const bits = [d.meta && d.meta.date, d.meta && d.meta.zone].filter(Boolean);
  bits.forEach((bit, i) => {
    if (i) {
      const sep = document.createElement("span");
      sep.className = "sep";
      sep.setAttribute("aria-hidden", "true");
      sep.textContent = "·";
      meta.append(sep);
    }
    const span = document.createElement("span");
    span.textContent = show(bit);
    meta.append(span);
  });
  const excerpt = document.createElement("p");
  excerpt.className = "entry-excerpt";
  excerpt.append(excerptNodes(d.excerpt || "", show));
  li.append(h, meta, excerpt);
  return li;
}

/**
 * Pagefind joins a heading and the next paragraph with ". "; in Chinese text
 * that reads as a stray Latin full stop, so it becomes 。 (or goes, after 。！？).
 */
const blockBreaks = (text) =>
  text
    .replace(/([。！？；：，、])(<\/mark>)?\. /g, "$1$2")
    .replace(/([\u3400-\u9fff”’）》」』])(<\/mark>)?\. /g, "$1$2。");

/**
 * Pagefind's excerpt is the page text with "<" and ">" escaped and the hits
 * wrapped in <mark>. Rebuild it from text nodes: only <mark> ever becomes an element.
 */
function excerptNodes(excerptHtml, convert = (text) => text) {
  /** runs of text, marked or not; adjacent hits (招|商|引|资) become one run */
  const runs = [];
  let inMark = false;
  for (const part of blockBreaks(excerptHtml.replace(/\u200B/g, "")).split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") inMark = true;
    else if (part === "</mark>") inMark = false;
    else if (part) {
      const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      const prev = runs[runs.length - 1];
      if (prev && prev.mark === inMark) prev.text += text;
      else runs.push({ text, mark: inMark });
    }
  }
  // convert the excerpt as one text (phrases cross the marks), then cut it where it was cut
  const whole = runs.map((r) => r.text).join("");
  const converted = convert(whole);
  if (converted.length === whole.length) {
    let at = 0;
    for (const r of runs) {
      r.text = converted.slice(at, at + r.text.length);
      at += r.text.length;
    }
  } else {
    for (const r of runs) r.text = convert(r.text);
  }
  const fragment = document.createDocumentFragment();
  for (const r of runs) {
    if (r.mark) {
      const mark = document.createElement("mark");
      mark.textContent = r.text;
      fragment.append(mark);
    } else {
      fragment.append(r.text);
    }
  }
  return fragment;
}

// ── events ──
let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const state = readForm();
    writeUrl(state, false);
    search(state);
  }, 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  const state = readForm();
  writeUrl(state, true);
  search(state);
});
for (const select of [...filterSelects, sortSelect]) {
  select.addEventListener("change", () => {
    const state = readForm();
    writeUrl(state, false);
    search(state);
  });
}
more.addEventListener("click", () => showMore(run));
window.addEventListener("popstate", () => {
  const state = readUrl();
  showState(state);
  search(state);
});

const initial = readUrl();
showState(initial);
keepSwitchInStep();
await search(initial);
app.dataset.ready = "true";
