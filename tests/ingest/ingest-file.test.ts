import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { ingestFile } from "../../src/ingest/index.ts";
import type { IngestedFile } from "../../src/types.ts";
import { encodeLegacy, encodeUtf16, utf8 } from "./encode-helper.ts";
import { FIXTURES, SEEDS, traditional } from "./seeds.ts";

function good(r: IngestedFile): IngestedFile {
  assert.equal(r.error, null, `unexpected error: ${r.error}`);
  assert.ok(r.blocks.length > 0);
  return r;
}

function bad(r: IngestedFile, message: string): void {
  assert.equal(r.error, message);
  assert.deepEqual(r.blocks, []);
}

describe("ingestFile: file types", () => {
  it("picks the reader by extension, case-insensitively", () => {
    const md = good(ingestFile("a/b/Article.MD", utf8("# 标题\n正文")));
    assert.equal(md.blocks[0].hint, "headline");
    const txt = good(ingestFile("x.TXT", utf8("# 标题\n正文")));
    assert.equal(txt.blocks[0].hint, undefined);
    assert.equal(txt.blocks[0].text, "# 标题");
    for (const name of ["p.html", "p.HTM", "dir.v2/p.Html"]) {
      const h = good(ingestFile(name, utf8("<html><body><h1>标题</h1><p>正文</p></body></html>")));
      assert.deepEqual(h.blocks[0], { text: "标题", gap: 0, hint: "headline" });
    }
  });

  it("refuses other file types", () => {
    for (const name of ["a.docx", "a.pdf", "a.json", "README", "a.txt.bak", "a.markdown", "txt"]) {
      const r = ingestFile(name, utf8("正文"));
      bad(r, "unsupported file type");
      assert.equal(r.encoding, null);
    }
  });

  it("reports empty and binary files as errors with no blocks", () => {
    bad(ingestFile("a.txt", new Uint8Array()), "empty file");
    bad(ingestFile("a.md", utf8("\n\u3000\n")), "empty file");
    bad(ingestFile("a.txt", Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 8, 0, 0xde, 0xad)), "not text (binary data?)");
  });

  it("reports a file that holds only front matter as having no text", () => {
    const r = ingestFile("a.md", utf8("---\ntitle: 只有标题\n---\n\n"));
    bad(r, "no text found");
    assert.equal(r.encoding, "utf-8");
  });
});

describe("ingestFile: the seeds in every encoding", () => {
  for (const seed of SEEDS) {
    it(`${seed.name}: same blocks from UTF-8, UTF-8+BOM, UTF-16LE/BE, GB18030 and CRLF`, () => {
      const base = good(ingestFile(seed.name, seed.bytes));
      assert.equal(base.encoding, "utf-8");
      assert.deepEqual(base.warnings, []);
      const variants: Array<[string, Uint8Array]> = [
        ["utf-8-bom", utf8(seed.text, true)],
        ["utf-16le", encodeUtf16(seed.text, true)],
        ["utf-16be", encodeUtf16(seed.text, false)],
        ["gb18030", encodeLegacy(seed.text, "gb18030")],
        ["utf-8", utf8(seed.text.replace(/\n/g, "\r\n"))],
      ];
      for (const [enc, bytes] of variants) {
        const r = good(ingestFile(seed.name, bytes));
        assert.equal(r.encoding, enc);
        assert.deepEqual(r.blocks, base.blocks, `${seed.name} as ${enc}`);
      }
    });

    it(`${seed.name}: Big5 Traditional gives the same block structure`, () => {
      const base = good(ingestFile(seed.name, seed.bytes));
      const r = good(ingestFile(seed.name, encodeLegacy(traditional(seed.text), "big5")));
      assert.equal(r.encoding, "big5");
      assert.deepEqual(r.blocks.map((b) => b.gap), base.blocks.map((b) => b.gap));
      assert.deepEqual(r.blocks.map((b) => b.text), base.blocks.map((b) => traditional(b.text)));
    });
  }
});

describe("ingestFile: front matter", () => {
  it("reads YAML front matter of a .md file and builds blocks from the rest", () => {
    const r = good(ingestFile("a.md", utf8("---\ntitle: 更正后的标题\ndate: 2023-02-03\n---\n\n# 原标题\n\n正文。\n")));
    assert.deepEqual(r.frontMatter, { title: "更正后的标题", date: "2023-02-03" });
    assert.deepEqual(r.blocks, [
      { text: "原标题", gap: 1, hint: "headline" },
      { text: "正文。", gap: 1 },
    ]);
  });

  it("reads front matter of a GB18030 .txt file with CRLF", () => {
    const r = good(ingestFile("a.txt", encodeLegacy("---\r\nzone: 鹤壁经济技术开发区\r\n---\r\n标题\r\n\r\n正文第一段。\r\n", "gb18030")));
    assert.equal(r.encoding, "gb18030");
    assert.deepEqual(r.frontMatter, { zone: "鹤壁经济技术开发区" });
    assert.deepEqual(r.blocks.map((b) => b.text), ["标题", "正文第一段。"]);
  });

  it("rejects ---js front matter in a .txt file without running it, and keeps the text", () => {
    const g = globalThis as typeof globalThis & { __pwned?: unknown };
    const r = good(ingestFile("a.txt", utf8('---js\n{ title: (globalThis.__pwned = 1, "x") }\n---\n标题\n正文')));
    assert.equal(g.__pwned, undefined);
    assert.deepEqual(r.frontMatter, {});
    assert.deepEqual(r.blocks.map((b) => b.text), ["标题", "正文"]);
    assert.match(r.warnings.join("\n"), /language 'js' rejected: front matter is data only, not run/);
  });

  it("reads front matter at the top of an HTML file", () => {
    const r = good(ingestFile("a.html", utf8("---\ndate: 2023-02-03\n---\n<html><body><h1>标题</h1><p>正文</p></body></html>")));
    assert.deepEqual(r.frontMatter, { date: "2023-02-03" });
    assert.deepEqual(r.blocks.map((b) => b.text), ["标题", "正文"]);
  });

  it("does not look for front matter in an HTML file that does not start with ---", () => {
    const r = good(ingestFile("a.html", utf8("<html><body><p>---</p><p>title: x</p><p>---</p></body></html>")));
    assert.deepEqual(r.frontMatter, {});
    assert.deepEqual(r.blocks.map((b) => b.text), ["---", "title: x", "---"]);
  });
});

describe("ingestFile: an .htm file with no markup", () => {
  it("reads it line by line, like a .txt file", () => {
    const r = good(ingestFile("a.htm", utf8("标题\n\n正文第一段。\n正文第二段。\n")));
    assert.deepEqual(r.blocks, [
      { text: "标题", gap: 0 },
      { text: "正文第一段。", gap: 1 },
      { text: "正文第二段。", gap: 0 },
    ]);
    assert.match(r.warnings.join("\n"), /no HTML markup found/);
  });
});

describe("ingestFile: HTML in a legacy encoding", () => {
  it("gives the same blocks for the news page saved as GB18030 with <meta charset=gb2312>", () => {
    const page = readFileSync(join(FIXTURES, "news-page.html"), "utf8");
    const base = good(ingestFile("page.html", utf8(page)));
    const gbPage = page.replace("charset=utf-8", "charset=gb2312");
    assert.notEqual(gbPage, page);
    const r = good(ingestFile("page.htm", encodeLegacy(gbPage, "gb18030")));
    assert.equal(r.encoding, "gb18030");
    assert.deepEqual(r.blocks, base.blocks);
    assert.equal(r.blocks[0].hint, "headline");
  });

  it("gives the same blocks for a Big5 page without any declaration (detected)", () => {
    const page = readFileSync(join(FIXTURES, "news-page.html"), "utf8")
      .replace(/<meta http-equiv[^>]*>/, "")
      .replace("©", "&copy;"); // Big5 has no ©
    const trad = traditional(page);
    const base = good(ingestFile("page.html", utf8(trad)));
    const r = good(ingestFile("page.html", encodeLegacy(trad, "big5")));
    assert.equal(r.encoding, "big5");
    assert.deepEqual(r.blocks, base.blocks);
  });
});

describe("ingestFile: never throws", () => {
  it("turns an exception inside into an error result", () => {
    const hostile = new Proxy(new Uint8Array(8), {
      get(target, prop, receiver) {
        if (prop === "length" || prop === "subarray" || typeof prop === "string") throw new Error("boom");
        return Reflect.get(target, prop, receiver);
      },
    });
    const r = ingestFile("a.txt", hostile);
    assert.ok(r.error && r.error.length > 0);
    assert.deepEqual(r.blocks, []);
  });

  it("returns a result for arbitrary bytes and names", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("a.txt", "b.md", "c.html", "d.htm", "e.bin", "F.TXT"),
        fc.oneof(
          fc.uint8Array({ maxLength: 500 }),
          fc.string({ unit: "grapheme", maxLength: 200 }).map((s) => utf8(s)),
          fc.string({ maxLength: 200 }).map((s) => utf8("---\n" + s + "\n---\n" + s)),
        ),
        (name, bytes) => {
          const r = ingestFile(name, bytes);
          if (r.error !== null) return r.blocks.length === 0;
          return r.blocks.every((b) => b.text.length > 0 && b.text === b.text.trim() && b.gap >= 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
