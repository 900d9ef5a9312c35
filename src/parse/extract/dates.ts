/**
 * Month-day dates as written in datelines ("March 5", "MAR 5", "Sept. 5", "5 March",
 * "Jan. 3, 2024") and their resolution against a reference date (date-fns).
 * Internal: not part of the public API.
 */
import { addYears, differenceInCalendarDays, formatISO, isExists } from "date-fns";
import { MONTHS } from "./words.js";

/** A month-day date found in text, with its extent in that text. */
export interface WrittenDate {
  /** Month, 1-12. */
  month: number;
  /** Day of the month as written (may not exist in that month). */
  day: number;
  /** Year when written ("Jan. 3, 2024"). */
  year?: number | undefined;
  /** Offset of the first character of the date in the text searched. */
  start: number;
  /** Offset just after the date. */
  end: number;
}

/** The month number of a written month token ("Sept.", "MAR", "march"), or undefined. */
export function monthNumber(token: string): number | undefined {
  const key = token.toLowerCase();
  return MONTHS.get(key.endsWith(".") ? key.slice(0, -1) : key);
}

/**
 * Read a day token ("5", "05", "5th"): one or two digits, maybe an ordinal suffix in
 * either case (what `/^(\d{1,2})(?:st|nd|rd|th)?$/i` matches), 1 to 31.
 */
function dayNumber(token: string): number | undefined {
  let n = 0;
  let i = 0;
  for (; i < 2 && i < token.length; i++) {
    const d = token.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = 10 * n + d;
  }
  if (i === 0) return undefined;
  if (i < token.length && !(i + 2 === token.length && ORDINAL.has(token.slice(i).toLowerCase())))
    return undefined;
  return n >= 1 && n <= 31 ? n : undefined;
}

/** Ordinal suffixes of a day. */
const ORDINAL = new Set(["st", "nd", "rd", "th"]);

/** Tokens of `text` with their offsets, split on spaces (text is whitespace-collapsed). */
interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && text.charCodeAt(i) !== 32) i++;
    out.push({ text: text.slice(start, i), start, end: i });
  }
  return out;
}

/**
 * Read a date that makes up the END of `text` ("LONDON, March 5" -> March 5): "March 5",
 * "MAR 5", "Sept. 5", "5 March", "Jan. 3, 2024", "March 5th". Trailing commas are not
 * part of `text`'s date.
 */
export function dateAtEnd(text: string): WrittenDate | undefined {
  const t = tokens(text);
  const n = t.length;
  if (n < 2) return undefined;
  const last = t[n - 1] as Token;
  const prev = t[n - 2] as Token;
  // ... Month Day, Year
  if (n >= 3 && /^\d{4}$/.test(last.text) && prev.text.endsWith(",")) {
    const inner = dateAtEnd(text.slice(0, prev.end - 1));
    if (inner && inner.end === prev.end - 1)
      return { ...inner, year: Number(last.text), end: last.end };
  }
  // Month Day
  const month = monthNumber(prev.text);
  const day = dayNumber(last.text);
  if (month !== undefined && day !== undefined) {
    return { month, day, start: prev.start, end: last.end };
  }
  // Day Month [Year]
  const m2 = monthNumber(last.text);
  const d2 = dayNumber(prev.text);
  if (m2 !== undefined && d2 !== undefined)
    return { month: m2, day: d2, start: prev.start, end: last.end };
  if (n >= 3 && /^\d{4}$/.test(last.text)) {
    const m3 = monthNumber(prev.text);
    const before = t[n - 3] as Token;
    const d3 = dayNumber(before.text);
    if (m3 !== undefined && d3 !== undefined) {
      return { month: m3, day: d3, year: Number(last.text), start: before.start, end: last.end };
    }
  }
  return undefined;
}

/**
 * Read a date at the START of `text` ("March 6 - ..."), same forms as {@link dateAtEnd}.
 */
export function dateAtStart(text: string): WrittenDate | undefined {
  const t = tokens(text.slice(0, 40));
  const a = t[0];
  const b = t[1];
  if (!a || !b) return undefined;
  const month = monthNumber(a.text);
  const day = dayNumber(b.text.replace(/,$/, ""));
  if (month !== undefined && day !== undefined) {
    return { month, day, start: a.start, end: b.end - (b.text.endsWith(",") ? 1 : 0) };
  }
  const d2 = dayNumber(a.text);
  const m2 = monthNumber(b.text.replace(/,$/, ""));
  if (d2 !== undefined && m2 !== undefined) {
    return { month: m2, day: d2, start: a.start, end: b.end - (b.text.endsWith(",") ? 1 : 0) };
  }
  return undefined;
}

/** How a written date was resolved. */
export interface ResolvedDate {
  /** `YYYY-MM-DD` or `--MM-DD`. */
  iso: string;
  /** Whether the year was chosen from the reference date (not written). */
  guessedYear: boolean;
  /** Days between the resolved date and the reference date (when there is one). */
  distance?: number;
}

/** Days of each month in 2000 (February of a leap year). */
const DAYS_IN_2000 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A month or day in two digits. */
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Resolve a written date to ISO 8601: the written year if any; otherwise the year that
 * puts the date nearest to `reference` (so "Dec. 30" read on Jan. 2 is last year's and a
 * local date a day ahead stays this year's); without a reference, `--MM-DD`.
 *
 * @returns
 *   The ISO date, or undefined when the day does not exist (Feb. 30).
 */
export function resolveDate(
  date: WrittenDate,
  reference: Date | undefined,
): ResolvedDate | undefined {
  const { month, day } = date;
  if (date.year !== undefined) {
    if (!isExists(date.year, month - 1, day)) return undefined;
    return {
      iso: `${String(date.year).padStart(4, "0")}-${pad(month)}-${pad(day)}`,
      guessedYear: false,
    };
  }
  // (2000 is a leap year: the day exists in some year)
  if (day > (DAYS_IN_2000[month - 1] ?? 0)) return undefined;
  if (!reference) return { iso: `--${pad(month)}-${pad(day)}`, guessedYear: true };
  // Work on the calendar day of the reference in UTC, as a local date for date-fns.
  const ref = new Date(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate());
  let best: { date: Date; distance: number } | undefined;
  for (const offset of [0, -1, 1]) {
    const year = addYears(ref, offset).getFullYear();
    if (!isExists(year, month - 1, day)) continue;
    const candidate = new Date(year, month - 1, day);
    const distance = differenceInCalendarDays(candidate, ref);
    if (!best || Math.abs(distance) < Math.abs(best.distance)) best = { date: candidate, distance };
  }
  if (!best) return { iso: `--${pad(month)}-${pad(day)}`, guessedYear: true };
  return {
    iso: formatISO(best.date, { representation: "date" }),
    guessedYear: true,
    distance: best.distance,
  };
}
