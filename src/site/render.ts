/**
 * Renders the static site from the normalised articles
 * (<contentDir>/articles/<id>.md) with Eleventy's programmatic API and the
 * project's .eleventy.ts. Quiet unless it fails.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildData } from "../../.eleventy.ts";

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
}

/** Settings every article page shares, as Eleventy directory data next to the articles. */
const ARTICLES_DATA = `${JSON.stringify(
  { layout: "layouts/article.njk", templateEngineOverride: "md", archiveArticle: true },
  null,
  2,
)}\n`;

/** "/prefix" | "prefix/" | "" → "/prefix/" | "/". */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  if (!trimmed) return "/";
  if (/[?#\\]|\.\.|\s/.test(trimmed)) throw new Error(`not a usable base path: ${base}`);
  return `/${trimmed}/`;
}

/**
 * Marks an output folder as this tool's, so it may be emptied before the next
 * build; the same name and text as src/build.ts writes into its folders.
 */
const MARKER = ".zone-archive";
const MARKER_TEXT = "written by the zone press archive build; emptied on every build\n";

/**
 * Empties the output folder so no page of an earlier build survives (the same
 * input must give the same files) — but only a folder that is new, empty, or
 * was written by this build before.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => null);
  if (entries && entries.length > 0 && !entries.includes(MARKER)) {
    throw new Error(`${outDir} is not empty and was not written by the site build; choose a new or empty folder`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, MARKER), MARKER_TEXT);
}

export async function renderSite(opts: RenderOptions): Promise<void> {
  const base = normaliseBase(opts.base);
  await prepareOutDir(opts.outDir);
  const articlesDir = join(opts.contentDir, "articles");
  await mkdir(articlesDir, { recursive: true });
  // written only when different, so a watcher on contentDir does not loop
  const dataFile = join(articlesDir, "articles.11tydata.json");
  const current = await readFile(dataFile, "utf8").catch(() => "");
  if (current !== ARTICLES_DATA) await writeFile(dataFile, ARTICLES_DATA);

  const build: BuildData = {
    base,
    siteUrl: opts.siteUrl ?? "",
    locale: opts.locale ?? "zh-CN",
    pageSize: opts.pageSize ?? 100,
    sitemapLimit: opts.sitemapLimit ?? 50_000,
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
  await eleventy.write();
}
