/**
 * The front matter writer (src/output/markdown.ts, frontMatterYaml) against
 * the YAML libraries: it writes what the `yaml` package writes with the
 * options the archive used before, and whatever the data, a YAML 1.1 reader
 * (gray-matter's js-yaml) and a YAML 1.2 reader (`yaml`) read back the same
 * data. Seeded (fast-check), as tests/property.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import matter from "gray-matter";
import { parse, stringify } from "yaml";
import { articleFrontMatter, articleMarkdown, frontMatterYaml } from "../../src/output/markdown.ts";
import { normaliseFile } from "../../src/pipeline/normalise-file.ts";

const SEED = Number(process.env.FC_SEED ?? 20240611);
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" } as const;

/** gray-matter caches by input text: a fresh options object each time reads it again */
function readBack(yamlText: string): unknown {
  return matter(`---\n${yamlText}---\n`, {}).data;
}

// text as the archive holds it: Chinese, ASCII punctuation that YAML treats specially, quotes, backslashes
const ordinaryChar = fc.constantFrom(..."开发区鹤壁经济技术年月日，。：“”「」—…", ..."aZ09 -:#&*!|>'\"%@`{}[],?\\", "\t");
const ordinaryString = fc.string({ unit: ordinaryChar, maxLength: 60 });
const plainKey = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
// keys a YAML reader would take for null or a boolean if they were written plain
const reservedKey = fc.constantFrom("null", "Null", "NULL", "true", "True", "false", "FALSE", "yes", "No", "on", "OFF", "y", "N");
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)));

function data<T>(str: fc.Arbitrary<string>, key: fc.Arbitrary<string>, num: fc.Arbitrary<number>): fc.Arbitrary<Record<string, unknown>> {
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("leaf"), tie("list"), tie("map")),
    leaf: fc.oneof(str, num, fc.boolean(), fc.constant(null)),
    list: fc.array(tie("tree"), { maxLength: 4 }),
    map: fc.dictionary(key, tie("tree"), { maxKeys: 4, noNullPrototype: true }),
  }));
  return fc.dictionary(key, tree, { maxKeys: 6, noNullPrototype: true }) as fc.Arbitrary<Record<string, unknown>>;
}

test("front matter: the same text as the yaml package writes, for ordinary data", () => {
  fc.assert(
    fc.property(data(ordinaryString, plainKey.filter((k) => !/^(?:null|true|false|yes|no|on|off|y|n)$/i.test(k)), number), (d) => {
      assert.equal(frontMatterYaml(d), stringify(d, YAML_OPTIONS));
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

test("front matter: any data reads back the same in YAML 1.1 (gray-matter) and YAML 1.2 (yaml)", () => {
  // every code point, and the ones YAML readers treat specially: line breaks of either version, BOM, controls
  const anyChar = fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), fc.constantFrom("\n", "\r", "\u0085", "\u2028", "\u2029", "\ufeff", "\u0000", "\u007f", "\u009f", "\ufffe", " ", "---", "..."));
  const anyString = fc.string({ unit: anyChar, maxLength: 40 });
  const anyKey = fc.oneof(plainKey, reservedKey, anyString.filter((k) => k !== "__proto__"));
  // -0 included: it must read back as 0 in both (JSON, as the data files, has no -0)
  const anyNumber = fc.oneof(number, fc.constant(-0));
  fc.assert(
    fc.property(data(anyString, anyKey, anyNumber), (d) => {
      const text = frontMatterYaml(d);
      // only what YAML calls printable (c-printable), and no line break YAML 1.1 has but 1.2 has not: other readers (Hugo's, say) refuse the rest
      assert.doesNotMatch(text, /[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u);
      const want = JSON.parse(JSON.stringify(d)) as unknown;
      assert.deepEqual(parse(text) ?? {}, want);
      assert.deepEqual(readBack(text), want);
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

test("front matter: the corpus's articles are written as the yaml package writes them, and read back whole", () => {
  const dir = join(import.meta.dirname, "../../articles");
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    const { articles } = normaliseFile(name, readFileSync(join(dir, name)), { base: "/" });
    for (const a of articles) {
      const front = articleFrontMatter(a);
      assert.equal(frontMatterYaml(front), stringify(front, YAML_OPTIONS), a.record.id);
      const back = matter(articleMarkdown(a), {});
      assert.deepEqual(back.data, JSON.parse(JSON.stringify(front)), a.record.id);
      n++;
    }
  }
  assert.ok(n >= 18, `only ${n} articles read`);
});

test("front matter: what YAML data cannot hold is refused, not written wrong", () => {
  assert.throws(() => frontMatterYaml({ when: 10n }), /bigint/);
  assert.throws(() => frontMatterYaml({ f: () => 1 }), /function/);
  assert.throws(() => frontMatterYaml({ ["k".repeat(1001)]: 1 }), /keys are field names/);
});
