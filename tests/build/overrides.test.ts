/**
 * Front matter overrides what the normaliser found (the contract's way for an
 * editor to correct a date, a zone, a title or the tags).
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "../../src/build.ts";
import type { ArticleRecord, BuildReport } from "../../src/types.ts";
import { SEEDS, bodyAbout, listTree, readOutputs, tempRoot } from "./helpers.ts";

const SPLIT_SEED = "003_f5eec855c07a936a.txt"; // one newspaper page, several articles, no date in the text

describe("front matter overrides", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let contentDir: string;
  let result: { articles: ArticleRecord[]; report: BuildReport };
  let plain: ArticleRecord;
  let splitParts: number;

  const recordsOf = (file: string): ArticleRecord[] => result.articles.filter((r) => r.source.file === file);

  before(async () => {
    ({ root, cleanup } = await tempRoot("overrides"));
    const articlesDir = join(root, "articles");
    contentDir = join(root, "content");
    await mkdir(articlesDir);
    // the text names 鹤壁 and states 2023-03-15; the front matter says otherwise
    const body = bodyAbout("鹤壁经济技术开发区", "鹤壁经开区签约项目5个").replace("\n\n", "\n\n发布时间：2023-03-15\n\n");
    await writeFile(join(articlesDir, "plain.md"), body);
    await writeFile(
      join(articlesDir, "override.md"),
      `---\ndate: 2019-05\nzone: 漯河经济技术开发区\ntitle: 改过的标题\ntags: [招商引资]\n---\n${body}`,
    );
    await writeFile(
      join(articlesDir, "override-more.md"),
      `---\ndate: 2021\npublisher: 河南日报\nauthors:\n  - { name: 周明, role: 记者 }\n  - 吴亮\nsubtitle: ——副题改过\n---\n${body}`,
    );
    // a whole page of articles: date and zone apply to each, title does not
    const seed = await readFile(join(SEEDS, SPLIT_SEED), "utf8");
    await writeFile(join(articlesDir, "page.txt"), `---\ndate: 2014-03\nzone: 鹤壁经济技术开发区\ntitle: 不该用的标题\n---\n${seed}`);
    await build({ articlesDir, outDir: join(root, "out"), contentDir, quiet: true, dataOnly: true });
    result = await readOutputs(join(root, "out"));
    const p = recordsOf("plain.md");
    assert.equal(p.length, 1, "the article without front matter is built");
    plain = p[0];
    splitParts = recordsOf("page.txt").length;
  });

  after(async () => {
    await cleanup();
  });

  it("the same text without front matter gives the normaliser's own values", () => {
    assert.equal(plain.date, "2023-03-15");
    assert.equal(plain.dateSource, "explicit");
    assert.equal(plain.zone?.name, "鹤壁经济技术开发区");
    assert.equal(plain.title, "鹤壁经开区签约项目5个");
  });

  it("date: 2019-05 → date \"2019-05\", dateSource \"override\"", () => {
    const [r] = recordsOf("override.md");
    assert.ok(r, "override.md built");
    assert.equal(r.date, "2019-05");
    assert.equal(r.dateSource, "override");
  });

  it("zone: 漯河经济技术开发区 → the full zone object from the gazetteer", () => {
    const [r] = recordsOf("override.md");
    assert.deepEqual(r.zone, {
      name: "漯河经济技术开发区",
      shortName: "漯河经开区",
      type: "经济技术开发区",
      level: "国家级",
      city: "漯河市",
      county: null,
    });
  });

  it("title and tags are replaced", () => {
    const [r] = recordsOf("override.md");
    assert.equal(r.title, "改过的标题");
    assert.deepEqual(r.tags, ["招商引资"]);
    const entry = result.report.inputs.find((i) => i.file === "override.md");
    assert.ok(entry && entry.status !== "error");
    assert.deepEqual(entry.articles, [r.id]);
  });

  it("the normalised Markdown carries the overridden values too", async () => {
    const [r] = recordsOf("override.md");
    const name = (await listTree(contentDir)).find((f) => f.endsWith(`/${r.id}.md`) || f === `${r.id}.md`);
    assert.ok(name, `no Markdown for ${r.id}`);
    const md = await readFile(join(contentDir, name), "utf8");
    const front = md.split(/\n---\n/)[0];
    assert.match(front, /改过的标题/u);
    assert.match(front, /2019-05/);
    assert.match(front, /漯河经济技术开发区/u);
    assert.match(front, /override/);
    assert.doesNotMatch(front, /2023-03-15/);
  });

  it("a year as a number, publisher, authors and subtitle are overridden as well", () => {
    const [r] = recordsOf("override-more.md");
    assert.ok(r, "override-more.md built");
    assert.equal(r.date, "2021");
    assert.equal(r.dateSource, "override");
    assert.equal(r.publisher, "河南日报");
    assert.deepEqual(r.authors, [
      { name: "周明", role: "记者" },
      { name: "吴亮", role: "作者" },
    ]);
    assert.equal(r.subtitle, "——副题改过");
    assert.equal(r.zone?.name, "鹤壁经济技术开发区", "fields not set keep the normaliser's value");
  });

  it("on a page of several articles, date and zone apply to each, the title to none (with a message)", () => {
    const recs = recordsOf("page.txt");
    assert.ok(splitParts > 1, `the seed page should still split into several articles, got ${splitParts}`);
    for (const r of recs) {
      assert.equal(r.date, "2014-03", r.id);
      assert.equal(r.dateSource, "override", r.id);
      assert.equal(r.zone?.name, "鹤壁经济技术开发区", r.id);
      assert.notEqual(r.title, "不该用的标题", r.id);
      assert.equal(r.source.parts, recs.length);
    }
    const entry = result.report.inputs.find((i) => i.file === "page.txt");
    assert.ok(entry);
    assert.ok(entry.messages.some((m) => /title/.test(m)), `no message about the ignored title: ${entry.messages.join("; ")}`);
  });
});
