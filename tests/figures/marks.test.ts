import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import MarkdownIt from "markdown-it";
import { markFigureQuotes, unescapeHtml } from "../../src/site/figure-marks.ts";
import { escapeMarkdown } from "../../src/output/markdown.ts";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** An article page as the layout renders it: body from Markdown, captions and the figures table escaped like Nunjucks. */
function page(paragraphs: string[], quotes: string[], captions: string[] = []): string {
  const body = md.render(paragraphs.map(escapeMarkdown).join("\n\n"));
  const caps = captions.length ? `<section class="captions" aria-labelledby="captions-h"><h2 id="captions-h">图片说明</h2><ul>${captions.map((c) => `<li>${esc(c)}</li>`).join("")}</ul></section>` : "";
  const rows = quotes
    .map((q, i) => `<tr${i % 2 ? ' class="uncertain"' : ""} data-fig="${i + 1}"><th scope="row">x</th><td class="quote">${esc(q)}</td></tr>`)
    .join("\n");
  return `<html><body><main><article><div data-pagefind-body><div class="article-body">\n${body}\n</div></div>${caps}<section class="figures"><table><tbody>${rows}</tbody></table></section></article></main></body></html>`;
}

describe("figure quotes marked on the article page", () => {
  it("wraps each quote in <mark id=fig-N>, keeping the text exactly", () => {
    const p = "今年1—4月，全区规模以上工业增加值完成21.42亿元，同比增长19.8%；全社会固定资产投资完成29.4亿元，同比增长15.2%。";
    const html = page([p], ["全区规模以上工业增加值完成21.42亿元，同比增长19.8%", "全社会固定资产投资完成29.4亿元，同比增长15.2%"]);
    const $ = cheerio.load(markFigureQuotes(html));
    assert.equal($("#fig-1").prop("tagName"), "MARK");
    assert.equal($("#fig-1").text(), "全区规模以上工业增加值完成21.42亿元，同比增长19.8%");
    assert.equal($("#fig-2").text(), "全社会固定资产投资完成29.4亿元，同比增长15.2%");
    assert.equal($(".article-body").text(), cheerio.load(html)(".article-body").text(), "the body's text is unchanged");
    assert.equal($("tr[id]").length, 0, "no row needs the anchor");
  });

  it("keeps escaping: &, <, >, quotes and Markdown characters in the quote", () => {
    const q = "开发区R&D（研究<试验>发展）“*重点*”[经费]投入完成2.6亿元";
    const html = page([`2012年，${q}。`], [q]);
    const out = markFigureQuotes(html);
    const $ = cheerio.load(out);
    assert.equal($("#fig-1").text(), q);
    assert.match(out, /<mark class="fig-quote" id="fig-1">开发区R&amp;D（研究&lt;试验&gt;发展）/);
    assert.equal($("script, em, strong, a").length, 0);
  });

  it("figures that share a quote get nested marks; a quote inside another nests in it", () => {
    const list = "同比分别增长20%、18%";
    const p = `固定资产投资完成75.7亿元，外贸进出口总额完成1.39亿美元，${list}。辖区生产总值增长一倍，达到280亿元，年均增速20%。`;
    const html = page([p], ["固定资产投资完成75.7亿元", list, list, "辖区生产总值增长一倍，达到280亿元", "辖区生产总值增长一倍，达到280亿元，年均增速20%"]);
    const $ = cheerio.load(markFigureQuotes(html));
    for (const n of [1, 2, 3, 4, 5]) assert.equal($(`#fig-${n}`).prop("tagName"), "MARK", `fig-${n}`);
    assert.equal($("#fig-3").parent().attr("id"), "fig-2");
    assert.equal($("#fig-3").text(), list);
    assert.equal($("#fig-4").parent().attr("id"), "fig-5", "the shorter quote nests in the longer");
    assert.equal($("#fig-5").text(), "辖区生产总值增长一倍，达到280亿元，年均增速20%");
  });

  it("a quote among the photo captions is marked there", () => {
    const cap = "该项目总投资3500万元";
    const html = page(["示范区生态公园项目正在加紧施工。"], [cap], [`5月23日，示范区生态公园项目正在加紧施工。${cap}，进展顺利。`]);
    const $ = cheerio.load(markFigureQuotes(html));
    assert.equal($(".captions #fig-1").text(), cap);
  });

  it("a quote that is nowhere in the text, or overlaps another partly, puts the anchor on its table row", () => {
    const p = "甲乙丙丁戊己庚辛。";
    const html = page([p], ["甲乙丙丁", "丙丁戊己", "不在正文里的句子", ""]);
    const out = markFigureQuotes(html);
    const $ = cheerio.load(out);
    assert.equal($("#fig-1").prop("tagName"), "MARK");
    for (const n of [2, 3, 4]) assert.equal($(`#fig-${n}`).prop("tagName"), "TR", `fig-${n}`);
    assert.equal($("#fig-2").attr("data-fig"), "2");
    assert.equal($("#fig-2").attr("class"), "uncertain", "the row keeps its class");
    for (const n of [1, 2, 3, 4]) assert.equal($(`[id="fig-${n}"]`).length, 1, `exactly one fig-${n}`);
  });

  it("never marks inside a tag, an attribute or an entity", () => {
    const html = page(["p 与 amp;lt; 都是文字：&lt;。"], ["amp;lt;", "p", "quote"]);
    const out = markFigureQuotes(html);
    const $ = cheerio.load(out);
    assert.equal($("#fig-1").text(), "amp;lt;");
    assert.equal($("#fig-2").text(), "p");
    assert.equal($("#fig-2").parent().prop("tagName"), "P", "marked in the text, not in the <p> tag");
    assert.match(out, /<p><mark class="fig-quote" id="fig-2">p<\/mark> 与 <mark class="fig-quote" id="fig-1">amp;lt;<\/mark> 都是文字：&amp;lt;。<\/p>/);
    assert.equal($("#fig-3").prop("tagName"), "TR", "'quote' is only in markup: the row");
    assert.equal($("div.article-body").length, 1);
  });

  it("leaves pages without a figures table alone", () => {
    const html = "<html><body><div class=\"article-body\"><p>固定资产投资完成75.7亿元</p></div></body></html>";
    assert.equal(markFigureQuotes(html), html);
    assert.equal(markFigureQuotes(""), "");
    assert.equal(unescapeHtml("&amp;lt; &#39; &quot;"), "&lt; ' \"");
  });
});
