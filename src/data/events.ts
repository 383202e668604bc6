/**
 * Dated national events that local press refers to. When an article speaks
 * of one as just held (胜利召开的东风, 召开之际 …), the article is from that
 * year. Knowledge, not code: add a line to teach another event.
 */
export interface DatedEvent {
  /** how the press names it (Simplified) */
  names: readonly string[];
  year: number;
  month: number;
}

export const EVENTS: readonly DatedEvent[] = [
  { names: ["党的十七大", "十七大"], year: 2007, month: 10 },
  { names: ["党的十八大", "十八大"], year: 2012, month: 11 },
  { names: ["十八届三中全会"], year: 2013, month: 11 },
  { names: ["十八届四中全会"], year: 2014, month: 10 },
  { names: ["十八届五中全会"], year: 2015, month: 10 },
  { names: ["党的十九大", "十九大"], year: 2017, month: 10 },
  { names: ["十九届五中全会"], year: 2020, month: 10 },
  { names: ["党的二十大", "二十大"], year: 2022, month: 10 },
];

/** Words that present an event as just held. */
export const JUST_HELD = /(胜利召开|胜利闭幕|隆重召开|召开之际|召开的东风|闭幕之际)/u;
