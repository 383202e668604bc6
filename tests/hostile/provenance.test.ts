/**
 * The provenance log, per article: everything the cleaning took out of a file
 * is in its build-report entry with the rule that took it and the article
 * (`part`) it stood in, so an editor can audit each article. A page scraped
 * twice gives its articles once, the repeat logged.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { normaliseFile } from "../../src/pipeline/normalise-file.ts";
import type { Removal } from "../../src/types.ts";

const SEEDS = join(import.meta.dirname, "..", "..", "articles");
const seed = (name: string): string => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(name))!), "utf8");
const run = (text: string, file = "page.txt") => normaliseFile(file, Buffer.from(text, "utf8"), { base: "/" });

/** A page of two articles: a masthead on top, a repeated paragraph in each, share links at the foot. */
const PAGE = [
  "鹤壁日报 2023年3月14日 第二版",
  "",
  "鹤壁经开区新签约项目8个",
  "",
  "本报讯（记者 李明）3月14日，记者从鹤壁经济技术开发区获悉，今年以来该区新签约项目8个，总投资45.6亿元，同比增长12.5%。",
  "",
  "据介绍，鹤壁经济技术开发区持续优化营商环境，围绕电子信息、现代物流等主导产业开展精准招商。",
  "",
  "据介绍，鹤壁经济技术开发区持续优化营商环境，围绕电子信息、现代物流等主导产业开展精准招商。",
  "",
  "",
  "淇滨区重点项目建设提速",
  "",
  "本报讯（记者 王芳 通讯员 张强）记者日前从淇滨区获悉，该区一季度完成固定资产投资20.3亿元，同比增长15.2%。",
  "",
  "今年以来，淇滨区坚持项目为王，实行领导分包、专班推进的工作机制，及时解决项目建设中的困难和问题。",
  "",
  "今年以来，淇滨区坚持项目为王，实行领导分包、专班推进的工作机制，及时解决项目建设中的困难和问题。",
  "",
  "分享到：微信 微博 QQ空间",
  "",
].join("\n");

const byRule = (removed: Removal[], rule: string): Removal[] => removed.filter((r) => r.rule.startsWith(rule));

describe("provenance log", () => {
  it("ties every removal to the article it stood in (part), grouped by article", () => {
    const { articles, report } = run(PAGE);
    assert.equal(articles.length, 2, report.messages.join("; "));
    const removed = report.removed ?? [];
    assert.ok(removed.length > 0);
    for (const r of removed) {
      assert.deepEqual(Object.keys(r).filter((k) => k !== "count").sort(), ["part", "rule", "text"], JSON.stringify(r));
      if ("count" in r) assert.ok(Number.isInteger(r.count) && r.count! >= 2, JSON.stringify(r));
      assert.ok(r.part === null || (typeof r.part === "number" && Number.isInteger(r.part) && r.part >= 1 && r.part <= articles.length), JSON.stringify(r));
    }
    // the masthead above the first article is the first article's; the share links at the foot the last one's
    assert.deepEqual(byRule(removed, "info-lines").map((r) => r.part), [1]);
    assert.deepEqual(byRule(removed, "strip-chrome").map((r) => [r.part, r.text]), [[2, "分享到：微信 微博 QQ空间"]]);
    // each article's repeated paragraph is logged against that article
    const repeats = byRule(removed, "drop-repeats");
    assert.deepEqual(
      repeats.map((r) => [r.part, r.text.slice(0, 8)]),
      [
        [1, "据介绍，鹤壁经济"],
        [2, "今年以来，淇滨区"],
      ],
    );
    // bylines are in the log of their own article
    assert.ok(byRule(removed, "byline").some((r) => r.part === 1 && r.text.includes("李明")));
    assert.ok(byRule(removed, "byline").some((r) => r.part === 2 && r.text.includes("王芳")));
    // grouped by article, in order
    const parts = removed.map((r) => r.part ?? 0);
    assert.deepEqual(parts, [...parts].sort((a, b) => a - b));
    // the article carries its own share of the log
    assert.deepEqual(
      articles.map((a) => a.removed.every((r) => r.part === a.record.source.part)),
      [true, true],
    );
  });

  it("builds a page scraped three times over as its articles once, the repeats logged", () => {
    for (const name of ["000", "001", "002", "003", "004"]) {
      const once = run(seed(name));
      const thrice = run([seed(name), seed(name), seed(name)].join("\n\n"));
      assert.deepEqual(
        thrice.articles.map((a) => a.record.title),
        once.articles.map((a) => a.record.title),
        `${name}: a page scraped three times gave other articles`,
      );
      thrice.articles.forEach((a, n) => {
        const body = once.articles[n].body.map((p) => p.text);
        const again = a.body.map((p) => p.text);
        // nothing of the page is lost …
        let at = 0;
        for (const p of again) if (at < body.length && p.endsWith(body[at])) at++;
        assert.ok(at >= body.length - 1, `${name} part ${n + 1}: paragraphs of the page are missing`);
        // … and of the two repeats only scraps are left (a short line or a date the copy broke off)
        const extra = again.join("").length - body.join("").length;
        assert.ok(extra <= Math.max(24, body.join("").length * 0.01), `${name} part ${n + 1}: ${extra} more characters than the page`);
      });
      // each repeated paragraph is in the log once, with how many times it was removed
      const log = thrice.report.removed ?? [];
      const twice = log.filter((r) => r.rule === "drop-repeats: repeated paragraph" && r.count === 2);
      assert.ok(twice.length > 0, `${name}: the repeats are not in the log`);
    }
  });

  it("keeps an article whose headline repeats an earlier one when its text is new", () => {
    const article = (body: string) => ["图片新闻", "", `${body} 张三 摄`, ""].join("\n");
    const { articles } = run(
      [
        "鹤壁经开区新签约项目8个",
        "",
        "本报讯（记者 李明）3月14日，记者从鹤壁经济技术开发区获悉，今年以来该区新签约项目8个，总投资45.6亿元。",
        "",
        "",
        article("3月10日，鹤壁经济技术开发区一家企业的工人在生产线上忙碌。"),
        "",
        article("3月12日，鹤壁经济技术开发区新建的厂房已经封顶。"),
      ].join("\n"),
    );
    assert.deepEqual(
      articles.map((a) => a.record.title),
      ["鹤壁经开区新签约项目8个", "图片新闻", "图片新闻"],
    );
  });
});
