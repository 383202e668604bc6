import type { Byline, BylineRole } from "../types.ts";

/**
 * Bylines in every shape the press uses:
 *   □本报记者 张心致 / 通讯员 吴寒寒 汪雷雷        (a line of its own)
 *   （本报记者 高轶鹏 通讯员 高健）                  (at the end of an article)
 *   本报讯（记者高轶鹏 通讯员董颖博）…              (the lead, 电头)
 *   … 本报记者 王正义 摄 / 刘昆摄                   (photo credit)
 *   …绘就科学发展的新画卷。 秦玉平                   (a lone name after the last sentence)
 */

const NAME = "[\\p{Script=Han}·]{2,4}";
const ROLE_WORDS: readonly [RegExp, BylineRole][] = [
  [/^(本报|本刊|本台|本网)?(特约|见习|实习|首席)?记者$/u, "记者"],
  [/^(特约)?通讯员$/u, "通讯员"],
  [/^实习生$/u, "通讯员"],
  [/^(摄影|摄|图|图片)$/u, "摄影"],
  [/^(作者|文|撰文|撰稿)$/u, "作者"],
  [/^(责任编辑|编辑|责编)$/u, "编辑"],
];
const ROLE_ALT = "(?:本报|本刊|本台|本网)?(?:特约|见习|实习|首席)?记者|(?:特约)?通讯员|实习生|责任编辑|责编|编辑|摄影|作者|撰文";
const ROLE_SPLIT = new RegExp(`(${ROLE_ALT})\\s*[:：]?\\s*`, "gu");

function roleOf(word: string): BylineRole | null {
  for (const [re, role] of ROLE_WORDS) if (re.test(word)) return role;
  return null;
}

const NAME_RE = new RegExp(`^${NAME}$`, "u");

/** Names separated by spaces, 、，, or ; each 2–4 Han characters. */
export function parseNames(text: string): string[] {
  return text
    .split(/[\s\u3000、，,；;/]+/u)
    .map((s) => s.trim())
    .filter((s) => NAME_RE.test(s));
}

/** "本报记者 高轶鹏 通讯员 高健" → bylines, or null when it is not only bylines. */
export function parseRoleList(text: string): Byline[] | null {
  const t = text.trim();
  const parts = t.split(ROLE_SPLIT).filter((s) => s !== "");
  const out: Byline[] = [];
  let role: BylineRole | null = null;
  for (const part of parts) {
    const r = roleOf(part.trim());
    if (r) {
      role = r;
      continue;
    }
    if (!role) return null;
    const names = parseNames(part);
    const leftover = part.replace(/[\s\u3000、，,；;/]+/gu, "").length - names.join("").length;
    if (names.length === 0 || leftover !== 0) return null;
    for (const name of names) out.push({ name, role });
  }
  return out.length ? out : null;
}

/** A block that is only a byline: "□本报记者 张心致", "（本报记者 X 通讯员 Y）". */
export function parseBylineBlock(text: string): Byline[] | null {
  let t = text.trim().replace(/^[□■◎●○◇◆▲△]+\s*/u, "");
  const paren = /^[（(](.*)[）)]$/u.exec(t);
  if (paren) t = paren[1];
  if (t.length > 60) return null;
  return parseRoleList(t);
}

/** The 本报讯（记者X 通讯员Y） lead of a paragraph: the bylines and the rest of the paragraph. */
export function parseLead(text: string): { authors: Byline[]; lead: string; rest: string } | null {
  const m = /^(本报讯|本刊讯|本网讯|讯)\s*[（(]([^（）()]{2,60})[）)]\s*/u.exec(text);
  if (m) {
    const authors = parseRoleList(m[2]);
    if (authors) return { authors, lead: m[0].trim(), rest: text.slice(m[0].length) };
    return { authors: [], lead: m[0].trim(), rest: text.slice(m[0].length) };
  }
  const bare = /^(本报讯|本刊讯|本网讯)\s*/u.exec(text);
  if (bare) return { authors: [], lead: bare[0].trim(), rest: text.slice(bare[0].length) };
  return null;
}

const PHOTO_CREDIT_RE = new RegExp(`(?:^|(?<=[。！？”）\\s]))\\s*((?:(?:本报|本刊)?(?:特约|见习|实习)?记者|通讯员)?\\s*(?:${NAME}[\\s、]*){1,3})\\s*摄\\s*$`, "u");

/** A photo credit at the end of a caption: "…。 孙战浩 摄", "本报记者 王正义 摄", "刘昆摄". */
export function parsePhotoCredit(text: string): { authors: Byline[]; rest: string } | null {
  // the pattern is tried at every position of the text; most texts have no 摄 to end with at all
  if (!text.includes("摄")) return null;
  const m = PHOTO_CREDIT_RE.exec(text);
  if (!m) return null;
  const names = parseNames(m[1].replace(/^(本报|本刊)?(特约|见习|实习)?记者|^通讯员/u, ""));
  if (names.length === 0) return null;
  return { authors: names.map((name) => ({ name, role: "摄影" as const })), rest: text.slice(0, m.index).trim() };
}

const TRAILING_NAME_RE = new RegExp(`^(.*[。！？”])[\\s\\u3000]+([\\p{Script=Han}]{2,3})$`, "u");

/** A lone name after the article's last sentence: "…新画卷。 秦玉平". */
export function parseTrailingName(text: string): { author: Byline; rest: string } | null {
  const m = TRAILING_NAME_RE.exec(text.trim());
  if (!m) return null;
  return { author: { name: m[2], role: "作者" }, rest: m[1] };
}

/** Add bylines without duplicates, in order. */
export function mergeBylines(into: Byline[], more: Byline[]): Byline[] {
  for (const b of more) if (!into.some((a) => a.name === b.name && a.role === b.role)) into.push(b);
  return into;
}
