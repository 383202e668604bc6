/**
 * A correction to the index Pagefind writes, so that a search finds every page that holds
 * its words.
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
 * The correction widens each chunk's range to whole first characters: from the first
 * character of its first word to the first character of its last word followed by the last
 * code point. A search for a character then loads every chunk holding a word that begins
 * with it; a search for a longer word may load a chunk more. The chunks themselves are not
 * changed.
 *
 * The metadata is CBOR (after Pagefind's 12-byte signature, gzipped): [version, pages,
 * index chunks [[from, to, hash]…], filter chunks, sorts, meta fields]. cbor2 reads and
 * writes it back byte for byte (checked on Pagefind 1.6.0's output).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cbor2";

const SIGNATURE = Buffer.from("pagefind_dcd");

/**
 * A file Pagefind wrote, as its browser code reads it: gunzipped unless it already begins
 * with the signature; the bytes after the signature, and whether it was gzipped.
 */
export async function readPagefindFile(path: string): Promise<{ data: Buffer; gzipped: boolean }> {
  const stored = await readFile(path);
  const gzipped = !stored.subarray(0, SIGNATURE.length).equals(SIGNATURE);
  const raw = gzipped ? gunzipSync(stored) : stored;
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path}: not a Pagefind file (no signature)`);
  return { data: raw.subarray(SIGNATURE.length), gzipped };
}
const LAST = String.fromCodePoint(0x10ffff);

/** [from, to] widened to whole first characters; an empty bound stays as it is. */
export function widenRange(from: string, to: string): [string, string] {
  const first = (s: string): string => String.fromCodePoint(s.codePointAt(0)!);
  return [from === "" ? from : first(from), to === "" ? to : `${first(to)}${LAST}`];
}

const isChunkList = (v: unknown): v is [string, string, string][] =>
  Array.isArray(v) && v.every((c) => Array.isArray(c) && c.length === 3 && c.every((s) => typeof s === "string"));

/**
 * Widen the chunk ranges of every metadata file of the index in `dir`. Returns the number of
 * files corrected; throws if a file is not in the shape described above (a Pagefind whose
 * format changed: its searches would miss pages again, so the build says so).
 */
export async function widenChunkRanges(dir: string): Promise<number> {
  let n = 0;
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".pf_meta")) continue;
    const path = join(dir, name);
    const { data, gzipped } = await readPagefindFile(path);
    const meta = decode(data) as unknown;
    if (!Array.isArray(meta) || !isChunkList(meta[2])) throw new Error(`${path}: Pagefind metadata of an unknown shape (index chunks not found); the search would miss pages`);
    for (const chunk of meta[2]) [chunk[0], chunk[1]] = widenRange(chunk[0], chunk[1]);
    const out = Buffer.concat([SIGNATURE, encode(meta)]);
    await writeFile(path, gzipped ? gzipSync(out) : out);
    n++;
  }
  return n;
}
