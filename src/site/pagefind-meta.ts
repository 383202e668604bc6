/**
 * A correction to the index Pagefind writes, so that a search finds every page that holds
 * its words and loads no more of the index than those words need.
 *
 * Pagefind splits its word list into chunks (about 20,000 word locations each) and its
 * metadata file (pagefind.<lang>_<hash>.pf_meta) names each chunk's first and last word.
 * To search a term the browser loads the chunks whose range holds the term itself (Pagefind
 * 1.6, pagefind_web request_indexes: `from <= term <= to`), then matches every loaded word
 * that begins with the term. A Chinese query is cut into single characters (Chromium's
 * Intl.Segmenter does that to 招商引资), and the words that begin with a character often run
 * over two chunks or more: for 资, one chunk ending at 资 and the next starting at 资一. Only
 * the first was loaded, so the pages whose words beginning with 资 were all in the next chunk
 * were missed. Measured on a generated archive of 160 articles: 资 found 61 of the 74 pages
 * of a shard that have such a word, 招商引资 57 of 62; and as the boundaries fall where the
 * whole index puts them, one changed article changed the results of untouched ones.
 *
 * And a chunk holds the words of many first characters: at 10k articles, the four chunks
 * 招商引资 loaded from the newest shard (130 KB gzipped) held 31 KB of words beginning with
 * those characters.
 *
 * So the chunks are cut again (rechunkIndex): the words that begin with one character are
 * never split, and consecutive characters' words are packed into one chunk only up to
 * CHUNK_BYTES (a character with more words is a chunk alone). Each chunk's range runs from
 * its first character to its last character followed by the last code point, so a search
 * for a character, or for a word beginning with it, loads the one chunk holding every word
 * that begins with it. The word entries are copied byte for byte; only their grouping, the
 * chunk files' names (a hash of their bytes, as Pagefind names them) and the metadata's
 * chunk list change.
 *
 * Formats (Pagefind 1.6.0; every file is Pagefind's 12-byte signature then CBOR, gzipped):
 * the metadata is [version, pages, index chunks [[from, to, hash]…], filter chunks, sorts,
 * meta fields], read and written back with cbor2 (byte for byte, checked); an index chunk is
 * [[word entry…]], each word entry an array that begins with the word. Index chunks are
 * cut with the small CBOR scanner below, not decoded: cbor2 took 12 s to decode the 37.5 MB
 * of one 4,637-page shard's chunks, where only the entries' extents and words are needed.
 * A file of another shape stops the build with a message (a Pagefind whose format changed).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cbor2";
import { isPlainObject } from "../state-file.ts";

const SIGNATURE = Buffer.from("pagefind_dcd");

/** Words of consecutive first characters are packed into one chunk up to this many bytes (raw CBOR). */
export const CHUNK_BYTES = 16_000;

/**
 * A file Pagefind wrote, as its browser code reads it: gunzipped unless it already begins
 * with the signature; the bytes after the signature, and whether it was gzipped.
 */
export async function readPagefindFile(path: string): Promise<{ data: Buffer; gzipped: boolean }> {
  return parsePagefindFile(path, await readFile(path));
}

function parsePagefindFile(path: string, stored: Buffer): { data: Buffer; gzipped: boolean } {
  const gzipped = !stored.subarray(0, SIGNATURE.length).equals(SIGNATURE);
  const raw = gzipped ? gunzipSync(stored) : stored;
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path}: not a Pagefind file (no signature)`);
  return { data: raw.subarray(SIGNATURE.length), gzipped };
}

const LAST = String.fromCodePoint(0x10ffff);

/** One word entry of an index chunk: its word and its bytes (the whole CBOR item). */
export interface WordEntry {
  word: string;
  bytes: Uint8Array;
}

/** The argument of the CBOR head at `at`: its value, and where the item's content starts. */
function head(buf: Uint8Array, at: number): { major: number; arg: number; next: number } {
  if (at >= buf.length) throw new RangeError("CBOR ends early");
  const major = buf[at] >> 5;
  const info = buf[at] & 31;
  if (info < 24) return { major, arg: info, next: at + 1 };
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) throw new RangeError(`CBOR of indefinite length or reserved (byte ${buf[at]})`);
  if (at + 1 + size > buf.length) throw new RangeError("CBOR ends early");
  let arg = 0;
  for (let i = 1; i <= size; i++) arg = arg * 256 + buf[at + i];
  return { major, arg, next: at + 1 + size };
}

/** Where the CBOR item starting at `at` ends (definite lengths only, as Pagefind writes them). */
function itemEnd(buf: Uint8Array, at: number): number {
  let items = 1; // items still to skip
  while (items > 0) {
    const { major, arg, next } = head(buf, at);
    items--;
    if (major === 2 || major === 3) at = next + arg; // byte or text string
    else if (major === 4) (at = next), (items += arg); // array
    else if (major === 5) (at = next), (items += 2 * arg); // map
    else if (major === 6) (at = next), items++; // tag, then its item
    else at = next; // integers, simple values and floats: the head is the item
    if (at > buf.length) throw new RangeError("CBOR ends early");
  }
  return at;
}

/** The head of an array of `n` items. */
function arrayHead(n: number): Buffer {
  if (n < 24) return Buffer.from([0x80 | n]);
  if (n < 0x100) return Buffer.from([0x98, n]);
  if (n < 0x10000) return Buffer.from([0x99, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = 0x9a;
  b.writeUInt32BE(n, 1);
  return b;
}

/** The word entries of an index chunk's CBOR ([[entry…]]); throws on any other shape. */
export function chunkEntries(data: Uint8Array): WordEntry[] {
  const top = head(data, 0);
  if (top.major !== 4 || top.arg !== 1) throw new RangeError("an index chunk is not [[word entries]]");
  const list = head(data, top.next);
  if (list.major !== 4) throw new RangeError("an index chunk's words are not an array");
  const entries: WordEntry[] = [];
  let at = list.next;
  for (let i = 0; i < list.arg; i++) {
    const entry = head(data, at);
    const word = head(data, entry.next);
    if (entry.major !== 4 || entry.arg < 1 || word.major !== 3) throw new RangeError("a word entry does not begin with its word");
    const end = itemEnd(data, at);
    entries.push({ word: Buffer.from(data.buffer, data.byteOffset + word.next, word.arg).toString("utf8"), bytes: data.subarray(at, end) });
    at = end;
  }
  if (at !== data.length) throw new RangeError("an index chunk has bytes after its words");
  return entries;
}

/** An index chunk's CBOR holding these entries. */
export function chunkBytes(entries: readonly WordEntry[]): Buffer {
  return Buffer.concat([arrayHead(1), arrayHead(entries.length), ...entries.map((e) => e.bytes)]);
}

/** A word's first character; "" for the empty word (Pagefind indexes one for some pages; no query is ever empty). */
const firstChar = (word: string): string => (word === "" ? "" : String.fromCodePoint(word.codePointAt(0)!));
/** The end of the range of a first character's words; the empty word's range is itself alone (a range to U+10FFFF would catch every query). */
const rangeEnd = (ch: string): string => (ch === "" ? "" : `${ch}${LAST}`);

/**
 * Entries in Pagefind's order (UTF-8 byte order, as its search compares) grouped into
 * chunks: a first character's words are never split, and characters are packed together
 * while the chunk stays within maxBytes. Returns each chunk's entries and range.
 */
export function packChunks(entries: readonly WordEntry[], maxBytes = CHUNK_BYTES): { from: string; to: string; entries: WordEntry[] }[] {
  const chunks: { from: string; to: string; entries: WordEntry[]; bytes: number }[] = [];
  let group: WordEntry[] = [];
  let groupBytes = 0;
  const close = (): void => {
    if (group.length === 0) return;
    const ch = firstChar(group[0].word);
    const last = chunks.at(-1);
    if (last && last.bytes + groupBytes <= maxBytes) {
      last.entries.push(...group);
      last.bytes += groupBytes;
      last.to = rangeEnd(ch);
    } else chunks.push({ from: ch, to: rangeEnd(ch), entries: group, bytes: groupBytes });
    group = [];
    groupBytes = 0;
  };
  for (const e of entries) {
    if (group.length > 0 && firstChar(group[0].word) !== firstChar(e.word)) close();
    group.push(e);
    groupBytes += e.bytes.length;
  }
  close();
  return chunks.map(({ from, to, entries: es }) => ({ from, to, entries: es }));
}

const isChunkList = (v: unknown): v is [string, string, string][] =>
  Array.isArray(v) && v.every((c) => Array.isArray(c) && c.length === 3 && c.every((s) => typeof s === "string"));

/**
 * Cut again the index chunks of every metadata file of the index in `dir` (see above).
 * Returns the number of metadata files corrected; throws if a file is not in the shape
 * described above (a Pagefind whose format changed: its searches would miss pages again,
 * so the build says so).
 */
export async function rechunkIndex(dir: string, maxBytes = CHUNK_BYTES): Promise<number> {
  let n = 0;
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".pf_meta")) continue;
    const path = join(dir, name);
    const { data, gzipped } = await readPagefindFile(path);
    const meta = decode(data) as unknown;
    if (!Array.isArray(meta) || !isChunkList(meta[2])) throw new Error(`${path}: Pagefind metadata of an unknown shape (index chunks not found); the search would miss pages`);
    const entries: WordEntry[] = [];
    const old: string[] = [];
    for (const [, , hash] of meta[2]) {
      const file = join(dir, "index", `${hash}.pf_index`);
      const stored = await readFile(file); // a missing chunk: Node's own message names the file
      try {
        entries.push(...chunkEntries(parsePagefindFile(file, stored).data));
      } catch (e) {
        throw new Error(`${file}: a Pagefind index chunk of an unknown shape (${(e as Error).message}); the search would miss pages`);
      }
      old.push(file);
    }
    for (let i = 1; i < entries.length; i++) {
      if (Buffer.compare(Buffer.from(entries[i - 1].word), Buffer.from(entries[i].word)) >= 0) {
        throw new Error(`${path}: Pagefind's index chunks are not in word order (${entries[i - 1].word}, ${entries[i].word}); the search would miss pages`);
      }
    }
    const lang = meta[2][0]?.[2].replace(/_[^_]*$/u, "") ?? "";
    const files = new Map<string, Buffer>();
    const list: [string, string, string][] = [];
    for (const chunk of packChunks(entries, maxBytes)) {
      const bytes = Buffer.concat([SIGNATURE, chunkBytes(chunk.entries)]);
      const digest = createHash("sha256").update(bytes).digest("hex");
      let len = 7;
      while (files.has(`${lang}_${digest.slice(0, len)}`)) len++;
      const hash = `${lang}_${digest.slice(0, len)}`;
      files.set(hash, gzipped ? gzipSync(bytes) : bytes);
      list.push([chunk.from, chunk.to, hash]);
    }
    await Promise.all(old.map((f) => rm(f, { force: true })));
    await Promise.all([...files].map(([hash, bytes]) => writeFile(join(dir, "index", `${hash}.pf_index`), bytes)));
    meta[2] = list;
    const out = Buffer.concat([SIGNATURE, encode(meta)]);
    await renameMeta(dir, name, gzipped ? gzipSync(out) : out);
    n++;
  }
  return n;
}

/**
 * Write a metadata file's new content under a new name, as Pagefind names it (a hash of
 * its content), and point the entry file at it. Pagefind fetches the metadata without
 * asking whether it changed (only pagefind-entry.json is fetched fresh), so new content
 * under the old name could reach a reader whose browser or CDN holds the old file, whose
 * chunks are gone.
 */
async function renameMeta(dir: string, name: string, bytes: Buffer): Promise<void> {
  const oldHash = /^pagefind\.(.+)\.pf_meta$/u.exec(name)?.[1];
  const entryPath = join(dir, "pagefind-entry.json");
  const entry = JSON.parse(await readFile(entryPath, "utf8")) as unknown;
  const languages = isPlainObject(entry) && isPlainObject(entry.languages) ? entry.languages : null;
  const language = languages && Object.values(languages).find((l) => isPlainObject(l) && l.hash === oldHash);
  if (!oldHash || !isPlainObject(language)) throw new Error(`${entryPath}: no language whose metadata is ${name}; the search could not load it`);
  const lang = oldHash.replace(/_[^_]*$/u, "");
  const hash = `${lang}_${createHash("sha256").update(bytes).digest("hex").slice(0, oldHash.length - lang.length - 1)}`;
  await writeFile(join(dir, `pagefind.${hash}.pf_meta`), bytes);
  language.hash = hash;
  await writeFile(entryPath, JSON.stringify(entry));
  if (hash !== oldHash) await rm(join(dir, name), { force: true });
}
