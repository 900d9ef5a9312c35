/**
 * Front-matter dates to ISO 8601. Internal to the Markdown front end.
 */
import { MONTHS } from "../extract/words.js";

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:[ \t]*(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?))?$/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
/** "Friday, January 5th, 2024", "Jan. 5 2024", "5 January 2024" (names checked below). */
const WORDY =
  /^(?:([A-Za-z]+),?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$|^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

/** Weekday names and abbreviations (lower case) that may open a written date. */
const WEEKDAYS = new Set(
  "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday".split(
    " ",
  ),
);

function pad(n: number | string, width = 2): string {
  return String(n).padStart(width, "0");
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function offsetOf(raw: string): string {
  if (raw === "Z" || raw === "z" || raw === "UTC" || raw === "GMT") return "Z";
  const sign = raw[0];
  const digits = raw.slice(1).replace(":", "");
  const hours = digits.length <= 2 ? digits : digits.slice(0, digits.length - 2);
  const minutes = digits.length <= 2 ? "00" : digits.slice(-2);
  return `${sign}${pad(hours)}:${minutes}`;
}

/**
 * A front-matter date (a string as written, or a `Date` from a YAML 1.1 reader) as
 * ISO 8601: `YYYY-MM-DD` for a date, `YYYY-MM-DDTHH:MM:SS[.fff]` plus the offset as
 * written (`-4` becomes `-04:00`), local when none was written.
 *
 * @param value
 *   The front-matter value.
 * @returns
 *   The ISO string, or `undefined` when it is not a date.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return undefined;
    const iso = value.toISOString();
    if (time % 86_400_000 === 0) return iso.slice(0, 10);
    return iso.replace(".000Z", "Z");
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text.length > 64) return undefined;
  const m = DATE_TIME.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!isRealDay(year, month, day)) return undefined;
    const date = `${m[1]}-${pad(month)}-${pad(day)}`;
    if (m[4] === undefined) return m[8] === undefined ? date : undefined;
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    const time = `${pad(hour)}:${pad(minute)}:${pad(second)}${m[7] ?? ""}`;
    if (m[8] === undefined) return `${date}T${time}`;
    const offset = offsetOf(m[8]);
    const [oh, om] =
      offset === "Z" ? [0, 0] : [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
    if (oh > 23 || om > 59) return undefined;
    return `${date}T${time}${offset}`;
  }
  const s = SLASHED.exec(text);
  if (s) {
    const year = Number(s[1]);
    const month = Number(s[2]);
    const day = Number(s[3]);
    return isRealDay(year, month, day) ? `${s[1]}-${pad(month)}-${pad(day)}` : undefined;
  }
  const w = WORDY.exec(text);
  // a month's name or abbreviation ("Junebug" is none), after a weekday if anything
  if (w && (w[1] === undefined || WEEKDAYS.has(w[1].toLowerCase()))) {
    const month = MONTHS.get((w[2] ?? w[6] ?? "").toLowerCase()) ?? 0;
    const day = Number(w[3] ?? w[5]);
    const year = Number(w[4] ?? w[7]);
    if (month > 0 && isRealDay(year, month, day))
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  }
  return undefined;
}
