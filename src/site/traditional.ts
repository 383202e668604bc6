/**
 * The Traditional-character site: every page of the rendered (Simplified)
 * site, converted, under <out>/hant/ at the same paths (src/site/hant-html.ts
 * does one page), plus what the browser needs to search across scripts:
 *
 *   assets/opencc/core.js    opencc-js's Trie (MIT)
 *   assets/opencc/t2cn.js    Traditional → Simplified for queries (OpenCC tw2s, whole)
 *   assets/opencc/cn2tw.js   Simplified → Traditional for search results on the
 *                            Traditional site: OpenCC s2tw with only the phrases
 *                            this site's text uses (the whole table is ~310 KB
 *                            brotli; the phrases a corpus uses are a small part)
 *
 * Only the Traditional pages and a Traditional query load any of these.
 * Runs after Eleventy, beside or after Pagefind (which indexes only the
 * Simplified pages: search-index.ts leaves hant/ out).
 */
import { copyFile, mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { existsSync, lstatSync, readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { runTask } from "../workers.ts";
import type { ArticleRecord } from "../types.ts";
import { HANT_DIR, toHantDocument, type HantPageContext } from "./hant-html.ts";
import { converter, hansDicts, hantDicts, personOverrides, type ScriptDicts } from "./script.ts";
import { siteVersion } from "./render-plan.ts";
import { fnv1a32 } from "./format.ts";
import { fileStamp, isStringRecord, putState, takeState } from "../state-file.ts";

export interface TraditionalOptions {
  outDir: string;
  /** "/" or "/prefix/" */
  base: string;
  siteUrl?: string;
  /**
   * worker threads to convert in; 0: in this thread. By default the machine's
   * cores but one (at least one) once the site has a few hundred pages: the
   * main thread stays free for Pagefind's messages, and Pagefind keeps a core.
   */
  threads?: number;
  /** the articles of the site: their bylines give the person-name overrides */
  records: readonly { authors: readonly Pick<ArticleRecord["authors"][number], "name">[] }[];
  /**
   * a folder to keep what was converted (the content folder): the next build into the same
   * output converts only the pages whose file changed, as long as the set of pages, the
   * name overrides, the code and the options are the same. Without it every page is converted.
   */
  stateDir?: string;
}

export interface TraditionalResult {
  pages: number;
  /** pages converted this time (the others were unchanged since the last build) */
  converted: number;
  /** characters of text converted (after repeats were remembered) */
  chars: number;
  /** phrases of OpenCC's table the site uses (what assets/opencc/cn2tw.js carries) */
  phrases: number;
  ms: number;
}

/** Top-level folders that are not pages (and that Pagefind may be rewriting meanwhile). */
const NOT_PAGES = new Set([HANT_DIR, "pagefind", "pagefind-shards", "assets", "data", "originals"]);

/**
 * Files of the rendered site that get a Traditional copy: every HTML page and the feed.
 * Read synchronously: an archive's pages are one folder each, and awaiting 15,700
 * folder reads one after another took 2.0 s at 10k articles against 0.2 s.
 */
function pagesOf(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!(rel === "" && NOT_PAGES.has(e.name))) walk(join(dir, e.name), path);
      } else if (e.isFile() && (e.name.endsWith(".html") || path === "feed.xml")) {
        out.push(path);
      }
    }
  };
  walk(outDir, "");
  return out.sort();
}

/**
 * Removes from `dir` everything but the files `keep` names (paths relative to it, "/"-separated),
 * and the folders left empty; `dir` itself stays. Links are removed, never followed.
 */
async function pruneTree(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const top = lstatSync(dir, { throwIfNoEntry: false });
  if (!top) return;
  if (!top.isDirectory()) return rm(dir, { force: true });
  // true when nothing is left in the folder
  const walk = async (abs: string, rel: string): Promise<boolean> => {
    let left = 0;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      const full = join(abs, e.name);
      if (e.isDirectory() && !keep.has(path)) {
        if (await walk(full, path)) await rmdir(full);
        else left++;
      } else if (e.isFile() && keep.has(path)) {
        left++;
      } else {
        await rm(full, { recursive: true, force: true });
      }
    }
    return left === 0;
  };
  await walk(dir, "");
}

/**
 * Does a site path (decoded, relative to the base) name one of these files? "" → index.html, "x/" → x/index.html.
 * `missed`, when given, hears the files a "no" looked for: any of them added later could make it a "yes".
 */
export function mirrorLookup(files: Iterable<string>, missed?: (file: string) => void): (path: string) => boolean {
  const set = new Set(files);
  const candidates = (p: string): string[] => (p === "" || p.endsWith("/") ? [`${p}index.html`] : [p, `${p}/index.html`]);
  return (path: string) => {
    const tried = candidates(path);
    // the build writes NFC paths; a URL in another normal form still finds its page
    if (!/^[\x00-\x7f]*$/.test(path)) tried.push(...candidates(path.normalize("NFC")));
    if (tried.some((f) => set.has(f))) return true;
    if (missed) for (const f of tried) missed(f);
    return false;
  };
}

/**
 * The hash a page's copy records of each file its links looked for and did not find (mirrorLookup),
 * so that when pages are added, only the copies whose links looked for one of them are converted
 * again. Two names with the same hash only cost a page converted for nothing.
 */
const nameHash = fnv1a32;

/** Texts up to this long are remembered: names, dates, headings, the excerpts that list pages repeat. */
const MEMO_LENGTH = 160;

/** A converter for many strings at once (one pass over them, joined), remembering the short ones. */
export function batchConverter(convert: (s: string) => string): (texts: string[]) => string[] {
  const SEP = "\u0001";
  const memo = new Map<string, string>();
  return (texts) => {
    const result = new Array<string>(texts.length);
    const todo: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      // only short texts are remembered: do not hash long ones to look them up
      const hit = texts[i].length <= MEMO_LENGTH ? memo.get(texts[i]) : undefined;
      if (hit !== undefined) result[i] = hit;
      else todo.push(i);
    }
    if (todo.length) {
      const joined = todo.map((i) => texts[i]);
      let converted: string[];
      if (joined.some((t) => t.includes(SEP))) converted = joined.map(convert);
      else {
        converted = convert(joined.join(SEP)).split(SEP);
        if (converted.length !== joined.length) converted = joined.map(convert);
      }
      todo.forEach((i, k) => {
        result[i] = converted[k];
        if (texts[i].length <= MEMO_LENGTH && memo.size < 100_000) memo.set(texts[i], converted[k]);
      });
    }
    return result;
  };
}

/** What converting some pages found out: for the totals and the browser's converter. */
export interface ShareResult {
  pages: number;
  chars: number;
  /** OpenCC phrases the text was cut into */
  used: string[];
  /** which UTF-16 code units the converted text holds (the browser's table needs no other characters) */
  seen: Uint8Array;
  /** for each page converted (in the task's order): the hashes (nameHash) of the files its links looked for in vain, sorted */
  links: Uint32Array[];
}

export interface ShareTask {
  outDir: string;
  base: string;
  siteUrl: string;
  /** the pages to convert here */
  files: string[];
  /** every page of the site (links to any of them lead to its copy) */
  allFiles: string[];
  people: [string, string][];
}

/** Converts some of the site's pages into hant/ (in the main thread or a worker). */
export async function convertShare(task: ShareTask): Promise<ShareResult> {
  const used = new Set<string>();
  const convert = converter(hantDicts(task.people), (phrase) => used.add(phrase));
  let chars = 0;
  const seen = new Uint8Array(0x10000);
  const convertAll = batchConverter((s) => {
    chars += s.length;
    for (let i = 0; i < s.length; i++) seen[s.charCodeAt(i)] = 1;
    return convert(s);
  });
  let looked = new Set<number>();
  const links: Uint32Array[] = [];
  const ctx: HantPageContext = { base: task.base, siteUrl: task.siteUrl, mirrored: mirrorLookup(task.allFiles, (f) => looked.add(nameHash(f))), convertAll };
  // Pages are read and converted one after another (CPU); their folders and
  // files are written by the thread pool meanwhile, a bounded number at once.
  const dirs = new Map<string, Promise<unknown>>();
  const madeDir = (dir: string): Promise<unknown> => {
    let p = dirs.get(dir);
    if (!p) {
      const parent = dirname(dir);
      p = (parent.length >= task.outDir.length && parent !== dir ? madeDir(parent) : Promise.resolve()).then(() =>
        mkdir(dir).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== "EEXIST") throw e;
        }),
      );
      dirs.set(dir, p);
    }
    return p;
  };
  const inFlight = new Set<Promise<void>>();
  // pages are read a few ahead, so the disk works while the CPU converts
  const AHEAD = 16;
  const reads: Promise<string>[] = [];
  const readAhead = (i: number): void => {
    if (i < task.files.length) reads[i] = readFile(join(task.outDir, task.files[i]), "utf8");
  };
  for (let i = 0; i < AHEAD; i++) readAhead(i);
  for (let i = 0; i < task.files.length; i++) {
    const rel = task.files[i];
    const html = await reads[i];
    delete reads[i];
    readAhead(i + AHEAD);
    const target = join(task.outDir, HANT_DIR, rel);
    const page = toHantDocument(html, ctx);
    links.push(Uint32Array.from(looked).sort());
    looked = new Set();
    const write: Promise<void> = madeDir(dirname(target)).then(() => writeFile(target, page));
    inFlight.add(write);
    void write.finally(() => inFlight.delete(write)).catch(() => {}); // a failed write is thrown below
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { pages: task.files.length, chars, used: [...used], seen, links };
}

/** Below this many pages, starting workers costs more than it saves. */
const MIN_PAGES_FOR_WORKERS = 400;

/** The shares converted, each with the pages it was given. */
async function convertInWorkers(task: ShareTask, threads: number): Promise<{ files: string[]; result: ShareResult }[]> {
  const worker = new URL("./traditional-worker.ts", import.meta.url);
  return Promise.all(
    Array.from({ length: threads }, async (_, k) => {
      // interleaved shares: article pages and list pages spread evenly
      const files = task.files.filter((_, i) => i % threads === k);
      return { files, result: await runTask<ShareResult>(worker, { ...task, files } satisfies ShareTask, "a Traditional-site worker") };
    }),
  );
}

/** What the last conversion into an output folder did, kept in the state folder. */
interface HantState {
  version: string;
  /** Simplified page → its mtime and size when it was converted */
  files: Record<string, string>;
  used: string[];
  /** the code units seen, as a bitmap (base64) */
  seen: string;
  /** Simplified page → the hashes of the files its copy's links looked for in vain (ShareResult.links), as bytes in base64 */
  links: Record<string, string>;
}
const STATE_FILE = "hant-state.json";

const validHantState = (s: Partial<HantState>): boolean =>
  typeof s.version === "string" && isStringRecord(s.files) && Array.isArray(s.used) && typeof s.seen === "string" && isStringRecord(s.links);

/** A page's looked-for hashes as text: 4 bytes each, little-endian, in base64. */
function linksToText(l: Uint32Array): string {
  const b = Buffer.alloc(l.length * 4);
  l.forEach((h, i) => b.writeUInt32LE(h, i * 4));
  return b.toString("base64");
}

/** Does a page's record of looked-for files (linksToText) hold any of these hashes? */
function looksFor(text: string, hashes: ReadonlySet<number>): boolean {
  const b = Buffer.from(text, "base64");
  for (let at = 0; at + 4 <= b.length; at += 4) if (hashes.has(b.readUInt32LE(at))) return true;
  return false;
}

export async function writeTraditionalSite(opts: TraditionalOptions): Promise<TraditionalResult> {
  const t0 = performance.now();
  const people = personOverrides(opts.records.flatMap((r) => r.authors.map((a) => a.name)));
  const files = pagesOf(opts.outDir);
  // a page's copy depends on its own file, on the name overrides, the code and the options, and on
  // which of the pages its links lead to exist (those links are mirrored): kept per page (links)
  const version = createHash("sha256")
    .update(siteVersion({ base: opts.base, siteUrl: opts.siteUrl ?? "", outDir: opts.outDir }))
    .update(JSON.stringify(people))
    .digest("hex")
    .slice(0, 24);
  const signatures: Record<string, string> = {};
  // each page's stamp (no window for recent changes: the pages are this build's own output; "" when
  // it has none, and such a page is always converted)
  for (const f of files) signatures[f] = fileStamp(join(opts.outDir, f), 0) ?? "";
  const statePath = opts.stateDir ? join(opts.stateDir, STATE_FILE) : null;
  // none while converting: an interrupted run is followed by a full one
  const last = statePath ? await takeState<HantState>(statePath, validHantState) : null;
  const hantDir = join(opts.outDir, HANT_DIR);
  // Pages only added (new articles, a new last page of a list) are converted, and so are the
  // copies whose links looked for one of them in vain. A page gone makes a full conversion: the
  // links that found it are not kept, nor is what each page gave the browser's converters (the
  // phrases and characters of the pages there are).
  const added = last ? files.filter((f) => !Object.hasOwn(last.files, f)) : [];
  const incremental = last !== null && last.version === version && existsSync(hantDir) && Object.keys(last.files).length + added.length === files.length;
  const appeared = new Set(added.map(nameHash));
  const todo = incremental
    ? files.filter((f) => signatures[f] === "" || last.files[f] !== signatures[f] || !Object.hasOwn(last.links, f) || (appeared.size > 0 && looksFor(last.links[f], appeared)) || !existsSync(join(hantDir, f)))
    : files;
  // A full conversion writes over the copies there are; what is not a copy of a page now is
  // removed first. Emptying hant/ and making its 15,700 files again took 5.9–14.4 s of system
  // time at 10k articles (3 runs; ext4 without a journal passes over recently freed inodes),
  // writing over them 4.4–5.1 s (3 runs).
  if (!incremental) await pruneTree(hantDir, new Set(files));

  const task: ShareTask = { outDir: opts.outDir, base: opts.base, siteUrl: opts.siteUrl ?? "", files: todo, allFiles: files, people };
  // Pagefind indexes meanwhile: it needs this thread's event loop for its
  // messages (one per page when the index is built in shards) and keeps about
  // one core busy, so the conversion goes to workers on the other cores.
  const threads = opts.threads ?? (todo.length >= MIN_PAGES_FOR_WORKERS ? Math.max(1, Math.min(availableParallelism() - 1, 8)) : 0);
  const done = threads > 0 ? await convertInWorkers(task, threads) : [{ files: todo, result: await convertShare(task) }];
  const shares = done.map((d) => d.result);

  // the browser's converter needs every phrase and character any page uses: the last build's and this one's
  const used = new Set<string>([...(incremental ? last.used : []), ...shares.flatMap((r) => r.used)]);
  const seen = incremental ? new Uint8Array(Buffer.from(last.seen, "base64")) : new Uint8Array(0x10000);
  for (const r of shares) for (let i = 0; i < seen.length; i++) seen[i] |= r.seen[i];
  await writeBrowserConverters(opts.outDir, hantDicts(people), used, seen, people);
  if (statePath) {
    const links: Record<string, string> = {};
    if (incremental) for (const f of files) if (Object.hasOwn(last.links, f)) links[f] = last.links[f];
    for (const d of done) d.files.forEach((f, i) => (links[f] = linksToText(d.result.links[i])));
    const state: HantState = { version, files: signatures, used: [...used].sort(), seen: Buffer.from(seen).toString("base64"), links };
    await putState(statePath, state);
  }
  return {
    pages: files.length,
    converted: todo.length,
    chars: shares.reduce((n, r) => n + r.chars, 0),
    phrases: used.size,
    ms: performance.now() - t0,
  };
}

// ── the converters the browser loads ──

const require = createRequire(import.meta.url);
const OPENCC_CORE = require.resolve("opencc-js/core");
const OPENCC_VERSION = (JSON.parse(readFileSync(join(dirname(OPENCC_CORE), "..", "..", "package.json"), "utf8")) as { version: string }).version;

/** A module `export default convert` over the given dictionaries, each dictionary written once. */
function converterModule(what: string, d: ScriptDicts): string {
  const names = new Map<unknown, string>();
  const consts: string[] = [];
  const ref = (dict: unknown): string => {
    let n = names.get(dict);
    if (!n) {
      n = `d${names.size}`;
      names.set(dict, n);
      consts.push(`const ${n} = ${JSON.stringify(dict)};`);
    }
    return n;
  };
  const list = (ds: unknown[]) => `[${ds.map(ref).join(", ")}]`;
  const body = `{ normalize: [${d.normalize.map(list).join(", ")}], segment: ${list(d.segment)}, chain: [${d.chain.map(list).join(", ")}], overrides: ${JSON.stringify(d.overrides)} }`;
  return [
    `// ${what}`,
    `// Generated by the build (src/site/traditional.ts) from opencc-js ${OPENCC_VERSION} (MIT) and OpenCC's dictionaries (Apache-2.0),`,
    "// with the archive's overrides for proper names (src/data/opencc-overrides.ts).",
    'import { Trie } from "./core.js";',
    'import { makeConverter } from "./engine.js";',
    ...consts,
    `const convert = makeConverter(Trie, ${body});`,
    "export default convert;",
    "",
  ].join("\n");
}

/**
 * The dictionaries cut down to what the site's text needs: the phrases it was
 * cut into, and the characters it holds (the first step of the chain reads the
 * Simplified text; later steps read its output and are kept whole, they are small).
 */
function prunedHantDicts(d: ScriptDicts, used: Set<string>, seen: Uint8Array): ScriptDicts {
  const phraseDicts = new Set<unknown>(d.segment);
  const filter = (dict: unknown, keep: (key: string) => boolean): unknown =>
    typeof dict !== "string"
      ? dict
      : dict
          .split("|")
          .filter((line) => keep(line.slice(0, line.indexOf(" "))))
          .join("|");
  const charsSeen = (key: string): boolean => {
    for (let i = 0; i < key.length; i++) if (!seen[key.charCodeAt(i)]) return false;
    return true;
  };
  const pruned = new Map<unknown, unknown>();
  const prune = (dict: unknown): unknown => {
    if (!pruned.has(dict)) pruned.set(dict, filter(dict, phraseDicts.has(dict) ? (k) => used.has(k) : charsSeen));
    return pruned.get(dict);
  };
  return {
    // compatibility ideographs are left as they are in the browser (search excerpts are display only)
    normalize: [],
    segment: d.segment.map(prune) as ScriptDicts["segment"],
    chain: d.chain.map((g, i) => (i === 0 ? g.map(prune) : g)) as ScriptDicts["chain"],
    overrides: d.overrides,
  };
}

async function writeBrowserConverters(outDir: string, hant: ScriptDicts, used: Set<string>, seen: Uint8Array, people: [string, string][]): Promise<void> {
  const dir = join(outDir, "assets", "opencc");
  await mkdir(dir, { recursive: true });
  await copyFile(OPENCC_CORE, join(dir, "core.js"));
  const hans = hansDicts(people.map(([s, t]) => [t, s] as const));
  await writeFile(join(dir, "t2cn.js"), converterModule("Traditional (Taiwan or any standard form) → Simplified: OpenCC tw2s.", hans));
  await writeFile(
    join(dir, "cn2tw.js"),
    converterModule("Simplified → Traditional (Taiwan standard characters): OpenCC s2tw, with the phrases this site uses.", prunedHantDicts(hant, used, seen)),
  );
}
