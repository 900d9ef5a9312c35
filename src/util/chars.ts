/**
 * Character classes shared by every part of the library. Internal: not part of the public API.
 */

/**
 * Whether the UTF-16 code unit `c` is whitespace: the same set as JavaScript's `\s` and
 * `String#trim()`.
 */
export function isWhitespace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `text.split(separator)` for a one-character separator, cheaper on short texts (the
 * native split is a runtime call).
 */
export function splitOn(text: string, separator: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
    out.push(text.slice(from, at));
    from = at + 1;
  }
  out.push(from === 0 ? text : text.slice(from));
  return out;
}

/** Whether a text is empty or all whitespace (`text.trim() === ""`, without a new string). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The first occurrence of one character at or after an offset of a text, for offsets
 * asked in increasing order (paragraphs, text nodes in source order): a search starts
 * again only once the offset has passed the occurrence last found, so the text is
 * searched about once in all, not to its end once per offset.
 */
export class NextChar {
  /** The offset of the last search (`Infinity`: none yet). */
  private from = Number.POSITIVE_INFINITY;
  /** What it found (-1: none). */
  private at = -1;

  /**
   * @param text
   *   The text searched.
   * @param char
   *   The character looked for.
   */
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /**
   * The first {@link NextChar.char} at or after `from`.
   *
   * @param from
   *   An offset.
   * @returns
   *   Its offset, or -1 when there is none.
   */
  after(from: number): number {
    if (from < this.from || (this.at >= 0 && this.at < from)) {
      this.from = from;
      this.at = this.text.indexOf(this.char, from);
    }
    return this.at;
  }
}
