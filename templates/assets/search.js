// The search page: runs the query in the URL (?q=…&zone=…&sort=…) on opening,
// keeps the URL in step with the form so a search can be linked, and shows
// Pagefind's results with their highlighted excerpts. Uses the pagefind.js that
// the build writes into the site, so the index and the code always match.
// Everything from the index is inserted as text, never as markup.
//
// Order: newest first unless the reader picks oldest first or relevance. In a
// large archive the index is in year shards, newest first; a search by date
// shows its first results from the newest shard alone and searches the older
// ones in the background (the count) or as "more" reaches them.
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
/** Results whose texts are fetched before the first is shown (see showMore). */
const AHEAD = 5;
const collator = new Intl.Collator(document.documentElement.lang || "zh-CN");
const HANT = /^zh-Hant/i.test(document.documentElement.lang);
const SITE_BASE = new URL("../", import.meta.url).pathname;
const switchLink = document.querySelector("a[data-script-switch]");

let toHansModule = null;
let toHantModule = null;
/** Traditional → Simplified, loaded on first need */
let toHansTries = 0;
const loadToHans = () =>
  // a module that failed to load stays failed at its URL: the next search asks under another
  (toHansModule ??= import(new URL(`./opencc/t2cn.js${toHansTries++ ? `?try=${toHansTries}` : ""}`, import.meta.url).href).then(
    (m) => m.default,
    (error) => {
      toHansModule = null;
      throw error;
    },
  ));
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

// ── overlays ──
// After a rebuild that changed a few pages of a large shard, the build indexes only those
// pages, into the shard's overlay, and keeps the shard's index (src/site/search-shards.ts):
// the overlay is searched with its shard; the shard's old copies of the changed pages (its
// mask) are left out; and each of the overlay's results is put in its place by date.

/** @param {any} o */
function validOverlay(o) {
  return (
    !!o &&
    typeof o.path === "string" &&
    typeof o.ids === "object" &&
    o.ids !== null &&
    Object.values(o.ids).every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isInteger)) &&
    Array.isArray(o.mask)
  );
}

/** Merge a shard's overlay into an index (a Pagefind instance), searched under the shard's name. */
function mergeOverlay(pf, shard) {
  if (!shard.overlay || Object.keys(shard.overlay.ids).length === 0) return null;
  return pf.mergeIndex(new URL(shard.overlay.path, shardList).href, shards.length > 1 ? { mergeFilter: { shard: shard.label } } : {});
}

/**
 * The results of the shards' indexes that are old copies: the masks of every overlay, made
 * once the shard list is read. (The build keeps a masked id out of every other index.)
 * @type {Set<string>}
 */
let masked = new Set();

/**
 * A shard's results in date order (sort "desc" or "asc"), its overlay's in their places:
 * Pagefind's merged search orders the shard's and the overlay's results each in date order
 * but interleaves the two. Sorted by date, Pagefind scores a result by its page's place in
 * its own index's date order (0 the oldest; negated for oldest first), and the build gives
 * each overlay page [the shard's pages dated before it, those dated no later than it]: an
 * overlay result goes after the shard's results that are not later than it (earlier, oldest
 * first), found by halving over their scores. No page's text is read to place it.
 */
function place(shard, results, sort) {
  const overlay = shard && shard.overlay;
  if (!overlay) return results;
  const base = [];
  const added = [];
  for (const r of results) {
    if (Object.hasOwn(overlay.ids, r.id)) added.push(r);
    else if (!masked.has(r.id)) base.push(r);
  }
  if (added.length === 0) return base;
  const rank = (r) => Math.abs(r.score);
  const at = added.map((r) => {
    const [before, upTo] = overlay.ids[r.id];
    // the first of the shard's results that goes after it: oldest first, one dated later than
    // it (rank at least upTo); newest first, one dated earlier (rank below before)
    const after = sort === "asc" ? (b) => rank(b) >= upTo : (b) => rank(b) < before;
    let lo = 0;
    let hi = base.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after(base[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  });
  const order = added.map((r, i) => ({ r, at: at[i] })).sort((a, b) => a.at - b.at);
  const out = [];
  let j = 0;
  for (let i = 0; i <= base.length; i++) {
    while (j < order.length && order[j].at === i) out.push(order[j++].r);
    if (i < base.length) out.push(base[i]);
  }
  return out;
}

/**
 * Two Pagefind instances (a module imported under two URLs is two modules). `pagefind` holds the
 * newest shard alone, with its overlay: a search by date shows its first page from it, and the
 * search made ahead and the preload as the reader types use it. `everything` holds every shard,
 * made on first need (the count, relevance, the older shards): Pagefind searches each index of an
 * instance, whatever the filters, so once the shards were merged into one instance every later
 * search read every shard before its first result (at 100k, a second query 1,469 ms).
 * In an archive of one index, `pagefind` is the whole of it and `everything` stays null.
 * @type {any}
 */
let pagefind;
/** @type {any} */
let everything = null;
/** How many times the index was opened (openIndex): an instance merged for an earlier opening is not kept. */
let openings = 0;
// The index: one, or year shards listed in pagefind/shards.json, newest first (the undated
// last), the first being pagefind/ itself. Each shard's pages carry a filter naming it.
const shardList = new URL("../pagefind/shards.json", import.meta.url);
/** @type {{ path: string, label: string }[]} */
let shards = [];
/** @type {Promise<unknown> | null} */
let merging = null;
/**
 * The last search of the index (see searchIndex): the call (words, options, and whether other
 * shards were merged in) and Pagefind's answer.
 * @type {{ key: string, response: Promise<any> } | null}
 */
let lastSearch = null;
/** Set when a search could not read the index: the next search opens it again first. */
let broken = false;

// What opening the page needs, asked for at once and side by side (each is awaited where it is
// used): the shard list, Pagefind's script and the filter counts. Asked for one after another,
// each waited on the one before (at 10k, a cold open with the query in the URL: 646 ms to the first
// result). A failure is reported where it is awaited.
const early = (promise) => {
  promise.catch(() => {});
  return promise;
};
const shardListRequest = early(fetch(shardList));
const pagefindRequest = early(import(new URL("../pagefind/pagefind.js", import.meta.url).href));
const filterCountsRequest = early(fetch(new URL("../pagefind/filter-counts.json", import.meta.url)));

/**
 * Opens the index: Pagefind, then the first shard with its overlay. Pagefind keeps an index
 * whose files could not be loaded (a shard merged in while the connection was down) and fails
 * every search after it; `again` starts a new Pagefind instance instead (its destroy), so the
 * reader can search again without reloading the page.
 */
async function openIndex(again) {
  if (again) {
    await Promise.race([
      Promise.all([pagefind.destroy(), everything?.destroy()]),
      new Promise((_, reject) => setTimeout(() => reject(new Error("Pagefind did not close its index")), 5000)),
    ]);
  } else {
    pagefind = await pagefindRequest;
  }
  openings++;
  merging = null;
  everything = null;
  lastSearch = null;
  await setUp(pagefind);
}

/** An instance opened on the newest shard, with its overlay. */
async function setUp(pf) {
  await pf.options({
    // the site may be hosted under a sub-path: results link relative to where this script lives
    baseUrl: new URL("../", import.meta.url).pathname,
    highlightParam: "highlight",
    excerptLength: 36,
    ...(shards.length > 1 ? { mergeFilter: { shard: shards[0].label } } : {}),
  });
  // the newest shard's overlay is searched with it from the first search
  if (shards.length > 0 && shards[0].overlay) {
    await primaryLoaded(pf);
    await mergeOverlay(pf, shards[0]);
  }
  await pf.init();
}

/**
 * Resolves once the first shard's index is loaded, and fails if it could not be. Pagefind's
 * mergeIndex waits for that index without end, so nothing is merged before it: an index
 * opened while the connection is down would otherwise leave the page searching forever.
 * (A search for nothing loads no index chunk.)
 */
const primaryLoaded = (pf) => pf.preload("");

/** @type {Promise<void> | null} */
let reopening = null;
/** After a failure, the index again (the browser's cache holds the files already read); once, for searches that ask at the same time. */
const reopen = () =>
  (reopening ??= openIndex(true)
    .then(() => {
      broken = false;
    })
    .finally(() => {
      reopening = null;
    }));

try {
  // no list (an index this build did not write): one index. A list that could not be fetched is a
  // failure, not one index: the other shards' articles would be missing without a word.
  const listed = await shardListRequest.then((r) => (r.ok ? r.json() : []));
  shards = Array.isArray(listed) ? listed.filter((s) => s && typeof s.path === "string" && typeof s.label === "string") : [];
  for (const s of shards) if (!validOverlay(s.overlay)) delete s.overlay;
  masked = new Set(shards.flatMap((s) => (s.overlay ? s.overlay.mask : [])));
  const [, toHant] = await Promise.all([
    openIndex(false).then(() => {
      // the query in the URL: its index files, while the filter choices are made
      const q = (new URLSearchParams(location.search).get("q") || "").trim();
      if (q) indexQuery(q).then((term) => pagefind.preload(term)).catch(() => {}); // the search reports a failure
    }),
    HANT ? loadToHant() : null,
  ]);
  if (toHant) show = toHant;
} catch (error) {
  status.textContent = S.unavailable;
  throw error;
}
const SHARDED = shards.length > 1;
/**
 * Every shard, merged once into the second instance (`everything`), on first need: a search
 * sorted newest first shows its first results from the newest shard's own instance, and merges
 * the rest after.
 */
const mergeAll = () =>
  (merging ??= (async () => {
    const opened = openings;
    const pf = await import(new URL("../pagefind/pagefind.js?every-shard", import.meta.url).href);
    // kept from now on, so that opening the index again closes it even if a shard fails to merge
    everything = pf;
    await setUp(pf);
    await primaryLoaded(pf);
    await Promise.all(shards.slice(1).flatMap((s) => [pf.mergeIndex(new URL(s.path, shardList).href, { mergeFilter: { shard: s.label } }), mergeOverlay(pf, s)]));
    // not when the index was opened again meanwhile (a failure): the next search merges again
    if (opened !== openings) throw new Error("the index was opened again");
  })());
/** The instance that holds every shard (merged in first when the index is in shards). */
const wholeIndex = async () => {
  if (!SHARDED) return pagefind;
  await mergeAll();
  return everything;
};

// ── filter choices, from the index ──
// the counts come from a small file the build writes (pagefind/filter-counts.json): asking
// Pagefind would load every shard's filter files before the first search
const everyFilter = async () => (await wholeIndex()).filters();
const available = await filterCountsRequest.then(
  (r) => (r.ok ? r.json() : everyFilter()),
  () => everyFilter(),
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
  const sort = p.get("sort") || "";
  const state = { q: p.get("q") || "", sort: sort === "desc" ? "" : sort, filters: {} };
  for (const key of FILTER_KEYS) state.filters[key] = p.get(key) || "";
  return state;
}

function readForm() {
  const state = { q: input.value, sort: sortSelect.value, filters: {} };
  for (const s of filterSelects) state.filters[s.name] = s.value;
  return state;
}

function showState(state) {
  composing = false;
  input.value = state.q;
  // newest first is the default ("" — also what an older link's sort=desc means)
  sortSelect.value = ["asc", "relevance"].includes(state.sort) ? state.sort : "";
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
/** whether an input method is composing text in the query field (see edited) */
let composing = false;
/**
 * The search on screen: its results in order, gathered shard by shard when sorted by date
 * (Pagefind's merged search orders by score, which for a sorted search is the place within
 * its own shard: it would interleave the shards); the shards not searched yet; the count once
 * known.
 * @type {{ items: any[], parts: { path: string, label: string }[], total: number | null, term: string, typed: string, filters: Record<string, string>, sort: string | null, chain: Promise<void>, busy: boolean } | null}
 */
let listing = null;
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

/**
 * Whether a shard (labelled 2013, 2005-2014, undated or all, or, for a primary that holds the
 * newest months of a cut year, 2025.12 or 2025.11-2026) can hold articles of a year filter's value.
 */
function holdsYear(shard, year) {
  if (!year || shard.label === "all") return true;
  const range = /^(\d{4})(?:\.\d{2})?(?:-(\d{4})(?:\.\d{2})?)?$/.exec(shard.label);
  if (!/^\d{4}$/.test(year)) return !range; // 日期不详: the undated shard
  return !!range && range[1] <= year && year <= (range[2] || range[1]);
}

/** The filters a search asks Pagefind for: those chosen. */
function filtersOf(state) {
  const filters = {};
  for (const key of FILTER_KEYS) if (state.filters[key]) filters[key] = state.filters[key];
  return filters;
}

// ── searching ahead ──
// The first search for words on a page is slow in Chromium, whatever the words: at 10k
// articles, 招商引资 on the newest shard (436 pages), its index files loaded, took 50–130 ms
// as the page's first search and 22–45 ms after one search for a word of most pages (the
// cost is inside Pagefind's worker; a search for no words, or for a rare word, does not take
// it away, and Chromium's switches for WebAssembly compilation made no difference). So once
// an edit's words have their index files (the preload), the search the form would run is
// started, and the texts of its first results fetched; when the form then runs (Enter, or the
// pause after typing) and makes the same call on the same index, it takes that search instead
// of starting it again. It loads only what that search would, and it is made only when the
// form's first call is one search of the newest shard's instance (newest first), or of the one
// index of an archive not in shards.

/** whether a search made ahead is running (one at a time: the form's own search catches up) */
let aheadRunning = false;
const callKey = (term, options, pf = pagefind) => JSON.stringify([term, options, pf !== pagefind]);

/**
 * Pagefind's search; the same call on the same index as the last (made ahead, or Enter pressed
 * again on the same form) takes the last one's answer instead of searching again.
 */
function searchIndex(term, options, pf = pagefind) {
  const key = callKey(term, options, pf);
  if (lastSearch && lastSearch.key === key) return lastSearch.response;
  const response = pf.search(term, options);
  const entry = { key, response };
  lastSearch = entry;
  response.catch(() => {
    if (lastSearch === entry) lastSearch = null;
  });
  return response;
}

/** The form's search for these words, made ahead, if no search or edit came since the edit `edit` (see above). */
function searchAhead(term, edit, runAtEdit) {
  if (edit !== edits || runAtEdit !== run || aheadRunning) return;
  const state = readForm();
  const filters = filtersOf(state);
  const sort = sortOf(state.sort);
  // sharded: only newest first, from the newest shard's own instance
  if (SHARDED && (sort !== "desc" || !holdsYear(shards[0], filters.year))) return;
  const options = searchOptions(filters, sort);
  if (lastSearch && lastSearch.key === callKey(term, options)) return;
  aheadRunning = true;
  searchIndex(term, options).then(
    (r) => {
      aheadRunning = false;
      if (edit !== edits) return;
      // the texts of the first results, in the order they would be shown (Pagefind keeps them)
      for (const x of inShownOrder(shards[0], r.results, sort).slice(0, AHEAD)) x.data().catch(() => {});
    },
    () => {
      aheadRunning = false;
    },
  );
}

/** "desc" (newest first, the default), "asc", or null for Pagefind's relevance */
const sortOf = (value) => (value === "relevance" ? null : value === "asc" ? "asc" : "desc");

/** Pagefind's options for a search: the filters, and the date order unless by relevance. */
const searchOptions = (filters, sort) => (sort ? { filters, sort: { date: sort } } : { filters });

/**
 * An index's results as they are shown: by date, a shard's (or the one index's) overlay results
 * in their places; by relevance, the old copies left out.
 */
const inShownOrder = (shard, results, sort) => (sort ? place(shard, results, sort) : results.filter((r) => !masked.has(r.id)));

/** One shard's results, in date order: the newest from its own instance, the others from the one of every shard. */
async function searchShard(l, shard) {
  if (shard === shards[0]) return place(shard, (await searchIndex(l.term || null, searchOptions(l.filters, l.sort))).results, l.sort);
  const pf = await wholeIndex();
  return place(shard, (await pf.search(l.term || null, searchOptions({ ...l.filters, shard: shard.label }, l.sort))).results, l.sort);
}

/** Search shards in order until the listing holds n results (or every shard is searched). One at a time. */
function gather(l, n) {
  l.chain = l.chain.then(async () => {
    while (l.items.length < n && l.parts.length > 0 && l === listing) {
      const part = await searchShard(l, l.parts[0]);
      if (l !== listing) return;
      l.parts.shift();
      l.items.push(...part);
    }
    if (l.parts.length === 0) l.total = l.items.length;
  });
  return l.chain;
}

/** Run a search; if the index cannot be read (a shard missing, say), say so instead of waiting forever. */
async function search(state) {
  const id = ++run;
  try {
    if (broken) {
      status.textContent = S.loading;
      await reopen();
      if (id !== run) return;
    }
    await runSearch(state, id);
  } catch (error) {
    if (id !== run) return;
    failed(error);
  }
}

async function runSearch(state, id) {
  // the last search's results stay on screen until this one's replace them, but "more" no longer reaches them
  listing = null;
  more.hidden = true;
  const filters = filtersOf(state);
  const typed = state.q.trim();
  if (!typed && Object.keys(filters).length === 0) {
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    status.textContent = S.empty;
    return;
  }
  status.textContent = S.loading;
  list.setAttribute("aria-busy", "true");
  const term = typed ? await indexQuery(typed) : typed;
  if (id !== run) return;
  // the article pages of this site are in its script: mark the words in it
  highlightTerms = termsOf(HANT ? show(term) : term);
  const sort = sortOf(state.sort);
  const l = { items: [], parts: [], total: null, term, typed, filters, sort, chain: Promise.resolve(), busy: false };
  if (SHARDED && sort) {
    // by date: the shards in date order, each searched when the results shown reach it
    // (with a year filter, only the shards that can hold that year)
    l.parts = (sort === "asc" ? [...shards].reverse() : [...shards]).filter((s) => holdsYear(s, filters.year));
  } else {
    const pf = await wholeIndex();
    if (id !== run) return;
    const response = await searchIndex(term || null, searchOptions(filters, sort), pf);
    if (id !== run) return;
    // (sorted by date here only when the index is one)
    l.items = inShownOrder(shards[0], response.results, sort);
    l.total = l.items.length;
  }
  listing = l;
  shown = 0;
  await showMore(id);
  if (id !== run || l.total !== null) return;
  // the count: one search of every shard (the remaining shards are searched in order only as
  // the reader asks for more)
  const whole = await wholeIndex();
  if (id !== run) return;
  const all = await whole.search(term || null, { filters });
  if (id !== run) return;
  if (l.total === null) l.total = all.results.filter((r) => !masked.has(r.id)).length;
  showStatus(l);
}

/** The index could not be read: no partial list, and say so. The next search opens the index again. */
function failed(error) {
  broken = true;
  listing = null;
  list.replaceChildren();
  list.removeAttribute("aria-busy");
  more.hidden = true;
  status.textContent = S.error;
  console.error(error);
}

function showStatus(l) {
  if (l.total === 0) status.textContent = fill(S.noResults, { q: l.typed });
  else if (l.total !== null) status.textContent = fill(S.count, { n: l.total });
  else status.textContent = fill(S.countSoFar, { n: l.items.length });
  more.hidden = l.total !== null ? shown >= l.total : shown >= l.items.length && l.parts.length === 0;
}

/**
 * The next page of results. Each result is shown as soon as it and those before it have
 * loaded, so the first are on screen before the last arrive; a new search's first result
 * replaces the last search's list. The texts of the first AHEAD results (about a screenful)
 * are fetched first and the rest once the first result is shown, so that on a slow line
 * the first result does not wait on the whole page's bytes (each result's fragment holds
 * its page's text, about 2.6 KB gzipped). Returns the first result added, if any.
 */
async function showMore(id) {
  const l = listing;
  // one page at a time ("more" stays where it is, marked disabled, while a page loads)
  if (!l || l.busy) return null;
  l.busy = true;
  more.setAttribute("aria-disabled", "true");
  list.setAttribute("aria-busy", "true");
  let added = null;
  try {
    await gather(l, shown + PAGE_SIZE);
    if (id !== run || l !== listing) return null;
    const page = l.items.slice(shown, shown + PAGE_SIZE);
    const loading = [];
    const fetchTexts = (from, to) => {
      for (const r of page.slice(from, to)) {
        const p = r.data();
        p.catch(() => {}); // awaited below, in order; a failure is thrown there
        loading.push(p);
      }
    };
    fetchTexts(0, AHEAD);
    if (shown === 0 && page.length === 0) list.replaceChildren();
    for (let i = 0; i < page.length; i++) {
      const d = await loading[i];
      if (id !== run || l !== listing) return null;
      if (i === 0) fetchTexts(AHEAD, page.length);
      const item = resultItem(d, highlightTerms);
      if (shown === 0) list.replaceChildren(item);
      else list.append(item);
      added ??= item;
      shown++;
    }
    showStatus(l);
    return added;
  } finally {
    l.busy = false;
    more.removeAttribute("aria-disabled");
    // (a newer search keeps the list busy until its own results are shown)
    if (id === run) list.removeAttribute("aria-busy");
  }
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
/** edits of the query so far */
let edits = 0;
/**
 * The query was edited: search a moment after the reader stops typing. The index files
 * for the words are fetched at once (Pagefind's preload), so they are there by then, or by
 * Enter, and the search is made as soon as they are (searchAhead). Text still being composed
 * in an input method (pinyin before a candidate is chosen) is not a query: the search waits
 * for it to be committed.
 */
function edited() {
  clearTimeout(typing);
  const typed = input.value.trim();
  const edit = ++edits;
  const runAtEdit = run;
  if (typed) {
    indexQuery(typed)
      .then((term) => pagefind.preload(term).then(() => searchAhead(term, edit, runAtEdit)))
      .catch(() => {}); // the search itself reports a failure
  }
  typing = setTimeout(() => {
    const state = readForm();
    writeUrl(state, false);
    search(state);
  }, 250);
}
input.addEventListener("compositionstart", () => {
  composing = true;
  clearTimeout(typing);
});
input.addEventListener("compositionend", () => {
  composing = false;
  edited();
});
// a composition that never ended (the field left, or the page's state restored meanwhile) does not block searching
input.addEventListener("blur", () => {
  composing = false;
});
input.addEventListener("input", (event) => {
  if (composing || event.isComposing) return;
  edited();
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
more.addEventListener("click", () => {
  const id = run;
  showMore(id).then(
    (added) => {
      // the last page: "more" is gone, so the keyboard focus goes to the first of the new results
      if (added && more.hidden && (document.activeElement === more || document.activeElement === document.body)) added.querySelector("a")?.focus();
    },
    (error) => {
      if (id === run) failed(error);
    },
  );
});
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
