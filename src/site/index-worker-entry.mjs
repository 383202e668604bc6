// Worker threads start without the tsx loader the main thread has: register it, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./index-worker.ts");
