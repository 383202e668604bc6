import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlToBlocks, titleFromDocument } from "../../src/ingest/html.ts";
import type { Block } from "../../src/types.ts";
import { FIXTURES } from "./seeds.ts";

const PAGE = readFileSync(join(FIXTURES, "news-page.html"), "utf8");

const texts = (blocks: Block[]): string[] => blocks.map((b) => b.text);
const all = (blocks: Block[]): string => texts(blocks).join("\n");

describe("htmlToBlocks on a realistic news page", () => {
  const blocks = htmlToBlocks(PAGE);

  it("starts with the headline, then the subtitle and the info line", () => {
    assert.deepEqual(blocks[0], { text: "聚势争先攀高峰 齐心协力谱新篇", gap: 0, hint: "headline" });
    assert.equal(blocks[1].text, "——高新区取得项目建设、招商引资“双胜利”综述");
    assert.equal(blocks[1].hint, undefined);
    assert.deepEqual(blocks[2], { text: "2023-02-03 08:15 来源：平顶山日报 作者：王宝祥 王鹏", gap: 1, hint: "info" });
    assert.equal(blocks.filter((b) => b.hint === "headline").length, 1);
    assert.equal(blocks.filter((b) => b.hint === "info").length, 1);
  });

  it("keeps the body paragraphs in document order, trimmed, with <br> lines as their own blocks", () => {
    assert.deepEqual(blocks.slice(3), [
      { text: "2月2日，高新区主要领导一行赶赴江苏，到昆山恩斯克有限公司、中国节能（昆山）循环经济产业基地等地开展招商拜访，每到一处都详细介绍高新区的基本情况、产业定位、政策优势等，诚挚邀请企业负责人到平顶山考察。", gap: 1 },
      { text: "近年来，高新区瞄准“创新驱动示范区、高质量发展先行区”的功能定位，坚持拼搏赶超、争先创优，持续强化“项目为王”理念，全力以赴抓项目、稳投资、促增长。", gap: 1 },
      { text: "抓实项目建设“强筋健骨”", gap: 1 },
      { text: "起步即冲刺，开局即决战。春节假期后首个工作日，高新区开展第七期“三个一批”重点项目推进活动，5个项目集中开工。", gap: 1 },
      { text: "重点项目集中开工现场。 本报记者 王鹏 摄", gap: 1 },
      { text: "该区实行“园区吹哨、部门报到”服务机制", gap: 1 },
      { text: "围绕招商引资、建设投产、运营发展开展全程跟踪服务", gap: 0 },
      { text: "全力为项目投产达产保驾护航。", gap: 1 },
      { text: "截至目前，该区今年已签约项目12个，总投资达86.5亿元，同比增长23.6%。", gap: 1 },
      { text: "责任编辑：李娜", gap: 1 },
    ]);
  });

  it("drops the page chrome: nav, breadcrumb, share, print/close, related, comments, sidebar, ad, footer", () => {
    const text = all(blocks);
    for (const junk of [
      "首页", "当前位置", "专题", "搜索", "分享到", "微信", "微博", "【打印】", "打印", "关闭", "相关新闻",
      "高新区召开重点项目推进会", "网友评论", "说两句", "热点排行", "侧栏新闻", "广告位", "Copyright", "版权所有",
      "ICP", "地址：平顶山市新华区", "平顶山新闻网",
    ]) {
      assert.ok(!text.includes(junk), `"${junk}" should be gone`);
    }
  });

  it("lets no script, comment, hidden text or markup through", () => {
    const text = all(blocks);
    for (const bad of [
      "alert", "统计代码", "_hmt", "document.write", "onerror", "javascript", "被注释掉", "注释不是正文", "隐藏的文字",
      "text-indent", "font-family", "<", ">", "x.png", "logo.png", "href",
    ]) {
      assert.ok(!text.includes(bad), `"${bad}" should not be in any block`);
    }
  });

  it("keeps the visible text of a javascript: link", () => {
    assert.ok(blocks.some((b) => b.text.includes("5个项目集中开工")));
  });

  it("does not put a space where the source broke a line between Chinese characters", () => {
    assert.ok(blocks.some((b) => b.text.includes("争先创优，持续强化")));
  });
});

describe("htmlToBlocks: safety", () => {
  it("never outputs script text, attributes or comments", () => {
    const html = `<html><body><div class="content">
      <p>正文开头<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">链接文字</a><!-- 注释 alert(4) -->结尾</p>
      <p onclick="alert(5)" data-x="alert(6)">第二段</p>
      <iframe src="javascript:alert(7)">框架里的字</iframe><noscript>请启用脚本</noscript><template><p>模板里的字</p></template>
      <style>p{color:red}</style><svg><text>矢量图里的字</text><script>alert(8)</script></svg>
      <object data="x.swf">插件里的字</object><form><input value="表单值"><button>提交</button></form>
      </div></body></html>`;
    const blocks = htmlToBlocks(html);
    assert.deepEqual(texts(blocks), ["正文开头链接文字结尾", "第二段"]);
  });

  it("decodes entities into plain text", () => {
    const blocks = htmlToBlocks("<body><p>研发&amp;制造&nbsp;基地&#x4E2D;&#20013;&ldquo;双胜利&rdquo;&mdash;&mdash;综述</p></body>");
    assert.deepEqual(texts(blocks), ["研发&制造 基地中中“双胜利”——综述"]);
  });

  it("returns [] for empty or markup-only input", () => {
    assert.deepEqual(htmlToBlocks(""), []);
    assert.deepEqual(htmlToBlocks("<html><body><script>alert(1)</script><!-- x --></body></html>"), []);
  });

  it("survives broken markup", () => {
    const blocks = htmlToBlocks("<body><p>第一段<p>第二段<div>第三段</span></b><li>第四段");
    assert.deepEqual(texts(blocks), ["第一段", "第二段", "第三段", "第四段"]);
  });
});

describe("htmlToBlocks: headline choice", () => {
  it("falls back to the most prominent heading inside the article body", () => {
    const blocks = htmlToBlocks(`<html><head><title>网页标题_某某网</title></head><body>
      <div class="logo">某某网</div>
      <article><h3>小节标题</h3><h2>真正的标题</h2><p>正文段落，足够长的一段文字。</p></article></body></html>`);
    assert.deepEqual(blocks.find((b) => b.hint === "headline")?.text, "真正的标题");
    assert.ok(!all(blocks).includes("网页标题"));
  });

  it("falls back to <title> minus the site name, on a table-layout page with no container", () => {
    const blocks = htmlToBlocks(`<html><head><title>漯河经开区明确工作重点 - 漯河日报 - 漯河新闻网</title></head><body><table>
      <tr><td><a href="/">首页</a> | <a href="/x">新闻</a> | <a href="/y">政务</a></td></tr>
      <tr><td>发布日期：2013-02-20　　来源：漯河日报</td></tr>
      <tr><td>漯河市第六次党代会召开后,开发区党工委、管委会高度重视,立即召开领导班子扩大会议。<br>一、总结成绩,认清当前形势。<br>今年以来,开发区上下精神振奋。</td></tr>
      </table></body></html>`);
    assert.deepEqual(blocks, [
      { text: "漯河经开区明确工作重点", gap: 0, hint: "headline" },
      { text: "发布日期：2013-02-20 来源：漯河日报", gap: 1, hint: "info" },
      { text: "漯河市第六次党代会召开后,开发区党工委、管委会高度重视,立即召开领导班子扩大会议。", gap: 1 },
      { text: "一、总结成绩,认清当前形势。", gap: 0 },
      { text: "今年以来,开发区上下精神振奋。", gap: 0 },
    ]);
  });

  it("uses a title-classed element that repeats <title> as the headline, not a second copy", () => {
    const blocks = htmlToBlocks(`<html><head><title>某某标题在这里_鹤壁网</title></head><body>
      <div class="title">某某标题在这里</div><div class="time">2023-01-01 来源：鹤壁日报</div>
      <div class="con"><p>正文第一段，足够长的一段文字用来测试。</p><p>第二段。</p></div></body></html>`);
    assert.deepEqual(texts(blocks), ["某某标题在这里", "2023-01-01 来源：鹤壁日报", "正文第一段，足够长的一段文字用来测试。", "第二段。"]);
    assert.equal(blocks[0].hint, "headline");
    assert.equal(blocks[1].hint, "info");
  });

  it("keeps the kicker heading right above the <h1> and the subtitle below it", () => {
    const blocks = htmlToBlocks(`<body><div class="text_c">
      <h3>示范区招商引资和项目建设大会强调</h3><h1>站位全局 突出重点 把握关键</h1><h2>奋力实现经济社会发展新突破</h2>
      <div class="sha_left"><span>2023年02月03日</span><span>来源：焦作日报</span></div>
      <div id="ozoom"><p>本报讯(记者郭树勋、付凯明)昨日上午,市城乡一体化示范区召开招商引资和项目建设大会。</p></div></div></body>`);
    assert.deepEqual(blocks, [
      { text: "示范区招商引资和项目建设大会强调", gap: 0 },
      { text: "站位全局 突出重点 把握关键", gap: 1, hint: "headline" },
      { text: "奋力实现经济社会发展新突破", gap: 1 },
      { text: "2023年02月03日 来源：焦作日报", gap: 1, hint: "info" },
      { text: "本报讯(记者郭树勋、付凯明)昨日上午,市城乡一体化示范区召开招商引资和项目建设大会。", gap: 1 },
    ]);
  });

  it("ignores a logo <h1> in the page header", () => {
    const blocks = htmlToBlocks(`<body><header><h1>平顶山日报</h1></header>
      <div class="article"><h1>高新区项目建设综述</h1><p>正文第一段文字比较长一些。</p></div></body>`);
    assert.equal(blocks[0].text, "高新区项目建设综述");
    assert.ok(!all(blocks).includes("平顶山日报"));
  });
});

describe("htmlToBlocks: chrome recognised by its text alone", () => {
  it("drops breadcrumb, tool, prev/next and copyright lines that carry no telling class", () => {
    const blocks = htmlToBlocks(`<body><div class="content">
      <p>当前位置：首页 &gt; 新闻 &gt; 正文</p>
      <p>首页 » 本地新闻</p>
      <p><a href="/">首页</a> | <a href="/a">要闻</a> | <a href="/b">县区</a></p>
      <h1><a href="/n/1.html">站位全局 突出重点 把握关键</a></h1>
      <p>正文第一段，讲开发区的项目建设。</p>
      <p>【打印本页】 【关闭窗口】</p>
      <p>[打印] [关闭]</p>
      <p>【字体：大 中 小】</p>
      <p>上一篇：高新区召开推进会</p>
      <p>下一篇：经开区签约5个项目</p>
      <p>版权所有：某某日报社 豫ICP备000000号</p>
      <p>正文最后一段：大中小企业都受益。</p>
    </div></body>`);
    assert.deepEqual(texts(blocks), ["站位全局 突出重点 把握关键", "正文第一段，讲开发区的项目建设。", "正文最后一段：大中小企业都受益。"]);
    assert.equal(blocks[0].hint, "headline");
  });

  it("drops runs of three or more link-only lines (lists of other articles) but keeps a single link paragraph", () => {
    const blocks = htmlToBlocks(`<body><div class="content"><p>正文第一段。</p><p><a href="/o">点击查看原文报道</a></p><p>正文第二段。</p>
      <ul><li><a href="/1">其他新闻一</a></li><li><a href="/2">其他新闻二</a></li><li><a href="/3">其他新闻三</a></li></ul></div></body>`);
    assert.deepEqual(texts(blocks), ["正文第一段。", "点击查看原文报道", "正文第二段。"]);
  });

  it("finds an info line above the container when there is no headline at all", () => {
    const blocks = htmlToBlocks(`<body><div class="time">2023-01-01 来源：鹤壁日报</div>
      <div class="con"><p>正文第一段，足够长的一段文字用来测试。</p></div></body>`);
    assert.deepEqual(blocks, [
      { text: "2023-01-01 来源：鹤壁日报", gap: 0, hint: "info" },
      { text: "正文第一段，足够长的一段文字用来测试。", gap: 1 },
    ]);
  });
});

describe("htmlToBlocks: text", () => {
  it("inserts no spaces into Word-style runs of spans", () => {
    const blocks = htmlToBlocks(`<body><div class="TRS_Editor"><p class="MsoNormal"><span style="font-family:宋体">今年</span><span lang="EN-US">1</span><span>—</span><span lang="EN-US">10</span><span>月，全区完成固定资产投资</span><span lang="EN-US">120.5</span><span>亿元。</span></p></div></body>`);
    assert.deepEqual(texts(blocks), ["今年1—10月，全区完成固定资产投资120.5亿元。"]);
  });

  it("keeps a typed space between Chinese phrases but drops a source line break between Chinese characters", () => {
    const blocks = htmlToBlocks("<body><h1>敢想敢干 敢闯敢试&nbsp;努力实现新突破</h1><p>第二段\n    文字换行在中文之间</p><p>English words\nwrapped here</p></body>");
    assert.deepEqual(texts(blocks), ["敢想敢干 敢闯敢试 努力实现新突破", "第二段文字换行在中文之间", "English words wrapped here"]);
  });

  it("counts <br><br> as a blank line and a single <br> as none", () => {
    const blocks = htmlToBlocks("<body><div>甲<br>乙<br><br>丙<br><br><br>丁</div><p>戊</p></body>");
    assert.deepEqual(blocks.map((b) => [b.text, b.gap]), [["甲", 0], ["乙", 0], ["丙", 1], ["丁", 2], ["戊", 1]]);
  });

  it("reads a page without any container from the body", () => {
    const blocks = htmlToBlocks("<body><p>第一段。</p><div>第二段<span>带行内</span>元素。</div><table><tr><td>表格里的字</td><td>另一格</td></tr></table></body>");
    assert.deepEqual(texts(blocks), ["第一段。", "第二段带行内元素。", "表格里的字", "另一格"]);
  });
});

describe("titleFromDocument", () => {
  it("strips site-name suffixes", () => {
    assert.equal(titleFromDocument("聚势争先攀高峰 齐心协力谱新篇_平顶山新闻网"), "聚势争先攀高峰 齐心协力谱新篇");
    assert.equal(titleFromDocument("高新区项目建设综述 - 郑州日报"), "高新区项目建设综述");
    assert.equal(titleFromDocument("高新区项目建设综述_要闻_大河网"), "高新区项目建设综述");
    assert.equal(titleFromDocument("高新区项目建设综述 | 河南省人民政府门户网站"), "高新区项目建设综述");
    assert.equal(titleFromDocument("高新区项目建设综述-鹤壁日报"), "高新区项目建设综述");
    assert.equal(titleFromDocument("高新区项目建设综述 - www.hebi.gov.cn"), "高新区项目建设综述");
  });

  it("keeps a headline with a dash subtitle whole", () => {
    assert.equal(titleFromDocument("聚势争先攀高峰——高新区综述"), "聚势争先攀高峰——高新区综述");
    assert.equal(titleFromDocument("2022-2023年开发区发展回顾"), "2022-2023年开发区发展回顾");
  });
});
