/**
 * Words and sentences of a paragraph, for the attribution rules. Everything here is a
 * single left-to-right pass with sticky regular expressions that cannot backtrack.
 */
import { lookupCue } from "./lexicon.js";
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
}

/** Abbreviations that end with a period but not a sentence. Lower case, without the period. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "lt", "gen", "col", "capt", "cmdr", "sgt",
  "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "vs", "v", "prof", "rev", "hon", "pres", "supt", "det", "adm", "maj", "gens",
  "ariz", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich",
  "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
  "wyo", "ala", "ark", "u.s", "u.k", "u.n", "d.c", "n.y", "n.j", "n.c", "s.c", "n.h", "n.m", "n.d", "s.d", "r.i",
  "w.va", "e.g", "i.e", "etc", "approx", "dept", "est", "ft", "mt", "ave", "blvd",
]);

const WORD = /[\p{L}\p{N}\u00AD]+(?:['’\-.&][\p{L}\p{N}\u00AD]+)*/uy;

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
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] ?? "";
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m && m.index === i && i + m[0].length <= to) {
      let end = i + m[0].length;
      const lower = m[0].toLowerCase();
      // "Mr." "U.S." "G." keep their period
      if (text[end] === "." && end < to && (ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(m[0]) || lower.includes("."))) {
        end++;
      }
      const word = text.slice(i, end);
      tokens.push({ start: i, end, text: word, lower: word.toLowerCase(), type: "word", upper: /^\p{Lu}/u.test(word) });
      i = end;
      continue;
    }
    tokens.push({ start: i, end: i + 1, text: c, lower: c, type: "punct", upper: false });
    i++;
  }
  return tokens;
}

/** A sentence of a paragraph: `[start, end)` in the paragraph text. */
export interface Sentence {
  /** Start offset. */
  start: number;
  /** End offset (exclusive, trailing spaces trimmed). */
  end: number;
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
    while (j < text.length && /[\p{L}'’.\-]/u.test(text[j] ?? "")) j++;
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

const DETS = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "these", "those", "this", "that", "news"]);

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
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s] ?? "")) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) sentences.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const quote = quotes[q];
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
        if ((last === "." || last === "?" || last === "!") && j > after && startsSentence(text, j) && !attributionFollows(text, j, last !== ".")) {
          push(after);
        }
        i = Math.max(i, after - 1);
        continue;
      }
      i = Math.max(i, after - 1);
      continue;
    }
    const c = text[i];
    if (c !== "." && c !== "?" && c !== "!") continue;
    let j = i + 1;
    while (j < n && (text[j] === "." || text[j] === "?" || text[j] === "!" || text[j] === ")")) j++;
    // ‘authorities."We …’: a quote opening right after the period
    const glued = quote !== undefined && quote.open === j && /\p{Lu}/u.test(text[j + quote.openLength] ?? "");
    if (glued) {
      push(j);
      i = j - 1;
      continue;
    }
    if (j >= n || !/\s/.test(text[j] ?? "")) continue;
    let k = j;
    while (k < n && /\s/.test(text[k] ?? "")) k++;
    if (!startsSentence(text, k)) continue;
    if (c === ".") {
      // the word before the period
      let w = i;
      while (w > start && /[\p{L}.]/u.test(text[w - 1] ?? "")) w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || (word.includes(".") && word.length <= 5 && word !== "u.s")) {
        continue;
      }
    }
    push(j);
    i = j - 1;
  }
  push(n);
  return sentences;
}
