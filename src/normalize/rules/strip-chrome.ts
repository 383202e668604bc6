import type { Block } from "../../types.ts";
import type { Rule } from "./types.ts";
import { CHROME_BLOCKS, KNOWN_SITES } from "../../data/boilerplate.ts";

/**
 * Remove site navigation, print/close links, counters, disclaimers and
 * footers. A disclaimer that names the site tells us the publisher.
 */
export const stripChrome: Rule = {
  name: "strip-chrome",
  apply(blocks: Block[], ctx): Block[] {
    const out: Block[] = [];
    let gapCarry = 0;
    for (const b of blocks) {
      const text = b.text.trim();
      const hit = text.length <= 200 ? CHROME_BLOCKS.find((c) => c.pattern.test(text)) : undefined;
      if (hit && b.hint !== "headline") {
        ctx.removed.push({ rule: `strip-chrome: ${hit.label}`, text, seq: b.seq });
        const site = KNOWN_SITES.find((s) => s.pattern.test(text));
        if (site && !ctx.meta.publisher) ctx.meta.publisher = site.publisher;
        gapCarry = Math.max(gapCarry, b.gap);
        continue;
      }
      out.push(gapCarry ? { ...b, gap: Math.max(b.gap, gapCarry) } : b);
      gapCarry = 0;
    }
    return out;
  },
};
