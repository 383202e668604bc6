/**
 * The shard cache (a shard indexed once is copied, not indexed again, into another build
 * of the same pages) and the index files the build leaves: every index folder's entry
 * file names its one metadata file, and that lists exactly the chunk files there.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode } from "cbor2";
import { build } from "../../src/build.ts";
import { SEED_ARTICLES } from "../browser/harness.ts";

let tmp: string;
const cacheDir = (): string => join(tmp, "cache", "normalised");
const shardCache = (): string => join(tmp, "cache", "pagefind-shards");
const buildTo = (name: string) =>
  build({ articlesDir: SEED_ARTICLES, outDir: join(tmp, name), contentDir: join(tmp, `${name}-content`), quiet: true, cacheDir: cacheDir(), maxShardPages: 5 });

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "shard-cache-"));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The index folders of a built site. */
async function indexDirs(site: string): Promise<string[]> {
  const shards = existsSync(join(site, "pagefind-shards")) ? (await readdir(join(site, "pagefind-shards"))).map((d) => join(site, "pagefind-shards", d)) : [];
  return [join(site, "pagefind"), ...shards];
}

function checkIndexFiles(dir: string): void {
  const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string }> };
  const hashes = Object.values(entry.languages).map((l) => l.hash);
  const metas = readdirSyncSorted(dir).filter((n) => n.endsWith(".pf_meta"));
  assert.deepEqual(metas, hashes.map((h) => `pagefind.${h}.pf_meta`).sort(), `${dir}: the entry names the metadata there, and no other is left`);
  for (const h of hashes) {
    // named by its content, as Pagefind names it: a browser that holds an older file under that name holds these bytes
    const digest = createHash("sha256").update(readFileSync(join(dir, `pagefind.${h}.pf_meta`))).digest("hex");
    assert.equal(h.replace(/^.*_/u, ""), digest.slice(0, h.replace(/^.*_/u, "").length), `${dir}: ${h}`);
  }
  const chunks = hashes.flatMap((h) => {
    const meta = decode(gunzipSync(readFileSync(join(dir, `pagefind.${h}.pf_meta`))).subarray(12)) as unknown[];
    return (meta[2] as [string, string, string][]).map(([, , c]) => `${c}.pf_index`);
  });
  assert.ok(chunks.length > 0, dir);
  assert.deepEqual(readdirSyncSorted(join(dir, "index")), chunks.sort(), `${dir}: the metadata lists exactly the chunk files there`);
}

const readdirSyncSorted = (dir: string): string[] => readdirSync(dir).sort();

test("a second build of the same pages copies every shard from the cache; an entry left half-filled is indexed again, not copied", async () => {
  const first = await buildTo("one");
  const labels = first.redone!.shards.map((s) => s.label);
  assert.ok(labels.length >= 3, `shards: ${labels.join(", ")}`);
  assert.ok(first.redone!.shards.every((s) => !s.cached), "a cold build indexes every shard");
  for (const dir of await indexDirs(join(tmp, "one"))) checkIndexFiles(dir);

  const entries = await readdir(shardCache());
  assert.equal(entries.length, labels.length, `cache entries: ${entries.join(", ")}`);
  for (const e of entries) {
    assert.ok(!e.includes(".filling-"), `${e}: nothing left half-filled`);
    assert.ok(existsSync(join(shardCache(), e, "_pages.json")) && existsSync(join(shardCache(), e, "pagefind-entry.json")), e);
  }

  const second = await buildTo("two");
  assert.deepEqual(second.redone!.shards.map((s) => [s.label, s.cached]), labels.map((l) => [l, true]), "every shard copied from the cache");
  for (const dir of await indexDirs(join(tmp, "two"))) checkIndexFiles(dir);

  // as a build stopped while filling the cache would leave them: the index files, not the pages' digests written last
  for (const e of entries) await rm(join(shardCache(), e, "_pages.json"));
  const third = await buildTo("three");
  assert.deepEqual(third.redone!.shards.map((s) => [s.label, s.cached]), labels.map((l) => [l, false]), "no half-filled entry is copied");
  for (const dir of await indexDirs(join(tmp, "three"))) checkIndexFiles(dir);
  assert.deepEqual(
    await readFile(join(tmp, "three", "pagefind", "shards.json"), "utf8"),
    await readFile(join(tmp, "one", "pagefind", "shards.json"), "utf8"),
  );
});

/** Every file under `dir`: its path (relative), inode and sha256. */
function filesOf(dir: string): Map<string, { ino: number; sha: string }> {
  const out = new Map<string, { ino: number; sha: string }>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out.set(p.slice(dir.length + 1), { ino: statSync(p).ino, sha: createHash("sha256").update(readFileSync(p)).digest("hex") });
  }
  return out;
}

test("the cache and a site restored from it share their index files as links, and rebuilding the site after a change leaves every shared file as it was", async () => {
  const corpus = join(tmp, "shared-corpus");
  cpSync(SEED_ARTICLES, corpus, { recursive: true });
  const cache = join(tmp, "shared-cache");
  const to = (name: string) => build({ articlesDir: corpus, outDir: join(tmp, name), contentDir: join(tmp, `${name}-content`), quiet: true, cacheDir: join(cache, "normalised"), maxShardPages: 5 });
  const first = await to("shared-a");
  assert.ok(first.redone!.shards.length >= 3);
  const shardCache = join(cache, "pagefind-shards");
  const cached = filesOf(shardCache);
  const siteA = filesOf(join(tmp, "shared-a"));

  const second = await to("shared-b");
  assert.ok(second.redone!.shards.every((s) => s.cached), "every shard restored from the cache");
  // each restored index file is the cache's file under a second name (a link), not a copy
  const byIno = new Map([...cached].map(([p, f]) => [f.ino, p]));
  let shared = 0;
  for (const dir of await indexDirs(join(tmp, "shared-b"))) {
    for (const [p, f] of filesOf(dir)) {
      if (p === "shards.json" || p === "filter-counts.json") continue; // written for this site, after
      assert.ok(byIno.has(f.ino), `${dir}/${p}: not linked to the cache`);
      shared++;
    }
  }
  assert.ok(shared > 50, `${shared} files shared`);

  // a change to one article: the site's index changes (its shard, or an overlay over it); nothing shared with the cache does
  const victim = readdirSync(corpus, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name.endsWith(".txt"))!;
  appendFileSync(join(victim.parentPath, victim.name), "\n会议还强调，要进一步优化营商环境。\n");
  const third = await to("shared-b");
  assert.ok(third.redone!.shards.some((s) => !s.cached), "the change reached the index");
  for (const [p, f] of cached) {
    const now = statSync(join(shardCache, p), { throwIfNoEntry: false });
    if (now?.ino !== f.ino) continue; // an entry replaced by a new one (new files), not written over
    assert.equal(createHash("sha256").update(readFileSync(join(shardCache, p))).digest("hex"), f.sha, `${p}: written over in place`);
  }
  for (const [p, f] of siteA) {
    if (!p.startsWith("pagefind")) continue;
    assert.equal(createHash("sha256").update(readFileSync(join(tmp, "shared-a", p))).digest("hex"), f.sha, `shared-a/${p} changed by a build of another site`);
  }
});
