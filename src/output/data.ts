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

export const FIGURE_COLUMNS = ["id", "date", "zone", "city", "indicator", "value", "unit", "growth", "period", "uncertain", "quote"] as const;

/** One row per figure, UTF-8 with a BOM so that Excel reads the Chinese right. */
export function figuresCsv(records: ArticleRecord[]): string {
  const rows = [FIGURE_COLUMNS.join(",")];
  for (const r of sortRecords(records)) {
    for (const f of r.figures) {
      rows.push(
        [
          cell(r.id),
          cell(r.date),
          cell(r.zone?.name ?? null),
          cell(r.zone?.city ?? null),
          cell(f.indicator),
          cell(f.value, false),
          cell(f.unit),
          cell(f.growth, false),
          cell(f.period),
          f.uncertain ? "true" : "false",
          cell(f.quote),
        ].join(","),
      );
    }
  }
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}

export function reportJson(report: BuildReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
