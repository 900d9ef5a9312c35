import * as z from "zod/mini";

/**
 * Publish a regex that a `refine` tests as the JSON Schema `pattern` of the schema
 * (zod's `toJSONSchema` cannot see into a `refine`), so that both read the same regex.
 * The regex has no flags and means the same in ECMA-262 `u` mode, as JSON Schema needs.
 */
function jsonSchemaPattern(pattern: RegExp): z.core.$ZodCheck<string> {
  return z.meta({ pattern: pattern.source });
}

/** `MM-DD` of a day that exists in some year (`02-29` included). */
const MONTH_DAY =
  "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))";
/** A leap year of the proleptic Gregorian calendar: divisible by 4, and by 400 when by 100. */
const LEAP_YEAR = "(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";

/** `YYYY-MM-DD` or `--MM-DD` in any shape, the day unchecked. */
const DATELINE_DATE_SHAPE = /^(?:\d{4}-|--)\d{2}-\d{2}$/;
/** A `YYYY-MM-DD` day that exists (Feb 29 in leap years only), or a `--MM-DD` day of some year. */
const DATELINE_DAY = new RegExp(
  `^(?:\\d{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29|--(?:${MONTH_DAY}|02-29))$`,
);

/** `http://` or `https://` (any case) and the first character of a host. */
const HTTP_URL_START = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[/\\]*[^/\\?#]/;

/** At least one character that is not whitespace (what `String.prototype.trim` removes). */
const NOT_BLANK = /\S/;

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
  z.regex(DATELINE_DATE_SHAPE, { error: "Expected YYYY-MM-DD or --MM-DD" }),
  z.refine((value) => DATELINE_DAY.test(value), {
    error: "Expected a day that exists in the calendar",
  }),
  // the exact days replace the shape in the JSON Schema
  jsonSchemaPattern(DATELINE_DAY),
  z.describe(
    "ISO 8601 date: YYYY-MM-DD when the year is known or resolved, --MM-DD when it is not.",
  ),
);

/** An absolute `http:` or `https:` URL with a host (no `javascript:`, `data:`, `mailto:`). */
export const AbsoluteUrlSchema = z.string().check(
  z.refine(
    (value) => {
      if (!HTTP_URL_START.test(value)) return false;
      const url = URL.parse(value);
      return url !== null && url.hostname !== "";
    },
    { error: "Expected an absolute http(s) URL" },
  ),
  // JSON Schema cannot parse a URL: it checks the scheme and the start of a host
  jsonSchemaPattern(HTTP_URL_START),
  z.describe("Absolute http(s) URL."),
);

/** A string with at least one non-whitespace character. */
export const NonEmptyStringSchema = z.string().check(
  z.refine((value) => NOT_BLANK.test(value), { error: "Expected a non-empty string" }),
  jsonSchemaPattern(NOT_BLANK),
);
