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
  const worker = tsWorker(module);
  return new Promise<R>((resolve, reject) => {
    worker.once("message", (m: { result: R } | { error: string }) => ("error" in m ? reject(new Error(m.error)) : resolve(m.result)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`${what} stopped (exit ${code})`)));
    worker.postMessage(task);
  }).finally(() => worker.terminate());
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
