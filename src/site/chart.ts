/**
 * A small line chart drawn at build time as an SVG string: no chart library,
 * no script, no inline styles (colours and strokes come from classes in
 * site.css, so the site's light and dark themes and a strict CSP both hold).
 *
 * Time runs left to right in months; each series (figures of one period shape,
 * such as 1—10月 of successive years) is a line through its points; every
 * point has a <title> (hover) and, when there are few, its value printed above
 * it. The <svg> is role="img" with a <title> and <desc>; the page puts a table
 * with the same numbers beside it.
 *
 * Pure functions; every text that goes into the SVG is escaped.
 */

export interface ChartPoint {
  /** months since year 0: year * 12 + (month - 1) */
  x: number;
  /** the value in the chart's unit (already scaled, e.g. 亿元) */
  y: number;
  /** what the point is, for its tooltip: 2013年1—10月 */
  label: string;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface LineChartSpec {
  /** a unique id on the page, for the aria references ([A-Za-z0-9_-]) */
  id: string;
  title: string;
  desc: string;
  /** shown above the y axis: 亿元 */
  unit: string;
  series: ChartSeries[];
  width?: number;
  height?: number;
}

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for an SVG/HTML text node or attribute value. */
export function escapeXml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** An id safe in an attribute and a CSS/aria reference. */
function safeId(s: string): string {
  const t = s.replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z]/.test(t) ? t : `c-${t}`;
}

/** A number for the axis and labels: at most 2 decimals, no float noise, true minus sign. */
export function formatTick(n: number): string {
  if (!Number.isFinite(n)) return "";
  const r = Math.round(n * 100) / 100;
  const s = String(Number(r.toPrecision(12)));
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** A "nice" step (1, 2, 2.5, 5 × 10^k) for about `count` ticks over `span`. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

/** The y axis: from 0 (or below, for negative values) to a nice maximum, with its ticks. */
export function yAxis(values: readonly number[], count = 4): { min: number; max: number; ticks: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (lo === hi) hi = lo + 1;
  const step = niceStep(hi - lo, count);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: lo, max: hi, ticks };
}

/**
 * The x axis in months: whole calendar years from the first point's to the last
 * point's, a tick at each new year and the year written in the middle of its
 * span (every k-th year when there are many).
 */
export function xAxis(xs: readonly number[], maxLabels = 8): { min: number; max: number; years: number[]; ticks: number[] } {
  const first = Math.floor(Math.min(...xs) / 12);
  const last = Math.floor(Math.max(...xs) / 12);
  const every = Math.max(1, Math.ceil((last - first + 1) / maxLabels));
  const years: number[] = [];
  for (let y = first; y <= last; y += every) years.push(y);
  const ticks: number[] = [];
  for (let y = first; y <= last + 1; y++) ticks.push(y * 12);
  return { min: first * 12, max: (last + 1) * 12, years, ticks };
}

const f1 = (n: number): string => String(Math.round(n * 10) / 10);

/** The chart as an SVG string (empty string when there is no point to draw). */
export function lineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? 560;
  const height = spec.height ?? 260;
  const series = spec.series
    .map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x || a.y - b.y) }))
    .filter((s) => s.points.length > 0);
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return "";
  const id = safeId(spec.id);
  const m = { left: 56, right: 16, top: 28, bottom: 32 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const ya = yAxis(all.map((p) => p.y));
  const xa = xAxis(all.map((p) => p.x));
  const sx = (x: number): number => m.left + ((x - xa.min) / (xa.max - xa.min)) * plotW;
  const sy = (y: number): number => m.top + plotH - ((y - ya.min) / (ya.max - ya.min)) * plotH;

  const out: string[] = [];
  out.push(
    `<svg class="chart-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(spec.desc)}</desc>`,
  );
  // y grid and labels
  out.push(`<g class="chart-grid" aria-hidden="true">`);
  for (const t of ya.ticks) {
    const y = f1(sy(t));
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y}" y2="${y}"${t === 0 ? ` class="chart-zero"` : ""}/>`);
    out.push(`<text class="chart-tick" x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatTick(t))}</text>`);
  }
  out.push(`<text class="chart-unit" x="${m.left - 6}" y="${m.top - 12}" text-anchor="end">${escapeXml(spec.unit)}</text>`);
  // x axis: a tick where each year begins, the year in the middle of its span
  const base = f1(m.top + plotH);
  out.push(`<line class="chart-axis" x1="${m.left}" x2="${width - m.right}" y1="${base}" y2="${base}"/>`);
  for (const t of xa.ticks) {
    const x = f1(sx(t));
    out.push(`<line class="chart-axis" x1="${x}" x2="${x}" y1="${base}" y2="${f1(m.top + plotH + 5)}"/>`);
  }
  for (const yr of xa.years) {
    out.push(`<text class="chart-tick" x="${f1(sx(yr * 12 + 6))}" y="${f1(m.top + plotH + 20)}" text-anchor="middle">${yr}</text>`);
  }
  out.push(`</g>`);
  // series
  const showValues = all.length <= 8;
  series.forEach((s, k) => {
    const cls = `chart-series chart-series-${k % 4}`;
    out.push(`<g class="${cls}">`);
    if (s.points.length > 1) {
      const d = s.points.map((p, i) => `${i ? "L" : "M"}${f1(sx(p.x))} ${f1(sy(p.y))}`).join(" ");
      out.push(`<path class="chart-line" d="${d}"/>`);
    }
    for (const p of s.points) {
      const cx = f1(sx(p.x));
      const cy = f1(sy(p.y));
      out.push(`<circle class="chart-point" cx="${cx}" cy="${cy}" r="4"><title>${escapeXml(`${p.label}：${formatTick(p.y)}${spec.unit}`)}</title></circle>`);
      if (showValues) out.push(`<text class="chart-value" x="${cx}" y="${f1(sy(p.y) - 9)}" text-anchor="middle" aria-hidden="true">${escapeXml(formatTick(p.y))}</text>`);
    }
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  return out.join("");
}
