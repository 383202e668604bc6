/**
 * Whole-normaliser fixtures, markdown-it style: tests/fixtures/normalize/<case>/
 * holds input.* (any input the contract allows) beside expected.md, the
 * normalised Markdown of every article of that file in order. Adding a case
 * is adding two files; UPDATE=1 writes expected.md for a new case (read it
 * before committing it).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { normaliseFile } from "../../src/pipeline/normalise-file.ts";
import { articleMarkdown } from "../../src/output/markdown.ts";

const ROOT = join(import.meta.dirname, "../fixtures/normalize");

for (const name of readdirSync(ROOT).sort()) {
  const dir = join(ROOT, name);
  const input = readdirSync(dir).find((f) => f.startsWith("input."));
  if (!input) continue;
  test(`fixture ${name}`, () => {
    const { articles, report } = normaliseFile(`${name}/${input}`, readFileSync(join(dir, input)), { base: "/" });
    const actual = articles.map(articleMarkdown).join("\n<!-- next article -->\n\n") + `\n<!-- report -->\n${JSON.stringify({ status: report.status, encoding: report.encoding, messages: report.messages }, null, 1)}\n`;
    const expectedPath = join(dir, "expected.md");
    if (process.env.UPDATE === "1" && !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
    assert.equal(actual, readFileSync(expectedPath, "utf8"));
  });
}
