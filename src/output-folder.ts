import { mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve, sep } from "node:path";

/** Marks a folder as written by this tool, so a later build may empty it. */
export const MARKER = ".zone-archive";
const MARKER_TEXT = "written by the zone press archive build; emptied when a build starts afresh\n";

/** "prefix", "/prefix", "/prefix/" → "/prefix/"; "" or "/" → "/". Plain path segments only. */
export function normaliseBase(base: string | undefined): string {
  const parts = (base ?? "/").trim().split("/").filter(Boolean);
  for (const p of parts) {
    if (!/^[A-Za-z0-9._~-]+$/.test(p) || p === "." || p === "..") throw new Error(`--base ${base}: use plain path segments (letters, digits, . _ ~ -)`);
  }
  return parts.length ? `/${parts.join("/")}/` : "/";
}

/**
 * Empty a generated folder before writing it again, but only a folder this tool
 * made (it carries the marker), an empty one or a new one: never a folder of
 * the user's, nor one that holds or lies inside a protected path.
 */
export async function prepareGeneratedFolder(
  dir: string,
  what: string,
  protect: readonly string[] = [],
  inside: readonly string[] = [],
  { empty = true }: { empty?: boolean } = {},
): Promise<void> {
  const abs = resolve(dir);
  for (const p of protect) {
    const q = resolve(p);
    if (abs === q || q.startsWith(abs + sep)) throw new Error(`${what} ${dir} would overwrite ${p}; choose another folder`);
  }
  for (const p of inside) {
    if (abs.startsWith(resolve(p) + sep)) throw new Error(`${what} ${dir} is inside ${p}; choose a folder outside it`);
  }
  if (existsSync(abs)) {
    const entries = readdirSync(abs);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${what} ${dir} is not empty and holds files this tool did not write; choose a new or empty folder`);
    }
    if (empty) await rm(abs, { recursive: true, force: true });
  }
  await mkdir(abs, { recursive: true });
  await writeFile(join(abs, MARKER), MARKER_TEXT);
}
