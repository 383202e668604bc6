/**
 * An HTML news page → plain-text blocks: the headline (hint "headline"), the
 * info line under it (hint "info"), then the body paragraphs in document
 * order. Parsed with cheerio (parse5); the text comes from text nodes only,
 * so no markup, attribute, comment or script text can reach a block.
 *
 * Steps: drop non-content elements (script, style, nav, forms, page header /
 * footer, hidden elements …) → mark "chrome" by class/id words (nav, menu,
 * breadcrumb, share, footer, comment, sidebar, ad, copyright …) → pick the
 * main article container and the headline element → remove the chrome that
 * does not hold either → walk the page into blocks → keep headline, the
 * lines between it and the container, and the container's blocks.
 */
import { load, type CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { Block } from "../types.ts";
import { normaliseText } from "./decode.ts";

/** Elements whose content is never article text. */
const DROP_TAGS = [
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
  "form", "button", "select", "option", "optgroup", "input", "textarea", "datalist", "output",
  "nav", "aside", "footer", "menu", "svg", "math", "canvas", "audio", "video", "map", "marquee", "dialog",
  "link", "meta", "base",
].join(",");

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

/** Words in a class or id that mark page chrome (matched as substrings). */
const CHROME_SUBSTR = [
  "nav", "menu", "breadcrumb", "crumb", "share", "footer", "comment", "sidebar", "copyright", "advert",
  "jiathis", "bdshare", "bshare", "toolbar", "related", "recommend", "hotnews", "friendlink", "links",
  "pagination", "pager", "login", "weixin", "qrcode", "erweima",
];
/** Words that mark chrome only as a whole token (too short to match inside other words). */
const CHROME_TOKENS = new Set([
  "ad", "ads", "adv", "advs", "adbox", "gg", "guanggao", "foot", "side", "print", "dayin", "close", "tools",
  "tool", "position", "location", "weizhi", "dqwz", "logo", "topbar", "search", "sousuo",
]);

/** Candidate containers for the article body, in no particular order (the one with most text wins). */
const CONTAINER_SELECTOR = [
  "article", "main", "[class*=content]", "[id*=content]", "[class*=Content]", "[id*=Content]", ".TRS_Editor",
  "[class*=article]", "[id*=article]", "[class*=Article]", "[id*=Article]", "[class*=detail]", "[id*=detail]",
  "[class*=zhengwen]", "[id*=zhengwen]", "[class*=zw]", "[id*=zoom]", "[id*=Zoom]", "#fontzoom", "[class*=text]",
  "[id*=text]", "[class*=newsbody]", "[class*=news_body]", "[class*=body]", "[id*=body]", ".Custom_UnionStyle",
].join(",");

const INFO_RE = /来源|來源|发布时间|發布時間|发布日期|發布日期|发表时间|时间[:：]|時間[:：]|作者|编辑|編輯|日期|稿源|浏览次数|点击数|阅读量|\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/;

export function htmlToBlocks(html: string): Block[] {
  if (!html.trim()) return [];
  const $ = load(html);
  const body = $("body").get(0) ?? null;
  if (!body) return [];

  // 1. elements that never hold article text
  $(DROP_TAGS).remove();
  $("[hidden], [style]").each((_, el) => {
    const style = ($(el).attr("style") ?? "").toLowerCase().replace(/\s+/g, "");
    if ($(el).attr("hidden") !== undefined || style.includes("display:none") || style.includes("visibility:hidden")) {
      $(el).remove();
    }
  });
  // a page <header> is chrome; a <header> inside an <article> holds its headline
  $("header").each((_, el) => {
    if ($(el).closest("article").length === 0) $(el).remove();
  });

  // 2. chrome by class / id (decided now, removed after choosing container and headline)
  const chrome = new Set<Element>();
  const pageText = textLength(body, () => false).text;
  $("body [class], body [id]").each((_, el) => {
    if (el.name === "article" || el.name === "main") return;
    if (!isChromeName(`${$(el).attr("class") ?? ""} ${$(el).attr("id") ?? ""}`)) return;
    // a wrapper around most of the page ("page has-sidebar") is not chrome
    if (pageText > 0 && textLength(el, () => false).text > 0.5 * pageText) return;
    chrome.add(el);
  });
  const inChrome = (el: Element): boolean => {
    for (let n: Element | null = el; n; n = parentElement(n)) if (chrome.has(n)) return true;
    return false;
  };

  // 3. the main container and the headline element
  const container = pickContainer($, body, chrome, inChrome);
  let headline = pickHeadline($, container, body, inChrome);
  // an inline headline (<span class="title">) stands for its block-level parent when that holds nothing else
  if (headline && !BLOCK_TAGS.has(headline.name)) {
    let p = parentElement(headline);
    while (p && !BLOCK_TAGS.has(p.name)) p = parentElement(p);
    headline = p && p !== body && collapse($(p).text()) === collapse($(headline).text()) ? p : null;
  }

  // 4. remove chrome, except what holds the container or the headline
  for (const el of chrome) {
    if (contains(el, container) || (headline && contains(el, headline))) continue;
    $(el).remove();
  }

  // 5. walk the page into blocks
  const all = walk(body).filter((b) => !isJunkLine(b.text));
  dropLinkLists(all);
  // a linked headline (<h1><a href=…>) is still the headline
  if (headline) for (const b of all) if (contains(headline, b.el)) b.drop = false;
  const kept = all.filter((b) => !b.drop);

  // 6. compose: [kicker] headline [lines up to the container] container blocks
  const out: RawBlock[] = [];
  const inContainer = (b: RawBlock): boolean => contains(container, b.el);
  let hIdx = headline ? kept.findIndex((b) => contains(headline, b.el)) : -1;
  let headlineBlock: RawBlock | null = null;
  if (hIdx >= 0 && headline) {
    const parts = kept.filter((b) => contains(headline, b.el));
    headlineBlock = { ...parts[0], text: parts.map((p) => p.text).join(" ") };
  }
  if (!headlineBlock) {
    const fromTitle = titleFromDocument($("title").first().text());
    // the headline may sit in the page as an ordinary element
    const cIdx = kept.findIndex(inContainer);
    const near = kept.slice(Math.max(0, cIdx - 6), Math.max(0, cIdx) + 6);
    const same = fromTitle ? near.find((b) => b.text === fromTitle || (b.text.length <= 80 && b.text.length >= fromTitle.length - 2 && b.text.includes(fromTitle))) : undefined;
    if (same) {
      hIdx = kept.indexOf(same);
      headlineBlock = same;
    } else if (fromTitle) {
      headlineBlock = { text: fromTitle, gap: 0, el: body, links: 0, drop: false, index: -1 };
    }
  }
  const skip = new Set<RawBlock>();
  if (headlineBlock) {
    if (hIdx >= 0) {
      for (const b of kept) if (headline && contains(headline, b.el)) skip.add(b);
      skip.add(kept[hIdx]);
      const prev = kept[hIdx - 1];
      if (prev && isKicker(prev, headline ?? kept[hIdx].el)) {
        out.push(prev);
        skip.add(prev);
      }
    }
    out.push({ ...headlineBlock, hint: "headline" });
  }
  const firstC = kept.findIndex(inContainer);
  if (hIdx >= 0 && firstC > hIdx) {
    // lines between the headline and the container: subtitle, info line …
    const between = kept.slice(hIdx + 1, firstC).filter((b) => !skip.has(b));
    const short = between.filter((b) => b.text.length <= 200);
    const chosen = between.length <= 8 ? short : short.filter((b) => INFO_RE.test(b.text)).slice(0, 1);
    for (const b of chosen) {
      out.push(b);
      skip.add(b);
    }
  }
  if (hIdx < 0 && firstC > 0) {
    // no headline element: an info line just above the container still counts
    const info = kept.slice(Math.max(0, firstC - 3), firstC).find((b) => b.text.length <= 200 && INFO_RE.test(b.text));
    if (info) out.push(info);
  }
  const startAt = hIdx >= 0 && contains(container, kept[hIdx].el) ? hIdx + 1 : 0;
  kept.forEach((b, i) => {
    if (i < startAt || skip.has(b) || !inContainer(b)) return;
    out.push(b);
  });

  // 7. the info line: near the top, just under the headline
  const h = out.findIndex((b) => b.hint === "headline");
  for (let i = h + 1; i < out.length && i <= h + 6; i++) {
    const b = out[i];
    if (b.text.length <= 200 && INFO_RE.test(b.text)) {
      const alone = b.el !== body && !hasBlockChildren(b.el) && all.filter((x) => x.el === b.el).length === 1;
      const spaced = alone ? spacedText(b.el) : "";
      out[i] = { ...b, text: spaced || b.text, hint: "info" };
      break;
    }
    if (b.text.length > 100) break;
  }

  // 8. gaps: a paragraph break wherever blocks were left out between two kept ones
  const result: Block[] = [];
  out.forEach((b, i) => {
    let gap = i === 0 ? 0 : b.gap;
    if (i > 0 && (b.index === -1 || out[i - 1].index === -1 || b.index !== out[i - 1].index + 1)) gap = Math.max(gap, 1);
    const block: Block = { text: b.text, gap };
    if (b.hint) block.hint = b.hint;
    result.push(block);
  });
  return result;
}

// ---------------------------------------------------------------------------
// walking the DOM

interface RawBlock {
  text: string;
  gap: number;
  /** the block-level element the text came from */
  el: Element;
  /** share of the block's letters and digits that are link text (0–1) */
  links: number;
  drop: boolean;
  /** position in the walk, -1 for a headline taken from <title> */
  index: number;
  hint?: "headline" | "info";
}

function isElement(n: AnyNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function parentElement(n: AnyNode): Element | null {
  const p = n.parent;
  return p && isElement(p as AnyNode) ? (p as Element) : null;
}

function contains(ancestor: Element, node: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent as AnyNode | null) if (n === ancestor) return true;
  return false;
}

/**
 * The walker: text nodes go into a line buffer; a block-level element's start
 * and end close the line (a paragraph break, gap 1), <br> closes it with gap
 * 0, and each further <br> with nothing between adds one blank line.
 */
function walk(root: Element): RawBlock[] {
  const blocks: RawBlock[] = [];
  let buf = "";
  let links = 0;
  let plain = 0;
  const count = (s: string, inLink: boolean): void => {
    const n = letterCount(s);
    if (inLink) links += n;
    else plain += n;
  };
  let brk: "none" | "br" | "para" = "none";
  let blanks = 0;
  const stack: Element[] = [root];

  const flush = (kind: "br" | "para"): void => {
    const text = collapse(buf);
    const linkShare = links + plain > 0 ? links / (links + plain) : 0;
    buf = "";
    links = 0;
    plain = 0;
    if (text) {
      const gap = blocks.length === 0 ? 0 : (brk === "para" ? 1 : 0) + blanks;
      const el = stack[stack.length - 1];
      blocks.push({ text, gap, el, links: linkShare, drop: false, index: blocks.length });
      brk = kind;
      blanks = 0;
    } else if (kind === "br") {
      if (blocks.length > 0) blanks++;
    } else if (brk !== "para") {
      brk = blocks.length > 0 ? "para" : brk;
    }
  };

  const visit = (node: AnyNode, inLink: boolean, inPre: boolean): void => {
    if (node.type === "text") {
      const data = (node as AnyNode & { data: string }).data;
      if (inPre && data.includes("\n")) {
        const lines = data.split("\n");
        lines.forEach((line, i) => {
          if (i > 0) flush("br");
          buf += line;
          count(line, inLink);
        });
        return;
      }
      buf += data;
      count(data, inLink);
      return;
    }
    if (!isElement(node) || node.type !== "tag") return; // comments, directives, CDATA
    const name = node.name.toLowerCase();
    if (name === "br") {
      flush("br");
      return;
    }
    if (name === "img" || name === "wbr") return;
    const block = BLOCK_TAGS.has(name);
    if (block) {
      flush("para");
      stack.push(node);
    }
    if (name === "hr" && blocks.length > 0) blanks++;
    const link = inLink || name === "a";
    const pre = inPre || name === "pre" || name === "textarea";
    for (const child of node.children) visit(child as AnyNode, link, pre);
    if (block) {
      flush("para");
      stack.pop();
    }
  };

  for (const child of root.children) visit(child as AnyNode, false, false);
  flush("para");
  return blocks;
}

/** The info line's text with a space between its parts (<span>date</span><span>来源…</span>). */
function spacedText(el: Element): string {
  const pieces: string[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type === "text") {
      pieces.push((node as AnyNode & { data: string }).data);
      return;
    }
    if (!isElement(node) || node.type !== "tag") return;
    if (node.name === "br") {
      pieces.push(" ");
      return;
    }
    pieces.push("\u0000");
    for (const c of node.children) visit(c as AnyNode);
    pieces.push("\u0000");
  };
  for (const c of el.children) visit(c as AnyNode);
  // element boundaries become a space between two fields, not inside a date or after a colon
  const joined = pieces.join("").replace(/\u0000+/g, (m: string, off: number, whole: string) => {
    const left = whole.slice(0, off).replace(/[\s\u0000]+$/, "");
    const right = whole.slice(off + m.length).replace(/^[\s\u0000]+/, "");
    if (!left || !right) return "";
    const l = left.slice(-1);
    const r = right.charAt(0);
    if (/[:：\-/.(（【\[]/.test(l) || /[:：\-/.,，。、)）】\]]/.test(r)) return "";
    if (/\d/.test(l) && /[\d年月日时時分点點]/.test(r)) return "";
    return " ";
  });
  return collapse(joined);
}

// ---------------------------------------------------------------------------
// text clean-up

function letterCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}]/gu);
  return m ? m.length : 0;
}

const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2026\\u201c\\u201d\\u2018\\u2019";
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*[\\n\\r][\\s]*(?=[${CJK}])`, "gu");

/**
 * Collapses whitespace the way a browser shows it, except that a line break
 * in the source between two Chinese characters disappears (CSS Text 3 does
 * the same) instead of becoming a space. Spaces typed between Chinese phrases
 * (敢想敢干 敢闯敢试) stay as one space.
 */
function collapse(s: string): string {
  return normaliseText(s).replace(BREAK_BETWEEN_CJK, "").replace(/\s+/g, " ").trim();
}

const TOOL_WORDS = new Set([
  "打印", "打印本页", "打印此页", "打印文章", "打印本文", "关闭", "关闭窗口", "关闭本页", "返回", "返回顶部", "返回首页",
  "收藏", "收藏本页", "加入收藏", "字号", "字体", "大", "中", "小", "默认", "分享", "分享到", "推荐", "推荐给朋友",
  "纠错", "我要纠错", "保存", "保存本页", "复制链接", "TOP", "top", "顶部", "放大", "缩小", "正常",
  "打印", "關閉", "列印", "關閉窗口", "返回頂部",
]);

/** Lines that are tools, breadcrumbs or copyright, not article text. */
function isJunkLine(text: string): boolean {
  const t = text.trim();
  if (/^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|现在位置|所在位置|当前位置是)\s*[:：]/.test(t)) return true;
  if (/^(首页|网站首页|主页)\s*[>＞»›\/→]/.test(t)) return true;
  if (/^(copyright|版权所有|©|\(c\)\s)/i.test(t) || /ICP备|ICP证|公网安备/.test(t)) return true;
  if (/^(上一篇|下一篇|上一条|下一条)\s*[:：]?/.test(t) && t.length <= 80) return true;
  const tokens = t.split(/[\s【】\[\]（）()|｜:：·•\/、,，]+/).filter(Boolean);
  if (tokens.length > 0 && tokens.every((w) => TOOL_WORDS.has(w)) && tokens.some((w) => w.length >= 2)) return true;
  return false;
}

/** Runs of three or more blocks that are (nearly) all link text: lists of other articles. */
function dropLinkLists(blocks: RawBlock[]): void {
  const linky = (b: RawBlock): boolean => b.links >= 0.8;
  for (const b of blocks) {
    // a line of links to sections: 首页 | 新闻 | 专题
    if (!linky(b) || /^h[1-6]$/.test(b.el.name)) continue;
    const items = b.text.split(/\s*[|｜·•\/]\s*/).filter(Boolean);
    if ((/首页|主页/.test(b.text) && b.text.length <= 60) || (items.length >= 3 && items.every((w) => w.length <= 8))) b.drop = true;
  }
  let i = 0;
  while (i < blocks.length) {
    if (!linky(blocks[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && linky(blocks[j])) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) blocks[k].drop = true;
    i = j;
  }
}

// ---------------------------------------------------------------------------
// container, headline, kicker

function isChromeName(classAndId: string): boolean {
  const s = classAndId.trim();
  if (!s) return false;
  const lower = s.toLowerCase();
  if (CHROME_SUBSTR.some((w) => lower.includes(w))) return true;
  // split "topAd", "ad-box", "side_bar", "gg2" into words
  const tokens = s
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return tokens.some((t) => CHROME_TOKENS.has(t));
}

function textLength(el: Element, skip: (e: Element) => boolean): { text: number; links: number } {
  let text = 0;
  let links = 0;
  const visit = (n: AnyNode, inLink: boolean): void => {
    if (n.type === "text") {
      const len = (n as AnyNode & { data: string }).data.replace(/\s+/g, "").length;
      text += len;
      if (inLink) links += len;
      return;
    }
    if (!isElement(n) || n.type !== "tag" || skip(n)) return;
    for (const c of n.children) visit(c as AnyNode, inLink || n.name === "a");
  };
  visit(el, false);
  return { text, links };
}

function pickContainer(
  $: CheerioAPI,
  body: Element,
  chrome: Set<Element>,
  inChrome: (el: Element) => boolean,
): Element {
  const score = (el: Element): number => {
    const t = textLength(el, (e) => chrome.has(e));
    return t.text - t.links;
  };
  const bodyScore = score(body);
  let best: Element | null = null;
  let bestScore = 0;
  $(CONTAINER_SELECTOR).each((_, el) => {
    if (el.type !== "tag" || el === body || inChrome(el)) return;
    const s = score(el);
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  });
  if (!best || bestScore < 0.3 * bodyScore) return body;
  return best;
}

function pickHeadline(
  $: CheerioAPI,
  container: Element,
  body: Element,
  inChrome: (el: Element) => boolean,
): Element | null {
  const text = (el: Element): string => collapse($(el).text());
  const usable = (el: Element): boolean => {
    const t = text(el);
    return t.length >= 2 && t.length <= 150;
  };
  const h1s = $("body h1").toArray().filter(usable);
  if (h1s.length > 0) {
    const scored = h1s.map((el) => {
      let s = 0;
      if (contains(container, el)) s += 3;
      else if (precedes(el, container)) s += 2;
      if (inChrome(el)) s -= 5;
      if (text(el).length >= 4) s += 1;
      return { el, s };
    });
    scored.sort((a, b) => b.s - a.s);
    if (scored[0].s > -3) return scored[0].el;
  }
  // the most prominent heading inside the article body
  const scope = container === body ? $("body") : $(container);
  for (const tag of ["h2", "h3", "h4"]) {
    const found = scope.find(tag).toArray().find((el) => usable(el) && !inChrome(el));
    if (found) return found;
  }
  // an element whose class or id says title, above the body
  const titled = $("body [class*=title], body [id*=title], body [class*=Title], body [id*=Title], body [class*=biaoti], body .bt")
    .toArray()
    .filter((el) => usable(el) && !inChrome(el) && (contains(container, el) || precedes(el, container)) && !hasBlockChildren(el));
  return titled[0] ?? null;
}

function hasBlockChildren(el: Element): boolean {
  return el.children.some((c) => isElement(c as AnyNode) && BLOCK_TAGS.has((c as Element).name));
}

/** Does `a` come before `b` in document order (and not contain it)? */
function precedes(a: Element, b: Element): boolean {
  if (contains(a, b) || contains(b, a)) return false;
  const path = (n: AnyNode): AnyNode[] => {
    const p: AnyNode[] = [];
    for (let x: AnyNode | null = n; x; x = x.parent as AnyNode | null) p.unshift(x);
    return p;
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  const parent = pa[i - 1];
  if (!parent || !("children" in parent)) return false;
  const kids = (parent as Element).children as AnyNode[];
  return kids.indexOf(pa[i]) < kids.indexOf(pb[i]);
}

/** The 引题 above a headline: a short heading (or title-classed line) right before it, in the same parent. */
function isKicker(b: RawBlock, headline: Element): boolean {
  if (b.text.length > 60 || INFO_RE.test(b.text)) return false;
  const el = b.el;
  const sameParent = el.parent === headline.parent;
  const heading = /^h[2-6]$/.test(el.name);
  const cls = `${el.attribs?.class ?? ""} ${el.attribs?.id ?? ""}`.toLowerCase();
  const titled = /yt|yinti|kicker|pre-?title|sup-?title|top-?title|subtitle|fbt|futi/.test(cls);
  return sameParent && (heading || titled);
}

// ---------------------------------------------------------------------------
// <title>

const SITE_SUFFIX = /(网|網|报|報|站|频道|頻道|门户|門戶|政府|官网|官網|在线|在線|新闻|新聞|资讯|資訊|中心|要闻|要聞|首页|首頁|平台|客户端|日报|晚报|时报|商报|都市报|新闻网)$/;

/** "<title>headline_XX网</title>" → "headline". */
export function titleFromDocument(title: string): string {
  const t = collapse(title);
  if (!t) return "";
  const parts = t.split(/\s*(?:[_|｜]|\s[-–—－]\s|-{2,}(?!-))\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return "";
  // drop trailing parts that name the site or a section
  while (parts.length > 1 && isSiteName(parts[parts.length - 1])) parts.pop();
  // "XX日报 - headline": a site name in front
  while (parts.length > 1 && isSiteName(parts[0])) parts.shift();
  let head = parts.join(" ");
  // "headline-XX网" with a bare hyphen
  const m = /^(.{4,}?)\s*[-－]\s*([^-－]{2,20})$/.exec(head);
  if (m && isSiteName(m[2])) head = m[1];
  return head;
}

function isSiteName(s: string): boolean {
  if (/^[\w.-]+\.(com|cn|net|org|gov)(\.cn)?$/i.test(s)) return true;
  if (/^[A-Za-z\s]+$/.test(s) && s.length <= 20) return true;
  return s.length <= 16 && SITE_SUFFIX.test(s);
}
