/**
 * Bytes → text. Decides the encoding of one raw input file and decodes it.
 *
 * Order (measured best for short Chinese text, see shared/FINDINGS.md):
 *   BOM → (HTML) <meta charset> in the first 2 KB → strict UTF-8 → jschardet
 *   → GB family always decoded as gb18030, Big5 as big5.
 * Never throws: every failure comes back as `{ error }`.
 */
import { isUtf8 } from "node:buffer";
import { load } from "cheerio";
import { detect } from "jschardet";

export type DecodeResult =
  | { text: string; encoding: string; warnings: string[] }
  | { error: string };

export interface DecodeOptions {
  /** the bytes are an HTML page: look for a declared charset first */
  html?: boolean;
}

/** Encoding names this module reports (the contract's list). */
export type EncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

const ERR_EMPTY = "empty file";
const ERR_BINARY = "not text (binary data?)";
const REPLACEMENT = "\uFFFD";
/** how many byte positions a warning lists before it summarises */
const MAX_LISTED = 5;

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  try {
    return decodeInner(bytes, opts);
  } catch (e) {
    return { error: `could not decode: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function decodeInner(bytes: Uint8Array, opts: DecodeOptions): DecodeResult {
  if (bytes.length === 0) return { error: ERR_EMPTY };
  const warnings: string[] = [];

  // 1. byte order marks
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const r = decodeUtf8Lenient(bytes, 3);
    warnings.push(...r.warnings);
    return finish(r.text, "utf-8-bom", warnings, 0);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const r = decodeUtf16(bytes, le ? "utf-16le" : "utf-16be", 2);
    warnings.push(...r.warnings);
    return finish(r.text, le ? "utf-16le" : "utf-16be", warnings, r.replaced);
  }

  // NUL bytes: binary, unless this is plainly UTF-16 written without a BOM
  if (bytes.includes(0)) {
    const u16 = sniffUtf16NoBom(bytes);
    if (u16) {
      warnings.push(`no byte order mark, but the bytes are ${u16.toUpperCase()} text: read as ${u16}`);
      const r = decodeUtf16(bytes, u16, 0);
      warnings.push(...r.warnings);
      return finish(r.text, u16, warnings, r.replaced);
    }
    return isBlank(bytes) ? { error: ERR_EMPTY } : { error: ERR_BINARY };
  }

  // 2. a charset the HTML page declares
  if (opts.html) {
    const declared = sniffHtmlCharset(bytes);
    if (declared) {
      const enc = charsetLabelToEncoding(declared);
      if (enc === "utf-8") {
        const u = analyseUtf8(bytes, 0);
        if (utf8IsAcceptable(u)) {
          const r = decodeUtf8Lenient(bytes, 0, u);
          warnings.push(...r.warnings);
          return finish(r.text, "utf-8", warnings, 0);
        }
        warnings.push(`the page declares charset=${declared}, but the bytes are not UTF-8: ignored the declaration`);
      } else if (enc === "gb18030" || enc === "big5") {
        const u = analyseUtf8(bytes, 0);
        if (u.invalid.length === 0 && u.multibyte >= 4) {
          warnings.push(`the page declares charset=${declared}, but the bytes are valid UTF-8: read as utf-8`);
          return finish(new TextDecoder("utf-8").decode(bytes), "utf-8", warnings, 0);
        }
        const d = decodeLegacy(bytes, enc);
        const other: "gb18030" | "big5" = enc === "gb18030" ? "big5" : "gb18030";
        const o = decodeLegacy(bytes, other);
        if (d.replaced > 2 && o.replaced * 4 < d.replaced && readingScore(o.text) > readingScore(d.text)) {
          warnings.push(`the page declares charset=${declared}, but the bytes read better as ${other}: read as ${other}`);
          return finishLegacy(o, other, warnings);
        }
        return finishLegacy(d, enc, warnings);
      } else {
        warnings.push(`the page declares charset=${declared}, which is not a Chinese encoding this archive reads: ignored the declaration`);
      }
    }
  }

  // 3. strict UTF-8 (tolerating a cut-off last character or a few stray bytes)
  const u = analyseUtf8(bytes, 0);
  if (utf8IsAcceptable(u)) {
    const r = decodeUtf8Lenient(bytes, 0, u);
    warnings.push(...r.warnings);
    return finish(r.text, "utf-8", warnings, 0);
  }

  // 4. jschardet
  const read = { gb18030: decodeLegacy(bytes, "gb18030"), big5: decodeLegacy(bytes, "big5") };
  const guess = guessLegacy(bytes, read, warnings);
  if (guess === "binary") return { error: ERR_BINARY };
  return finishLegacy(read[guess], guess, warnings);
}

// ---------------------------------------------------------------------------
// UTF-8

interface Utf8Analysis {
  /** [start, end) byte ranges that are not valid UTF-8 (maximal subparts, WHATWG style) */
  invalid: Array<{ start: number; end: number; truncatedAtEnd: boolean }>;
  /** number of valid multi-byte sequences (when there is no invalid range, counted only up to MULTIBYTE_ENOUGH) */
  multibyte: number;
}

/** More multi-byte characters than any test of valid UTF-8 here asks for. */
const MULTIBYTE_ENOUGH = 64;

/** Walks the bytes the way the WHATWG UTF-8 decoder does and records every invalid range. */
function analyseUtf8(bytes: Uint8Array, from: number): Utf8Analysis {
  // valid UTF-8 (most input) is checked natively; its multi-byte characters are its lead bytes
  if (isUtf8(bytes.subarray(from))) {
    let multibyte = 0;
    for (let i = from; i < bytes.length && multibyte < MULTIBYTE_ENOUGH; i++) if (bytes[i] >= 0xc0) multibyte++;
    return { invalid: [], multibyte };
  }
  const invalid: Utf8Analysis["invalid"] = [];
  let multibyte = 0;
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid.push({ start: i, end: i + 1, truncatedAtEnd: false });
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) {
        ok = false;
        break;
      }
      const c = bytes[j];
      const l = k === 0 ? lo : 0x80;
      const h = k === 0 ? hi : 0xbf;
      if (c < l || c > h) {
        ok = false;
        break;
      }
    }
    if (ok) {
      multibyte++;
      i = j;
    } else {
      invalid.push({ start: i, end: j, truncatedAtEnd: j >= n });
      i = j;
    }
  }
  return { invalid, multibyte };
}

/**
 * UTF-8 with only a few faults is still UTF-8: a character cut off at the very
 * end, or a few stray bytes among many good multi-byte characters. GBK or Big5
 * text read as UTF-8 fails at nearly every Chinese character, so it never
 * passes this test.
 */
function utf8IsAcceptable(u: Utf8Analysis): boolean {
  const k = u.invalid.length;
  if (k === 0) return true;
  if (k === 1 && u.invalid[0].truncatedAtEnd) return true;
  // each damaged character leaves one or two invalid ranges; GBK/Big5 read as UTF-8 fails at almost every character
  return u.multibyte >= 8 && u.multibyte >= 20 * k;
}

function decodeUtf8Lenient(
  bytes: Uint8Array,
  from: number,
  analysis?: Utf8Analysis,
): { text: string; warnings: string[] } {
  const u = analysis ?? analyseUtf8(bytes, from);
  const warnings: string[] = [];
  if (u.invalid.length === 0) {
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(from)), warnings };
  }
  // drop the invalid ranges, then decode the rest strictly
  const parts: Uint8Array[] = [];
  let pos = from;
  for (const r of u.invalid) {
    if (r.start > pos) parts.push(bytes.subarray(pos, r.start));
    pos = r.end;
  }
  if (pos < bytes.length) parts.push(bytes.subarray(pos));
  const total = parts.reduce((s, p) => s + p.length, 0);
  const clean = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    clean.set(p, off);
    off += p.length;
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(clean);
  u.invalid.slice(0, MAX_LISTED).forEach((r) => {
    warnings.push(
      r.truncatedAtEnd
        ? `incomplete UTF-8 sequence at byte ${r.start}, dropped`
        : `invalid UTF-8 sequence at byte ${r.start}, dropped`,
    );
  });
  if (u.invalid.length > MAX_LISTED) {
    warnings.push(`${u.invalid.length - MAX_LISTED} more invalid UTF-8 sequences dropped`);
  }
  return { text, warnings };
}

// ---------------------------------------------------------------------------
// UTF-16

function decodeUtf16(
  bytes: Uint8Array,
  enc: "utf-16le" | "utf-16be",
  from: number,
): { text: string; warnings: string[]; replaced: number } {
  const warnings: string[] = [];
  let body = bytes.subarray(from);
  if (body.length % 2 === 1) {
    warnings.push(`incomplete UTF-16 code unit at byte ${bytes.length - 1}, dropped`);
    body = body.subarray(0, body.length - 1);
  }
  try {
    return { text: new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body), warnings, replaced: 0 };
  } catch {
    const raw = new TextDecoder(enc, { ignoreBOM: true }).decode(body);
    const replaced = countChar(raw, REPLACEMENT);
    warnings.push(`${replaced} unpaired UTF-16 surrogate${replaced === 1 ? "" : "s"}, dropped`);
    return { text: raw, warnings, replaced };
  }
}

/** BOM-less UTF-16: NULs sit mostly at odd (LE) or even (BE) positions, and the text reads well. */
function sniffUtf16NoBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 4 || bytes.length % 2 === 1) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  // a CJK character can have a zero byte too (开 is U+5F00), so "mostly" is enough
  const candidates: Array<"utf-16le" | "utf-16be"> = [];
  if (oddNul >= 4 * evenNul) candidates.push("utf-16le");
  if (evenNul >= 4 * oddNul) candidates.push("utf-16be");
  for (const enc of candidates) {
    let text: string;
    try {
      text = new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      continue;
    }
    const chars = Array.from(text);
    const good = chars.filter((c) => /[\p{Script=Han}\p{Script=Latin}\p{N}\p{P}\s\u3000-\u303f\uff00-\uffef]/u.test(c)).length;
    if (good / chars.length >= 0.95 && /[\p{Script=Han}A-Za-z]/u.test(text)) return enc;
  }
  return null;
}

// ---------------------------------------------------------------------------
// GB18030 / Big5

interface LegacyDecoded {
  text: string;
  replaced: number;
}

function decodeLegacy(bytes: Uint8Array, enc: "gb18030" | "big5"): LegacyDecoded {
  const text = new TextDecoder(enc).decode(bytes);
  return { text, replaced: countChar(text, REPLACEMENT) };
}

function finishLegacy(d: LegacyDecoded, enc: "gb18030" | "big5", warnings: string[]): DecodeResult {
  const r = finish(d.text, enc, warnings, d.replaced);
  if ("error" in r) return r;
  if (d.replaced > 0) {
    r.warnings.push(`${d.replaced} byte sequence${d.replaced === 1 ? "" : "s"} not valid in ${enc}, dropped`);
  }
  return r;
}

/**
 * jschardet's guess, mapped to the two legacy Chinese encodings we read, and
 * checked against how the text reads: the decoding that gives a clearly
 * larger share of everyday characters wins (this rescues the few short
 * samples jschardet gets wrong). When jschardet names something else
 * (Japanese, Korean, a Latin code page), the better reading wins outright.
 */
const DETECT_BYTES = 16384;

/** A cut at a line end (or at n), so the sample does not end inside a two-byte character. */
function cutAtLineEnd(bytes: Uint8Array, n: number): number {
  for (let i = n; i > n - 1024 && i > 0; i--) if (bytes[i - 1] === 0x0a) return i;
  return n;
}

function guessLegacy(bytes: Uint8Array, read: Record<"gb18030" | "big5", LegacyDecoded>, warnings: string[]): "gb18030" | "big5" | "binary" {
  const gbText = read.gb18030.text;
  const gb = readingScore(gbText);
  const b5 = readingScore(read.big5.text);
  // Plainly Chinese in one encoding and much worse in the other: that one, without asking
  // jschardet. Its answer could not change the choice (a guess loses to a reading better by
  // READS_BETTER, below); it could only add the warning that the bytes look like some non-Chinese
  // code page, which for this much plainly Chinese text it has not been seen to give (every GB
  // and Big5 file of the generated 10,000-article corpus, tests/ingest). Asking costs 5–10 ms
  // a file, more than all the rest of normalisation (a bigram model per code page and language).
  if (Math.max(gb, b5) >= CLEARLY_CHINESE && Math.abs(gb - b5) >= READS_BETTER && nonAsciiCount(gb > b5 ? gbText : read.big5.text) >= ENOUGH_TEXT) {
    return gb > b5 ? "gb18030" : "big5";
  }
  let name: string | null = null;
  let mime: string | null = null;
  try {
    // the first 16 KB say which encoding it is; jschardet's time grows with the input (it was a sixth of normalisation time)
    const r = detect(bytes.length > DETECT_BYTES ? bytes.subarray(0, cutAtLineEnd(bytes, DETECT_BYTES)) : bytes);
    name = r.encoding ? r.encoding.toLowerCase() : null;
    mime = r.mimeType;
  } catch {
    name = null;
  }
  let guess: "gb18030" | "big5" | null = null;
  if (name !== null) {
    if (/^(gb18030|gb2312|gbk|cp936|hz-gb-2312|euc-cn|x-gbk|windows-936)$/.test(name)) guess = "gb18030";
    else if (/^(big5|big5hkscs|big5-hkscs|cp950|x-big5)$/.test(name)) guess = "big5";
  }
  // bytes that read as Chinese in neither encoding are not Chinese text (press text scores 0.4–0.7)
  if (Math.max(gb, b5) < UNREADABLE && nonAsciiCount(gbText) >= 16) return "binary";
  if (guess === null) {
    if (name === null && mime && !mime.startsWith("text/") && Math.max(gb, b5) < 0.2) return "binary";
    const pick = b5 > gb ? "big5" : "gb18030";
    if (name !== null && name !== "utf-8" && name !== "ascii") {
      warnings.push(`the bytes look like ${name}, which is not a Chinese encoding this archive reads: read as ${pick}`);
    }
    return pick;
  }
  const mine = guess === "gb18030" ? gb : b5;
  const other = guess === "gb18030" ? b5 : gb;
  if (other >= mine + READS_BETTER) return guess === "gb18030" ? "big5" : "gb18030";
  return guess;
}

/** a reading this much better than jschardet's guess wins over it */
const READS_BETTER = 0.25;
/** a reading score of press text (0.4–0.7), not of the wrong code page's rare characters */
const CLEARLY_CHINESE = 0.3;
/** non-ASCII characters enough for the reading score to say something */
const ENOUGH_TEXT = 64;

/** Below this reading score in both GB18030 and Big5, high bytes are junk, not text. */
const UNREADABLE = 0.15;

function nonAsciiCount(text: string): number {
  let n = 0;
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) >= 0x80) n++;
  return n;
}

/** Frequent characters of press Chinese, Simplified and Traditional forms. */
const COMMON = new Set(Array.from(
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严项投招企园镇乡街亿讯范聚郑州洛阳鹤壁漯河顶焦昌丘驻店濮峡封推落施服创台龙链签這為個國時來們於對會發動過說產種後學經進著電裡現實兩體機當點從業應開還義間樣與關線內數麼質氣變條沒結問無軍並題黨員總設長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處隊給門規熱領東導壓爭濟階術極聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確張馬節話況溫傳許廣記觀織裝眾書覆兒須際驗連斷難礦備辦習響約勞團歷構稱準號維劃選標寫親養層卻專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴項園鎮鄉億訊範鄭陽鶴頂駐峽創臺龍鏈籤",
));

/**
 * How well a decoding reads as Chinese: among the non-ASCII characters, the
 * share that are everyday characters (or CJK punctuation), minus replacement
 * characters. Right decodings of press text score 0.4–0.7; GBK read as Big5 or
 * the reverse gives rare characters, kana, Greek or replacement characters.
 */
function readingScore(text: string): number {
  let good = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    total++;
    if (c === 0xfffd) good -= 1;
    else if (COMMON.has(ch) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff5e) || c === 0x2014 || c === 0x201c || c === 0x201d) good++;
  }
  return total === 0 ? 0 : good / total;
}

// ---------------------------------------------------------------------------
// HTML charset declarations

/**
 * The charset an HTML page declares in its first 2 KB: <meta charset>, or
 * <meta http-equiv="Content-Type" content="…; charset=…">, or an XML
 * declaration. The prefix is read as Latin-1 (every byte one character) and
 * parsed with cheerio, so commented-out tags do not count.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  let found: string | null = null;
  // no <meta> element without these letters: the page is not parsed for one
  if (!/<meta/i.test(head)) return xml ? xml[1] : null;
  try {
    const $ = load(head);
    $("meta").each((_, el) => {
      if (found) return;
      const cs = $(el).attr("charset");
      if (cs && cs.trim()) {
        found = cs.trim();
        return;
      }
      const equiv = ($(el).attr("http-equiv") ?? "").toLowerCase();
      const content = $(el).attr("content") ?? "";
      if (equiv === "content-type" || /charset/i.test(content)) {
        const m = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(content);
        if (m) found = m[1];
      }
    });
  } catch {
    found = null;
  }
  if (found) return found;
  return xml ? xml[1] : null;
}

/** A declared charset label → the encoding we read it as (null: not one we read). */
export function charsetLabelToEncoding(label: string): "utf-8" | "gb18030" | "big5" | null {
  const l = label.trim().toLowerCase();
  if (/^(utf-?8|unicode-1-1-utf-8|unicode11utf8|unicode20utf8|x-unicode20utf8)$/.test(l)) return "utf-8";
  // a page that says UTF-16 but was readable as ASCII is not UTF-16 (WHATWG)
  if (/^(utf-?16(le|be)?|unicode|ucs-?2)$/.test(l)) return "utf-8";
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|chinese|csgb2312|iso-ir-58|gb_2312(-80)?|csiso58gb231280|euc-cn|x-euc-cn)$/.test(l)) {
    return "gb18030";
  }
  if (/^(big5|big5-hkscs|big5hkscs|cn-big5|csbig5|x-x-big5|x-big5|cp950|ms950|windows-950)$/.test(l)) return "big5";
  return null;
}

// ---------------------------------------------------------------------------
// after decoding: binary check, line ends, invisible characters

function finish(raw: string, encoding: EncodingName, warnings: string[], replaced: number): DecodeResult {
  let bad = replaced;
  let visible = 0;
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    // a surrogate pair is one character
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) {
      const d = raw.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    const kind = c < 0x10000 ? (CHAR_KIND[c] ||= charKind(c)) : charKind(c);
    if (kind === KIND_BAD) bad++;
    if (kind !== KIND_SKIP) visible++;
    if (kind === KIND_LETTER) letters++;
  }
  if (visible === 0) return { error: ERR_EMPTY };
  if (bad > Math.max(1, visible * 0.05) || letters === 0) return { error: ERR_BINARY };
  let text = replaced > 0 ? raw.replaceAll(REPLACEMENT, "") : raw;
  text = normaliseText(text);
  return { text, encoding, warnings };
}

/** What a character counts as when telling text from binary: not counted, a control, visible, a letter. */
const KIND_SKIP = 1;
const KIND_BAD = 2;
const KIND_VISIBLE = 3;
const KIND_LETTER = 4;
/** charKind of each BMP code unit, filled in as they are met (0: not yet) */
const CHAR_KIND = new Uint8Array(0x10000);

function charKind(c: number): number {
  if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0x85 || c === 0x20) return KIND_SKIP;
  if (c === 0xfffd) return KIND_SKIP; // already counted in `replaced`
  if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) return KIND_BAD;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff)) return KIND_LETTER;
  if (c < 0x80) return KIND_VISIBLE;
  // a lone surrogate stands for itself, as the string iterator gives it
  const ch = String.fromCodePoint(c);
  if (/\s/.test(ch) || INVISIBLE_RE.test(ch)) return KIND_SKIP;
  return /\p{L}/u.test(ch) ? KIND_LETTER : KIND_VISIBLE;
}

const INVISIBLE_RE = /^[\u200b-\u200f\u2060-\u2064\u2066-\u2069\u202a-\u202e\ufeff\u00ad\u180e]$/;

/**
 * Line ends to LF; zero-width and other invisible format characters removed.
 * ZWJ / ZWNJ stay only where they join something (between emoji, or letters of
 * scripts that use them), never next to Han, kana, ASCII or whitespace.
 */
export function normaliseText(text: string): string {
  let t = text.replace(/\r\n?/g, "\n").replace(/[\u2028\u2029\u0085\f\v]/g, "\n");
  t = t.replace(/[\u200b\u200e\u200f\u2060-\u2064\u2066-\u2069\u202a-\u202e\ufeff\u00ad\u180e]/g, "");
  if (/[\u200c\u200d]/.test(t)) {
    const cps = Array.from(t);
    t = cps
      .filter((ch, i) => (ch !== "\u200c" && ch !== "\u200d") || (joins(cps[i - 1]) && joins(cps[i + 1])))
      .join("");
  }
  return t;
}

function joins(ch: string | undefined): boolean {
  if (ch === undefined || ch.charCodeAt(0) < 0x80) return false;
  if (/[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(ch)) {
    return false;
  }
  return /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{M}\p{L}\ufe0f]/u.test(ch);
}

// ---------------------------------------------------------------------------

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0 && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}
