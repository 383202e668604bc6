/**
 * A normalisation worker: files in, normalised files out, one message each.
 * Runs normaliseText, which is pure; the main thread does all the I/O.
 */
import { parentPort } from "node:worker_threads";
import { createHash } from "node:crypto";
import { normaliseFile, type NormalisedFile } from "./normalise-file.ts";
import { articleMarkdown } from "../output/markdown.ts";

export interface WorkerTask {
  n: number;
  file: string;
  bytes: Uint8Array;
  base: string;
  /** the bytes' buffer is transferred, not copied */
  transfer: boolean;
}

/** A normalised file as text: what the main thread parses, caches and writes. */
export interface NormalisedText {
  /** the NormalisedFile as JSON (what the normalise cache stores) */
  json: string;
  /** each article's Markdown, and its digest (sha256, base64url) */
  markdown: string[];
  digests: string[];
}

/**
 * A file normalised, then written out as text: the JSON costs the two threads
 * less than copying the objects, and the Markdown is made here so that the
 * main thread, which does the I/O for every worker, has little else to do.
 */
export function normaliseText(file: string, bytes: Uint8Array, base: string): NormalisedText {
  const json = JSON.stringify(normaliseFile(file, bytes, { base }));
  // from the data as the main thread and the cache will hold it (through JSON: no -0, no undefined fields),
  // so a file's Markdown is the same whether it was normalised now or came from the cache
  const markdown = (JSON.parse(json) as NormalisedFile).articles.map(articleMarkdown);
  return { json, markdown, digests: markdown.map(markdownDigest) };
}

export function markdownDigest(markdown: string): string {
  return createHash("sha256").update(markdown).digest("base64url");
}

parentPort?.on("message", (task: WorkerTask) => {
  parentPort!.postMessage({ n: task.n, ...normaliseText(task.file, task.bytes, task.base) });
});
