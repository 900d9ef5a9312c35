import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isNameConnector,
  namesNothingAlone,
  SpeakerRegistry,
} from "../src/parse/claims/speakers.js";
import {
  compactLean,
  LeanTokens,
  type Token,
  tokenize,
  tokenizeLean,
} from "../src/parse/claims/tokens.js";

/** Names, titles, connectors, plain words and punctuation, mixed. */
const piece = fc.constantFrom(
  "John",
  "Smith",
  "Mr.",
  "Treasury",
  "Secretary",
  "The",
  "But",
  "of",
  "van",
  "the",
  "and",
  "for",
  "Bank",
  "know",
  "Learn",
  "We",
  "Senator",
  "President",
  "His",
  "learning",
  "bank",
  "rates",
  "Smith’s",
  "U.S.",
  ".",
  ",",
  "“",
  '"',
  "!",
  "2,400",
  "é",
);
const sentence = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(" "));

/** The registry's entities once `tokens` are registered. */
function entitiesOf(tokens: readonly Token[] | undefined): unknown[] {
  const registry = new SpeakerRegistry();
  if (tokens) registry.registerNames(tokens, 0);
  // resolving anything registers what is pending
  const he = tokenize("he", 0, 2);
  registry.resolve(he, { first: 0, last: 0 }, 1e9);
  return registry.entities.map((e) => ({ ...e, titles: [...e.titles] }));
}

describe("compact lean tokens", () => {
  it("register the same names as the full lean tokens", () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const lean = new LeanTokens();
        if (tokenizeLean(s, 0, s.length, lean, isNameConnector) >= 0) return;
        expect(entitiesOf(compactLean(lean, namesNothingAlone))).toEqual(entitiesOf(lean.list()));
        // and the same as the sentence's real tokens
        expect(entitiesOf(compactLean(lean, namesNothingAlone))).toEqual(
          entitiesOf(tokenize(s, 0, s.length)),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
