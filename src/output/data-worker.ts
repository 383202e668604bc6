/**
 * A worker that writes the data files (src/output/data.ts) while the main
 * thread renders the site (src/build.ts): they need only the records, and
 * making them is a second or more of one core at 10k articles.
 */
import { serveOneTask } from "../workers.ts";
import { writeDataFiles } from "./data.ts";

serveOneTask(writeDataFiles);
