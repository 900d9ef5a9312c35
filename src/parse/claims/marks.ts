/**
 * Quotation-mark scanning: one linear pass over a paragraph that pairs opening and closing
 * double marks. Single marks (‘…’, '…') only ever nest inside a double quote, so they are
 * never scanned here: apostrophes (don’t, ’90s, rock ’n’ roll, the Smiths’) cannot be taken
 * for quote marks.
 */

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

const SPACE = /\s/;

function isSpace(c: string | undefined): boolean {
  return c === undefined || SPACE.test(c);
}

const OPEN_PUNCT = new Set(["(", "[", "{", "—", "–", "-", "/", "“", "‘", "«", "„", "「", "『", "\u2014"]);
const CLOSE_PUNCT = new Set([
  ".", ",", ";", ":", "!", "?", ")", "]", "}", "—", "–", "-", "/", "…", "”", "’", "'", "»", "」", "』",
]);

function kindAt(text: string, i: number): [MarkKind, number] | undefined {
  const c = text[i];
  switch (c) {
    case '"':
      return ["straight", 1];
    case "“":
      return ["left", 1];
    case "”":
      return ["right", 1];
    case "„":
      return ["low", 1];
    case "«":
      return ["guillemet-left", 1];
    case "»":
      return ["guillemet-right", 1];
    case "「":
      return ["corner", 1];
    case "」":
      return ["corner-close", 1];
    case "『":
      return ["white-corner", 1];
    case "』":
      return ["white-corner-close", 1];
    case "'":
      return text[i + 1] === "'" ? ["apostrophes", 2] : undefined;
    case "`":
      return text[i + 1] === "`" ? ["backticks", 2] : undefined;
    case "‘":
      return text[i + 1] === "‘" ? ["single-left-pair", 2] : undefined;
    case "’":
      return text[i + 1] === "’" ? ["single-right-pair", 2] : undefined;
    default:
      return undefined;
  }
}

const CLOSES_ANY_ENGLISH = new Set<MarkKind>(["straight", "right", "left", "apostrophes", "single-right-pair"]);

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
  let open: { at: number; length: number; kind: MarkKind } | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // fast path: only a few characters can be marks
    if (c < 34 || (c > 34 && c < 39) || (c > 39 && c < 96) || (c > 96 && c < 171)) continue;
    const found = kindAt(text, i);
    if (!found) continue;
    const [kind, length] = found;
    // a run of three apostrophes: a single mark next to a double one
    if (kind === "apostrophes" && text[i + 2] === "'") {
      if (open) {
        // closing: the single mark comes first
        i += 1;
      }
      // opening: the double comes first (as found)
    }
    const prev = text[i - 1];
    const next = text[i + length];
    const leftFlank = !isSpace(next) && (i === 0 || isSpace(prev) || OPEN_PUNCT.has(prev ?? ""));
    const rightFlank = i > 0 && !isSpace(prev) && (next === undefined || isSpace(next) || CLOSE_PUNCT.has(next));
    let role: "open" | "close" | "none";
    if (open === undefined) {
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
    } else if (compatible(open.kind, kind)) {
      if (kind === "left" && open.kind !== "low") role = rightFlank && !leftFlank ? "close" : "open";
      else if (kind === "straight" || kind === "apostrophes") role = leftFlank && !rightFlank ? "open" : "close";
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
    if (role === "close" && open) {
      quotes.push({ open: open.at, openLength: open.length, close: i, closeLength: length, closed: true, kind: open.kind });
      open = undefined;
    } else if (role === "open") {
      if (open) unclosed++;
      open = { at: i, length, kind };
    }
    i += length - 1;
  }
  const scan: QuoteScan = { quotes, unclosed };
  if (open) {
    let end = n;
    while (end > open.at + open.length && isSpace(text[end - 1])) end--;
    scan.trailing = { open: open.at, openLength: open.length, close: end, closeLength: 0, closed: false, kind: open.kind };
  }
  return scan;
}
