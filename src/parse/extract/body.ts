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
  if (text.length > 40 || !maySignOff(text)) return false;
  // without "&", "^" or a control character the replacements change nothing
  const plain = !REPLACED.test(text);
  const words = (
    plain
      ? text
      : text
          .replace(/&#\d+;/g, " ")
          .replace(/\^[A-Z@[\\\]^_]/g, " ")
          .replace(CONTROL, " ")
  )
    .split(" ")
    .map(stripMarks)
    .filter((w) => w !== "");
  if (words.length === 0)
    return (
      /(?:&#\d+;|###|-30-|\*\*\*)/.test(text) || (/^[-*#.\s]+$/.test(text) && text.length >= 3)
    );
  if (words.length > 2) return false;
  return words.every((w) => normaliseAgency(w) !== undefined || /^(?:END|ENDS|30)$/.test(w));
}

/**
 * A quick test that passes every sign-off (and rejects most lines of prose) without
 * making a string. A character that no rule below replaces or strips (a lower-case ASCII
 * letter, any non-ASCII character, or ASCII punctuation such as `,` `'` `:`) stays in a
 * word, so the space-separated pieces with such a character are at least that many
 * words: three of them are too many. And such punctuation is in no agency name nor end
 * mark, so its word fails the test.
 */
function maySignOff(text: string): boolean {
  let pieces = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) counted = false;
    else if ((c >= 97 && c <= 122) || c >= 128) {
      if (!counted && ++pieces > 2) return false;
      counted = true;
    } else if (KEPT_PUNCTUATION.includes(text[i] as string)) return false;
  }
  return true;
}

/**
 * A word without the marks around it: `-(*#.` before, `-)*#.` after (what
 * `w.replace(/^[-(*#.]+|[-)*#.]+$/g, "")` gives, without a regex).
 */
function stripMarks(word: string): string {
  let a = 0;
  while (a < word.length && LEADING_MARKS.includes(word[a] as string)) a++;
  let b = word.length;
  while (b > a && TRAILING_MARKS.includes(word[b - 1] as string)) b--;
  return a === 0 && b === word.length ? word : word.slice(a, b);
}

const LEADING_MARKS = "-(*#.";
const TRAILING_MARKS = "-)*#.";

/** ASCII punctuation that {@link isSignOff} neither replaces nor strips from a word. */
const KEPT_PUNCTUATION = "!\"$%'+,/:<=>?`{|}~";
