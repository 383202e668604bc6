import { closeSync, createWriteStream, openSync, writeSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
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

/**
 * A JSON array in pieces, one element per piece: "[\n" el ",\n" el … "\n]\n", or "[]\n" when empty.
 * The data files are written from these without one string of them all.
 */
function* jsonArrayChunks<T>(items: readonly T[], element: (item: T) => string): Generator<string> {
  if (items.length === 0) {
    yield "[]\n";
    return;
  }
  yield "[\n";
  for (let i = 0; i < items.length; i++) yield `${i ? ",\n" : ""}${element(items[i])}`;
  yield "\n]\n";
}

/** data/articles.json in pieces: the same text as JSON.stringify(sorted, null, 2) + "\n". */
export function articlesJsonChunks(records: ArticleRecord[]): Generator<string> {
  // an element of an array indented by two: the record's own lines, each two spaces in (JSON
  // escapes line breaks in strings, so every line break is the indentation's)
  return jsonArrayChunks(sortRecords(records), (r) => JSON.stringify([r], null, 2).slice(2, -2));
}

export function articlesJson(records: ArticleRecord[]): string {
  return [...articlesJsonChunks(records)].join("");
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: unknown, text = true): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (text && FORMULA_START.has(s.charCodeAt(0))) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** = + - @ tab CR: a cell a spreadsheet would run as a formula */
const FORMULA_START: ReadonlySet<number> = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
const NEEDS_QUOTES = /[",\n\r]/;

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
export function* figuresCsvChunks(records: ArticleRecord[]): Generator<string> {
  yield `\uFEFF${FIGURE_COLUMNS.join(",")}\r\n`;
  for (const row of figureRows(records)) {
    yield `${FIGURE_COLUMNS.map((c) => (typeof row[c] === "boolean" ? String(row[c]) : cell(row[c], !NUMERIC_COLUMNS.has(c)))).join(",")}\r\n`;
  }
}

export function figuresCsv(records: ArticleRecord[]): string {
  return [...figuresCsvChunks(records)].join("");
}

/** The same rows as JSON: an array with one object per line (a million figures stay readable and streamable). */
export function figuresJsonChunks(records: ArticleRecord[]): Generator<string> {
  return jsonArrayChunks(figureRows(records), (row) => JSON.stringify(row));
}

export function figuresJson(records: ArticleRecord[]): string {
  return [...figuresJsonChunks(records)].join("");
}

/** Pieces of text joined into strings of about a megabyte each (the last may be shorter). */
function* megabytes(chunks: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  let size = 0;
  for (const c of chunks) {
    buffer.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      yield buffer.join("");
      buffer = [];
      size = 0;
    }
  }
  if (size > 0) yield buffer.join("");
}

/**
 * Writes a file from pieces of text, a megabyte at a time: a 100k-article archive's
 * data files are larger than the longest string V8 can hold (~512 MB).
 */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, "error").then(([err]: unknown[]) => {
    throw err;
  });
  failed.catch(() => {});
  try {
    for (const text of megabytes(chunks)) if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  } catch (err) {
    out.destroy(); // no open file left behind when the pieces could not be made
    throw err;
  }
  out.end();
  await Promise.race([once(out, "finish"), failed]);
}

/** writeChunks, blocking this thread: a megabyte at a time, straight to the file. */
export function writeChunksSync(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    for (const text of megabytes(chunks)) {
      const bytes = Buffer.from(text, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/** The data files, in `<out>/data/`, and what each holds. */
const DATA: Record<string, (records: ArticleRecord[]) => Iterable<string>> = {
  "articles.json": articlesJsonChunks,
  "figures.csv": figuresCsvChunks,
  "figures.json": figuresJsonChunks,
};
export const DATA_FILES: readonly string[] = Object.keys(DATA);

/**
 * Writes the data files of these records (any order) into `dir`, streamed: at 100k articles they are larger
 * than one string may be. `sync`: blocking, without the thread pool, for a worker that does nothing else
 * (src/output/data-worker.ts): the pool is the process's, and beside a render it holds the render's page writes.
 */
export async function writeDataFiles({ dir, records, sync = false }: { dir: string; records: ArticleRecord[]; sync?: boolean }): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of DATA_FILES) {
    if (sync) writeChunksSync(join(dir, name), DATA[name](records));
    else await writeChunks(join(dir, name), DATA[name](records));
  }
}

export function reportJson(report: BuildReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
