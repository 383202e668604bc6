/**
 * npm run bench -- [--articles 10000] [--no-hugo] [--no-browser] [--shard-pages N]
 *
 * Builds a generated corpus of N articles (scripts/generate-corpus.ts) and
 * prints, per stage (normalise, render, index) and in total: wall time, peak
 * memory and output size; then the bytes and time of a first search in
 * Chromium; then a rebuild after one changed article. Peak memory is the
 * whole process tree's, sampled from /proc. In the same run it
 * renders the same normalised Markdown with Hugo (Debian's hugo, a minimal
 * template of the same fields) followed by the same Pagefind run, and prints
 * the ratio ours / Hugo+Pagefind. Timing targets live here, not in tests.
 */
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";

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

interface SearchMeasure {
  /** bytes the search page loads from the index before a query (Pagefind, every shard's entry, meta, filters) */
  setupRaw: number;
  setupGz: number;
  /** bytes the first query loads (index chunks of every shard, fragments of the first results) */
  queryRaw: number;
  queryGz: number;
  /** from pressing Enter to the first results on screen, the page open and Pagefind loaded */
  firstMs: number;
  /** the same for a second, different query */
  secondMs: number;
  /** from opening /search/?q=… to the first results on screen (nothing cached) */
  coldMs: number;
  results: string;
}

/**
 * A first search on the real search page (search.js: every shard merged), in
 * Chromium. Bytes are counted raw and as a static host that gzips text would
 * send them (Pagefind's index files are gzipped already; its JS and JSON are not).
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
  const searched = async (page: import("playwright-core").Page, q: string): Promise<number> =>
    page.evaluate(async (text) => {
      const form = document.getElementById("search-form") as HTMLFormElement;
      const input = document.getElementById("q") as HTMLInputElement;
      const list = document.getElementById("search-results")!;
      const status = document.getElementById("search-status")!;
      input.value = text;
      const t0 = performance.now();
      // (no named functions in here: tsx would wrap them in a helper the page does not have)
      const done = new Promise<void>((resolve) => {
        new MutationObserver(() => {
          if (list.children.length > 0 && !status.textContent?.includes("……")) resolve();
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      form.requestSubmit();
      await done;
      return performance.now() - t0;
    }, q);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    let phase: "setup" | "query" | "after" = "setup";
    const bytes = { setupRaw: 0, setupGz: 0, queryRaw: 0, queryGz: 0 };
    const pending: Promise<void>[] = [];
    page.on("response", (res) => {
      const path = new URL(res.url()).pathname;
      if (!path.startsWith("/pagefind/") && !path.startsWith("/pagefind-shards/")) return;
      const at = phase;
      pending.push(
        res.body().then(
          (body) => {
            const gz = /\.(js|json|css)$/.test(path) ? gzipSync(body, { level: 6 }).length : body.length;
            if (at === "setup") (bytes.setupRaw += body.length), (bytes.setupGz += gz);
            else if (at === "query") (bytes.queryRaw += body.length), (bytes.queryGz += gz);
          },
          () => {},
        ),
      );
    });
    await page.goto(`${server.url}search/`, { waitUntil: "load" });
    await page.waitForSelector("#search-app[data-ready]");
    await page.waitForTimeout(300);
    await Promise.all(pending);
    phase = "query";
    const firstMs = await searched(page, query);
    await page.waitForTimeout(300);
    await Promise.all(pending);
    phase = "after";
    const results = (await page.textContent("#search-status")) ?? "";
    const secondMs = await searched(page, second);
    // cold: a new context (no cache), the query in the URL
    const cold = await browser.newContext();
    const p2 = await cold.newPage();
    const t0 = Date.now();
    await p2.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await p2.waitForFunction(() => (document.getElementById("search-results")?.children.length ?? 0) > 0, null, { timeout: 120_000 });
    const coldMs = Date.now() - t0;
    return { ...bytes, firstMs, secondMs, coldMs, results };
  } finally {
    await browser.close();
    await server.close();
  }
}

function hugoSite(): void {
  rmSync(HUGO, { recursive: true, force: true });
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
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  say(`first search in Chromium, the search page (招商引资; ${s.results}):`);
  say(`  loaded before the query ${kb(s.setupRaw)} (${kb(s.setupGz)} gzipped); by the query ${kb(s.queryRaw)} (${kb(s.queryGz)} gzipped); in all ${kb(s.setupRaw + s.queryRaw)} (${kb(s.setupGz + s.queryGz)} gzipped)`);
  say(`  Enter → first results on screen: ${s.firstMs.toFixed(0)} ms; a second query (开发区) ${s.secondMs.toFixed(0)} ms; opening /search/?q=招商引资 cold → results ${s.coldMs} ms`);
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
  for (const d of [OUT, CONTENT]) rmSync(d, { recursive: true, force: true });
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
    const t = JSON.parse(readFileSync(TIMINGS, "utf8")) as Record<string, number> & { redone: { render: { rendered: number; pages: number }; hantConverted: number; hantPages: number; shards: { label: string; cached: boolean }[] } | null };
    say(`    inside: normalise ${t.normalise.toFixed(1)} s, render ${t.render.toFixed(1)} s, then index ${t.index.toFixed(1)} s beside Traditional ${t.traditional.toFixed(1)} s (${t.indexAndTraditional.toFixed(1)} s), data files ${t.data.toFixed(1)} s`);
    const r = t.redone;
    if (r) say(`    redone: ${r.render.rendered} of ${r.render.pages} pages rendered, ${r.hantConverted} of ${r.hantPages} Traditional pages converted, ${r.shards.filter((x) => !x.cached).length} of ${r.shards.length} index shards indexed (${r.shards.filter((x) => !x.cached).map((x) => x.label).join(", ") || "none"})`);
  };
  if (!values["no-full"]) {
    for (const d of [OUT, CONTENT, CACHE, join(ROOT, "pagefind-shards")]) rmSync(d, { recursive: true, force: true });
    const full = await build("npm run build, cold");
    full.bytes = dirBytes(OUT);
    fullSeconds = full.seconds;
    say("ours, the public command in one process (normalise, render, index + Traditional site, data files)");
    say(row(full));
    sayTimings();
  }
  const victim = join(CORPUS, readdirSync(CORPUS).filter((d) => !d.startsWith(".")).sort()[0]);
  const one = readdirSync(victim).sort()[0];
  const original = readFileSync(join(victim, one));
  appendFileSync(join(victim, one), "\n会议还强调，要进一步优化营商环境。\n");
  try {
    const rebuild = await build("rebuild, 1 article changed");
    say(row(rebuild));
    sayTimings();
  } finally {
    writeFileSync(join(victim, one), original); // the corpus stays the corpus of N
  }

  if (values.browser && !values["no-browser"]) {
    sayFirstSearch(say, await firstSearch(OUT, "招商引资", "开发区"));
  }

  if (values.hugo && !values["no-hugo"]) {
    if (spawnSync("hugo", ["version"]).status !== 0) {
      say("hugo: not installed (apt-get install hugo); comparison skipped");
    } else {
      hugoSite();
      rmSync(HUGO_OUT, { recursive: true, force: true });
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
  say(`log: ${log}`);
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
