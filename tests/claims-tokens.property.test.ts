import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cueAt } from "../src/parse/claims/attribution.js";
import { isNameConnector } from "../src/parse/claims/speakers.js";
import {
  ABBREVIATIONS,
  finishLean,
  LeanTokens,
  type Token,
  tokenize,
  tokenizeLean,
} from "../src/parse/claims/tokens.js";
import { collapse } from "../src/parse/extract/byline.js";
import { normaliseAgency } from "../src/parse/extract/words.js";

/** Words, capitals, joiners, digits, spaces, marks and odd characters, mixed. */
const piece = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom(
    "said",
    "Said",
    "according",
    "to",
    "can",
    "Can",
    "confirm",
    "made",
    "clear",
    "pointed",
    "out",
    "put",
    "it",
    "known",
    "told",
    "reporters",
    "broke",
    "news",
    "of",
    "van",
    "Mr.",
    "U.S.",
    "don’t",
    "state-run",
    "2,400",
    "AT&T",
    "Reuters",
    "A.",
    "the",
    " ",
    "  ",
    "\n",
    "\u00a0",
    ".",
    ",",
    "“",
    "”",
    '"',
    "é",
    "\u00ad",
    "😀",
    "İstanbul",
    // the fast paths: numbers, capitals inside a word, a period or general punctuation after a word
    "15",
    "1987",
    "15.5",
    "1980s",
    "IBM",
    "McDonald",
    "St.",
    "v.",
    "a",
    "—",
    "…",
    "’",
  ),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));

/** A token without its cue cache, for comparing token streams. */
const plain = (t: Token) => ({
  start: t.start,
  end: t.end,
  text: t.text,
  lower: t.lower,
  type: t.type,
  upper: t.upper,
  quote: t.quote,
});

/** The word expression the tokenizer implements by hand. */
const WORD = /[\p{L}\p{N}\u00AD]+(?:['’\-.&][\p{L}\p{N}\u00AD]+)*/uy;

describe("tokenize", () => {
  it("makes words as the word expression reads them", () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const t of tokenize(s, 0, s.length)) {
          if (t.type !== "word") continue;
          WORD.lastIndex = t.start;
          const m = WORD.exec(s);
          const wordEnd = t.start + (m?.[0].length ?? 0);
          // the word, then ",ddd" groups (numbers) and/or the period of an abbreviation
          expect(t.end).toBeGreaterThanOrEqual(wordEnd);
          expect(s.slice(wordEnd, t.end)).toMatch(/^(?:,\d{3})*\.?$/);
          expect(t.text).toBe(s.slice(t.start, t.end));
          expect(t.lower).toBe(t.text.toLowerCase());
          expect(t.upper).toBe(/^\p{Lu}/u.test(t.text));
          const bare = t.lower.replace(/\.$/, "");
          const abbreviation =
            ABBREVIATIONS.has(bare) ||
            (t.text.length === 1 && /^\p{Lu}/u.test(t.text)) ||
            bare.includes(".");
          if (t.end === wordEnd && s[t.end] === "." && t.end < s.length)
            expect(abbreviation).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("lean tokens", () => {
  it("give the same tokens as tokenize, and stop only where a cue may be found", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const from = Math.min(a, b) % (s.length + 1);
        const to = Math.max(from, Math.max(a, b) % (s.length + 1));
        const full = tokenize(s, from, to);
        const lean = new LeanTokens();
        const stop = tokenizeLean(s, from, to, lean, isNameConnector);
        if (stop >= 0) {
          expect(finishLean(s, lean, stop, to).map(plain)).toEqual(full.map(plain));
        } else {
          // no cue anywhere: a phrase head ("can", "made") without its phrase stays lean
          const check = tokenize(s, from, to);
          expect(check.some((_, i) => cueAt(check, i) !== undefined)).toBe(false);
          expect(lean.length).toBe(full.length);
        }
        // a cue marked absent at tokenising is what cueAt finds
        const fresh = tokenize(s, from, to);
        for (let i = 0; i < full.length; i++) {
          const marked = full[i]?.cue;
          const token = fresh[i];
          if (token) token.cue = undefined;
          const found = cueAt(fresh, i);
          if (marked === null) expect(found).toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("lean tokens at a phrase head", () => {
  const leanStop = (s: string): number =>
    tokenizeLean(s, 0, s.length, new LeanTokens(), isNameConnector);
  it("stay lean past a head whose phrase does not follow", () => {
    expect(leanStop("We can build it and make tools that people know well.")).toBe(
      "We can build it and make tools that people ".length,
    );
    expect(leanStop("They can build it and make tools.")).toBe(-1);
    expect(leanStop("It is known as the Hill.")).toBe(-1);
  });
  it("stop at a head when its phrase follows, also across a line break", () => {
    expect(leanStop("The Tehran Times can confirm the report.")).toBe("The Tehran Times ".length);
    expect(leanStop("She made\nclear her view.")).toBe("She ".length);
    expect(leanStop("He pointed out the cost.")).toBe("He ".length);
  });
});

describe("extractor fast paths", () => {
  it("collapse is replace(/\\s+/g, ' ').trim()", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(collapse(s)).toBe(s.replace(/\s+/g, " ").trim());
      }),
      { numRuns: 500 },
    );
  });

  it("normaliseAgency reads agencies with spaces and periods, and rejects long text", () => {
    expect(normaliseAgency("A.P.")).toBe("AP");
    expect(normaliseAgency(" Reuter ")).toBe("Reuters");
    expect(normaliseAgency("The Associated Press")).toBe("AP");
    expect(normaliseAgency("Jaguar sees strong growth in new model sales")).toBeUndefined();
  });
});
