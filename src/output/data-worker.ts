/**
 * A worker that writes the data files (src/output/data.ts) while the main
 * thread renders (src/build.ts): they need only the records, and making them
 * is a second or more of one core at 10k articles. It answers with the time
 * it finished (ms since the epoch): the main thread hears the answer only
 * once the render lets it, often seconds later.
 */
import type { ArticleRecord } from "../types.ts";
import { serveOneTask } from "../workers.ts";
import { writeDataFiles } from "./data.ts";

serveOneTask(async (task: { dir: string; records: ArticleRecord[] }): Promise<{ doneAt: number }> => {
  await writeDataFiles({ ...task, sync: true });
  return { doneAt: performance.timeOrigin + performance.now() };
});
