/**
 * The state files' one rule (src/state-file.ts): taking a state removes it,
 * and a state that is missing, unreadable or of the wrong shape counts as none.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileStamp, isStringRecord, putState, readState, takeState } from "../../src/state-file.ts";
import { tempRoot } from "./helpers.ts";

let root: string;
let cleanup: () => Promise<void>;
before(async () => {
  ({ root, cleanup } = await tempRoot("state"));
});
after(() => cleanup());

test("state files: a good state is read back; taking it removes the file", async () => {
  const path = join(root, "good-state.json");
  await putState(path, { "a.md": "digest-a" });
  assert.deepEqual(await readState(path, isStringRecord), { "a.md": "digest-a" });
  assert.ok(existsSync(path), "reading is not taking");
  assert.deepEqual(await takeState(path, isStringRecord), { "a.md": "digest-a" });
  assert.ok(!existsSync(path), "a taken state stays on disk");
  assert.equal(await takeState(path, isStringRecord), null);
});

test("state files: unreadable or wrongly shaped states count as none, and are removed when taken", async () => {
  const path = join(root, "bad-state.json");
  for (const text of ["", "{", "null", "[]", "3", '"s"', '{"a.md": 1}', '{"a.md": null}']) {
    await writeFile(path, text);
    assert.equal(await readState(path, isStringRecord), null, text);
    assert.equal(await takeState(path, isStringRecord), null, text);
    assert.ok(!existsSync(path), text);
  }
  // the check given is applied to an object
  await writeFile(path, '{"outputs": {"pagefind": 7}}');
  assert.equal(await readState<{ outputs: Record<string, string> }>(path, (s) => isStringRecord(s.outputs)), null);
  await writeFile(path, '{"outputs": {"pagefind": "k"}}');
  assert.deepEqual(await readState<{ outputs: Record<string, string> }>(path, (s) => isStringRecord(s.outputs)), { outputs: { pagefind: "k" } });
  assert.equal(await readFile(path, "utf8"), '{"outputs": {"pagefind": "k"}}');
});

test("file stamps: a file changed just now has none (it is read again next time); a folder or a missing path has none", async () => {
  const path = join(root, "stamped.txt");
  await writeFile(path, "甲");
  assert.equal(fileStamp(path), null, "a file written just now was trusted");
  const later = fileStamp(path, 2000, Date.now() + 3000);
  assert.match(later ?? "", /^3:\d+:\d+:\d+$/);
  assert.equal(fileStamp(path, 0), later);
  // a rewrite changes the change time, even with the modification time put back
  const mtime = (await stat(path)).mtime;
  await new Promise((r) => setTimeout(r, 20));
  await writeFile(path, "乙");
  await utimes(path, mtime, mtime);
  assert.notEqual(fileStamp(path, 0), later);
  assert.equal(fileStamp(root, 0), null);
  assert.equal(fileStamp(join(root, "missing"), 0), null);
});
