import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import * as pagefind from "pagefind";
import { decode, encode } from "cbor2";
import { chunkBytes, chunkEntries, packChunks, rechunkIndex, type WordEntry } from "../../src/site/pagefind-meta.ts";

/** Pagefind's test for loading a chunk (pagefind_web request_indexes): from <= term <= to, comparing UTF-8 bytes. */
const holds = (chunk: { from: string; to: string }, term: string): boolean =>
  Buffer.compare(Buffer.from(chunk.from), Buffer.from(term)) <= 0 && Buffer.compare(Buffer.from(term), Buffer.from(chunk.to)) <= 0;

/** Entries as Pagefind writes them: [word, [[page, [locations], []]…], []], in UTF-8 byte order. */
function entriesOf(words: Iterable<string>): WordEntry[] {
  return [...new Set(words)]
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((word, i) => ({ word, bytes: encode([word, [[i, [-2, i % 7, 300 + i], []]], []]) }));
}

// (the empty word too: Pagefind indexes one for some pages)
const word = fc
  .array(fc.constantFrom("招", "商", "引", "资", "资", "一", "开", "发", "区", "𠀀", "\uffe5", "2", "0", "a"), { minLength: 0, maxLength: 4 })
  .map((cs) => cs.join(""));

test("an index chunk's word entries are read back byte for byte, and written again as the same CBOR", () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 40 }), (words) => {
      const entries = entriesOf(words);
      const bytes = chunkBytes(entries);
      assert.deepEqual(decode(bytes), [entries.map((e) => decode(e.bytes))]);
      const back = chunkEntries(bytes);
      assert.deepEqual(back.map((e) => e.word), entries.map((e) => e.word));
      assert.deepEqual(back.map((e) => Buffer.from(e.bytes)), entries.map((e) => Buffer.from(e.bytes)));
    }),
  );
});

test("word entries holding any CBOR after the word (maps, floats, tags, long strings and numbers) are cut at their ends", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(word, fc.array(fc.anything({ withBigInt: true, withTypedArray: true, withMap: true, withSet: true, withDate: true }), { maxLength: 3 })), { maxLength: 12 }), (rows) => {
      const entries = [...new Map(rows.map(([w, rest]) => [w, rest])).entries()]
        .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
        .map(([w, rest]) => ({ word: w, bytes: encode([w, ...rest]) }));
      const back = chunkEntries(chunkBytes(entries));
      assert.deepEqual(back.map((e) => [e.word, Buffer.from(e.bytes).toString("hex")]), entries.map((e) => [e.word, Buffer.from(e.bytes).toString("hex")]));
    }),
  );
});

test("packed chunks: a search for any prefix of a word loads the one chunk that holds every word beginning with it", () => {
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 400 }), (words, maxBytes) => {
      const entries = entriesOf(words);
      const chunks = packChunks(entries, maxBytes);
      // every entry once, in order
      assert.deepEqual(chunks.flatMap((c) => c.entries), entries);
      for (const c of chunks) {
        const chars = new Set(c.entries.map((e) => [...e.word][0] ?? ""));
        const size = c.entries.reduce((n, e) => n + e.bytes.length, 0);
        assert.ok(size <= maxBytes || chars.size === 1, "a chunk over the limit holds one character's words");
      }
      for (const w of new Set(words)) {
        for (let end = 1; end <= [...w].length; end++) {
          const term = [...w].slice(0, end).join("");
          const loaded = chunks.filter((c) => holds(c, term));
          const needed = chunks.filter((c) => c.entries.some((e) => e.word.startsWith(term)));
          assert.deepEqual(loaded, needed, `${term}: loads the chunk of its words, and only it`);
          assert.equal(loaded.length, 1);
        }
      }
    }),
  );
});

test("a chunk of another shape is refused, not cut wrong", () => {
  const good = chunkBytes(entriesOf(["招商", "资金"]));
  assert.throws(() => chunkEntries(good.subarray(0, good.length - 1)), /ends early/);
  assert.throws(() => chunkEntries(Buffer.concat([good, Buffer.from([0])])), /bytes after/);
  assert.throws(() => chunkEntries(encode([[["招商", []]], []])), /not \[\[word entries\]\]/);
  assert.throws(() => chunkEntries(encode([[[1, []]]])), /begin with its word/);
  assert.throws(() => chunkEntries(Buffer.from([0x81, 0x9f, 0xff])), /indefinite/);
});

test("rechunkIndex on Pagefind's own index: the same word entries (the empty word among them), each character's words in one chunk, the old chunks gone", async () => {
  const dir = await mkdtemp(join(tmpdir(), "pf-rechunk-"));
  try {
    const { index } = await pagefind.createIndex({});
    assert.ok(index);
    const text = "开发区招商引资项目签约，总投资120亿元。高新区产业集聚区示范区同比增长百分之十二。资金到位，资源共享，资本市场。";
    for (let i = 0; i < 40; i++) {
      const body = [...text].map((c, j) => ((i * 7 + j) % 5 === 0 ? `${c}${i % 3 ? "资" : "区"}` : c)).join("");
      await index.addHTMLFile({ url: `/a/${i}/`, content: `<html lang="zh-CN"><body><h1>第${i}篇</h1><p>${body}</p></body></html>` });
    }
    // a garbled text with combining marks standing alone: Pagefind strips them to an empty word
    await index.addHTMLFile({ url: "/garbled/", content: `<html lang="zh-CN"><body><h1>乱码</h1><p>资料 \u05b3 \u06e4 \u073d 资源</p></body></html>` });
    await index.writeFiles({ outputPath: dir });
    await pagefind.close();
    const metaPath = async (): Promise<string> => join(dir, (await readdir(dir)).find((n) => n.endsWith(".pf_meta"))!);
    const readMeta = async (): Promise<unknown[]> => decode(gunzipSync(await readFile(await metaPath())).subarray(12)) as unknown[];
    const wordsIn = async (list: [string, string, string][]): Promise<Map<string, unknown>> => {
      const m = new Map<string, unknown>();
      for (const [, , hash] of list) {
        const data = decode(gunzipSync(await readFile(join(dir, "index", `${hash}.pf_index`))).subarray(12)) as [[string, ...unknown[]][]];
        for (const e of data[0]) {
          assert.ok(!m.has(e[0]), `${e[0]} in one chunk only`);
          m.set(e[0], e);
        }
      }
      return m;
    };
    const before = await readMeta();
    const beforeWords = await wordsIn(before[2] as [string, string, string][]);
    assert.ok(beforeWords.size > 20);
    assert.ok(beforeWords.has(""), "Pagefind wrote the empty word");

    assert.equal(await rechunkIndex(dir, 200), 1);
    const after = await readMeta();
    assert.deepEqual([after[0], after[1], ...after.slice(3)], [before[0], before[1], ...before.slice(3)], "the rest of the metadata is untouched");
    const list = after[2] as [string, string, string][];
    assert.deepEqual(await wordsIn(list), beforeWords);
    assert.deepEqual((await readdir(join(dir, "index"))).sort(), list.map(([, , h]) => `${h}.pf_index`).sort(), "only the new chunks are left");
    for (const w of beforeWords.keys()) {
      if (w === "") continue; // never searched: an empty query is not run
      const ch = String.fromCodePoint(w.codePointAt(0)!);
      const loaded = list.filter(([from, to]) => holds({ from, to }, ch));
      assert.equal(loaded.length, 1, ch);
    }
    assert.ok(list.length > 1, "a small limit makes several chunks");

    // a chunk file of an unknown shape stops it, with the file named
    await writeFile(join(dir, "index", `${list[0][2]}.pf_index`), gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), encode({ words: [] })])));
    await assert.rejects(rechunkIndex(dir), (e: Error) => e.message.includes(`${list[0][2]}.pf_index`) && /unknown shape/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
