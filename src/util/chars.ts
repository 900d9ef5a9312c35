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

/** Whether a text is empty or all whitespace (`text.trim() === ""`, without a new string). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}
