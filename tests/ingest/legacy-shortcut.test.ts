/**
 * decodeBytes reads plainly Chinese GB18030 / Big5 text without asking
 * jschardet (src/ingest/decode.ts, guessLegacy). That is only the same as
 * asking when jschardet would have named the same encoding family (a guess that
 * differs loses to the better reading anyway, but a non-Chinese guess would add
 * a warning). Checked here on pieces of every seed article, Simplified in
 * GB18030 and Traditional in Big5, from 64 Chinese characters (the least the
 * shortcut takes) up.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { detect } from "jschardet";
import { decodeBytes } from "../../src/ingest/decode.ts";
import { encodeLegacy } from "./encode-helper.ts";
import { SEEDS, traditional } from "./seeds.ts";

const GB = /^(gb18030|gb2312|gbk|cp936|hz-gb-2312|euc-cn|x-gbk|windows-936)$/;
const BIG5 = /^(big5|big5hkscs|big5-hkscs|cp950|x-big5)$/;

function pieces(text: string): string[] {
  const out: string[] = [];
  for (const len of [70, 150, 400, 2000]) {
    for (let at = 0; at < text.length; at += Math.max(len, Math.floor(text.length / 4))) {
      const s = text.slice(at, at + len);
      if (Array.from(s).filter((c) => c.charCodeAt(0) >= 0x80).length >= 64) out.push(s);
    }
  }
  return out;
}

test("legacy encodings: where decodeBytes reads GB18030 or Big5 without a warning, jschardet names the same family", () => {
  let checked = 0;
  for (const seed of SEEDS) {
    for (const [enc, family, text] of [
      ["gb18030", GB, seed.text],
      ["big5", BIG5, traditional(seed.text)],
    ] as const) {
      for (const piece of pieces(text)) {
        let bytes: Uint8Array;
        try {
          bytes = encodeLegacy(piece, enc);
        } catch {
          continue; // a character the code page lacks
        }
        const r = decodeBytes(bytes);
        assert.ok(!("error" in r), `${seed.name}: ${"error" in r ? r.error : ""}`);
        if ("error" in r || r.encoding !== enc || r.warnings.length > 0) continue;
        const named = (detect(bytes).encoding ?? "").toLowerCase();
        assert.match(named, family, `${seed.name} (${enc}, ${piece.length} characters): jschardet says ${named}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 50, `only ${checked} pieces checked`);
});
