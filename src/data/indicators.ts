/**
 * The indicator names the figure extractor recognises.
 *
 * `name` is a form the press writes; `canonical` is the one name a later step
 * will use to put variants together (规上工业增加值 and 规模以上工业企业增加值 are
 * both 规模以上工业增加值). The extractor keeps the indicator as the text
 * names it; this lexicon tells it which words are indicators (so that
 * 实现利润 loses its verb) and lets others canonicalise.
 */

export type IndicatorKind =
  /** a sum of money or a physical quantity (亿元, 万吨, 平方米 …) */
  | "amount"
  /** a number of things (个, 家, 项 …) */
  | "count"
  /** a rate or share (%) */
  | "rate";

export interface IndicatorDef {
  /** as the press writes it */
  readonly name: string;
  /** the name variants are gathered under */
  readonly canonical: string;
  readonly kind: IndicatorKind;
  /** counts as a headline economic indicator (used by the 经济运行 tag) */
  readonly economic: boolean;
}

function def(name: string, canonical: string, kind: IndicatorKind = "amount", economic = true): IndicatorDef {
  return { name, canonical, kind, economic };
}

export const INDICATORS: readonly IndicatorDef[] = [
  // revenue
  def("主营业务收入", "主营业务收入"),
  def("工业企业主营业务收入", "主营业务收入"),
  def("工业主营业务收入", "主营业务收入"),
  def("规模以上工业主营业务收入", "主营业务收入"),
  // 营业收入 is the name the statistics use for 主营业务收入 since 2019: one series
  def("营业收入", "主营业务收入"),
  def("主营收入", "主营业务收入"),
  def("工业企业营业收入", "主营业务收入"),
  def("规模以上工业营业收入", "主营业务收入"),
  def("销售收入", "销售收入"),
  def("工业总产值", "工业总产值"),
  def("规模以上工业总产值", "工业总产值"),
  def("总产值", "总产值"),
  def("产值", "产值"),
  // value added
  def("规模以上工业增加值", "规模以上工业增加值"),
  def("规上工业增加值", "规模以上工业增加值"),
  def("规模以上工业企业增加值", "规模以上工业增加值"),
  def("规模工业增加值", "规模以上工业增加值"),
  def("规模以上工业", "规模以上工业增加值"),
  def("规上工业", "规模以上工业增加值"),
  def("规模以上工业企业实现增加值", "规模以上工业增加值"),
  def("工业增加值", "工业增加值"),
  def("服务业增加值", "服务业增加值"),
  def("第三产业增加值", "服务业增加值"),
  def("高新技术产业增加值", "高新技术产业增加值"),
  def("增加值", "增加值"),
  // investment
  def("固定资产投资", "固定资产投资"),
  def("全社会固定资产投资", "固定资产投资"),
  def("工业投资", "工业投资"),
  def("工业固定资产投资", "工业投资"),
  def("基础设施投资", "基础设施投资"),
  def("总投资", "总投资", "amount", false),
  def("计划总投资", "总投资", "amount", false),
  def("投资", "投资", "amount", false),
  // trade and capital
  def("外贸进出口总额", "外贸进出口总额"),
  def("进出口总额", "外贸进出口总额"),
  def("进出口", "外贸进出口总额"),
  def("进出口总值", "外贸进出口总额"),
  def("外贸进出口", "外贸进出口总额"),
  def("出口", "出口"),
  def("出口总额", "出口"),
  def("出口创汇", "出口"),
  def("实际利用外资", "实际利用外资"),
  def("实际使用外资", "实际利用外资"),
  def("利用外资", "实际利用外资"),
  def("合同利用外资", "合同利用外资"),
  def("招商引资到位资金", "招商引资到位资金"),
  def("到位资金", "招商引资到位资金"),
  def("实际到位市外资金", "实际到位市外资金"),
  def("实际到位省外资金", "实际到位省外资金"),
  // public finance
  def("地方公共财政预算收入", "一般公共预算收入"),
  def("公共财政预算收入", "一般公共预算收入"),
  def("一般公共预算收入", "一般公共预算收入"),
  def("财政一般预算收入", "一般公共预算收入"),
  def("一般预算收入", "一般公共预算收入"),
  def("地方财政总收入", "财政总收入"),
  def("财政总收入", "财政总收入"),
  def("财政收入", "财政收入"),
  def("税收收入", "税收收入"),
  def("税收", "税收收入"),
  def("税收总额", "税收收入"),
  // profit
  def("利润总额", "利润"),
  def("利润", "利润"),
  def("利税", "利税"),
  def("利税总额", "利税"),
  // output
  def("地区生产总值", "生产总值"),
  def("生产总值", "生产总值"),
  def("GDP", "生产总值"),
  def("GDP总量", "生产总值"),
  def("生产总值总量", "生产总值"),
  // consumption
  def("社会消费品零售总额", "社会消费品零售总额"),
  // projects and counts
  def("签约项目", "签约项目", "count", false),
  def("新开工项目", "新开工项目", "count", false),
  def("开工项目", "新开工项目", "count", false),
  def("在建项目", "在建项目", "count", false),
  def("竣工项目", "竣工项目", "count", false),
  def("建成投产项目", "建成投产项目", "count", false),
  def("投产项目", "建成投产项目", "count", false),
  def("重点项目", "重点项目", "count", false),
  def("规模以上企业", "规模以上企业", "count", false),
  def("规模以上工业企业", "规模以上企业", "count", false),
  def("高新技术企业", "高新技术企业", "count", false),
  // rates
  def("开工率", "开工率", "rate", false),
  def("绿化覆盖率", "绿化覆盖率", "rate", false),
  def("资金到位率", "资金到位率", "rate", false),
  def("履约率", "履约率", "rate", false),
];

const BY_NAME: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.name, d]));

/** Names, longest first (for alternations that must prefer 规模以上工业增加值 over 工业增加值). */
export const INDICATOR_NAMES_LONGEST_FIRST: readonly string[] = [...INDICATORS.map((d) => d.name)].sort(
  (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
);

/** The lexicon entry named exactly `name`, or null. */
export function lookupIndicator(name: string): IndicatorDef | null {
  return BY_NAME.get(name) ?? null;
}

/** The longest lexicon name that `text` ends with, or null (规模以上工业企业利润 → 利润). */
export function indicatorSuffix(text: string): IndicatorDef | null {
  for (const n of INDICATOR_NAMES_LONGEST_FIRST) {
    if (text.endsWith(n)) return BY_NAME.get(n) ?? null;
  }
  return null;
}

/** The longest lexicon name found anywhere in `text`, or null. */
export function findIndicator(text: string): IndicatorDef | null {
  for (const n of INDICATOR_NAMES_LONGEST_FIRST) {
    if (text.includes(n)) return BY_NAME.get(n) ?? null;
  }
  return null;
}

/** The canonical name for an indicator as the text names it: exact lexicon match, else the longest name it ends with, else null. */
export function canonicalIndicator(text: string | null): string | null {
  if (!text) return null;
  const exact = BY_NAME.get(text);
  if (exact) return exact.canonical;
  return indicatorSuffix(text)?.canonical ?? null;
}
