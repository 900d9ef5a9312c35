import { isWhitespace } from "../util/chars.js";
import { LineEnds } from "../util/lines.js";
import { writeOffsets } from "../util/offsets.js";
import { parseWithoutBom } from "./bom.js";
import { createContext, finishDiagnostics } from "./context.js";
import { isSignOffAt } from "./extract/body.js";
import type { ParseOptions, ParseResult } from "./options.js";
import { buildArticle } from "./pipeline.js";
import type { Block } from "./types.js";

export { isWhitespace };

/**
 * The input's lines, one entry per line in each column: `first` and `last` are the
 * offsets of the first non-whitespace character and just after the last one (both the
 * line's end when it is blank: `first === last` only then), `start` the line's first
 * offset and `indent` its indentation in columns (tab = 4; 0 when blank). The columns
 * are reused from parse to parse (see {@link lineTable}).
 */
interface Lines {
  /** How many lines there are (the columns may be longer). */
  count: number;
  start: Int32Array;
  first: Int32Array;
  last: Int32Array;
  indent: Int32Array;
}

/** The line table shared from parse to parse, see {@link lineTable}. */
let sharedLines: Lines | undefined;
/** Most lines the shared table holds (4 columns of 4 bytes: 1 MB). */
const MAX_SHARED_LINES = 1 << 16;

/**
 * A line table with room for `size` lines: the shared one (grown as needed) when `reuse`
 * allows it and it is not too big; otherwise a new one.
 */
function lineTable(size: number, reuse: boolean): Lines {
  const make = (n: number): Lines => ({
    count: 0,
    start: new Int32Array(n),
    first: new Int32Array(n),
    last: new Int32Array(n),
    indent: new Int32Array(n),
  });
  if (!reuse || size > MAX_SHARED_LINES) return make(size);
  if (sharedLines === undefined || sharedLines.start.length < size)
    sharedLines = make(
      Math.min(MAX_SHARED_LINES, Math.max(size, 2 * (sharedLines?.start.length ?? 32))),
    );
  sharedLines.count = 0;
  return sharedLines;
}

/**
 * What one pass over the lines finds besides the lines: the smallest indentation of a
 * non-blank line (-1: none), the first non-blank line's first offset, and the length
 * counts of non-blank lines for {@link wrapWidth}.
 */
interface LineStats {
  minIndent: number;
  firstLine: number;
  nonBlank: number;
}

/** Split the input into lines on LF, CRLF and CR. Linear. */
function splitLines(input: string, reuse: boolean, stats: LineStats): Lines {
  const n = input.length;
  const ends = new LineEnds(input);
  // (grown as lines come)
  let lines = lineTable(64, reuse);
  const counts = LENGTH_COUNTS;
  // (only the counts the last parse set are cleared)
  counts.fill(0, 0, countsUsed);
  countsUsed = 0;
  let minIndent = -1;
  let firstLine = -1;
  let nonBlank = 0;
  let start = 0;
  for (let i = 0; ; i++) {
    if (i === lines.start.length) lines = grow(lines, reuse);
    const end = ends.endOf(start);
    let first = start;
    let indent = 0;
    while (first < end && isWhitespace(input.charCodeAt(first))) {
      indent += input.charCodeAt(first) === 9 ? 4 : 1;
      first++;
    }
    let last = end;
    while (last > first && isWhitespace(input.charCodeAt(last - 1))) last--;
    if (first === end) indent = 0;
    else {
      if (minIndent < 0 || indent < minIndent) minIndent = indent;
      if (firstLine < 0) firstLine = first;
      const len = last - start;
      const at = Math.min(len, 1001);
      counts[at] = (counts[at] ?? 0) + 1;
      if (at >= countsUsed) countsUsed = at + 1;
      nonBlank++;
    }
    lines.start[i] = start;
    lines.first[i] = first;
    lines.last[i] = last;
    lines.indent[i] = indent;
    if (end === n) {
      lines.count = i + 1;
      stats.minIndent = minIndent;
      stats.firstLine = firstLine;
      stats.nonBlank = nonBlank;
      return lines;
    }
    start = ends.nextStart(end);
  }
}

/** A line table twice as big as `lines`, holding its lines. */
function grow(lines: Lines, reuse: boolean): Lines {
  const size = 2 * lines.start.length;
  const out = lineTable(size, reuse);
  out.start.set(lines.start);
  out.first.set(lines.first);
  out.last.set(lines.last);
  out.indent.set(lines.indent);
  return out;
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
  /** The next of each of {@link LATIN1_OTHERS} and {@link WIDE_SPACE}, likewise. */
  private readonly others = [-2, -2, -2, -2, -2];
  /** The first of `others` (-1: none). */
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
    if (this.other !== -1 && this.other < from) this.other = this.nextOther(from);
    let at = this.double === -1 || this.double > to ? to : this.double;
    if (this.other !== -1 && this.other < at) {
      // " \t": the run starts at the space
      at = input.charCodeAt(this.other - 1) === 32 ? this.other - 1 : this.other;
    }
    return at;
  }

  /**
   * The first whitespace other than a space, LF or CR at or after `from` (-1: none). Each
   * kind is looked for again only when the last one found of it is behind `from`.
   */
  private nextOther(from: number): number {
    const input = this.input;
    const others = this.others;
    let first = -1;
    for (let k = 0; k < others.length; k++) {
      let at = others[k] as number;
      if (at !== -1 && at < from) {
        const char = LATIN1_OTHERS[k];
        if (char !== undefined) at = input.indexOf(char, from);
        else {
          WIDE_SPACE.lastIndex = from;
          // a match is one character long
          at = WIDE_SPACE.test(input) ? WIDE_SPACE.lastIndex - 1 : -1;
        }
        others[k] = at;
      }
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    return first;
  }
}

/**
 * The whitespace characters up to U+00FF other than a space, LF or CR: each found with
 * `indexOf` (a fast native search, much faster than a regex over the text).
 */
const LATIN1_OTHERS = ["\t", "\v", "\f", "\u00a0"];
/**
 * The whitespace characters above U+00FF (the rest of `\s`); a regex fails at once on a
 * string of Latin-1 characters.
 */
const WIDE_SPACE = /[\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/**
 * Make a block of the (consecutive, non-blank) lines `lines[a, b)`: its text runs from
 * the first line's first to the last line's last non-whitespace character, whitespace
 * runs become one space, and `map` (when the text is not the source with single line
 * breaks as spaces) points every character back.
 */
function makeBlock(
  input: string,
  lines: Lines,
  a: number,
  b: number,
  runs: RunFinder,
  maps: MapPool,
): Block {
  const firsts = lines.first;
  const lasts = lines.last;
  const from = firsts[a] as number;
  const to = lasts[b - 1] as number;
  const span = { start: from, end: to };
  const count = b - a;
  // Lines [a, l) so far have single spaces between their words and a line break of one
  // character (LF or CR) after them: the text is the source with those breaks as spaces,
  // every character where it is in the source (no map). From the first other line on
  // (`buffer` set), every other whitespace run becomes one space and the map, in one
  // buffer for the whole input (one allocation, not one per paragraph), points back.
  let buffer: Int32Array | undefined;
  const parts: string[] = [];
  let k = maps.used;
  for (let l = a; l < b; l++) {
    const first = firsts[l] as number;
    const last = lasts[l] as number;
    let i = runs.at(first, last);
    if (buffer === undefined) {
      if (i === last && (l + 1 === b || last + 1 === firsts[l + 1])) continue;
      buffer = maps.buffer ??= mapBuffer(input.length + maps.lines + 1, maps.reuse);
      for (let m = a; m < l; m++) {
        k = writeOffsets(buffer, k, firsts[m] as number, lasts[m] as number);
        parts.push(input.slice(firsts[m], lasts[m]));
        buffer[k++] = lasts[m] as number;
      }
    }
    let copyFrom = first;
    // the runs inside the line (each ends before `last`, which follows a non-whitespace)
    while (i < last) {
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
  if (buffer === undefined) {
    const text = input.slice(from, to);
    return {
      kind: "paragraph",
      // (a regex replace makes a flat string: `replaceAll` makes a rope, slower to read)
      text: count === 1 ? text : text.replace(LINE_BREAK, " "),
      start: from,
      span,
      lines: count,
    };
  }
  const base = maps.used;
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

/** A line break character. */
const LINE_BREAK = /[\n\r]/g;

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

/**
 * Line-length counts for {@link wrapWidth}, filled by {@link splitLines}; reused from
 * parse to parse.
 */
const LENGTH_COUNTS = new Uint32Array(1002);
/** The entries of {@link LENGTH_COUNTS} that may not be 0: `[0, countsUsed)`. */
let countsUsed = LENGTH_COUNTS.length;

/**
 * The 95th-percentile length of the `nonBlank` non-blank lines counted in
 * {@link LENGTH_COUNTS} (the wrap width of hard-wrapped text).
 */
function wrapWidth(nonBlank: number): number {
  const counts = LENGTH_COUNTS;
  let seen = 0;
  for (let len = 0; len < counts.length; len++) {
    seen += counts[len] ?? 0;
    if (seen >= nonBlank * 0.95) return len;
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
 *   continues into the next; otherwise every line is a paragraph;
 * - a sign-off line ("REUTER", "-30-") among the last lines, after which only blank
 *   lines and sign-offs follow, is a paragraph of its own.
 * Linear in the input length.
 *
 * @param input
 *   The plain text.
 * @param reuse
 *   Let the blocks' maps (and the line table) live in buffers that the next call with
 *   `reuse` overwrites: only for a caller that is done with the blocks by then (default
 *   false).
 * @returns
 *   Paragraph blocks in source order (none when the input has no text).
 */
export function textToBlocks(input: string, reuse = false): Block[] {
  const stats: LineStats = { minIndent: -1, firstLine: -1, nonBlank: 0 };
  const lines = splitLines(input, reuse, stats);
  const { minIndent, firstLine } = stats;
  if (minIndent < 0) return [];
  const { count: n, start: starts, first: firsts, last: lasts, indent: indents } = lines;
  const width = wrapWidth(stats.nonBlank);
  // (a line is blank when first === last; `rel` is its indent over the least one)
  // Indented mode: a long indented line followed by an unindented line that continues it.
  let indented = false;
  for (let i = 0; i + 1 < n && !indented; i++) {
    const a = indents[i] as number;
    indented =
      a > minIndent &&
      indents[i + 1] === minIndent &&
      firsts[i + 1] !== lasts[i + 1] &&
      (lasts[i] as number) - (starts[i] as number) >= 40;
  }
  const wrapped = !indented && width >= 40 && width <= 150;
  const blocks: Block[] = [];
  // the open block: lines[open, i)
  let open = -1;
  const runs = new RunFinder(input);
  const maps: MapPool = { buffer: undefined, used: 0, lines: n, reuse };
  // The sign-off lines at the end ("REUTER", "-30-"): lines [tail, n) are blank or
  // sign-offs. Only there does a sign-off line start a paragraph of its own (one the body
  // drops); a line that looks like one inside the text ("told\nReuters.") is wrapped prose.
  let tail = n;
  while (tail > 0) {
    const first = firsts[tail - 1] as number;
    const last = lasts[tail - 1] as number;
    if (first !== last && !isSignOffAt(input, first, last)) break;
    tail--;
  }
  for (let i = 0; i < n; i++) {
    const first = firsts[i] as number;
    const last = lasts[i] as number;
    if (first === last) {
      if (open >= 0) blocks.push(makeBlock(input, lines, open, i, runs, maps));
      open = -1;
      continue;
    }
    let continues = false;
    // (an open block ends at a blank line: the line before is one of its lines)
    if (open >= 0) {
      const rel = (indents[i] as number) - minIndent;
      const relPrev = (indents[i - 1] as number) - minIndent;
      // In indented text an unindented first line is a title, never wrapped.
      if (indented) continues = rel === 0 && !(firsts[i - 1] === firstLine && relPrev === 0);
      else if (wrapped) {
        continues =
          (lasts[i - 1] as number) - (starts[i - 1] as number) >= width * 0.7 &&
          (rel === 0 || rel === relPrev);
      }
    }
    // A sign-off line at the end ("REUTER...") never continues a paragraph.
    if (i >= tail) continues = false;
    if (!continues) {
      if (open >= 0) blocks.push(makeBlock(input, lines, open, i, runs, maps));
      open = i;
    }
  }
  if (open >= 0) blocks.push(makeBlock(input, lines, open, n, runs, maps));
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
  // A byte order mark is no text (nor indentation): the rest is parsed, and every span is
  // shifted by one so that spans index `input`.
  return parseWithoutBom(input, (text) => parseSource(text, options));
}

/** {@link parseText} of a string without a leading byte order mark. */
function parseSource(input: string, options: ParseOptions | null | undefined): ParseResult {
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
