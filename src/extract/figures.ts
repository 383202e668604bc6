/**
 * Figures (the numbers) of an article, from its clean paragraphs.
 *
 * The text is cut into sentences (。！？ and line ends), semicolon segments
 * (；;) and clauses (，,：:). Each clause is scanned for amounts (150亿元,
 * 43个), shares and rates (开工率93.3%, 占…的89.4%) and growth phrases
 * (同比增长20%, 同比分别增长20%、18%). The indicator is the noun phrase before
 * the number, trimmed of subject words (全区, 开发区 …), period words and verbs.
 * A growth clause without a name of its own belongs to the amount before it;
 * a 分别 list is mapped to the amounts before it only when the counts agree,
 * otherwise its growths are kept as uncertain figures. Periods are stated by a
 * clause and inherited by the rest of its sentence and paragraph.
 *
 * Choices (see the brief):
 * - growth-only figures ("固定资产投资同比增长20.1%") have value null and unit null.
 * - "高于全市5.3个百分点" and every other 个百分点 figure is skipped: it compares
 *   with a benchmark, it is neither a value of the zone nor its growth.
 * - "总投资" directly after a count in the same ；-segment is qualified with the
 *   count's indicator: "签约项目43个，总投资98.5亿元" → 签约项目 / 签约项目总投资.
 * - "增长一倍" is growth 100 only with a year-on-year word (同比, 比上年 …);
 *   "增长两倍" and larger multiples are never growth (the press uses them for ×2 and ×3).
 * - "年均增长25%" is not year-on-year: it becomes its own figure
 *   (indicator + 年均增速, value 25, unit %).
 * - Arabic numerals only, except money with 万/亿 written in Chinese (两亿元).
 *   Counts need the thing named before them (签约项目43个); "11个项目" is not a figure.
 *
 * Never throws, compiles its regexes once, deterministic.
 */
import type { Figure } from "../types.ts";
import { INDICATOR_NAMES_LONGEST_FIRST, lookupIndicator } from "../data/indicators.ts";
import { isCountUnit, isDownVerb, isUnit, parseArabic, parseChineseNumeral } from "./numbers.ts";

// ---------------------------------------------------------------------------
// periods

const CN_MONTH = "[一二三四五六七八九十]{1,3}";
const MON = `(?:\\d{1,2}|${CN_MONTH})`;
const YEAR_PREFIX = "(?:(\\d{4})年(?:度)?|今年|本年|(去年|上年))?";
const DASH = "(?:至|到|[-—–~－〜～‐‑]+)";

const PERIOD_SOURCES: ReadonlyArray<readonly [string, string]> = [
  // 1月至10月份, 1-4月份, 1—10月, 元-9月份, 2022年1—6月
  ["span", `${YEAR_PREFIX}((?<![\\d万亿千百美欧港余多])元|(?<!\\d)${MON})月?份?\\s*${DASH}\\s*(${MON})月(?:份|末|底)?(?![\\d日号])`],
  // 前10个月, 前八个月, 今年前10个月
  ["first", `${YEAR_PREFIX}前(${MON}|两)个?月(?:份)?`],
  // 截至9月底, 截止9月末
  ["until", `(?:截至|截止)(?:到)?(?:(\\d{4})年|今年)?(${MON})月(?:底|末|份|末底)?`],
  // 截至目前, 到目前为止
  ["now", `(?:截至|截止|截止到|到)(?:目前|当前|现在)(?:为止)?|目前为止`],
  // 前三季度, 一季度, 上半年, 2022年上半年
  ["quarter", `${YEAR_PREFIX}(前三季度|前两个?季度|前二季度|第?[一二三四1-4]季度|上半年|下半年)`],
  // 今年1月, 2023年1月 (single month needs a year word before it)
  ["month", `(?:(\\d{4})年|今年|本年|(去年|上年))(${MON})月份?(?![\\d日号至到\\-—–~－])`],
];

const PERIOD_RES: ReadonlyArray<readonly [string, RegExp]> = PERIOD_SOURCES.map(([k, s]) => [k, new RegExp(s, "g")] as const);

/** period words that only count at the start of a clause */
const START_PERIOD_RE =
  /^(?:在|截至|截止|到)?(?:(\d{4})年(?:度)?(?![\d月])(?:以来)?|(今年以来|今年年初以来|今年年初|年初以来|今年|本年度|本年)|(去年|上年)|(全年)|(\d{1,2})月份(?![\d日号])|(目前|当前))/;

/** every period expression has one of these */
const PERIOD_CHARS_RE = /[月年季截目当]/;

const DATE_RE = /\d{1,2}月\d{1,2}[日号]|昨日|昨天|前天/;

function monthNumber(s: string): number | null {
  if (s === "元") return 1;
  if (s === "两") return 2;
  const a = parseArabic(s);
  if (a !== null) return a;
  return parseChineseNumeral(s);
}

function validMonth(n: number | null): n is number {
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 12;
}

function yearWord(year: string | undefined, last: string | undefined): string {
  if (year) return `${year}年`;
  if (last) return "去年";
  return "";
}

function normaliseQuarter(q: string): string {
  if (/^前(?:两个?|二)季度$/.test(q)) return "上半年";
  const m = /^第?([一二三四1-4])季度$/.exec(q);
  if (m) return `${"一二三四"["1234".indexOf(m[1])] ?? m[1]}季度`;
  return q;
}

interface PeriodHit {
  start: number;
  end: number;
  period: string;
}

/** Period expressions in a piece of text, in order, normalised (1月至10月份 → 1—10月). */
function periodHits(text: string): PeriodHit[] {
  const hits: PeriodHit[] = [];
  if (!PERIOD_CHARS_RE.test(text)) return hits;
  for (const [kind, re] of PERIOD_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let period: string | null = null;
      if (kind === "span") {
        const a = monthNumber(m[3]);
        const b = monthNumber(m[4]);
        if (validMonth(a) && validMonth(b) && a <= b) {
          period = yearWord(m[1], m[2]) + (a === b ? `${a}月` : `${a}—${b}月`);
        }
      } else if (kind === "first") {
        const n = monthNumber(m[3]);
        if (validMonth(n)) period = yearWord(m[1], m[2]) + (n === 1 ? "1月" : `1—${n}月`);
      } else if (kind === "until") {
        const n = monthNumber(m[2]);
        if (validMonth(n)) period = `截至${m[1] ? `${m[1]}年` : ""}${n}月底`;
      } else if (kind === "now") {
        period = "截至目前";
      } else if (kind === "quarter") {
        period = yearWord(m[1], m[2]) + normaliseQuarter(m[3]);
      } else if (kind === "month") {
        const n = monthNumber(m[3]);
        if (validMonth(n)) period = yearWord(m[1], m[2]) + `${n}月`;
      }
      if (period !== null) hits.push({ start: m.index, end: m.index + m[0].length, period });
    }
  }
  // the clause's start may name a year or 今年
  const lead = /^[\s“”"‘’（(]*/.exec(text);
  const off = lead ? lead[0].length : 0;
  const s = START_PERIOD_RE.exec(text.slice(off));
  if (s) {
    let period: string | null = null;
    if (s[1]) period = `${s[1]}年`;
    else if (s[2]) period = "今年";
    else if (s[3]) period = "去年";
    else if (s[4]) period = "全年";
    else if (s[5] && validMonth(monthNumber(s[5]))) period = `${monthNumber(s[5])}月`;
    else if (s[6]) period = "截至目前";
    if (period !== null) hits.push({ start: off, end: off + s[0].length, period });
  }
  // keep the longest of overlapping hits, in text order
  hits.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: PeriodHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      if (h.end - h.start > prev.end - prev.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** The period a piece of text states (the last one it names), normalised, or null. */
export function findPeriod(text: string): string | null {
  if (typeof text !== "string") return null;
  const hits = periodHits(text);
  return hits.length ? hits[hits.length - 1].period : null;
}

// ---------------------------------------------------------------------------
// tokens

const BASE_UNITS = [
  "平方公里", "平方米", "公顷", "亩", "公里", "千米", "米", "吨", "千瓦时", "千瓦",
  "美元", "欧元", "港元", "元",
  "人次", "个", "家", "项", "座", "条", "辆", "台", "套", "栋", "名", "人", "次", "份", "户", "起", "批", "宗",
];
const BASE_ALT = [...BASE_UNITS].sort((a, b) => b.length - a.length).join("|");

/** number, 余/多, multiplier, unit (or % or 个百分点) */
const AMOUNT_RE = new RegExp(
  `(?<![\\d.,])(第)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)[ \\u00a0]?(余|多)?(万亿|千万|亿|万|千)?(余|多)?(个百分点|百分点|%|${BASE_ALT})`,
  "g",
);
/** money written in Chinese numerals with 万/亿: 两亿元, 五千万元 */
const CN_AMOUNT_RE =
  /(?<![零〇一二两三四五六七八九十百千万亿第])([零〇一二两三四五六七八九十百千]*[一二两三四五六七八九][零〇一二两三四五六七八九十百千]*)(余|多)?(万亿|亿|万)(余|多)?(元|美元|欧元)/g;

const NUMS_LIST = "[+\\-−－]?\\d+(?:\\.\\d+)?%(?:[、和及与][+\\-−－]?\\d+(?:\\.\\d+)?%)*";
const YOY = "同比|比上年同期|比去年同期|较上年同期|较去年同期|与去年同期相比|与上年同期相比|比上年|较上年|比去年|较去年|比年初|较年初";
const GROWTH_VERB = "增长|增加|提高|上升|上涨|增速|增幅|下降|减少|降低|回落|下滑|下跌|降幅|减幅";
const GROWTH_PHRASE_RE = new RegExp(
  `(年均)?(${YOY})?(分别)?(${GROWTH_VERB})(?:率)?(?:了)?(分别)?(?:要|将|力争)?(?:保持在|为|达到|达|是)?(?:约|近|超过)?[ ]?(${NUMS_LIST})`,
  "g",
);
const BEI_RE = new RegExp(`(${YOY})?(?:增长|增加|提高)(?:了)?([一二两三四五六七八九十]|\\d+)倍|(${YOY})?翻(?:了)?一番`, "g");

const COUNT_AFTER_RE = /^(?:以上|以下|左右|之多|多)?(?:[、和及]|[（(]|$)|^段?\d/;
const THRESHOLD_AFTER_RE = /^(?:以上|以下|左右)?(?:的)?(?:项目|企业|级)/;
const CAPACITY_BEFORE_RE = /(?:年产|年生产|年产能|年加工|年处理|日产|日处理|年出栏|年吞吐|设计产能|生产能力)(?:能力)?(?:为|达|达到)?(?:约|近)?$/;
const CHANGE_BEFORE_RE = new RegExp(`(?:${YOY})(?:分别)?(?:增长|增加|减少|下降|提高|降低|上升|增收|减收|多|少)(?:了)?(?:约|近)?$`);

// ---------------------------------------------------------------------------
// indicators

const QUOTES_RE = /[“”"‘’'「」『』《》\s]/g;
const PERIOD_WORDS_RE = new RegExp(
  PERIOD_SOURCES.map(([, s]) => s).join("|") + "|\\d{4}年(?:度)?(?:以来)?|今年以来|今年年初以来|年初以来|今年|本年度|去年|上年|全年|当年|年内|目前|当前|截至|截止",
  "g",
);
const ZONE_WORD = "经济技术开发区|高新技术产业开发区|经开区|高新区|开发区|示范区|产业集聚区|集聚区|综合保税区|综保区|新区";
const LEAD_RE = new RegExp(
  "^(?:[、，,；;：:（()）\\-—]|其中|另外|此外|同时|并且|而且|据了解|据统计|据悉|据介绍|经统计|特别是|尤其是|即|共计|合计|累计|总计|共有|现有|已有|拥有|共|(?:达产|投产|建成|竣工)后可?|已经|现已|已|先后|至少|力争|预计|将|把|要|需要|须|此次|本次|这次|" +
    "实现了?|完成了?|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|首先|其次|再次|最后|" +
    "全区上下|全区|全县|全市|全镇|全乡|该区|该县|该市|该镇|该乡|该局|该项目|该公司|该企业|本区|我区|区内|园区内|园区|" +
    `[\\u4e00-\\u9fff]{0,10}?(?:${ZONE_WORD}))`,
);
const TRAIL_RE =
  /(?:完成了?|实现了?|达到了?|高达|达|为|是|突破|超过|超|逾|到位|共计|累计|合计|总计|约|近|共|有|已经|已|的|要|将|了|计|增加到|增至|提高到|上升到|提升到|不少于|不低于|不超过|不到|保持在|左右|由原来|由|分别|同比|均|安排)$/;
const INNER_VERB_RE = new RegExp(
  `(?:累计完成|共完成|完成|实现)(?:了)?(?=${INDICATOR_NAMES_LONGEST_FIRST.map(escapeRe).join("|")})`,
  "g",
);
const LEAD_COUNT_RE = /^\d+(?:\.\d+)?(?:余|多)?(?:个|家|项|名|座|批)/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The indicator the words before a number name, or "" when they name none. */
function cleanIndicator(raw: string): string {
  let s = raw.replace(QUOTES_RE, "").replace(PERIOD_WORDS_RE, "");
  for (let round = 0; round < 3; round++) {
    const before = s;
    for (let i = 0; i < 12; i++) {
      const t = s.replace(LEAD_RE, "");
      if (t === s) break;
      s = t;
    }
    for (let i = 0; i < 12; i++) {
      const t = s.replace(TRAIL_RE, "");
      if (t === s) break;
      s = t;
    }
    s = s.replace(INNER_VERB_RE, "");
    const de = s.lastIndexOf("的");
    if (de >= 0 && s.length - de - 1 >= 2) s = s.slice(de + 1);
    const you = s.lastIndexOf("有");
    if (you > 0 && lookupIndicator(s.slice(you + 1))) s = s.slice(you + 1);
    s = s.replace(LEAD_COUNT_RE, "");
    if (s === before) break;
  }
  return s.length >= 2 ? s : "";
}

function splitNames(s: string): string[] {
  return s.split(/[、和及与]/).filter((x) => x.length > 0);
}

// ---------------------------------------------------------------------------
// text layout

interface Clause {
  start: number;
  end: number;
  /** index of the ；-segment within the sentence */
  semi: number;
}

interface Sentence {
  start: number;
  end: number;
  clauses: Clause[];
}

/** the most text looked at before a number */
const MAX_PRE = 60;
/** a clause longer than this is cut (no real clause is; it bounds the work on odd input) */
const MAX_CLAUSE = 600;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function splitSentences(w: string): Sentence[] {
  const out: Sentence[] = [];
  let clauses: Clause[] = [];
  let sStart = 0;
  let cStart = 0;
  let semi = 0;
  const flushClause = (end: number): void => {
    if (end > cStart && /\S/.test(w.slice(cStart, end))) clauses.push({ start: cStart, end, semi });
  };
  const flushSentence = (end: number): void => {
    if (clauses.length) out.push({ start: sStart, end, clauses });
    clauses = [];
    semi = 0;
  };
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    let kind = 0; // 1 clause, 2 segment, 3 sentence
    if (c === "。" || c === "！" || c === "？" || c === "!" || c === "?" || c === "\n" || c === "\r") kind = 3;
    else if (c === ".") kind = isDigit(w[i - 1]) && isDigit(w[i + 1]) ? 0 : 3;
    else if (c === "；" || c === ";") kind = 2;
    else if (c === "，" || c === "：") kind = 1;
    else if (c === ",") kind = isDigit(w[i - 1]) && /^\d{3}(?!\d)/.test(w.slice(i + 1, i + 5)) ? 0 : 1;
    else if (c === ":") kind = isDigit(w[i - 1]) && isDigit(w[i + 1]) ? 0 : 1;
    if (!kind) {
      if (i - cStart >= MAX_CLAUSE && !isDigit(c)) {
        flushClause(i);
        cStart = i;
      }
      continue;
    }
    flushClause(i);
    cStart = i + 1;
    if (kind === 2) semi++;
    if (kind === 3) {
      flushSentence(i);
      sStart = i + 1;
    }
  }
  flushClause(w.length);
  flushSentence(w.length);
  return out;
}

/** Same length as the input: ASCII digits and %, book titles masked (《…2011年…》 holds no figures). */
function workingCopy(p: string): string {
  let w = p.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/％/g, "%");
  w = w.replace(/(\d)．(?=\d)/g, "$1.");
  w = w.replace(/《[^《》]{0,200}》/g, (m) => "《" + "□".repeat(m.length - 2) + "》");
  return w;
}

// ---------------------------------------------------------------------------
// events inside a clause

type Event =
  | { kind: "amount"; start: number; end: number; value: number; unit: string }
  | { kind: "pct"; start: number; end: number; value: number }
  | { kind: "growth"; start: number; end: number; values: number[]; list: boolean; annual: boolean }
  | { kind: "bei"; start: number; end: number; growth: number | null }
  | { kind: "skip"; start: number; end: number; keepName: boolean };

function overlaps(a: { start: number; end: number }, spans: Array<{ start: number; end: number }>): boolean {
  for (const s of spans) if (a.start < s.end && s.start < a.end) return true;
  return false;
}

/** every figure has one of these */
const FIGURE_CHARS_RE = /[0-9万亿倍番]/;

function clauseEvents(w: string, cs: number, ce: number): Event[] {
  const text = w.slice(cs, ce);
  const events: Event[] = [];
  if (!FIGURE_CHARS_RE.test(text)) return events;
  const taken: Array<{ start: number; end: number }> = [];

  GROWTH_PHRASE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GROWTH_PHRASE_RE.exec(text)) !== null) {
    const [, annual, , fen1, verb, fen2, list] = m;
    const down = isDownVerb(verb);
    const values: number[] = [];
    for (const item of list.split(/[、和及与]/)) {
      const n = parseArabic(item.replace("%", ""));
      if (n === null) continue;
      values.push(down ? -Math.abs(n) : n);
    }
    if (!values.length) continue;
    const ev: Event = {
      kind: "growth",
      start: cs + m.index,
      end: cs + m.index + m[0].length,
      values,
      list: Boolean(fen1 || fen2) || values.length > 1,
      annual: Boolean(annual),
    };
    events.push(ev);
    taken.push(ev);
  }

  BEI_RE.lastIndex = 0;
  while ((m = BEI_RE.exec(text)) !== null) {
    const span = { start: cs + m.index, end: cs + m.index + m[0].length };
    if (overlaps(span, taken)) continue;
    const yoy = m[1] || m[3];
    const times = m[2] === undefined ? 1 : m[2] === "一" ? 1 : parseArabic(m[2]) ?? parseChineseNumeral(m[2]);
    events.push({ kind: "bei", ...span, growth: yoy && times === 1 ? 100 : null });
    taken.push(span);
  }

  AMOUNT_RE.lastIndex = 0;
  while ((m = AMOUNT_RE.exec(text)) !== null) {
    const [all, ordinal, num, more1, mult, more2, base] = m;
    const span = { start: cs + m.index, end: cs + m.index + all.length };
    if (overlaps(span, taken)) continue;
    const after = w.slice(span.end, Math.min(ce, span.end + 24));
    const before = w.slice(Math.max(cs, span.start - 24), span.start);
    if (ordinal || base === "个百分点" || base === "百分点") {
      events.push({ kind: "skip", ...span, keepName: false });
      taken.push(span);
      continue;
    }
    const value = parseArabic(num);
    if (value === null) continue;
    if (base === "%") {
      if (mult || more1 || more2) continue;
      events.push({ kind: "pct", ...span, value });
      taken.push(span);
      continue;
    }
    const unit = (mult ?? "") + base;
    if (!isUnit(unit)) continue;
    if (isCountUnit(unit)) {
      // 35个位次, 10个月, 4个重点招商区域: not a count of something named before it
      if (!COUNT_AFTER_RE.test(after)) continue;
    } else {
      const milestone = /^大关/.test(after);
      if (milestone || THRESHOLD_AFTER_RE.test(after) || CAPACITY_BEFORE_RE.test(before) || CHANGE_BEFORE_RE.test(before)) {
        events.push({ kind: "skip", ...span, keepName: milestone });
        taken.push(span);
        continue;
      }
    }
    events.push({ kind: "amount", ...span, value, unit });
    taken.push(span);
  }

  CN_AMOUNT_RE.lastIndex = 0;
  while ((m = CN_AMOUNT_RE.exec(text)) !== null) {
    const [all, num, , mult, , base] = m;
    const span = { start: cs + m.index, end: cs + m.index + all.length };
    if (overlaps(span, taken)) continue;
    const after = w.slice(span.end, Math.min(ce, span.end + 24));
    if (THRESHOLD_AFTER_RE.test(after) || /^大关/.test(after)) continue;
    const value = parseChineseNumeral(num);
    const unit = mult + base;
    if (value === null || !isUnit(unit)) continue;
    events.push({ kind: "amount", ...span, value, unit });
    taken.push(span);
  }

  events.sort((a, b) => a.start - b.start);
  return events;
}

// ---------------------------------------------------------------------------
// the extractor

interface Draft {
  figure: Figure;
  /** where its quote starts and ends in the paragraph */
  qs: number;
  qe: number;
  /** growth-only with a name of its own (may fold into the amount after it) */
  growthOnly: boolean;
  dropped: boolean;
}

function makeFigure(
  indicator: string | null,
  value: number | null,
  unit: string | null,
  growth: number | null,
  period: string | null,
  uncertain: boolean,
): Figure {
  const f: Figure = { indicator, value, unit, growth, period, quote: "" };
  if (uncertain) f.uncertain = true;
  return f;
}

function extractParagraph(p: string): Figure[] {
  const w = workingCopy(p);
  const drafts: Draft[] = [];
  let current: string | null = null; // the period the paragraph has stated so far

  for (const sent of splitSentences(w)) {
    const dated = DATE_RE.test(w.slice(sent.start, sent.end));
    let period: string | null = dated ? null : current;
    let lastIndicator: string | null = null;
    let lastIndicatorAt = sent.start; // where the clause that named lastIndicator starts
    let lastAmountIndicator: string | null = null;
    let pending: Draft[] = [];
    const lastCount = new Map<number, string>();
    const sentFirstDraft = drafts.length;
    let sentYear: string | null = null; // a year the sentence has named (2011年…，截止9月底 → 截至2011年9月底)

    for (const cl of sent.clauses) {
      const hits = periodHits(w.slice(cl.start, cl.end));
      if (hits.length) {
        for (const h of hits) {
          const y = /^(\d{4})年/.exec(h.period);
          if (y) sentYear = y[1];
        }
        period = withSentenceYear(hits[hits.length - 1].period, sentYear);
        current = period;
      }
      const events = clauseEvents(w, cl.start, cl.end);
      let prevEnd = cl.start;
      for (let ei = 0; ei < events.length; ei++) {
        const ev = events[ei];
        // indicators are short: 60 characters are plenty, and bound the work on odd input
        const pre = w.slice(Math.max(prevEnd, ev.start - MAX_PRE), ev.start);

        if (ev.kind === "skip") {
          if (ev.keepName) {
            const name = cleanIndicator(pre);
            if (name) {
              lastIndicator = name;
              lastIndicatorAt = cl.start;
            }
          }
          continue;
        }
        const afterFigure = prevEnd > cl.start;
        prevEnd = ev.end;

        if (ev.kind === "amount") {
          // a second figure in the clause: a 、 starts a new item (…项目、投资14亿元)
          const item = afterFigure ? pre.slice(Math.max(pre.lastIndexOf("、"), pre.lastIndexOf("和")) + 1) : pre;
          let name = cleanIndicator(item);
          let uncertain = false;
          let growth: number | null = null;
          let qs = cl.start;
          // 分别为x亿元、y亿元: a list of amounts for a list of names
          const run: Array<Extract<Event, { kind: "amount" }>> = [ev];
          let j = ei + 1;
          while (j < events.length) {
            const nx = events[j];
            if (nx.kind !== "amount" || !/^[、和及与]?$/.test(w.slice(run[run.length - 1].end, nx.start))) break;
            run.push(nx);
            j++;
          }
          if (/分别/.test(pre) && run.length > 1) {
            const names = splitNames(cleanIndicator(pre.slice(0, pre.indexOf("分别"))));
            const ok = names.length === run.length;
            for (let k = 0; k < run.length; k++) {
              const r = run[k];
              const f = makeFigure(ok ? names[k] : null, r.value, r.unit, null, period, !ok);
              const d: Draft = { figure: f, qs: cl.start, qe: cl.end, growthOnly: false, dropped: false };
              drafts.push(d);
              pending.push(d);
            }
            if (ok) {
              lastIndicator = names[names.length - 1];
              lastIndicatorAt = cl.start;
            }
            ei = j - 1;
            prevEnd = run[run.length - 1].end;
            continue;
          }
          if (!name) {
            if (lastIndicator && !/其中/.test(pre)) {
              name = lastIndicator;
              qs = lastIndicatorAt;
              const last = drafts.length > sentFirstDraft ? drafts[drafts.length - 1] : null;
              if (last && last.growthOnly && !last.dropped && last.figure.indicator === name && last.figure.value === null) {
                growth = last.figure.growth;
                qs = last.qs;
                last.dropped = true;
              }
            } else {
              uncertain = true;
            }
          } else if ((name === "总投资" || name === "计划总投资") && lastCount.has(cl.semi)) {
            const rawTrim = pre.replace(/[\s、，,；;：:]/g, "").replace(/(?:约|近|达|为|突破|超过|超|逾)+$/, "");
            if (rawTrim === name) name = lastCount.get(cl.semi) + name;
          }
          const f = makeFigure(name || null, ev.value, ev.unit, growth, period, uncertain);
          const d: Draft = { figure: f, qs, qe: cl.end, growthOnly: false, dropped: false };
          drafts.push(d);
          if (growth === null) pending.push(d);
          if (name) {
            if (name !== lastIndicator) lastIndicatorAt = cl.start;
            lastIndicator = name;
            lastAmountIndicator = name;
            if (isCountUnit(ev.unit)) lastCount.set(cl.semi, name);
          }
          continue;
        }

        if (ev.kind === "pct") {
          let name: string | null = null;
          let uncertain = false;
          const share = /^(.*?)(?:占|为|相当于)([^占为]*?)(?:的)?(?:比重|比例)?(?:为|达|达到|约|近)*$/.exec(pre);
          const bare = cleanIndicator(pre);
          if (share && (/占/.test(pre) || /的(?:为|达|达到|约|近)*$/.test(pre))) {
            const subject = cleanIndicator(share[1]) || lastAmountIndicator || "";
            const obj = share[2].replace(QUOTES_RE, "").replace(/(?:的|为|达|达到|约|近)+$/, "");
            const ratio = /比重|比例/.test(pre) ? "比重" : "";
            name = subject || obj ? `${subject}占${obj || "比"}${obj ? ratio : ""}` : null;
            if (!subject && !obj) uncertain = true;
          } else if (bare) {
            name = bare;
          } else {
            uncertain = true;
          }
          const f = makeFigure(name, ev.value, "%", null, period, uncertain);
          drafts.push({ figure: f, qs: cl.start, qe: cl.end, growthOnly: false, dropped: false });
          continue;
        }

        if (ev.kind === "bei") {
          const name = cleanIndicator(pre);
          if (name) {
            lastIndicator = name;
            lastIndicatorAt = cl.start;
          }
          if (ev.growth === null) continue;
          if (name) {
            const f = makeFigure(name, null, null, ev.growth, period, false);
            drafts.push({ figure: f, qs: cl.start, qe: cl.end, growthOnly: true, dropped: false });
          } else {
            const target = pending[pending.length - 1];
            if (target) {
              target.figure.growth = ev.growth;
              target.qe = cl.end;
            } else {
              drafts.push({ figure: makeFigure(null, null, null, ev.growth, period, true), qs: cl.start, qe: cl.end, growthOnly: false, dropped: false });
            }
          }
          pending = [];
          continue;
        }

        // growth
        const own = cleanIndicator(pre);
        if (ev.annual) {
          const base = own || lastIndicator;
          const qs = own || !lastIndicator ? cl.start : lastIndicatorAt;
          for (const v of ev.values) {
            const f = makeFigure(base ? `${base}年均增速` : null, v, "%", null, period, !base || ev.values.length > 1);
            drafts.push({ figure: f, qs, qe: cl.end, growthOnly: false, dropped: false });
          }
          continue;
        }
        if (!ev.list) {
          const g = ev.values[0];
          if (own) {
            const f = makeFigure(own, null, null, g, period, false);
            drafts.push({ figure: f, qs: cl.start, qe: cl.end, growthOnly: true, dropped: false });
            lastIndicator = own;
            lastIndicatorAt = cl.start;
          } else {
            const target = pending[pending.length - 1];
            if (target) {
              target.figure.growth = g;
              target.qe = cl.end;
            } else {
              drafts.push({ figure: makeFigure(null, null, null, g, period, true), qs: cl.start, qe: cl.end, growthOnly: false, dropped: false });
            }
          }
          pending = [];
          continue;
        }
        // a list of growths
        if (own) {
          const names = splitNames(own);
          const ok = names.length === ev.values.length;
          for (let k = 0; k < ev.values.length; k++) {
            const f = makeFigure(ok ? names[k] : null, null, null, ev.values[k], period, !ok);
            drafts.push({ figure: f, qs: cl.start, qe: cl.end, growthOnly: ok, dropped: false });
          }
        } else if (pending.length === ev.values.length) {
          for (let k = 0; k < pending.length; k++) {
            const d = pending[k];
            d.figure.growth = ev.values[k];
            d.qs = sent.start;
            d.qe = sent.end;
          }
        } else {
          for (const g of ev.values) {
            drafts.push({ figure: makeFigure(null, null, null, g, period, true), qs: cl.start, qe: cl.end, growthOnly: false, dropped: false });
          }
        }
        pending = [];
      }
    }
  }

  const out: Figure[] = [];
  for (const d of drafts) {
    if (d.dropped) continue;
    d.figure.quote = p.slice(d.qs, d.qe).trim();
    if (TARGET_RE.test(w.slice(segmentStart(w, d.qs), d.qe))) d.figure.target = true;
    out.push(d.figure);
  }
  return out;
}

/** a yearless period of months (1—9月, 截至9月底, 上半年 …): it takes the year its sentence named */
const MONTHS_ONLY_RE = /^(?:\d{1,2}(?:—\d{1,2})?月|截至\d{1,2}月底|[一二三四]季度|上半年|下半年|前三季度)$/;

function withSentenceYear(period: string, year: string | null): string {
  if (!year || !MONTHS_ONLY_RE.test(period)) return period;
  return period.startsWith("截至") ? `截至${year}年${period.slice(2)}` : `${year}年${period}`;
}

/**
 * Words that make a figure a plan or a goal rather than a result, looked for
 * from the start of the figure's ；-segment to the end of its quote:
 * "要力争主导产业产值突破210亿元", "年均增速要达到15%", "力争储备项目500个以上".
 * 计划总投资 (a project's planned total) and 占年度投资计划 are not plans of the zone.
 */
const TARGET_RE =
  /力争|争取|确保|预计|预期|目标(?:是|为)|要(?:力争|实现|达到|完成|突破|确保|保持|超过|争取|引进|培育|建成)|将(?:达到|实现|突破|完成|超过)|计划(?:实现|完成|达到|引进|新|开工|建成)|(?<![截从年])(?:到|至)20\d\d年/;

/** where the ；-segment (or sentence) holding `at` starts; looks back at most MAX_CLAUSE characters */
function segmentStart(w: string, at: number): number {
  const stop = Math.max(0, at - MAX_CLAUSE);
  for (let i = at - 1; i >= stop; i--) {
    const c = w[i];
    if (c === "。" || c === "！" || c === "？" || c === "!" || c === "?" || c === "\n" || c === "\r" || c === "；" || c === ";") return i + 1;
  }
  return stop;
}

/**
 * extractParagraph, remembered for the last paragraphs seen: an article's
 * paragraphs are read twice (for its figures, and for its tags, which count
 * economic figures), and a file's repeated paragraphs more often. Callers get
 * copies, never the remembered figures (they may be changed afterwards).
 */
const MEMO_MAX = 4096;
const memo = new Map<string, readonly Figure[]>();

function paragraphFigures(p: string): Figure[] {
  let figures = memo.get(p);
  if (figures === undefined) {
    figures = extractParagraph(p);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(p, figures);
  }
  return figures.map((f) => ({ ...f }));
}

function figureKey(f: Figure): string {
  return JSON.stringify([f.indicator, f.value, f.unit, f.growth, f.period]);
}

/**
 * The figures of an article's clean paragraphs, in text order, each once
 * (a repeated paragraph gives nothing new: figures are deduplicated on
 * indicator, value, unit, growth and period).
 */
export function extractFigures(paragraphs: readonly string[]): Figure[] {
  const out: Figure[] = [];
  if (!Array.isArray(paragraphs)) return out;
  const seen = new Set<string>();
  for (const p of paragraphs) {
    if (typeof p !== "string" || p.length === 0) continue;
    let figures: Figure[];
    try {
      figures = paragraphFigures(p);
    } catch {
      continue; // never let one odd paragraph stop an article
    }
    for (const f of figures) {
      const k = figureKey(f);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(f);
    }
  }
  return out;
}
