/**
 * Renders the static site from the normalised articles
 * (<contentDir>/articles/<id>.md, or the same articles handed over in memory
 * by the build) with Eleventy's programmatic API and the project's
 * .eleventy.ts. Article pages are one paginated template over the articles
 * (not one Eleventy template per Markdown file): Eleventy's per-file work
 * (reading, front matter, the data cascade, its template map) grew faster
 * than the article count. Quiet unless it fails.
 */
import { rm, rmdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildData } from "../../.eleventy.ts";
import { MARKER, normaliseBase, prepareGeneratedFolder } from "../output-folder.ts";
import { outputFileOf, siteVersion } from "./render-plan.ts";
import { readArticleFolder, registerRenderInput, releaseRenderInput, type ArticleInput, type RenderJob } from "./render-input.ts";
import { putState, takeState } from "../state-file.ts";

const CONFIG = fileURLToPath(new URL("../../.eleventy.ts", import.meta.url));

export interface RenderOptions {
  contentDir: string;
  outDir: string;
  /** the sub-path the site is hosted under, "/" or "/prefix/" */
  base: string;
  /** the site's origin (https://example.org), for absolute URLs in the feed, sitemap and citations; optional */
  siteUrl?: string;
  /** interface language, a file in templates/i18n/; zh-CN by default */
  locale?: string;
  /** articles per browse page, 100 by default */
  pageSize?: number;
  /** URLs per sitemap file, 50,000 (the protocol's limit) by default */
  sitemapLimit?: number;
  /** the articles, when the caller has them in memory; else read from <contentDir>/articles/*.md */
  articles?: readonly ArticleInput[];
  /**
   * render only the pages whose data changed since the last build into the same folder
   * (src/site/render-plan.ts); true by default. The output folder is emptied and every
   * page rendered when this is false, on the first build, or when templates, site code
   * or options changed.
   */
  incremental?: boolean;
  /** article pages per Eleventy run (20,000 by default) */
  articlesPerRun?: number;
}

/** Article pages one Eleventy run makes: at 10k articles one run peaked at 1.6 GB. */
export const DEFAULT_ARTICLES_PER_RUN = 20_000;

export interface RenderResult {
  /** false: the output folder was emptied and every page rendered */
  incremental: boolean;
  /** paginated pages rendered (articles, browse and indicator pages); the few others always are */
  rendered: number;
  /** paginated pages in the site */
  pages: number;
  /** pages of the last build that are gone, their files removed */
  removed: number;
}

/** What a render leaves beside the content: the page fingerprints, for the next build into the same folder. */
interface RenderState {
  version: string;
  outDir: string;
  pages: Record<string, string>;
}
const STATE_FILE = "render-state.json";

const validRenderState = (s: Partial<RenderState>): boolean => typeof s.version === "string" && typeof s.outDir === "string" && typeof s.pages === "object" && s.pages !== null;

/** Empties the output folder so no page of an earlier build survives — but only a folder this tool wrote, or a new or empty one. */
export async function prepareOutDir(outDir: string): Promise<void> {
  await prepareGeneratedFolder(outDir, "output folder");
}

export async function renderSite(opts: RenderOptions): Promise<RenderResult> {
  const base = normaliseBase(opts.base);
  const outDir = resolve(opts.outDir);
  const statePath = join(opts.contentDir, STATE_FILE);
  const options = { base, siteUrl: opts.siteUrl ?? "", locale: opts.locale ?? "zh-CN", pageSize: opts.pageSize ?? 100, sitemapLimit: opts.sitemapLimit ?? 50_000 };
  const version = siteVersion(options);
  // no state until this render has finished: an interrupted render is followed by a full one
  const taken = await takeState<RenderState>(statePath, validRenderState);
  const last = opts.incremental === false ? null : taken;
  const incremental = last !== null && last.version === version && last.outDir === outDir && existsSync(join(outDir, MARKER));
  if (incremental) await prepareGeneratedFolder(outDir, "output folder", [], [], { empty: false });
  else await prepareOutDir(outDir);
  const articlesDir = join(opts.contentDir, "articles");
  // the directory data file earlier versions wrote there (articles are no longer Eleventy templates)
  await rm(join(articlesDir, "articles.11tydata.json"), { force: true });
  const articles =
    opts.articles ??
    (await readArticleFolder(articlesDir, (file, err) => {
      process.stderr.write(`render: ${file} left out: ${err instanceof Error ? err.message : String(err)}\n`);
    }));
  const job: RenderJob = { articles, outDir, previous: incremental ? last.pages : null };
  const token = registerRenderInput(job);

  const build: BuildData = { ...options, inputToken: token };
  // Article pages go to Eleventy in batches (the other pages with the first): the memory of one
  // Eleventy run grows with the pages it makes, so a large archive's render stays bounded.
  const perRun = Math.max(1, opts.articlesPerRun ?? DEFAULT_ARTICLES_PER_RUN);
  try {
    for (let from = 0; from === 0 || from < (job.plan?.articles.length ?? 0); from += perRun) {
      job.batch = { from, to: from + perRun, others: from === 0 };
      // Eleventy 3.1 misses directory data files when the input is an absolute path
      // outside the working directory: hand it paths relative to the working directory.
      const eleventy = new Eleventy(relative(process.cwd(), opts.contentDir) || ".", relative(process.cwd(), opts.outDir) || ".", {
        configPath: CONFIG,
        pathPrefix: base,
        quietMode: true,
        config(eleventyConfig: UserConfig) {
          eleventyConfig.addGlobalData("build", build);
        },
      });
      eleventy.disableLogger();
      await eleventy.write();
    }
  } finally {
    releaseRenderInput(token);
  }
  const plan = job.plan;
  if (!plan) throw new Error("render: Eleventy did not compute the archive (is .eleventy.ts the configuration?)");
  // pages that are gone: their files, then the folders left empty (deepest first)
  const emptied = new Set<string>();
  for (const url of plan.gone) {
    const file = outputFileOf(outDir, url);
    await rm(file, { force: true });
    for (let d = dirname(file); d.startsWith(outDir + sep); d = dirname(d)) emptied.add(d);
  }
  for (const d of [...emptied].sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => {}); // fails unless empty
  const state: RenderState = { version, outDir, pages: Object.fromEntries(plan.fingerprints) };
  await putState(statePath, state);
  return {
    incremental,
    rendered: plan.articles.length + plan.listPages.length + plan.figurePages.length,
    pages: [...plan.fingerprints.values()].filter((v) => v !== "always").length,
    removed: plan.gone.length,
  };
}
