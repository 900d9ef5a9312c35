import { LineEnds } from "../util/lines.js";
import { writeOffsets } from "../util/offsets.js";
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
  const n = input.length;
  const ends = new LineEnds(input);
  let start = 0;
  for (;;) {
    const end = ends.endOf(start);
    let first = start;
    let indent = 0;
    while (first < end && isWhitespace(input.charCodeAt(first))) {
      indent += input.charCodeAt(first) === 9 ? 4 : 1;
      first++;
    }
    let last = end;
    while (last > first && isWhitespace(input.charCodeAt(last - 1))) last--;
    lines.push({ start, end, first, last, indent: first === end ? 0 : indent });
    if (end === n) return lines;
    start = ends.nextStart(end);
  }
}

/**
 * Finds, line after line, the whitespace runs that are not one space: two spaces, or
 * whitespace other than a space (lines hold no LF or CR), maybe after a space. Native
 * searches (`indexOf`, a character-class regex) find the next of each in the rest of the
 * input, so the lines before it are not scanned character by character; each search
 * starts where the last one stopped (linear in the input length).
 */
class RunFinder {
  /** The next two spaces at or after where the last search for them started; -1: none. */
  private double = -2;
  /** The next whitespace other than a space, LF or CR, likewise. */
  private other = -2;

  constructor(private readonly input: string) {}

  /**
   * Where the first run in `input[from, to)` starts, or `to`. `from` never goes back
   * from call to call, and neither `input[from]` nor `input[to - 1]` is whitespace (so
   * a run found is inside the range).
   */
  at(from: number, to: number): number {
    const input = this.input;
    if (this.double !== -1 && this.double < from) this.double = input.indexOf("  ", from);
    if (this.other !== -1 && this.other < from) {
      OTHER_SPACE.lastIndex = from;
      // a match is one character long
      this.other = OTHER_SPACE.test(input) ? OTHER_SPACE.lastIndex - 1 : -1;
    }
    let at = this.double === -1 || this.double > to ? to : this.double;
    if (this.other !== -1 && this.other < at) {
      // " \t": the run starts at the space
      at = input.charCodeAt(this.other - 1) === 32 ? this.other - 1 : this.other;
    }
    return at;
  }
}

/** Whitespace other than a space, LF or CR. */
const OTHER_SPACE = /[^\S \n\r]/g;

/**
 * Make a block of the (consecutive, non-blank) lines `lines[a, b)`: its text runs from
 * the first line's first to the last line's last non-whitespace character, whitespace
 * runs become one space, and `map` (when the text differs from the source) points every
 * character back.
 */
function makeBlock(
  input: string,
  lines: readonly Line[],
  a: number,
  b: number,
  runs: RunFinder,
  maps: MapPool,
): Block {
  const from = (lines[a] as Line).first;
  const to = (lines[b - 1] as Line).last;
  const span = { start: from, end: to };
  const count = b - a;
  // one line with single spaces between its words: the text is the source
  if (count === 1 && runs.at(from, to) === to)
    return { kind: "paragraph", text: input.slice(from, to), start: from, span, lines: count };
  // every other whitespace run becomes one space; the map lives in one buffer for the whole
  // input (one allocation, not one per paragraph)
  maps.buffer ??= mapBuffer(input.length + maps.lines + 1, maps.reuse);
  const buffer = maps.buffer;
  const base = maps.used;
  let k = base;
  const parts: string[] = [];
  for (let l = a; l < b; l++) {
    const { first, last } = lines[l] as Line;
    let copyFrom = first;
    // the runs inside the line (each ends before `last`, which follows a non-whitespace)
    for (let i = runs.at(first, last); i < last; ) {
      let j = i + 1;
      while (isWhitespace(input.charCodeAt(j))) j++;
      k = writeOffsets(buffer, k, copyFrom, i);
      buffer[k++] = i;
      parts.push(input.slice(copyFrom, i));
      copyFrom = j;
      i = runs.at(j, last);
    }
    k = writeOffsets(buffer, k, copyFrom, last);
    parts.push(input.slice(copyFrom, last));
    // the space for the run from this line to the next (a line break in it); after the
    // last line, the end (`to`)
    buffer[k++] = last;
  }
  maps.used = k;
  return {
    kind: "paragraph",
    text: parts.join(" "),
    start: from,
    map: buffer.subarray(base, k),
    span,
    lines: count,
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
  /** Whether the buffer may be the one shared from parse to parse ({@link mapBuffer}). */
  reuse: boolean;
}

/** The map buffer shared from parse to parse, see {@link mapBuffer}. */
let sharedMaps: Int32Array | undefined;
/** Largest buffer kept from parse to parse (entries; 4 MB). */
const MAX_SHARED_MAPS = 1 << 20;

/**
 * A buffer of at least `size` entries for the maps of one input. With `reuse` (a caller
 * that is done with its blocks before the next parse: {@link parseText}), the same
 * buffer serves parse after parse (a new typed array per parse is costly); nothing of an
 * earlier parse is read, as every map is written before it is made.
 */
function mapBuffer(size: number, reuse: boolean): Int32Array {
  if (!reuse || size > MAX_SHARED_MAPS) return new Int32Array(size);
  if (sharedMaps === undefined || sharedMaps.length < size)
    sharedMaps = new Int32Array(
      Math.min(MAX_SHARED_MAPS, Math.max(size, 2 * (sharedMaps?.length ?? 0))),
    );
  return sharedMaps;
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
 * @param reuse
 *   Let the blocks' maps live in a buffer that the next call with `reuse` overwrites:
 *   only for a caller that is done with the blocks by then (default false).
 * @returns
 *   Paragraph blocks in source order (none when the input has no text).
 */
export function textToBlocks(input: string, reuse = false): Block[] {
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
  // the open block: lines[open, i)
  let open = -1;
  const runs = new RunFinder(input);
  const maps: MapPool = { buffer: undefined, used: 0, lines: lines.length, reuse };
  const flush = (end: number): void => {
    if (open >= 0) blocks.push(makeBlock(input, lines, open, end, runs, maps));
    open = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (blank(l)) {
      flush(i);
      continue;
    }
    const prev = lines[i - 1];
    let continues = false;
    if (open >= 0 && prev && !blank(prev)) {
      // In indented text an unindented first line is a title, never wrapped.
      if (indented) continues = rel(l) === 0 && !(prev.first === firstLine && rel(prev) === 0);
      else if (wrapped) {
        continues = prev.last - prev.start >= width * 0.7 && (rel(l) === 0 || rel(l) === rel(prev));
      }
    }
    // A sign-off line ("REUTER...") never continues a paragraph.
    if (continues && l.last - l.first <= 40 && isSignOff(input.slice(l.first, l.last)))
      continues = false;
    if (!continues) flush(i);
    if (open < 0) open = i;
  }
  flush(lines.length);
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
  // the blocks are dropped before this returns: their maps may share the buffer
  const blocks = textToBlocks(input, true);
  if (blocks.length === 0) {
    ctx.report("empty-input", "error", "Unexpected empty input, expected article text");
    return { diagnostics: finishDiagnostics(ctx) };
  }
  const article = buildArticle(blocks, ctx);
  return { article, diagnostics: finishDiagnostics(ctx) };
}
