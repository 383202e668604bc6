/**
 * The normaliser's shortcuts give the answers of the slow ways they replace:
 *  - mayChange (to-simplified): a text it calls unchanged is unchanged by OpenCC;
 *  - ContainmentIndex and Openings (seen-text): the answers of a scan over every
 *    text added, below and above the size where the index takes over from the scan.
 * Seeded (fast-check), as tests/property.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as OpenCC from "opencc-js";
import { changeTriggers, detectScript, mayChange, toSimplified } from "../../src/normalize/rules/to-simplified.ts";
import { ContainmentIndex, Openings } from "../../src/normalize/seen-text.ts";

const SEED = Number(process.env.FC_SEED ?? 20240611);
const opencc = OpenCC.Converter({ from: "t", to: "cn" });

test("to-simplified: the converter's dictionaries are read, and every changing entry holds a trigger", () => {
  const t = changeTriggers();
  assert.ok(t, "opencc-js's t2s configuration is not one changeTriggers reads: every text would be converted");
  assert.ok(t.chars.has("國".codePointAt(0)!) && t.chars.has("區".codePointAt(0)!));
  // phrases whose characters are all also Simplified: found by the phrase, not by a character
  for (const p of ["反覆", "瞭解", "回覆"]) assert.equal(mayChange(`经开区${p}了情况`), true, p);
  // plain Simplified press text goes through without a conversion
  assert.equal(mayChange("鹤壁经济技术开发区今年以来签约项目43个，总投资98.5亿元。"), false);
});

test("to-simplified: a text mayChange passes is one OpenCC leaves as it is (generated from trigger-rich characters)", () => {
  const t = changeTriggers()!;
  const phraseChars = [...new Set([...t.phrases.values()].flat().join(""))];
  const pool = [...phraseChars, ..."国國区區开開发發经济技术年月日，。的一是在了和有大这为中", "𠀀", "a", " ", "\n"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (chars) => {
      const text = chars.join("");
      if (!mayChange(text)) assert.equal(opencc(text), text);
      assert.equal(toSimplified(text), opencc(text));
    }),
    { seed: SEED, numRuns: 3000 },
  );
  assert.equal(detectScript("開發區今年以來簽約項目四十三個，總投資九十八億元。"), "Hant");
});

/** texts from a small alphabet, so that containment and shared openings happen often */
const piece = fc.array(fc.constantFrom(..."开发区项目投资亿元。，"), { minLength: 0, maxLength: 40 }).map((a) => a.join(""));

test("seen-text: ContainmentIndex answers as a scan does, small (scanned) and large (indexed)", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), fc.array(piece, { maxLength: 30 }), fc.boolean(), (added, asked, big) => {
      const idx = new ContainmentIndex();
      const texts: string[] = [];
      // past 65,536 characters the index takes over: filler texts that contain none of the keys
      if (big) for (let i = 0; i < 2000; i++) {
        const filler = `甲乙丙丁戊己庚辛壬癸${i}`.repeat(4);
        idx.add(filler);
        texts.push(filler);
      }
      for (const s of added) {
        idx.add(s);
        texts.push(s);
        for (const key of asked) assert.equal(idx.contains(key), texts.some((t) => t.includes(key)), `${key} in ${added.length} texts`);
      }
    }),
    { seed: SEED, numRuns: 60 },
  );
});

test("seen-text: Openings answers as a scan does, asked between adds", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(piece, piece)), (steps) => {
      const o = new Openings();
      const texts: string[] = [];
      for (const [add, ask] of steps) {
        assert.equal(o.continues(ask), texts.some((t) => t.startsWith(ask) && t.length > ask.length));
        assert.equal(o.opensWith(ask), texts.some((t) => t.startsWith(ask)));
        o.add(add);
        texts.push(add);
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
});
