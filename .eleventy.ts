/**
 * Eleventy configuration for the archive site: plugins, filters, collections.
 * Run through src/site/render.ts (Eleventy does not find a .ts config by
 * itself), which hands over the normalised articles (src/site/render-input.ts);
 * layouts, page templates, assets and interface strings live in templates/.
 * Article pages are one template paginated over the articles.
 *
 * Safety: article Markdown is rendered by markdown-it with html off and never
 * through a template engine; front matter is parsed as YAML data only;
 * Nunjucks autoescapes everything.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import MarkdownIt from "markdown-it";
import { LazyEntry, buildArchive, sitemapFiles, type Archive, type ArchiveEntry, type ListKind, type ListPage, type SitemapFile } from "./src/site/archive.ts";
import { buildFigureArchive, type FigureArchive, type FigurePage } from "./src/site/figures.ts";
import { markFigureQuotes } from "./src/site/figure-marks.ts";
import * as fmt from "./src/site/format.ts";
import { jsonForScript, newsArticle } from "./src/site/jsonld.ts";
import { toCaptions, toRecord } from "./src/site/record.ts";
import { fill, loadStrings } from "./src/site/strings.ts";
import { renderInput } from "./src/site/render-input.ts";
import { planRender, type RenderPlan } from "./src/site/render-plan.ts";
import type { ArticleRecord } from "./src/types.ts";

const TEMPLATES = fileURLToPath(new URL("./templates/", import.meta.url));

/** What render.ts passes in as global data `build`; defaults for a bare CLI run. */
export interface BuildData {
  base: string;
  /** origin (and path) the site is published at, for absolute URLs in feeds and the sitemap; "" when unknown */
  siteUrl: string;
  locale: string;
  pageSize: number;
  sitemapLimit: number;
  /** the articles to render, registered by render.ts (src/site/render-input.ts) */
  inputToken?: string;
}



const refuse = () => {
  throw new Error("executable front matter is not accepted; use YAML");
};

export default function (eleventyConfig: UserConfig) {
  // The content folder is generated, and by default it lives under .cache/, which .gitignore lists:
  // Eleventy would skip every article. Our input is only ever the content folder we wrote.
  eleventyConfig.setUseGitIgnore(false);
  const given = (eleventyConfig.globalData as { build?: Partial<BuildData> }).build ?? {};
  const build: BuildData = { base: "/", siteUrl: "", locale: "zh-CN", pageSize: 100, sitemapLimit: 50_000, ...given };
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const t = loadStrings(build.locale);
  eleventyConfig.addGlobalData("t", t);
  eleventyConfig.addGlobalData("build", build);

  // ── safety: data is data, text is text ──
  // YAML stays with Eleventy's js-yaml 4 (data only, and 3x faster than yaml here);
  // front matter that would run code is refused
  eleventyConfig.setFrontMatterParsingOptions({ engines: { javascript: refuse, js: refuse, jsLegacy: refuse } });
  // the article body, rendered once per page where the layout asks for it
  eleventyConfig.addFilter("markdown", (body: string) => markdown.render(typeof body === "string" ? body : ""));
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // global data is shared, not deep-copied into each of 100k pages
  eleventyConfig.setDataDeepMerge(false);
  // a record's `date` is text with its own precision; Eleventy's page.date is unused, kept constant
  eleventyConfig.addDateParsing(() => new Date(0));

  eleventyConfig.addPlugin(HtmlBasePlugin);

  // ── filters (formatting only; the logic is in src/site) ──
  eleventyConfig.addFilter("archiveDate", (d: string | null) => fmt.formatDate(d, t));
  eleventyConfig.addFilter("isoDate", (d: string | null) => fmt.isoDate(d));
  eleventyConfig.addFilter("dateSortKey", (d: string | null) => fmt.dateSortKey(d));
  eleventyConfig.addFilter("atomTime", (d: string | null) => fmt.atomTimestamp(d));
  eleventyConfig.addFilter("bylines", (r: ArticleRecord) => fmt.groupBylines(r.authors));
  eleventyConfig.addFilter("figureValue", fmt.formatFigureValue);
  eleventyConfig.addFilter("growth", fmt.formatGrowth);
  eleventyConfig.addFilter("fill", (s: string, values: Record<string, string | number>) => fill(s, values));
  eleventyConfig.addFilter("withBase", (url: string) => withBase(build.base, url));
  eleventyConfig.addFilter("absolute", (url: string) => absolute(build, url));
  eleventyConfig.addFilter("cite", (r: ArticleRecord, url: string) => fmt.citation(r, absolute(build, url)));
  // the result is escaped for a <script type="application/ld+json"> block by jsonForScript
  eleventyConfig.addFilter("jsonLd", (r: ArticleRecord, url: string) =>
    jsonForScript(newsArticle(r, { url: absolute(build, url), lang: t.lang, siteName: t.siteName })),
  );
  eleventyConfig.addFilter("urlEncodePath", (url: string) => url.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)));
  eleventyConfig.addFilter("yearOf", (d: string | null) => fmt.parseArchiveDate(d).year);

  // ── collections: the archive, computed once per render (a render may run Eleventy in batches) ──
  const job = renderInput(build.inputToken);
  const archiveOf = (): Archive => {
    if (!job.archive) {
      const entries: ArchiveEntry[] = job.articles.map(
        (input) => new LazyEntry(toRecord(input.data, input.slug), toCaptions(input.data), `/articles/${input.slug}/`, input.body),
      );
      job.archive = buildArchive(entries, t, { pageSize: build.pageSize, sitemapLimit: build.sitemapLimit });
    }
    return job.archive;
  };
  eleventyConfig.addCollection("archive", () => archiveOf());

  // the figures: indicator pages and zone charts (src/site/figures.ts), from the same archive
  const figuresOf = (): FigureArchive => (job.figures ??= buildFigureArchive(archiveOf(), t));
  eleventyConfig.addCollection("figureArchive", () => figuresOf());

  // ── what this run renders: every page, or on a rebuild the pages whose data changed; a large
  // archive's article pages in batches, the other pages with the first batch ──
  const sitemapsOf = () => (job.sitemaps ??= sitemapFiles([...archiveOf().pageUrls, ...figuresOf().pageUrls], build.sitemapLimit));
  const planOf = (): RenderPlan => (job.plan ??= planRender(archiveOf(), figuresOf(), job.previous, job.outDir, sitemapsOf().map((f) => f.url)));
  const batch = (): NonNullable<typeof job.batch> => job.batch ?? { from: 0, to: Infinity, others: true };
  eleventyConfig.addCollection("renderArticles", () => planOf().articles.slice(batch().from, batch().to));
  eleventyConfig.addCollection("renderListPages", () => (batch().others ? planOf().listPages : []));
  eleventyConfig.addCollection("renderFigurePages", () => (batch().others ? planOf().figurePages : []));
  // each figure's quote on its article page becomes the target of /articles/<id>/#fig-N
  eleventyConfig.addTransform("figure-marks", function (this: { page?: { url?: unknown; outputPath?: unknown } }, content: string) {
    const url = this.page?.url;
    const out = this.page?.outputPath;
    return typeof url === "string" && url.startsWith("/articles/") && typeof out === "string" && out.endsWith(".html") ? markFigureQuotes(content) : content;
  });

  eleventyConfig.addCollection("archiveSitemaps", () => sitemapsOf());

  // ── page templates from templates/pages, as virtual templates ──
  // Eleventy compiles a paginated template's text anew for every page it makes (Nunjucks is
  // outside its template cache since 3.1): a paginated page's text is one include instead,
  // which Nunjucks compiles once and keeps. Includes are looked up under templates/ too.
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks, environment }: { nunjucks: { FileSystemLoader: new (dir: string) => object }; environment: { loaders: object[] } }) => {
    // (the environment gives each loader its cache when it is made; this one is added later)
    environment.loaders.push(Object.assign(new nunjucks.FileSystemLoader(TEMPLATES), { cache: {} }));
  });
  // every article page, from one template paginated over the articles (see src/site/render.ts)
  eleventyConfig.addTemplate("_pages/article.njk", "", {
    pagination: { data: "collections.renderArticles", size: 1, alias: "entry" },
    permalink: (d: { entry: ArchiveEntry }) => d.entry.url,
    layout: "layouts/article.njk",
    eleventyExcludeFromCollections: true,
  });
  const paginated: Record<string, Record<string, unknown>> = {
    "list.njk": {
      pagination: { data: "collections.renderListPages", size: 1, alias: "listPage" },
      permalink: (d: { listPage: ListPage }) => d.listPage.url,
      eleventyComputed: {
        title: (d: { listPage: ListPage }) => listTitle(d.listPage, t.browse.page),
        section: (d: { listPage: ListPage }) => SECTION_OF[d.listPage.kind],
      },
    },
    "sitemap.njk": {
      pagination: { data: "collections.archiveSitemaps", size: 1, alias: "sitemap" },
      permalink: (d: { sitemap: SitemapFile }) => d.sitemap.url,
      eleventyExcludeFromCollections: true,
    },
    "indicators-page.njk": {
      pagination: { data: "collections.renderFigurePages", size: 1, alias: "fp" },
      permalink: (d: { fp: FigurePage }) => d.fp.url,
      section: "indicators",
      eleventyComputed: {
        title: (d: { fp: FigurePage }) => listTitle(d.fp, t.browse.page),
      },
    },
  };
  for (const name of readdirSync(join(TEMPLATES, "pages")).sort()) {
    if (!name.endsWith(".njk")) continue;
    const text = paginated[name] ? `{% include "pages/${name}" %}` : readFileSync(join(TEMPLATES, "pages", name), "utf8");
    eleventyConfig.addTemplate(`_pages/${name}`, text, paginated[name] ?? {});
  }
  eleventyConfig.addPassthroughCopy({ [join(TEMPLATES, "assets")]: "assets" });

  const input = (eleventyConfig.directories as { input?: string }).input ?? ".";
  return {
    dir: {
      includes: relative(input, join(TEMPLATES, "_includes")),
      data: "_data",
    },
    // only the virtual templates above: the content folder's Markdown is read by render.ts
    templateFormats: ["njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    dataTemplateEngine: false,
  };
}

const SECTION_OF: Record<ListKind, string> = {
  zone: "zones",
  nozone: "zones",
  city: "cities",
  year: "years",
  month: "years",
  undated: "years",
  tag: "tags",
};

function listTitle(p: { heading: string; pageNumber: number; pageCount: number }, pageOf: string): string {
  return p.pageCount > 1 ? `${p.heading}（${fill(pageOf, { n: p.pageNumber, m: p.pageCount })}）` : p.heading;
}

/** "/articles/x/" under base "/prefix/" → "/prefix/articles/x/". */
export function withBase(base: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return url;
  const b = base.endsWith("/") ? base : `${base}/`;
  return b + url.replace(/^\/+/, "");
}

/** The absolute URL when the site's origin is known, else the base-prefixed path. */
export function absolute(build: Pick<BuildData, "base" | "siteUrl">, url: string): string {
  const path = withBase(build.base, url);
  if (!build.siteUrl) return path;
  const origin = new URL(build.siteUrl);
  return new URL(path, origin.origin).toString();
}
