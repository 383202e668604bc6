/** Parsing and checking the date forms the record allows: YYYY, YYYY-MM, YYYY-MM-DD. */

const pad = (n: number): string => String(n).padStart(2, "0");

/** Is this a real calendar date of the allowed precision (1949–2100)? */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < 1949 || y > 2100) return false;
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

export function formatDate(y: number, m?: number, d?: number): string | null {
  const s = m === undefined ? `${y}` : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
  return isValidDate(s) ? s : null;
}

/**
 * Find a full calendar date written in any common way: 2013-02-20, 2013/2/20,
 * 2013.02.20, 2013年2月20日, "2013 02/20" (a year and a month/day split by the
 * page layout). Returns YYYY-MM-DD or null.
 */
export function parseFullDate(text: string): string | null {
  const forms = [
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/u,
    /(\d{4})\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?!\d)/u,
  ];
  for (const re of forms) {
    const m = re.exec(text);
    if (m) return formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** A date as an editor might give it in front matter: string, number (a year) or Date. */
export function coerceDate(value: unknown): string | null {
  if (typeof value === "number" && Number.isInteger(value)) return isValidDate(String(value)) ? String(value) : null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return formatDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (isValidDate(s)) return s;
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$/u.exec(s);
  if (m) return formatDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  return null;
}
