/**
 * npx tsx scripts/bench-traditional.ts [--articles 1000] [--page-size 100] [--no-browser]
 *
 * What the Traditional-character site costs, on a generated corpus of N
 * articles (scripts/generate-corpus.ts): each step in its own process under
 * GNU time (wall time, peak memory of the process tree):
 *
 *   hant         the Traditional copy alone (src/site/traditional.ts)
 *   index        the search index alone, as the build makes it (in year shards above 8,000 articles)
 *   both         the two at once, as src/build.ts runs them
 *   index-one    one Pagefind run over the Simplified pages (this design's index, unsharded)
 *   index-all    one Pagefind run over both scripts: the other design, an index per script
 *
 * then, in Chromium, the bytes a first search loads on the Traditional site
 * under each design (one Simplified index + converters, or a Traditional
 * index), and whether Traditional queries find what Simplified ones find.
 * Figures are printed, not asserted. Also `--stage <name> <site>` runs one step.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync, brotliCompressSync } from "node:zlib";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    articles: { type: "string", default: "1000" },
    "page-size": { type: "string", default: "100" },
    "no-browser": { type: "boolean", default: false },
    "browser-only": { type: "boolean", default: false },
    stage: { type: "string" },
    dir: { type: "string", default: join(".cache", "bench-traditional") },
  },
});

async function stage(name: string, site: string, contentOrCorpus?: string): Promise<void> {
  const records = (): { authors: { name: string }[] }[] => {
    const f = join(site, "data", "articles.json");
    return existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as { authors: { name: string }[] }[]) : [];
  };
  const { indexSite, SIMPLIFIED_PAGES } = await import("../src/site/search-index.ts");
  const { writeTraditionalSite } = await import("../src/site/traditional.ts");
  switch (name) {
    case "render": {
      const { renderSite } = await import("../src/site/render.ts");
      const data = readFileSync(join(site, "data", "articles.json"));
      await renderSite({ contentDir: contentOrCorpus!, outDir: site, base: "/", pageSize: Number(values["page-size"]) });
      mkdirSync(join(site, "data"), { recursive: true });
      (await import("node:fs")).writeFileSync(join(site, "data", "articles.json"), data);
      break;
    }
    case "hant": {
      const r = await writeTraditionalSite({ outDir: site, base: "/", records: records() });
      const cpu = process.cpuUsage();
      console.log(
        `hant: ${r.pages} pages, ${r.chars} characters converted, ${r.phrases} phrases in cn2tw.js, ${(r.ms / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU, process start included)`,
      );
      break;
    }
    case "index":
      console.log(`index: ${(await indexSite({ outDir: site })).pages} pages`);
      break;
    case "both": {
      const [i, h] = await Promise.all([indexSite({ outDir: site }), writeTraditionalSite({ outDir: site, base: "/", records: records() })]);
      console.log(`both: ${i.pages} pages indexed, ${h.pages} converted`);
      break;
    }
    case "index-one":
      console.log(`index-one: ${(await indexSite({ outDir: site, glob: SIMPLIFIED_PAGES })).pages} pages`);
      break;
    case "index-all":
      console.log(`index-all: ${(await indexSite({ outDir: site, glob: "**/*.html" })).pages} pages`);
      break;
    default:
      throw new Error(`unknown stage ${name}`);
  }
}

interface Measure {
  label: string;
  seconds: number;
  peakMB: number;
}

function measured(root: string, label: string, args: string[]): Measure {
  const tf = join(root, `.time-${label}`);
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", tf, process.execPath, "--import", "tsx", "scripts/bench-traditional.ts", ...args], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status})`);
  const [e, m] = readFileSync(tf, "utf8").trim().split(/\s+/).slice(-2).map(Number);
  return { label, seconds: e, peakMB: m / 1024 };
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

interface SearchCost {
  /** bytes fetched, by kind */
  pagefind: number;
  converters: number;
  /** the converters as a host would send them */
  convertersGzip: number;
  convertersBrotli: number;
  results: number;
  urls: string[];
  ms: number;
}

/** A first search on a Traditional page, cold: Pagefind, the query, the first 20 results' data. */
async function firstSearch(
  site: string,
  design: "one-index" | "per-script",
  query: string,
): Promise<SearchCost> {
  const { launchBrowser } = await import("../tests/browser/harness.ts");
  const { startStaticServer } = await import("../tests/browser/static-server.ts");
  const server = await startStaticServer(site, "/");
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // tsx names the functions it compiles with a helper the page does not have
    await page.addInitScript("window.__name = (f) => f");
    const cost: SearchCost = { pagefind: 0, converters: 0, convertersGzip: 0, convertersBrotli: 0, results: 0, urls: [], ms: 0 };
    let counting = true;
    page.on("response", async (res) => {
      if (!counting) return;
      const path = new URL(res.url()).pathname;
      const kind = path.startsWith(design === "one-index" ? "/pagefind/" : "/pagefind-b/") ? "pagefind" : path.startsWith("/assets/opencc/") ? "converters" : null;
      if (!kind) return;
      try {
        const body = await res.body();
        cost[kind] += body.length;
        if (kind === "converters") {
          cost.convertersGzip += gzipSync(body, { level: 9 }).length;
          cost.convertersBrotli += brotliCompressSync(body).length;
        }
      } catch {
        /* aborted */
      }
    });
    // a Traditional page without scripts of its own: the pref script would not redirect (no choice stored)
    await page.goto(`${server.url}hant/404.html`, { waitUntil: "load" });
    const out = await page.evaluate(
      async ({ q, design }) => {
        const t0 = performance.now();
        const entry = design === "one-index" ? "/pagefind/pagefind.js" : "/pagefind-b/pagefind.js";
        const pf = await import(entry);
        await pf.options({ excerptLength: 36 });
        let term = q;
        let show = (s: string) => s;
        if (design === "one-index") {
          const converters = ["/assets/opencc/t2cn.js", "/assets/opencc/cn2tw.js"];
          const [toHans, toHant] = await Promise.all(converters.map((c) => import(c)));
          term = toHans.default(q);
          show = toHant.default;
        }
        await pf.init();
        const search = await pf.search(term);
        const data = await Promise.all(search.results.slice(0, 20).map((r: { data: () => Promise<{ excerpt: string; meta: { title: string } }> }) => r.data()));
        for (const d of data) show(d.meta.title + d.excerpt);
        (window as unknown as { lastSearch: unknown }).lastSearch = search;
        return { ms: performance.now() - t0, results: search.results.length };
      },
      { q: query, design },
    );
    await page.waitForTimeout(300);
    counting = false;
    // which articles: every result's URL (not counted in the bytes of a first search)
    const urls = await page.evaluate(async () => {
      const search = (window as unknown as { lastSearch: { results: { data: () => Promise<{ url: string }> }[] } }).lastSearch;
      const all = await Promise.all(search.results.map((r) => r.data()));
      return all.map((d) => d.url.replace(/^\/hant\//, "/"));
    });
    return { ...cost, ...out, urls };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  if (values.stage) return stage(values.stage, positionals[0], positionals[1]);
  const n = Number(values.articles);
  const root = resolve(values.dir!, String(n));
  const corpus = join(root, "corpus");
  const site = join(root, "site");
  const content = join(root, "content");
  mkdirSync(root, { recursive: true });
  const say = (s: string) => console.log(s);
  say(`Traditional site, ${n} articles; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  if (!existsSync(join(site, "index.html"))) {
    const { generateCorpus } = await import("./generate-corpus.ts");
    if (!existsSync(corpus)) generateCorpus(n, corpus);
    spawnSync(process.execPath, ["--import", "tsx", "scripts/stage.ts", "normalise", corpus, site, content], { stdio: "inherit" });
    measured(root, "render", ["--stage", "render", site, content, "--page-size", values["page-size"]!]);
  }
  const html = readdirSync(site, { recursive: true }).filter((f) => String(f).endsWith(".html") && !String(f).startsWith("hant/")).length;
  say(`site: ${html} HTML pages`);

  const clean = () => {
    for (const d of ["hant", "pagefind", "pagefind-shards", "pagefind-b"]) rmSync(join(site, d), { recursive: true, force: true });
  };
  const rows: Measure[] = [];
  if (!values["browser-only"]) {
    clean();
    rows.push(measured(root, "hant", ["--stage", "hant", site]));
    clean();
    rows.push(measured(root, "index", ["--stage", "index", site]));
    clean();
    rows.push(measured(root, "both", ["--stage", "both", site]));
    // the two designs, each as one Pagefind run: the Simplified pages only, and both scripts (a zh-hant index too)
    for (const d of ["pagefind", "pagefind-shards"]) rmSync(join(site, d), { recursive: true, force: true });
    rows.push(measured(root, "index-one", ["--stage", "index-one", site]));
    const pagefindA = join(root, "pagefind-a");
    rmSync(pagefindA, { recursive: true, force: true });
    renameSync(join(site, "pagefind"), pagefindA);
    rows.push(measured(root, "index-all", ["--stage", "index-all", site]));
    renameSync(join(site, "pagefind"), join(site, "pagefind-b"));
    renameSync(pagefindA, join(site, "pagefind"));

    say("step (each alone, in its own process): wall, peak memory of the process tree");
    for (const m of rows) say(`  ${m.label.padEnd(10)} ${m.seconds.toFixed(1).padStart(7)} s ${m.peakMB.toFixed(0).padStart(7)} MB`);
    const get = (label: string) => rows.find((r) => r.label === label)!;
    say(`the Traditional copy adds ${(get("both").seconds - get("index").seconds).toFixed(1)} s to the build (written while Pagefind indexes; ${get("hant").seconds.toFixed(1)} s alone)`);
    say(
      `an index per script would add ${(get("index-all").seconds - get("index-one").seconds).toFixed(1)} s to one Pagefind run (${get("index-one").seconds.toFixed(1)} → ${get("index-all").seconds.toFixed(1)} s), and ${((dirBytes(join(site, "pagefind-b")) - dirBytes(join(site, "pagefind"))) / 1e6).toFixed(0)} MB of index`,
    );
  }

  if (!values["no-browser"] && existsSync("/usr/bin/chromium")) {
    say("first search on the Traditional site, cold (Pagefind files as sent; converters raw / gzip / brotli):");
    for (const q of ["招商引資", "鄭州經開區", "開發區"]) {
      const a = await firstSearch(site, "one-index", q);
      const b = await firstSearch(site, "per-script", q);
      const same = a.urls.length === b.urls.length && a.urls.every((u) => b.urls.includes(u));
      say(
        `  ${q}: one Simplified index ${(a.pagefind / 1024).toFixed(0)} KB + converters ${(a.converters / 1024).toFixed(0)} / ${(a.convertersGzip / 1024).toFixed(0)} / ${(a.convertersBrotli / 1024).toFixed(0)} KB, ${a.results} results, ${a.ms.toFixed(0)} ms` +
          ` | per-script index ${(b.pagefind / 1024).toFixed(0)} KB, ${b.results} results, ${b.ms.toFixed(0)} ms | same articles: ${same ? "yes" : `no (${a.urls.filter((u) => !b.urls.includes(u)).length} only in one index, ${b.urls.filter((u) => !a.urls.includes(u)).length} only in per-script)`}`,
      );
    }
  }
}

main().catch((err: unknown) => {
  console.error(`bench-traditional failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
