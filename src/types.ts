/**
 * The archive's words, as types. The article record is the public contract
 * (../shared/CONTRACT.md): front matter of the normalised Markdown and each
 * entry of data/articles.json.
 */

export type ZoneType =
  | "经济技术开发区"
  | "高新技术产业开发区"
  | "产业集聚区"
  | "城乡一体化示范区"
  | "综合保税区"
  | "航空港经济综合实验区"
  | "经济开发区"
  | "其他";

export type ZoneLevel = "国家级" | "省级" | null;

/** The development zone an article is about. */
export interface Zone {
  /** canonical full name, Simplified, e.g. 鹤壁经济技术开发区 */
  name: string;
  /** the short name the press uses, e.g. 鹤壁经开区 */
  shortName: string;
  type: ZoneType;
  level: ZoneLevel;
  /** prefecture-level city with its suffix, e.g. 鹤壁市 */
  city: string;
  /** county (县/市/区) or null */
  county: string | null;
}

export type BylineRole = "记者" | "通讯员" | "摄影" | "作者" | "编辑";

export interface Byline {
  name: string;
  role: BylineRole;
}

export interface Figure {
  /** what is measured, as the text names it (e.g. 固定资产投资) */
  indicator: string | null;
  /** the number as stated, in `unit`; null for growth-only figures */
  value: number | null;
  /** unit as written: 亿元, 万元, 亿美元, 万美元, %, 个 … */
  unit: string | null;
  /** year-on-year change in percent (下降 → negative), or null */
  growth: number | null;
  /** e.g. 1—10月, 前三季度, 2022年, or null */
  period: string | null;
  /** the clause the figure came from */
  quote: string;
  /** set when the extractor could not tie the numbers together safely */
  uncertain?: boolean;
  /** set when the clause states a plan or goal (力争, 要达到 …), not a result */
  target?: boolean;
  // ── added by src/extract/canonical.ts when the record is assembled (null when unknown) ──
  /** the indicator's canonical name from src/data/indicators.ts (规上工业增加值 → 规模以上工业增加值) */
  canonical?: string | null;
  /** `value` in the base unit: 1.39 亿美元 → 139000000 */
  baseValue?: number | null;
  /** the base unit: 元, 美元, 平方米, %, 个 … */
  baseUnit?: string | null;
  /** first month (YYYY-MM) or year (YYYY) of the period, with the article's year where the text gives none */
  periodStart?: string | null;
  /** last month or year of the period; null when the text gives no period or the year is unknown */
  periodEnd?: string | null;
}

export interface SourceRef {
  /** input file, relative to the articles folder, with / separators */
  file: string;
  sha256: string;
  /** 1-based index of this article within its file */
  part: number;
  parts: number;
}

export type DatePrecisionSource = "explicit" | "inferred" | "override";

export interface ArticleRecord {
  id: string;
  url: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  date: string | null;
  dateSource: DatePrecisionSource | null;
  zone: Zone | null;
  authors: Byline[];
  publisher: string | null;
  script: "Hans" | "Hant";
  source: SourceRef;
  figures: Figure[];
  tags: string[];
  chars: number;
}

/** A paragraph of an article's body, or a subhead (小标题) between paragraphs. */
export interface BodyPart {
  text: string;
  subhead: boolean;
}

/** A normalised article: the record plus its clean body. */
export interface Article {
  record: ArticleRecord;
  body: BodyPart[];
  /** photo captions that belong to this article (…摄) */
  captions: string[];
  /** what cleaning removed from this article, for the provenance log */
  removed: Removal[];
}

/** One thing the cleaning took out, and why. */
export interface Removal {
  rule: string;
  text: string;
  /**
   * which article of the file the text stood in (its `source.part`), or null when it stood
   * outside every article (a page heading with no text, a whole repeated article)
   */
  part?: number | null;
  /** in the report: how many times this same text was removed by this rule from this article, when more than once */
  count?: number;
  /** internal: the `seq` of the block it came from, to find its article (not in the report) */
  seq?: number;
}

export type ReportStatus = "ok" | "warning" | "error";

export interface ReportInput {
  file: string;
  status: ReportStatus;
  encoding: string | null;
  articles: string[];
  messages: string[];
  /** provenance: what cleaning removed from this file, in page order by article (`part`), with the rule */
  removed?: Removal[];
}

export interface BuildReport {
  inputs: ReportInput[];
}

/**
 * A block of text as ingest hands it to the normaliser: one non-blank line of
 * a text file, or one paragraph-level element of an HTML page.
 */
export interface Block {
  text: string;
  /** blank lines (or paragraph breaks) before this block; 0 = directly after the previous line */
  gap: number;
  /** what the markup said this block is, where it said so (HTML <h1>, Markdown `#`) */
  hint?: "headline" | "info";
  /** position of the block in the file as ingested (set by the pipeline; kept through the rules) */
  seq?: number;
}

/** What ingest makes of one input file. */
export interface IngestedFile {
  /** how the bytes were decoded: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5 */
  encoding: string | null;
  /** front matter as plain data (never executed); {} when there is none */
  frontMatter: Record<string, unknown>;
  blocks: Block[];
  /** problems worth telling the user; the file is still used */
  warnings: string[];
  /** set when the file cannot be used at all (empty, binary, undecodable); blocks is then [] */
  error: string | null;
}
