/**
 * Keeps remark linear on hostile input. micromark takes quadratic time on deep
 * blockquote nesting (`>>>>…`), on long runs of emphasis delimiters (`*_*_…`) and on
 * many unclosed links (`[a](` …): 10^5 `>` take over a minute. Before parsing, such
 * markup is replaced, character for character, by a neutral character, so offsets do not
 * move; the text builder puts the original characters back. Internal.
 */

/** Replacement for neutralised markup characters (never markup in CommonMark). */
export const NEUTRAL = "\u0001";
/** Deepest blockquote nesting read as such; deeper `>` are text. */
export const MAX_QUOTE_DEPTH = 32;
/** Emphasis delimiter runs (`*`, `_`) per block above which they are all text. */
export const MAX_DELIMITER_RUNS = 2000;
/** Link openers (`[`) per block above which they are all text. */
export const MAX_LINK_OPENERS = 2000;

/**
 * The input with hostile markup neutralised (same length, same offsets), or the input
 * itself when there is none. One pass from `from` on (front matter before it is left alone).
 *
 * @param input
 *   Markdown source.
 * @param from
 *   Where the body starts: the end of the front matter (default 0).
 * @returns
 *   A string of the same length to parse instead.
 */
export function guardMarkdown(input: string, from = 0): string {
  const length = input.length;
  if (length < MAX_QUOTE_DEPTH) return input;
  // Most input has too few of these characters in total for any limit to apply:
  // counted with native `indexOf` scans, far cheaper than the walk below.
  // (HTML has many `>`: then the lines are looked at, not every character)
  if (
    (countAtMost(input, ">", MAX_QUOTE_DEPTH) <= MAX_QUOTE_DEPTH || !tooDeep(input)) &&
    countAtMost(input, "[", MAX_LINK_OPENERS) <= MAX_LINK_OPENERS &&
    countAtMost(input, "*", MAX_DELIMITER_RUNS) + countAtMost(input, "_", MAX_DELIMITER_RUNS) <=
      MAX_DELIMITER_RUNS
  ) {
    return input;
  }
  let chars: string[] | undefined;
  const set = (k: number): void => {
    chars ??= input.split("");
    chars[k] = NEUTRAL;
  };
  let i = from;
  // Per block (text between blank lines): counts, and the block's start.
  let blockStart = i;
  let runs = 0;
  let openers = 0;
  const closeBlock = (end: number): void => {
    if (runs > MAX_DELIMITER_RUNS || openers > MAX_LINK_OPENERS) {
      for (let k = blockStart; k < end; k++) {
        const c = input.charCodeAt(k);
        if (
          (runs > MAX_DELIMITER_RUNS && (c === 42 || c === 95)) ||
          (openers > MAX_LINK_OPENERS && c === 91)
        )
          set(k);
      }
    }
    runs = 0;
    openers = 0;
  };
  while (i < length) {
    // Start of a line: container markers.
    let depth = 0;
    let k = i;
    let blank = true;
    while (k < length) {
      const c = input.charCodeAt(k);
      if (c === 62 /* > */) {
        depth++;
        if (depth > MAX_QUOTE_DEPTH) set(k);
      } else if (c !== 32 && c !== 9) break;
      k++;
    }
    // Rest of the line.
    let previous = -1;
    while (k < length) {
      const c = input.charCodeAt(k);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) blank = false;
      if (c === 42 || c === 95) {
        if (previous !== c) runs++;
      } else if (c === 91) openers++;
      previous = c;
      k++;
    }
    if (blank && depth === 0) {
      closeBlock(i);
      blockStart = k;
    }
    // Past the line ending.
    if (input.charCodeAt(k) === 13 && input.charCodeAt(k + 1) === 10) k += 2;
    else if (k < length) k++;
    i = k;
  }
  closeBlock(length);
  return chars ? chars.join("") : input;
}

/**
 * Whether a line may start with more than {@link MAX_QUOTE_DEPTH} `>` (among spaces and
 * tabs), which the walk in {@link guardMarkdown} neutralises: one look at the start of
 * each line. With a carriage return (a line ending of its own) the walk decides.
 */
function tooDeep(input: string): boolean {
  if (input.includes("\r")) return true;
  for (let at = 0; at < input.length; ) {
    let depth = 0;
    for (; at < input.length; at++) {
      const c = input.charCodeAt(at);
      if (c === 62 /* > */) {
        if (++depth > MAX_QUOTE_DEPTH) return true;
      } else if (c !== 32 && c !== 9) break;
    }
    const nl = input.indexOf("\n", at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return false;
}

/** Occurrences of `char` in `input`, counting up to `limit + 1`. */
function countAtMost(input: string, char: string, limit: number): number {
  let count = 0;
  let at = input.indexOf(char);
  while (at >= 0 && count <= limit) {
    count++;
    at = input.indexOf(char, at + 1);
  }
  return count;
}
