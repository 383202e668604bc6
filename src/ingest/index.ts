/**
 * The ingest stage: the bytes of one raw input file → decoded text blocks and
 * front matter. Never throws; a file that cannot be used comes back with
 * `error` set and no blocks.
 */
import type { Block, IngestedFile } from "../types.ts";
import { decodeBytes } from "./decode.ts";
import { readFrontMatter } from "./frontmatter.ts";
import { htmlToBlocks } from "./html.ts";
import { textToBlocks } from "./text.ts";

export { decodeBytes } from "./decode.ts";
export { readFrontMatter } from "./frontmatter.ts";
export { htmlToBlocks } from "./html.ts";
export { textToBlocks } from "./text.ts";

type Kind = "txt" | "md" | "html";

function kindOf(relPath: string): Kind | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(relPath);
  const ext = m ? m[1].toLowerCase() : "";
  if (ext === "txt") return "txt";
  if (ext === "md") return "md";
  if (ext === "html" || ext === "htm") return "html";
  return null;
}

export function ingestFile(relPath: string, bytes: Uint8Array): IngestedFile {
  const result: IngestedFile = { encoding: null, frontMatter: {}, blocks: [], warnings: [], error: null };
  try {
    const kind = kindOf(relPath);
    if (!kind) {
      result.error = "unsupported file type";
      return result;
    }
    const decoded = decodeBytes(bytes, { html: kind === "html" });
    if ("error" in decoded) {
      result.error = decoded.error;
      return result;
    }
    result.encoding = decoded.encoding;
    result.warnings.push(...decoded.warnings);

    let text = decoded.text;
    if (kind !== "html" || text.startsWith("---")) {
      const fm = readFrontMatter(text);
      result.frontMatter = fm.data;
      result.warnings.push(...fm.warnings);
      text = fm.body;
    }

    let blocks: Block[];
    if (kind === "html" && !/<[A-Za-z!\/?]/.test(text)) {
      // an .htm file with no markup at all: its line breaks are its paragraphs
      result.warnings.push("no HTML markup found: read as plain text");
      blocks = textToBlocks(text, "txt");
    } else {
      blocks = kind === "html" ? htmlToBlocks(text) : textToBlocks(text, kind);
    }
    if (blocks.length === 0) {
      result.error = "no text found";
      return result;
    }
    result.blocks = blocks;
    return result;
  } catch (e) {
    result.blocks = [];
    result.error = `could not be read (${e instanceof Error ? e.message : String(e)})`;
    return result;
  }
}
