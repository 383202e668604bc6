import { copyFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createHash } from "node:crypto";
import type { ArticleRecord, BuildReport } from "./types.ts";
import type { RenderResult } from "./site/render.ts";
import type { OverlayLimits } from "./site/search-shards.ts";
import { listFiles, normaliseAll } from "./pipeline/normalise-all.ts";
import { NormaliseCache } from "./pipeline/cache.ts";
import { articleBody, articleFrontMatter } from "./output/markdown.ts";
import { DATA_FILES, reportJson, sortRecords, writeDataFiles } from "./output/data.ts";
import { startTask } from "./workers.ts";
import { headersFile } from "./output/headers.ts";
import { Progress } from "./progress.ts";
import { normaliseBase, prepareGeneratedFolder } from "./output-folder.ts";

export { normaliseBase };

export interface BuildOptions {
  articlesDir: string;
  outDir: string;
  /** where the normalised Markdown goes (generated, not committed) */
  contentDir?: string;
  /** base path the site is hosted under: "/" or "/prefix/" */
  base?: string;
  quiet?: boolean;
  /** skip Eleventy and Pagefind (normalise and data files only) */
  dataOnly?: boolean;
  /** where normalised files are cached by content (default .cache/normalised); null: no cache */
  cacheDir?: string | null;
  /** article pages per Pagefind run before the search index is split into year shards */
  maxShardPages?: number;
  /** when a rebuild's changes to a search shard are indexed apart (search-shards.ts: OVERLAY_MIN_PAGES, OVERLAY_SHARE) */
  overlay?: OverlayLimits;
  /** input files from which a site's data files are made in a worker beside the render (DATA_WORKER_MIN_FILES) */
  dataWorkerMinFiles?: number;
}

export interface BuildResult {
  report: BuildReport;
  articles: ArticleRecord[];
  contentDir: string;
  /**
   * seconds per stage: index and traditional ran at the same time (indexAndTraditional is their wall time); data
   * (the data files) ran beside them, or, from DATA_WORKER_MIN_FILES input files, in a worker beside the render
   */
  timings: Record<"normalise" | "render" | "index" | "traditional" | "indexAndTraditional" | "data" | "total", number>;
  /** what was redone (absent for a data-only build) */
  redone?: {
    render: RenderResult;
    hantConverted: number;
    hantPages: number;
    /** whether the data files were made in a worker beside the render (from DATA_WORKER_MIN_FILES input files) */
    dataInWorker: boolean;
    shards: { label: string; cached: boolean; overlay?: number }[];
  };
}

/**
 * From this many input files a site's data files are made in a worker beside the render. At 10k articles
 * they are more than a second of this thread's time (articles.json, figures.csv and figures.json, 141 MB);
 * at 1k about 0.3 s, less than loading the worker costs.
 */
const DATA_WORKER_MIN_FILES = 2_000;

export function defaultContentDir(outDir: string): string {
  const key = createHash("sha256").update(resolve(outDir)).digest("hex").slice(0, 10);
  return join(".cache", `content-${key}`);
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const base = normaliseBase(opts.base);
  const articlesDir = resolve(opts.articlesDir);
  const outDir = resolve(opts.outDir);
  const contentDir = resolve(opts.contentDir ?? defaultContentDir(outDir));
  const log = (s: string): void => {
    if (!opts.quiet) process.stderr.write(`${s}\n`);
  };
  if (!existsSync(articlesDir) || !(await stat(articlesDir)).isDirectory()) {
    throw new Error(`--articles ${opts.articlesDir}: no such folder`);
  }
  const protect = [articlesDir, process.cwd(), join(process.cwd(), "src"), join(process.cwd(), "templates")];
  // a site build keeps the folder: the render empties it unless it can redo only what changed (src/site/render.ts)
  await prepareGeneratedFolder(outDir, "--out", protect, [articlesDir], { empty: opts.dataOnly === true });
  // the content folder is kept between builds: only changed articles are rewritten, so their files keep their times
  await prepareGeneratedFolder(contentDir, "content folder", [...protect, outDir], [articlesDir], { empty: false });

  const clock = performance.now();
  const since = (t: number): number => (performance.now() - t) / 1000;
  const timings: BuildResult["timings"] = { normalise: 0, render: 0, index: 0, traditional: 0, indexAndTraditional: 0, data: 0, total: 0 };

  const files = await listFiles(articlesDir);
  // a large site's data files are made in a worker while this thread renders (step 4); it loads while this thread normalises
  const dataWriter = !opts.dataOnly && files.length >= (opts.dataWorkerMinFiles ?? DATA_WORKER_MIN_FILES) ? startTask<{ doneAt: number }>(new URL("./output/data-worker.ts", import.meta.url), "the data-file writer") : null;
  try {
    // 1. normalise
    log(`normalising ${files.length} files from ${relative(process.cwd(), articlesDir) || "."}`);
    const progress = new Progress(files.length, "normalise", opts.quiet === true);
    const cache = opts.cacheDir === null ? null : new NormaliseCache(resolve(opts.cacheDir ?? join(".cache", "normalised")));
    await mkdir(join(contentDir, "articles"), { recursive: true });
    const stage1 = await normaliseAll({ articlesDir, paths: files, markdownDir: join(contentDir, "articles"), base, cache, onFile: () => progress.tick() });
    const normalised = stage1.files;
    progress.stop();
    if (cache) {
      log(`normalised ${stage1.normalised} files, ${normalised.length - stage1.normalised} unchanged (cached)`);
      await cache.dropStaleVersions();
    }

    const articles = normalised.flatMap((n) => n.articles);
    const report: BuildReport = { inputs: normalised.map((n) => n.report) };
    const records = sortRecords(articles.map((a) => a.record));
    timings.normalise = since(clock);

    // 4. the report, and the data files. From DATA_WORKER_MIN_FILES inputs a site's are made in a worker while this
    // thread renders, into the content folder (the render may empty the output folder), and moved into place after
    // the render; else they are written here, after the render, beside the index and the Traditional copy
    const staging = join(contentDir, "data-next");
    // from handing the records over to the files written, by the worker's clock (ms since the epoch)
    const handedAt = performance.timeOrigin + performance.now();
    const dataMade = dataWriter?.run({ dir: staging, records }).then(({ doneAt }) => {
      timings.data = (doneAt - handedAt) / 1000;
    });
    dataMade?.catch(() => {}); // awaited after the render; a failure is thrown there
    const placeData = async (): Promise<void> => {
      if (dataMade) {
        await dataMade;
        await mkdir(join(outDir, "data"), { recursive: true });
        for (const name of DATA_FILES) await moveFile(join(staging, name), join(outDir, "data", name));
        await rm(staging, { recursive: true, force: true });
      } else {
        const t = performance.now();
        await writeDataFiles({ dir: join(outDir, "data"), records });
        timings.data = since(t);
      }
      await writeFile(join(outDir, "build-report.json"), reportJson(report));
      // the Content-Security-Policy as an HTTP header, for static hosts that read _headers (a <meta> cannot set frame-ancestors)
      if (!opts.dataOnly) await writeFile(join(outDir, "_headers"), headersFile(base));
    };

    // 2. render and 3. index
    let redone: BuildResult["redone"];
    if (!opts.dataOnly) {
      const { renderSite } = await import("./site/render.ts");
      const { indexSite } = await import("./site/search-index.ts");
      log(`rendering ${records.length} articles with Eleventy`);
      const tRender = performance.now();
      // the articles in memory, as the content folder's Markdown says them (no need to read it back)
      const rendered = await renderSite({ contentDir, outDir, base, articles: articles.map((a) => ({ slug: a.record.id, data: articleFrontMatter(a), body: `\n${articleBody(a)}\n` })) });
      timings.render = since(tRender);
      log(
        rendered.incremental
          ? `rendered ${rendered.rendered} of ${rendered.pages} pages whose data changed (${rendered.removed} removed); the rest are as the last build left them`
          : `rendered ${rendered.pages} pages`,
      );
      // the Traditional-character copy (hant/) is written while Pagefind indexes the Simplified pages
      const { writeTraditionalSite } = await import("./site/traditional.ts");
      const { writeOriginals } = await import("./site/originals.ts");
      log("indexing with Pagefind; writing the Traditional-character pages meanwhile");
      const tBoth = performance.now();
      const timed = async <T>(key: "index" | "traditional", p: Promise<T>): Promise<T> => {
        const r = await p;
        timings[key] = since(tBoth);
        return r;
      };
      const [{ pages, shards }, hant] = await Promise.all([
        timed("index", indexSite({
          outDir,
          contentDir,
          base,
          cacheDir: opts.cacheDir === null ? null : resolve(join(opts.cacheDir ?? join(".cache", "normalised"), "..", "pagefind-shards")),
          maxShardPages: opts.maxShardPages,
          overlay: opts.overlay,
        })),
        timed("traditional", writeTraditionalSite({ outDir, base, records, stateDir: contentDir }).then(async (r) => ({ ...r, originals: await writeOriginals({ articlesDir, outDir, records }) }))),
        placeData(),
      ]);
      timings.indexAndTraditional = since(tBoth);
      const how = (s: { cached: boolean; overlay?: number }): string =>
        s.overlay !== undefined
          ? `, ${s.overlay === 0 ? "removed pages masked" : `${s.overlay} changed page${s.overlay === 1 ? "" : "s"} indexed apart`}${s.cached ? " (as last time)" : ""}`
          : s.cached
            ? ", unchanged"
            : "";
      if (shards && shards.length > 1) log(`search index in ${shards.length} shards: ${shards.map((s) => `${s.label} (${s.pages}${how(s)})`).join(", ")}`);
      else if (shards?.[0]?.overlay !== undefined) log(`search index: ${how(shards[0]).slice(2)}`);
      redone = { render: rendered, hantConverted: hant.converted, hantPages: hant.pages, dataInWorker: dataWriter !== null, shards: (shards ?? []).map((s) => ({ label: s.label, cached: s.cached, ...(s.overlay !== undefined ? { overlay: s.overlay } : {}) })) };
      log(`indexed ${pages} pages; ${hant.pages} pages in Traditional characters (hant/, ${hant.converted} converted this time), ${hant.originals} Traditional originals`);
    }

    if (opts.dataOnly) await placeData();
    timings.total = since(clock);
    if (!opts.dataOnly) log(`took ${timings.total.toFixed(1)} s: normalise ${timings.normalise.toFixed(1)}, render ${timings.render.toFixed(1)}, index ${timings.index.toFixed(1)}, Traditional ${timings.traditional.toFixed(1)} side by side (${timings.indexAndTraditional.toFixed(1)}); data files ${timings.data.toFixed(1)} ${dataWriter ? "beside the render" : "beside those"}`);
    if (!opts.quiet) process.stderr.write(summary(report, records.length, outDir));
    return { report, articles: records, contentDir, redone, timings };
  } finally {
    await dataWriter?.cancel();
  }
}

/** Moves a file, copying it where the two folders are on different file systems. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}

/** The end-of-build summary, in plain words: what was built, and every problem with its file. */
export function summary(report: BuildReport, articleCount: number, outDir: string): string {
  const lines: string[] = [];
  const bad = report.inputs.filter((i) => i.status !== "ok");
  const errors = report.inputs.filter((i) => i.status === "error").length;
  const warnings = bad.length - errors;
  lines.push("");
  lines.push(`Built ${articleCount} articles from ${report.inputs.length} files into ${relative(process.cwd(), outDir) || "."}/ (${warnings} with warnings, ${errors} skipped).`);
  for (const i of bad) {
    lines.push(`  ${i.status === "error" ? "SKIPPED" : "warning"}  ${i.file}`);
    for (const m of i.messages) if (!m.startsWith("date inferred")) lines.push(`           - ${m}`);
  }
  lines.push(`Details for every file: ${relative(process.cwd(), join(outDir, "build-report.json"))}`);
  return `${lines.join("\n")}\n`;
}
