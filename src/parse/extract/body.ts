/**
 * Body helpers: sign-offs that end wire copy ("Reuter", " REUTER...", "&#3;", "-30-",
 * "###", "(END)") and are not body. Internal: not part of the public API.
 */
import { normaliseAgency } from "./words.js";

/** C0 control characters and DEL (built from code points to keep them out of the source). */
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
  "g",
);

/** What the replacements in {@link isSignOff} act on: "&", "^", a control character. */
const REPLACED = new RegExp(
  `[&^${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
);

/**
 * Whether a block's text is only a sign-off: an agency name ("Reuter", "REUTER...", "REUTER^M",
 * "AP"), an end mark ("-30-", "###", "(END)", "END", "&#3;") or a mix of them.
 *
 * @param text
 *   Whitespace-collapsed block text.
 */
export function isSignOff(text: string): boolean {
  return isSignOffAt(text, 0, text.length);
}

/**
 * Whether `text.slice(from, to)` is only a sign-off ({@link isSignOff}); most lines of
 * prose fail the quick tests without a string made.
 */
export function isSignOffAt(text: string, from: number, to: number): boolean {
  return to - from <= 40 && maySignOff(text, from, to) && signOffWords(text.slice(from, to));
}

/** The rest of {@link isSignOff}, for a text that passed its quick tests. */
function signOffWords(text: string): boolean {
  // without "&", "^" or a control character the replacements change nothing
  const words = REPLACED.test(text)
    ? text
        .replace(/&#\d+;/g, " ")
        .replace(/\^[A-Z@[\\\]^_]/g, " ")
        .replace(CONTROL, " ")
    : text;
  // the space-separated words without their marks: at most two, each an agency or an end
  // word
  let count = 0;
  for (let from = 0; from <= words.length; ) {
    const space = words.indexOf(" ", from);
    const end = space < 0 ? words.length : space;
    let a = from;
    while (a < end && LEADING_MARKS.includes(words[a] as string)) a++;
    let b = end;
    while (b > a && TRAILING_MARKS.includes(words[b - 1] as string)) b--;
    if (b > a) {
      const word = words.slice(a, b);
      if (
        ++count > 2 ||
        (normaliseAgency(word) === undefined && !isEndWord(word, words[a - 1], words[b]))
      )
        return false;
    }
    from = end + 1;
  }
  if (count === 0)
    return (
      /(?:&#\d+;|###|-30-|\*\*\*)/.test(text) || (/^[-*#.\s]+$/.test(text) && text.length >= 3)
    );
  return true;
}

/**
 * Whether `word` (a word of a sign-off without its marks, between the characters `before`
 * and `after`) is an end word: "END", "ENDS", or "30" between dashes ("-30-"; a bare
 * "30." is a number, such as a date's day ending a wrapped line).
 */
function isEndWord(word: string, before: string | undefined, after: string | undefined): boolean {
  if (word === "30") return before === "-" && after === "-";
  return word === "END" || word === "ENDS";
}

/**
 * A quick test that `text.slice(from, to)` may be a sign-off: it passes every sign-off
 * (and rejects most lines of prose) without making a string. A character that no rule
 * below replaces or strips (a lower-case ASCII letter, any non-ASCII character, or ASCII
 * punctuation such as `,` `'` `:`) stays in a word, so the space-separated pieces with
 * such a character are at least that many words: three of them are too many. And such
 * punctuation is in no agency name nor end mark, so its word fails the test.
 */
function maySignOff(text: string, from: number, to: number): boolean {
  let pieces = 0;
  let counted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) counted = false;
    else if ((c >= 97 && c <= 122) || c >= 128) {
      if (!counted && ++pieces > 2) return false;
      counted = true;
    } else if (KEPT_PUNCTUATION[c] === 1) return false;
  }
  return true;
}

/** Marks stripped from the start (`-(*#.`) and the end (`-)*#.`) of a sign-off's words. */
const LEADING_MARKS = "-(*#.";
const TRAILING_MARKS = "-)*#.";

/**
 * ASCII punctuation that {@link isSignOff} neither replaces nor strips from a word: 1 at
 * its character codes.
 */
const KEPT_PUNCTUATION = new Uint8Array(128);
for (const c of "!\"$%'+,/:<=>?`{|}~") KEPT_PUNCTUATION[c.charCodeAt(0)] = 1;
