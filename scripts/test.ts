/**
 * The test command: every tests/**\/*.test.ts file through Node's own test
 * runner (node:test), TypeScript loaded by tsx. Arguments narrow the run to
 * files or folders: `npm test -- tests/normalize`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

function collect(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isFile()) {
    if (path.endsWith(".test.ts")) out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    collect(join(path, name), out);
  }
}

const roots = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
const files: string[] = [];
for (const root of roots.length ? roots : ["tests"]) collect(resolve(root), files);
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...flags, ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
