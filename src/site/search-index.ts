/**
 * Builds the Pagefind index of a rendered site, through Pagefind's Node API,
 * into <outDir>/pagefind/. Only article pages carry data-pagefind-body, so
 * only their headline and body are indexed; every page is <html lang="zh-CN">,
 * so Pagefind segments the Chinese text (the npm package runs the extended
 * binary, which has the segmenter).
 *
 * The Traditional mirror under hant/ is left out: one Simplified index serves
 * both sites (queries are converted to Simplified in the browser), which
 * measured cheaper than a second index (README, "The Traditional site").
 */
import { readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { rechunkIndex } from "./pagefind-meta.ts";
import { indexShards, type OverlayLimits, type ShardResult } from "./search-shards.ts";

/**
 * Every HTML file except those under the top-level hant/ folder (the
 * Traditional mirror): Pagefind's glob has no negation, so "any top-level
 * name but hant" is spelled out.
 */
export const SIMPLIFIED_PAGES =
  "{*.html,[!h]*/**/*.html,h/**/*.html,h[!a]*/**/*.html,ha/**/*.html,ha[!n]*/**/*.html,han/**/*.html,han[!t]*/**/*.html,hant?*/**/*.html}";

export interface IndexOptions {
  outDir: string;
  /** which files to index (Pagefind glob, relative to outDir); the Simplified pages by default */
  glob?: string;
  /** group fragment files once a language has more pages than this (Pagefind's maxFragments) */
  maxFragments?: number;
  /** the most article pages one Pagefind run indexes before the index is split into year shards */
  maxShardPages?: number;
  /** the normalised Markdown and a cache folder: unchanged shards are copied, not indexed again */
  contentDir?: string;
  cacheDir?: string | null;
  base?: string;
  /** see ShardOptions.overlay */
  overlay?: OverlayLimits;
}

/** Article pages per Pagefind run: above this the index is built in year shards (see search-shards.ts). */
export const DEFAULT_SHARD_PAGES = 8000;

export async function indexSite(opts: IndexOptions): Promise<{ pages: number; shards?: ShardResult[] }> {
  if (!opts.glob) {
    return indexShards({
      outDir: opts.outDir,
      maxPages: opts.maxShardPages ?? DEFAULT_SHARD_PAGES,
      contentDir: opts.contentDir,
      cacheDir: opts.cacheDir ?? null,
      base: opts.base,
      overlay: opts.overlay,
    });
  }
  const site = resolve(opts.outDir);
  const outputPath = join(site, "pagefind");
  await rm(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({
    ...(opts.maxFragments ? { maxFragments: opts.maxFragments } : {}),
  });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: site, glob: opts.glob ?? SIMPLIFIED_PAGES });
    if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join("; ")}`);
    await rechunkIndex(outputPath);
    // addDirectory counts every HTML file it read; the entry file counts the pages in the index
    const entry = JSON.parse(await readFile(join(outputPath, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
