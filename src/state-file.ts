/**
 * The state files a build leaves beside the content, each telling the next
 * build what it may keep: content-state.json (src/pipeline/normalise-all.ts),
 * render-state.json (src/site/render.ts), hant-state.json
 * (src/site/traditional.ts) and search-state.json (src/site/search-shards.ts).
 *
 * One rule for all of them: a state is taken (read, then removed) before the
 * work it describes, and put back only once that work has finished. So a run
 * that is interrupted or fails leaves none, and the next run redoes
 * everything. A state that is missing, unreadable or not of the expected
 * shape counts as none.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { statSync } from "node:fs";

/** The digest of each article's Markdown as last written, by file name: in the content folder, beside articles/. */
export const CONTENT_STATE = "content-state.json";

/** The state at `path` if it is there and `valid` accepts it; otherwise null. */
export async function readState<T>(path: string, valid: (s: Partial<T>) => boolean): Promise<T | null> {
  try {
    const s = JSON.parse(await readFile(path, "utf8")) as unknown;
    return typeof s === "object" && s !== null && !Array.isArray(s) && valid(s as Partial<T>) ? (s as T) : null;
  } catch {
    return null;
  }
}

/** readState, and the file is removed: none is on disk while the work it describes is being done. */
export async function takeState<T>(path: string, valid: (s: Partial<T>) => boolean): Promise<T | null> {
  const s = await readState(path, valid);
  await rm(path, { force: true });
  return s;
}

/** Writes the state once the work it describes has finished. */
export async function putState(path: string, state: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(state));
}

/** A JSON object (not null, not an array), as a state and each of its records is. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A record of strings, as the content and search states hold. */
export function isStringRecord(r: unknown): r is Record<string, string> {
  return isPlainObject(r) && Object.values(r).every((v) => typeof v === "string");
}

/**
 * A file's stamp: size, modification and change times to the nanosecond, and inode. A later
 * build that finds the same stamp takes the file as unchanged without reading it: any write
 * changes the change time, which no tool can set back. Null when the path is not a file or
 * cannot be stat'ed, and when the file changed less than `racyMs` before now: a second write
 * within the file system's timestamp step (milliseconds here, 2 s on FAT) would keep the same
 * stamp, so such a file is read again next time (git's "racily clean" rule).
 */
export function fileStamp(path: string, racyMs = 2000, now = Date.now()): string | null {
  try {
    const st = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (!st?.isFile()) return null;
    if (racyMs > 0 && (Number(st.mtimeMs) > now - racyMs || Number(st.ctimeMs) > now - racyMs)) return null;
    return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
  } catch {
    return null;
  }
}
