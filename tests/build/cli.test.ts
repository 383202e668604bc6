/**
 * The real command line, as a child process: `tsx scripts/build.ts --articles DIR
 * --out DIR --data-only`. Bad inputs do not stop it (exit 0), the end-of-build
 * summary on stderr names each bad file and what was done, and the files exist.
 */
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { GOOD_UTF8, REPO, bodyAbout, encodeGb18030, GOOD_GB_TEXT, junkBytes, listTree, readOutputs, tempRoot } from "./helpers.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "scripts/build.ts", ...args],
      { cwd: REPO, timeout: 45_000, maxBuffer: 10 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

describe("the build command line", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let run: Run;
  let outDir: string;
  let contentDir: string;

  before(async () => {
    ({ root, cleanup } = await tempRoot("cli"));
    const articlesDir = join(root, "raw");
    outDir = join(root, "site");
    contentDir = join(root, "content");
    await mkdir(join(articlesDir, "2023"), { recursive: true });
    await writeFile(join(articlesDir, "good.txt"), GOOD_UTF8);
    await writeFile(join(articlesDir, "2023", "good-gbk.txt"), encodeGb18030(GOOD_GB_TEXT));
    await writeFile(join(articlesDir, "empty.txt"), "");
    const junk = junkBytes(2048, 1);
    for (let i = 0; i < junk.length; i += 29) junk[i] = 0;
    await writeFile(join(articlesDir, "photo.txt"), junk);
    await writeFile(join(articlesDir, "scan.pdf"), "%PDF-1.4\n1 0 obj << >> endobj\n");
    await writeFile(join(articlesDir, "bad-id.md"), `---\nid: "../../x"\n---\n${bodyAbout("许昌经济技术开发区", "许昌经开区签约项目5个")}`);
    run = await runCli(["--articles", articlesDir, "--out", outDir, "--content", contentDir, "--data-only"]);
  });

  after(async () => {
    await cleanup();
  });

  it("exits 0 with bad inputs, names each bad file and what was done, and writes the files", async () => {
    assert.equal(run.code, 0, `exit ${run.code}\nstderr:\n${run.stderr}`);
    const err = run.stderr;
    assert.match(err, /Built 3 articles from 6 files/, err);

    // the lines of the summary that belong to one file: its own line and the indented ones after it
    const section = (file: string): string => {
      const lines = err.split("\n");
      const i = lines.findIndex((l) => l.trim().split(/\s+/).includes(file));
      assert.ok(i >= 0, `the summary does not name ${file}:\n${err}`);
      const out = [lines[i]];
      for (let j = i + 1; j < lines.length && /^\s{4,}-/.test(lines[j]); j++) out.push(lines[j]);
      return out.join("\n");
    };
    const empty = section("empty.txt");
    assert.match(empty, /skipped/i, empty);
    assert.match(empty, /empty/i, empty);
    const photo = section("photo.txt");
    assert.match(photo, /skipped/i, photo);
    assert.match(photo, /binary|not text/i, photo);
    const pdf = section("scan.pdf");
    assert.match(pdf, /skipped/i, pdf);
    assert.match(pdf, /unsupported|not supported|file type/i, pdf);
    const badId = section("bad-id.md");
    assert.match(badId, /warning/i, badId);
    assert.match(badId, /\bid\b/, badId);
    assert.match(badId, /ignored/i, badId);
    assert.doesNotMatch(err, /^\s*(SKIPPED|warning)\s+good\.txt/im, "a good file is listed as a problem");
    assert.doesNotMatch(err, /\n\s+at .*\(.*:\d+:\d+\)/, "a stack trace on stderr");
    assert.match(err, /build-report\.json/);

    for (const f of ["data/articles.json", "data/figures.csv", "build-report.json"]) assert.ok(existsSync(join(outDir, f)), `${f} missing`);
    const { articles, report } = await readOutputs(outDir);
    assert.equal(articles.length, 3);
    assert.deepEqual(articles.map((r) => r.source.file).sort(), ["2023/good-gbk.txt", "bad-id.md", "good.txt"]);
    assert.deepEqual(report.inputs.map((i) => i.file).sort(), ["2023/good-gbk.txt", "bad-id.md", "empty.txt", "good.txt", "photo.txt", "scan.pdf"]);
    const md = (await listTree(contentDir)).filter((f) => f.endsWith(".md"));
    assert.equal(md.length, 3, `normalised Markdown: ${md.join(", ")}`);
  });
});
