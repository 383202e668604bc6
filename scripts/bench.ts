/**
 * npm run bench -- [--articles 10000] [--no-hugo] [--no-browser]
 *
 * Builds a generated corpus of N articles (scripts/generate-corpus.ts) and
 * prints, per stage (normalise, render, index) and in total: wall time, peak
 * memory and output size; then the bytes and time of a first search in
 * Chromium; then a rebuild after one changed article. In the same run it
 * renders the same normalised Markdown with Hugo (Debian's hugo, a minimal
 * template of the same fields) followed by the same Pagefind run, and prints
 * the ratio ours / Hugo+Pagefind. Timing targets live here, not in tests.
 */
import { spawnSync } from "node:child_process";
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
    // to finish an interrupted run: skip the per-stage builds and/or the one-process build (their outputs must be in place)
    "no-stages": { type: "boolean", default: false },
    "no-full": { type: "boolean", default: false },
  },
});
const N = Number(values.articles);
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
}

/** Run a command, measuring wall time and the peak RSS of the process tree (GNU time). */
function measured(label: string, cmd: string, args: string[], cwd = process.cwd()): Measure {
  const tf = join(ROOT, `.time-${label.replace(/\W+/g, "-")}`);
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", tf, cmd, ...args], { cwd, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status})`);
  const [e, m] = readFileSync(tf, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { label, seconds: e, peakMB: m / 1024 };
}

const tsx = (script: string, ...args: string[]): [string, string[]] => [process.execPath, ["--import", "tsx", script, ...args]];

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  }
  return n;
}

const fmtMB = (b: number): string => `${(b / 1e6).toFixed(1)} MB`;

function row(m: Measure): string {
  return `  ${m.label.padEnd(28)} ${m.seconds.toFixed(1).padStart(7)} s ${m.peakMB.toFixed(0).padStart(7)} MB peak${m.bytes !== undefined ? `   ${fmtMB(m.bytes)}` : ""}`;
}

async function firstSearch(site: string, query: string): Promise<{ bytes: number; ms: number; results: number } | null> {
  if (!existsSync("/usr/bin/chromium")) return null;
  const { chromium } = await import("playwright-core");
  const { startStaticServer } = await import("../tests/browser/static-server.ts");
  const server = await startStaticServer(site, "/");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on("response", async (res) => {
      if (!res.url().includes("/pagefind/")) return;
      try {
        bytes += (await res.body()).length;
      } catch {
        /* redirected or aborted */
      }
    });
    await page.goto(`${server.url}`, { waitUntil: "load" });
    // a first search, cold: load Pagefind, search, read the first page of results
    const out = await page.evaluate(async ({ q, entry }) => {
      const t0 = performance.now();
      const pf = await import(entry);
      await pf.init();
      const search = await pf.search(q);
      const first = await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<unknown> }) => r.data()));
      return { ms: performance.now() - t0, results: search.results.length, shown: first.length };
    }, { q: query, entry: "/pagefind/pagefind.js" });
    await page.waitForTimeout(300);
    return { bytes, ms: out.ms, results: out.results };
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
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main data-pagefind-body>{{ with .Params.kicker }}<p>{{ . }}</p>{{ end }}<h1>{{ .Title }}</h1>{{ with .Params.subtitle }}<p>{{ . }}</p>{{ end }}<p>{{ with .Params.date }}{{ . }}{{ end }} {{ with .Params.zone }}{{ .name }} {{ .city }}{{ end }} {{ range .Params.authors }}{{ .role }} {{ .name }} {{ end }}{{ .Params.publisher }}</p>{{ .Content }}<table>{{ range .Params.figures }}<tr><td>{{ .indicator }}</td><td>{{ .value }}{{ .unit }}</td><td>{{ .growth }}</td><td>{{ .period }}</td></tr>{{ end }}</table></main></body></html>\n`,
  );
  writeFileSync(
    join(HUGO, "layouts", "_default", "list.html"),
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date }}</li>{{ end }}</ul></body></html>\n`,
  );
  cpSync(join(CONTENT, "articles"), join(HUGO, "content", "articles"), { recursive: true, filter: (src) => !src.endsWith(".json") });
}

let stageTotals: { renderIndex: number; all: number } | null = null;

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 1) throw new Error(`--articles ${values.articles}: a positive whole number, please`);
  if (!existsSync("/usr/bin/time")) throw new Error("the benchmark needs GNU time for peak memory: apt-get install time");
  mkdirSync(ROOT, { recursive: true });
  const log = join(ROOT, "bench.txt");
  const say = (s: string): void => {
    console.log(s);
    appendFileSync(log, `${s}\n`);
  };
  writeFileSync(log, "");
  say(`benchmark: ${N} articles; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  const g0 = performance.now();
  const { bytes: rawBytes } = generateCorpus(N, CORPUS);
  say(`corpus: ${N} raw files, ${fmtMB(rawBytes)} (generated in ${((performance.now() - g0) / 1000).toFixed(1)} s, not counted)`);

  // ours, stage by stage, each in its own process
  if (!values["no-stages"]) {
  for (const d of [OUT, CONTENT]) rmSync(d, { recursive: true, force: true });
  const norm = measured("normalise", ...tsx("scripts/stage.ts", "normalise", CORPUS, OUT, CONTENT));
  norm.bytes = dirBytes(CONTENT);
  const render = measured("render (Eleventy)", ...tsx("scripts/stage.ts", "render", CONTENT, OUT));
  render.bytes = dirBytes(OUT);
  const index = measured("index (Pagefind)", ...tsx("scripts/stage.ts", "index", OUT));
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

  // one build through the public command, then a rebuild after one changed article
  if (!values["no-full"]) {
    rmSync(OUT, { recursive: true, force: true });
    const full = measured("npm run build (one process)", ...tsx("scripts/build.ts", "--articles", CORPUS, "--out", OUT, "--content", CONTENT, "--quiet"));
    say(row(full));
  }
  const victim = join(CORPUS, readdirSync(CORPUS).filter((d) => !d.startsWith(".")).sort()[0]);
  const one = readdirSync(victim).sort()[0];
  const original = readFileSync(join(victim, one));
  appendFileSync(join(victim, one), "\n会议还强调，要进一步优化营商环境。\n");
  try {
    const rebuild = measured("rebuild, 1 article changed", ...tsx("scripts/build.ts", "--articles", CORPUS, "--out", OUT, "--content", CONTENT, "--quiet"));
    say(row(rebuild));
  } finally {
    writeFileSync(join(victim, one), original); // the corpus stays the corpus of N
  }

  if (values.browser && !values["no-browser"]) {
    const s = await firstSearch(OUT, "招商引资");
    if (s) say(`first search in Chromium (招商引资): ${(s.bytes / 1024).toFixed(0)} KB loaded from pagefind/, ${s.ms.toFixed(0)} ms to results + first 10 fragments, ${s.results} results`);
    else say("first search: skipped (no /usr/bin/chromium)");
  }

  if (values.hugo && !values["no-hugo"]) {
    if (spawnSync("hugo", ["version"]).status !== 0) {
      say("hugo: not installed (apt-get install hugo); comparison skipped");
    } else {
      hugoSite();
      rmSync(HUGO_OUT, { recursive: true, force: true });
      const h = measured("Hugo render", "hugo", ["--quiet", "-s", HUGO, "-d", HUGO_OUT]);
      h.bytes = dirBytes(HUGO_OUT);
      const hp = measured("Pagefind over Hugo output", ...tsx("scripts/stage.ts", "index", HUGO_OUT));
      hp.bytes = dirBytes(join(HUGO_OUT, "pagefind"));
      const both: Measure = { label: "Hugo + Pagefind, total", seconds: h.seconds + hp.seconds, peakMB: Math.max(h.peakMB, hp.peakMB) };
      say("Hugo 0.111 + Pagefind on the same normalised Markdown (Markdown already normalised; not counted)");
      for (const m of [h, hp, both]) say(row(m));
      say(`Hugo + Pagefind total ${both.seconds.toFixed(1)} s: divide ours by it for the ratio (printed above when the stages ran in this invocation)`);
      if (stageTotals) say(`ratio ours / (Hugo + Pagefind): render+index ${(stageTotals.renderIndex / both.seconds).toFixed(2)}; with normalisation ${(stageTotals.all / both.seconds).toFixed(2)}`);
    }
  }
  say(`log: ${log}`);
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
