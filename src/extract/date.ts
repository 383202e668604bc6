import { EVENTS, JUST_HELD } from "../data/events.ts";

/**
 * The date of an article when the page does not state one: only as precise as
 * the text supports, and null rather than a guess. Every inference says why,
 * so the build report can show the reasoning.
 */
export interface InferredDate {
  date: string;
  reason: string;
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12, 元: 1 };
const num = (s: string): number => (/^\d+$/u.test(s) ? Number(s) : (CN_NUM[s] ?? NaN));

const YEAR = "(19[5-9]\\d|20[0-4]\\d)";
// plans for a year: 谋划2014年…工作, 部署2023年重点任务, 2023年是经济大年, 2023年工作
const PLAN = new RegExp(`(?:谋划|部署|安排|制定|研判|展望|迈向|确定)[^。；，]{0,8}?${YEAR}年|${YEAR}年(?:工作|重点任务|目标任务|是)`, "gu");
// the current year's running figures: 今年1月至10月份, 今年前10个月, 今年1-4月份, 今年1—9月, 今年前三季度
const THIS_YEAR_MONTHS = /今年(?:以来[，,]?)?(?:前|1月?至|1[-—～~]|元[-—]?)?(\d{1,2}|十一|十二|[一二三四五六七八九十])(?:个)?月/gu;
const THIS_YEAR_QUARTERS = /今年(?:前)?(一|二|三|四)季度|今年上半年/gu;
// last year's results: 2022年，高新区实现… / 2022年累计解决…
const RESULTS = new RegExp(`${YEAR}年[，,]?[^。；]{0,24}?(?:实现|完成|累计|达到|增长)`, "gu");

function latestThisYearMonth(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(THIS_YEAR_MONTHS)) {
    const n = num(m[1]);
    if (n >= 1 && n <= 12) best = Math.max(best ?? 0, n);
  }
  for (const m of text.matchAll(THIS_YEAR_QUARTERS)) {
    const n = m[1] ? num(m[1]) * 3 : 6;
    best = Math.max(best ?? 0, n);
  }
  return best;
}

export function inferDate(text: string): InferredDate | null {
  const plans = [...text.matchAll(PLAN)].map((m) => Number(m[1] ?? m[2]));
  const months = latestThisYearMonth(text);
  const results = [...text.matchAll(RESULTS)].map((m) => Number(m[1]));

  if (plans.length) {
    const plan = Math.max(...plans);
    // the current year's figures run late into the year and the plans are for next year
    if (months !== null && months >= 6 && !results.includes(plan)) {
      return { date: String(plan - 1), reason: `plans for ${plan} (谋划/部署${plan}年) beside this year's figures through month ${months} (今年…${months}月)` };
    }
    // last year's results beside this year's plans: early in the planned year
    if (results.includes(plan - 1) && (months === null || months <= 3)) {
      return { date: String(plan), reason: `plans for ${plan} beside ${plan - 1}'s results (${plan - 1}年…实现/完成)` };
    }
  }

  // an event the article speaks of as just held
  for (const ev of EVENTS) {
    for (const name of ev.names) {
      const at = text.indexOf(name);
      if (at < 0) continue;
      const around = text.slice(Math.max(0, at - 4), at + name.length + 12);
      if (!JUST_HELD.test(around)) continue;
      if (months !== null && months < ev.month - 2) continue; // this year's figures end too early for that year
      return { date: String(ev.year), reason: `speaks of ${name} (${ev.year}-${String(ev.month).padStart(2, "0")}) as just held` };
    }
  }
  return null;
}
