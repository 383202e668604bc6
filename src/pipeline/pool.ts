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
 * Files handed to a worker before its results come back. The main thread
 * hears the worker only between its own tasks (a file it normalises, a
 * Markdown write, a worker's result to parse), which take milliseconds, and
 * longer when a write stalls: with two in flight, the worker sat idle about a
 * fifth of every second at 10k articles (its CPU profile). With eight it has
 * work through those; the normalise step at 10k took 10.5 s against 12.4 s
 * (means of 6 runs each, interleaved, EPYC machine, 2026-12-07).
 */
const IN_FLIGHT = 8;

export interface Job {
  file: string;
  bytes: Uint8Array;
}

/** A normalised file, and the same as text (see NormalisedText). */
export interface PoolResult extends NormalisedText {
  result: NormalisedFile;
}

export interface PoolOptions {
  /** threads to normalise on, the main thread included (default: one per core; 1: the main thread only) */
  threads?: number;
  /**
   * Whether the main thread goes on normalising once the workers are started
   * (default true). It has the I/O besides, so the workers are one fewer than
   * the threads; false leaves the files after the first few to the workers
   * alone (as many as the threads), which the tests use to be sure the
   * workers take part.
   */
  mainThreadShares?: boolean;
}

interface Queued {
  task: WorkerTask;
  resolve: (r: PoolResult) => void;
  reject: (e: Error) => void;
}

/**
 * Normalises files across the machine's cores, one file at a time as they are
 * handed in. The first few run in the main thread; then worker threads are
 * started, and while they load (about a second, through tsx) and after, the
 * main thread keeps taking files from the queue, one per turn of the event
 * loop, so that it still hears the workers between files. A worker is handed
 * files only once it has said it is ready. Results come back as text
 * (src/pipeline/worker.ts).
 *
 * With the main thread sharing, two cores run two normalisers (the main
 * thread and one worker) rather than three: one worker fewer to load and to
 * warm up, and no core shared by two of them.
 */
export class NormalisePool {
  private workers: { worker: Worker; busy: number; ready: boolean }[] | null = null;
  private queue: Queued[] = [];
  private waiting = new Map<number, { resolve: (r: PoolResult) => void; reject: (e: Error) => void; worker: number }>();
  private nextId = 0;
  private inMain = 0;
  private inWorkers = 0;
  private failed: Error | null = null;
  private closing = false;
  private turn: NodeJS.Immediate | null = null;
  private readonly threads: number;
  private readonly mainThreadShares: boolean;

  constructor(
    private readonly base: string,
    opts: PoolOptions = {},
  ) {
    this.threads = Math.max(1, opts.threads ?? availableParallelism());
    this.mainThreadShares = opts.mainThreadShares ?? true;
  }

  /** Files normalised in the workers so far. */
  get normalisedInWorkers(): number {
    return this.inWorkers;
  }

  run(job: Job): Promise<PoolResult> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.threads < 2 || (this.workers === null && this.inMain < MAIN_THREAD_FIRST)) {
      return Promise.resolve(this.inMainThread(job.file, job.bytes));
    }
    if (this.workers === null) {
      const count = this.mainThreadShares ? this.threads - 1 : this.threads;
      this.workers = Array.from({ length: count }, (_, k) => ({ worker: this.start(k), busy: 0, ready: false }));
    }
    return new Promise<PoolResult>((resolve, reject) => {
      this.queue.push({ task: { n: this.nextId++, file: job.file, bytes: job.bytes, base: this.base }, resolve, reject });
      this.feed();
      this.mainTurn();
    });
  }

  private start(k: number): Worker {
    const worker = tsWorker(new URL("./worker.ts", import.meta.url));
    worker.on("message", (m: (NormalisedText & { n: number }) | { ready: true }) => {
      const w = this.workers?.[k];
      if (!w) return;
      if ("ready" in m) {
        w.ready = true;
        this.feed();
        return;
      }
      const waiting = this.waiting.get(m.n);
      if (!waiting) return;
      this.waiting.delete(m.n);
      w.busy--;
      this.inWorkers++;
      waiting.resolve({ result: JSON.parse(m.json) as NormalisedFile, json: m.json, markdown: m.markdown, digests: m.digests });
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
      if (!w.ready) continue;
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

  /**
   * The main thread's share: one queued file per turn of the event loop (a
   * turn lets the workers' messages in, so they are fed between files), for
   * as long as files are queued beyond what the ready workers hold.
   */
  private mainTurn(): void {
    if (!this.mainThreadShares || this.turn !== null || this.queue.length === 0 || this.failed) return;
    this.turn = setImmediate(() => {
      this.turn = null;
      this.feed();
      const q = this.queue.shift();
      if (q) {
        try {
          q.resolve(this.inMainThread(q.task.file, q.task.bytes));
        } catch (err) {
          q.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
      this.mainTurn();
    });
  }

  private inMainThread(file: string, bytes: Uint8Array): PoolResult {
    this.inMain++;
    return normaliseText(file, bytes, this.base);
  }

  /** Stops the workers (after the last result, or on failure). */
  async close(): Promise<void> {
    this.closing = true;
    if (this.turn !== null) (clearImmediate(this.turn), (this.turn = null));
    if (this.workers) await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers = null;
  }
}
