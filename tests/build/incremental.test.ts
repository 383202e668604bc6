/**
 * A rebuild into the same folder redoes only what changed (src/site/render-plan.ts,
 * the Traditional copy's state, the search shards' state) — and what it leaves is
 * exactly what a cold build of the same input writes: every file, byte for byte.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { appendFile, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { build, type BuildResult } from "../../src/build.ts";
import { copySeeds, listTree, tempRoot } from "./helpers.ts";

let root: string;
let cleanup: () => Promise<void>;
let arts: string;
let n = 0;

const quietBuild = (outDir: string, base = "/"): Promise<BuildResult> =>
  build({ articlesDir: arts, outDir, base, quiet: true, cacheDir: join(root, "cache") });

/** The same files with the same bytes; the first difference is named. */
async function assertSameSite(a: string, b: string): Promise<void> {
  const fa = await listTree(a);
  const fb = await listTree(b);
  assert.deepEqual(fa, fb, "the rebuild and the cold build hold different files");
  for (const f of fa) {
    const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
    assert.ok(x.equals(y), `${f} differs between the rebuild and a cold build`);
  }
}

/** Rebuild `site`, then build the same input cold elsewhere and compare. */
async function rebuildMatchesCold(site: string): Promise<BuildResult> {
  const again = await quietBuild(site);
  const cold = join(root, `cold-${++n}`);
  const fresh = await quietBuild(cold);
  assert.equal(fresh.redone?.render.incremental, false);
  await assertSameSite(site, cold);
  return again;
}

describe("rebuilds", () => {
  let site: string;
  let first: BuildResult;
  before(async () => {
    ({ root, cleanup } = await tempRoot("incremental"));
    arts = join(root, "articles");
    await copySeeds(arts);
    site = join(root, "site");
    first = await quietBuild(site);
  });
  after(async () => cleanup());

  it("render every page the first time", () => {
    const r = first.redone!.render;
    assert.equal(r.incremental, false);
    assert.equal(r.rendered, r.pages);
    assert.equal(first.redone!.hantConverted, first.redone!.hantPages);
  });

  it("render nothing again when nothing changed", async () => {
    const again = await rebuildMatchesCold(site);
    assert.equal(again.redone!.render.incremental, true);
    assert.equal(again.redone!.render.rendered, 0);
    assert.ok(again.redone!.shards.every((s) => s.cached), "an unchanged search index was rebuilt");
  });

  it("after one article's text changed, redo its pages only, and match a cold build", async () => {
    const file = (await readdir(arts)).sort()[0];
    await appendFile(join(arts, file), "\n会议还强调，要进一步优化营商环境，确保全年目标任务圆满完成。\n");
    const again = await rebuildMatchesCold(site);
    const r = again.redone!.render;
    assert.equal(r.incremental, true);
    assert.ok(r.rendered > 0 && r.rendered < r.pages / 2, `rendered ${r.rendered} of ${r.pages}`);
    assert.ok(again.redone!.hantConverted < again.redone!.hantPages / 2, `converted ${again.redone!.hantConverted} of ${again.redone!.hantPages}`);
    // its article page says the new sentence
    const id = again.report.inputs.find((i) => i.file === file)!.articles[0];
    assert.match(await readFile(join(site, "articles", id, "index.html"), "utf8"), /确保全年目标任务圆满完成/);
  });

  it("after a file is removed and another added, remove the pages that are gone, and match a cold build", async () => {
    const names = (await readdir(arts)).sort();
    const gone = first.report.inputs.find((i) => i.file === names[names.length - 1])!.articles;
    await rm(join(arts, names[names.length - 1]));
    const text = (await readFile(join(arts, names[1]), "utf8")).replaceAll("漯河", "许昌");
    await writeFile(join(arts, "zz-new.txt"), text);
    const again = await rebuildMatchesCold(site);
    assert.equal(again.redone!.render.incremental, true);
    assert.ok(again.redone!.render.removed > 0);
    for (const id of gone) {
      assert.equal((await listTree(site)).some((f) => f.startsWith(`articles/${id}/`)), false, `${id} is still in the site`);
    }
  });

  it("after an article keeps its page but moves to another year, its search filters follow, and match a cold build", async () => {
    // an id fixed in front matter (an input of one article): the page stays where it is while its
    // date, and so its year filter, change
    const single = first.report.inputs.find((i) => i.articles.length === 1 && i.file !== "zz-new.txt")!;
    const seed = await readFile(join(arts, single.file), "utf8");
    const pinned = join(arts, "zz-pinned.txt");
    await writeFile(pinned, `---\nid: pinned-article\ndate: 2011-03-04\n---\n${seed}`);
    const moved = (await rebuildMatchesCold(site)).report.inputs.find((i) => i.file === "zz-pinned.txt")!.articles;
    assert.deepEqual(moved, ["pinned-article"]);
    const yearsOf = async (): Promise<Record<string, number>> => (JSON.parse(await readFile(join(site, "pagefind", "filter-counts.json"), "utf8")) as Record<string, Record<string, number>>).year;
    const before = await yearsOf();
    await writeFile(pinned, `---\nid: pinned-article\ndate: 2019-03-04\n---\n${seed}`);
    await rebuildMatchesCold(site);
    const after = await yearsOf();
    assert.equal(after["2011"] ?? 0, (before["2011"] ?? 0) - 1);
    assert.equal(after["2019"] ?? 0, (before["2019"] ?? 0) + 1);
    await rm(pinned);
    await rebuildMatchesCold(site);
  });

  it("after an article is added, render and convert its own pages and its neighbours', not every article of its tags, and match a cold build", async () => {
    // the time each article page and its Traditional copy were last written
    const stamps = async (): Promise<Map<string, number>> => {
      const out = new Map<string, number>();
      for (const f of await listTree(site)) if (/^(hant\/)?articles\/[^/]+\/index\.html$/.test(f)) out.set(f, (await stat(join(site, f))).mtimeMs);
      return out;
    };
    const before = await stamps();
    const seed = first.report.inputs.find((i) => i.articles.length === 1)!;
    await writeFile(join(arts, "zz-added.txt"), `${await readFile(join(arts, seed.file), "utf8")}\n会议还强调，要进一步优化营商环境，确保全年目标任务圆满完成。\n`);
    const again = await rebuildMatchesCold(site);
    const added = again.report.inputs.find((i) => i.file === "zz-added.txt")!.articles;
    assert.equal(added.length, 1);
    const byId = new Map(again.articles.map((r) => [r.id, r]));
    const fresh = byId.get(added[0])!;
    // what may change: the new article, the articles of its zone (its neighbours), of its source file
    const mayChange = new Set(again.articles.filter((r) => r.id === fresh.id || (fresh.zone && r.zone?.name === fresh.zone.name) || r.source.file === fresh.source.file).map((r) => r.id));
    const sharingTag = again.articles.filter((r) => !mayChange.has(r.id) && r.tags.some((t) => fresh.tags.includes(t)));
    assert.ok(sharingTag.length > 0, "no article outside the new one's zone shares a tag with it: the test shows nothing");
    const after = await stamps();
    const redone = [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
    for (const f of redone) assert.ok(mayChange.has(f.split("/").at(-2)!), `${f} was written again`);
    assert.ok(redone.includes(`hant/articles/${fresh.id}/index.html`));
    assert.ok(again.redone!.hantConverted < again.redone!.hantPages / 2, `converted ${again.redone!.hantConverted} of ${again.redone!.hantPages}`);
    await rm(join(arts, "zz-added.txt"));
    await rebuildMatchesCold(site);
  });

  it("after a Traditional-script article comes and goes, keep its original only while it is there, and match a cold build", async () => {
    const OpenCC = await import("opencc-js");
    const toHant = OpenCC.Converter({ from: "cn", to: "tw" });
    const names = (await readdir(arts)).sort();
    await writeFile(join(arts, "zz-hant.txt"), toHant((await readFile(join(arts, names[0]), "utf8")).replaceAll("鹤壁", "安阳")));
    const withIt = await rebuildMatchesCold(site);
    assert.equal(withIt.articles.some((r) => r.script === "Hant"), true, "the Traditional article was not read as Traditional");
    assert.ok((await listTree(site)).some((f) => f.startsWith("originals/")), "no original offered");
    await rm(join(arts, "zz-hant.txt"));
    await rebuildMatchesCold(site);
    assert.equal((await listTree(site)).some((f) => f.startsWith("originals/")), false, "the original of a removed article is still offered");
  });

  it("make the same data files in a worker beside the render (a large archive's way), cold and on a rebuild", async () => {
    // from 2,000 input files the data files are made in a worker, into the content folder, and moved into the site
    const viaWorker = (outDir: string): Promise<BuildResult> => build({ articlesDir: arts, outDir, quiet: true, cacheDir: join(root, "cache"), dataWorkerMinFiles: 0 });
    const site2 = join(root, "site-data-worker");
    const first2 = await viaWorker(site2);
    assert.equal(first2.redone!.dataInWorker, true);
    const cold = join(root, `cold-${++n}`);
    assert.equal((await quietBuild(cold)).redone!.dataInWorker, false);
    await assertSameSite(site2, cold);
    const file = (await readdir(arts)).sort()[1];
    await appendFile(join(arts, file), "\n该区全年完成固定资产投资12.5亿元，同比增长8.3%。\n");
    const again = await viaWorker(site2);
    assert.equal(again.redone!.render.incremental, true);
    assert.equal(again.redone!.dataInWorker, true);
    const cold2 = join(root, `cold-${++n}`);
    await quietBuild(cold2);
    await assertSameSite(site2, cold2);
    assert.match(await readFile(join(site2, "data", "figures.csv"), "utf8"), /12\.5/);
    assert.equal(existsSync(join(first2.contentDir, "data-next")), false, "the worker's folder was left in the content folder");
  });

  it("render every page again when an option every page depends on changes", async () => {
    const other = await quietBuild(site, "/prefix/");
    assert.equal(other.redone!.render.incremental, false);
    const back = await quietBuild(site, "/");
    assert.equal(back.redone!.render.incremental, false);
    assert.equal(back.redone!.render.rendered, back.redone!.render.pages);
  });
});
