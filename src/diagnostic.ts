import type { Span } from "./schema/span.js";
import { LineEnds } from "./util/lines.js";

/** A place in the input: 1-based line and column, 0-based UTF-16 offset. */
export interface Point {
  /** Line, 1-based. */
  line: number;
  /** Column, 1-based, in UTF-16 code units. */
  column: number;
  /** Offset, 0-based, in UTF-16 code units. */
  offset: number;
}

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info";

/**
 * A message about the input: why a field is missing, what was guessed, what was dropped.
 * Diagnostics are data, never exceptions.
 */
export interface Diagnostic {
  /** Stable rule id, kebab-case (`missing-headline`, `unattributed-quote`). */
  ruleId: string;
  /** Always `"article-model"`. */
  source: "article-model";
  /** `error`: the input is broken; `warning`: something was guessed or dropped; `info`: a note. */
  severity: Severity;
  /** A human sentence ("Unexpected …, expected …"). */
  message: string;
  /** Offsets into the parsed input, where there is a place. */
  span?: Span;
  /** Line/column of `span.start`, where there is a place. */
  start?: Point;
  /** Line/column of `span.end`, where there is a place. */
  end?: Point;
}

/**
 * Build an index of `input` that turns offsets into line/column points. Lines end at LF,
 * CRLF or CR. The index is built as far as the points asked for need it (all of it, in
 * linear time, at most).
 *
 * @param input
 *   The string that was parsed.
 * @returns
 *   A function from offset to point.
 */
export function createLocator(input: string): (offset: number) => Point {
  const lineStarts: number[] = [0];
  // every line start up to `scanned` (the last one found) is in `lineStarts`
  const ends = new LineEnds(input);
  let scanned = 0;
  const scanTo = (at: number): void => {
    while (scanned <= at) {
      const end = ends.endOf(scanned);
      if (end === input.length) {
        scanned = Number.POSITIVE_INFINITY;
        return;
      }
      scanned = ends.nextStart(end);
      lineStarts.push(scanned);
    }
  };
  return (offset) => {
    const at = Math.max(0, Math.min(offset, input.length));
    scanTo(at);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (lineStarts[lo] ?? 0) + 1, offset: at };
  };
}

/**
 * Format a diagnostic as `file:line:column severity rule-id message`.
 *
 * @param diagnostic
 *   The diagnostic.
 * @param file
 *   Name shown before the position (optional).
 * @returns
 *   One line of text.
 */
export function formatDiagnostic(diagnostic: Diagnostic, file = "<input>"): string {
  const where = diagnostic.start ? `${diagnostic.start.line}:${diagnostic.start.column}` : "1:1";
  // one line, whatever the message quotes (JSON.parse's messages quote the input)
  const message = diagnostic.message.replace(LINE_BREAKS, " ");
  return `${file}:${where} ${diagnostic.severity} ${diagnostic.ruleId} ${message}`;
}

/** Line breaks of any kind, with the spaces around them. */
const LINE_BREAKS = /[ \t]*(?:\r\n?|[\n\u2028\u2029])[ \t]*/g;
