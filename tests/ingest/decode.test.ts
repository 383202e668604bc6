import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { decodeBytes, type DecodeResult } from "../../src/ingest/decode.ts";
import { concat, encodeLegacy, encodeUtf16, utf8 } from "./encode-helper.ts";
import { SEEDS, traditional } from "./seeds.ts";

function ok(r: DecodeResult): { text: string; encoding: string; warnings: string[] } {
  if ("error" in r) assert.fail(`expected text, got error: ${r.error}`);
  return r;
}

function err(r: DecodeResult): string {
  if (!("error" in r)) assert.fail(`expected an error, got ${r.encoding}: ${JSON.stringify(r.text.slice(0, 40))}`);
  return r.error;
}

/** Short samples (8–30 characters) of the kind jschardet finds hard. */
const SHORT = [
  "鹤壁经济技术开发区", // 9
  "开发区招商引资成效明显", // 11
  "敢想敢干 敢闯敢试 努力实现新突破", // 17
  "漯河市第六次党代会召开后，开发区党工委高度重视", // 23
  "今年1—10月，全区完成固定资产投资120.5亿元，同比增长8.6%。", // 30
  "春节假期刚过，各地企业陆续复工复产", // 17
  "气象部门提醒市民注意防寒保暖", // 14
];

describe("decodeBytes: UTF-8", () => {
  it("reads UTF-8 without a BOM, short and long", () => {
    for (const s of [...SHORT, ...SEEDS.map((x) => x.text)]) {
      const r = ok(decodeBytes(utf8(s)));
      assert.equal(r.encoding, "utf-8");
      assert.equal(r.text, s);
      assert.deepEqual(r.warnings, []);
    }
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    for (const s of [SHORT[0], SEEDS[0].text]) {
      const r = ok(decodeBytes(utf8(s, true)));
      assert.equal(r.encoding, "utf-8-bom");
      assert.equal(r.text, s);
      assert.notEqual(r.text.charCodeAt(0), 0xfeff);
    }
  });

  it("keeps a file cut inside its last character as UTF-8 and says where", () => {
    const full = utf8(SEEDS[1].text.trimEnd() + "开发区");
    const cut = full.subarray(0, full.length - 1); // last character loses its final byte
    const r = ok(decodeBytes(cut));
    assert.equal(r.encoding, "utf-8");
    assert.equal(r.text, SEEDS[1].text.trimEnd() + "开发");
    assert.ok(!r.text.includes("\uFFFD"));
    assert.deepEqual(r.warnings, [`incomplete UTF-8 sequence at byte ${full.length - 3}, dropped`]);
  });

  it("keeps a short UTF-8 sample cut inside its last character as UTF-8", () => {
    const full = utf8("开发区建设");
    const r = ok(decodeBytes(full.subarray(0, full.length - 2)));
    assert.equal(r.encoding, "utf-8");
    assert.equal(r.text, "开发区建");
    assert.match(r.warnings.join("\n"), /incomplete UTF-8 sequence at byte 12, dropped/);
  });

  it("drops a few stray bytes in a UTF-8 file instead of guessing GBK", () => {
    const text = SEEDS[0].text;
    const a = utf8(text.slice(0, 100));
    const b = utf8(text.slice(100, 1000));
    const c = utf8(text.slice(1000));
    const bytes = concat(a, Uint8Array.of(0xff), b, Uint8Array.of(0xc3), c);
    const r = ok(decodeBytes(bytes));
    assert.equal(r.encoding, "utf-8");
    assert.equal(r.text, text);
    assert.deepEqual(r.warnings, [
      `invalid UTF-8 sequence at byte ${a.length}, dropped`,
      `invalid UTF-8 sequence at byte ${a.length + 1 + b.length}, dropped`,
    ]);
  });

  it("turns CRLF and lone CR into LF", () => {
    const r = ok(decodeBytes(utf8("第一行\r\n第二行\r第三行\n\r\n第五行\r\n")));
    assert.equal(r.text, "第一行\n第二行\n第三行\n\n第五行\n");
    const g = ok(decodeBytes(encodeLegacy("开发区\r\n招商引资\r\n项目建设", "gbk")));
    assert.equal(g.text, "开发区\n招商引资\n项目建设");
  });

  it("strips zero-width characters but keeps a ZWJ that joins emoji", () => {
    const r = ok(decodeBytes(utf8("开\u200b发\ufeff区\u200d建设\u2060 👨\u200d👩\u200d👧 \u00ad")));
    assert.equal(r.text, "开发区建设 👨\u200d👩\u200d👧 ");
  });
});

describe("decodeBytes: UTF-16 with a BOM", () => {
  for (const le of [true, false]) {
    const name = le ? "utf-16le" : "utf-16be";
    it(`reads ${name}, short samples and the seeds`, () => {
      for (const s of [...SHORT, ...SEEDS.map((x) => x.text)]) {
        const r = ok(decodeBytes(encodeUtf16(s, le)));
        assert.equal(r.encoding, name);
        assert.equal(r.text, s);
      }
    });
  }

  it("reads UTF-16 with CRLF as LF text", () => {
    const r = ok(decodeBytes(encodeUtf16("标题\r\n正文第一段。\r\n", true)));
    assert.equal(r.text, "标题\n正文第一段。\n");
  });

  it("reads BOM-less UTF-16LE Chinese text (NULs only at odd positions) instead of calling it binary", () => {
    const r = ok(decodeBytes(encodeUtf16("2023年开发区GDP增长8.5%。Hello world.", true, false)));
    assert.equal(r.encoding, "utf-16le");
    assert.equal(r.text, "2023年开发区GDP增长8.5%。Hello world.");
    assert.match(r.warnings[0], /no byte order mark/);
  });
});

describe("decodeBytes: GB family", () => {
  it("reads GB2312 short samples (8–30 characters) as gb18030", () => {
    for (const s of SHORT) {
      const r = ok(decodeBytes(encodeLegacy(s, "gb2312")));
      assert.equal(r.encoding, "gb18030", s);
      assert.equal(r.text, s);
    }
  });

  it("reads GBK text with characters outside GB2312 (镕, 喆, 堃) as gb18030", () => {
    const s = "朱镕基视察开发区，陶喆、王堃出席签约仪式";
    assert.throws(() => encodeLegacy(s, "gb2312")); // the sample really needs GBK
    const r = ok(decodeBytes(encodeLegacy(s, "gbk")));
    assert.equal(r.encoding, "gb18030");
    assert.equal(r.text, s);
  });

  it("reads GB18030 four-byte characters (㐀, €) ", () => {
    const s = "开发区㐀项目投资1000万€，同比增长";
    assert.throws(() => encodeLegacy(s, "gbk"));
    const r = ok(decodeBytes(encodeLegacy(s, "gb18030")));
    assert.equal(r.encoding, "gb18030");
    assert.equal(r.text, s);
  });

  it("reads every seed re-encoded as GB18030", () => {
    for (const seed of SEEDS) {
      const r = ok(decodeBytes(encodeLegacy(seed.text, "gb18030")));
      assert.equal(r.encoding, "gb18030", seed.name);
      assert.equal(r.text, seed.text, seed.name);
    }
  });

  it("reads every line of the seeds, cut to 8 and 12 characters, re-encoded as GBK", () => {
    let n = 0;
    for (const seed of SEEDS) {
      for (const line of seed.text.split("\n").map((l) => l.trim()).filter((l) => l.length >= 12)) {
        for (const len of [8, 12]) {
          const s = line.slice(0, len);
          const r = ok(decodeBytes(encodeLegacy(s, "gbk")));
          assert.equal(r.encoding, "gb18030", s);
          assert.equal(r.text, s);
          n++;
        }
      }
    }
    assert.ok(n > 300);
  });
});

describe("decodeBytes: Big5", () => {
  it("reads Big5 Traditional short samples as big5", () => {
    for (const s of SHORT.map(traditional)) {
      const r = ok(decodeBytes(encodeLegacy(s, "big5")));
      assert.equal(r.encoding, "big5", s);
      assert.equal(r.text, s);
    }
  });

  it("reads every seed converted to Traditional and re-encoded as Big5", () => {
    for (const seed of SEEDS) {
      const t = traditional(seed.text);
      assert.notEqual(t, seed.text);
      const r = ok(decodeBytes(encodeLegacy(t, "big5")));
      assert.equal(r.encoding, "big5", seed.name);
      assert.equal(r.text, t);
    }
  });

  it("reads every line of the seeds, cut to 8 characters, in Big5", () => {
    for (const seed of SEEDS) {
      for (const line of seed.text.split("\n").map((l) => l.trim()).filter((l) => l.length >= 8)) {
        const s = traditional(line.slice(0, 8));
        const r = ok(decodeBytes(encodeLegacy(s, "big5")));
        assert.equal(r.encoding, "big5", s);
        assert.equal(r.text, s);
      }
    }
  });
});

describe("decodeBytes: HTML charset declarations", () => {
  const page = (charset: string, body: string): string =>
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>t</title></head><body><p>${body}</p></body></html>`;

  it("uses <meta http-equiv content charset=gb2312> on a short page", () => {
    const r = ok(decodeBytes(encodeLegacy(page("gb2312", "开发区建设"), "gb2312"), { html: true }));
    assert.equal(r.encoding, "gb18030");
    assert.match(r.text, /<p>开发区建设<\/p>/);
  });

  it("uses <meta charset=big5>", () => {
    const html = `<html><head><meta charset="big5"></head><body>${traditional("开发区招商")}</body></html>`;
    const r = ok(decodeBytes(encodeLegacy(html, "big5"), { html: true }));
    assert.equal(r.encoding, "big5");
    assert.match(r.text, /開發區招商/);
  });

  it("ignores a declaration inside a comment", () => {
    const html = `<html><head><!-- <meta charset="big5"> --></head><body>${"开发区招商引资项目建设".repeat(3)}</body></html>`;
    const r = ok(decodeBytes(utf8(html), { html: true }));
    assert.equal(r.encoding, "utf-8");
  });

  it("reads UTF-8 bytes as UTF-8 even when the page claims gb2312, and says so", () => {
    const r = ok(decodeBytes(utf8(page("gb2312", "鹤壁经济技术开发区招商引资")), { html: true }));
    assert.equal(r.encoding, "utf-8");
    assert.match(r.text, /鹤壁经济技术开发区/);
    assert.match(r.warnings.join("\n"), /declares charset=gb2312.*UTF-8/);
  });

  it("detects GBK when a page wrongly claims utf-8", () => {
    const r = ok(decodeBytes(encodeLegacy(page("utf-8", "鹤壁经济技术开发区招商引资成效明显"), "gbk"), { html: true }));
    assert.equal(r.encoding, "gb18030");
    assert.match(r.text, /鹤壁经济技术开发区招商引资成效明显/);
    assert.match(r.warnings.join("\n"), /not UTF-8/);
  });
});

describe("decodeBytes: files that are not text", () => {
  it("calls a 0-byte file empty", () => {
    assert.equal(err(decodeBytes(new Uint8Array(0))), "empty file");
  });

  it("calls a whitespace-only file empty (spaces, newlines, U+3000, a lone BOM)", () => {
    assert.equal(err(decodeBytes(utf8("  \n\r\n\t  \n"))), "empty file");
    assert.equal(err(decodeBytes(utf8("\u3000\u3000\n\u00a0\n"))), "empty file");
    assert.equal(err(decodeBytes(utf8("", true))), "empty file");
    assert.equal(err(decodeBytes(utf8("\n\n", true))), "empty file");
    assert.equal(err(decodeBytes(encodeUtf16("  \r\n", true))), "empty file");
  });

  it("calls a PNG binary", () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0);
    assert.equal(err(decodeBytes(png)), "not text (binary data?)");
  });

  it("calls random bytes binary, with and without NULs", () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    };
    const withNul = Uint8Array.from({ length: 4096 }, () => rnd() & 0xff);
    const noNul = Uint8Array.from({ length: 4096 }, () => (rnd() % 255) + 1);
    assert.equal(err(decodeBytes(withNul)), "not text (binary data?)");
    assert.equal(err(decodeBytes(noNul)), "not text (binary data?)");
  });

  it("calls control characters binary", () => {
    const ctl = Uint8Array.from({ length: 200 }, (_, i) => [1, 2, 3, 0x1b, 0x7f, 0x41][i % 6]);
    assert.equal(err(decodeBytes(ctl)), "not text (binary data?)");
  });

  it("calls a file without any letters binary", () => {
    assert.equal(err(decodeBytes(utf8("12345 6789 -- !! ..."))), "not text (binary data?)");
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, html) => {
        const r = decodeBytes(bytes, { html });
        if ("error" in r) return typeof r.error === "string" && r.error.length > 0;
        return typeof r.text === "string" && !r.text.includes("\r") && !r.text.includes("\ufeff");
      }),
      { numRuns: 400 },
    );
  });
});
