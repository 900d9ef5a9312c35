import * as z from "zod/mini";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year-month-day` is a day that exists in the proleptic Gregorian calendar. */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * ISO 8601 date-time with an offset (`2024-01-05T08:00:00+08:00`, `...Z`) or a local
 * date-time, or a calendar date (`2024-01-05`). The offset given is kept as written.
 */
export const IsoDateTimeSchema = z
  .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()])
  .check(
    z.describe(
      "ISO 8601 date (YYYY-MM-DD) or date-time; a date-time keeps the UTC offset it was given.",
    ),
  );

/**
 * A dateline date: `YYYY-MM-DD` when the year is known, `--MM-DD` when it is not.
 */
export const DatelineDateSchema = z.string().check(
  z.regex(/^(?:\d{4}-|--)\d{2}-\d{2}$/, { error: "Expected YYYY-MM-DD or --MM-DD" }),
  z.refine(
    (value) => {
      const full = ISO_DATE.exec(value.startsWith("--") ? `2000${value.slice(1)}` : value);
      return full !== null && isRealDay(Number(full[1]), Number(full[2]), Number(full[3]));
    },
    { error: "Expected a day that exists in the calendar" },
  ),
  z.describe(
    "ISO 8601 date: YYYY-MM-DD when the year is known or resolved, --MM-DD when it is not.",
  ),
);

/** An absolute `http:` or `https:` URL with a host (no `javascript:`, `data:`, `mailto:`). */
export const AbsoluteUrlSchema = z.string().check(
  z.refine(
    (value) => {
      if (!/^https?:\/\//i.test(value)) return false;
      const url = URL.parse(value);
      return url !== null && url.hostname !== "";
    },
    { error: "Expected an absolute http(s) URL" },
  ),
  z.describe("Absolute http(s) URL."),
);

/** A string with at least one non-whitespace character. */
export const NonEmptyStringSchema = z
  .string()
  .check(z.refine((value) => value.trim().length > 0, { error: "Expected a non-empty string" }));
