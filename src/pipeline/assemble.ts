import type { Block, BodyPart, Byline, Removal } from "../types.ts";
import type { Segment } from "../normalize/split.ts";
import { assembleHeadline, titleFromText, type Headline } from "../extract/headline.ts";
import { mergeBylines, parseBylineBlock, parseLead, parsePhotoCredit, parseTrailingName } from "../extract/byline.ts";

/** 2–3 Han characters that are not a place, an organisation or a section word. */
const LONE_NAME = /^(?![\p{Script=Han}]*[区市县省镇乡村会局委厅报网版讯图文])[\p{Script=Han}]{2,3}$/u;
const ENUMERATED_HEADING = /^[一二三四五六七八九十]{1,3}、[^。]{2,30}。?$/u;

/** One article of a page, before the record is filled in. */
export interface Draft {
  headline: Headline;
  /** the title was made from the text (the page printed none) */
  titleFromText: boolean;
  authors: Byline[];
  /** body paragraphs; subheads (小标题) are marked */
  body: BodyPart[];
  captions: string[];
  photo: boolean;
  removed: Removal[];
}

/**
 * Turn a segment of the page into a draft article: the headline stack, the
 * bylines in all their shapes, the body paragraphs and the photo captions.
 */
export function assemble(seg: Segment): Draft | null {
  const { blocks, kinds } = seg;
  const removed: Removal[] = [];
  const authors: Byline[] = [];
  const body: Draft["body"] = [];
  const captions: string[] = [];
  const stack: Block[] = [];
  let i = 0;
  // headline stack, with any photo captions printed between it and the lead
  while (i < blocks.length && (kinds[i] === "head" || ((kinds[i] === "caption" || kinds[i] === "credit") && stack.length > 0 && !seg.photo))) {
    if (kinds[i] === "head") stack.push(blocks[i]);
    else addCaption(blocks[i].text);
    i++;
    if (seg.photo && stack.length === 1) break;
  }

  // bylines printed above the headline (□本报记者 张心致 / 敢想敢干 …): the lines after them are still the headline
  if (stack.length === 0 && !seg.photo) {
    let j = i;
    while (j < blocks.length && kinds[j] === "byline") j++;
    if (j > i && kinds[j] === "head") {
      for (; i < j; i++) {
        const text = blocks[i].text.trim();
        mergeBylines(authors, parseBylineBlock(text) ?? []);
        removed.push({ rule: "byline: byline line", text });
      }
      while (i < blocks.length && kinds[i] === "head" && stack.length < 5) stack.push(blocks[i++]);
    }
  }

  function addCaption(text: string): void {
    const credit = parsePhotoCredit(text);
    if (!credit) return;
    mergeBylines(authors, credit.authors);
    if (credit.rest) {
      if (seg.photo) body.push({ text: credit.rest, subhead: false });
      else captions.push(credit.rest);
    }
    removed.push({ rule: "byline: photo credit", text: text.slice(credit.rest.length).trim() });
  }

  for (; i < blocks.length; i++) {
    const text = blocks[i].text.trim();
    switch (kinds[i]) {
      case "byline":
      case "end-byline":
        mergeBylines(authors, parseBylineBlock(text) ?? []);
        removed.push({ rule: "byline: byline line", text });
        break;
      case "lead": {
        // every lead at the start (a page that printed two, or a scraper that doubled one)
        let rest = text;
        for (let lead = parseLead(rest); lead; lead = parseLead(rest)) {
          mergeBylines(authors, lead.authors);
          removed.push({ rule: "byline: 本报讯 lead", text: lead.lead });
          rest = lead.rest.trim();
        }
        // what follows the lead is read as any other line would be: a caption when it ends in a photo credit
        if (rest && parsePhotoCredit(rest)) addCaption(rest);
        else if (rest) body.push({ text: rest, subhead: ENUMERATED_HEADING.test(rest) });
        break;
      }
      case "caption":
      case "credit":
        addCaption(text);
        break;
      case "head":
        body.push({ text, subhead: true });
        break;
      default:
        // an enumerated section heading: 一、总结成绩，认清当前形势。
        body.push({ text, subhead: ENUMERATED_HEADING.test(text) });
    }
  }
  // a headline line printed twice in the stack is one line
  for (let k = stack.length - 1; k > 0; k--) {
    const key = stack[k].text.replace(/\s+/gu, "");
    if (stack.slice(0, k).some((b) => b.text.replace(/\s+/gu, "") === key)) {
      removed.push({ rule: "drop-repeats: repeated line", text: stack[k].text.trim() });
      stack.splice(k, 1);
    }
  }
  // the headline printed again as a line of the text (a scraped page often repeats it over the body)
  const printed = assembleHeadline(stack);
  if (printed?.title) {
    const decks = new Set([printed.kicker, printed.title, printed.subtitle].filter((x): x is string => !!x).map((x) => x.replace(/\s+/gu, "")));
    for (let k = body.length - 1; k >= 0; k--) {
      if (body[k].subhead && decks.has(body[k].text.replace(/^——\s*/u, "").replace(/\s+/gu, ""))) {
        removed.push({ rule: "drop-repeats: headline repeated in the text", text: body[k].text });
        body.splice(k, 1);
      }
    }
  }
  // a name alone on the last line, under the text: the author's signature, not a subhead
  for (let lone = body[body.length - 1]; lone && LONE_NAME.test(lone.text); lone = body[body.length - 1]) {
    mergeBylines(authors, [{ name: lone.text, role: "作者" }]);
    removed.push({ rule: "byline: signature", text: lone.text });
    body.pop();
  }
  // a photo item's caption lines before the credit are its text
  // (already in body); an article's lone signature after the last sentence
  const last = body[body.length - 1];
  if (last && !last.subhead) {
    const sig = parseTrailingName(last.text);
    if (sig) {
      mergeBylines(authors, [sig.author]);
      removed.push({ rule: "byline: signature", text: sig.author.name });
      last.text = sig.rest;
      last.subhead = ENUMERATED_HEADING.test(sig.rest);
    }
  }
  // subheads at the very end are not subheads of anything
  const prose = body.filter((p) => !p.subhead);
  // a headline (or a few subheads) with no text under it, or "text" without a letter (2013, ……), is no article: the caller logs its lines
  if (![...prose.map((p) => p.text), ...captions].some((t) => /\p{L}/u.test(t))) return null;

  let headline = printed;
  let fromText = false;
  if (!headline || !headline.title) {
    const first = prose[0]?.text ?? captions[0] ?? "";
    headline = { kicker: null, title: titleFromText(first), subtitle: null };
    fromText = true;
  }
  return { headline, titleFromText: fromText, authors, body, captions, photo: seg.photo, removed };
}
