/**
 * The originals of articles written in Traditional characters: the archive
 * keeps their text in Simplified, and offers the input as it came, decoded
 * (Big5, GB18030 … → UTF-8), at <out>/originals/<sha256>.txt. Plain text with
 * a byte-order mark, so a browser shows it as UTF-8 text and nothing in it can
 * run; an HTML input is given as the text of its blocks, not its markup.
 * The article page links to it (templates/_includes/layouts/article.njk).
 */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeBytes, htmlToBlocks } from "../ingest/index.ts";
import { sha256 } from "../pipeline/ids.ts";
import type { ArticleRecord } from "../types.ts";

export const ORIGINALS_DIR = "originals";

export interface OriginalsOptions {
  articlesDir: string;
  outDir: string;
  records: readonly Pick<ArticleRecord, "script" | "source">[];
}

/** The readable text of an input file, or null when it cannot be read as it was at build time. */
export function originalText(file: string, bytes: Uint8Array): string | null {
  const html = /\.html?$/i.test(file);
  const decoded = decodeBytes(bytes, { html });
  if ("error" in decoded) return null;
  const text = html ? htmlToBlocks(decoded.text).map((b) => b.text).join("\n\n") : decoded.text;
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Writes one file per Traditional input; returns how many. */
export async function writeOriginals(opts: OriginalsOptions): Promise<number> {
  const wanted = new Map<string, string>();
  for (const r of opts.records) if (r.script === "Hant") wanted.set(r.source.sha256, r.source.file);
  const dir = join(opts.outDir, ORIGINALS_DIR);
  // the output folder is kept between builds: an original no article names any more goes
  const keep = new Set([...wanted.keys()].map((sha) => `${sha}.txt`));
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!keep.has(name)) await rm(join(dir, name), { force: true });
  }
  if (wanted.size === 0) {
    await rm(dir, { recursive: true, force: true });
    return 0;
  }
  await mkdir(dir, { recursive: true });
  let written = 0;
  for (const [sha, file] of wanted) {
    const bytes = await readFile(join(opts.articlesDir, file)).catch(() => null);
    // the file changed or went away since it was read: offer nothing rather than another text
    if (!bytes || sha256(bytes) !== sha) {
      await rm(join(dir, `${sha}.txt`), { force: true });
      continue;
    }
    const text = originalText(file, bytes);
    if (text === null) {
      await rm(join(dir, `${sha}.txt`), { force: true });
      continue;
    }
    await writeFile(join(dir, `${sha}.txt`), `\uFEFF${text.endsWith("\n") ? text : `${text}\n`}`);
    written++;
  }
  return written;
}
