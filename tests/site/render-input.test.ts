/**
 * The standalone render's reader of normalised Markdown (readArticleFolder): files in
 * name order, YAML front matter only, and a file that cannot be read or parsed is
 * reported and left out while the others are read.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readArticleFolder } from "../../src/site/render-input.ts";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "render-input-"));
  await writeFile(join(dir, "b-second.md"), '---\ntitle: "乙"\n---\n\n第二篇。\n');
  await writeFile(join(dir, "a-first.md"), '---\ntitle: "甲"\n---\n\n第一篇。\n');
  // front matter in JavaScript: never run
  await writeFile(join(dir, "c-script.md"), '---js\n{ title: (globalThis.__ran = "ran") }\n---\n\n正文\n');
  // a folder where a file is expected: cannot be read
  await mkdir(join(dir, "d-folder.md"));
  await writeFile(join(dir, "notes.txt"), "not Markdown");
});
after(() => rm(dir, { recursive: true, force: true }));

test("reads the Markdown files in name order; reports and leaves out what cannot be read or is not YAML; runs nothing", async () => {
  const errors: string[] = [];
  const got = await readArticleFolder(dir, (file, err) => errors.push(`${file}: ${err instanceof Error ? err.message : String(err)}`));
  assert.deepEqual(
    got.map((a) => [a.slug, a.data.title, a.body.trim()]),
    [
      ["a-first", "甲", "第一篇。"],
      ["b-second", "乙", "第二篇。"],
    ],
  );
  assert.equal(errors.length, 2, errors.join("\n"));
  assert.match(errors[0], /^c-script\.md: executable front matter is not accepted/);
  assert.match(errors[1], /^d-folder\.md: .*EISDIR/);
  assert.equal((globalThis as { __ran?: string }).__ran, undefined);
});

test("a folder that is not there gives no articles", async () => {
  assert.deepEqual(await readArticleFolder(join(dir, "missing")), []);
});
