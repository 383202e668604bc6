/**
 * Hostile input, faithful output: the whole site (normalise → Eleventy →
 * Pagefind) built once from the hostile corpus (tests/hostile/corpus.ts: empty
 * and binary files, cut characters, every encoding, a 50 MB page, one endless
 * line, front matter that is code, an alias bomb, wrong types, impossible
 * dates, unsafe and shared ids, markup in text, Markdown, HTML and Traditional
 * text) beside three good articles. For each input: the build finishes, the
 * good articles are all there, the bad input is in the build report with a
 * plain message, nothing is written outside the output folders, and no markup
 * from an input is live in any page — checked in the HTML and in Chromium
 * (no dialog opens, no Content-Security-Policy violation, search works).
 *
 * HOSTILE_TABLE=path writes the table of inputs and what each produced (Markdown).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { load, type CheerioAPI } from "cheerio";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { build, type BuildOptions } from "../../src/build.ts";
import { CSP_HEADER, CSP_META } from "../../src/output/headers.ts";
import type { ArticleRecord, BuildReport, ReportInput } from "../../src/types.ts";
import { launchBrowser, resultPaths, searchSettled } from "../browser/harness.ts";
import { startStaticServer, type StaticServer } from "../browser/static-server.ts";
import { listTree, readOutputs, tempRoot } from "../build/helpers.ts";
import { writeCorpus, type Corpus } from "./corpus.ts";

const BIG_MB = 50;
const LINE_CHARS = 2_000_000;
const REPO = join(import.meta.dirname, "..", "..");

declare global {
  // set only if ---js / ---coffee front matter ever ran in this thread
  var __hostileFrontMatterRan: unknown;
}

let root: string;
let cleanup: () => Promise<void>;
let corpus: Corpus;
let outDir: string;
let contentDir: string;
let thrown: unknown = null;
let buildMs = 0;
let result: { articles: ArticleRecord[]; report: BuildReport };
let rootBefore: string[];
let rootAfter: string[];
let repoBefore: string[];
let repoAfter: string[];
let htmlFiles: string[];
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** what the browser saw: dialogs opened, CSP violations, uncaught errors */
const dialogs: string[] = [];
const violations: string[] = [];
const pageErrors: string[] = [];

/** The project's files (not node_modules, .git, or the .cache other builds of this checkout use). */
async function repoFiles(): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (["node_modules", ".git", ".cache", "_site"].includes(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(relative(REPO, p).split(sep).join("/"));
    }
  }
  await walk(REPO);
  return out.sort();
}

const entry = (file: string): ReportInput => {
  const e = result.report.inputs.find((i) => i.file === file);
  assert.ok(e, `no report entry for ${file}`);
  return e;
};
const recordsOf = (file: string): ArticleRecord[] => result.articles.filter((r) => r.source.file === file);
const pagePath = (r: ArticleRecord): string => join(outDir, r.url.replace(/^\//, ""), "index.html");
const html = async (r: ArticleRecord): Promise<CheerioAPI> => load(await readFile(pagePath(r), "utf8"));

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(`${path}: ${d.type()} ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => pageErrors.push(`${path}: ${e.message}`));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`${path}: ${m.text()}`);
  });
  await page.goto(server.url + path.replace(/^\//, ""), { waitUntil: "load" });
  return page;
}

/** Gives inline handlers (onerror of a broken image, onload) their chance, then collects what the page reported. */
async function settle(page: Page, path: string): Promise<void> {
  await page.waitForTimeout(50);
  const seen = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  for (const v of seen) violations.push(`${path}: ${v}`);
  const ran = await page.evaluate(() => (window as unknown as { __hostile?: unknown }).__hostile);
  assert.equal(ran, undefined, `${path}: a script from an input ran`);
}

before(async () => {
  ({ root, cleanup } = await tempRoot("hostile"));
  corpus = await writeCorpus(root, { bigMB: BIG_MB, lineChars: LINE_CHARS });
  outDir = join(root, "out");
  contentDir = join(root, "content");
  rootBefore = await listTree(root);
  repoBefore = await repoFiles();
  globalThis.__hostileFrontMatterRan = undefined;
  const opts: BuildOptions = { articlesDir: corpus.articlesDir, outDir, contentDir, quiet: true, cacheDir: null };
  const t0 = performance.now();
  try {
    await build(opts);
  } catch (err) {
    thrown = err;
  }
  buildMs = performance.now() - t0;
  rootAfter = await listTree(root);
  repoAfter = await repoFiles();
  if (thrown) return;
  result = await readOutputs(outDir);
  htmlFiles = (await listTree(outDir)).filter((f) => f.endsWith(".html"));
  server = await startStaticServer(outDir, "/");
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
});

after(async () => {
  if (process.env.HOSTILE_TABLE && result) await writeFile(process.env.HOSTILE_TABLE, table());
  delete globalThis.__hostileFrontMatterRan;
  await browser?.close();
  await server?.close();
  await cleanup?.();
});

/** The closing note's table: every input, its status and message, and what the site shows for it. */
function table(): string {
  const rows = ["| input | what it is | status | message (first) | the site shows |", "| --- | --- | --- | --- | --- |"];
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\n/g, " ");
  for (const i of result.report.inputs) {
    const e = corpus.expect[i.file];
    const msg = i.messages.filter((m) => !/^date inferred|^no date stated/.test(m))[0] ?? (i.messages[0] ?? "");
    const shows = recordsOf(i.file)
      .map((r) => `${r.url} “${r.title.length > 30 ? `${r.title.slice(0, 30)}…` : r.title}”`)
      .join("; ");
    rows.push(`| ${cell(i.file)} | ${cell(e?.what ?? "")} | ${i.status} | ${cell(msg.slice(0, 140))} | ${cell(shows || "no page")} |`);
  }
  return `${rows.join("\n")}\n\nBuild of the whole site: ${(buildMs / 1000).toFixed(1)} s.\n`;
}

describe("hostile corpus, full site", () => {
  it(`finishes the build (the ${BIG_MB} MB page and the ${LINE_CHARS.toLocaleString("en")}-character line included)`, () => {
    assert.equal(thrown, null, `the build threw: ${thrown instanceof Error ? thrown.stack : String(thrown)}`);
    for (const f of ["build-report.json", "data/articles.json", "index.html", "search/index.html", "pagefind/pagefind.js", "_headers"]) {
      assert.ok(rootAfter.includes(`out/${f}`), `out/${f} missing`);
    }
  });

  it("reports every input once, each as the corpus expects, with a plain message for each problem", () => {
    assert.deepEqual(result.report.inputs.map((i) => i.file).sort(), Object.keys(corpus.expect).sort());
    for (const [file, e] of Object.entries(corpus.expect)) {
      const i = entry(file);
      const recs = recordsOf(file);
      const said = i.messages.join(" ‖ ");
      assert.equal(i.status, e.status, `${file} (${e.what}): status ${i.status}: ${said}`);
      assert.equal(recs.length, e.articles, `${file}: ${recs.length} articles: ${said}`);
      assert.deepEqual([...i.articles].sort(), recs.map((r) => r.id).sort(), `${file}: the report's ids`);
      if (e.message) assert.match(said, e.message, `${file}: ${said}`);
      if (e.title) assert.equal(recs[0].title, e.title, file);
      if (e.encoding) assert.equal(i.encoding, e.encoding, file);
      for (const m of i.messages) {
        assert.doesNotMatch(m, /\n\s+at |\[object Object\]|(?<!js\/)\bundefined\b|\bNaN\b|\u0000/, `${file}: not a plain message: ${m}`);
      }
      if (i.status !== "ok") assert.ok(i.messages.length > 0, `${file}: ${i.status} without a message`);
    }
  });

  it("builds every good article, and a page for every article", () => {
    for (const file of Object.keys(corpus.expect).filter((f) => f.startsWith("good/") || f.startsWith("encodings/"))) {
      assert.equal(entry(file).status, "ok", `${file}: ${entry(file).messages.join("; ")}`);
    }
    for (const r of result.articles) assert.ok(existsSync(pagePath(r)), `no page for ${r.id} (${r.source.file})`);
  });

  it("writes nothing outside the output and content folders, and nothing named after an unsafe id", () => {
    const added = rootAfter.filter((f) => !rootBefore.includes(f));
    assert.deepEqual(
      added.filter((f) => !f.startsWith("out/") && !f.startsWith("content/")),
      [],
      "files written outside out/ and content/",
    );
    assert.deepEqual(rootAfter.filter((f) => f.startsWith("articles/")), rootBefore.filter((f) => f.startsWith("articles/")), "the articles folder changed");
    assert.deepEqual(repoAfter, repoBefore, "the build wrote into the project");
    assert.ok(!added.some((f) => /hostile-escape/.test(f)), `a file named after an unsafe id: ${added.filter((f) => /hostile-escape/.test(f)).join(", ")}`);
    for (const p of ["/tmp/hostile-escape", join(root, "..", "hostile-escape"), join(outDir, "..", "hostile-escape")]) {
      assert.ok(!existsSync(p) && !existsSync(`${p}.md`) && !existsSync(join(p, "index.html")), `${p} exists`);
    }
    for (const r of result.articles) assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `unsafe id ${JSON.stringify(r.id)}`);
  });

  it("never runs front matter: ---js, ---coffee and YAML !!js tags leave no trace", () => {
    assert.ok(!existsSync(corpus.marker), `front matter code ran: ${corpus.marker} exists`);
    assert.equal(globalThis.__hostileFrontMatterRan, undefined, "front matter code ran in the build's thread");
    assert.ok(!result.articles.some((r) => /pwned by/.test(r.title)), "a title set by code front matter");
    const tagged = recordsOf("hostile/front-matter-yaml-js-tag.md")[0];
    // the tag is not run: the "function" is just text in the title (front matter wins), shown as text
    assert.match(tagged.title, /^function \(\) \{/);
  });

  it("gives two inputs that claim the same id different ids, and says which", () => {
    const ids = ["a", "b", "c"].map((x) => recordsOf(`hostile/same-id-${x}.md`)[0].id);
    assert.deepEqual(ids, ["same-id", "same-id-2", "same-id-2-2"]);
    assert.equal(new Set(result.articles.map((r) => r.id)).size, result.articles.length, "two articles share an id");
  });

  it("keeps the 50 MB page as one article and logs the copies, with a count, against it", () => {
    const i = entry("size/looped-50mb.txt");
    const [r] = recordsOf("size/looped-50mb.txt");
    const repeated = (i.removed ?? []).filter((x) => x.rule.startsWith("drop-repeats"));
    assert.ok(repeated.length > 0 && repeated.every((x) => x.part === 1 && (x.count ?? 1) > 1000), JSON.stringify(repeated.slice(0, 3)));
    assert.ok(r.chars < 400, `${r.chars} characters kept`);
  });
});

describe("no markup from an input is live in any page", () => {
  const URL_ATTRS = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc", "ping"];
  const DENIED = "iframe, frame, frameset, object, embed, applet, base, img, video, audio, style, template, math, foreignObject, marquee";

  it("has no script but the site's own files and JSON-LD data, no on* attribute, no javascript: URL, no comment, no foreign element", async () => {
    assert.ok(htmlFiles.length > result.articles.length);
    const problems: string[] = [];
    for (const f of htmlFiles) {
      const $ = load(await readFile(join(outDir, f), "utf8"));
      $("script").each((_, el) => {
        const src = $(el).attr("src");
        const type = $(el).attr("type") ?? "";
        if (src !== undefined) {
          if (!/^\/(assets|pagefind)\/[\w./-]+\.js$/.test(src) || $(el).text().trim() !== "") problems.push(`${f}: script src=${src}`);
        } else if (type === "application/ld+json") {
          try {
            JSON.parse($(el).text());
          } catch {
            problems.push(`${f}: JSON-LD that is not JSON: ${$(el).text().slice(0, 80)}`);
          }
        } else problems.push(`${f}: inline script ${$(el).text().slice(0, 60)}`);
      });
      $("*").each((_, el) => {
        if (el.type !== "tag") return;
        for (const [name, value] of Object.entries(el.attribs)) {
          if (/^on/i.test(name)) problems.push(`${f}: <${el.name} ${name}="${value.slice(0, 40)}">`);
          if (URL_ATTRS.includes(name.toLowerCase()) && /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ""))) {
            problems.push(`${f}: <${el.name} ${name}="${value.slice(0, 40)}">`);
          }
        }
      });
      $(DENIED).each((_, el) => {
        problems.push(`${f}: <${(el as { name: string }).name}>`);
      });
      $("meta[http-equiv]").each((_, el) => {
        if ($(el).attr("http-equiv")!.toLowerCase() !== "content-security-policy") problems.push(`${f}: <meta http-equiv=${$(el).attr("http-equiv")}>`);
      });
      const comments: string[] = [];
      const walk = (n: { type: string; data?: string; children?: unknown[] }): void => {
        if (n.type === "comment") comments.push(n.data ?? "");
        for (const c of n.children ?? []) walk(c as typeof n);
      };
      walk($.root()[0] as unknown as { type: string });
      if (comments.length) problems.push(`${f}: HTML comment <!--${comments[0].slice(0, 40)}-->`);
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });

  it("has the Content-Security-Policy in every page, before any script or stylesheet, and in _headers with frame-ancestors", async () => {
    for (const f of htmlFiles) {
      const $ = load(await readFile(join(outDir, f), "utf8"));
      const csp = $("head meta[http-equiv='Content-Security-Policy']");
      assert.equal(csp.length, 1, `${f}: ${csp.length} CSP meta elements`);
      assert.equal(csp.attr("content"), CSP_META, f);
      const first = $("head").children().toArray().findIndex((el) => ["script", "link", "style"].includes((el as { name: string }).name));
      const at = $("head").children().toArray().indexOf(csp[0]);
      assert.ok(first === -1 || at < first, `${f}: the CSP comes after a script or stylesheet`);
    }
    assert.match(CSP_META, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(CSP_META, /unsafe-inline|'unsafe-eval'/);
    const headers = await readFile(join(outDir, "_headers"), "utf8");
    assert.equal(headers.split("\n")[0], "/*");
    assert.ok(headers.includes(`Content-Security-Policy: ${CSP_HEADER}`));
    assert.match(CSP_HEADER, /frame-ancestors 'none'/);
  });

  it("shows markup written in a text file as text: headline and body", async () => {
    const [r] = recordsOf("hostile/markup-in-text.txt");
    const $ = await html(r);
    const body = $(".article-body").text();
    for (const s of [
      "<script>alert(document.cookie)</script>",
      `<a href="javascript:alert('link')">点击查看</a>`,
      `<!-- <script>alert("comment")</script> -->`,
      `<img src=x onerror="alert('img')">`,
      `<svg onload=alert(4)></svg><iframe src="javascript:alert(5)"></iframe>`,
    ]) {
      assert.ok(body.includes(s), `not shown as text: ${s}`);
    }
    assert.ok($("h1").text().startsWith(`<script>alert("headline")</script>`), $("h1").text());
    assert.ok($("title").text().startsWith(`<script>alert("headline")</script>`));
  });

  it("shows Markdown links, raw HTML and template syntax as text, and front matter values as text", async () => {
    const [r] = recordsOf("hostile/markup-in-markdown.md");
    const $ = await html(r);
    const body = $(".article-body").text();
    for (const s of ["[点击这里](javascript:alert(11))", "<javascript:alert(12)>", `<div onclick="alert(13)">`, "{{ 7 * 7 }}", "{% raw %}", "${alert(14)}", "<!-- 注释 -->", "![图](javascript:alert(15))", "[x]: javascript:alert(16)", "<style>body{display:none}</style>"]) {
      assert.ok(body.includes(s), `not shown as text: ${s}`);
    }
    assert.ok(!body.includes("49"), "{{ 7 * 7 }} was evaluated");
    assert.equal($(".article-body a").length, 0, "a link made from the text");
    assert.equal($("h1").text(), r.title);
    assert.ok(r.title.startsWith("</script><script>alert('front-matter-title')</script>"));
    const ld = JSON.parse($("script[type='application/ld+json']").text()) as { headline: string };
    assert.equal(ld.headline, r.title, "the JSON-LD block was broken out of");
    assert.ok($(".article-meta").text().includes("<b onmouseover=alert(7)>新乡日报</b>"), "publisher shown as text");
    assert.ok($(".article-meta").text().includes("<img src=x onerror=alert(9)>"), "author shown as text");
  });

  it("keeps only the text of an HTML page: no element, attribute or comment of it reaches the site", async () => {
    const [r] = recordsOf("hostile/markup-in-page.html");
    const $ = await html(r);
    const body = $(".article-body").text();
    assert.match(body, /新认定高新技术企业15家/);
    assert.match(body, /推动创新链产业链深度融合/);
    assert.ok(body.includes("<script>alert(34)</script>"), "escaped text in the page stays text");
    for (const s of ["alert(2", "alert(30)", "alert(33)", "alert(35)", "首页", "版权所有"]) assert.ok(!body.includes(s), `${s} in the article`);
    assert.equal(r.publisher, "安阳日报");
    assert.equal(r.date, "2023-06-12");
  });

  it("publishes the original of a Traditional input as plain text only", async () => {
    const [r] = recordsOf("hostile/markup-in-traditional.txt");
    assert.equal(r.script, "Hant");
    const originals = (await listTree(outDir)).filter((f) => f.startsWith("originals/"));
    for (const f of originals) assert.ok(f.endsWith(".txt"), `an original that is not .txt: ${f}`);
  });

  it("opens every article page in Chromium without a dialog, a CSP violation or a script from an input", async () => {
    const hostileTags = recordsOf("hostile/markup-in-markdown.md")[0].tags;
    const tagPages = htmlFiles.filter((f) => /^tags\/[^/]+\/index\.html$/.test(f)).map((f) => `/${f.replace(/index\.html$/, "")}`);
    const paths = ["/", ...result.articles.map((r) => r.url), ...tagPages.filter((p) => hostileTags.some((t) => p.includes(t.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase())))];
    assert.ok(paths.length >= result.articles.length + 3, `tag pages: ${tagPages.join(", ")}`);
    // four tabs at a time
    const queue = [...paths];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const page = await open(path);
          await settle(page, path);
          await page.close();
        }
      }),
    );
    assert.deepEqual(dialogs, [], "a dialog opened");
    assert.deepEqual(violations, [], "Content-Security-Policy violations");
  });

  it("searches for hostile words in Chromium: results shown as text, no dialog, no CSP violation", async () => {
    const withMarkup = recordsOf("hostile/markup-in-text.txt")[0];
    for (const q of ["alert", "script", "onerror", "javascript", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]) {
      const path = `/search/?q=${encodeURIComponent(q)}`;
      const page = await open(path);
      await searchSettled(page);
      if (/^[a-z]+$/.test(q)) {
        const found = await resultPaths(page, "/");
        assert.ok(found.includes(withMarkup.url), `${q}: the article with markup is not found (${found.join(", ")})`);
        const excerpts = await page.locator("#search-results .entry-excerpt").allTextContents();
        assert.ok(excerpts.some((t) => t.includes(q)), `${q}: not in any excerpt`);
        assert.equal(await page.locator("#search-results img, #search-results script, #search-results iframe").count(), 0);
        // open the result the way a reader does: the article highlights the word
        await page.locator(`#search-results a[href^="${withMarkup.url}"]`).first().click();
        await page.waitForLoadState("load");
      }
      await settle(page, path);
      await page.close();
    }
    const marked = await open(`${withMarkup.url}?highlight=${encodeURIComponent("<img src=x onerror=alert(1)>")}&highlight=alert`);
    await settle(marked, "highlight");
    assert.ok((await marked.locator("mark.pagefind-highlight").count()) > 0, "the highlight did not run");
    await marked.close();
    assert.deepEqual(dialogs, [], "a dialog opened");
    assert.deepEqual(violations, [], "Content-Security-Policy violations");
    assert.deepEqual(pageErrors, [], "errors in the pages' scripts");
  });
});
