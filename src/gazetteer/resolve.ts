/**
 * Which development zone, and which city, a text is about.
 *
 *   findCity(text)                 → "鹤壁市" | null
 *   resolveZone({ title, paragraphs }) → Zone | null   (the contract's zone field)
 *   zoneByName(nameOrAlias)        → Zone | null      (exact name or alias)
 *   findZoneByName(name)           → Zone | null      (front-matter override: also a well-formed full name)
 *
 * One trie over every name the gazetteer knows (zone names and aliases,
 * places inside zones, cities, counties, the generic words 开发区 / 高新区 /
 * 示范区 / 集聚区 … and a few look-alikes to ignore) is built once; a text is
 * read in one left-to-right pass taking the longest name at each position.
 *
 * How the zone is chosen:
 *  - an explicit name or alias counts 2 a mention, a place inside a zone 1;
 *  - a city or county written right before a generic word qualifies it
 *    (焦作示范区, 武陟县产业集聚区, 鹤壁市国家经济技术开发区) and counts as explicit;
 *    a zone named in full this way but missing from the gazetteer is built
 *    from the text (XX县产业集聚区, XX市城乡一体化示范区 …);
 *  - a bare generic word (开发区, 高新区, 示范区, 该县产业集聚区, 市城乡一体化示范区 …)
 *    counts 1 for the zone of its kind that the text already names, or else for
 *    the zone of that kind in the city (county) the text names most;
 *  - the headline counts three times;
 *  - the zone with the highest score wins (ties: first mentioned); a zone that
 *    only generic words point to needs a score of at least 2.
 */
import type { Zone, ZoneType } from "../types.ts";
import { CITIES } from "./cities.ts";
import type { CityEntry, ZoneEntry } from "./types.ts";
import { ZONES } from "./zones.ts";

// ───────────────────────────── vocabulary

/** the generic words, what kinds of zone they can mean, and the kind they name in full */
const GENERIC_WORDS: { word: string; types: ZoneType[]; full: ZoneType | null }[] = [
  { word: "开发区", types: ["经济技术开发区", "经济开发区"], full: null },
  { word: "经开区", types: ["经济技术开发区", "经济开发区"], full: null },
  { word: "经济开发区", types: ["经济技术开发区", "经济开发区"], full: "经济开发区" },
  { word: "经济技术开发区", types: ["经济技术开发区", "经济开发区"], full: "经济技术开发区" },
  { word: "高新区", types: ["高新技术产业开发区"], full: null },
  { word: "高新开发区", types: ["高新技术产业开发区"], full: null },
  { word: "高新技术开发区", types: ["高新技术产业开发区"], full: null },
  { word: "高新技术产业开发区", types: ["高新技术产业开发区"], full: "高新技术产业开发区" },
  { word: "示范区", types: ["城乡一体化示范区"], full: null },
  { word: "城乡一体化示范区", types: ["城乡一体化示范区"], full: "城乡一体化示范区" },
  { word: "集聚区", types: ["产业集聚区"], full: null },
  { word: "产业集聚区", types: ["产业集聚区"], full: "产业集聚区" },
  { word: "综保区", types: ["综合保税区"], full: null },
  { word: "综合保税区", types: ["综合保税区"], full: "综合保税区" },
];

type Scope = "any" | "city" | "county" | "category";

/** what may stand before a generic word, and what it makes of it */
const GENERIC_PREFIXES: { prefix: string; scope: Scope }[] = [
  { prefix: "", scope: "any" },
  { prefix: "市", scope: "city" },
  { prefix: "该市", scope: "city" },
  { prefix: "本市", scope: "city" },
  { prefix: "县", scope: "county" },
  { prefix: "该县", scope: "county" },
  { prefix: "本县", scope: "county" },
  // the category, not one zone — unless a city is written right before
  { prefix: "国家", scope: "category" },
  { prefix: "国家级", scope: "category" },
  { prefix: "省级", scope: "category" },
];

/**
 * A bare generic word right after one of these characters is part of
 * another word or speaks of the category: 农业示范区, 工业化示范区, 融合发展示范区,
 * 全省示范区, 各产业集聚区, 两个开发区, 一批开发区 …
 */
const GENERIC_BLOCKED_AFTER = new Set([..."业化态展革验游村明级省国各等个家批类些"]);

/** look-alikes that contain a name but are not one */
const BLOCKERS = [
  "新乡村", // 美丽新乡村
  "新县城", // 建设新县城
  "新县委",
  "新县域",
  "示范县", // 范县
  "信息县",
  "经济源", // 经济源源不断
  "自信阳光",
  "平安阳光",
  "朝南阳台",
  "周口店", // Beijing
  "自主创新示范区", // 郑洛新国家自主创新示范区: three cities, not one zone
];

const TITLE_WEIGHT = 3;
const EXPLICIT = 2;
const PLACE = 1;
const GENERIC = 1;
/** a zone that only generic words point to needs this score */
const GENERIC_ONLY_MIN = 2;

// ───────────────────────────── the index, built once

interface CountyRec {
  name: string;
  short: string;
  city: number;
  /** the current name (a former name's successor), to compare counties across renamings */
  key: string;
}

type Term =
  | { k: "zone"; zone: number }
  | { k: "place"; zone: number }
  | { k: "city"; city: number }
  | { k: "county"; county: number }
  | { k: "generic"; types: ZoneType[]; full: ZoneType | null; scope: Scope }
  | { k: "block" };

interface TrieNode {
  next: Map<number, TrieNode>;
  term?: Term;
}

interface Index {
  root: TrieNode;
  /** 1 for each UTF-16 code unit that some name begins with: most characters of a text begin none */
  starts: Uint8Array;
  counties: CountyRec[];
  cityByName: Map<string, number>;
  /** every zone name, shortName and alias → zone index */
  zoneByAnyName: Map<string, number>;
}

let index: Index | null = null;

function buildIndex(): Index {
  const root: TrieNode = { next: new Map() };
  const insert = (key: string, term: Term): void => {
    if (!key) return;
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let nx = node.next.get(c);
      if (!nx) {
        nx = { next: new Map() };
        node.next.set(c, nx);
      }
      node = nx;
    }
    if (!node.term) node.term = term; // the first meaning inserted wins
  };

  const zoneByAnyName = new Map<string, number>();
  ZONES.forEach((z, i) => {
    for (const n of [z.name, z.shortName, ...z.aliases]) {
      if (!zoneByAnyName.has(n)) zoneByAnyName.set(n, i);
      insert(n, { k: "zone", zone: i });
    }
  });
  for (const b of BLOCKERS) insert(b, { k: "block" });
  ZONES.forEach((z, i) => {
    for (const p of z.places ?? []) insert(p, { k: "place", zone: i });
  });

  const cityByName = new Map<string, number>();
  CITIES.forEach((c, i) => {
    cityByName.set(c.name, i);
    cityByName.set(c.short, i);
    insert(c.name, { k: "city", city: i });
    insert(c.short, { k: "city", city: i });
  });

  const counties: CountyRec[] = [];
  CITIES.forEach((c, ci) => {
    for (const k of c.counties) {
      counties.push({ name: k.name, short: k.short, city: ci, key: k.becameIn?.name ?? k.name });
    }
  });
  // current names first, so that a short form shared with a former name (偃师) means the current unit
  const ordered = counties
    .map((rec, i) => ({ rec, i, entry: CITIES[rec.city].counties.find((k) => k.name === rec.name)! }))
    .sort((a, b) => Number(!!a.entry.becameIn) - Number(!!b.entry.becameIn));
  for (const { i, entry } of ordered) {
    if (entry.ambiguous === "name") continue;
    insert(entry.name, { k: "county", county: i });
    if (entry.ambiguous !== "short" && entry.short !== entry.name && entry.short.length >= 2) {
      insert(entry.short, { k: "county", county: i });
    }
  }

  for (const g of GENERIC_WORDS) {
    for (const p of GENERIC_PREFIXES) {
      insert(p.prefix + g.word, { k: "generic", types: g.types, full: g.full, scope: p.scope });
    }
  }
  const starts = new Uint8Array(0x10000);
  for (const c of root.next.keys()) starts[c] = 1;
  return { root, starts, counties, cityByName, zoneByAnyName };
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

// ───────────────────────────── reading a text

interface Token {
  term: Term;
  /** position within its block */
  start: number;
  end: number;
  block: number;
  /** position over the whole input, for "first mentioned" */
  pos: number;
  weight: number;
  /** the city / county token written right before a generic word */
  qualifier?: Token;
}

function tokenize(idx: Index, text: string, block: number, offset: number, weight: number, out: Token[]): void {
  const n = text.length;
  let i = 0;
  const starts = idx.starts;
  while (i < n) {
    if (starts[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    let node: TrieNode | undefined = idx.root;
    let j = i;
    let best: Term | undefined;
    let bestEnd = i;
    while (j < n) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      j++;
      if (node.term) {
        best = node.term;
        bestEnd = j;
      }
    }
    if (!best) {
      i++;
      continue;
    }
    // 中原区域, 湖滨区域: a district name followed by 域 is the word 区域
    const droppedDistrict =
      best.k === "county" && text.charAt(bestEnd - 1) === "区" && text.charAt(bestEnd) === "域";
    if (!droppedDistrict && best.k !== "block") {
      out.push({ term: best, start: i, end: bestEnd, block, pos: offset + i, weight });
    }
    i = droppedDistrict ? i + 1 : bestEnd;
  }
}

function readBlocks(blocks: { text: string; weight: number }[]): { tokens: Token[]; texts: string[] } {
  const idx = getIndex();
  const tokens: Token[] = [];
  let offset = 0;
  blocks.forEach((b, bi) => {
    const before = tokens.length;
    tokenize(idx, b.text, bi, offset, b.weight, tokens);
    for (let t = before + 1; t < tokens.length; t++) {
      const prev = tokens[t - 1];
      const cur = tokens[t];
      if (cur.term.k === "generic" && (prev.term.k === "city" || prev.term.k === "county") && prev.end === cur.start) {
        cur.qualifier = prev;
      }
    }
    offset += b.text.length + 1;
  });
  return { tokens, texts: blocks.map((b) => b.text) };
}

// ───────────────────────────── which city, which county

interface Tally {
  count: number;
  first: number;
}

function bump(m: Map<number, Tally>, key: number, pos: number): void {
  const t = m.get(key);
  if (t) t.count++;
  else m.set(key, { count: 1, first: pos });
}

function top(m: Map<number, Tally>, allow?: (key: number) => boolean): number | null {
  let best: number | null = null;
  let bt: Tally | null = null;
  for (const [k, t] of m) {
    if (allow && !allow(k)) continue;
    if (!bt || t.count > bt.count || (t.count === bt.count && t.first < bt.first)) {
      best = k;
      bt = t;
    }
  }
  return best;
}

function countyIndexOf(idx: Index, cityIdx: number, name: string | null): number | null {
  if (!name) return null;
  const i = idx.counties.findIndex((c) => c.city === cityIdx && c.name === name);
  return i < 0 ? null : i;
}

/** mentions of each city and county: names, counties, zones and places inside them */
function tallyPlaces(idx: Index, tokens: Token[]): { cities: Map<number, Tally>; counties: Map<number, Tally> } {
  const cities = new Map<number, Tally>();
  const counties = new Map<number, Tally>();
  for (const t of tokens) {
    const term = t.term;
    if (term.k === "city") bump(cities, term.city, t.pos);
    else if (term.k === "county") {
      bump(cities, idx.counties[term.county].city, t.pos);
      bump(counties, term.county, t.pos);
    } else if (term.k === "zone" || term.k === "place") {
      const z = ZONES[term.zone];
      const ci = idx.cityByName.get(z.city);
      if (ci === undefined) continue;
      bump(cities, ci, t.pos);
      const ki = countyIndexOf(idx, ci, z.county);
      if (ki !== null) bump(counties, ki, t.pos);
    }
  }
  return { cities, counties };
}

/**
 * The prefecture-level city the text names most: city names, county names
 * (for their city), and zones or places known to lie in a city. 本市 does not
 * count. Ties go to the city named first. Returns the name with 市, or null.
 */
export function findCity(text: string): string | null {
  const { tokens } = readBlocks([{ text, weight: 1 }]);
  const { cities } = tallyPlaces(getIndex(), tokens);
  const best = top(cities);
  return best === null ? null : CITIES[best].name;
}

// ───────────────────────────── zones

function toZone(z: Zone): Zone {
  return { name: z.name, shortName: z.shortName, type: z.type, level: z.level, city: z.city, county: z.county };
}

/** The zone a name or alias stands for (exact match), or null. */
export function zoneByName(name: string): Zone | null {
  const i = getIndex().zoneByAnyName.get(name.trim());
  return i === undefined ? null : toZone(ZONES[i]);
}

/**
 * For an editor's front-matter override: the zone a name or alias stands
 * for; failing that, a zone written in full the way such zones are named
 * (叶县产业集聚区, 三门峡市城乡一体化示范区) though the gazetteer lacks it.
 * Anything else (a bare 开发区, a typo) → null.
 */
export function findZoneByName(name: string): Zone | null {
  const known = zoneByName(name);
  if (known) return known;
  const text = name.trim();
  if (!text) return null;
  const z = resolveZone({ title: text, paragraphs: [] });
  return z && (z.name === text || z.shortName === text) ? z : null;
}

function byTypeOrder(types: ZoneType[]) {
  return (a: ZoneEntry, b: ZoneEntry) => types.indexOf(a.type) - types.indexOf(b.type);
}

/** the gazetteer's city-level zone (county null) of one of these kinds in a city */
function cityZone(city: CityEntry, types: ZoneType[]): Zone | null {
  const found = ZONES.filter((z) => z.city === city.name && z.county === null && types.includes(z.type));
  found.sort(byTypeOrder(types));
  return found.length ? found[0] : null;
}

/** the gazetteer's zone of one of these kinds in a county */
function countyZone(idx: Index, county: CountyRec, types: ZoneType[]): Zone | null {
  const city = CITIES[county.city];
  const sameCounty = ZONES.filter((z) => {
    if (z.city !== city.name || !types.includes(z.type) || z.county === null) return false;
    const ki = countyIndexOf(idx, county.city, z.county);
    return ki !== null && idx.counties[ki].key === county.key;
  });
  sameCounty.sort(byTypeOrder(types));
  if (sameCounty.length) return sameCounty[0];
  // a city-level zone named after the county (郑州新郑综合保税区 for 新郑 + 综合保税区)
  const named = ZONES.filter(
    (z) => z.city === city.name && types.includes(z.type) && county.short.length >= 2 && z.name.includes(county.short),
  );
  named.sort(byTypeOrder(types));
  return named.length ? named[0] : null;
}

/**
 * How a zone of each type is named when the gazetteer lacks it: from the place's short name
 * (鹤壁 + 经济技术开发区) or its full name (武陟县 + 产业集聚区), and at which levels of place it exists.
 */
const NAMING: Partial<Record<ZoneType, { full: string; short: string; fromFullName: boolean; level: Zone["level"]; county: boolean; city: boolean }>> = {
  产业集聚区: { full: "产业集聚区", short: "产业集聚区", fromFullName: true, level: "省级", county: true, city: true },
  经济技术开发区: { full: "经济技术开发区", short: "经开区", fromFullName: false, level: null, county: true, city: true },
  经济开发区: { full: "经济开发区", short: "经开区", fromFullName: false, level: null, county: true, city: true },
  高新技术产业开发区: { full: "高新技术产业开发区", short: "高新区", fromFullName: false, level: null, county: true, city: true },
  城乡一体化示范区: { full: "城乡一体化示范区", short: "示范区", fromFullName: true, level: "省级", county: false, city: true },
  综合保税区: { full: "综合保税区", short: "综保区", fromFullName: false, level: "国家级", county: false, city: true },
};

/** a zone the text names in full but the gazetteer lacks; its name is built the way such zones are named */
function synthesize(idx: Index, type: ZoneType, city: CityEntry, county: CountyRec | null): Zone | null {
  const rule = NAMING[type];
  if (!rule || !(county ? rule.county : rule.city)) return null;
  const place = county ?? city;
  const name = `${rule.fromFullName ? place.name : place.short}${rule.full}`;
  // 产业集聚区 keep their full name as the short one; 城乡一体化示范区 are 焦作示范区 for short
  const shortName = type === "产业集聚区" ? name : `${place.short}${rule.short}`;
  const level = rule.level;
  // the built name may be one the gazetteer knows under another entry
  const known = idx.zoneByAnyName.get(name);
  if (known !== undefined) return ZONES[known];
  return { name, shortName, type, level, city: city.name, county: county ? county.name : null };
}

interface Candidate {
  zone: Zone;
  score: number;
  first: number;
  /** named explicitly, or through a place: not only by generic words */
  anchored: boolean;
}

export interface ResolveInput {
  title: string;
  paragraphs: string[];
}

/**
 * What the caller knows from outside the text, used only where the text
 * itself names no city (or county): e.g. the city of the newspaper page an
 * article was cut from, or of its publisher. Names with suffix: 平顶山市, 武陟县.
 */
export interface ResolveHint {
  city?: string | null;
  county?: string | null;
  /**
   * The hint is the zone of the newspaper page the article was printed on: bare
   * generic words (示范区, 高新区) mean that page's zone even where the article
   * names other cities in passing (a 焦作 page that mentions 郑州航空港).
   */
  page?: boolean;
}

/**
 * The development zone the text is about, or null when the text gives no
 * basis for one. See the head of this file for how it is chosen.
 */
export function resolveZone(input: ResolveInput, hint?: ResolveHint): Zone | null {
  const idx = getIndex();
  const blocks = [
    { text: input.title ?? "", weight: TITLE_WEIGHT },
    ...(input.paragraphs ?? []).map((text) => ({ text, weight: 1 })),
  ];
  const { tokens, texts } = readBlocks(blocks);
  if (tokens.length === 0) return null;

  const tally = tallyPlaces(idx, tokens);
  let mainCity = top(tally.cities);
  let mainCounty =
    mainCity === null ? top(tally.counties) : top(tally.counties, (k) => idx.counties[k].city === mainCity);
  if (hint?.page && hint.city) {
    const ci = idx.cityByName.get(hint.city);
    if (ci !== undefined && ci !== mainCity) {
      mainCity = ci;
      mainCounty = top(tally.counties, (k) => idx.counties[k].city === mainCity);
    }
  }
  if (mainCity === null && hint?.city) {
    const ci = idx.cityByName.get(hint.city);
    if (ci !== undefined) mainCity = ci;
  }
  if (mainCounty === null && hint?.county) {
    const ki = idx.counties.findIndex(
      (c) => c.name === hint.county && (mainCity === null || c.city === mainCity),
    );
    if (ki >= 0) {
      mainCounty = ki;
      mainCity ??= idx.counties[ki].city;
    }
  }

  const cands = new Map<string, Candidate>();
  const add = (zone: Zone, score: number, pos: number, anchored: boolean): void => {
    const c = cands.get(zone.name);
    if (c) {
      c.score += score;
      c.first = Math.min(c.first, pos);
      c.anchored ||= anchored;
    } else cands.set(zone.name, { zone, score, first: pos, anchored });
  };
  const bestAnchored = (ok: (z: Zone) => boolean): Zone | null => {
    let best: Candidate | null = null;
    for (const c of cands.values()) {
      if (!c.anchored || !ok(c.zone)) continue;
      if (!best || c.score > best.score || (c.score === best.score && c.first < best.first)) best = c;
    }
    return best ? best.zone : null;
  };

  // 1. explicit: names, aliases, places, and generic words qualified by the city or county before them
  const loose: Token[] = [];
  for (const t of tokens) {
    const term = t.term;
    if (term.k === "zone") add(ZONES[term.zone], EXPLICIT * t.weight, t.pos, true);
    else if (term.k === "place") add(ZONES[term.zone], PLACE * t.weight, t.pos, true);
    else if (term.k === "generic") {
      if (t.qualifier) {
        const q = t.qualifier.term;
        let zone: Zone | null = null;
        if (q.k === "city") {
          const city = CITIES[q.city];
          zone = cityZone(city, term.types) ?? (term.full ? synthesize(idx, term.full, city, null) : null);
        } else if (q.k === "county") {
          const county = idx.counties[q.county];
          zone =
            countyZone(idx, county, term.types) ??
            (term.full ? synthesize(idx, term.full, CITIES[county.city], county) : null);
        }
        if (zone) add(zone, EXPLICIT * t.weight, t.qualifier.pos, true);
      } else if (term.scope !== "category" && !GENERIC_BLOCKED_AFTER.has(texts[t.block].charAt(t.start - 1))) {
        loose.push(t);
      }
    }
  }

  // 2. bare generic words: for the zone of their kind already named, else through the city / county
  const cityEntry = mainCity === null ? null : CITIES[mainCity];
  const countyRec = mainCounty === null ? null : idx.counties[mainCounty];
  const resolved = new Map<string, Zone | null>();
  for (const t of loose) {
    const term = t.term;
    if (term.k !== "generic") continue;
    const key = `${term.scope}|${term.types.join(",")}|${term.full ?? ""}`;
    let zone = resolved.get(key);
    if (zone === undefined) {
      zone = resolveGeneric(idx, term.types, term.full, term.scope, cityEntry, countyRec, bestAnchored);
      resolved.set(key, zone);
    }
    if (zone) add(zone, GENERIC * t.weight, t.pos, false);
  }

  // 3. the subject: highest score, then first mentioned
  let best: Candidate | null = null;
  for (const c of cands.values()) {
    if (!c.anchored && c.score < GENERIC_ONLY_MIN) continue;
    if (!best || c.score > best.score || (c.score === best.score && c.first < best.first)) best = c;
  }
  return best ? toZone(best.zone) : null;
}

function resolveGeneric(
  idx: Index,
  types: ZoneType[],
  full: ZoneType | null,
  scope: Scope,
  city: CityEntry | null,
  county: CountyRec | null,
  bestAnchored: (ok: (z: Zone) => boolean) => Zone | null,
): Zone | null {
  const countyKeyOf = (z: Zone): string | null => {
    if (z.county === null) return null;
    const ci = idx.cityByName.get(z.city);
    const ki = ci === undefined ? null : countyIndexOf(idx, ci, z.county);
    return ki === null ? z.county : idx.counties[ki].key;
  };
  if (scope === "county") {
    // 该县产业集聚区: the county the text names most
    if (!county) return null;
    return (
      bestAnchored((z) => types.includes(z.type) && countyKeyOf(z) === county.key) ??
      countyZone(idx, county, types) ??
      (full ? synthesize(idx, full, CITIES[county.city], county) : null)
    );
  }
  if (scope === "city") {
    // 市城乡一体化示范区: the city the text names most
    if (!city) return null;
    return (
      bestAnchored((z) => types.includes(z.type) && z.city === city.name && z.county === null) ??
      cityZone(city, types) ??
      (full ? synthesize(idx, full, city, null) : null)
    );
  }
  // a bare word: the zone of its kind the text names, else the one of the city (or county) it names most
  if (!city) return bestAnchored((z) => types.includes(z.type));
  const named = bestAnchored((z) => types.includes(z.type) && z.city === city.name);
  if (named) return named;
  const inCounty = county ? countyZone(idx, county, types) : null;
  const inCity = cityZone(city, types);
  return types[0] === "产业集聚区" ? (inCounty ?? inCity) : (inCity ?? inCounty);
}
