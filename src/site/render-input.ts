/**
 * The articles a render works from, handed to .eleventy.ts by token (not as
 * Eleventy global data: 100k articles in the data cascade of every page would
 * cost memory and time for nothing). render.ts registers them, the
 * configuration takes them; each render has its own token, so two renders in
 * one process do not mix.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";

/** One normalised article as the site renders it: the front matter's data and the Markdown body. */
export interface ArticleInput {
  /** the file name without .md (the id when the front matter has none) */
  slug: string;
  data: Record<string, unknown>;
  /** the Markdown body (escaped by the normaliser; rendered with HTML off) */
  body: string;
}

/** One render: its articles in, and what the configuration decided to render out. */
export interface RenderJob {
  articles: readonly ArticleInput[];
  /** the output folder (a page whose file is missing there is rendered) */
  outDir: string;
  /** the page fingerprints of the last build into this folder; null: render every page */
  previous: Readonly<Record<string, string>> | null;
  /** which part of the plan this Eleventy run renders (all of it when absent) */
  batch?: { from: number; to: number; others: boolean };
  /** set by .eleventy.ts on the first run, kept for the next batches */
  archive?: import("./archive.ts").Archive;
  figures?: import("./figures.ts").FigureArchive;
  plan?: import("./render-plan.ts").RenderPlan;
  sitemaps?: import("./archive.ts").SitemapFile[];
}

const inputs = new Map<string, RenderJob>();
let counter = 0;

export function registerRenderInput(job: RenderJob): string {
  const token = `render-${process.pid}-${++counter}`;
  inputs.set(token, job);
  return token;
}

/** The render registered under `token`; a new empty one for a token not (or no longer) registered. */
export function renderInput(token: string | undefined): RenderJob {
  return (token && inputs.get(token)) || { articles: [], outDir: "", previous: null };
}

export function releaseRenderInput(token: string): void {
  inputs.delete(token);
}

const refuse = (): never => {
  throw new Error("executable front matter is not accepted; use YAML");
};

/**
 * Reads <dir>/*.md (the normalised Markdown) in name order. Front matter is
 * YAML only (js-yaml, data only; JavaScript front matter is refused); a file
 * that cannot be read is reported through `onError` and left out.
 */
export async function readArticleFolder(dir: string, onError: (file: string, err: unknown) => void = () => {}): Promise<ArticleInput[]> {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();
  } catch {
    // no folder: no articles
  }
  const out: ArticleInput[] = [];
  for (const name of names) {
    try {
      // synchronous: 11,000 reads awaited one by one took 12.5 s at 10k, read synchronously 0.8 s
      const text = readFileSync(join(dir, name), "utf8");
      // no cache: gray-matter would otherwise keep every file's text for the life of the process
      const parsed = matter(text, { engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse } } as never);
      out.push({ slug: name.slice(0, -3), data: parsed.data as Record<string, unknown>, body: parsed.content });
    } catch (err) {
      onError(name, err);
    }
  }
  return out;
}
