/**
 * The topics an article can be tagged with, in the fixed order tags are
 * listed in, each with its cue words.
 *
 * A topic applies when one of its headline cues is in the title, or when its
 * cues occur at least `threshold` times in the body (each distinct paragraph
 * counted once, longest cue first, no overlaps). 经济运行 also applies when
 * figures dominate the article (see src/extract/tags.ts).
 */

export const TOPIC_NAMES = [
  "招商引资",
  "项目建设",
  "基础设施",
  "产业升级",
  "科技创新",
  "营商环境",
  "企业服务",
  "党建",
  "生态环保",
  "乡村振兴",
  "会议部署",
  "经济运行",
  "人才",
] as const;

export type Topic = (typeof TOPIC_NAMES)[number];

export interface TopicDef {
  readonly name: Topic;
  /** words that count towards the topic in the body */
  readonly cues: readonly string[];
  /** body occurrences needed */
  readonly threshold: number;
  /** words that decide the topic on their own when the title has one (default: all cues) */
  readonly headline?: readonly string[];
}

export const TOPICS: readonly TopicDef[] = [
  {
    name: "招商引资",
    cues: ["招商引资", "双招双引", "招商", "招大引强", "引资", "签约", "客商", "落户", "投资协议", "利用外资", "到位资金", "以商招商"],
    threshold: 3,
    headline: ["招商引资", "双招双引", "招商", "招大引强", "引资", "签约", "客商", "落户"],
  },
  {
    name: "项目建设",
    cues: ["项目建设", "重点项目", "开工", "奠基", "投产", "竣工", "在建项目", "项目推进", "达产", "项目落地", "建成投产", "新开工"],
    threshold: 3,
    headline: ["项目建设", "重点项目", "开工", "奠基", "投产", "竣工", "项目推进", "项目落地"],
  },
  {
    name: "基础设施",
    cues: ["基础设施", "道路建设", "新建道路", "道路工程", "道路改造", "路网", "管网", "供排水", "供水", "供电", "供热", "供气", "燃气", "变电站", "电网", "污水处理", "标准厂房", "配套设施", "公路"],
    threshold: 3,
    headline: ["基础设施", "道路", "路网", "管网", "变电站", "污水处理", "标准厂房", "公路"],
  },
  {
    name: "产业升级",
    cues: ["产业升级", "转型升级", "提档升级", "产业集群", "产业链", "主导产业", "战略性新兴产业", "新兴产业", "智能化改造", "技术改造", "产业结构", "高端化", "产业布局"],
    threshold: 3,
    headline: ["产业升级", "转型升级", "提档升级", "产业集群", "产业链", "主导产业", "新兴产业", "智能化改造", "技术改造"],
  },
  {
    name: "科技创新",
    cues: ["科技创新", "技术创新", "自主创新", "创新平台", "研发", "技术中心", "高新技术企业", "产学研", "专精特新", "科技成果", "成果转化", "技术转移", "孵化", "专利", "科研"],
    threshold: 3,
    headline: ["科技创新", "技术创新", "自主创新", "创新平台", "研发", "技术中心", "产学研", "专精特新", "成果转化", "技术转移", "孵化", "专利", "科研"],
  },
  {
    name: "营商环境",
    cues: ["营商环境", "发展环境", "投资环境", "放管服", "行政审批", "审批", "一站式", "帮办代办", "代办", "办事效率", "首问负责制", "限时办结", "最多跑一次", "一网通办"],
    threshold: 3,
    headline: ["营商环境", "发展环境", "投资环境", "放管服", "行政审批", "一站式", "帮办代办", "代办", "最多跑一次", "一网通办"],
  },
  {
    name: "企业服务",
    cues: ["企业服务", "服务企业", "助企纾困", "惠企", "帮扶", "纾困", "万人助万企", "走访企业", "企业走访", "入企", "银企对接", "保姆式", "复工复产", "解难题"],
    threshold: 3,
    headline: ["企业服务", "服务企业", "助企", "惠企", "帮扶", "纾困", "万人助万企", "银企对接", "复工复产"],
  },
  {
    name: "党建",
    cues: ["党建", "党组织", "党支部", "党员", "群众路线", "教育实践活动", "主题教育", "党代会", "二十大", "十九大", "十八大", "三中全会", "廉政", "从严治党", "作风建设", "干部作风"],
    threshold: 3,
    headline: ["党建", "党组织", "党支部", "党员", "群众路线", "教育实践活动", "主题教育", "党代会", "廉政", "从严治党", "作风建设"],
  },
  {
    name: "生态环保",
    cues: ["生态环保", "环境保护", "环保", "扬尘", "绿化", "污染", "生态", "节能减排", "大气", "治污", "裸土", "渣土", "苫盖", "湿法作业", "人居环境", "环境整治", "绿色", "碳排放", "湿地"],
    threshold: 3,
    headline: ["生态环保", "环境保护", "环保", "扬尘", "绿化", "污染", "生态", "节能减排", "大气", "治污", "人居环境", "环境整治", "湿地"],
  },
  {
    name: "乡村振兴",
    cues: ["乡村振兴", "乡村", "农村", "村民", "农民", "三农", "美丽乡村", "新型农村社区", "集体经济", "特色农业", "现代农业", "村党支部"],
    threshold: 3,
    headline: ["乡村振兴", "乡村", "农村", "村民", "农民", "三农", "美丽乡村", "集体经济"],
  },
  {
    name: "会议部署",
    cues: ["会议", "召开", "推进会", "座谈会", "研讨会", "动员会", "大会", "会议精神", "会议强调", "会议要求"],
    threshold: 3,
    headline: ["会议", "召开", "部署", "推进会", "座谈会", "研讨会", "动员会", "大会"],
  },
  {
    name: "经济运行",
    cues: ["经济运行", "经济指标", "主要指标", "同比增长", "同比下降", "生产总值", "GDP", "主营业务收入", "工业增加值", "固定资产投资", "财政收入", "预算收入", "税收收入", "进出口"],
    threshold: 4,
    headline: ["经济运行", "经济指标", "主要指标", "生产总值", "GDP", "工业增加值", "固定资产投资", "开门红", "逆势增长"],
  },
  {
    name: "人才",
    cues: ["人才", "招才引智", "引才", "博士", "专家", "高层次", "技能培训", "院士", "人才引进", "柔性引进"],
    threshold: 3,
    headline: ["人才", "招才引智", "引才", "博士", "院士"],
  },
];

/** A long body needs one hit per this many characters (a page several articles long is not about everything). */
export const CHARS_PER_HIT = 1500;

/** Figures that make 经济运行 on their own: this many with a growth rate or a money value … */
export const ECONOMY_MIN_FIGURES = 4;
/** … and at least one figure per this many characters of body. */
export const ECONOMY_CHARS_PER_FIGURE = 400;
