/**
 * The normaliser's time grows with the size of a file, not with its square: a
 * file four times as large takes about four times as long, whether its text is
 * in paragraphs or on one endless line. (Before, drop-repeats and
 * rejoin-broken-lines compared each line with every earlier one: 13 s for
 * 5 MB of distinct paragraphs, 11 s for one 0.6 MB line.) Ratios, not seconds,
 * so a slow machine does not fail it: six times the text must take less than
 * twenty times as long (linear ~6, quadratic ~36).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { normaliseFile } from "../../src/pipeline/normalise-file.ts";
import { SEEDS } from "../build/helpers.ts";

/** Distinct press text: the seeds' clauses in a seeded shuffle, their numbers changed, so sentences seldom repeat. */
function distinctText(chars: number, clausesPerParagraph: number): string {
  const clauses = readdirSync(SEEDS)
    .sort()
    .flatMap((f) => readFileSync(join(SEEDS, f), "utf8").split(/(?<=[，。；！？,;])/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 4 && !s.includes("\n"));
  let x = 7;
  const rnd = (): number => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let len = 0, n = 1; len < chars; n++) {
    const c = clauses[Math.floor(rnd() * clauses.length)].replace(/\d+/g, () => String(Math.floor(rnd() * 1000)));
    out.push(c);
    len += c.length;
    if (clausesPerParagraph > 0 && n % clausesPerParagraph === 0) out.push("\n\n");
  }
  return out.join("");
}

function secondsFor(text: string): number {
  const bytes = Buffer.from(text, "utf8");
  const t0 = performance.now();
  const { report } = normaliseFile("big.txt", bytes, { base: "/" });
  assert.notEqual(report.status, "error", report.messages.join("; "));
  return (performance.now() - t0) / 1000;
}

describe("normalising a large file", () => {
  for (const [what, perParagraph] of [
    ["distinct paragraphs", 12],
    ["one endless line", 0],
  ] as const) {
    it(`takes time in proportion to its size: ${what}`, (t) => {
      const small = distinctText(100_000, perParagraph);
      const large = distinctText(600_000, perParagraph);
      secondsFor(small); // warm up (regexes, OpenCC's dictionary)
      // the best of two runs each: other work on the machine only ever adds time
      const a = Math.min(secondsFor(small), secondsFor(small));
      const b = Math.min(secondsFor(large), secondsFor(large));
      t.diagnostic(`${what}: ${a.toFixed(2)} s → ${b.toFixed(2)} s (×${(b / a).toFixed(1)})`);
      assert.ok(b / a < 20, `${what}: ${a.toFixed(2)} s for 100,000 characters, ${b.toFixed(2)} s for 600,000 (×${(b / a).toFixed(1)})`);
    });
  }
});
