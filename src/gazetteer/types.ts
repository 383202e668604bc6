/**
 * The gazetteer's words: what the archive knows about Henan's cities,
 * counties and development zones, as typed data (see cities.ts, zones.ts).
 * The matching logic lives in resolve.ts; the data files hold no logic.
 */
import type { Zone } from "../types.ts";

/** A county-level unit (县, 县级市 or 市辖区) of a prefecture-level city. */
export interface CountyEntry {
  /** full name with its suffix: 武陟县, 新郑市, 金水区, 管城回族区 */
  name: string;
  /**
   * what the press writes without the suffix: 武陟, 新郑, 金水, 管城.
   * Equal to `name` where dropping the suffix leaves one character (温县)
   * or the prefecture's own name (安阳县).
   */
  short: string;
  /**
   * Set on a name that no longer exists: the unit it became. Old articles
   * still use it (开封县 → 祥符区 in 2014, 许昌县 → 建安区 in 2017 …).
   */
  becameIn?: { name: string; year: number };
  /**
   * Where a name is also an ordinary word or a place elsewhere in China:
   * "short" = the short form alone is not evidence (博爱, 台前, 商城, 民权);
   * "name"  = not even the full name is (解放区, 老城区, 鼓楼区, 新华区).
   */
  ambiguous?: "short" | "name";
}

/** A prefecture-level city of Henan (济源, province-administered, counts as one). */
export interface CityEntry {
  /** with 市: 鹤壁市 */
  name: string;
  /** without: 鹤壁 */
  short: string;
  counties: CountyEntry[];
}

/** A development zone: the contract's Zone plus how the press writes it. */
export interface ZoneEntry extends Zone {
  /**
   * Every other written form (the name and shortName are matched too):
   * 国家 inserted (鹤壁国家经济技术开发区, 国家漯河经济技术开发区), 经济开发区,
   * 高新技术开发区, 集聚区, the name under which Henan's 产业集聚区 system
   * listed a national zone (漯河经济技术产业集聚区), a catalogue name …
   */
  aliases: string[];
  /** towns / 街道 / 乡 inside the zone: 遵化店镇, 皇台街道 for 平顶山高新区 */
  places?: string[];
  /** what is uncertain or worth knowing about this entry */
  note?: string;
}
