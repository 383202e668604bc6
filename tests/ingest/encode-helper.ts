/**
 * Test-only encoders for GB18030 / GBK / GB2312 / Big5 / UTF-16.
 *
 * Node's TextDecoder decodes these encodings but cannot encode them, so the
 * tables are built by decoding every two-byte code (and the BMP part of the
 * GB18030 four-byte codes) once and inverting the result. No extra package is
 * needed, and the encoder agrees with the decoder by construction.
 */

type Table = Map<string, number[]>;
const tables = new Map<string, Table>();

function buildDoubleByte(enc: "gb18030" | "big5", leads: number[], trails: number[]): Table {
  const t: Table = new Map();
  const dec = new TextDecoder(enc, { fatal: true });
  for (const a of leads) {
    for (const b of trails) {
      let s: string;
      try {
        s = dec.decode(new Uint8Array([a, b]));
      } catch {
        continue;
      }
      if (s.length === 0 || s === "\ufffd") continue;
      if (!t.has(s)) t.set(s, [a, b]);
    }
  }
  return t;
}

function range(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = lo; i <= hi; i++) out.push(i);
  return out;
}

function table(enc: "gb18030" | "gbk" | "gb2312" | "big5"): Table {
  const cached = tables.get(enc);
  if (cached) return cached;
  let t: Table;
  if (enc === "gb2312") {
    // EUC-CN: both bytes A1–FE
    t = buildDoubleByte("gb18030", range(0xa1, 0xfe), range(0xa1, 0xfe));
  } else if (enc === "gbk") {
    t = buildDoubleByte("gb18030", range(0x81, 0xfe), [...range(0x40, 0x7e), ...range(0x80, 0xfe)]);
  } else if (enc === "gb18030") {
    t = new Map(table("gbk"));
    // four-byte codes whose first byte is 0x81–0x84 cover the rest of the BMP
    const dec = new TextDecoder("gb18030", { fatal: true });
    for (let a = 0x81; a <= 0x84; a++)
      for (let b = 0x30; b <= 0x39; b++)
        for (let c = 0x81; c <= 0xfe; c++)
          for (let d = 0x30; d <= 0x39; d++) {
            let s: string;
            try {
              s = dec.decode(new Uint8Array([a, b, c, d]));
            } catch {
              continue;
            }
            if (s && s !== "\ufffd" && !t.has(s)) t.set(s, [a, b, c, d]);
          }
  } else {
    // standard Big5 rows first, so a character is never encoded with its HKSCS duplicate
    t = buildDoubleByte("big5", [...range(0xa1, 0xfe), ...range(0x81, 0xa0)], [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]);
  }
  tables.set(enc, t);
  return t;
}

/** Encodes `text` in a legacy Chinese encoding; throws on a character the encoding lacks. */
export function encodeLegacy(text: string, enc: "gb18030" | "gbk" | "gb2312" | "big5"): Uint8Array {
  const t = table(enc);
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const bytes = t.get(ch);
    if (!bytes) throw new Error(`${enc} cannot encode ${ch} (U+${c.toString(16)})`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

export function encodeUtf16(text: string, le: boolean, bom = true): Uint8Array {
  const units: number[] = [];
  if (bom) units.push(0xfeff);
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  });
  return out;
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
