import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  atomTimestamp,
  citation,
  compareChronological,
  dateSortKey,
  excerpt,
  formatDate,
  formatFigureValue,
  formatGrowth,
  formatNumber,
  groupBylines,
  isoDate,
  markdownToText,
  parseArchiveDate,
  slugify,
  uniqueSlugs,
} from "../../src/site/format.ts";
import { fill, loadStrings } from "../../src/site/strings.ts";

const s = loadStrings("zh-CN");

describe("dates with their precision", () => {
  it("shows a date exactly as precise as the record", () => {
    assert.equal(formatDate("2013-11-20", s), "2013年11月20日");
    assert.equal(formatDate("2013-11", s), "2013年11月");
    assert.equal(formatDate("2013", s), "2013年");
    assert.equal(formatDate(null, s), "日期不详");
  });
  it("treats anything that is not YYYY[-MM[-DD]] as no date, and an impossible month as the year only", () => {
    assert.equal(formatDate("20131120", s), "日期不详");
    assert.equal(formatDate("2013-13", s), "2013年");
    assert.equal(parseArchiveDate("2013-02-00").precision, "month");
    assert.equal(formatDate(undefined, s), "日期不详");
  });
  it("gives <time datetime> the same precision, nothing when undated", () => {
    assert.equal(isoDate("2013-11-20"), "2013-11-20");
    assert.equal(isoDate("2013-11"), "2013-11");
    assert.equal(isoDate("2013"), "2013");
    assert.equal(isoDate(null), "");
  });
  it("sorts mixed precision with fixed-width keys", () => {
    const keys = ["2013-11-20", "2013", "2013-11", null, "2012-12-05"].map(dateSortKey);
    assert.deepEqual(keys, ["2013-11-20", "2013-00-00", "2013-11-00", "0000-00-00", "2012-12-05"]);
    assert.deepEqual([...keys].sort(), ["0000-00-00", "2012-12-05", "2013-00-00", "2013-11-00", "2013-11-20"]);
  });
  it("orders articles by date then id, the undated after all dated ones", () => {
    const list = [
      { id: "b", date: null },
      { id: "c", date: "2013-11" },
      { id: "a", date: null },
      { id: "b", date: "2013-11" },
      { id: "z", date: "2012" },
    ];
    assert.deepEqual(
      [...list].sort(compareChronological).map((x) => `${x.date}:${x.id}`),
      ["2012:z", "2013-11:b", "2013-11:c", "null:a", "null:b"],
    );
  });
  it("gives Atom the start of the known period", () => {
    assert.equal(atomTimestamp("2013-11"), "2013-11-01T00:00:00Z");
    assert.equal(atomTimestamp("2013"), "2013-01-01T00:00:00Z");
  });
});

describe("bylines, figures, strings", () => {
  it("groups authors by role in a fixed order", () => {
    const groups = groupBylines([
      { name: "吴寒寒", role: "通讯员" },
      { name: "张心致", role: "记者" },
      { name: "汪雷雷", role: "通讯员" },
      { name: "刘昆", role: "摄影" },
    ]);
    assert.deepEqual(groups, [
      { role: "记者", names: ["张心致"] },
      { role: "通讯员", names: ["吴寒寒", "汪雷雷"] },
      { role: "摄影", names: ["刘昆"] },
    ]);
  });
  it("writes numbers as the press does, growth with a sign", () => {
    assert.equal(formatNumber(0.1 + 0.2), "0.3");
    assert.equal(formatNumber(49.28), "49.28");
    assert.equal(formatFigureValue({ value: 1.39, unit: "亿美元" }), "1.39亿美元");
    assert.equal(formatFigureValue({ value: null, unit: "%" }), "");
    assert.equal(formatGrowth(20), "+20%");
    assert.equal(formatGrowth(-13.5), "−13.5%");
    assert.equal(formatGrowth(0), "0%");
    assert.equal(formatGrowth(null), "");
  });
  it("fills placeholders and leaves unknown ones", () => {
    assert.equal(fill("找到 {n} 篇文章", { n: 3 }), "找到 3 篇文章");
    assert.equal(fill("{a}{b}", { a: "x" }), "x{b}");
    assert.throws(() => loadStrings("../package"));
  });
});

describe("citation line (GB/T 7714)", () => {
  const r = {
    title: "敢想敢干 敢闯敢试 努力实现新突破新跨越",
    subtitle: "鹤壁国家经济技术开发区发展概述",
    authors: [
      { name: "张心致", role: "记者" as const },
      { name: "吴寒寒", role: "通讯员" as const },
      { name: "汪雷雷", role: "通讯员" as const },
      { name: "某编辑", role: "编辑" as const },
    ],
    publisher: "鹤壁日报",
    date: "2013-11",
  };
  it("names writers, title：subtitle, [N/OL], paper, date and URL", () => {
    assert.equal(
      citation(r, "https://example.org/articles/x/"),
      "张心致, 吴寒寒, 汪雷雷. 敢想敢干 敢闯敢试 努力实现新突破新跨越：鹤壁国家经济技术开发区发展概述[N/OL]. 鹤壁日报, 2013-11. https://example.org/articles/x/.",
    );
  });
  it("cuts to three authors with 等, uses [EB/OL] without a publisher, omits an unknown date", () => {
    const many = { ...r, authors: ["甲", "乙", "丙", "丁"].map((name) => ({ name, role: "作者" as const })), publisher: null, date: null, subtitle: null };
    assert.equal(citation(many, "/a/"), "甲, 乙, 丙, 等. 敢想敢干 敢闯敢试 努力实现新突破新跨越[EB/OL]. /a/.");
  });
});

describe("excerpts", () => {
  it("undoes Markdown escapes and keeps text literal", () => {
    assert.equal(markdownToText("正文\\<script\\>alert(1)\\</script\\> \\*不是强调\\*"), "正文<script>alert(1)</script> *不是强调*");
    assert.equal(markdownToText("&lt;b&gt; 与 <i>标签</i>"), "<b> 与 <i>标签</i>");
  });
  it("takes the opening paragraphs up to the limit, counted in characters", () => {
    const body = "第一段文字。\n\n第二段文字比较长一些。\n\n第三段。";
    assert.equal(excerpt(body, 100), "第一段文字。 第二段文字比较长一些。 第三段。");
    assert.equal(excerpt(body, 8), "第一段文字。 第……");
    assert.equal(excerpt("", 10), "");
  });
});

describe("slugs", () => {
  it("keeps Chinese names readable and drops punctuation", () => {
    assert.equal(slugify("鹤壁经济技术开发区"), "鹤壁经济技术开发区");
    assert.equal(slugify("<b>bold</b>"), "b-bold-b");
    assert.equal(slugify("“十快”/产业"), "十快-产业");
    assert.equal(slugify("///"), "");
  });
  it("tells colliding or empty slugs apart, the same way in any order", () => {
    const a = uniqueSlugs(["A·B", "A B", "鹤壁", "///"]);
    const b = uniqueSlugs(["///", "鹤壁", "A B", "A·B"]);
    assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
    assert.equal(a.get("鹤壁"), "鹤壁");
    assert.notEqual(a.get("A·B"), a.get("A B"));
    assert.match(a.get("A·B")!, /^a-b-[0-9a-f]{8}$/);
    assert.match(a.get("///")!, /^x-[0-9a-f]{8}$/);
  });
});
