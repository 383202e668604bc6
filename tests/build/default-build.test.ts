/**
 * `npm run build` as a user runs it: the normalised Markdown goes to the
 * default content folder (under .cache/, which .gitignore lists) and every
 * article still gets its page. Eleventy honours .gitignore by default; this
 * test failed before .eleventy.ts turned that off.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, defaultContentDir } from "../../src/build.ts";

test("the default build (content under .cache/) writes a page for every article, and search indexes them", async () => {
  const out = mkdtempSync(join(tmpdir(), "default-build-"));
  const contentDir = resolve(defaultContentDir(out));
  try {
    const { articles } = await build({ articlesDir: join(import.meta.dirname, "../../articles"), outDir: out, quiet: true });
    assert.equal(articles.length, 18);
    assert.ok(contentDir.includes(`${join(".cache", "content-")}`));
    for (const r of articles) {
      const page = join(out, "articles", r.id, "index.html");
      assert.ok(existsSync(page), `page for ${r.id}`);
      assert.ok(readFileSync(page, "utf8").includes(r.title.split(" ")[0]), `${r.id} shows its title`);
    }
    const entry = JSON.parse(readFileSync(join(out, "pagefind", "pagefind-entry.json"), "utf8"));
    const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    assert.ok(indexed >= 18, `pagefind indexed ${indexed} pages`);
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }
});
