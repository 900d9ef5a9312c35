/**
 * Quotation-mark scanning: one linear pass over a paragraph that pairs opening and closing
 * double marks. Single marks (‘…’, '…') only ever nest inside a double quote, so they are
 * never scanned here: apostrophes (don’t, ’90s, rock ’n’ roll, the Smiths’) cannot be taken
 * for quote marks.
 */

/**
 * Whether reported words hold a quoted part, which makes their claim `mixed`: a double
 * mark that does not follow a letter, digit or `=` (`5"` is inches, `a="b"` markup),
 * `''` or ``` `` ```, in words without HTML-like tags (`<b>`, `</p>`).
 */
export function holdsQuotedPart(words: string): boolean {
  return /(?<![=\w])["“”„«»「」]|''|``/.test(words) && !/<\/?\p{L}/u.test(words);
}

/** The kinds of double quotation mark. */
export type MarkKind =
  | "straight" // "
  | "left" // “
  | "right" // ”
  | "low" // „
  | "guillemet-left" // «
  | "guillemet-right" // »
  | "corner" // 「
  | "corner-close" // 」
  | "white-corner" // 『
  | "white-corner-close" // 』
  | "apostrophes" // ''
  | "backticks" // ``
  | "single-left-pair" // ‘‘
  | "single-right-pair"; // ’’

/** A pair of marks in a paragraph's text. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Length of the opening mark (1 or 2). */
  openLength: number;
  /** Offset of the closing mark, or the end of the trimmed paragraph when unclosed. */
  close: number;
  /** Length of the closing mark (0 when unclosed). */
  closeLength: number;
  /** Whether a closing mark was found. */
  closed: boolean;
  /** The opening mark's kind. */
  kind: MarkKind;
}

/** What {@link scanQuotes} finds in one paragraph. */
export interface QuoteScan {
  /** Closed quotes, in order (possibly empty ones). */
  quotes: QuoteSpan[];
  /** A quote opened and not closed before the end of the paragraph (the last one). */
  trailing?: QuoteSpan;
  /** Opening marks that were never closed (not counting `trailing`). */
  unclosed: number;
}

import { isSpaceCode } from "./tokens.js";

function isSpace(c: string | undefined): boolean {
  return c === undefined || isSpaceCode(c.charCodeAt(0));
}

const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const OPEN_PUNCT = codes("([{—–-/“‘«„「『");
const CLOSE_PUNCT = codes(".,;:!?)]}—–-/…”’'»」』");

function kindAt(text: string, i: number): MarkKind | undefined {
  const c = text[i];
  switch (c) {
    case '"':
      return "straight";
    case "“":
      return "left";
    case "”":
      return "right";
    case "„":
      return "low";
    case "«":
      return "guillemet-left";
    case "»":
      return "guillemet-right";
    case "「":
      return "corner";
    case "」":
      return "corner-close";
    case "『":
      return "white-corner";
    case "』":
      return "white-corner-close";
    case "'":
      return text[i + 1] === "'" ? "apostrophes" : undefined;
    case "`":
      return text[i + 1] === "`" ? "backticks" : undefined;
    case "‘":
      return text[i + 1] === "‘" ? "single-left-pair" : undefined;
    case "’":
      return text[i + 1] === "’" ? "single-right-pair" : undefined;
    default:
      return undefined;
  }
}

const CLOSES_ANY_ENGLISH = new Set<MarkKind>([
  "straight",
  "right",
  "left",
  "apostrophes",
  "single-right-pair",
]);

function compatible(open: MarkKind, close: MarkKind): boolean {
  switch (open) {
    case "guillemet-left":
      return close === "guillemet-right";
    case "guillemet-right":
      return close === "guillemet-left";
    case "corner":
      return close === "corner-close";
    case "white-corner":
      return close === "white-corner-close";
    default:
      return CLOSES_ANY_ENGLISH.has(close);
  }
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Every place where {@link kindAt} reads a mark: a double mark, or a pair of single ones
 * (a lone apostrophe, as in "it’s", is none).
 */
const MARK_CANDIDATE = /["“”„«»「」『』]|''|``|‘‘|’’/g;

/** Whether a code is one of the single marks that pair: ' ` ‘ ’. */
function isSingleMark(c: number): boolean {
  return c === 39 || c === 96 || c === 0x2018 || c === 0x2019;
}

function hasWord(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128 && LETTER.test(text[k] ?? "")) return true;
  }
  return false;
}

/**
 * Pair the double quotation marks of one paragraph. Linear in the paragraph's length.
 *
 * Which way a mark faces is read from its neighbours (an opening mark is followed by a
 * letter and preceded by a space or an opening bracket) and, for curly marks, from its
 * shape. A new opening mark while a quote is open abandons the open one.
 *
 * @param text
 *   The paragraph's text.
 * @returns
 *   Closed quotes, the trailing unclosed quote (a quote that runs on into the next
 *   paragraph) and the number of abandoned opening marks.
 */
export function scanQuotes(text: string): QuoteScan {
  const quotes: QuoteSpan[] = [];
  let unclosed = 0;
  let openAt = -1;
  let openLength = 0;
  let openKind: MarkKind = "straight";
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // jump to the next mark (the expression scans faster than a loop); a pair of single
    // marks ends with one of them, a double mark is none of them
    MARK_CANDIDATE.lastIndex = i;
    if (!MARK_CANDIDATE.test(text)) break;
    const end = MARK_CANDIDATE.lastIndex;
    i = isSingleMark(text.charCodeAt(end - 1)) ? end - 2 : end - 1;
    const kind = kindAt(text, i);
    if (!kind) continue;
    const length =
      kind === "apostrophes" ||
      kind === "backticks" ||
      kind === "single-left-pair" ||
      kind === "single-right-pair"
        ? 2
        : 1;
    // a run of three apostrophes: a single mark next to a double one
    if (kind === "apostrophes" && text[i + 2] === "'") {
      if (openAt >= 0) {
        // closing: the single mark comes first
        i += 1;
      }
      // opening: the double comes first (as found)
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
    const next = i + length < n ? text.charCodeAt(i + length) : -1;
    const leftFlank =
      next >= 0 && !isSpaceCode(next) && (prev < 0 || isSpaceCode(prev) || OPEN_PUNCT.has(prev));
    const rightFlank =
      prev >= 0 && !isSpaceCode(prev) && (next < 0 || isSpaceCode(next) || CLOSE_PUNCT.has(next));
    let role: "open" | "close" | "none";
    if (openAt < 0) {
      switch (kind) {
        case "right":
        case "single-right-pair":
          role = leftFlank && !rightFlank ? "open" : "none";
          break;
        case "guillemet-right":
        case "apostrophes":
          role = leftFlank ? "open" : "none";
          break;
        case "straight":
          role = leftFlank || !rightFlank ? "open" : "none";
          break;
        case "corner-close":
        case "white-corner-close":
          role = "none";
          break;
        default:
          role = "open";
      }
    } else if (compatible(openKind, kind)) {
      if (kind === "left" && openKind !== "low") role = rightFlank && !leftFlank ? "close" : "open";
      else if (kind === "straight" || kind === "apostrophes")
        role = leftFlank && !rightFlank ? "open" : "close";
      else role = "close";
    } else {
      switch (kind) {
        case "left":
        case "low":
        case "guillemet-left":
        case "corner":
        case "white-corner":
        case "backticks":
        case "single-left-pair":
          role = "open";
          break;
        case "guillemet-right":
          role = leftFlank && !rightFlank ? "open" : "none";
          break;
        default:
          role = "none";
      }
    }
    if (role === "close" && openAt >= 0) {
      // a pair of marks around no words (“”, " - ") is no quote
      if (hasWord(text, openAt + openLength, i)) {
        quotes.push({
          open: openAt,
          openLength,
          close: i,
          closeLength: length,
          closed: true,
          kind: openKind,
        });
      }
      openAt = -1;
    } else if (role === "open") {
      if (openAt >= 0) unclosed++;
      openAt = i;
      openLength = length;
      openKind = kind;
    }
    i += length - 1;
  }
  const scan: QuoteScan = { quotes, unclosed };
  if (openAt >= 0) {
    let end = n;
    while (end > openAt + openLength && isSpace(text[end - 1])) end--;
    scan.trailing = {
      open: openAt,
      openLength,
      close: end,
      closeLength: 0,
      closed: false,
      kind: openKind,
    };
  }
  return scan;
}
