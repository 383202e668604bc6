import type { ArticleRecord, BuildReport } from "../types.ts";

/** Records sorted by date then id; undated records last (never dropped). */
export function sortRecords(records: ArticleRecord[]): ArticleRecord[] {
  return [...records].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export function articlesJson(records: ArticleRecord[]): string {
  return `${JSON.stringify(sortRecords(records), null, 2)}\n`;
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: unknown, text = true): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (text && /^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The columns of data/figures.csv and the fields of data/figures.json, in order.
 * `n` is the figure's number in its article: `url#fig-<n>` opens the article at
 * the sentence it came from. See src/extract/canonical.ts for canonical,
 * baseValue/baseUnit and periodStart/periodEnd.
 */
export const FIGURE_COLUMNS = [
  "id", "url", "n", "date", "zone", "city",
  "indicator", "canonical", "value", "unit", "baseValue", "baseUnit", "growth",
  "period", "periodStart", "periodEnd", "target", "uncertain", "quote",
] as const;

export type FigureRow = { [K in (typeof FIGURE_COLUMNS)[number]]: string | number | boolean | null };

/** One flat row per figure, records sorted by date then id, figures in text order. */
export function figureRows(records: ArticleRecord[]): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const r of sortRecords(records)) {
    r.figures.forEach((f, i) => {
      rows.push({
        id: r.id,
        url: r.url,
        n: i + 1,
        date: r.date,
        zone: r.zone?.name ?? null,
        city: r.zone?.city ?? null,
        indicator: f.indicator,
        canonical: f.canonical ?? null,
        value: f.value,
        unit: f.unit,
        baseValue: f.baseValue ?? null,
        baseUnit: f.baseUnit ?? null,
        growth: f.growth,
        period: f.period,
        periodStart: f.periodStart ?? null,
        periodEnd: f.periodEnd ?? null,
        target: f.target === true,
        uncertain: f.uncertain === true,
        quote: f.quote,
      });
    });
  }
  return rows;
}

const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(["n", "value", "baseValue", "growth"]);

/**
 * One row per figure, UTF-8 with a BOM so that Excel reads the Chinese right,
 * CRLF line ends, RFC 4180 quoting; text that a spreadsheet would run as a
 * formula is defused. true/false for target and uncertain.
 */
export function figuresCsv(records: ArticleRecord[]): string {
  const lines = [FIGURE_COLUMNS.join(",")];
  for (const row of figureRows(records)) {
    lines.push(FIGURE_COLUMNS.map((c) => (typeof row[c] === "boolean" ? String(row[c]) : cell(row[c], !NUMERIC_COLUMNS.has(c)))).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The same rows as JSON: an array with one object per line (a million figures stay readable and streamable). */
export function figuresJson(records: ArticleRecord[]): string {
  const rows = figureRows(records);
  if (rows.length === 0) return "[]\n";
  return `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
}

export function reportJson(report: BuildReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
