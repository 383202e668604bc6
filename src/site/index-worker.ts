/**
 * A worker that builds one shard of the search index (src/site/search-shards.ts,
 * indexOne) with its own Pagefind process, so that two shards are indexed at once.
 */
import { serveOneTask } from "../workers.ts";
import { indexOne, type ShardPlan } from "./search-shards.ts";

export interface IndexTask {
  site: string;
  shard: ShardPlan;
  outputPath: string;
}

serveOneTask((task: IndexTask) => indexOne(task.site, task.shard, task.outputPath));
