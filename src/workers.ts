/**
 * Worker threads that run TypeScript modules (through tsx, as the main thread
 * does), and the one-task protocol two of them use: the main thread posts a
 * task, the worker answers with its result or { error }.
 */
import { Worker, parentPort } from "node:worker_threads";

const ENTRY = new URL("./worker-entry.mjs", import.meta.url);

/** A worker thread running `module` (a .ts file URL). */
export function tsWorker(module: URL): Worker {
  return new Worker(ENTRY, { workerData: { module: module.href } });
}

/** Runs one task in a new worker running `module` (which answers with serveOneTask); the worker is stopped after. */
export function runTask<R>(module: URL, task: unknown, what: string): Promise<R> {
  return startTask<R>(module, what).run(task);
}

/** A worker started now, to load while this thread does other work, for one task posted later. */
export interface StartedTask<R> {
  /** posts the task; the worker is stopped once it has answered */
  run(task: unknown): Promise<R>;
  /** stops the worker when no task will come (safe to call after run) */
  cancel(): Promise<void>;
}

export function startTask<R>(module: URL, what: string): StartedTask<R> {
  const worker = tsWorker(module);
  const answer = new Promise<R>((resolve, reject) => {
    worker.once("message", (m: { result: R } | { error: string }) => ("error" in m ? reject(new Error(m.error)) : resolve(m.result)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`${what} stopped (exit ${code})`)));
  });
  answer.catch(() => {}); // a worker stopped by cancel() is not a failure
  return {
    run(task) {
      worker.postMessage(task);
      return answer.finally(() => worker.terminate());
    },
    cancel: async () => {
      await worker.terminate();
    },
  };
}

/** In a worker: answer the one task posted to it with `fn`'s result, or its error as a message. */
export function serveOneTask<T, R>(fn: (task: T) => Promise<R>): void {
  parentPort?.once("message", (task: T) => {
    fn(task).then(
      (result) => parentPort!.postMessage({ result }),
      (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
