/**
 * serveSite: the built site served with live reload. A new article in the
 * watched folder triggers the caller's rebuild, the open page reloads, and
 * search on the served site finds the new text. Also under a base path.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "../../src/build.ts";
import { serveSite, type SiteServer } from "../../src/site/serve.ts";
import { launchBrowser, resultPaths, searchSettled, SEED_ARTICLES } from "./harness.ts";

let tmp: string;
let browser: Browser;
const servers: SiteServer[] = [];

async function serveBuilt(name: string, base: string): Promise<{ server: SiteServer; articlesDir: string; rebuilds: string[][] }> {
  const articlesDir = join(tmp, `${name}-articles`);
  await cp(SEED_ARTICLES, articlesDir, { recursive: true });
  const opts = { articlesDir, outDir: join(tmp, `${name}-out`), contentDir: join(tmp, `${name}-content`), base, quiet: true };
  await build(opts);
  const rebuilds: string[][] = [];
  const server = await serveSite({
    outDir: opts.outDir,
    host: "127.0.0.1",
    port: 0,
    base,
    watch: [articlesDir],
    rebuild: async (changed) => {
      rebuilds.push(changed);
      await build(opts);
    },
  });
  servers.push(server);
  return { server, articlesDir, rebuilds };
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), "site-serve-"));
  browser = await launchBrowser();
});
after(async () => {
  for (const s of servers) await s.close();
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("serveSite", () => {
  it("serves on 127.0.0.1, rebuilds when an article is added, reloads the page, and search finds the new text", async () => {
    const { server, articlesDir, rebuilds } = await serveBuilt("root", "/");
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await browser.newPage();
    await page.goto(server.url);
    const count = async () => Number(await page.locator(".stat-list strong").first().innerText());
    const before = await count();

    const reloaded = page.waitForEvent("load", { timeout: 60_000 });
    await writeFile(
      join(articlesDir, "999_new.txt"),
      "鹦鹉螺新材料项目签约落户\n\n本报讯（记者 测试）2024年5月6日，鹤壁经济技术开发区举行鹦鹉螺新材料项目签约仪式，项目总投资12亿元。\n",
    );
    await reloaded;
    assert.equal(await count(), before + 1);
    assert.ok(rebuilds.some((c) => c.some((f) => f.endsWith("999_new.txt"))));

    await page.goto(`${server.url}search/?q=${encodeURIComponent("鹦鹉螺")}`);
    await searchSettled(page);
    const paths = await resultPaths(page, "/");
    assert.equal(paths.length, 1);
    await page.close();
  });

  it("serves a site built for a base path under that path, search included", async () => {
    const { server } = await serveBuilt("prefix", "/prefix/");
    assert.match(server.url, /\/prefix\/$/);
    const page = await browser.newPage();
    const root = await page.goto(server.url.replace(/prefix\/$/, ""));
    assert.ok(root!.url().endsWith("/prefix/"), "the root redirects to the base path");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(251, 250, 246)");
    await page.goto(`${server.url}search/?q=${encodeURIComponent("扬尘")}`);
    await searchSettled(page);
    assert.ok((await resultPaths(page, "/prefix/")).length > 0);
    await page.close();
  });
});
