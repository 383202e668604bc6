import { tsWorker } from "../workers.ts";
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { NormalisedFile } from "./normalise-file.ts";
import { normaliseText, type NormalisedText, type WorkerTask } from "./worker.ts";

/**
 * Files normalised in the main thread before workers are started: a rebuild
 * that finds fewer changed files, or a small corpus, does not pay for starting
 * them (about a second each, loading the normaliser through tsx).
 */
const MAIN_THREAD_FIRST = 64;
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

/** A normalised file, and the same as text (see NormalisedText). */
export interface PoolResult extends NormalisedText {
  result: NormalisedFile;
}

/**
 * Normalises files across the machine's cores, one file at a time as they are
 * handed in (the main thread keeps the I/O). The first few run in the main
 * thread; after that, worker threads are started, one per core. Results come
 * back as text (src/pipeline/worker.ts).
 */
export class NormalisePool {
  private workers: { worker: Worker; busy: number }[] | null = null;
  private queue: { task: WorkerTask; resolve: (r: PoolResult) => void; reject: (e: Error) => void }[] = [];
  private waiting = new Map<number, { resolve: (r: PoolResult) => void; reject: (e: Error) => void; worker: number }>();
  private nextId = 0;
  private inMain = 0;
  private failed: Error | null = null;
  private closing = false;

  constructor(
    private readonly base: string,
    private readonly threads = availableParallelism(),
  ) {}

  run(job: Job): Promise<PoolResult> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.threads < 2 || this.inMain < MAIN_THREAD_FIRST) {
      this.inMain++;
      return Promise.resolve(normaliseText(job.file, job.bytes, this.base));
    }
    this.workers ??= Array.from({ length: this.threads }, (_, k) => ({ worker: this.start(k), busy: 0 }));
    return new Promise<PoolResult>((resolve, reject) => {
      this.queue.push({ task: { n: this.nextId++, file: job.file, bytes: job.bytes, base: this.base }, resolve, reject });
      this.feed();
    });
  }

  private start(k: number): Worker {
    const worker = tsWorker(new URL("./worker.ts", import.meta.url));
    worker.on("message", (m: NormalisedText & { n: number }) => {
      const w = this.waiting.get(m.n);
      if (!w) return;
      this.waiting.delete(m.n);
      this.workers![k].busy--;
      w.resolve({ result: JSON.parse(m.json) as NormalisedFile, json: m.json, markdown: m.markdown, digests: m.digests });
      this.feed();
    });
    const fail = (err: Error): void => {
      this.failed ??= err;
      for (const [n, w] of this.waiting) if (w.worker === k) (this.waiting.delete(n), w.reject(err));
      for (const q of this.queue.splice(0)) q.reject(err);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!this.closing) fail(new Error(`a normalisation worker stopped (exit ${code})`));
    });
    return worker;
  }

  private feed(): void {
    for (let k = 0; k < this.workers!.length && this.queue.length > 0; k++) {
      const w = this.workers![k];
      while (w.busy < IN_FLIGHT && this.queue.length > 0) {
        const q = this.queue.shift()!;
        this.waiting.set(q.task.n, { resolve: q.resolve, reject: q.reject, worker: k });
        w.busy++;
        // the file's own buffer is handed over, not copied, when it holds nothing else
        const { buffer, byteOffset, byteLength } = q.task.bytes;
        const whole = buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
        w.worker.postMessage(q.task, whole ? [buffer] : []);
      }
    }
  }

  /** Stops the workers (after the last result, or on failure). */
  async close(): Promise<void> {
    this.closing = true;
    if (this.workers) await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers = null;
  }
}
