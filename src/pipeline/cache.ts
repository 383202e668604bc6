import { createHash } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileStamp } from "../state-file.ts";
import { fileURLToPath } from "node:url";
import type { NormalisedFile } from "./normalise-file.ts";

/**
 * Normalised files cached by content: the key is the input's bytes (sha256),
 * its path, the base path and the normaliser's own version (a hash of its
 * source and data files), so a rebuild redoes only what changed, and a change
 * to the normaliser redoes everything. Reads and writes are synchronous: the
 * files are small, and the thread pool's async calls cost several times the
 * CPU (8.6 s of system time against 1.9 s for a 10,000-file build).
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), "..");
// output/markdown.ts: an entry keeps the digests of its articles' Markdown
const PARTS = ["ingest", "normalize", "extract", "gazetteer", "data", "pipeline", "output/markdown.ts", "types.ts"];

let version: string | null = null;
export function normaliserVersion(): string {
  if (version) return version;
  const h = createHash("sha256");
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (p.endsWith(".ts") || p.endsWith(".json")) {
      h.update(p.slice(SRC.length));
      h.update(readFileSync(p));
    }
  };
  for (const part of PARTS) walk(join(SRC, part));
  for (const dep of ["opencc-js", "pinyin-pro", "jschardet", "cheerio", "yaml", "gray-matter"]) {
    try {
      h.update(readFileSync(join(SRC, "..", "node_modules", dep, "package.json")));
    } catch {
      h.update(dep);
    }
  }
  version = h.digest("hex").slice(0, 16);
  return version;
}

/** A cached file: what normalising it gave, and the digest of each of its articles' Markdown. */
export interface CacheEntry {
  file: NormalisedFile;
  digests: string[];
}

/** What an input file was when it was last read: its stat, and the sha256 of its bytes. */
interface InputSeen {
  stat: string;
  sha256: string;
}

export class NormaliseCache {
  /** racyMs: how recent a change must be for an input to be read again next time (fileStamp) */
  constructor(
    private readonly dir: string,
    private readonly racyMs = 2000,
  ) {}

  key(file: string, sha256: string, base: string): string {
    return createHash("sha256").update(`${normaliserVersion()}\0${file}\0${sha256}\0${base}`).digest("hex");
  }

  private path(key: string): string {
    return join(this.dir, normaliserVersion(), key.slice(0, 2), `${key}.json`);
  }

  get(key: string): CacheEntry | null {
    try {
      const e = JSON.parse(readFileSync(this.path(key), "utf8")) as Partial<CacheEntry>;
      return e && typeof e.file === "object" && e.file !== null && Array.isArray(e.digests) && e.digests.length === e.file.articles.length ? (e as CacheEntry) : null;
    } catch {
      return null;
    }
  }

  private made = new Set<string>();

  /** a normalised file (as JSON) and its articles' Markdown digests */
  put(key: string, json: string, digests: readonly string[]): void {
    const p = this.path(key);
    const dir = dirname(p);
    if (!this.made.has(dir)) (mkdirSync(dir, { recursive: true }), this.made.add(dir));
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, `{"digests":${JSON.stringify(digests)},"file":${json}}`);
    renameSync(tmp, p); // never a half-written entry
  }

  // ── the inputs as last read: an input whose stat is unchanged is not read again to find its sha256 ──

  private seen: Map<string, InputSeen> | null = null;
  private seenNow = new Map<string, InputSeen>();

  private seenPath(): string {
    return join(this.dir, normaliserVersion(), "inputs.json");
  }

  /** An input's stamp (src/state-file.ts), or null when it is not to be trusted to show a change. */
  stamp(path: string): string | null {
    return fileStamp(path, this.racyMs);
  }

  /** The sha256 of an input last read with this stat, if any. */
  knownSha256(file: string, stat: string | null): string | null {
    if (stat === null) return null;
    this.seen ??= this.readSeen();
    const s = this.seen.get(file);
    return s && s.stat === stat ? s.sha256 : null;
  }

  /** Remembers an input as read this time (kept by saveInputs). */
  noteInput(file: string, stat: string | null, sha256: string): void {
    if (stat !== null) this.seenNow.set(file, { stat, sha256 });
  }

  /**
   * Keeps the inputs noted this time for the next build, with those of other folders that
   * share this cache (an input of `articlesDir` not noted this time is gone).
   */
  saveInputs(articlesDir: string): void {
    const p = this.seenPath();
    mkdirSync(dirname(p), { recursive: true });
    this.seen ??= this.readSeen();
    const inFolder = `${resolve(articlesDir)}${sep}`;
    const kept = new Map([...this.seen].filter(([file]) => !file.startsWith(inFolder)));
    for (const [file, s] of this.seenNow) kept.set(file, s);
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(kept)));
    renameSync(tmp, p);
    this.seen = kept;
    this.seenNow = new Map();
  }

  private readSeen(): Map<string, InputSeen> {
    try {
      const raw = JSON.parse(readFileSync(this.seenPath(), "utf8")) as Record<string, Partial<InputSeen>>;
      const out = new Map<string, InputSeen>();
      for (const [file, s] of Object.entries(raw)) if (typeof s?.stat === "string" && typeof s.sha256 === "string") out.set(file, { stat: s.stat, sha256: s.sha256 });
      return out;
    } catch {
      return new Map();
    }
  }

  /** entries made by older versions of the normaliser can never be hit again: remove them */
  async dropStaleVersions(): Promise<void> {
    const versions = await readdir(this.dir).catch(() => [] as string[]);
    for (const v of versions) if (v !== normaliserVersion()) await rm(join(this.dir, v), { recursive: true, force: true });
  }
}
