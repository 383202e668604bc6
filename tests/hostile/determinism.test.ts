/**
 * Determinism: two full builds (normalise → Eleventy → Pagefind, the
 * Traditional copy and the data files included) of the same inputs, from two
 * folders at different paths written in opposite orders, into two output
 * folders, are byte-identical: no build time in any page, no order that
 * depends on the file system or on timing, no absolute path of the machine.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "../../src/build.ts";
import { SEEDS, listTree, tempRoot } from "../build/helpers.ts";
import { FIXTURES } from "./corpus.ts";

let root: string;
let cleanup: () => Promise<void>;
const outs: string[] = [];

/** The seeds and the small hostile files, as [relative path, bytes]. */
function inputs(): [string, Buffer][] {
  const seeds = readdirSync(SEEDS).map((f): [string, Buffer] => [`seeds/${f}`, readFileSync(join(SEEDS, f))]);
  const hostile = readdirSync(FIXTURES).map((f): [string, Buffer] => [`hostile/${f}`, Buffer.from(readFileSync(join(FIXTURES, f), "utf8").replaceAll("@MARKER@", "/nonexistent/marker"))]);
  return [...seeds, ...hostile];
}

before(async () => {
  ({ root, cleanup } = await tempRoot("determinism"));
  const files = inputs();
  for (const [n, order] of [
    ["first", files],
    ["second-copy-elsewhere", [...files].reverse()],
  ] as const) {
    const articlesDir = join(root, n, "articles");
    for (const [rel, bytes] of order) {
      await mkdir(join(articlesDir, rel, ".."), { recursive: true });
      await writeFile(join(articlesDir, rel), bytes);
    }
    const outDir = join(root, n, "out");
    await build({ articlesDir, outDir, contentDir: join(root, n, "content"), quiet: true, cacheDir: null });
    outs.push(outDir);
  }
});

after(() => cleanup?.());

describe("two builds of the same inputs", () => {
  it("write the same files, byte for byte (pages, search index, data, report)", async () => {
    const [a, b] = await Promise.all(outs.map(listTree));
    assert.deepEqual(b, a, "different file lists");
    assert.ok(a.some((f) => f.startsWith("pagefind/")) && a.includes("index.html") && a.includes("build-report.json"), "not a full site");
    const differ: string[] = [];
    for (const f of a) {
      const [x, y] = await Promise.all(outs.map((o) => readFile(join(o, f))));
      if (!x.equals(y)) differ.push(f);
    }
    assert.deepEqual(differ, [], `${differ.length} of ${a.length} files differ`);
  });

  it("put no build time and no path of this machine into any file", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const stamp = today.replace(/-/g, "");
    const bad: string[] = [];
    for (const f of await listTree(outs[0])) {
      if (!/\.(html|xml|json|txt|csv|js)$/.test(f) || f.startsWith("pagefind/")) continue;
      const text = await readFile(join(outs[0], f), "utf8");
      if (text.includes(today) || text.includes(stamp)) bad.push(`${f}: today's date`);
      if (text.includes(root)) bad.push(`${f}: the build folder's path`);
    }
    assert.deepEqual(bad, []);
  });
});
