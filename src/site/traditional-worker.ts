/**
 * A worker of the Traditional site: converts its share of the pages
 * (src/site/traditional.ts, convertShare) and reports what the text used.
 */
import { serveOneTask } from "../workers.ts";
import { convertShare } from "./traditional.ts";

serveOneTask(convertShare);
