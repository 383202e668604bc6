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
export function normaliseText(file: string, bytes: Uint8Array, base: string): NormalisedText & { result: NormalisedFile } {
  const json = JSON.stringify(normaliseFile(file, bytes, { base }));
  // the data as the main thread and the cache hold it (through JSON: no -0, no undefined fields), so a
  // file's Markdown is the same whether it was normalised now or came from the cache
  const result = JSON.parse(json) as NormalisedFile;
  const markdown = result.articles.map(articleMarkdown);
  return { result, json, markdown, digests: markdown.map(markdownDigest) };
}

export function markdownDigest(markdown: string): string {
  return createHash("sha256").update(markdown).digest("base64url");
}

parentPort?.on("message", (task: WorkerTask) => {
  const { json, markdown, digests } = normaliseText(task.file, task.bytes, task.base);
  parentPort!.postMessage({ n: task.n, json, markdown, digests });
});
// loaded: the pool hands this worker files from now on (until then the main thread normalises them)
parentPort?.postMessage({ ready: true });
