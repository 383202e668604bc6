/**
 * A worker of the Traditional site: converts its share of the pages
 * (src/site/traditional.ts, convertShare) and reports what the text used.
 */
import { parentPort } from "node:worker_threads";
import { convertShare, type ShareTask } from "./traditional.ts";

parentPort?.once("message", (task: ShareTask) => {
  convertShare(task).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
