import { createContext, finishDiagnostics } from "./context.js";
import { isSignOff } from "./extract/body.js";
import { isWhitespace } from "./extract/written.js";
import type { ParseOptions, ParseResult } from "./options.js";
import { buildArticle } from "./pipeline.js";
import type { Block } from "./types.js";

export { isWhitespace };

/** One source line: offsets of its content, indentation and trimmed length. */
interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just after the last character (line break excluded). */
  end: number;
  /** Offset of the first non-whitespace character (`end` when blank). */
  first: number;
  /** Offset just after the last non-whitespace character. */
  last: number;
  /** Indentation in columns (tab = 4). */
  indent: number;
}

/** Split the input into lines on LF, CRLF and CR. Linear. */
function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = input.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? input.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    let first = start;
    let indent = 0;
    while (first < i && isWhitespace(input.charCodeAt(first))) {
      indent += input.charCodeAt(first) === 9 ? 4 : 1;
      first++;
    }
    let last = i;
    while (last > first && isWhitespace(input.charCodeAt(last - 1))) last--;
    lines.push({ start, end: i, first, last, indent: first === i ? 0 : indent });
    if (c === 13 && i + 1 < n && input.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return lines;
}

/**
 * Make a block from the source range [from, to): whitespace runs become one space, and
 * `map` (when the text differs from the source) points every character back.
 */
function makeBlock(input: string, from: number, to: number, lines: number, maps: MapPool): Block {
  const span = { start: from, end: to };
  // up to the first whitespace that is not one space between two words, the text is the source
  let i = from;
  for (; i < to; i++) {
    const c = input.charCodeAt(i);
    if (isWhitespace(c) && (c !== 32 || (i + 1 < to && isWhitespace(input.charCodeAt(i + 1)))))
      break;
  }
  if (i === to) return { kind: "paragraph", text: input.slice(from, to), start: from, span, lines };
  // every other whitespace run becomes one space; the map lives in one buffer for the whole
  // input (one allocation, not one per paragraph)
  maps.buffer ??= new Int32Array(input.length + maps.lines + 1);
  const buffer = maps.buffer;
  const base = maps.used;
  let k = base;
  const parts: string[] = [];
  let copyFrom = from;
  while (i < to) {
    const c = input.charCodeAt(i);
    if (!isWhitespace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && isWhitespace(input.charCodeAt(j))) j++;
    if (c === 32 && j === i + 1) {
      i = j;
      continue;
    }
    for (let m = copyFrom; m < i; m++) buffer[k++] = m;
    buffer[k++] = i;
    parts.push(input.slice(copyFrom, i), " ");
    copyFrom = j;
    i = j;
  }
  for (let m = copyFrom; m < to; m++) buffer[k++] = m;
  buffer[k] = to;
  parts.push(input.slice(copyFrom, to));
  maps.used = k + 1;
  return {
    kind: "paragraph",
    text: parts.join(""),
    start: from,
    map: buffer.subarray(base, k + 1),
    span,
    lines,
  };
}

/**
 * Where the paragraphs' maps live: one buffer, big enough for every paragraph of the input
 * (each map has at most its source range's length plus one entries, and there are at most
 * as many paragraphs as lines).
 */
interface MapPool {
  buffer: Int32Array | undefined;
  used: number;
  lines: number;
}

/** Line-length counts for {@link wrapWidth}, reused from parse to parse. */
const LENGTH_COUNTS = new Uint32Array(1002);

/** The 95th-percentile length of non-blank lines (the wrap width of hard-wrapped text). */
function wrapWidth(input: string, lines: readonly Line[]): number {
  const counts = LENGTH_COUNTS;
  counts.fill(0);
  let total = 0;
  for (const l of lines) {
    if (l.first === l.end) continue;
    const len = Math.min(1001, l.last - l.start);
    counts[len] = (counts[len] ?? 0) + 1;
    total++;
  }
  void input;
  let seen = 0;
  for (let len = 0; len < counts.length; len++) {
    seen += counts[len] ?? 0;
    if (seen >= total * 0.95) return len;
  }
  return 1001;
}

/**
 * Split plain text into paragraph blocks, each with its span (first to last
 * non-whitespace character) and its text with whitespace runs collapsed:
 * - blank lines separate paragraphs;
 * - in indented text (Reuters: 4-space paragraph indents, unindented continuation lines)
 *   an indented line starts a paragraph and the lines under it continue it (an
 *   unindented first line is a title on its own);
 * - in hard-wrapped text (lines near one width, at most 150 columns) a long line
 *   continues into the next; otherwise every line is a paragraph.
 * Linear in the input length.
 *
 * @param input
 *   The plain text.
 * @returns
 *   Paragraph blocks in source order (none when the input has no text).
 */
export function textToBlocks(input: string): Block[] {
  const lines = splitLines(input);
  let minIndent = Number.POSITIVE_INFINITY;
  for (const l of lines) if (l.first < l.end) minIndent = Math.min(minIndent, l.indent);
  if (!Number.isFinite(minIndent)) return [];
  const rel = (l: Line): number => l.indent - minIndent;
  const blank = (l: Line | undefined): boolean => l === undefined || l.first === l.end;
  const width = wrapWidth(input, lines);
  // Indented mode: a long indented line followed by an unindented line that continues it.
  let evidence = 0;
  for (let i = 0; i + 1 < lines.length && evidence < 2; i++) {
    const a = lines[i] as Line;
    const b = lines[i + 1] as Line;
    if (!blank(a) && !blank(b) && rel(a) > 0 && rel(b) === 0 && a.last - a.start >= 40) evidence++;
  }
  const indented = evidence > 0;
  const wrapped = !indented && width >= 40 && width <= 150;
  let firstLine = -1;
  for (const l of lines) {
    if (!blank(l)) {
      firstLine = l.first;
      break;
    }
  }
  const blocks: Block[] = [];
  let from = -1;
  let to = -1;
  let count = 0;
  const maps: MapPool = { buffer: undefined, used: 0, lines: lines.length };
  const flush = (): void => {
    if (from >= 0) blocks.push(makeBlock(input, from, to, count, maps));
    from = -1;
    count = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (blank(l)) {
      flush();
      continue;
    }
    const prev = lines[i - 1];
    let continues = false;
    if (from >= 0 && prev && !blank(prev)) {
      // In indented text an unindented first line is a title, never wrapped.
      if (indented) continues = rel(l) === 0 && !(prev.first === firstLine && rel(prev) === 0);
      else if (wrapped) {
        continues = prev.last - prev.start >= width * 0.7 && (rel(l) === 0 || rel(l) === rel(prev));
      }
    }
    // A sign-off line ("REUTER...") never continues a paragraph.
    if (continues && l.last - l.first <= 40 && isSignOff(input.slice(l.first, l.last)))
      continues = false;
    if (!continues) flush();
    if (from < 0) from = l.first;
    to = l.last;
    count++;
  }
  flush();
  return blocks;
}

/**
 * Parse a plain-text article: headline, byline, dateline, body and quoted claims.
 *
 * @param input
 *   The article as plain text.
 * @param options
 *   Parse options (optional).
 * @returns
 *   The article (when the input has text) and diagnostics. Never throws on a string.
 * @throws {TypeError}
 *   When `input` is not a string.
 * @example
 *   parseText("Empty alert\nTEHRAN – On January 3, …").article?.dateline?.place
 *   //=> "TEHRAN"
 */
export function parseText(input: string, options?: ParseOptions | null): ParseResult {
  if (typeof input !== "string") throw new TypeError("Cannot `parseText` without a string input");
  const ctx = createContext(input, options);
  const blocks = textToBlocks(input);
  if (blocks.length === 0) {
    ctx.report("empty-input", "error", "Unexpected empty input, expected article text");
    return { diagnostics: finishDiagnostics(ctx) };
  }
  const article = buildArticle(blocks, ctx);
  return { article, diagnostics: finishDiagnostics(ctx) };
}
