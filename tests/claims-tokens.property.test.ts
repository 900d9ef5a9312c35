import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cueAt } from "../src/parse/claims/attribution.js";
import { indirectClaims } from "../src/parse/claims/indirect.js";
import { scanQuotes } from "../src/parse/claims/marks.js";
import { createClaimState, noteIntroduction } from "../src/parse/claims/quotes.js";
import { isNameConnector, SpeakerRegistry } from "../src/parse/claims/speakers.js";
import {
  ABBREVIATIONS,
  finishLean,
  LeanTokens,
  splitSentences,
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
    // cues that report only in some frames, and what makes those frames
    "know",
    "knows",
    "Learn",
    "learning",
    "noted",
    "think",
    "thinking",
    "start",
    "post",
    "asked",
    "whether",
    "that",
    "That",
    "which",
    "is",
    "isn’t",
    "as",
    "As",
    "and",
    "but",
    "then",
    ":",
    "he",
    "We",
    "Smith",
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

describe("the end of the text", () => {
  it("ends a word as a space after it does", () => {
    fc.assert(
      fc.property(text, (s) => {
        const spaced = `${s} `;
        expect(tokenize(s, 0, s.length).map(plain)).toEqual(
          tokenize(spaced, 0, s.length).map(plain),
        );
        const lean = new LeanTokens();
        const leanSpaced = new LeanTokens();
        const stop = tokenizeLean(s, 0, s.length, lean, isNameConnector);
        expect(tokenizeLean(spaced, 0, s.length, leanSpaced, isNameConnector)).toBe(stop);
        expect(lean.list().map(plain)).toEqual(leanSpaced.list().map(plain));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("splitSentences", () => {
  const split = (s: string) =>
    splitSentences(s, scanQuotes(s).quotes).map((x) => s.slice(x.start, x.end));

  it("reads abbreviations before a period in any case", () => {
    expect(split("He met Mr. Smith. Then he left.")).toEqual([
      "He met Mr. Smith.",
      "Then he left.",
    ]);
    expect(split("He met MR. Smith. Then he left.")).toEqual([
      "He met MR. Smith.",
      "Then he left.",
    ]);
    expect(split("It was 7 p.m. He said no.")).toEqual(["It was 7 p.m.", "He said no."]);
    expect(split("It ended at 7 P.M. The end came.")).toEqual([
      "It ended at 7 P.M.",
      "The end came.",
    ]);
    expect(split("It ended at 7 P.M. Smith came.")).toEqual(["It ended at 7 P.M. Smith came."]);
    expect(split("He lives in the U.S. Smith too.")).toEqual(["He lives in the U.S. Smith too."]);
    expect(split("The É. Zola book. Next one.")).toEqual(["The É. Zola book.", "Next one."]);
  });

  it("ends sentences at the end of the text and of a quote", () => {
    expect(split("Ask Dr. No")).toEqual(["Ask Dr. No"]);
    expect(split("Ends here.")).toEqual(["Ends here."]);
    expect(split("“Go.” He went.")).toEqual(["“Go.”", "He went."]);
    expect(split("She said: “Stop!”")).toEqual(["She said: “Stop!”"]);
  });

  it("ends a sentence at a quote followed by any whitespace, not only a space", () => {
    for (const space of ["\u00a0", "\u2009", "\t", "\n", "\r", "\r\n", " \u00a0"])
      expect(split(`“Go.”${space}He went.`)).toEqual(["“Go.”", "He went."]);
    expect(split("“Go.\u00a0”\u00a0He went.")).toEqual(["“Go.\u00a0”", "He went."]);
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
          // no cue before the stop reports anything
          const claims = (firstCue: number) => {
            const tokens = tokenize(s, from, to);
            const view = { paragraph: 0, index: 0, text: s, tokens, start: from, end: to };
            return indirectClaims(view, new SpeakerRegistry(), [], firstCue);
          };
          expect(claims(lean.length)).toEqual(claims(0));
        } else {
          // no cue that reports anything: a phrase head ("can", "made") without its phrase,
          // or a cue without the frame it needs, stays lean
          const check = tokenize(s, from, to);
          const view = { paragraph: 0, index: 0, text: s, tokens: check, start: from, end: to };
          const registry = new SpeakerRegistry();
          expect(indirectClaims(view, registry)).toEqual([]);
          const state = createClaimState(registry, () => {});
          noteIntroduction(view, state);
          expect(state.introduction).toBeUndefined();
          expect(lean.length).toBe(full.length);
          // a cue word kept in the lean tokens is looked up again (its `cue` is not null)
          for (let i = 0; i < lean.length; i++) {
            const t = lean.tokens[i];
            if (t?.cue === null) expect(cueAt(tokenize(s, from, to), i)).toBeUndefined();
          }
        }
        // a cue marked absent in the finished tokens is what cueAt finds
        if (stop >= 0) {
          const finished = finishLean(s, lean, stop, to);
          const fresh = tokenize(s, from, to);
          for (let i = 0; i < finished.length; i++)
            if (finished[i]?.cue === null) expect(cueAt(fresh, i)).toBeUndefined();
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

describe("lean tokens at a cue without its frame", () => {
  const leanStop = (s: string): number =>
    tokenizeLean(s, 0, s.length, new LeanTokens(), isNameConnector);
  it("stay lean past a cue that cannot report there", () => {
    // the first token, a gerund without a coordinated subject, "know" without "that"
    expect(leanStop("Learn more about Smith.")).toBe(-1);
    expect(leanStop("We spent a week learning the tools.")).toBe(-1);
    expect(leanStop("We know the tools well.")).toBe(-1);
    // a verb that attributes only quotes, without "that" after it
    expect(leanStop("We start with the tools.")).toBe(-1);
  });
  it("stop where the frame may be there", () => {
    expect(leanStop("We know that the tools work.")).toBe("We ".length);
    expect(leanStop("The tools, we know, work.")).toBe("The tools, we ".length);
    expect(leanStop("The tools, which we know are old, work.")).toBe("The tools, which we ".length);
    expect(leanStop("We start that it is over.")).toBe("We ".length);
    expect(leanStop("He left and then learning that it was over.")).toBe(
      "He left and then ".length,
    );
    expect(leanStop("Smith explained:")).toBe("Smith ".length);
    expect(leanStop("Learn more:")).toBe(0);
  });
});

describe("lean tokens at a phrase head", () => {
  const leanStop = (s: string): number =>
    tokenizeLean(s, 0, s.length, new LeanTokens(), isNameConnector);
  it("stay lean past a head whose phrase does not follow", () => {
    expect(leanStop("We can build it and make tools that people know that well.")).toBe(
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

describe("lean tokens of sentences made of cue frames", () => {
  /** Subjects, cues, the words of their frames ("that", a comma, "as", a finite verb) and marks. */
  const word = fc.constantFrom(
    ...[
      "He|he|she|Smith|Ana|Ortiz|I|We|They|people|officials|the plan|it would|be|there|it|we",
      "said|says|know|knows|knew|learned|learning|found|noted|notes|explained|wrote|think",
      "thinks|believe|hopes|vowed|promised|urged|start|started|post|continued|responded",
      "question|read|asked|asking|told|reporters|according|to|pointed|out|made|clear|can",
      "confirm|that|That|which|who|whether|is|was|will|isn’t|as|As|and|but|then|,|,|:|.|—",
      "(|)|“|”|the|a|report|Monday|on|in|an|interview",
    ]
      .join("|")
      .split("|"),
  );
  const sentence = fc.array(word, { minLength: 1, maxLength: 18 }).map((p) => p.join(" "));
  it("report nothing when they stay lean", () => {
    fc.assert(
      fc.property(sentence, (s) => {
        if (tokenizeLean(s, 0, s.length, new LeanTokens(), isNameConnector) >= 0) return;
        const tokens = tokenize(s, 0, s.length);
        const view = { paragraph: 0, index: 0, text: s, tokens, start: 0, end: s.length };
        const registry = new SpeakerRegistry();
        expect(indirectClaims(view, registry)).toEqual([]);
        const state = createClaimState(registry, () => {});
        noteIntroduction(view, state);
        expect(state.introduction).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });
  it("report only from cues at or after the word where they stop", () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const lean = new LeanTokens();
        const stop = tokenizeLean(s, 0, s.length, lean, isNameConnector);
        if (stop < 0) return;
        const claims = (firstCue: number) => {
          const tokens = finishLean(s, lean, stop, s.length);
          const view = { paragraph: 0, index: 0, text: s, tokens, start: 0, end: s.length };
          return indirectClaims(view, new SpeakerRegistry(), [], firstCue);
        };
        expect(claims(lean.length)).toEqual(claims(0));
      }),
      { numRuns: 5000 },
    );
  });
});
