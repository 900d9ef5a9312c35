/**
 * Plain text with an exact source map, built from mdast phrasing content.
 * Internal to the Markdown front end.
 */

import { NextChar } from "../../util/chars.js";
import { writeOffsets } from "../../util/offsets.js";
import type { Segment } from "../types.js";
import { NEUTRAL } from "./guard.js";

/** Scratch map shared by builders; grows as needed. */
let scratch = new Int32Array(4096);

/** Where finished maps are carved from (see {@link keepMap}). */
let chunk = new Int32Array(0);
/** How much of {@link chunk} is taken. */
let chunkUsed = 0;
/** Whether {@link chunk} holds only maps of parses that allowed reuse (see {@link startMaps}). */
let chunkShared = false;
/** Size of a new {@link chunk} (entries). */
const CHUNK = 1 << 16;
/** Largest {@link chunk} kept from parse to parse (entries; 4 MB). */
const MAX_SHARED_CHUNK = 1 << 20;

/**
 * Start the maps of a new walk. With `reuse` (a caller that is done with the blocks of
 * its last walk before the next one: `parseMarkdown`), the current chunk is carved again
 * from its start, parse after parse (a new typed array per parse is costly), unless it
 * holds maps of a walk without `reuse`: those are never written again, so such a walk
 * takes a chunk of its own.
 *
 * @param reuse
 *   Whether the maps of the last walk with `reuse` may be overwritten.
 */
export function startMaps(reuse: boolean): void {
  if (!reuse || !chunkShared || chunk.length > MAX_SHARED_CHUNK) chunk = new Int32Array(0);
  chunkUsed = 0;
  chunkShared = reuse;
}

/**
 * A copy of `map.subarray(from, to)` that stays valid (until the next walk with reuse,
 * see {@link startMaps}): carved from a shared chunk, instead of one new typed array (and
 * buffer) per block. A full chunk is left to the blocks that hold views of it and a new
 * one started.
 */
function keepMap(map: Int32Array, from: number, to: number): Int32Array {
  const length = to - from;
  if (chunkUsed + length > chunk.length) {
    // (twice the last one: a post with many maps soon needs one chunk only)
    chunk = new Int32Array(Math.max(CHUNK, length, Math.min(2 * chunk.length, MAX_SHARED_CHUNK)));
    chunkUsed = 0;
  }
  const out = chunk.subarray(chunkUsed, chunkUsed + length);
  out.set(map.subarray(from, to));
  chunkUsed += length;
  return out;
}

/** The images of a builder that found none (shared, never written). */
const NO_IMAGES: readonly TemplatedImage[] = [];

/**
 * Collects the plain text of a block, one map entry per UTF-16 code unit, from mdast
 * `text` / `inlineCode` / `break` nodes and their source offsets. One builder serves a
 * whole walk, block after block (see {@link TextBuilder.begin}).
 */
export class TextBuilder {
  /** Text so far. */
  text = "";
  /** `map[i]`: source offset of `text[i]`. */
  private map: Int32Array = scratch;
  /** Source offset just after the last character added. */
  private endOffset = 0;
  /** Source lines the block spans (soft and hard line endings seen + 1). */
  lines = 1;
  /** Images with templated URLs found by {@link TextBuilder.finish}. */
  templatedImages: readonly TemplatedImage[] = NO_IMAGES;
  /** Whether the source has a tab or a carriage return (rare: each value is scanned then). */
  private readonly tabOrReturn: boolean;
  /**
   * The source's line feeds, for the verbatim fast path of {@link TextBuilder.addValue}:
   * values come in source order, so the source is searched for them once in all (instead
   * of a scan of every value).
   */
  private readonly lineFeeds: NextChar;

  /**
   * @param source
   *   The Markdown that was parsed (possibly with hostile markup neutralised).
   * @param original
   *   The Markdown as given, only when it differs from `source` (same length).
   */
  constructor(
    private readonly source: string,
    private readonly original?: string | undefined,
  ) {
    this.tabOrReturn = source.includes("\t") || source.includes("\r");
    this.lineFeeds = new NextChar(source, "\n");
  }

  /**
   * Start a new block. One scratch buffer holds the map of the block being built (blocks
   * are built one at a time and `finish` copies its part out).
   */
  begin(): void {
    this.text = "";
    this.map = scratch;
    this.endOffset = 0;
    this.lines = 1;
    this.templatedImages = NO_IMAGES;
  }

  private ensure(extra: number): void {
    const need = this.text.length + extra + 1;
    if (need <= this.map.length) return;
    let size = this.map.length * 2;
    while (size < need) size *= 2;
    const next = new Int32Array(size);
    next.set(this.map.subarray(0, this.text.length));
    this.map = next;
    scratch = next;
  }

  /** Add a character mapped to `offset` (a space for any line ending or tab). */
  private push(char: string, offset: number): void {
    this.map[this.text.length] = offset;
    this.text += char;
    this.endOffset = offset + 1;
  }

  /**
   * Add a literal value (text or inline code) whose source is `source.slice(start, end)`.
   * Aligns value and source: escapes, character references, container prefixes and
   * indentation that the value does not contain are skipped. Line endings become spaces.
   */
  addValue(value: string, start: number, end: number): void {
    if (value.length === 0) return;
    this.ensure(value.length);
    const src = this.source;
    // Fast path: the value is the source there (verbatim), on one line or over several (a
    // paragraph's soft line breaks outside any container): what the loop below gives, an
    // identity map with each line ending (LF or CR) and tab as a space, in native passes.
    // Not with a CRLF (`\r\n` is one space). `===` on a slice is the cheapest native
    // comparison (cheaper than `startsWith`, far cheaper than a `charCodeAt` loop).
    if (end - start === value.length && value === src.slice(start, end)) {
      const plain = this.tabOrReturn ? !LINE_OR_TAB.test(value) : !this.lineFeedIn(start, end);
      if (plain || !value.includes("\r\n")) {
        if (!plain) {
          for (let nl = value.indexOf("\n"); nl >= 0; nl = value.indexOf("\n", nl + 1))
            this.lines++;
          if (this.tabOrReturn)
            for (let cr = value.indexOf("\r"); cr >= 0; cr = value.indexOf("\r", cr + 1))
              this.lines++;
        }
        writeOffsets(this.map, this.text.length, start, end);
        this.text += plain ? value : value.replace(TAB_OR_LINE_END, " ");
        this.endOffset = end;
        return;
      }
    }
    let i = 0;
    let j = start;
    let out = "";
    const at = this.text.length;
    const map = this.map;
    let n = at;
    // the first carriage return at or after where it was last searched from (-1: none; the
    // value is searched for it once in all)
    let nextReturn = -2;
    while (i < value.length) {
      // Fast path: a run of the value up to the next line ending (LF or CR) copied verbatim.
      let runEnd = value.indexOf("\n", i);
      if (runEnd < 0) runEnd = value.length;
      if (nextReturn !== -1 && nextReturn < i) nextReturn = value.indexOf("\r", i);
      if (nextReturn >= 0 && nextReturn < runEnd) runEnd = nextReturn;
      if (runEnd - i > 8 && value.charCodeAt(i) !== 32) {
        const run = runEnd === value.length && i === 0 ? value : value.slice(i, runEnd);
        if (j + run.length <= end && run === src.slice(j, j + run.length) && !run.includes("\t")) {
          writeOffsets(map, n, j, j + run.length);
          n += run.length;
          out += run;
          i += run.length;
          j += run.length;
          if (i >= value.length) break;
        }
      }
      const v = value.charCodeAt(i);
      if (j >= end) {
        // Desynchronised (should not happen): map the rest to the end.
        map[n++] = Math.max(start, end - 1);
        out += isSpace(v) ? " " : value[i];
        i++;
        continue;
      }
      const s = src.charCodeAt(j);
      if (isSpace(v)) {
        if (v === 10 || v === 13) this.lines++;
        if (v === 13 && value.charCodeAt(i + 1) === 10) i++;
        // Align with the next whitespace in the source, if it is here.
        if (isSpace(s)) {
          map[n++] = j;
          out += " ";
          i++;
          j++;
          if (s === 13 && src.charCodeAt(j) === 10) j++;
          continue;
        }
        if (s === 38 /* & */) {
          const ref = readReference(src, j, end);
          if (ref > 0) {
            map[n++] = j;
            out += " ";
            i++;
            j = ref;
            continue;
          }
        }
        // Source has something else (inline code padding removed, etc.): skip it.
        j++;
        continue;
      }
      if (v === s) {
        map[n++] = j;
        out += value[i];
        i++;
        j++;
        continue;
      }
      if (s === 92 /* \ */ && j + 1 < end && src.charCodeAt(j + 1) === v) {
        map[n++] = j + 1;
        out += value[i];
        i++;
        j += 2;
        continue;
      }
      if (s === 38 /* & */) {
        const refEnd = readReference(src, j, end);
        if (refEnd > 0) {
          // A reference gives one or two code units (surrogate pair / a few named ones).
          let units = v >= 0xd800 && v <= 0xdbff ? 2 : 1;
          if (units === 1 && i + 1 < value.length && refEnd < end) {
            const next = value.charCodeAt(i + 1);
            const after = src.charCodeAt(refEnd);
            if (next !== after && !isSpace(next) && !(after === 92) && !(after === 38)) {
              const named = src.charCodeAt(j + 1) !== 35; /* # */
              if (named && i + 2 <= value.length && value.charCodeAt(i + 2) === after) units = 2;
            }
          }
          for (let k = 0; k < units && i < value.length; k++) {
            map[n++] = j;
            out += value[i];
            i++;
          }
          j = refEnd;
          continue;
        }
      }
      // Markup or prefix not in the value (`>`, indentation, backticks): skip it.
      j++;
    }
    this.text += out;
    this.endOffset = j > start ? Math.min(j, end) : end;
  }

  /** Whether `source.slice(start, end)` has a line feed. */
  private lineFeedIn(start: number, end: number): boolean {
    const at = this.lineFeeds.after(start);
    return at >= 0 && at < end;
  }

  /** Add a hard line break (as a space) at `offset`. */
  addBreak(offset: number): void {
    this.ensure(1);
    this.lines++;
    this.push(" ", offset);
  }

  /** Add a single space mapped to `offset` unless the text already ends in one. */
  addSpace(offset: number): void {
    if (this.text.length === 0 || this.text.endsWith(" ")) return;
    this.ensure(1);
    this.push(" ", offset);
  }

  /** Current length (to mark where a sub-segment starts). */
  get length(): number {
    return this.text.length;
  }

  /**
   * The finished segment, trimmed of surrounding whitespace and with templating
   * (`{{ … }}`, `{% … %}`) removed.
   */
  finish(): Segment {
    const map = this.map;
    map[this.text.length] = this.endOffset;
    let text = this.text;
    if (this.original !== undefined && text.includes(NEUTRAL)) {
      // Put back the markup characters the guard neutralised.
      let restored = "";
      for (let k = 0; k < text.length; k++) {
        restored += text[k] === NEUTRAL ? (this.original[map[k] ?? 0] ?? NEUTRAL) : text[k];
      }
      text = restored;
    }
    // the text's map: its first `text.length + 1` entries
    let full = map;
    // One scan for the common case, text without any `{`.
    if (text.includes("{") && (text.includes("{{") || text.includes("{%"))) {
      const cut = stripTemplating(text, map.subarray(0, text.length + 1));
      text = cut.text;
      full = cut.map;
      this.templatedImages = cut.images;
    }
    let from = 0;
    let to = text.length;
    while (from < to && text.charCodeAt(from) === 32) from++;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
    const out = text.slice(from, to);
    const m = keepMap(full, from, to + 1);
    if (to > from) m[to - from] = (m[to - from - 1] ?? 0) + 1;
    return { text: out, start: m[0] ?? 0, map: m };
  }

  /** Segment of the text built so far between two marks (untrimmed). */
  slice(from: number, to: number): Segment {
    const m = keepMap(this.map, from, to + 1);
    if (to > from) m[to - from] = (m[to - from - 1] ?? 0) + 1;
    return { text: this.text.slice(from, to), start: m[0] ?? 0, map: m };
  }
}

/** A line ending or tab: the verbatim fast path of `addValue` makes them spaces (`\r\n`: not taken). */
const LINE_OR_TAB = /[\t\n\r]/;
/** Line feeds, carriage returns and tabs, all of them. */
const TAB_OR_LINE_END = /[\t\n\r]/g;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** End offset of a character reference at `j` (`&amp;`, `&#123;`, `&#x1F;`), or -1. */
function readReference(src: string, j: number, end: number): number {
  let k = j + 1;
  const limit = Math.min(end, j + 34);
  if (src.charCodeAt(k) === 35 /* # */) {
    k++;
    const hex = src.charCodeAt(k) === 120 || src.charCodeAt(k) === 88;
    if (hex) k++;
    const digitsFrom = k;
    while (k < limit && (hex ? /[\da-fA-F]/ : /\d/).test(src.charAt(k))) k++;
    if (k === digitsFrom || src.charCodeAt(k) !== 59) return -1;
    return k + 1;
  }
  const nameFrom = k;
  while (k < limit && /[A-Za-z\d]/.test(src.charAt(k))) k++;
  if (k === nameFrom || src.charCodeAt(k) !== 59) return -1;
  return k + 1;
}

/** Scratch of {@link stripTemplating}: the map it keeps, grown as needed. */
let cutMap = new Int32Array(1024);
/** Scratch of {@link stripTemplating}: the ranges it cuts, `from, to` pairs in one array. */
const cuts: number[] = [];

/** An image written with a templated URL (`![alt]({{ site.baseurl }}/a.png)`), as text. */
export interface TemplatedImage {
  /** URL with the templating removed (`/a.png`). */
  url: string;
  alt: string;
  /** Source span of the whole image syntax. */
  start: number;
  end: number;
}

/**
 * Remove `{{ … }}` and `{% … %}` runs from a text and its map, in linear time. A link
 * whose target is templated (`[text]({{ "/x/" | url }})`, which CommonMark reads as
 * text) keeps its text only; such an image is removed and returned.
 *
 * @param text
 *   Text with templating.
 * @param map
 *   Its map (`text.length + 1` entries).
 * @returns
 *   Text and map without the templating (the map, when anything was cut, in a scratch
 *   buffer valid until the next call), and the templated images.
 */
export function stripTemplating(
  text: string,
  map: Int32Array,
): { text: string; map: Int32Array; images: TemplatedImage[] } {
  cuts.length = 0;
  const images: TemplatedImage[] = [];
  let i = 0;
  let openExpr = true;
  let openTag = true;
  let last = 0;
  while (i < text.length) {
    const a = openExpr ? text.indexOf("{{", i) : -1;
    const b = openTag ? text.indexOf("{%", i) : -1;
    if (a < 0 && b < 0) break;
    const at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    const close = at === a ? "}}" : "%}";
    const endAt = text.indexOf(close, at + 2);
    if (endAt < 0) {
      if (at === a) openExpr = false;
      else openTag = false;
      i = at + 2;
      continue;
    }
    let cutFrom = at;
    const cutTo = endAt + 2;
    // `[label](TEMPLATE/rest)`: keep the label only.
    if (at >= 3 && text.charCodeAt(at - 1) === 40 && text.charCodeAt(at - 2) === 93) {
      const paren = text.indexOf(")", cutTo);
      const open = text.lastIndexOf("[", at - 3);
      if (
        paren >= 0 &&
        paren - cutTo <= 500 &&
        !/\s/.test(text.slice(cutTo, paren)) &&
        open >= last &&
        at - open <= 500
      ) {
        const image = open > 0 && text.charCodeAt(open - 1) === 33 && open - 1 >= last;
        if (image) {
          images.push({
            url: text.slice(cutTo, paren),
            alt: text.slice(open + 1, at - 2),
            start: map[open - 1] ?? 0,
            end: (map[paren] ?? 0) + 1,
          });
          cuts.push(open - 1, paren + 1);
        } else {
          cuts.push(open, open + 1, at - 2, paren + 1);
        }
        last = paren + 1;
        i = last;
        continue;
      }
    }
    if (cutFrom < last) cutFrom = last;
    cuts.push(cutFrom, cutTo);
    last = cutTo;
    i = cutTo;
  }
  if (cuts.length === 0) return { text, map, images };
  // What is kept, with each run of spaces left behind collapsed into its first space and
  // the leading ones dropped: copied run by run (a slice and a map copy each).
  let out = "";
  if (cutMap.length <= text.length)
    cutMap = new Int32Array(Math.max(2 * cutMap.length, text.length + 1));
  const m = cutMap;
  let n = 0;
  // whether the last character kept is a space (at the start: none kept, spaces dropped)
  let afterSpace = true;
  // The first two spaces in a row at or after where the last search started (-1: none):
  // the kept ranges come in order, so each search starts past the last one found and the
  // text is searched once in all (a native search, not a loop over every character).
  let double = text.indexOf("  ");
  let from = 0;
  // the kept range before each cut, then the one after the last
  for (let c = 0; c <= cuts.length; c += 2) {
    const s = from;
    const e = c < cuts.length ? (cuts[c] as number) : text.length;
    if (c < cuts.length) from = Math.max(from, cuts[c + 1] as number);
    if (e <= s) continue;
    let run = s;
    if (afterSpace) while (run < e && text.charCodeAt(run) === 32) run++;
    for (;;) {
      if (double >= 0 && double < run) double = text.indexOf("  ", run);
      // up to the first space of the next double space in the range, else to its end
      const stop = double < 0 || double + 1 >= e ? e : double + 1;
      if (stop > run) {
        out += text.slice(run, stop);
        m.set(map.subarray(run, stop), n);
        n += stop - run;
      }
      if (stop === e) break;
      run = double + 2;
      while (run < e && text.charCodeAt(run) === 32) run++;
    }
    afterSpace = text.charCodeAt(e - 1) === 32;
  }
  m[n] = map[text.length] ?? 0;
  return { text: out, map: m.subarray(0, n + 1), images };
}
