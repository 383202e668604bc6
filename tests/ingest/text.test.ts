import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { textToBlocks } from "../../src/ingest/text.ts";
import { SEEDS } from "./seeds.ts";

describe("textToBlocks", () => {
  it("makes one block per non-blank line, with the blank lines before it as gap", () => {
    const blocks = textToBlocks("\n\n标题\n\n——副题\n\n\n□本报记者 张心致\n通讯员 吴寒寒\n\n正文。\n\n", "txt");
    assert.deepEqual(blocks, [
      { text: "标题", gap: 2 },
      { text: "——副题", gap: 1 },
      { text: "□本报记者 张心致", gap: 2 },
      { text: "通讯员 吴寒寒", gap: 0 },
      { text: "正文。", gap: 1 },
    ]);
  });

  it("trims ASCII and full-width spaces at line ends and keeps inner runs as one space", () => {
    const blocks = textToBlocks("\u3000\u3000敢想敢干 敢闯敢试\u3000\u3000努力实现新突破  \n\t 正文\u00a0\u00a0第一段\t", "txt");
    assert.deepEqual(blocks, [
      { text: "敢想敢干 敢闯敢试 努力实现新突破", gap: 0 },
      { text: "正文 第一段", gap: 0 },
    ]);
  });

  it("counts lines holding only whitespace (U+3000 too) as blank", () => {
    const blocks = textToBlocks("甲\n\u3000\u3000\n \t \n乙", "txt");
    assert.deepEqual(blocks, [
      { text: "甲", gap: 0 },
      { text: "乙", gap: 2 },
    ]);
  });

  it("accepts CRLF and CR line ends", () => {
    assert.deepEqual(textToBlocks("甲\r\n\r\n乙\r丙", "txt"), [
      { text: "甲", gap: 0 },
      { text: "乙", gap: 1 },
      { text: "丙", gap: 0 },
    ]);
  });

  it("marks # and ## lines of Markdown as headline and removes the #s", () => {
    const blocks = textToBlocks("# 站位全局 突出重点\n\n## 副标题 ##\n### 小标题\n#不是标题\n**粗体** 和 [链接](http://x) 保留", "md");
    assert.deepEqual(blocks, [
      { text: "站位全局 突出重点", gap: 0, hint: "headline" },
      { text: "副标题", gap: 1, hint: "headline" },
      { text: "### 小标题", gap: 0 },
      { text: "#不是标题", gap: 0 },
      { text: "**粗体** 和 [链接](http://x) 保留", gap: 0 },
    ]);
  });

  it("gives no headline hint to # lines in .txt", () => {
    assert.deepEqual(textToBlocks("# 标题", "txt"), [{ text: "# 标题", gap: 0 }]);
  });

  it("returns no blocks for blank text", () => {
    assert.deepEqual(textToBlocks("\n \n\u3000\n", "txt"), []);
  });

  it("gives the seed files the right number of blocks and leading gaps", () => {
    const expected: Record<string, { blocks: number; firstGap: number; first: string }> = {
      "000_105bf47f04f9aea1.txt": { blocks: 36, firstGap: 2, first: "敢想敢干 敢闯敢试 努力实现新突破新跨越" },
      "001_db9c580dcb704674.txt": { blocks: 19, firstGap: 0, first: "河南切换" },
      "002_429d68258cbd63be.txt": { blocks: 74, firstGap: 2, first: "聚势争先攀高峰 齐心协力谱新篇" },
      "003_f5eec855c07a936a.txt": { blocks: 43, firstGap: 2, first: "示范区招商引资和项目建设大会强调" },
      "004_19a7801c819bdd87.txt": { blocks: 24, firstGap: 0, first: "辅仁药业产业园、江河纸业年产30万吨造纸扩建、东辰汽车产业园等,一个个投资规模大、发展前景好的新建项目高速推进,拔地而起;大指造纸装备、容生制药公司、富莱格超硬材料产业园等,一个个已建成投产项目生机勃勃,产销两旺。时值寒冬,笔者走进武陟县产业集聚区,看到一派繁忙的景象。" },
    };
    assert.equal(SEEDS.length, 5);
    for (const seed of SEEDS) {
      const want = expected[seed.name];
      assert.ok(want, seed.name);
      const blocks = textToBlocks(seed.text, "txt");
      assert.equal(blocks.length, want.blocks, seed.name);
      assert.equal(blocks[0].gap, want.firstGap, seed.name);
      assert.equal(blocks[0].text, want.first, seed.name);
      for (const b of blocks) {
        assert.equal(b.text, b.text.trim());
        assert.ok(b.text.length > 0);
        assert.ok(!/\s{2}/.test(b.text), `double space in ${b.text}`);
      }
    }
  });

  it("keeps the seed's split paragraph as two blocks with gap 1 (the normaliser joins them)", () => {
    const seed = SEEDS.find((s) => s.name.startsWith("002_"));
    assert.ok(seed);
    const blocks = textToBlocks(seed.text, "txt");
    const i = blocks.findIndex((b) => b.text.endsWith("部门报到”服务"));
    assert.ok(i > 0);
    assert.ok(blocks[i + 1].text.startsWith("机制,围绕招商引资"));
    assert.equal(blocks[i + 1].gap, 1);
  });
});
