/**
 * Henan's development zones, as data: the national 经济技术开发区 and
 * 高新技术产业开发区, the provincial ones known with confidence, 郑州航空港,
 * the 综合保税区, the 城乡一体化示范区 known to exist, and the 产业集聚区
 * whose names are attested. One line to add one more; resolve.ts holds the
 * logic. `level` is null where it is not known; entries that were only a
 * guess were left out (resolve.ts still recognises a zone a text names in
 * full, e.g. "XX县产业集聚区", without an entry here).
 */
import type { ZoneEntry } from "./types.ts";

export const ZONES: ZoneEntry[] = [
  // ── 国家级经济技术开发区 (9): 郑州 (2000), 漯河、鹤壁、开封 (2010), 许昌、新乡、洛阳、红旗渠、濮阳 (2012–2013)
  { name: "郑州经济技术开发区", shortName: "郑州经开区", type: "经济技术开发区", level: "国家级", city: "郑州市", county: null, aliases: ["郑州国家经济技术开发区", "国家郑州经济技术开发区", "郑州国家级经济技术开发区", "郑州经济开发区", "郑州国家经开区", "郑州经济技术产业集聚区"] },
  { name: "开封经济技术开发区", shortName: "开封经开区", type: "经济技术开发区", level: "国家级", city: "开封市", county: null, aliases: ["开封国家经济技术开发区", "国家开封经济技术开发区", "开封国家级经济技术开发区", "开封经济开发区", "开封国家经开区"] },
  { name: "洛阳经济技术开发区", shortName: "洛阳经开区", type: "经济技术开发区", level: "国家级", city: "洛阳市", county: null, aliases: ["洛阳国家经济技术开发区", "国家洛阳经济技术开发区", "洛阳国家级经济技术开发区", "洛阳经济开发区", "洛阳国家经开区"] },
  { name: "许昌经济技术开发区", shortName: "许昌经开区", type: "经济技术开发区", level: "国家级", city: "许昌市", county: null, aliases: ["许昌国家经济技术开发区", "国家许昌经济技术开发区", "许昌国家级经济技术开发区", "许昌经济开发区", "许昌国家经开区"] },
  { name: "新乡经济技术开发区", shortName: "新乡经开区", type: "经济技术开发区", level: "国家级", city: "新乡市", county: null, aliases: ["新乡国家经济技术开发区", "国家新乡经济技术开发区", "新乡国家级经济技术开发区", "新乡经济开发区", "新乡国家经开区"] },
  { name: "漯河经济技术开发区", shortName: "漯河经开区", type: "经济技术开发区", level: "国家级", city: "漯河市", county: null, aliases: ["漯河国家经济技术开发区", "国家漯河经济技术开发区", "漯河国家级经济技术开发区", "漯河经济开发区", "漯河国家经开区", "漯河经济技术产业集聚区"] },
  { name: "鹤壁经济技术开发区", shortName: "鹤壁经开区", type: "经济技术开发区", level: "国家级", city: "鹤壁市", county: null, aliases: ["鹤壁国家经济技术开发区", "国家鹤壁经济技术开发区", "鹤壁国家级经济技术开发区", "鹤壁经济开发区", "鹤壁国家经开区"] },
  { name: "濮阳经济技术开发区", shortName: "濮阳经开区", type: "经济技术开发区", level: "国家级", city: "濮阳市", county: null, aliases: ["濮阳国家经济技术开发区", "国家濮阳经济技术开发区", "濮阳国家级经济技术开发区", "濮阳经济开发区", "濮阳国家经开区"] },
  { name: "红旗渠经济技术开发区", shortName: "红旗渠经开区", type: "经济技术开发区", level: "国家级", city: "安阳市", county: "林州市", aliases: ["红旗渠国家经济技术开发区", "国家红旗渠经济技术开发区", "红旗渠国家级经济技术开发区", "红旗渠经济开发区", "林州红旗渠经济技术开发区"], note: "in 林州市; how it relates to 林州市产业集聚区 (listed separately) is not settled here" },
  // ── 国家级高新技术产业开发区 (7): 郑州、洛阳、安阳 (1991–1992), 南阳 (2010), 新乡 (2012), 平顶山、焦作 (2015)
  { name: "郑州高新技术产业开发区", shortName: "郑州高新区", type: "高新技术产业开发区", level: "国家级", city: "郑州市", county: null, aliases: ["郑州国家高新技术产业开发区", "国家郑州高新技术产业开发区", "郑州国家级高新技术产业开发区", "郑州高新技术开发区", "郑州国家高新区", "郑州高新技术产业集聚区"] },
  { name: "洛阳高新技术产业开发区", shortName: "洛阳高新区", type: "高新技术产业开发区", level: "国家级", city: "洛阳市", county: null, aliases: ["洛阳国家高新技术产业开发区", "国家洛阳高新技术产业开发区", "洛阳国家级高新技术产业开发区", "洛阳高新技术开发区", "洛阳国家高新区", "洛阳高新技术产业集聚区"] },
  { name: "安阳高新技术产业开发区", shortName: "安阳高新区", type: "高新技术产业开发区", level: "国家级", city: "安阳市", county: null, aliases: ["安阳国家高新技术产业开发区", "国家安阳高新技术产业开发区", "安阳国家级高新技术产业开发区", "安阳高新技术开发区", "安阳国家高新区", "安阳高新技术产业集聚区"] },
  { name: "南阳高新技术产业开发区", shortName: "南阳高新区", type: "高新技术产业开发区", level: "国家级", city: "南阳市", county: null, aliases: ["南阳国家高新技术产业开发区", "国家南阳高新技术产业开发区", "南阳国家级高新技术产业开发区", "南阳高新技术开发区", "南阳国家高新区"] },
  { name: "新乡高新技术产业开发区", shortName: "新乡高新区", type: "高新技术产业开发区", level: "国家级", city: "新乡市", county: null, aliases: ["新乡国家高新技术产业开发区", "国家新乡高新技术产业开发区", "新乡国家级高新技术产业开发区", "新乡高新技术开发区", "新乡国家高新区", "新乡高新技术产业集聚区"] },
  { name: "平顶山高新技术产业开发区", shortName: "平顶山高新区", type: "高新技术产业开发区", level: "国家级", city: "平顶山市", county: null, aliases: ["平顶山国家高新技术产业开发区", "国家平顶山高新技术产业开发区", "平顶山国家级高新技术产业开发区", "平顶山高新技术开发区", "平顶山国家高新区"], places: ["遵化店镇", "皇台街道"] },
  { name: "焦作高新技术产业开发区", shortName: "焦作高新区", type: "高新技术产业开发区", level: "国家级", city: "焦作市", county: null, aliases: ["焦作国家高新技术产业开发区", "国家焦作高新技术产业开发区", "焦作国家级高新技术产业开发区", "焦作高新技术开发区", "焦作国家高新区"], note: "core of 焦作市城乡一体化示范区, which manages it; provincial since 1999, national since 2015" },
  // ── 省级高新技术产业开发区 (only those known with confidence)
  { name: "信阳高新技术产业开发区", shortName: "信阳高新区", type: "高新技术产业开发区", level: "省级", city: "信阳市", county: null, aliases: ["信阳高新技术开发区"], note: "provincial level from memory, not checked against a list" },
  // ── 经济开发区 (provincial)
  { name: "商丘经济开发区", shortName: "商丘经开区", type: "经济开发区", level: "省级", city: "商丘市", county: null, aliases: [], note: "name attested (商丘经济开发区环保装备产业园, 2014); level from memory" },
  // ── 郑州航空港经济综合实验区 (national, 2013)
  { name: "郑州航空港经济综合实验区", shortName: "郑州航空港区", type: "航空港经济综合实验区", level: "国家级", city: "郑州市", county: null, aliases: ["航空港经济综合实验区", "郑州航空港实验区", "航空港实验区", "航空港区", "郑州航空港", "郑州航空港产业集聚区"], note: "郑州航空港产业集聚区 was its name in the 产业集聚区 system" },
  // ── 综合保税区 (all approved by the State Council)
  { name: "郑州新郑综合保税区", shortName: "新郑综保区", type: "综合保税区", level: "国家级", city: "郑州市", county: null, aliases: ["郑州新郑综保区", "新郑综合保税区", "郑州综合保税区", "郑州综保区"], note: "inside 郑州航空港区" },
  { name: "郑州经开综合保税区", shortName: "经开综保区", type: "综合保税区", level: "国家级", city: "郑州市", county: null, aliases: ["郑州经开综保区"] },
  { name: "南阳卧龙综合保税区", shortName: "卧龙综保区", type: "综合保税区", level: "国家级", city: "南阳市", county: null, aliases: ["南阳卧龙综保区", "南阳综合保税区", "南阳综保区"] },
  { name: "洛阳综合保税区", shortName: "洛阳综保区", type: "综合保税区", level: "国家级", city: "洛阳市", county: null, aliases: [] },
  // ── 城乡一体化示范区 (approved by the province) — only the ones known to exist; others are synthesised by resolve.ts when a text names them in full
  { name: "焦作市城乡一体化示范区", shortName: "焦作示范区", type: "城乡一体化示范区", level: "省级", city: "焦作市", county: null, aliases: ["焦作城乡一体化示范区"], places: ["李万街道", "文苑街道"], note: "set up 2014; manages 焦作高新区; places as named in its own press" },
  { name: "周口市城乡一体化示范区", shortName: "周口示范区", type: "城乡一体化示范区", level: "省级", city: "周口市", county: null, aliases: ["周口城乡一体化示范区", "周口市东新区", "周口东新区"], places: ["搬口办事处", "许湾乡"], note: "built on 周口市东新区 (2008); plan approved by the province 2013; 文昌办事处 also, left out (文昌 is a common name)" },
  { name: "商丘市城乡一体化示范区", shortName: "商丘示范区", type: "城乡一体化示范区", level: "省级", city: "商丘市", county: null, aliases: ["商丘城乡一体化示范区"], places: ["贾寨镇"] },
  { name: "新乡平原城乡一体化示范区", shortName: "平原示范区", type: "城乡一体化示范区", level: "省级", city: "新乡市", county: null, aliases: ["新乡市平原城乡一体化示范区", "平原城乡一体化示范区", "新乡平原示范区", "平原新区", "新乡平原新区"], note: "formerly 平原新区; the exact official form of the name is from memory" },
  { name: "开封市城乡一体化示范区", shortName: "开封示范区", type: "城乡一体化示范区", level: "省级", city: "开封市", county: null, aliases: ["开封城乡一体化示范区"], note: "from memory" },
  { name: "许昌市城乡一体化示范区", shortName: "许昌示范区", type: "城乡一体化示范区", level: "省级", city: "许昌市", county: null, aliases: ["许昌城乡一体化示范区"], note: "from memory" },
  // ── other functional zones
  { name: "郑东新区", shortName: "郑东新区", type: "其他", level: null, city: "郑州市", county: null, aliases: ["郑州郑东新区"] },
  { name: "济源产城融合示范区", shortName: "济源示范区", type: "其他", level: null, city: "济源市", county: null, aliases: ["济源国家产城融合示范区"], note: "level left null: approved nationally as a 产城融合示范区 (2017), not a development zone of a contract type" },
  // ── 产业集聚区 (省定, 2009–2021). Names attested in provincial lists (十强/十快 2010, 优秀 2017, 2014 adjustment, 2018 catalogue); county ones add their short forms. The list is meant to grow.
  { name: "巩义市产业集聚区", shortName: "巩义市产业集聚区", type: "产业集聚区", level: "省级", city: "郑州市", county: "巩义市", aliases: ["巩义产业集聚区", "巩义市集聚区", "巩义集聚区"] },
  { name: "荥阳市五龙产业集聚区", shortName: "荥阳市五龙产业集聚区", type: "产业集聚区", level: "省级", city: "郑州市", county: "荥阳市", aliases: ["荥阳五龙产业集聚区", "五龙产业集聚区"] },
  { name: "新郑新港产业集聚区", shortName: "新郑新港产业集聚区", type: "产业集聚区", level: "省级", city: "郑州市", county: "新郑市", aliases: ["新港产业集聚区"], note: "name from memory" },
  { name: "中牟汽车产业集聚区", shortName: "中牟汽车产业集聚区", type: "产业集聚区", level: "省级", city: "郑州市", county: "中牟县", aliases: [], note: "name from memory" },
  { name: "郑州金岱产业集聚区", shortName: "郑州金岱产业集聚区", type: "产业集聚区", level: "省级", city: "郑州市", county: null, aliases: ["金岱产业集聚区"], note: "made a municipal park in 2014" },
  { name: "开封汴西产业集聚区", shortName: "开封汴西产业集聚区", type: "产业集聚区", level: "省级", city: "开封市", county: null, aliases: ["汴西产业集聚区"] },
  { name: "通许县产业集聚区", shortName: "通许县产业集聚区", type: "产业集聚区", level: "省级", city: "开封市", county: "通许县", aliases: ["通许产业集聚区", "通许县集聚区", "通许集聚区"] },
  { name: "偃师市产业集聚区", shortName: "偃师市产业集聚区", type: "产业集聚区", level: "省级", city: "洛阳市", county: "偃师市", aliases: ["偃师产业集聚区", "偃师市集聚区", "偃师集聚区"] },
  { name: "洛阳空港产业集聚区", shortName: "洛阳空港产业集聚区", type: "产业集聚区", level: "省级", city: "洛阳市", county: null, aliases: [], note: "promoted to 产业集聚区 in 2014" },
  { name: "舞钢市产业集聚区", shortName: "舞钢市产业集聚区", type: "产业集聚区", level: "省级", city: "平顶山市", county: "舞钢市", aliases: ["舞钢产业集聚区", "舞钢市集聚区", "舞钢集聚区"] },
  { name: "汝州市产业集聚区", shortName: "汝州市产业集聚区", type: "产业集聚区", level: "省级", city: "平顶山市", county: "汝州市", aliases: ["汝州产业集聚区", "汝州市集聚区", "汝州集聚区"] },
  { name: "平顶山化工产业集聚区", shortName: "平顶山化工产业集聚区", type: "产业集聚区", level: "省级", city: "平顶山市", county: null, aliases: [], note: "made a municipal park in 2014" },
  { name: "林州市产业集聚区", shortName: "林州市产业集聚区", type: "产业集聚区", level: "省级", city: "安阳市", county: "林州市", aliases: ["林州产业集聚区", "林州市集聚区", "林州集聚区"] },
  { name: "安阳新东产业集聚区", shortName: "安阳新东产业集聚区", type: "产业集聚区", level: "省级", city: "安阳市", county: null, aliases: ["新东产业集聚区"], note: "made a municipal park in 2014" },
  { name: "安阳纺织产业集聚区", shortName: "安阳纺织产业集聚区", type: "产业集聚区", level: "省级", city: "安阳市", county: null, aliases: [], note: "made a municipal park in 2014" },
  { name: "黎阳产业集聚区", shortName: "黎阳产业集聚区", type: "产业集聚区", level: "省级", city: "鹤壁市", county: "浚县", aliases: ["浚县黎阳产业集聚区", "浚县产业集聚区"], note: "the 产业集聚区 of 浚县" },
  { name: "长垣县产业集聚区", shortName: "长垣县产业集聚区", type: "产业集聚区", level: "省级", city: "新乡市", county: "长垣县", aliases: ["长垣产业集聚区", "长垣县集聚区", "长垣集聚区", "长垣市产业集聚区"] },
  { name: "新乡桥北产业集聚区", shortName: "新乡桥北产业集聚区", type: "产业集聚区", level: "省级", city: "新乡市", county: null, aliases: ["桥北产业集聚区"], note: "made a municipal park in 2014" },
  { name: "焦作市工业产业集聚区", shortName: "焦作市工业产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: null, aliases: ["焦作工业产业集聚区"] },
  { name: "武陟县产业集聚区", shortName: "武陟县产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: "武陟县", aliases: ["武陟产业集聚区", "武陟县集聚区", "武陟集聚区", "武陟经济技术开发区"], note: "listed as 武陟经济技术开发区 in the 2018 national catalogue (taken as the same zone)" },
  { name: "温县产业集聚区", shortName: "温县产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: "温县", aliases: ["温县集聚区"] },
  { name: "修武县产业集聚区", shortName: "修武县产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: "修武县", aliases: ["修武产业集聚区", "修武县集聚区", "修武集聚区"] },
  { name: "博爱县产业集聚区", shortName: "博爱县产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: "博爱县", aliases: ["博爱产业集聚区", "博爱县集聚区", "博爱集聚区"] },
  { name: "孟州市产业集聚区", shortName: "孟州市产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: "孟州市", aliases: ["孟州产业集聚区", "孟州市集聚区", "孟州集聚区", "孟州高新技术产业开发区"], note: "listed as 孟州高新技术产业开发区 in the 2018 national catalogue (taken as the same zone)" },
  { name: "沁阳市沁北产业集聚区", shortName: "沁阳市沁北产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: "沁阳市", aliases: ["沁阳沁北产业集聚区", "沁北产业集聚区"] },
  { name: "焦作循环经济产业集聚区", shortName: "焦作循环经济产业集聚区", type: "产业集聚区", level: "省级", city: "焦作市", county: null, aliases: [], note: "made a municipal park in 2014" },
  { name: "范县产业集聚区", shortName: "范县产业集聚区", type: "产业集聚区", level: "省级", city: "濮阳市", county: "范县", aliases: ["范县集聚区"] },
  { name: "濮阳市化工产业集聚区", shortName: "濮阳市化工产业集聚区", type: "产业集聚区", level: "省级", city: "濮阳市", county: null, aliases: ["濮阳化工产业集聚区"], note: "promoted to 产业集聚区 in 2014" },
  { name: "长葛市产业集聚区", shortName: "长葛市产业集聚区", type: "产业集聚区", level: "省级", city: "许昌市", county: "长葛市", aliases: ["长葛产业集聚区", "长葛市集聚区", "长葛集聚区"] },
  { name: "禹州市产业集聚区", shortName: "禹州市产业集聚区", type: "产业集聚区", level: "省级", city: "许昌市", county: "禹州市", aliases: ["禹州产业集聚区", "禹州市集聚区", "禹州集聚区"] },
  { name: "长葛市大周再生金属循环产业集聚区", shortName: "长葛市大周再生金属循环产业集聚区", type: "产业集聚区", level: "省级", city: "许昌市", county: "长葛市", aliases: ["大周再生金属循环产业集聚区"], note: "promoted to 产业集聚区 in 2014" },
  { name: "襄城县循环经济产业集聚区", shortName: "襄城县循环经济产业集聚区", type: "产业集聚区", level: "省级", city: "许昌市", county: "襄城县", aliases: [], note: "promoted to 产业集聚区 in 2014" },
  { name: "临颍县产业集聚区", shortName: "临颍县产业集聚区", type: "产业集聚区", level: "省级", city: "漯河市", county: "临颍县", aliases: ["临颍产业集聚区", "临颍县集聚区", "临颍集聚区"] },
  { name: "西峡县产业集聚区", shortName: "西峡县产业集聚区", type: "产业集聚区", level: "省级", city: "南阳市", county: "西峡县", aliases: ["西峡产业集聚区", "西峡县集聚区", "西峡集聚区"] },
  { name: "新野县产业集聚区", shortName: "新野县产业集聚区", type: "产业集聚区", level: "省级", city: "南阳市", county: "新野县", aliases: ["新野产业集聚区", "新野县集聚区", "新野集聚区"] },
  { name: "淅川县产业集聚区", shortName: "淅川县产业集聚区", type: "产业集聚区", level: "省级", city: "南阳市", county: "淅川县", aliases: ["淅川产业集聚区", "淅川县集聚区", "淅川集聚区"] },
  { name: "南召县产业集聚区", shortName: "南召县产业集聚区", type: "产业集聚区", level: "省级", city: "南阳市", county: "南召县", aliases: ["南召产业集聚区", "南召县集聚区", "南召集聚区"] },
  { name: "邓州市产业集聚区", shortName: "邓州市产业集聚区", type: "产业集聚区", level: "省级", city: "南阳市", county: "邓州市", aliases: ["邓州产业集聚区", "邓州市集聚区", "邓州集聚区"] },
  { name: "南阳化工产业集聚区", shortName: "南阳化工产业集聚区", type: "产业集聚区", level: "省级", city: "南阳市", county: null, aliases: [], note: "promoted to 产业集聚区 in 2014" },
  { name: "民权县产业集聚区", shortName: "民权县产业集聚区", type: "产业集聚区", level: "省级", city: "商丘市", county: "民权县", aliases: ["民权产业集聚区", "民权县集聚区", "民权集聚区"] },
  { name: "夏邑县产业集聚区", shortName: "夏邑县产业集聚区", type: "产业集聚区", level: "省级", city: "商丘市", county: "夏邑县", aliases: ["夏邑产业集聚区", "夏邑县集聚区", "夏邑集聚区"] },
  { name: "睢县产业集聚区", shortName: "睢县产业集聚区", type: "产业集聚区", level: "省级", city: "商丘市", county: "睢县", aliases: ["睢县集聚区"] },
  { name: "永城市产业集聚区", shortName: "永城市产业集聚区", type: "产业集聚区", level: "省级", city: "商丘市", county: "永城市", aliases: ["永城产业集聚区", "永城市集聚区", "永城集聚区"] },
  { name: "驻马店装备产业集聚区", shortName: "驻马店装备产业集聚区", type: "产业集聚区", level: "省级", city: "驻马店市", county: null, aliases: [] },
  { name: "驻马店经济技术产业集聚区", shortName: "驻马店经济技术产业集聚区", type: "产业集聚区", level: "省级", city: "驻马店市", county: null, aliases: [], note: "made a municipal park in 2014" },
  { name: "济源市虎岭产业集聚区", shortName: "济源市虎岭产业集聚区", type: "产业集聚区", level: "省级", city: "济源市", county: null, aliases: ["济源虎岭产业集聚区", "虎岭产业集聚区"] },
];
