/**
 * Words and sentences of a paragraph, for the attribution rules. Everything here is a
 * single left-to-right pass with sticky regular expressions that cannot backtrack.
 */

import { isWhitespace } from "../../util/chars.js";
import type { CueMatch } from "./attribution.js";
import {
  cueStartHashes,
  DETERMINERS_CORE,
  finishHash,
  isPhrasalOnly,
  lookupCue,
  mayStartCue,
  mayStartCueIn,
  phrasalCuesStartingWith,
} from "./lexicon.js";
import type { QuoteSpan } from "./marks.js";

/** A word or punctuation token of a paragraph's text. */
export interface Token {
  /** Offset in the paragraph text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The token as written. */
  text: string;
  /** Lower case. */
  lower: string;
  /** `word` (letters/digits), `punct` (one punctuation character), `mark` (a quote mark). */
  type: "word" | "punct";
  /** Whether the first letter is upper case. */
  upper: boolean;
  /** A whole quote (marks and words) stands for this token. */
  quote: boolean;
  /**
   * The cue that starts here, once looked up (`null`: none, `undefined`: not looked up).
   * Every token has every field from the start, so all tokens share one shape.
   */
  cue: CueMatch | null | undefined;
}

/** Abbreviations that end with a period but not a sentence. Lower case, without the period. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "sen",
  "sens",
  "rep",
  "reps",
  "gov",
  "govs",
  "lt",
  "gen",
  "col",
  "capt",
  "cmdr",
  "sgt",
  "st",
  "jr",
  "sr",
  "inc",
  "corp",
  "co",
  "ltd",
  "no",
  "nos",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "vs",
  "v",
  "prof",
  "rev",
  "hon",
  "pres",
  "supt",
  "det",
  "adm",
  "maj",
  "gens",
  "ariz",
  "calif",
  "colo",
  "conn",
  "del",
  "fla",
  "ga",
  "ill",
  "ind",
  "kan",
  "ky",
  "la",
  "md",
  "mass",
  "mich",
  "minn",
  "miss",
  "mo",
  "mont",
  "neb",
  "nev",
  "okla",
  "ore",
  "pa",
  "tenn",
  "tex",
  "va",
  "vt",
  "wash",
  "wis",
  "wyo",
  "ala",
  "ark",
  "u.s",
  "u.k",
  "u.n",
  "d.c",
  "n.y",
  "n.j",
  "n.c",
  "s.c",
  "n.h",
  "n.m",
  "n.d",
  "s.d",
  "r.i",
  "w.va",
  "e.g",
  "i.e",
  "etc",
  "approx",
  "dept",
  "est",
  "ft",
  "mt",
  "ave",
  "blvd",
]);

const WORD = /[\p{L}\p{N}\u00AD]+(?:['’\-.&][\p{L}\p{N}\u00AD]+)*/uy;
const WORD_CHAR = /[\p{L}\p{N}\u00AD]/u;

/** Whether the character at `k` continues a word (a letter, a digit or a soft hyphen); -1 for an astral character. */
function wordCharAt(text: string, k: number): 0 | 1 | -1 {
  const c = text.charCodeAt(k);
  if (c < 128) {
    if (c >= 97 && c <= 122) return 1;
    if (c >= 65 && c <= 90) {
      scannedFolds = true;
      return 1;
    }
    return c >= 48 && c <= 57 ? 1 : 0;
  }
  scannedFolds = true;
  if (c >= 0xd800 && c <= 0xdfff) return -1;
  if (c === 0xad) return 1;
  if (c >= 0x2000 && c <= 0x206f) return 0;
  return WORD_CHAR.test(text[k] ?? "") ? 1 : 0;
}

/** Whether the last word {@link scanWord} read may change in lower case (upper case or non-ASCII). */
let scannedFolds = false;

/**
 * The end of the word that starts at `i` (same as the sticky `WORD` expression: letters and
 * digits, joined by single apostrophes, hyphens, periods or ampersands). A hand-written
 * loop for the common case; the expression for astral characters.
 */
function scanWord(text: string, i: number): number {
  const n = text.length;
  scannedFolds = false;
  let k = i;
  for (;;) {
    let run = k;
    for (;;) {
      if (run >= n) break;
      const w = wordCharAt(text, run);
      if (w === -1) {
        WORD.lastIndex = i;
        const m = WORD.exec(text);
        return m && m.index === i ? i + m[0].length : i;
      }
      if (w === 0) break;
      run++;
    }
    if (run === k) return k === i ? i : k - 1;
    k = run;
    const c = text.charCodeAt(k);
    // ' ’ - . & joining two runs of word characters
    if ((c === 39 || c === 0x2019 || c === 45 || c === 46 || c === 38) && k + 1 < n) {
      const w = wordCharAt(text, k + 1);
      if (w === 1) {
        k += 1;
        continue;
      }
      if (w === -1) {
        WORD.lastIndex = i;
        const m = WORD.exec(text);
        return m && m.index === i ? i + m[0].length : i;
      }
    }
    return k;
  }
}

/**
 * Split `text.slice(from, to)` into tokens. Words keep internal apostrophes, hyphens and
 * periods ("don’t", "U.S"); a period after an abbreviation or an initial joins the word.
 *
 * @param text
 *   Paragraph text.
 * @param from
 *   Start offset.
 * @param to
 *   End offset (exclusive).
 * @returns
 *   Tokens in order; spaces are dropped.
 */
export function tokenize(text: string, from: number, to: number, into?: Token[]): Token[] {
  const tokens: Token[] = into ?? [];
  const make = newToken;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
      continue;
    }
    if (code >= 97 && code <= 122) {
      // the common word: a-z only, already lower case, its cue hash made on the way (a
      // word that cannot start a cue is marked so: `cueAt` need not look it up)
      let k = i + 1;
      let h = code;
      let c = text.charCodeAt(k);
      while (c >= 97 && c <= 122) {
        h = (Math.imul(h, 31) + c) | 0;
        c = text.charCodeAt(++k);
      }
      if (k <= to && endsPlainWord(c)) {
        const word = text.slice(i, k);
        tokens.push(
          CUE_HASHES[finishHash(h, k - i)] === 1
            ? make(i, k, word, word, "word", false, false)
            : noCueWord(i, k, word, word, false),
        );
        i = k;
        continue;
      }
    } else if (code >= 65 && code <= 90) {
      // a capitalised word, A-Z then a-z only
      const k = capitalisedEnd(text, i);
      if (k <= to && endsPlainWord(text.charCodeAt(k))) {
        const word = text.slice(i, k);
        const lower = word.toLowerCase();
        tokens.push(
          CUE_HASHES[finishHash(lowerHash, k - i)] === 1
            ? make(i, k, word, lower, "word", true, false)
            : noCueWord(i, k, word, lower, true),
        );
        i = k;
        continue;
      }
    }
    if (isWordStart(code, text, i)) {
      const wordEnd = scanWord(text, i);
      if (wordEnd > i && wordEnd <= to) {
        let end = wordEnd;
        // 2,400 and 1,000,000: one number
        while (
          text.charCodeAt(end) === 44 &&
          isDigits(text, end + 1, end + 4) &&
          !isDigitCode(text.charCodeAt(end + 4)) &&
          end + 4 <= to &&
          isDigitCode(text.charCodeAt(end - 1))
        ) {
          end += 4;
        }
        const folds = scannedFolds || end !== wordEnd;
        let word = text.slice(i, end);
        // most words are lower case already: no new string for them
        let lower = folds ? word.toLowerCase() : word;
        // "Mr." "U.S." "G." keep their period
        if (
          text.charCodeAt(end) === 46 &&
          end < to &&
          (ABBREVIATIONS.has(lower) || (word.length === 1 && isUpper(word)) || lower.includes("."))
        ) {
          end++;
          word += ".";
          lower += ".";
        }
        tokens.push(make(i, end, word, lower, "word", folds && isUpper(word), false));
        i = end;
        continue;
      }
    }
    // a quotation mark outside a quote is a stray one: no token
    if (!STRAY_MARKS.has(code)) {
      const c = punct(code, text, i);
      tokens.push(make(i, i + 1, c, c, "punct", false, false));
    }
    i++;
  }
  return tokens;
}

/** Hashes of the words that may start a cue (see `cueStartHashes`). */
const CUE_HASHES = cueStartHashes();

/** Stands for every lower-case word that is neither a name connector nor a cue (lean tokens). */
const PLAIN_WORD: Token = {
  start: -1,
  end: -1,
  text: "",
  lower: "",
  type: "word",
  upper: false,
  quote: false,
  cue: null,
};

/**
 * The tokens of a sentence without quotes, for {@link SpeakerRegistry.registerNames} only:
 * the same tokens as {@link tokenize}, except that every lower-case ASCII word that is not a
 * name connector is the one shared {@link PLAIN_WORD} (no string, no object). Gives up
 * at the first word that may start a cue: such a sentence needs its
 * real tokens.
 *
 * @param text
 *   Paragraph text.
 * @param from
 *   Sentence start.
 * @param to
 *   Sentence end (exclusive).
 * @param into
 *   Array to fill (emptied first).
 * @param isConnector
 *   Whether a lower-case word joins the words of a name ("of", "van").
 * @param plainAt
 *   Filled with the start and end offsets of each shared plain word (emptied first).
 * @returns
 *   -1 when the sentence has no cue (`into` holds its tokens), else the start of the
 *   first word that may start one (see {@link finishLean}).
 */
export function tokenizeLean(
  text: string,
  from: number,
  to: number,
  into: Token[],
  isConnector: (lower: string) => boolean,
  plainAt: number[],
): number {
  if (into.length !== 0) into.length = 0;
  if (plainAt.length !== 0) plainAt.length = 0;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
      continue;
    }
    if (code >= 97 && code <= 122) {
      // the common word: a-z only, its cue hash made on the way
      let k = i + 1;
      let h = code;
      let c = text.charCodeAt(k);
      while (c >= 97 && c <= 122) {
        h = (Math.imul(h, 31) + c) | 0;
        c = text.charCodeAt(++k);
      }
      if (k <= to && endsPlainWord(c)) {
        if (CUE_HASHES[finishHash(h, k - i)] === 1 && cueMayStart(text.slice(i, k), text, k, to))
          return i;
        if (k - i <= MAX_CONNECTOR && CONNECTOR_FIRST.has(code)) {
          const word = text.slice(i, k);
          if (isConnector(word)) {
            into.push(noCueWord(i, k, word, word, false));
            i = k;
            continue;
          }
        }
        plainAt.push(i, k);
        into.push(PLAIN_WORD);
        i = k;
        continue;
      }
    } else if (code >= 65 && code <= 90) {
      // a capitalised word, A-Z then a-z only: its lower-case hash made on the way
      const k = capitalisedEnd(text, i);
      if (k <= to && endsPlainWord(text.charCodeAt(k))) {
        const word = text.slice(i, k);
        const lower = word.toLowerCase();
        if (CUE_HASHES[finishHash(lowerHash, k - i)] === 1 && cueMayStart(lower, text, k, to))
          return i;
        into.push(noCueWord(i, k, word, lower, true));
        i = k;
        continue;
      }
    }
    if (isWordStart(code, text, i)) {
      const wordEnd = scanWord(text, i);
      if (wordEnd > i && wordEnd <= to) {
        let end = wordEnd;
        while (
          text.charCodeAt(end) === 44 &&
          isDigits(text, end + 1, end + 4) &&
          !isDigitCode(text.charCodeAt(end + 4)) &&
          end + 4 <= to &&
          isDigitCode(text.charCodeAt(end - 1))
        ) {
          end += 4;
        }
        const folds = scannedFolds || end !== wordEnd;
        if (!folds && !(text.charCodeAt(end) === 46 && end < to)) {
          // lower-case ASCII, no period after it: the word as written is its lower case
          if (mayStartCueIn(text, i, end) && cueMayStart(text.slice(i, end), text, end, to))
            return i;
          if (end - i <= MAX_CONNECTOR && CONNECTOR_FIRST.has(code)) {
            const word = text.slice(i, end);
            if (isConnector(word)) {
              into.push(noCueWord(i, end, word, word, false));
              i = end;
              continue;
            }
          }
          plainAt.push(i, end);
          into.push(PLAIN_WORD);
          i = end;
          continue;
        }
        let word = text.slice(i, end);
        let lower = folds ? word.toLowerCase() : word;
        if (
          text.charCodeAt(end) === 46 &&
          end < to &&
          (ABBREVIATIONS.has(lower) || (word.length === 1 && isUpper(word)) || lower.includes("."))
        ) {
          end++;
          word += ".";
          lower += ".";
        }
        if (mayStartCue(lower) && cueMayStart(lower, text, end, to)) return i;
        into.push(noCueWord(i, end, word, lower, folds && isUpper(word)));
        i = end;
        continue;
      }
    }
    if (!STRAY_MARKS.has(code)) {
      const c = punct(code, text, i);
      into.push(newToken(i, i + 1, c, c, "punct", false, false));
    }
    i++;
  }
  return -1;
}

/**
 * For a word that {@link mayStartCue}: whether a cue may start there, so that the lean
 * tokens must stop. A word that is a cue only as the head of a phrase ("can" of "can
 * confirm", "made" of "made clear") is one only when the phrase's next tokens follow it;
 * most sentences with "can" or "make" then stay lean. Exact: `cueAt` would find no cue
 * at a head whose phrases do not follow.
 *
 * @param word
 *   The word, lower case.
 * @param text
 *   Paragraph text.
 * @param end
 *   End of the word (the head's token) in `text`.
 * @param to
 *   Sentence end (exclusive).
 */
function cueMayStart(word: string, text: string, end: number, to: number): boolean {
  if (!isPhrasalOnly(word)) return true;
  const phrases = phrasalCuesStartingWith(word);
  if (phrases.length === 0) return false;
  // the next few tokens, from a window of the text: a token that ends well before the
  // window's end (a number or an abbreviation looks a few characters ahead) is the one
  // the whole sentence's tokens have; one near the cut (or past it) may not be
  const windowEnd = Math.min(to, end + PHRASE_WINDOW);
  const next = tokenize(text, end, windowEnd, phraseScratch);
  const cut = windowEnd !== to;
  const may = phrases.some((phrase) => {
    for (let k = 1; k < phrase.length; k++) {
      const t = next[k - 1];
      // past the window: unknown (or no token left at the sentence's end)
      if (t === undefined) return cut;
      if (t.lower !== phrase[k]) return cut && t.end + LOOKAHEAD >= windowEnd;
    }
    return true;
  });
  phraseScratch.length = 0;
  return may;
}

/** How much text after a phrase head {@link cueMayStart} tokenizes (the longest phrase is 4 words). */
const PHRASE_WINDOW = 64;
/** How far past a token's end the tokenizer may look ("2,400", "U.S."). */
const LOOKAHEAD = 6;
/** Reused by {@link cueMayStart}. */
const phraseScratch: Token[] = [];

/**
 * Whether the code after a run of a-z ends the word there as it is: not a letter, a digit,
 * a soft hyphen or a joiner (' ’ - . &), nor any other non-ASCII character (those take the
 * general path). `NaN` (the end of the text) ends it.
 */
function endsPlainWord(c: number): boolean {
  return !(
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    c >= 128 ||
    c === 39 ||
    c === 45 ||
    c === 46 ||
    c === 38
  );
}

/** The running cue hash of the lower case of the word {@link capitalisedEnd} last read. */
let lowerHash = 0;

/**
 * The end of the run of a-z after the capital at `i`; sets {@link lowerHash} to the running
 * hash of the run in lower case (see `finishHash`).
 */
function capitalisedEnd(text: string, i: number): number {
  let h = text.charCodeAt(i) + 32;
  let k = i + 1;
  let c = text.charCodeAt(k);
  while (c >= 97 && c <= 122) {
    h = (Math.imul(h, 31) + c) | 0;
    c = text.charCodeAt(++k);
  }
  lowerHash = h;
  return k;
}

/**
 * A copy of some lean tokens for the speaker registry, or `undefined` when they hold no
 * capitalised word (the registry finds no name in them). Runs of shared plain words are
 * kept as one: the registry only asks whether a token is a capitalised word, a connector
 * or the punctuation before a name, so one plain word reads as a run of them.
 */
export function compactLean(lean: readonly Token[]): Token[] | undefined {
  let k = 0;
  while (k < lean.length && !(lean[k] as Token).upper) k++;
  if (k === lean.length) return undefined;
  const out: Token[] = [];
  let prevPlain = false;
  for (let j = 0; j < lean.length; j++) {
    const t = lean[j] as Token;
    if (t === PLAIN_WORD) {
      if (prevPlain) continue;
      prevPlain = true;
    } else prevPlain = false;
    out.push(t);
  }
  return out;
}

/** Longest name connector ("van", "del"). */
const MAX_CONNECTOR = 3;
/** First letters of the name connectors (of for and de van von bin al la le del der on). */
const CONNECTOR_FIRST = new Set([111, 102, 97, 100, 118, 98, 108]);

/**
 * The real tokens of a sentence whose lean tokens stopped at a word that may start a cue:
 * the lean tokens so far with every shared plain word made its own token, then the rest
 * tokenised from `stop`. The same tokens as {@link tokenize} over the whole sentence.
 *
 * @param text
 *   Paragraph text.
 * @param lean
 *   The lean tokens before `stop`.
 * @param plainAt
 *   Start and end offsets of each shared plain word in `lean`, in order.
 * @param stop
 *   Where the lean tokens stopped (a token start).
 * @param to
 *   Sentence end (exclusive).
 * @returns
 *   A new array of tokens.
 */
export function finishLean(
  text: string,
  lean: readonly Token[],
  plainAt: readonly number[],
  stop: number,
  to: number,
): Token[] {
  // pushed one by one: a packed array, as `tokenize` makes
  const tokens: Token[] = [];
  let p = 0;
  for (let k = 0; k < lean.length; k++) {
    const t = lean[k] as Token;
    if (t === PLAIN_WORD) {
      const a = plainAt[p] ?? 0;
      const b = plainAt[p + 1] ?? 0;
      p += 2;
      const word = text.slice(a, b);
      tokens.push(noCueWord(a, b, word, word, false));
    } else tokens.push(t);
  }
  return tokenize(text, stop, to, tokens);
}

/** A word token known not to start a cue (`cue: null`, as `cueAt` would find). */
function noCueWord(start: number, end: number, text: string, lower: string, upper: boolean): Token {
  return { start, end, text, lower, type: "word", upper, quote: false, cue: null };
}

function newToken(
  start: number,
  end: number,
  text: string,
  lower: string,
  type: "word" | "punct",
  upper: boolean,
  quote: boolean,
): Token {
  return { start, end, text, lower, type, upper, quote, cue: undefined };
}

/** Double quotation marks (a lone one outside any quote is dropped). */
const STRAY_MARKS = new Set([
  0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb, 0x300c, 0x300d, 0x300e, 0x300f,
]);

const PUNCT_STRINGS = new Map<number, string>();

/** One punctuation character as a shared string. */
function punct(code: number, text: string, i: number): string {
  let c = PUNCT_STRINGS.get(code);
  if (c === undefined) {
    c = text[i] ?? "";
    if (PUNCT_STRINGS.size < 512 && (code < 0xd800 || code > 0xdfff)) PUNCT_STRINGS.set(code, c);
  }
  return c;
}

/**
 * Tokens of a sentence with every quote as one token (its words are never attribution).
 *
 * @param text
 *   Paragraph text.
 * @param from
 *   Sentence start.
 * @param to
 *   Sentence end.
 * @param quotes
 *   The quotes that open in the sentence, in order.
 * @returns
 *   Tokens in order; a quote's token has `quote: true` and the text of its closing mark.
 */
export function tokenizeSentence(
  text: string,
  from: number,
  to: number,
  quotes: readonly QuoteSpan[],
): Token[] {
  if (quotes.length === 0) return tokenize(text, from, to);
  const tokens: Token[] = [];
  let at = from;
  for (const q of quotes) {
    const open = Math.max(at, q.open);
    tokenize(text, at, open, tokens);
    const end = Math.min(
      Math.max(open + 1, q.close + q.closeLength),
      Math.max(to, q.close + q.closeLength),
    );
    const mark = q.closeLength > 0 ? text.slice(q.close, q.close + q.closeLength) : "”";
    tokens.push(newToken(open, end, mark, mark, "punct", false, true));
    at = end;
  }
  if (at < to) tokenize(text, at, to, tokens);
  return tokens;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return to <= text.length;
}

/** Whether a character code is white space (the shared set of `\s`). */
export const isSpaceCode: (code: number) => boolean = isWhitespace;

const LETTER = /[\p{L}\p{N}\u00AD]/u;

function isWordStart(code: number, text: string, i: number): boolean {
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0x2000 && code <= 0x206f) return false;
  return LETTER.test(text[i] ?? "");
}

const UPPER = /^\p{Lu}/u;

function isUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(word);
}

/** An upper-case letter. */
const UPPER_START = /^\p{Lu}/u;

/** The characters that can end a sentence. */
const SENTENCE_PUNCT = /[.?!]/g;

/** A sentence of a paragraph: `[start, end)` in the paragraph text. */
export interface Sentence {
  /** Start offset. */
  start: number;
  /** End offset (exclusive, trailing spaces trimmed). */
  end: number;
}

const TITLE_ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "sen",
  "sens",
  "rep",
  "reps",
  "gov",
  "govs",
  "lt",
  "gen",
  "col",
  "capt",
  "cmdr",
  "sgt",
  "st",
  "prof",
  "rev",
  "hon",
  "pres",
  "supt",
  "det",
  "adm",
  "maj",
  "gens",
  "no",
  "nos",
  "vs",
  "v",
]);
const STARTERS = new Set([
  "He",
  "She",
  "It",
  "They",
  "We",
  "I",
  "The",
  "But",
  "And",
  "This",
  "That",
  "There",
  "His",
  "Her",
  "Their",
  "Its",
  "Our",
  "A",
  "An",
  "In",
  "On",
  "At",
  "After",
  "Before",
  "When",
  "While",
  "If",
  "As",
]);

function nextWord(text: string, at: number): string {
  let e = at;
  while (e < text.length && e < at + 12 && /\p{L}/u.test(text[e] ?? "")) e++;
  return text.slice(at, e);
}

function isOpeningMarkChar(c: string | undefined): boolean {
  return c !== undefined && "\"“„«»「『'`‘(".includes(c);
}

function startsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  return /[\p{Lu}\p{N}]/u.test(c) || isOpeningMarkChar(c);
}

/**
 * Whether the words at `at` attribute the quote before them (“…?” Mrs. Clinton asked):
 * a cue within the next six words, before any punctuation.
 */
function attributionFollows(text: string, at: number, question: boolean): boolean {
  let i = at;
  let wordsSeen = 0;
  let prevWord = "";
  while (i < text.length && wordsSeen < 7) {
    while (i < text.length && text[i] === " ") i++;
    let j = i;
    while (j < text.length && /[\p{L}'’.-]/u.test(text[j] ?? "")) j++;
    if (j === i) return false;
    let word = text.slice(i, j);
    let ends = false;
    if (word.endsWith(".")) {
      const bare = word.slice(0, -1).toLowerCase();
      if (!ABBREVIATIONS.has(bare) && !/^\p{L}$/u.test(bare)) {
        word = word.slice(0, -1);
        ends = true;
      }
    }
    const lower = word.toLowerCase();
    const form = lookupCue(lower);
    if (form && !form.gerund && !form.base && !DETS.has(prevWord)) {
      // inverted (asked Sen. X), or the attribution ends there (Mrs. Clinton said.)
      const next = text[j];
      if (wordsSeen === 0 || ends || next === "," || next === undefined || question) return true;
      return false;
    }
    if (ends) return false;
    prevWord = lower;
    wordsSeen++;
    i = j;
    if (text[i] !== " ") return false;
  }
  return false;
}

const DETS = new Set([...DETERMINERS_CORE, "these", "those", "this", "that", "news"]);

/** Add the sentence `text.slice(start, end)` without its outer spaces, if any; gives `end`. */
function pushSentence(sentences: Sentence[], text: string, start: number, end: number): number {
  let s = start;
  while (s < end && isSpaceCode(text.charCodeAt(s))) s++;
  let e = end;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) sentences.push({ start: s, end: e });
  return end;
}

/**
 * Split a paragraph into sentences. Quotes are atomic: a sentence ends inside a quote only
 * where the quote itself ends with `.`, `?` or `!` and the next sentence starts after it.
 *
 * @param text
 *   Paragraph text.
 * @param quotes
 *   The paragraph's quotes (from `scanQuotes`), in order.
 * @returns
 *   Sentences in order, covering the text without its outer spaces.
 */
export function splitSentences(text: string, quotes: readonly QuoteSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let q = 0;
  const n = text.length;
  let nextPunct = -1;
  for (let i = 0; i < n; i++) {
    const quote = quotes[q];
    if (!quote || i < quote.open) {
      // jump to the next . ? ! (or the next quote); the search is remembered, so the text
      // is searched once however many quotes come before the next period
      if (nextPunct < i) {
        SENTENCE_PUNCT.lastIndex = i;
        nextPunct = SENTENCE_PUNCT.test(text) ? SENTENCE_PUNCT.lastIndex - 1 : n;
      }
      const stop = quote ? Math.min(nextPunct, quote.open) : nextPunct;
      if (stop >= n) break;
      i = stop;
    }
    if (quote && i >= quote.open) {
      const after = quote.close + quote.closeLength;
      q++;
      if (quote.closed) {
        // does the quote end its sentence? “… .” Next
        let k = quote.close - 1;
        while (k > quote.open && "’'‘ ".includes(text[k] ?? "")) k--;
        const last = text[k];
        let j = after;
        while (j < n && text[j] === " ") j++;
        if (
          (last === "." || last === "?" || last === "!") &&
          // “… .” Next, or glued by a missing space: “… !”Next
          (j > after || UPPER_START.test(text[after] ?? "")) &&
          startsSentence(text, j) &&
          !attributionFollows(text, j, last !== ".")
        ) {
          start = pushSentence(sentences, text, start, after);
        }
        i = Math.max(i, after - 1);
        continue;
      }
      i = Math.max(i, after - 1);
      continue;
    }
    const c = text.charCodeAt(i);
    // . ? !
    if (c !== 46 && c !== 63 && c !== 33) continue;
    let j = i + 1;
    while (j < n && (text[j] === "." || text[j] === "?" || text[j] === "!" || text[j] === ")")) j++;
    // ‘authorities."We …’: a quote opening right after the period
    const glued =
      quote !== undefined && quote.open === j && /\p{Lu}/u.test(text[j + quote.openLength] ?? "");
    if (glued) {
      start = pushSentence(sentences, text, start, j);
      i = j - 1;
      continue;
    }
    if (j >= n || !isSpaceCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && isSpaceCode(text.charCodeAt(k))) k++;
    if (!startsSentence(text, k)) continue;
    if (c === 46) {
      // the word before the period
      let w = i;
      while (w > start) {
        const cc = text.charCodeAt(w - 1);
        const ascii = (cc >= 97 && cc <= 122) || (cc >= 65 && cc <= 90) || cc === 46;
        if (!ascii && (cc < 128 || !/\p{L}/u.test(text[w - 1] ?? ""))) break;
        w--;
      }
      const word = text.slice(w, i).toLowerCase();
      if (
        ABBREVIATIONS.has(word) ||
        /^\p{L}$/u.test(word) ||
        (word.includes(".") && word.length <= 5 && word !== "u.s")
      ) {
        // "at 7 p.m. He said": an abbreviation can still end a sentence before "He", "The"
        if (TITLE_ABBREVIATIONS.has(word) || !STARTERS.has(nextWord(text, k))) continue;
      }
    }
    start = pushSentence(sentences, text, start, j);
    i = j - 1;
  }
  pushSentence(sentences, text, start, n);
  return sentences;
}
