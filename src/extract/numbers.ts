/**
 * A small typed parser for the numerals of Chinese local press.
 *
 * Press text writes amounts with Arabic numerals and puts 万/亿 inside the unit
 * (150亿元, 1.39亿美元, 450余万元). The value of a figure is the number as it is
 * written, in the unit as it is written: 1.39亿美元 → 1.39, unit 亿美元.
 * `unitScale` turns such a unit into a factor and a base unit for whoever
 * needs to compare amounts later. Chinese numerals (两, 三千五百, 两千零五十万)
 * are parsed too, for the rare places they carry an amount.
 *
 * Everything here is pure, never throws, and compiles its regexes once.
 */

/** Units a figure may carry, exactly as the press writes them. */
export const UNITS = [
  // money
  "万亿元", "亿元", "千万元", "万元", "千元", "元",
  "亿美元", "万美元", "美元",
  "亿欧元", "万欧元", "欧元",
  "亿港元", "万港元", "港元",
  // rates
  "%",
  // counts
  "个", "家", "项", "座", "条", "辆", "台", "套", "栋", "名", "人", "万人", "次", "人次", "万人次", "份", "户", "万户", "起", "批", "宗",
  // area, length, weight, energy
  "平方公里", "万平方米", "平方米", "万亩", "亩", "公顷", "公里", "千米", "米",
  "万吨", "吨", "万千瓦时", "亿千瓦时", "千瓦时", "万千瓦", "千瓦",
] as const;

export type Unit = (typeof UNITS)[number];

const UNIT_SET: ReadonlySet<string> = new Set(UNITS);

export function isUnit(s: string): s is Unit {
  return UNIT_SET.has(s);
}

/** Units that count things (个, 家 …): they need the thing named before them. */
export const COUNT_UNITS: ReadonlySet<Unit> = new Set<Unit>([
  "个", "家", "项", "座", "条", "辆", "台", "套", "栋", "名", "人", "万人", "次", "人次", "万人次", "份", "户", "万户", "起", "批", "宗",
]);

export function isCountUnit(u: string): boolean {
  return COUNT_UNITS.has(u as Unit);
}

/** Units of money. */
export function isMoneyUnit(u: string): boolean {
  return /(?:元|美元|欧元|港元)$/.test(u);
}

const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

/**
 * The factor and base unit hidden in a unit: 亿元 → { factor: 1e8, base: "元" },
 * 万平方米 → { 1e4, 平方米 }, % → { 1, % }. Unknown units give factor 1.
 * 千米/千瓦/千瓦时 are units of their own, not 千 × 米.
 */
export function unitScale(unit: string): { factor: number; base: string } {
  if (unit === "千米" || unit === "千瓦" || unit === "千瓦时") return { factor: 1, base: unit };
  for (const [m, f] of MULTIPLIERS) {
    if (unit.startsWith(m) && unit.length > m.length) {
      const rest = unit.slice(m.length);
      if (rest === "米" && m === "千") return { factor: 1, base: unit };
      return { factor: f, base: rest };
    }
  }
  return { factor: 1, base: unit };
}

/** A value in its unit, expressed in the base unit (1.39 亿美元 → 139000000 美元). */
export function toBase(value: number, unit: string): { value: number; unit: string } {
  const { factor, base } = unitScale(unit);
  // round away binary noise (1.39 * 1e8 = 138999999.99999997)
  const v = Number((value * factor).toPrecision(12));
  return { value: v, unit: base };
}

const FULLWIDTH_DIGIT = /[０-９．％，]/g;

/** Full-width digits, point, percent and comma to ASCII (one char each, so lengths match). */
export function asciiDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (c) => {
    if (c === "．") return ".";
    if (c === "％") return "%";
    if (c === "，") return "，"; // full-width comma stays a clause mark
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

const ARABIC_RE = /^[+\-−－]?\d+(?:,\d{3})*(?:\.\d+)?$|^[+\-−－]?\d*\.\d+$/;

/** "150", "1.39", "4,000", "－3.5", full-width digits → number; anything else → null. */
export function parseArabic(input: string): number | null {
  if (typeof input !== "string") return null;
  const s = asciiDigits(input.trim());
  if (!ARABIC_RE.test(s)) return null;
  const neg = /^[\-−－]/.test(s);
  const body = s.replace(/^[+\-−－]/, "").replace(/,/g, "");
  const n = Number(body);
  if (!Number.isFinite(n)) return null;
  return neg ? -n : n;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
const CN_NUMERAL_RE = /^[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿]+$/;

/**
 * Chinese numerals: 两 → 2, 十二 → 12, 二十 → 20, 一百二十 → 120,
 * 三千五百 → 3500, 两千零五十万 → 20500000, 一九九八 (digit by digit) → 1998.
 * Returns null for anything that is not a well-formed numeral.
 */
export function parseChineseNumeral(input: string): number | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  if (!s || !CN_NUMERAL_RE.test(s)) return null;
  // digit-by-digit form (一九九八, 二〇一四): no place units at all
  if (s.length > 1 && !/[十拾百佰千仟万亿]/.test(s)) {
    let v = 0;
    for (const c of s) v = v * 10 + (CN_DIGITS[c] ?? 0);
    return v;
  }
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 group
  let small = 0; // below 万
  let digit: number | null = null;
  let lastBig = Infinity;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[c] !== 0) return null; // 二三 inside a placed numeral
      digit = CN_DIGITS[c];
    } else if (c in CN_SMALL_UNITS) {
      const u = CN_SMALL_UNITS[c];
      small += (digit === null || (digit === 0 && small === 0) ? 1 : digit) * u;
      digit = null;
    } else if (c in CN_BIG_UNITS) {
      const u = CN_BIG_UNITS[c];
      if (u > lastBig && u === 1e8) {
        // 一万亿: the 亿 applies to everything so far
        total = (total + section + small + (digit ?? 0)) * u;
        section = 0;
      } else if (u === 1e8) {
        total += (section + small + (digit ?? 0)) * u;
        section = 0;
      } else {
        if (small === 0 && digit === null && section === 0 && total === 0) return null; // bare 万
        section += (small + (digit ?? 0)) * u;
      }
      small = 0;
      digit = null;
      lastBig = u;
    } else {
      return null;
    }
  }
  return total + section + small + (digit ?? 0);
}

/** Either form: Arabic ("1.39", "4,000") or Chinese ("两", "三千五百"). */
export function parseNumeral(input: string): number | null {
  return parseArabic(input) ?? parseChineseNumeral(input);
}

export interface Quantity {
  /** the number as written, in `unit` */
  value: number;
  /** the unit as written (万/亿 included) */
  unit: Unit;
  /** 约/近/余/多/以上 … : the text says the number is not exact */
  approx: boolean;
}

const QTY_RE = new RegExp(
  "^(约|近|逾|超过|超|达|共|计)?" +
    "([+\\-−－]?\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)" +
    "(余|多)?(万亿|千万|亿|万|千)?(余|多)?" +
    "(.+?)" +
    "(以上|以下|左右|余)?$",
);

/**
 * "150亿元" → { value: 150, unit: "亿元" }, "450余万元" → { 450, 万元, approx },
 * "1.2万余平方米" → { 1.2, 万平方米, approx }, "两亿元" → { 2, 亿元 },
 * "20%" → { 20, % }. Null when the unit is not one of UNITS.
 */
export function parseQuantity(input: string): Quantity | null {
  if (typeof input !== "string") return null;
  const s = asciiDigits(input.trim()).replace(/\s+/g, "");
  const m = QTY_RE.exec(s);
  if (!m) return null;
  const [, pre, num, more1, mult, more2, base, post] = m;
  const value = parseNumeral(num);
  if (value === null) return null;
  const unit = (mult ?? "") + base;
  if (!isUnit(unit)) {
    // 三千五百万元: the parser above put 千 into the numeral; 千万元 etc. already are units
    return null;
  }
  return { value, unit, approx: Boolean(pre && /约|近|逾|超/.test(pre)) || Boolean(more1 || more2 || post) };
}

const DOWN_RE = /下降|减少|降低|回落|下滑|下跌|降幅|减幅|缩减|负增长/;
const GROWTH_RE =
  /(增长|增加|提高|上升|上涨|增速|增幅|下降|减少|降低|回落|下滑|下跌|降幅|减幅|缩减)(?:率)?(?:了)?(?:分别)?(?:为|达到|达|是)?(?:约|近)?\s*([+\-−－]?\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)\s*(%|％|倍)/;
const DOUBLE_RE = /翻(?:了)?(?:一)?番/;

/**
 * The growth a phrase states, in percent: "增长20%" → 20, "同比下降3.5%" → -3.5,
 * "增速为-2%" → -2, "增长一倍" / "翻一番" → 100. "增长两倍" and larger multiples
 * give null: the press uses them both for ×2 and ×3. "个百分点" is not growth → null.
 */
export function parseGrowth(input: string): number | null {
  if (typeof input !== "string") return null;
  const s = asciiDigits(input);
  const m = GROWTH_RE.exec(s);
  if (!m) {
    if (DOUBLE_RE.test(s)) return 100;
    return null;
  }
  const [, verb, num, unit] = m;
  if (unit === "倍") {
    const n = parseNumeral(num);
    return n === 1 ? (DOWN_RE.test(verb) ? null : 100) : null;
  }
  let n: number | null;
  if (/点/.test(num)) {
    const [a, b] = num.split("点");
    const ia = parseChineseNumeral(a);
    if (ia === null) return null;
    let frac = "";
    for (const c of b) frac += String(CN_DIGITS[c] ?? 0);
    n = Number(`${ia}.${frac}`);
  } else {
    n = parseNumeral(num);
  }
  if (n === null || !Number.isFinite(n)) return null;
  return DOWN_RE.test(verb) ? -Math.abs(n) : n;
}

/** True when the verb means a fall (下降, 减少 …). */
export function isDownVerb(verb: string): boolean {
  return DOWN_RE.test(verb);
}
