/**
 * A worker that builds one shard of the search index (src/site/search-shards.ts,
 * indexOne) with its own Pagefind process, so that two shards are indexed at once.
 */
import { parentPort } from "node:worker_threads";
import { indexOne, type ShardPlan } from "./search-shards.ts";

export interface IndexTask {
  site: string;
  shard: ShardPlan;
  outputPath: string;
}

parentPort?.once("message", (task: IndexTask) => {
  indexOne(task.site, task.shard, task.outputPath).then(
    () => parentPort!.postMessage({ ok: true }),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
