/**
 * Plain text and Markdown → blocks: one block per non-blank line.
 */
import type { Block } from "../types.ts";

/** JS `\s` covers the ideographic space U+3000 and no-break space U+00A0 too. */
const WS_RUN = /\s+/g;
const MD_HEADLINE = /^(#{1,2})\s+(.*?)(?:\s+#+)?$/;

export function textToBlocks(text: string, kind: "txt" | "md"): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim().replace(WS_RUN, " ");
    if (line === "") {
      blank++;
      continue;
    }
    const block: Block = { text: line, gap: blank };
    if (kind === "md") {
      const m = MD_HEADLINE.exec(line);
      if (m && m[2].trim() !== "") {
        block.text = m[2].trim();
        block.hint = "headline";
      }
    }
    blocks.push(block);
    blank = 0;
  }
  return blocks;
}
