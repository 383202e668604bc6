/**
 * One stage of the build, alone, for the benchmark (each stage in its own
 * process, so its wall time and peak memory can be measured on their own):
 *   stage.ts normalise ARTICLES OUT CONTENT   raw articles → normalised Markdown + data files
 *   stage.ts render CONTENT OUT               Eleventy
 *   stage.ts index OUT                        Pagefind
 */
import { build } from "../src/build.ts";
import { renderSite } from "../src/site/render.ts";
import { indexSite } from "../src/site/search-index.ts";

const [stage, a, b, c] = process.argv.slice(2);
switch (stage) {
  case "normalise":
    // cold: no normalise cache
    await build({ articlesDir: a, outDir: b, contentDir: c, dataOnly: true, quiet: true, cacheDir: null });
    break;
  case "render":
    await renderSite({ contentDir: a, outDir: b, base: "/" });
    break;
  case "index": {
    const { pages } = await indexSite({ outDir: a });
    console.log(`indexed ${pages} pages`);
    break;
  }
  default:
    console.error("usage: stage.ts normalise|render|index …");
    process.exit(2);
}
