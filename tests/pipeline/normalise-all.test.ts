/**
 * The normalise stage as one stream (src/pipeline/normalise-all.ts): files
 * normalised in worker threads give what the main thread alone gives, in
 * input order, with the same unique ids and the same Markdown; a file that
 * cannot be read is an error entry, not a stopped build; a second run writes
 * only what changed and removes what is gone.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { listFiles, normaliseAll, type NormaliseAllResult } from "../../src/pipeline/normalise-all.ts";
import { NormaliseCache } from "../../src/pipeline/cache.ts";
import { tempRoot } from "../build/helpers.ts";

const SEED = join(import.meta.dirname, "../../articles/000_105bf47f04f9aea1.txt");

async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(join(dir, name), "utf8"));
  return out;
}

describe("the normalise stage", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let corpus: string;
  let paths: string[];
  const run = async (label: string, threads: number, cache: NormaliseCache | null = null, files = paths, mainThreadShares?: boolean): Promise<{ result: NormaliseAllResult; md: string }> => {
    const md = join(root, label, "articles");
    await mkdir(md, { recursive: true });
    const result = await normaliseAll({ articlesDir: corpus, paths: files, markdownDir: md, base: "/", cache, threads, mainThreadShares });
    return { result, md };
  };

  before(async () => {
    ({ root, cleanup } = await tempRoot("normalise-all"));
    corpus = join(root, "corpus");
    generateCorpus(80, corpus);
    // two files that ask for the same id, late enough in the order to be normalised by the workers
    const seed = await readFile(SEED);
    for (const name of ["zz-a.txt", "zz-b.txt"]) await writeFile(join(corpus, name), Buffer.concat([Buffer.from("---\nid: same-id\n---\n"), seed]));
    paths = await listFiles(corpus);
    assert.ok(paths.length >= 82);
  });
  after(() => cleanup());

  test("workers give what the main thread gives: the same files, ids, reports and Markdown", async () => {
    const one = await run("one", 1);
    // after the first files, the worker alone: it must take part
    const two = await run("two", 2, null, paths, false);
    assert.equal(one.result.normalised, paths.length);
    assert.equal(one.result.inWorkers, 0);
    assert.ok(two.result.inWorkers >= paths.length - 64, `${two.result.inWorkers} files normalised in the worker`);
    assert.equal(JSON.stringify(two.result.files), JSON.stringify(one.result.files));
    assert.deepEqual(await tree(two.md), await tree(one.md));
    assert.equal(two.result.files.length, paths.length);
    two.result.files.forEach((f, n) => assert.equal(join(corpus, f.report.file), paths[n], "a result out of input order"));
    // the main thread and the worker sharing the files (how a build runs): the same again
    const shared = await run("shared", 2);
    assert.equal(JSON.stringify(shared.result.files), JSON.stringify(one.result.files));
    assert.deepEqual(await tree(shared.md), await tree(one.md));
  });

  test("an id another file already has gets a suffix, in its record, its Markdown and its report", async () => {
    const { result, md } = await run("ids", 2);
    const [a, b] = ["zz-a.txt", "zz-b.txt"].map((f) => result.files.find((x) => x.report.file === f)!);
    assert.deepEqual(a.report.articles, ["same-id"]);
    assert.deepEqual(b.report.articles, ["same-id-2"]);
    assert.match(b.report.messages.join("\n"), /'same-id' is already used by another input; this article gets 'same-id-2'/);
    assert.equal(b.articles[0].record.url, "/articles/same-id-2/");
    const text = await readFile(join(md, "same-id-2.md"), "utf8");
    assert.match(text, /^id: "same-id-2"$/m);
    assert.match(text, /^url: "\/articles\/same-id-2\/"$/m);
    assert.match(await readFile(join(md, "same-id.md"), "utf8"), /^id: "same-id"$/m);
  });

  test("a file that cannot be read is an error entry; the others are normalised", async () => {
    const gone = join(corpus, "gone.txt");
    const { result } = await run("gone", 2, null, [...paths, gone]);
    const entry = result.files.at(-1)!;
    assert.equal(entry.report.file, "gone.txt");
    assert.equal(entry.report.status, "error");
    assert.match(entry.report.messages.join(" "), /could not be read \(ENOENT\); skipped/);
    assert.equal(result.files.filter((f) => f.articles.length > 0).length, paths.length);
  });

  test("a Markdown file that cannot be written stops the stage, and leaves no state that would call it current", async () => {
    const { result, md } = await run("unwritable", 1);
    const victim = `${result.files[70].report.articles[0]}.md`;
    await rm(join(md, victim));
    await mkdir(join(md, victim)); // a folder where the file goes: the write fails
    await assert.rejects(run("unwritable", 2), /EISDIR/);
    await assert.rejects(readFile(join(md, "..", "content-state.json")), /ENOENT/);
    // once the folder is gone, the next run writes the file; with no state left, it writes every file again
    await rm(join(md, victim), { recursive: true });
    const again = await run("unwritable", 2);
    assert.equal(again.result.written, again.result.files.reduce((n, f) => n + f.articles.length, 0));
    assert.match(await readFile(join(md, victim), "utf8"), /^---\nid: "/);
  });

  test("a second run normalises and writes only what changed, and removes the Markdown of what is gone", async () => {
    const cache = new NormaliseCache(join(root, "cache"));
    const first = await run("again", 2, cache);
    assert.equal(first.result.normalised, paths.length);
    const same = await run("again", 2, cache);
    assert.equal(same.result.normalised, 0);
    assert.equal(same.result.written, 0);
    assert.equal(JSON.stringify(same.result.files), JSON.stringify(first.result.files));

    // one file changed (a new date), one removed
    const changed = paths[40];
    const removed = paths[41];
    const removedIds = first.result.files[41].report.articles;
    const changedIds = first.result.files[40].report.articles;
    await writeFile(changed, Buffer.concat([Buffer.from("---\ndate: 2001-02-03\n---\n"), await readFile(changed)]));
    const kept = paths.filter((p) => p !== removed);
    const next = await run("again", 2, cache, kept);
    assert.equal(next.result.normalised, 1);
    assert.equal(next.result.written, changedIds.length);
    const files = await readdir(next.md);
    for (const id of removedIds) assert.ok(!files.includes(`${id}.md`), `${id}.md was left behind`);
    for (const id of next.result.files[40].report.articles) assert.match(await readFile(join(next.md, `${id}.md`), "utf8"), /^date: "2001-02-03"$/m);
    await rm(join(root, "cache"), { recursive: true, force: true });
  });

  test("an unchanged input is not read again, but an edit is seen even at the same size and modification time", async () => {
    // a new cache object per run (what each build makes), reading inputs.json back from disk; no
    // window for recent changes (fileStamp), since every file here was written moments ago
    const cacheDir = join(root, "cache-stat");
    const cache = (): NormaliseCache => new NormaliseCache(cacheDir, 0);
    // same size, same mtime: one character swapped for another of the same byte length, mtime put back
    // (a whole second, which utimes sets exactly)
    const victim = paths[30];
    await utimes(victim, 1_700_000_000, 1_700_000_000);
    const first = await run("stat", 2, cache());
    assert.equal(first.result.normalised, paths.length);
    const before = await stat(victim);
    const text = await readFile(victim, "utf8");
    const at = text.indexOf("开发区");
    assert.ok(at > 0, "the generated article names a zone");
    await writeFile(victim, `${text.slice(0, at)}高新区${text.slice(at + 3)}`);
    await utimes(victim, 1_700_000_000, 1_700_000_000);
    const after = await stat(victim);
    assert.equal(after.size, before.size);
    assert.equal(after.mtimeMs, before.mtimeMs);
    const next = await run("stat", 2, cache());
    assert.equal(next.result.normalised, 1, "the edited file is normalised again");
    assert.equal(next.result.files[30].articles[0].record.source.sha256, createHash("sha256").update(await readFile(victim)).digest("hex"));
    // a Markdown file emptied by hand is written again from the cache entry's articles
    const id = next.result.files[5].report.articles[0];
    const mdFile = join(next.md, `${id}.md`);
    const good = await readFile(mdFile, "utf8");
    await writeFile(mdFile, "");
    const again = await run("stat", 2, cache());
    assert.equal(again.result.normalised, 0);
    assert.equal(again.result.written, 1);
    assert.equal(await readFile(mdFile, "utf8"), good);
    await rm(cacheDir, { recursive: true, force: true });
  });
});
