/**
 * The one rule for the `text` and `span` of what an extractor takes from a block
 * (a byline, a dateline). Internal: not part of the public API.
 */
import type { Span } from "../../schema/span.js";
import { isWhitespace } from "../../util/chars.js";
import { type Segment, sourceSpan } from "../types.js";

/** A piece of a block as written: its text and where it is in the source. */
export interface Written {
  /** The text without markup, whitespace as written in the source. */
  text: string;
  /** From the first to the last character of `text` in the source. */
  span: Span;
}

/**
 * The text of `segment.text.slice(from, to)` as written, without markup, and its span.
 *
 * - `span` runs from the source offset of the first character of the (trimmed) slice
 *   to just after its last character, so it never starts or ends on markup
 *   (`*By Jane Doe*` gives the span of `By Jane Doe`).
 * - `text` is the segment's plain text (markup removed: emphasis markers, escapes,
 *   character references decoded), with each whitespace run as it is written in the
 *   source (line breaks, indentation). Markup between the characters is left out.
 *
 * The plain-text front end has no markup, so there `source.slice(span.start, span.end)`
 * is exactly `text`. Linear in the length of the span.
 *
 * @param segment
 *   The block (or part of one) with its map into the source.
 * @param from
 *   Start offset in `segment.text`.
 * @param to
 *   End offset in `segment.text` (exclusive).
 * @param source
 *   The exact string that was parsed.
 * @returns
 *   The text and span, or undefined when the slice has no text.
 */
export function writtenText(
  segment: Segment,
  from: number,
  to: number,
  source: string,
): Written | undefined {
  const plain = segment.text;
  let a = Math.max(0, from);
  let b = Math.min(plain.length, to);
  while (a < b && isWhitespace(plain.charCodeAt(a))) a++;
  while (b > a && isWhitespace(plain.charCodeAt(b - 1))) b--;
  if (b <= a) return undefined;
  const span = sourceSpan(segment, a, b);
  const map = segment.map;
  if (!map) return { text: source.slice(span.start, span.end), span };
  // the characters between whitespace runs are copied as they are
  let text = "";
  let copied = a;
  for (let i = a; i < b; i++) {
    const c = plain.charCodeAt(i);
    if (!isWhitespace(c)) continue;
    // A whitespace run of the plain text: the source's whitespace up to the next character.
    const runStart = map[i] ?? span.start;
    const runEnd = Math.min(map[i + 1] ?? runStart, span.end);
    let ws = "";
    for (let k = runStart; k < runEnd; k++) {
      const s = source.charCodeAt(k);
      if (isWhitespace(s)) ws += source[k];
    }
    text += plain.slice(copied, i) + (ws === "" ? plain[i] : ws);
    copied = i + 1;
  }
  text += plain.slice(copied, b);
  return { text, span };
}
