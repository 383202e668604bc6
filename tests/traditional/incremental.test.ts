/**
 * The Traditional copy on a rebuild (src/site/traditional.ts): pages only added are converted
 * with the copies whose links looked for them, not the whole site; a page gone makes a full
 * conversion, over the copies there are; and every time, hant/ is what a conversion from
 * nothing writes.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { writeTraditionalSite, type TraditionalResult } from "../../src/site/traditional.ts";
import { listTree } from "../build/helpers.ts";

const page = (title: string, links: string[]): string =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>开发区项目建设</p>${links.map((l) => `<a href="${l}">${l}</a>`).join("")}</main></body></html>\n`;

let tmp: string;
let site: string;
let state: string;
let colds = 0;

const write = async (rel: string, html: string): Promise<void> => {
  await mkdir(dirname(join(site, rel)), { recursive: true });
  await writeFile(join(site, rel), html);
};
const convert = (outDir = site, withState = true): Promise<TraditionalResult> =>
  writeTraditionalSite({ outDir, base: "/", records: [], threads: 0, ...(withState ? { stateDir: state } : {}) });

/** hant/ as a conversion from nothing writes it, for the same pages. */
async function assertSameAsCold(): Promise<void> {
  const cold = join(tmp, `cold-${++colds}`);
  await mkdir(cold);
  for (const f of await listTree(site)) {
    if (f.startsWith("hant/")) continue;
    await mkdir(dirname(join(cold, f)), { recursive: true });
    await cp(join(site, f), join(cold, f));
  }
  await convert(cold, false);
  const ours = (await listTree(join(site, "hant"))).filter((f) => !f.startsWith("assets/"));
  assert.deepEqual(ours, (await listTree(join(cold, "hant"))).filter((f) => !f.startsWith("assets/")));
  for (const f of ours) assert.equal(await readFile(join(site, "hant", f), "utf8"), await readFile(join(cold, "hant", f), "utf8"), `hant/${f}`);
}

describe("the Traditional copy, rebuilt", () => {
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "hant-incremental-"));
    site = join(tmp, "site");
    state = join(tmp, "state");
    await mkdir(state);
    await write("index.html", page("首页", ["/a/", "/b/"]));
    // a links to c, which is not there yet
    await write("a/index.html", page("开发区甲", ["/", "/c/"]));
    await write("b/index.html", page("开发区乙", ["/"]));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it("converts every page the first time, and none when nothing changed", async () => {
    assert.equal((await convert()).converted, 3);
    assert.doesNotMatch(await readFile(join(site, "hant", "a", "index.html"), "utf8"), /href="\/hant\/c\/"/);
    assert.equal((await convert()).converted, 0);
    await assertSameAsCold();
  });

  it("when a page is added, converts it and the copies that link to it, not the others", async () => {
    const b = (await stat(join(site, "hant", "b", "index.html"))).mtimeMs;
    await write("c/index.html", page("开发区丙", ["/"]));
    const r = await convert();
    assert.equal(r.converted, 2, "c, and a (its link to c now leads to c's copy)");
    assert.match(await readFile(join(site, "hant", "a", "index.html"), "utf8"), /href="\/hant\/c\/"/);
    assert.equal((await stat(join(site, "hant", "b", "index.html"))).mtimeMs, b, "b's copy was written again");
    await assertSameAsCold();
  });

  it("when a page is gone, converts every page over the copies there are, and leaves no copy of the page gone nor anything else", async () => {
    await writeFile(join(site, "hant", "stray.html"), "not a page of the site");
    await rm(join(site, "b"), { recursive: true });
    const r = await convert();
    assert.equal(r.converted, r.pages);
    assert.equal(existsSync(join(site, "hant", "b")), false);
    assert.equal(existsSync(join(site, "hant", "stray.html")), false);
    await assertSameAsCold();
  });

  it("converts every page again when its record of them is missing", async () => {
    await rm(join(state, "hant-state.json"));
    const r = await convert();
    assert.equal(r.converted, r.pages);
    await assertSameAsCold();
  });
});
