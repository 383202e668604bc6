import { tsWorker } from "../workers.ts";
import { availableParallelism } from "node:os";
import type { NormalisedFile } from "./normalise-file.ts";
import { normaliseFile } from "./normalise-file.ts";
import type { WorkerTask } from "./worker.ts";

/** Fewer files than this are normalised in the main thread: starting workers costs more. */
const MIN_FILES_FOR_WORKERS = 64;
/**
 * Files handed to a worker before its results come back: with one, a worker
 * waits for the main thread between files (a sixth of its time when the cores
 * are busy); with two, the next file is already there when it finishes one.
 */
const IN_FLIGHT = 2;

export interface Job {
  file: string;
  bytes: Uint8Array;
}

/**
 * Normalise files across the machine's cores (worker threads; the main thread
 * keeps the I/O). Results come back in input order. `onDone` is called once
 * per file, for progress.
 */
export async function normaliseInParallel(jobs: readonly Job[], base: string, onDone: () => void, threads = availableParallelism()): Promise<NormalisedFile[]> {
  const out = new Array<NormalisedFile>(jobs.length);
  if (jobs.length < MIN_FILES_FOR_WORKERS || threads < 2) {
    jobs.forEach((j, n) => {
      out[n] = normaliseFile(j.file, j.bytes, { base });
      onDone();
    });
    return out;
  }
  // the worker is TypeScript too: load it through tsx, as the main thread is
  const workers = Array.from({ length: threads }, () => tsWorker(new URL("./worker.ts", import.meta.url)));
  try {
    let next = 0;
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let pending = 0;
            const feed = (): void => {
              if (next >= jobs.length) {
                if (pending === 0) resolve();
                return;
              }
              const n = next++;
              const task: WorkerTask = { n, file: jobs[n].file, bytes: jobs[n].bytes, base };
              pending++;
              w.postMessage(task);
            };
            w.on("message", (m: { n: number; result: NormalisedFile }) => {
              out[m.n] = m.result;
              pending--;
              onDone();
              feed();
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (next < jobs.length || pending > 0 || code !== 0) reject(new Error(`a normalisation worker stopped (exit ${code})`));
            });
            for (let k = 0; k < IN_FLIGHT; k++) feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
