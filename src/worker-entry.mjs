// Worker threads start without the tsx loader the main thread has: register it, then load the
// TypeScript module the worker was made for (src/workers.ts, tsWorker).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
