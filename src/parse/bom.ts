/**
 * A leading byte order mark, ignored alike by every front end. Internal: not part of the
 * public API.
 */
import { createLocator } from "../diagnostic.js";
import type { ParseResult } from "./options.js";

/**
 * Parse `input` as if it had no leading byte order mark (U+FEFF): `parse` reads the text
 * after it, and every span of the result (article and diagnostics) is then shifted by one
 * code unit, so that spans index `input` as given. Without a mark, `parse(input)`.
 *
 * @param input
 *   The text as given.
 * @param parse
 *   The front end's parse of a text without a mark.
 * @returns
 *   The result, its spans into `input`.
 */
export function parseWithoutBom(
  input: string,
  parse: (source: string) => ParseResult,
): ParseResult {
  if (input.charCodeAt(0) !== 0xfeff) return parse(input);
  return shiftResult(parse(input.slice(1)), input);
}

/** Shift every span in a result by one code unit (a dropped byte order mark). */
function shiftResult(result: ParseResult, input: string): ParseResult {
  const shift = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) shift(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (
      typeof record.start === "number" &&
      typeof record.end === "number" &&
      Object.keys(record).length === 2
    ) {
      record.start += 1;
      record.end += 1;
      return;
    }
    for (const child of Object.values(record)) shift(child);
  };
  if (result.article) shift(result.article);
  const locate = createLocator(input);
  for (const d of result.diagnostics) {
    if (!d.span) continue;
    d.span = { start: d.span.start + 1, end: d.span.end + 1 };
    d.start = locate(d.span.start);
    d.end = locate(d.span.end);
  }
  return result;
}
