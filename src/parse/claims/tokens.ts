/**
 * Words and sentences of a paragraph, for the attribution rules. Everything here is a
 * single left-to-right pass with sticky regular expressions that cannot backtrack.
 */

import { isWhitespace } from "../../util/chars.js";
import type { CueMatch } from "./attribution.js";
import {
  cueStart,
  cueStartHashes,
  DETERMINERS_CORE,
  FINITE_VERBS,
  finishHash,
  hasCueHash,
  lookupCue,
  mayStartCue,
  mayStartCueIn,
  NAME_CONNECTORS,
  PHRASAL_CUES,
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

/**
 * `tokens[i]`, or `undefined` for a negative `i`. V8 reads a negative index as a named
 * property, which turns the reading site megamorphic (slower for every index read there
 * after): reads that can go below 0 (the token before a cue, a quote, a subject) use this.
 *
 * @param tokens
 *   The tokens.
 * @param i
 *   Index, maybe negative.
 * @returns
 *   The token, if any.
 */
export function tokenAt(tokens: readonly Token[], i: number): Token | undefined {
  return i >= 0 ? tokens[i] : undefined;
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

/**
 * `text.charCodeAt(k)`, or -1 at or past the end of the text (where `charCodeAt` gives
 * `NaN`; -1 compares as `NaN` does with every code range read here). For the reads that
 * may go one past the end: once a `charCodeAt` site has read out of range, V8 compiles it
 * (and the arithmetic on its result) for `NaN`, slower for every read there after.
 */
function codeAt(text: string, k: number): number {
  return k < text.length ? text.charCodeAt(k) : -1;
}

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
    const c = codeAt(text, k);
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
      let c = codeAt(text, k);
      while (c >= 97 && c <= 122) {
        h = (Math.imul(h, 31) + c) | 0;
        c = codeAt(text, ++k);
      }
      if (k <= to && (endsPlainWord(c) || (c === 46 && periodEndsWord(text, i, k, to)))) {
        const word = text.slice(i, k);
        tokens.push(
          hasCueHash(CUE_HASHES, finishHash(h, k - i))
            ? make(i, k, word, word, "word", false, false)
            : noCueWord(i, k, word, word, false),
        );
        i = k;
        continue;
      }
    } else if (code >= 65 && code <= 90) {
      // a capitalised word, A-Z then ASCII letters only
      const k = capitalisedEnd(text, i);
      const c = codeAt(text, k);
      if (k <= to && (endsPlainWord(c) || (c === 46 && periodEndsWord(text, i, k, to)))) {
        const word = text.slice(i, k);
        const lower = word.toLowerCase();
        tokens.push(
          hasCueHash(CUE_HASHES, finishHash(lowerHash, k - i))
            ? make(i, k, word, lower, "word", true, false)
            : noCueWord(i, k, word, lower, true),
        );
        i = k;
        continue;
      }
    } else if (code >= 48 && code <= 57) {
      // a number, 0-9 only (no cue)
      const k = numberEnd(text, i, to);
      if (k > i) {
        const word = text.slice(i, k);
        tokens.push(noCueWord(i, k, word, word, false));
        i = k;
        continue;
      }
    }
    if (isWordStart(code, text, i)) {
      const wordEnd = scanWord(text, i);
      if (wordEnd > i && wordEnd <= to) {
        let end = groupsEnd(text, wordEnd, to);
        const folds = scannedFolds || end !== wordEnd;
        let word = text.slice(i, end);
        // most words are lower case already: no new string for them
        let lower = folds ? word.toLowerCase() : word;
        if (keepsPeriod(text, end, to, word, lower)) {
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

/**
 * Stands for every lower-case ASCII word (or number) that is neither a name connector after
 * a capitalised word nor a cue (lean tokens).
 */
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
 * Stands for every punctuation character but `. ? ! ,` (lean tokens): what reads lean
 * tokens tells no other mark apart (the registry sees a token that is no word and opens
 * no sentence), and a long run of marks makes no object per mark.
 */
const PLAIN_PUNCT: Token = {
  start: -1,
  end: -1,
  text: "",
  lower: "",
  type: "punct",
  upper: false,
  quote: false,
  cue: undefined,
};

/**
 * The lean tokens of one sentence (see {@link tokenizeLean}), in buffers reused from
 * sentence to sentence: only the first {@link LeanTokens.length} tokens and
 * {@link LeanTokens.plainLength} offsets count, the rest are left over from an earlier
 * sentence (no array is emptied or made anew for each sentence).
 */
export class LeanTokens {
  /** The tokens. */
  readonly tokens: Token[] = [];
  /** How many of {@link tokens} count. */
  length = 0;
  /** Start and end offsets of each shared plain word in {@link tokens}, in order. */
  readonly plainAt: number[] = [];
  /** How many of {@link plainAt} count (two a plain word). */
  plainLength = 0;
  /** The sentence start (see {@link asBefore}). */
  asFrom = 0;
  /** Where the search for "as" got to (see {@link asBefore}). */
  asTo = 0;
  /** Whether that search found "as". */
  asSeen = false;
  /** Where the last "that" found is, or the sentence end when none (see {@link thatAfter}); -1: not searched yet. */
  thatAt = -1;
  /** Whether the sentence's last token may be a colon (-1: not looked yet). */
  colon: -1 | 0 | 1 = -1;

  /** The tokens that count, as a new array. */
  list(): Token[] {
    return this.tokens.slice(0, this.length);
  }
}

/**
 * The tokens of a sentence without quotes, for {@link SpeakerRegistry.registerNames} only:
 * the same tokens as {@link tokenize}, except that every lower-case ASCII word (or number)
 * that is not a name connector after a capitalised word is the one shared {@link PLAIN_WORD}
 * (no string, no object; the same to the registry). Gives up
 * at the first word that may start a cue that reports something ({@link cueMayStart}): such a
 * sentence needs its real tokens.
 *
 * @param text
 *   Paragraph text.
 * @param from
 *   Sentence start.
 * @param to
 *   Sentence end (exclusive).
 * @param lean
 *   Buffers to fill (what they held before does not count any more).
 * @param isConnector
 *   Whether a lower-case word joins the words of a name ("of", "van").
 * @returns
 *   -1 when no cue of the sentence may report anything (`lean` holds its tokens), else the
 *   start of the first word where one may start (`lean` holds the tokens before it, see
 *   {@link finishLean}).
 */
export function tokenizeLean(
  text: string,
  from: number,
  to: number,
  lean: LeanTokens,
  isConnector: (lower: string) => boolean,
): number {
  const into = lean.tokens;
  lean.length = 0;
  lean.plainLength = 0;
  lean.asFrom = from;
  lean.asTo = from;
  lean.asSeen = false;
  lean.thatAt = -1;
  lean.colon = -1;
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
      let c = codeAt(text, k);
      while (c >= 97 && c <= 122) {
        h = (Math.imul(h, 31) + c) | 0;
        c = codeAt(text, ++k);
      }
      if (k <= to && (endsPlainWord(c) || (c === 46 && periodEndsWord(text, i, k, to)))) {
        const cue = hasCueHash(CUE_HASHES, finishHash(h, k - i));
        if (!leanLowerWord(text, i, k, to, lean, isConnector, cue)) return i;
        i = k;
        continue;
      }
    } else if (code >= 65 && code <= 90) {
      // a capitalised word, A-Z then ASCII letters only: its lower-case hash made on the way
      const k = capitalisedEnd(text, i);
      const c = codeAt(text, k);
      if (k <= to && (endsPlainWord(c) || (c === 46 && periodEndsWord(text, i, k, to)))) {
        const word = text.slice(i, k);
        const lower = word.toLowerCase();
        const found = hasCueHash(CUE_HASHES, finishHash(lowerHash, k - i))
          ? cueMayStart(lower, text, i, k, to, lean)
          : NO_CUE;
        if (found === CUE) return i;
        into[lean.length++] =
          found === SILENT_CUE
            ? newToken(i, k, word, lower, "word", true, false)
            : noCueWord(i, k, word, lower, true);
        i = k;
        continue;
      }
    } else if (code >= 48 && code <= 57) {
      // a number, 0-9 only: a plain word
      const k = numberEnd(text, i, to);
      if (k > i) {
        pushShared(lean, PLAIN_WORD, i, k);
        i = k;
        continue;
      }
    }
    if (isWordStart(code, text, i)) {
      const wordEnd = scanWord(text, i);
      if (wordEnd > i && wordEnd <= to) {
        let end = groupsEnd(text, wordEnd, to);
        const folds = scannedFolds || end !== wordEnd;
        if (!folds && !(codeAt(text, end) === 46 && end < to)) {
          // lower-case ASCII, no period after it: the word as written is its lower case
          const cue = mayStartCueIn(text, i, end);
          if (!leanLowerWord(text, i, end, to, lean, isConnector, cue)) return i;
          i = end;
          continue;
        }
        let word = text.slice(i, end);
        let lower = folds ? word.toLowerCase() : word;
        if (keepsPeriod(text, end, to, word, lower)) {
          end++;
          word += ".";
          lower += ".";
        }
        const found = mayStartCue(lower) ? cueMayStart(lower, text, i, end, to, lean) : NO_CUE;
        if (found === CUE) return i;
        into[lean.length++] =
          found === SILENT_CUE
            ? newToken(i, end, word, lower, "word", folds && isUpper(word), false)
            : noCueWord(i, end, word, lower, folds && isUpper(word));
        i = end;
        continue;
      }
    }
    if (!STRAY_MARKS.has(code)) {
      if (code === 46 || code === 63 || code === 33 || code === 44) {
        // ". ? !" open a sentence to the registry, "," is read before a cue: real tokens
        const c = punct(code, text, i);
        into[lean.length++] = newToken(i, i + 1, c, c, "punct", false, false);
      } else pushShared(lean, PLAIN_PUNCT, i, i + 1);
    }
    i++;
  }
  return -1;
}

/**
 * For a word whose hash is in {@link CUE_HASHES}: whether a cue that `indirectClaims` or
 * `noteIntroduction` may read can start there, so that the lean tokens must stop. Exact, in
 * that a sentence whose lean tokens never stop gets nothing from those two, only its names
 * registered. No cue (`cueAt` finds none) when the word is no cue start after all (a hash
 * collision: "republican", "since") or the head of phrasal cues only whose second word does
 * not follow it (see {@link phraseMayFollow}). A cue that reports nothing (the word keeps its
 * own token, for `cueAt` to look up) when the sentence does not end with a colon (else
 * `noteIntroduction` may read any cue), and:
 * - the word is the sentence's first token ("Learn more …": `indirectClaims` reads no cue
 *   there but "according"), or
 * - a gerund without "and", "but", "then" or a comma before it (its only subject is a
 *   coordinated one), or
 * - a verb that reports a clause only in some frames ({@link CueNeed}) without them.
 *
 * @param word
 *   The word, lower case.
 * @param text
 *   Paragraph text.
 * @param start
 *   Start of the word in `text`.
 * @param end
 *   End of the word (the head's token) in `text`.
 * @param to
 *   Sentence end (exclusive).
 * @param lean
 *   The lean tokens before the word.
 */
function cueMayStart(
  word: string,
  text: string,
  start: number,
  end: number,
  to: number,
  lean: LeanTokens,
): CueFound {
  const entry = cueStart(word);
  if (entry === undefined) return NO_CUE;
  if (entry.phrasalOnly && !phraseMayFollow(word, text, end, to)) return NO_CUE;
  if (lean.colon === -1) lean.colon = endsWithColon(text, end, to) ? 1 : 0;
  if (
    lean.colon === 0 &&
    ((lean.length === 0 && word !== "according") ||
      (entry.gerund && !coordinating(text, lean)) ||
      (entry.need === "that" && nextLetters(text, end, to) !== "that") ||
      (entry.need === "thatLater" &&
        !thatAfter(text, end, to, lean) &&
        !FINITE_PREFIXES.has(nextLetters(text, end, to)) &&
        (entry.gerund || !(commaBefore(lean) || asBefore(text, start, lean)))))
  )
    return SILENT_CUE;
  return CUE;
}

/**
 * What {@link cueMayStart} finds at a word: no cue (`cueAt` finds none there), a cue that
 * reports nothing in the sentence (`cueAt` may find one: the word needs its own token), or
 * a cue that may report something (the lean tokens stop).
 */
type CueFound = 0 | 1 | 2;
const NO_CUE = 0;
const SILENT_CUE = 1;
const CUE = 2;

/**
 * Whether the last token of the sentence that ends at `to` may be a colon: the last
 * character that is neither white space nor a stray mark (dropped) is one. Looks back no
 * further than `from` (a word of the sentence: its last character ends the search).
 */
function endsWithColon(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && (isSpaceCode(text.charCodeAt(k)) || STRAY_MARKS.has(text.charCodeAt(k)))) k--;
  return k >= from && text.charCodeAt(k) === 58;
}

/** Whether the last lean token is "and", "but", "then" or a comma (it coordinates a gerund). */
function coordinating(text: string, lean: LeanTokens): boolean {
  if (lean.length === 0) return false;
  const t = lean.tokens[lean.length - 1] as Token;
  let word: string;
  if (t === PLAIN_WORD) {
    const a = lean.plainAt[lean.plainLength - 2] ?? 0;
    const b = lean.plainAt[lean.plainLength - 1] ?? 0;
    if (b - a < 3 || b - a > 4) return false;
    word = text.slice(a, b);
  } else word = t.lower;
  return word === "," || word === "and" || word === "but" || word === "then";
}

/**
 * Whether the second word of a phrasal cue that starts with `word` may follow it ("can"
 * of "can confirm"). When not, `cueAt` finds no cue at a head that is a cue only in its
 * phrases ({@link CueStart.phrasalOnly}): most sentences with "can" or "make" stay lean.
 */
function phraseMayFollow(word: string, text: string, end: number, to: number): boolean {
  const next = nextLetters(text, end, to);
  for (const phrase of phrasalCuesStartingWith(word)) if (phrase[1] === next) return true;
  return false;
}

/**
 * The ASCII letters that start the token after `end`, lower case, {@link MAX_NEXT} at most
 * ("" when the token starts otherwise): when the token is a word of ASCII letters no
 * longer than that, the word itself. A stray mark before it is dropped by the tokenizer:
 * then the letters after the mark.
 */
function nextLetters(text: string, end: number, to: number): string {
  let k = end;
  while (k < to && (isSpaceCode(text.charCodeAt(k)) || STRAY_MARKS.has(text.charCodeAt(k)))) k++;
  let e = k;
  while (e < to && e - k < MAX_NEXT && isAsciiLetter(text.charCodeAt(e))) e++;
  return text.slice(k, e).toLowerCase();
}

/** The letters before the apostrophe of each finite verb ("is", "isn" of "isn’t"). */
const FINITE_PREFIXES: ReadonlySet<string> = new Set(
  [...FINITE_VERBS].map((w) => w.split(/['’]/)[0] ?? w),
);

/**
 * How many letters {@link nextLetters} reads: more than the longest word it is compared
 * with (a finite verb, a phrasal cue's second word), so that a longer word never matches.
 */
const MAX_NEXT =
  1 +
  Math.max(
    ...[...FINITE_PREFIXES, ...PHRASAL_CUES.map((p) => p.split(" ")[1] ?? "")].map((w) => w.length),
  );

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Whether a comma is the last punctuation token among the ten lean tokens before this one,
 * not the first token (where `postParenthetical` looks for the comma before `S said`).
 */
function commaBefore(lean: LeanTokens): boolean {
  const tokens = lean.tokens;
  for (let k = lean.length - 1; k >= 1 && k >= lean.length - 10; k--) {
    const t = tokens[k] as Token;
    if (t.type === "punct") return t.text === ",";
  }
  return false;
}

/**
 * Whether "as" (in any case, between non-letters) is in the sentence before `start`. Reads
 * on from where the last search stopped: each character is read once a sentence.
 */
function asBefore(text: string, start: number, lean: LeanTokens): boolean {
  if (!lean.asSeen) {
    for (let k = lean.asTo; k + 2 <= start; k++) {
      if (
        (text.charCodeAt(k) | 32) === 97 &&
        (text.charCodeAt(k + 1) | 32) === 115 &&
        (k === lean.asFrom || !isAsciiLetter(text.charCodeAt(k - 1))) &&
        !isAsciiLetter(text.charCodeAt(k + 2))
      ) {
        lean.asSeen = true;
        break;
      }
    }
    lean.asTo = Math.max(lean.asTo, start - 1);
  }
  return lean.asSeen;
}

/**
 * Whether "that" (in any case) is in the sentence after `end`. Each character is read once
 * a sentence: the last match (or its absence) is remembered.
 */
function thatAfter(text: string, end: number, to: number, lean: LeanTokens): boolean {
  if (lean.thatAt < end) {
    let k = end;
    for (; k + 4 <= to; k++) {
      if (
        (text.charCodeAt(k) | 32) === 116 &&
        (text.charCodeAt(k + 1) | 32) === 104 &&
        (text.charCodeAt(k + 2) | 32) === 97 &&
        (text.charCodeAt(k + 3) | 32) === 116
      )
        break;
    }
    lean.thatAt = k + 4 <= to ? k : to;
  }
  return lean.thatAt < to;
}

/**
 * Whether the period at `k` after a run of ASCII letters or digits `text.slice(from, k)`
 * (a-z, a capital then letters, or 0-9) ends the word as it is in the sentence that ends
 * at `to`, as {@link tokenize}'s general path would read it: no word character after it
 * (not "U.S"), and the word does not keep it (no abbreviation, no initial: "Mr." "G.").
 * When not, the word takes the general path. (The fast paths test the common ends,
 * {@link endsPlainWord}, before calling this: faster, as measured, than one call for both.)
 */
function periodEndsWord(text: string, from: number, k: number, to: number): boolean {
  if (!endsWordAfterJoiner(codeAt(text, k + 1))) return false;
  return (
    k === to ||
    (k - from > 1 &&
      (k - from > MAX_ABBREVIATION || !ABBREVIATIONS.has(text.slice(from, k).toLowerCase())))
  );
}

/** The longest of the {@link ABBREVIATIONS}. */
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * Whether the code after a run of a-z (or of ASCII letters after a capital, or of digits)
 * ends the word there as it is: not a letter, a digit,
 * a soft hyphen or a joiner (' ’ - . &), nor a non-ASCII character outside the general
 * punctuation block (U+2000-206F: dashes, curly quotes, ellipsis; those take the general
 * path). -1 (the end of the text, see `codeAt`) ends it.
 */
function endsPlainWord(c: number): boolean {
  if (c >= 128) return c >= 0x2000 && c <= 0x206f && c !== 0x2019;
  return !(
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    c === 39 ||
    c === 45 ||
    c === 46 ||
    c === 38
  );
}

/**
 * Whether the code after a joiner (' ’ - . &) leaves it out of the word: no letter, digit
 * or soft hyphen, nor a non-ASCII character outside U+2000-206F (those take the general
 * path). -1 (the end of the text) leaves it out.
 */
function endsWordAfterJoiner(c: number): boolean {
  if (c >= 128) return c >= 0x2000 && c <= 0x206f;
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

/** The running cue hash of the lower case of the word {@link capitalisedEnd} last read. */
let lowerHash = 0;

/**
 * The end of the run of ASCII letters after the capital at `i`; sets {@link lowerHash} to
 * the running hash of the run in lower case (see `finishHash`).
 */
function capitalisedEnd(text: string, i: number): number {
  let h = text.charCodeAt(i) + 32;
  let k = i + 1;
  let c = codeAt(text, k);
  for (;;) {
    if (c >= 97 && c <= 122) h = (Math.imul(h, 31) + c) | 0;
    else if (c >= 65 && c <= 90) h = (Math.imul(h, 31) + c + 32) | 0;
    else break;
    c = codeAt(text, ++k);
  }
  lowerHash = h;
  return k;
}

/**
 * The end of the number (0-9 only) at `i` when it is a whole token of the sentence that
 * ends at `to`, as {@link tokenize}'s general path would make it (not "2,400", "15.5",
 * "1980s"); else `i` (take the general path).
 */
function numberEnd(text: string, i: number, to: number): number {
  let k = i + 1;
  let c = codeAt(text, k);
  while (c >= 48 && c <= 57) c = codeAt(text, ++k);
  // "1980s" and "2,400" take the general path
  if (c >= 97 && c <= 122) return i;
  if (k > to) return i;
  if (c === 44) return isDigitCode(codeAt(text, k + 1)) ? i : k;
  return endsPlainWord(c) || (c === 46 && periodEndsWord(text, i, k, to)) ? k : i;
}

/**
 * A copy of some lean tokens for the speaker registry, or `undefined` when the registry
 * finds no name in them: no capitalised word, or only a first one that names nothing on its
 * own ("The", "We"). Runs of shared plain words and marks are kept as one: the registry
 * only asks whether a token is a capitalised word, a connector or the punctuation that opens
 * a sentence (neither of which they are), so one of them reads as a run of them.
 *
 * @param lean
 *   The lean tokens of a sentence.
 * @param namesNothing
 *   Whether a capitalised word (lower case) that opens a sentence, alone, is no name.
 */
export function compactLean(
  lean: LeanTokens,
  namesNothing: (lower: string) => boolean,
): Token[] | undefined {
  const tokens = lean.tokens;
  const n = lean.length;
  let k = 0;
  while (k < n && !(tokens[k] as Token).upper) k++;
  if (k === n) return undefined;
  if (k === 0) {
    // the first word: the only capitalised one?
    let m = 1;
    while (m < n && !(tokens[m] as Token).upper) m++;
    if (m === n && namesNothing((tokens[0] as Token).lower)) return undefined;
  }
  const out: Token[] = [];
  let prevPlain = false;
  for (let j = 0; j < n; j++) {
    const t = tokens[j] as Token;
    if (t === PLAIN_WORD || t === PLAIN_PUNCT) {
      if (prevPlain) continue;
      prevPlain = true;
    } else prevPlain = false;
    out.push(t);
  }
  return out;
}

/**
 * Add a lower-case ASCII word (`text.slice(i, k)`, as written) to the lean tokens: its own
 * token when it is a cue that reports nothing here or a name connector after a capitalised
 * word, else the shared {@link PLAIN_WORD}.
 *
 * @param cue
 *   Whether the word may start a cue (its hash or its letters say so).
 * @returns
 *   `false` when a cue may start at the word: the lean tokens stop there.
 */
function leanLowerWord(
  text: string,
  i: number,
  k: number,
  to: number,
  lean: LeanTokens,
  isConnector: (lower: string) => boolean,
  cue: boolean,
): boolean {
  if (cue) {
    const word = text.slice(i, k);
    const found = cueMayStart(word, text, i, k, to, lean);
    if (found === CUE) return false;
    if (found === SILENT_CUE) {
      lean.tokens[lean.length++] = newToken(i, k, word, word, "word", false, false);
      return true;
    }
  }
  if (mayBeConnector(text.charCodeAt(i), k - i, lean)) {
    const word = text.slice(i, k);
    if (isConnector(word)) {
      lean.tokens[lean.length++] = noCueWord(i, k, word, word, false);
      return true;
    }
  }
  pushShared(lean, PLAIN_WORD, i, k);
  return true;
}

/** Add a shared token ({@link PLAIN_WORD}, {@link PLAIN_PUNCT}) and its offsets. */
function pushShared(lean: LeanTokens, token: Token, start: number, end: number): void {
  lean.plainAt[lean.plainLength++] = start;
  lean.plainAt[lean.plainLength++] = end;
  lean.tokens[lean.length++] = token;
}

/** The name connectors made of lower-case ASCII letters ("&" is a mark to the tokenizer). */
const LETTER_CONNECTORS = [...NAME_CONNECTORS].filter((w) => /^[a-z]+$/.test(w));

/** Bits (1 << (code - 97)) of the first letters of {@link LETTER_CONNECTORS}. */
const CONNECTOR_FIRST = LETTER_CONNECTORS.reduce(
  (bits, w) => bits | (1 << (w.charCodeAt(0) - 97)),
  0,
);

/** Shortest and longest of {@link LETTER_CONNECTORS}. */
const MIN_CONNECTOR = Math.min(...LETTER_CONNECTORS.map((w) => w.length));
const MAX_CONNECTOR = Math.max(...LETTER_CONNECTORS.map((w) => w.length));

/**
 * Whether a lower-case word that starts with `code` and is `length` long, after the lean
 * tokens so far, may be a name connector that the registry reads: one right after a
 * capitalised word ("Bank of"), since the registry reads a connector only inside a name
 * (elsewhere it is a plain word to it). Most words are not looked up.
 */
function mayBeConnector(code: number, length: number, lean: LeanTokens): boolean {
  return (
    length >= MIN_CONNECTOR &&
    length <= MAX_CONNECTOR &&
    code >= 97 &&
    ((CONNECTOR_FIRST >>> (code - 97)) & 1) === 1 &&
    lean.length > 0 &&
    (lean.tokens[lean.length - 1] as Token).upper
  );
}

/**
 * The real tokens of a sentence whose lean tokens stopped at a word that may start a cue:
 * the lean tokens so far with every shared plain word made its own token, then the rest
 * tokenised from `stop`. The same tokens as {@link tokenize} over the whole sentence.
 *
 * @param text
 *   Paragraph text.
 * @param lean
 *   The lean tokens before `stop`.
 * @param stop
 *   Where the lean tokens stopped (a token start).
 * @param to
 *   Sentence end (exclusive).
 * @returns
 *   A new array of tokens.
 */
export function finishLean(text: string, lean: LeanTokens, stop: number, to: number): Token[] {
  // pushed one by one: a packed array, as `tokenize` makes
  const tokens: Token[] = [];
  const leanTokens = lean.tokens;
  const plainAt = lean.plainAt;
  let p = 0;
  for (let k = 0; k < lean.length; k++) {
    const t = leanTokens[k] as Token;
    if (t === PLAIN_WORD) {
      const a = plainAt[p] ?? 0;
      const b = plainAt[p + 1] ?? 0;
      p += 2;
      const word = text.slice(a, b);
      tokens.push(noCueWord(a, b, word, word, false));
    } else if (t === PLAIN_PUNCT) {
      const a = plainAt[p] ?? 0;
      p += 2;
      const c = punct(text.charCodeAt(a), text, a);
      tokens.push(newToken(a, a + 1, c, c, "punct", false, false));
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

/** The end of a word with the thousands groups after it ("2,400", "1,000,000": one number). */
function groupsEnd(text: string, wordEnd: number, to: number): number {
  let end = wordEnd;
  while (
    codeAt(text, end) === 44 &&
    isDigits(text, end + 1, end + 4) &&
    !isDigitCode(codeAt(text, end + 4)) &&
    end + 4 <= to &&
    isDigitCode(text.charCodeAt(end - 1))
  ) {
    end += 4;
  }
  return end;
}

/** Whether a word ending at `end` keeps the period after it ("Mr." "U.S." "G."). */
function keepsPeriod(text: string, end: number, to: number, word: string, lower: string): boolean {
  return (
    codeAt(text, end) === 46 &&
    end < to &&
    (ABBREVIATIONS.has(lower) || (word.length === 1 && isUpper(word)) || lower.includes("."))
  );
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isDigits(text: string, from: number, to: number): boolean {
  // (no read past the end: see `codeAt`)
  if (to > text.length) return false;
  for (let k = from; k < to; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return true;
}

/** Whether a character code is white space (the shared set of `\s`). */
export const isSpaceCode: (code: number) => boolean = isWhitespace;

/**
 * The number of words (runs of characters that are not whitespace, {@link isSpaceCode})
 * in `text.slice(from, to)`, counting to 4 at most.
 *
 * @param text
 *   A text.
 * @param from
 *   Start offset.
 * @param to
 *   End offset (exclusive).
 * @returns
 *   0 to 4.
 */
export function wordCount(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let k = from; k < to && words < 4; k++) {
    const w = !isSpaceCode(text.charCodeAt(k));
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}

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
  const code = codeAt(text, i);
  if (code < 128)
    return (
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 34 || // "
      code === 39 || // '
      code === 96 || // `
      code === 40 // (
    );
  // general punctuation: no letter or digit, but “ „ ‘ open a quote
  if (code >= 0x2000 && code <= 0x206f)
    return code === 0x201c || code === 0x201e || code === 0x2018;
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
    // "… apart.” Given his past comments, …": a capital preposition or conjunction opens
    // a sentence of its own, never an attribution
    if (wordsSeen === 0 && !question && CLAUSE_OPENERS.has(word)) return false;
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
      // a capital cue word right after `.”` opens a sentence of its own ("… apart.”
      // Given his past comments, …", "… finished.” Asked about it, …"): no attribution
      if (wordsSeen === 0 && !question && word !== lower) return false;
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

/** Capitalised words that open a sentence and never an attribution after `.”`. */
const CLAUSE_OPENERS = new Set([
  "After",
  "Although",
  "And",
  "As",
  "At",
  "Because",
  "Before",
  "But",
  "Despite",
  "During",
  "For",
  "From",
  "Given",
  "However",
  "If",
  "In",
  "On",
  "Since",
  "Though",
  "Under",
  "When",
  "While",
  "With",
  "Without",
  "Yet",
]);

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
        while (k > quote.open && (isSpaceCode(text.charCodeAt(k)) || "’'‘".includes(text[k] ?? "")))
          k--;
        const last = text[k];
        let j = after;
        while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
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
    for (let d = codeAt(text, j); d === 46 || d === 63 || d === 33 || d === 41; ) {
      d = codeAt(text, ++j);
    }
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
      // the word before the period (a longer one is no abbreviation: not read to its start)
      // (most such words are lower case already: no lower case made for them)
      let w = i;
      let folds = false;
      while (w > start && i - w <= MAX_ABBREVIATION) {
        const cc = text.charCodeAt(w - 1);
        if (!((cc >= 97 && cc <= 122) || cc === 46)) {
          if (!(cc >= 65 && cc <= 90) && (cc < 128 || !/\p{L}/u.test(text[w - 1] ?? ""))) break;
          folds = true;
        }
        w--;
      }
      const word =
        i - w > MAX_ABBREVIATION ? "" : folds ? text.slice(w, i).toLowerCase() : text.slice(w, i);
      if (
        ABBREVIATIONS.has(word) ||
        (word.length <= 2 && /^\p{L}$/u.test(word)) ||
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
