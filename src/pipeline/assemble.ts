import type { Block, BodyPart, Byline, Removal } from "../types.ts";
import type { Segment } from "../normalize/split.ts";
import { assembleHeadline, titleFromText, type Headline } from "../extract/headline.ts";
import { mergeBylines, parseBylineBlock, parseLead, parsePhotoCredit, parseTrailingName } from "../extract/byline.ts";

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
        const lead = parseLead(text);
        if (lead) {
          mergeBylines(authors, lead.authors);
          removed.push({ rule: "byline: 本报讯 lead", text: lead.lead });
          if (lead.rest.trim()) body.push({ text: lead.rest.trim(), subhead: false });
        }
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
  // a photo item's caption lines before the credit are its text
  // (already in body); an article's lone signature after the last sentence
  const last = body[body.length - 1];
  if (last && !last.subhead) {
    const sig = parseTrailingName(last.text);
    if (sig) {
      mergeBylines(authors, [sig.author]);
      removed.push({ rule: "byline: signature", text: sig.author.name });
      last.text = sig.rest;
    }
  }
  // subheads at the very end are not subheads of anything
  const prose = body.filter((p) => !p.subhead);
  if (stack.length === 0 && prose.length === 0 && captions.length === 0) return null;

  let headline = assembleHeadline(stack);
  let fromText = false;
  if (!headline || !headline.title) {
    const first = prose[0]?.text ?? captions[0] ?? "";
    headline = { kicker: null, title: titleFromText(first), subtitle: null };
    fromText = true;
  }
  return { headline, titleFromText: fromText, authors, body, captions, photo: seg.photo, removed };
}
