/**
 * The build refuses to write where it must not: a folder of the user's, the
 * articles folder, a folder that holds the articles. It may empty its own output.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "../../src/build.ts";
import { GOOD_UTF8, bodyAbout, listTree, readOutputs, tempRoot } from "./helpers.ts";

describe("where the build may write", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let articlesDir: string;
  let articlesTree: string[];

  before(async () => {
    ({ root, cleanup } = await tempRoot("safety"));
    articlesDir = join(root, "articles");
    await mkdir(articlesDir, { recursive: true });
    await writeFile(join(articlesDir, "a.txt"), GOOD_UTF8);
    await writeFile(join(articlesDir, "b.txt"), bodyAbout("漯河经济技术开发区", "漯河经开区签约项目5个"));
    articlesTree = await listTree(articlesDir);
  });

  after(async () => {
    await cleanup();
  });

  it("rejects --out that is a non-empty folder it did not create, and leaves the user's file", async () => {
    const userDir = join(root, "my-documents");
    await mkdir(userDir);
    await writeFile(join(userDir, "thesis.docx"), "my only copy");
    await assert.rejects(
      build({ articlesDir, outDir: userDir, contentDir: join(root, "content-user"), quiet: true, dataOnly: true }),
      (err: unknown) => {
        assert.ok(err instanceof Error);
        assert.ok(err.message.includes("my-documents"), `the error does not name the folder: ${err.message}`);
        assert.match(err.message, /already|not empty|did not write|choose/i);
        return true;
      },
    );
    assert.equal(await readFile(join(userDir, "thesis.docx"), "utf8"), "my only copy");
    assert.deepEqual(await listTree(userDir), ["thesis.docx"], "the build wrote into the user's folder");
  });

  it("rejects a content folder that is a non-empty folder of the user's, and leaves the user's file", async () => {
    const userDir = join(root, "my-notes");
    await mkdir(userDir);
    await writeFile(join(userDir, "notes.md"), "# keep me");
    await assert.rejects(build({ articlesDir, outDir: join(root, "out-for-notes"), contentDir: userDir, quiet: true, dataOnly: true }), Error);
    assert.deepEqual(await listTree(userDir), ["notes.md"]);
    assert.equal(await readFile(join(userDir, "notes.md"), "utf8"), "# keep me");
  });

  it("rejects --out inside the articles folder, and writes nothing there", async () => {
    await assert.rejects(
      build({ articlesDir, outDir: join(articlesDir, "_site"), contentDir: join(root, "content-inside"), quiet: true, dataOnly: true }),
      (err: unknown) => {
        assert.ok(err instanceof Error);
        assert.match(err.message, /articles|inside|overwrite/i);
        return true;
      },
    );
    assert.deepEqual(await listTree(articlesDir), articlesTree);
    assert.ok(!existsSync(join(articlesDir, "_site")));
  });

  it("rejects --out equal to the articles folder, and leaves the articles", async () => {
    await assert.rejects(build({ articlesDir, outDir: articlesDir, contentDir: join(root, "content-same"), quiet: true, dataOnly: true }), Error);
    assert.deepEqual(await listTree(articlesDir), articlesTree);
  });

  it("rejects --out that holds the articles folder, even one it wrote before", async () => {
    // a previous out folder of the tool (marker and all), in which the user later put the articles
    const prevOut = join(root, "prev-out");
    await build({ articlesDir, outDir: prevOut, contentDir: join(root, "content-prev"), quiet: true, dataOnly: true });
    const nested = join(prevOut, "articles");
    await mkdir(nested);
    await writeFile(join(nested, "a.txt"), GOOD_UTF8);
    await assert.rejects(build({ articlesDir: nested, outDir: prevOut, contentDir: join(root, "content-prev2"), quiet: true, dataOnly: true }), Error);
    assert.equal(await readFile(join(nested, "a.txt"), "utf8"), GOOD_UTF8, "the articles inside --out were deleted");
  });

  it("may build again into its own previous output, which it empties first", async () => {
    const outDir = join(root, "out-again");
    const contentDir = join(root, "content-again");
    const first = await build({ articlesDir, outDir, contentDir, quiet: true, dataOnly: true });
    assert.equal(first.articles.length, 2);
    // drop one input and build again into the same folders
    const fewer = join(root, "fewer");
    await mkdir(fewer);
    await writeFile(join(fewer, "a.txt"), GOOD_UTF8);
    await build({ articlesDir: fewer, outDir, contentDir, quiet: true, dataOnly: true });
    const { articles, report } = await readOutputs(outDir);
    assert.equal(articles.length, 1);
    assert.deepEqual(report.inputs.map((i) => i.file), ["a.txt"]);
    const md = (await listTree(contentDir)).filter((f) => f.endsWith(".md"));
    assert.equal(md.length, 1, `stale Markdown left from the first build: ${md.join(", ")}`);
    assert.ok(md[0].endsWith(`${articles[0].id}.md`));
    await rm(fewer, { recursive: true, force: true });
  });

  it("may build into an empty folder the user made", async () => {
    const empty = join(root, "empty-out");
    await mkdir(empty);
    const res = await build({ articlesDir, outDir: empty, contentDir: join(root, "content-empty"), quiet: true, dataOnly: true });
    assert.equal(res.articles.length, 2);
    assert.ok(existsSync(join(empty, "data", "articles.json")));
  });
});
