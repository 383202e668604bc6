/**
 * npm run bench -- [--articles 10000] [--no-hugo] [--no-browser] [--shard-pages N]
 *
 * Builds a generated corpus of N articles (scripts/generate-corpus.ts) and
 * prints, per stage (normalise, render, index) and in total: wall time, peak
 * memory and output size; then the public command's cold build, and rebuilds
 * after one changed article (an old one, a recent one); then the bytes and
 * time of a first search in Chromium; then, last, a rebuild after one new
 * article of the newest year is added. Peak memory is the
 * whole process tree's, sampled from /proc. In the same run it
 * renders the same normalised Markdown with Hugo (Debian's hugo, a minimal
 * template of the same fields) followed by the same Pagefind run, and prints
 * the ratio ours / Hugo+Pagefind. Timing targets live here, not in tests.
 */
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, newArticle } from "./generate-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    hugo: { type: "boolean", default: true },
    "no-hugo": { type: "boolean", default: false },
    browser: { type: "boolean", default: true },
    "no-browser": { type: "boolean", default: false },
    dir: { type: "string", default: join(".cache", "bench") },
    // a run whose processes hold more than this is stopped (and reported), before the machine runs out
    "mem-limit-gb": { type: "string", default: String(Math.floor((totalmem() / 2 ** 30) * 0.85)) },
    // to finish an interrupted run: skip the per-stage builds and/or the one-process build (their outputs must be in place)
    "no-stages": { type: "boolean", default: false },
    "no-full": { type: "boolean", default: false },
    // the build's --shard-pages (article pages per search-index shard), to measure other sizes
    "shard-pages": { type: "string" },
    // only the first-search measure, on a site already built (e.g. --search-only _site)
    "search-only": { type: "string" },
  },
});
const N = Number(values.articles);
const MEM_LIMIT_MB = Number(values["mem-limit-gb"]) * 1024;
const ROOT = resolve(values.dir!, String(N));
const CORPUS = join(ROOT, "corpus");
const OUT = join(ROOT, "site");
const CONTENT = join(ROOT, "content");
const HUGO = join(ROOT, "hugo");
const HUGO_OUT = join(ROOT, "hugo-site");

/**
 * An earlier run's folders are moved aside, not deleted, before a measured
 * step, and deleted when this run's measurements are done. On this machine's
 * ext4, files made within a minute or so of as many being deleted can cost
 * ten times as much: 11,000 files of 7 KB took 0.47 s into a new folder and
 * 5.21 s right after 11,000 others were deleted (another time 0.32 s: it
 * depends on where the new folder's files land); `perf` showed ext4's inode
 * allocator checking the recently deleted ones (`recently_deleted`). A cold
 * build on a fresh checkout pays none of that, so the benchmark should not.
 */
const SET_ASIDE = join(ROOT, ".set-aside");
let setAsideCount = 0;
function setAside(dir: string): void {
  if (!existsSync(dir)) return;
  mkdirSync(SET_ASIDE, { recursive: true });
  renameSync(dir, join(SET_ASIDE, `${process.pid}-${setAsideCount++}-${basename(dir)}`));
}

interface Measure {
  label: string;
  seconds: number;
  peakMB: number;
  bytes?: number;
  /** set when the memory limit stopped it */
  stopped?: string;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      /* gone meanwhile */
    }
  }
  let bytes = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
    } catch {
      /* gone meanwhile */
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

/**
 * Run a command, measuring wall time and the peak resident memory of its whole
 * process tree (sampled every 100 ms: Pagefind runs as a child of Node, which
 * GNU time's %M does not add up). Above `limitMB` the tree is stopped and the
 * measure says so, instead of the machine running out of memory.
 */
async function measured(label: string, cmd: string, args: string[], cwd = process.cwd()): Promise<Measure> {
  const limit = MEM_LIMIT_MB * 2 ** 20;
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, stdio: ["ignore", "ignore", "inherit"], detached: true });
  let peak = 0;
  let stopped = false;
  const timer = setInterval(() => {
    if (!child.pid) return;
    const rss = treeRss(child.pid);
    peak = Math.max(peak, rss);
    if (rss > limit && !stopped) {
      stopped = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }, 100);
  const code = await new Promise<number | string>((resolve) => child.on("exit", (c, sig) => resolve(c ?? sig ?? "?")));
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  if (stopped) return { label, seconds, peakMB: peak / 2 ** 20, stopped: `stopped after ${seconds.toFixed(0)} s: its processes held more than ${MEM_LIMIT_MB} MB` };
  if (code !== 0) throw new Error(`${label} failed (exit ${code})`);
  return { label, seconds, peakMB: peak / 2 ** 20 };
}

// as package.json runs the build: Node's default heap (4 GB) is too small for 100k articles
const tsx = (script: string, ...args: string[]): [string, string[]] => [process.execPath, ["--max-old-space-size=16384", "--import", "tsx", script, ...args]];

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  }
  return n;
}

const fmtMB = (b: number): string => `${(b / 1e6).toFixed(1)} MB`;

function row(m: Measure): string {
  return `  ${m.label.padEnd(28)} ${m.seconds.toFixed(1).padStart(7)} s ${m.peakMB.toFixed(0).padStart(7)} MB peak${m.bytes !== undefined ? `   ${fmtMB(m.bytes)}` : ""}${m.stopped ? `   ${m.stopped}` : ""}`;
}

interface Bytes {
  raw: number;
  gz: number;
}

interface SearchMeasure {
  /** the search page's own files (HTML, CSS, scripts), loaded before the query */
  pageFiles: Bytes;
  /** what the search page loads from the index folders before a query (Pagefind, the newest shard's entry and meta, its overlay's, filter counts) */
  setup: Bytes;
  /** from pressing Enter to the first result on screen: bytes loaded, and time */
  first: Bytes & { ms: number };
  /** from the first result to the whole first page (20 results) on screen */
  page: Bytes & { ms: number };
  /** from the first page to the search settled (every shard searched for the count) */
  rest: Bytes & { ms: number };
  /** a fresh page; the query typed, Enter pressed 200 ms later: bytes in all to the first page, and the times from Enter */
  typed: Bytes & { firstMs: number; pageMs: number };
  /** the same query sorted by relevance, on a fresh page (every shard merged before results show) */
  relevance: Bytes & { ms: number };
  /** a second, different query: to its first results */
  secondMs: number;
  /** from opening /search/?q=… to the first results on screen (nothing cached) */
  coldMs: number;
  results: string;
}

/**
 * A first search on the real search page (search.js), in Chromium. Bytes are counted
 * raw and as a static host that gzips text would send them (Pagefind's index files are
 * gzipped already; its JS and JSON are not), each response in the phase it finished in.
 */
async function firstSearch(site: string, query: string, second: string): Promise<SearchMeasure | null> {
  if (!existsSync("/usr/bin/chromium")) return null;
  const { chromium } = await import("playwright-core");
  const { gzipSync } = await import("node:zlib");
  const { startStaticServer } = await import("../tests/browser/static-server.ts");
  const server = await startStaticServer(site, "/");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  /**
   * Press Enter on a query: the times (epoch ms) it was sent, its first result was on screen,
   * its first page was, and it settled. With `typedMs`, the query is typed first (an input
   * event, as an input method sends when a word is committed) and Enter pressed that long after.
   */
  const searched = async (
    page: import("playwright-core").Page,
    q: string,
    sort: string,
    typedMs = -1,
  ): Promise<{ sent: number; first: number; page: number; done: number }> =>
    page.evaluate(
      async ([text, order, typed]) => {
        const form = document.getElementById("search-form") as HTMLFormElement;
        const input = document.getElementById("q") as HTMLInputElement;
        const select = document.querySelector("select[name=sort]") as HTMLSelectElement;
        const list = document.getElementById("search-results")!;
        const status = document.getElementById("search-status")!;
        select.value = order;
        input.value = text;
        if (typed >= 0) {
          input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
          await new Promise((r) => setTimeout(r, typed));
        }
        list.replaceChildren();
        const t = { sent: performance.timeOrigin + performance.now(), first: 0, page: 0, done: 0 };
        // (no named functions in here: tsx would wrap them in a helper the page does not have)
        const done = new Promise<void>((resolve) => {
          new MutationObserver((_, observer) => {
            const now = performance.timeOrigin + performance.now();
            if (list.children.length > 0 && !t.first) t.first = now;
            if (t.first && !t.page && !list.hasAttribute("aria-busy")) t.page = now;
            if (t.page && !status.textContent?.includes("……")) {
              t.done = now;
              observer.disconnect();
              resolve();
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
        });
        form.requestSubmit();
        await done;
        return t;
      },
      [q, sort, typedMs] as const,
    );
  /** every index response, with the time (epoch ms) it finished */
  const watch = (
    page: import("playwright-core").Page,
  ): { list: { at: number; raw: number; gz: number }[]; own: { at: number; raw: number; gz: number }[]; settled: () => Promise<unknown> } => {
    const list: { at: number; raw: number; gz: number }[] = [];
    const own: { at: number; raw: number; gz: number }[] = []; // the search page's own files (HTML, CSS, scripts)
    const pending: Promise<void>[] = [];
    page.on("response", (res) => {
      const path = new URL(res.url()).pathname;
      const index = /^\/pagefind(-shards|-overlays)?\//.test(path);
      pending.push(
        res.body().then(
          (body) => {
            const timing = res.request().timing();
            const gz = /\.(js|json|css|html|svg)$|\/$/.test(path) ? gzipSync(body, { level: 6 }).length : body.length;
            (index ? list : own).push({ at: timing.startTime + timing.responseEnd, raw: body.length, gz });
          },
          () => {},
        ),
      );
    });
    return { list, own, settled: () => Promise.all(pending) };
  };
  const sum = (list: { at: number; raw: number; gz: number }[], from: number, to: number): Bytes =>
    list.filter((r) => r.at > from && r.at <= to).reduce((b, r) => ({ raw: b.raw + r.raw, gz: b.gz + r.gz }), { raw: 0, gz: 0 });
  /** a search page in a new context (nothing cached), opened and settled, its index responses watched */
  const openSearchPage = async (): Promise<{ page: import("playwright-core").Page; seen: ReturnType<typeof watch> }> => {
    const page = await (await browser.newContext()).newPage();
    const seen = watch(page);
    await page.goto(`${server.url}search/`, { waitUntil: "load" });
    await page.waitForSelector("#search-app[data-ready]");
    await page.waitForTimeout(300);
    await seen.settled();
    return { page, seen };
  };
  /** a query pressed on an open search page, and its responses settled */
  const searchSettled = async (page: import("playwright-core").Page, seen: ReturnType<typeof watch>, q: string, sort: string, typedMs = -1) => {
    const t = await searched(page, q, sort, typedMs);
    await page.waitForTimeout(300);
    await seen.settled();
    return t;
  };
  try {
    const { page, seen } = await openSearchPage();
    const t = await searchSettled(page, seen, query, "");
    const results = (await page.textContent("#search-status")) ?? "";
    const setup = sum(seen.list, 0, t.sent);
    const pageFiles = sum(seen.own, 0, t.sent);
    const first = { ...sum(seen.list, t.sent, t.first), ms: t.first - t.sent };
    const firstPage = { ...sum(seen.list, t.first, t.page), ms: t.page - t.first };
    const rest = { ...sum(seen.list, t.page, Infinity), ms: t.done - t.page };
    const t2 = await searched(page, second, "");
    // each page is closed before the next is measured: a page left open goes on searching its other shards for the count
    await page.context().close();
    // relevance: a fresh page, so nothing is cached
    const r = await openSearchPage();
    const rt = await searchSettled(r.page, r.seen, query, "relevance");
    const relevance = { ...sum(r.seen.list, 0, Infinity), ms: rt.first - rt.sent };
    await r.page.context().close();
    // cold: a new context (no cache), the query in the URL
    const cold = await browser.newContext();
    const p2 = await cold.newPage();
    const t0 = Date.now();
    await p2.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await p2.waitForFunction(() => (document.getElementById("search-results")?.children.length ?? 0) > 0, null, { timeout: 120_000 });
    const coldMs = Date.now() - t0;
    await cold.close();
    // typed, then Enter: the index files for the words are fetched while the reader types
    const y = await openSearchPage();
    const yt = await searchSettled(y.page, y.seen, query, "", 200);
    const typed = { ...sum(y.seen.list, 0, yt.page), firstMs: yt.first - yt.sent, pageMs: yt.page - yt.sent };
    return { pageFiles, setup, first, page: firstPage, rest, typed, relevance, secondMs: t2.first - t2.sent, coldMs, results };
  } finally {
    await browser.close();
    await server.close();
  }
}

function hugoSite(): void {
  setAside(HUGO);
  mkdirSync(join(HUGO, "layouts", "_default"), { recursive: true });
  writeFileSync(
    join(HUGO, "config.toml"),
    `baseURL = "/"\nlanguageCode = "zh-CN"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[frontmatter]\ndate = ["none"]\n`,
  );
  writeFileSync(
    join(HUGO, "layouts", "_default", "single.html"),
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title>{{ with .Params.date }}<meta data-pagefind-filter="year[content]" content="{{ substr (string .) 0 4 }}">{{ end }}</head><body><main data-pagefind-body>{{ with .Params.kicker }}<p>{{ . }}</p>{{ end }}<h1>{{ .Title }}</h1>{{ with .Params.subtitle }}<p>{{ . }}</p>{{ end }}<p>{{ with .Params.date }}{{ . }}{{ end }} {{ with .Params.zone }}{{ .name }} {{ .city }}{{ end }} {{ range .Params.authors }}{{ .role }} {{ .name }} {{ end }}{{ .Params.publisher }}</p>{{ .Content }}<table>{{ range .Params.figures }}<tr><td>{{ .indicator }}</td><td>{{ .value }}{{ .unit }}</td><td>{{ .growth }}</td><td>{{ .period }}</td></tr>{{ end }}</table></main></body></html>\n`,
  );
  writeFileSync(
    join(HUGO, "layouts", "_default", "list.html"),
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date }}</li>{{ end }}</ul></body></html>\n`,
  );
  cpSync(join(CONTENT, "articles"), join(HUGO, "content", "articles"), { recursive: true, filter: (src) => !src.endsWith(".json") });
}

let stageTotals: { renderIndex: number; all: number } | null = null;
let fullSeconds: number | null = null;

function sayFirstSearch(say: (s: string) => void, s: SearchMeasure | null): void {
  if (!s) return say("first search: skipped (no /usr/bin/chromium)");
  const kb = (b: Bytes): string => `${(b.raw / 1024).toFixed(0)} KB (${(b.gz / 1024).toFixed(0)} KB gzipped)`;
  const plus = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gz: a.gz + b.gz });
  say(`first search in Chromium, the search page (招商引资, newest first, the default; ${s.results}):`);
  say(`  the search page's own files (HTML, CSS, scripts; not counted below) ${kb(s.pageFiles)}`);
  say(`  Pagefind's files loaded before the query ${kb(s.setup)}; by the query to its first result ${kb(s.first)}, to its first page ${kb(plus(s.first, s.page))}`);
  say(`  in all: to the first result ${kb(plus(s.setup, s.first))}, to the first page ${kb(plus(plus(s.setup, s.first), s.page))}`);
  say(`  Enter → first result on screen ${s.first.ms.toFixed(0)} ms, first page ${(s.first.ms + s.page.ms).toFixed(0)} ms; then the count of every shard: ${s.rest.ms.toFixed(0)} ms more, ${kb(s.rest)}`);
  say(`  typed, Enter 200 ms later (a fresh page): Enter → first result ${s.typed.firstMs.toFixed(0)} ms, first page ${s.typed.pageMs.toFixed(0)} ms; in all to the first page ${kb(s.typed)}`);
  say(`  sorted by relevance (a fresh page; every shard merged first): in all ${kb(s.relevance)}, Enter → results ${s.relevance.ms.toFixed(0)} ms`);
  say(`  a second query (开发区) → first results ${s.secondMs.toFixed(0)} ms; opening /search/?q=招商引资 cold → first results ${s.coldMs} ms`);
}

async function main(): Promise<void> {
  if (values["search-only"]) return sayFirstSearch(console.log, await firstSearch(resolve(values["search-only"]), "招商引资", "开发区"));
  if (!Number.isInteger(N) || N < 1) throw new Error(`--articles ${values.articles}: a positive whole number, please`);
  mkdirSync(ROOT, { recursive: true });
  const log = join(ROOT, "bench.txt");
  const say = (s: string): void => {
    console.log(s);
    appendFileSync(log, `${s}\n`);
  };
  writeFileSync(log, "");
  say(`benchmark: ${N} articles${values["shard-pages"] ? ` (--shard-pages ${values["shard-pages"]})` : ""}; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  const g0 = performance.now();
  const { bytes: rawBytes } = generateCorpus(N, CORPUS);
  say(`corpus: ${N} raw files, ${fmtMB(rawBytes)} (generated in ${((performance.now() - g0) / 1000).toFixed(1)} s, not counted)`);

  // ours, stage by stage, each in its own process
  if (!values["no-stages"]) {
  for (const d of [OUT, CONTENT]) setAside(d);
  const norm = await measured("normalise", ...tsx("scripts/stage.ts", "normalise", CORPUS, OUT, CONTENT));
  norm.bytes = dirBytes(CONTENT);
  const render = await measured("render (Eleventy)", ...tsx("scripts/stage.ts", "render", CONTENT, OUT));
  render.bytes = dirBytes(OUT);
  const index = await measured("index (Pagefind)", ...tsx("scripts/stage.ts", "index", OUT));
  index.bytes = dirBytes(join(OUT, "pagefind"));
  stageTotals = { renderIndex: render.seconds + index.seconds, all: norm.seconds + render.seconds + index.seconds };
  const ours: Measure = {
    label: "ours, total",
    seconds: norm.seconds + render.seconds + index.seconds,
    peakMB: Math.max(norm.peakMB, render.peakMB, index.peakMB),
    bytes: dirBytes(OUT),
  };
  say("ours (stage: wall time, peak memory, output size)");
  for (const m of [norm, render, index, ours]) say(row(m));
  say(`  normalisation speed: ${(rawBytes / 1e6 / norm.seconds).toFixed(2)} MB/s of raw text (process start included)`);
  }

  // one cold build through the public command (no normalise cache, no shard cache, empty
  // folders), then a rebuild after one changed article
  const CACHE = join(ROOT, "cache");
  const TIMINGS = join(ROOT, ".timings.json");
  const build = (label: string) =>
    measured(label, ...tsx("scripts/build.ts", "--articles", CORPUS, "--out", OUT, "--content", CONTENT, "--cache", CACHE, "--timings", TIMINGS, "--quiet", ...(values["shard-pages"] ? ["--shard-pages", values["shard-pages"]] : [])));
  const sayTimings = (): void => {
    const t = JSON.parse(readFileSync(TIMINGS, "utf8")) as Record<string, number> & { redone: { render: { rendered: number; pages: number }; hantConverted: number; hantPages: number; dataInWorker: boolean; shards: { label: string; cached: boolean }[] } | null };
    say(`    inside: normalise ${t.normalise.toFixed(1)} s, render ${t.render.toFixed(1)} s, then index ${t.index.toFixed(1)} s and Traditional ${t.traditional.toFixed(1)} s side by side (${t.indexAndTraditional.toFixed(1)} s); data files ${t.data.toFixed(1)} s (${t.redone?.dataInWorker ? "in a worker beside the render" : "beside the index"})`);
    const r = t.redone;
    if (r) say(`    redone: ${r.render.rendered} of ${r.render.pages} pages rendered, ${r.hantConverted} of ${r.hantPages} Traditional pages converted, ${r.shards.filter((x) => !x.cached).length} of ${r.shards.length} index shards indexed (${r.shards.filter((x) => !x.cached).map((x) => x.label).join(", ") || "none"})`);
  };
  if (!values["no-full"]) {
    for (const d of [OUT, CONTENT, CACHE, join(ROOT, "pagefind-shards")]) setAside(d);
    const full = await build("npm run build, cold");
    full.bytes = dirBytes(OUT);
    fullSeconds = full.seconds;
    say("ours, the public command in one process (normalise, render, index + Traditional site, data files)");
    say(row(full));
    sayTimings();
  }
  // a rebuild after one changed article: one of the oldest year (in a large older shard), then
  // one of the newest year (in the small newest shard, where new articles arrive)
  const years = readdirSync(CORPUS).filter((d) => /^\d{4}$/.test(d)).sort();
  for (const [which, year] of [["an old article", years[0]], ["a recent article", years[years.length - 1]]] as const) {
    const victim = join(CORPUS, year);
    const one = readdirSync(victim).sort()[0];
    const original = readFileSync(join(victim, one));
    appendFileSync(join(victim, one), "\n会议还强调，要进一步优化营商环境。\n");
    try {
      const rebuild = await build(`rebuild, ${which} changed`);
      say(row(rebuild));
      sayTimings();
    } finally {
      writeFileSync(join(victim, one), original); // the corpus stays the corpus of N
    }
    // back to the cold build's output, so the next rebuild redoes only its own article (not measured)
    await build(`rebuild, ${which} restored`);
  }

  if (values.browser && !values["no-browser"]) {
    sayFirstSearch(say, await firstSearch(OUT, "招商引资", "开发区"));
  }

  if (values.hugo && !values["no-hugo"]) {
    if (spawnSync("hugo", ["version"]).status !== 0) {
      say("hugo: not installed (apt-get install hugo); comparison skipped");
    } else {
      hugoSite();
      setAside(HUGO_OUT);
      const h = await measured("Hugo render", "hugo", ["--quiet", "-s", HUGO, "-d", HUGO_OUT]);
      h.bytes = dirBytes(HUGO_OUT);
      const hp = await measured("Pagefind over Hugo output", ...tsx("scripts/stage.ts", "index", HUGO_OUT));
      hp.bytes = dirBytes(join(HUGO_OUT, "pagefind"));
      const both: Measure = { label: "Hugo + Pagefind, total", seconds: h.seconds + hp.seconds, peakMB: Math.max(h.peakMB, hp.peakMB) };
      say("Hugo 0.111 + Pagefind on the same normalised Markdown (Markdown already normalised; not counted)");
      for (const m of [h, hp, both]) say(row(m));
      say(`Hugo + Pagefind total ${both.seconds.toFixed(1)} s: divide ours by it for the ratio (printed above when the stages ran in this invocation)`);
      if (stageTotals) say(`ratio ours / (Hugo + Pagefind), stage by stage: render+index ${(stageTotals.renderIndex / both.seconds).toFixed(2)}; with normalisation ${(stageTotals.all / both.seconds).toFixed(2)}`);
      if (fullSeconds !== null) say(`ratio ours / (Hugo + Pagefind), the cold one-process build (normalisation and the Traditional site included): ${(fullSeconds / both.seconds).toFixed(2)}`);
    }
  }
  // a new article of the newest year arrives (pages are added: new list pages, the article's own);
  // last, as Hugo is given the corpus of N
  {
    const newest = Number(years[years.length - 1]);
    const g = newArticle(N, newest);
    const path = join(CORPUS, g.path);
    writeFileSync(path, g.bytes);
    try {
      const rebuild = await build(`rebuild, a new article added`);
      say(row(rebuild));
      sayTimings();
    } finally {
      rmSync(path, { force: true });
    }
    await build("rebuild, the new article removed"); // the output is the corpus of N again (not measured)
  }
  say(`log: ${log}`);
}

const emptySetAside = (): void => rmSync(SET_ASIDE, { recursive: true, force: true });
main().then(emptySetAside, (err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  emptySetAside();
  process.exit(1);
});
