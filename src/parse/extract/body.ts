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

/**
 * Whether a block's text is only a sign-off: an agency name ("Reuter", "REUTER...", "REUTER^M",
 * "AP"), an end mark ("-30-", "###", "(END)", "END", "&#3;") or a mix of them.
 *
 * @param text
 *   Whitespace-collapsed block text.
 */
export function isSignOff(text: string): boolean {
  if (text.length > 40) return false;
  const words = text
    .replace(/&#\d+;/g, " ")
    .replace(/\^[A-Z@[\\\]^_]/g, " ")
    .replace(CONTROL, " ")
    .split(" ")
    .map((w) => w.replace(/^[-(*#.]+|[-)*#.]+$/g, ""))
    .filter((w) => w !== "");
  if (words.length === 0)
    return (
      /(?:&#\d+;|###|-30-|\*\*\*)/.test(text) || (/^[-*#.\s]+$/.test(text) && text.length >= 3)
    );
  if (words.length > 2) return false;
  return words.every((w) => normaliseAgency(w) !== undefined || /^(?:END|ENDS|30)$/.test(w));
}
