/**
 * npx tsx scripts/hant-chars.ts
 *
 * Writes templates/assets/hant-chars.js (which characters only Traditional
 * writing uses, for the search page) from opencc-js's dictionaries. Run it
 * after upgrading opencc-js; tests/traditional/hant-chars.test.ts fails until then.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hantCharsModule } from "../src/site/script.ts";

const target = fileURLToPath(new URL("../templates/assets/hant-chars.js", import.meta.url));
writeFileSync(target, hantCharsModule());
console.log(`wrote ${target}`);
