/**
 * A normalisation worker: files in, normalised files out, one message each.
 * Runs normaliseFile, which is pure; the main thread does all the I/O.
 */
import { parentPort } from "node:worker_threads";
import { normaliseFile } from "./normalise-file.ts";

export interface WorkerTask {
  n: number;
  file: string;
  bytes: Uint8Array;
  base: string;
}

parentPort?.on("message", (task: WorkerTask) => {
  parentPort!.postMessage({ n: task.n, result: normaliseFile(task.file, task.bytes, { base: task.base }) });
});
