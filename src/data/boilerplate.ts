/**
 * Site chrome and disclaimers that scraped pages carry: knowledge, not code.
 * A block matching one of these is not article text. Adding a pattern here is
 * how a new site's chrome is taught to the normaliser.
 */
export interface ChromePattern {
  /** what it is, in the build report */
  label: string;
  pattern: RegExp;
}

/** Whole-block chrome: the block is removed when it matches. */
export const CHROME_BLOCKS: readonly ChromePattern[] = [
  { label: "site navigation", pattern: /^(首页|网站首页|主页|返回首页|当前位置|您的位置|所在位置)[:：]?\s*([>＞»›/|]|$)/u },
  { label: "breadcrumb", pattern: /^(首页|当前位置[:：]?)?\s*([\p{Script=Han}A-Za-z]{1,10}\s*[>＞»›]\s*){1,6}[\p{Script=Han}A-Za-z]{0,10}$/u },
  { label: "site navigation", pattern: /^(河南切换|切换城市|新闻|要闻|首页|登录|注册|更多|返回|返回顶部|上一篇|下一篇|网站地图|设为首页|加入收藏|English)$/u },
  { label: "print/close links", pattern: /^(\s*[【\[]?\s*(打印|打印本页|打印此文|关闭|关闭窗口|收藏|字号|大|中|小|默认|分享|分享到|返回顶部|纠错|推荐|评论)\s*[】\]]?\s*[|｜]?\s*)+$/u },
  { label: "font-size/share bar", pattern: /^(分享到|字号|【字体|扫一扫|微信扫一扫|手机看新闻|打开微信)[:：]?/u },
  { label: "view counter", pattern: /^(浏览次数|阅读次数|点击数|点击次数|阅读量|访问量)[:：]?\s*\d*\s*(次)?$/u },
  { label: "disclaimer", pattern: /^(免责声明|版权声明|声明)[:：]/u },
  { label: "abuse-report line", pattern: /^[\[【(（]?\s*不良信息举报/u },
  { label: "copyright footer", pattern: /^(copyright|版权所有|Copyright ©|©|主办单位|承办单位|ICP备|豫ICP|网站标识码|联系我们)/iu },
  { label: "copyright footer", pattern: /(版权所有|ICP备\d|ICP证\d|公网安备)/u },
  { label: "related-links header", pattern: /^(相关新闻|相关阅读|相关链接|延伸阅读|热点推荐|推荐阅读|猜你喜欢|热门文章)[:：]?$/u },
  { label: "previous/next link", pattern: /^(上一篇|下一篇|上一条|下一条)[:：]/u },
];

/** Known sites, recognised by their footer or disclaimer, and who publishes there. */
export const KNOWN_SITES: readonly { pattern: RegExp; publisher: string }[] = [
  { pattern: /工业园网|cnrepark\.com/iu, publisher: "工业园网" },
  { pattern: /大河网|dahe\.cn/iu, publisher: "大河网" },
  { pattern: /河南省人民政府门户网站|henan\.gov\.cn/iu, publisher: "河南省人民政府网" },
  { pattern: /中国开发区网|cadz\.org\.cn/iu, publisher: "中国开发区网" },
];

/** Newspapers of the region (for masthead lines and 来源 values). */
export const NEWSPAPERS: readonly string[] = [
  "河南日报", "河南日报农村版", "大河报", "东方今报", "河南商报", "郑州日报", "郑州晚报", "开封日报", "洛阳日报",
  "洛阳晚报", "平顶山日报", "平顶山晚报", "安阳日报", "鹤壁日报", "新乡日报", "焦作日报", "濮阳日报", "许昌日报",
  "漯河日报", "三门峡日报", "南阳日报", "南阳晚报", "商丘日报", "信阳日报", "周口日报", "驻马店日报", "济源日报",
  "经济日报", "人民日报", "中国经济时报", "中国改革报",
];
