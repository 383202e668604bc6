/**
 * Stage 1 of the build: every raw input file → its articles, and each
 * article's Markdown in the content folder.
 *
 * One stream, so the cores are busy from the start and the I/O runs beside
 * them: files are read a window ahead of the normaliser, looked up in the
 * normalise cache, normalised (src/pipeline/pool.ts) when not there, and
 * taken in input order, where ids are made unique and each article's Markdown
 * is written, but only when it differs from what the last build wrote (kept
 * as digests in content-state.json). Only a window of raw files is in
 * memory at once.
 */
import { readdir } from "node:fs/promises";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Article } from "../types.ts";
import type { NormalisedFile } from "./normalise-file.ts";
import type { NormaliseCache } from "./cache.ts";
import { NormalisePool } from "./pool.ts";
import { sha256 } from "./ids.ts";
import { articleMarkdown } from "../output/markdown.ts";
import { CONTENT_STATE, isStringRecord, putState, takeState } from "../state-file.ts";
import { markdownDigest } from "./worker.ts";

/** Files read (and waiting to be normalised or written) ahead of the one taken next. */
const WINDOW = 64;

export interface NormaliseAllOptions {
  articlesDir: string;
  /** the input files (listFiles(articlesDir)) */
  paths: readonly string[];
  /** the folder the articles' Markdown goes to (content/articles) */
  markdownDir: string;
  base: string;
  cache: NormaliseCache | null;
  /** called once per input file, when it is done */
  onFile?: () => void;
  /** threads to normalise on, the main thread included (default: one per core; 1: the main thread only) */
  threads?: number;
  /** false: once the workers are started, they alone normalise (see PoolOptions) */
  mainThreadShares?: boolean;
}

export interface NormaliseAllResult {
  /** one per input file, in input order */
  files: NormalisedFile[];
  /** files normalised this time (the rest came from the cache) */
  normalised: number;
  /** … of which in worker threads */
  inWorkers: number;
  /** Markdown files written this time (the rest were as the last build left them) */
  written: number;
}

/** The input files under `root`, sorted, hidden ones left out. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  }
  await walk(root);
  return out;
}

/** A file from the cache or normalised now, with its articles' Markdown digests (and, when normalised now, the Markdown). */
interface Produced {
  file: NormalisedFile;
  markdown: { texts: string[] | null; digests: string[] } | null;
}

export async function normaliseAll(opts: NormaliseAllOptions): Promise<NormaliseAllResult> {
  const { cache, markdownDir, paths } = opts;
  const statePath = join(markdownDir, "..", CONTENT_STATE);
  // none while writing: an interrupted run rewrites every file next time
  const last = (await takeState<Record<string, string>>(statePath, isStringRecord)) ?? {};
  const state: Record<string, string> = {};

  const pool = new NormalisePool(opts.base, { threads: opts.threads, mainThreadShares: opts.mainThreadShares });
  let normalised = 0;
  let written = 0;

  // read, look up, normalise: any number of files at once, within the window
  const produce = async (path: string): Promise<Produced> => {
    const file = relative(opts.articlesDir, path).split(sep).join("/");
    const full = resolve(path);
    // an input as it was when last read is looked up without reading it again
    const stamp = cache ? cache.stamp(path) : null;
    const known = cache ? cache.knownSha256(full, stamp) : null;
    const fromCache = (c: NormaliseCache, sha: string): Produced | null => {
      const hit = c.get(c.key(file, sha, opts.base));
      if (!hit) return null;
      c.noteInput(full, stamp, sha);
      return { file: hit.file, markdown: { texts: null, digests: hit.digests } };
    };
    const early = cache && known !== null ? fromCache(cache, known) : null;
    if (early) return early;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      const why = err instanceof Error && "code" in err ? String(err.code) : String(err);
      return { file: { articles: [], report: { file, status: "error", encoding: null, articles: [], messages: [`could not be read (${why}); skipped`] } }, markdown: null };
    }
    const sha = cache ? sha256(bytes) : "";
    if (cache) {
      // the stamp from before the read: a file written meanwhile is read again next time
      cache.noteInput(full, stamp, sha);
      const hit = sha === known ? null : fromCache(cache, sha); // the same sha was looked up above
      if (hit) return hit;
    }
    const { result, json, markdown, digests } = await pool.run({ file, bytes });
    normalised++;
    if (cache) cache.put(cache.key(file, sha, opts.base), json, digests);
    return { file: result, markdown: { texts: markdown, digests } };
  };

  // take in input order: unique ids (the first file keeps an id), then the Markdown
  const ids = new Set<string>();
  const take = ({ file: n, markdown: made }: Produced): void => {
    n.articles.forEach((a, k) => {
      // the digest made with the file, unless the id changed here; the Markdown itself only when written
      const renamed = uniqueId(a, ids, n, opts.base);
      const known = made !== null && !renamed;
      let markdown = known ? (made.texts?.[k] ?? null) : articleMarkdown(a);
      const digest = known ? made.digests[k] : markdownDigest(markdown!);
      const name = `${a.record.id}.md`;
      state[name] = digest;
      const path = join(markdownDir, name);
      // as the last build left it: same digest, and a file still there (not emptied or replaced by a folder)
      const now = last[name] === digest ? statSync(path, { throwIfNoEntry: false }) : undefined;
      if (now?.isFile() && now.size > 0) return;
      markdown ??= articleMarkdown(a);
      written++;
      writeFileSync(path, markdown);
    });
    n.report.articles = n.articles.map((a) => a.record.id);
    opts.onFile?.();
  };

  const files = new Array<NormalisedFile>(paths.length);
  const pending = new Map<number, Promise<Produced>>();
  let started = 0;
  try {
    for (let n = 0; n < paths.length; n++) {
      while (started < paths.length && started < n + WINDOW) {
        const p = produce(paths[started]);
        p.catch(() => {}); // awaited below, in order; a failure is thrown there
        pending.set(started++, p);
      }
      const produced = await pending.get(n)!;
      pending.delete(n);
      files[n] = produced.file;
      take(produced);
    }
  } finally {
    await pool.close();
  }
  const inWorkers = pool.normalisedInWorkers;
  cache?.saveInputs(opts.articlesDir);

  // the Markdown of articles that are gone
  for (const name of await readdir(markdownDir)) {
    if (name.endsWith(".md") && !Object.hasOwn(state, name)) rmSync(join(markdownDir, name), { force: true });
  }
  await putState(statePath, state);
  return { files, normalised, inWorkers, written };
}

/** An id another file's article already has gets a suffix (-2, -3 …), said in this file's report. True when the id changed. */
function uniqueId(a: Article, seen: Set<string>, n: NormalisedFile, base: string): boolean {
  let id = a.record.id;
  const taken = seen.has(id);
  if (taken) {
    let k = 2;
    while (seen.has(`${id}-${k}`)) k++;
    n.report.messages.push(`id '${id}' is already used by another input; this article gets '${id}-${k}'`);
    if (n.report.status === "ok") n.report.status = "warning";
    id = `${id}-${k}`;
    a.record.id = id;
    a.record.url = `${base}articles/${id}/`;
  }
  seen.add(id);
  return taken;
}
