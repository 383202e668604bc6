/**
 * Renders the static site from the normalised articles
 * (<contentDir>/articles/<id>.md, or the same articles handed over in memory
 * by the build) with Eleventy's programmatic API and the project's
 * .eleventy.ts. Article pages are one paginated template over the articles
 * (not one Eleventy template per Markdown file): Eleventy's per-file work
 * (reading, front matter, the data cascade, its template map) grew faster
 * than the article count. Quiet unless it fails.
 */
import { rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildData } from "../../.eleventy.ts";
import { normaliseBase, prepareGeneratedFolder } from "../output-folder.ts";
import { readArticleFolder, registerRenderInput, releaseRenderInput, type ArticleInput } from "./render-input.ts";

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
}

/** Empties the output folder so no page of an earlier build survives — but only a folder this tool wrote, or a new or empty one. */
export async function prepareOutDir(outDir: string): Promise<void> {
  await prepareGeneratedFolder(outDir, "output folder");
}

export async function renderSite(opts: RenderOptions): Promise<void> {
  const base = normaliseBase(opts.base);
  await prepareOutDir(opts.outDir);
  const articlesDir = join(opts.contentDir, "articles");
  // the directory data file earlier versions wrote there (articles are no longer Eleventy templates)
  await rm(join(articlesDir, "articles.11tydata.json"), { force: true });
  const articles =
    opts.articles ??
    (await readArticleFolder(articlesDir, (file, err) => {
      process.stderr.write(`render: ${file} left out: ${err instanceof Error ? err.message : String(err)}\n`);
    }));
  const token = registerRenderInput(articles);

  const build: BuildData = {
    base,
    siteUrl: opts.siteUrl ?? "",
    locale: opts.locale ?? "zh-CN",
    pageSize: opts.pageSize ?? 100,
    sitemapLimit: opts.sitemapLimit ?? 50_000,
    inputToken: token,
  };
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
  try {
    await eleventy.write();
  } finally {
    releaseRenderInput(token);
  }
}
