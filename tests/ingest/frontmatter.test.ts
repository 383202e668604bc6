import { afterEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import { readFrontMatter } from "../../src/ingest/frontmatter.ts";

type Pwned = { __pwned?: unknown; __pwned2?: unknown; __pwned3?: unknown };
const g = globalThis as typeof globalThis & Pwned;

afterEach(() => {
  delete g.__pwned;
  delete g.__pwned2;
  delete g.__pwned3;
});

describe("readFrontMatter: YAML as data", () => {
  it("reads YAML fields and returns the rest as body", () => {
    const r = readFrontMatter("---\ntitle: 鹤壁经开区发展概述\nzone: 鹤壁经济技术开发区\nchars: 1200\ntags: [招商引资, 项目建设]\n---\n\n正文第一段\n");
    assert.deepEqual(r.data, { title: "鹤壁经开区发展概述", zone: "鹤壁经济技术开发区", chars: 1200, tags: ["招商引资", "项目建设"] });
    assert.equal(r.body, "\n正文第一段\n");
    assert.deepEqual(r.warnings, []);
  });

  it("keeps dates as strings (no YAML timestamps)", () => {
    const r = readFrontMatter("---\ndate: 2023-02-03\nwhen: 2023-02-03T08:15:00Z\nmonth: 2023-02\n---\n正文");
    assert.equal(r.data.date, "2023-02-03");
    assert.equal(r.data.when, "2023-02-03T08:15:00Z");
    assert.equal(r.data.month, "2023-02");
    assert.equal(typeof r.data.date, "string");
  });

  it("returns {} and the text unchanged when there is no front matter", () => {
    const text = "标题\n\n正文---不是分隔线\n---\n";
    const r = readFrontMatter(text);
    assert.deepEqual(r.data, {});
    assert.equal(r.body, text);
    assert.deepEqual(r.warnings, []);
  });

  it("treats ---- (four dashes) as text, not front matter", () => {
    const r = readFrontMatter("----\ntitle: x\n---\n正文");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "----\ntitle: x\n---\n正文");
  });

  it("reads an empty block as {} and drops it", () => {
    const r = readFrontMatter("---\n---\n正文");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "正文");
  });

  it("handles CRLF line ends", () => {
    const r = readFrontMatter("---\r\ntitle: 标题\r\n---\r\n正文\r\n");
    assert.deepEqual(r.data, { title: "标题" });
    assert.equal(r.body, "正文\n");
  });

  it("warns and reads as text when the block is never closed", () => {
    const r = readFrontMatter("---\ntitle: x\n正文");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "---\ntitle: x\n正文");
    assert.match(r.warnings[0], /never closed/);
  });

  it("accepts ---yaml and ---json", () => {
    assert.deepEqual(readFrontMatter("---yaml\ntitle: a\n---\nx").data, { title: "a" });
    const j = readFrontMatter('---json\n{"title": "b", "n": 2}\n---\nx');
    assert.deepEqual(j.data, { title: "b", n: 2 });
    assert.equal(j.body, "x");
  });

  it("ignores a list, with a warning, and drops the block", () => {
    const r = readFrontMatter("---\n- a\n- b\n---\n正文");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "正文");
    assert.match(r.warnings.join("\n"), /a list, not a set of fields/);
  });

  it("ignores a scalar, with a warning", () => {
    const r = readFrontMatter("---\n就是一句话\n---\n正文");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "正文");
    assert.match(r.warnings.join("\n"), /single string value/);
  });

  it("reports broken YAML and still returns the body", () => {
    const r = readFrontMatter("---\ntitle: [unclosed\nzone: x\n---\n正文");
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "正文");
    assert.match(r.warnings.join("\n"), /YAML error/);
  });

  it("reads unknown tags (!!js/function) as plain strings, never as functions", () => {
    const r = readFrontMatter('---\nf: !!js/function "function () { globalThis.__pwned3 = 1 }"\n---\nx');
    assert.equal(typeof r.data.f, "string");
    assert.equal(g.__pwned3, undefined);
    assert.match(r.warnings.join("\n"), /Unresolved tag/);
  });

  it("stops a YAML alias bomb ('billion laughs') with a warning", () => {
    const lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(96 + i);
      const q = String.fromCharCode(97 + i);
      lines.push(`${q}: &${q} [${Array(9).fill(`*${p}`).join(",")}]`);
    }
    lines.push("---", "正文");
    const before = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const r = readFrontMatter(lines.join("\n"));
    assert.ok(Date.now() - t0 < 2000);
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
    assert.deepEqual(r.data, {});
    assert.equal(r.body, "正文");
    assert.match(r.warnings.join("\n"), /too many aliases/);
  });

  it("still allows a few aliases", () => {
    const r = readFrontMatter("---\nbase: &b 鹤壁市\ncity: *b\n---\nx");
    assert.deepEqual(r.data, { base: "鹤壁市", city: "鹤壁市" });
  });

  it("drops a __proto__ key and pollutes nothing", () => {
    const r = readFrontMatter("---\n__proto__: {polluted: 1}\ntitle: ok\n---\nbody");
    assert.deepEqual(r.data, { title: "ok" });
    assert.equal(Object.getPrototypeOf(r.data), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const j = readFrontMatter('---json\n{"__proto__": {"polluted": 2}, "title": "j"}\n---\nbody');
    assert.deepEqual(j.data, { title: "j" });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe("readFrontMatter: code is never run", () => {
  for (const lang of ["js", "javascript", "JS", " js "]) {
    it(`rejects ---${lang} front matter without running it`, () => {
      const text = `---${lang}\n{ title: (globalThis.__pwned = 1, "x") }\n---\n正文第一段`;
      const r = readFrontMatter(text);
      assert.equal(g.__pwned, undefined);
      assert.deepEqual(r.data, {});
      assert.equal(r.body, "正文第一段");
      assert.deepEqual(r.warnings, [
        `front matter in language '${lang.trim()}' rejected: front matter is data only, not run`,
      ]);
    });
  }

  it("rejects a JS function-body form (gray-matter's unwrapped eval path)", () => {
    const r = readFrontMatter("---js\nglobalThis.__pwned = 1; module.exports = { title: 'x' }\n---\n正文");
    assert.equal(g.__pwned, undefined);
    assert.deepEqual(r.data, {});
  });

  for (const lang of ["coffee", "coffeescript", "cson"]) {
    it(`rejects ---${lang} front matter without running it`, () => {
      const r = readFrontMatter(`---${lang}\ntitle: do -> globalThis.__pwned2 = 1\n---\n正文`);
      assert.equal(g.__pwned2, undefined);
      assert.deepEqual(r.data, {});
      assert.equal(r.body, "正文");
      assert.match(r.warnings[0], new RegExp(`language '${lang}' rejected: front matter is data only, not run`));
    });
  }

  for (const lang of ["toml", "constructor", "__proto__", "toString"]) {
    it(`rejects any other language (${lang})`, () => {
      const r = readFrontMatter(`---${lang}\ntitle = "x"\n---\n正文`);
      assert.deepEqual(r.data, {});
      assert.equal(r.body, "正文");
      assert.match(r.warnings[0], /rejected: front matter is data only, not run/);
    });
  }

  it("is not fooled by gray-matter's cache: a poisoned entry for the same input is ignored", () => {
    const text = "---\ntitle: 真标题\n---\n正文";
    const first = readFrontMatter(text);
    const cache = (matter as unknown as { cache: Record<string, unknown> }).cache;
    cache[text] = { data: { title: "cached" }, content: "cached body", orig: Buffer.from(text) };
    try {
      const again = readFrontMatter(text);
      assert.deepEqual(again, first);
      assert.deepEqual(again.data, { title: "真标题" });
    } finally {
      delete cache[text];
    }
  });

  it("rejects ---js again on a second call with the same input (no cached eval result)", () => {
    const text = "---js\n{ title: (globalThis.__pwned = 1, 'x') }\n---\n正文";
    readFrontMatter(text);
    const r = readFrontMatter(text);
    assert.equal(g.__pwned, undefined);
    assert.match(r.warnings[0], /rejected/);
    // and nothing was cached under that input for a later option-less gray-matter call
    const cache = (matter as unknown as { cache: Record<string, unknown> }).cache;
    assert.equal(Object.hasOwn(cache, text), false);
  });
});
