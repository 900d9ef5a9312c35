import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuotedClaimSchema } from "../src/index.js";
import { extractClaims } from "../src/parse/claims/index.js";
import { createContext } from "../src/parse/context.js";
import type { Segment } from "../src/parse/types.js";

/** Pieces that make random text look like reported speech now and then. */
const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(
    "“",
    "”",
    '"',
    "''",
    "``",
    "«",
    "»",
    "„",
    "「",
    "」",
    "‘",
    "’",
    "'",
    "`",
    "’’",
    "‘‘",
    " ",
    " ",
    " ",
    "\n",
    ", ",
    ". ",
    ": ",
    " — ",
    "(",
    ")",
    ";",
    "=",
    "<",
    ">",
    "said",
    "says",
    "told reporters",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "who",
    "Mr. Holt",
    "Lindsey Graham",
    "Sen.",
    "the senator",
    "Graham",
    "the Journal",
    "The Wall Street Journal",
    "that",
    "added",
    "believes",
    "can confirm",
    "broke the news",
    "called",
    "a doctor",
    "the plan",
    "The",
    "We will",
    "don’t",
    "’90s",
    "rock ’n’ roll",
    "p.m.",
    "U.S.",
    "\u00ad",
    "\ud800",
    "\u00a0",
  ),
);

const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

/** One segment per line; sometimes with a map, as the Markdown front end makes them. */
function segments(source: string, mapped: boolean): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const line of source.split("\n")) {
    if (line.trim() !== "") {
      if (mapped) {
        const map = new Int32Array(line.length + 1);
        for (let i = 0; i <= line.length; i++) map[i] = at + i;
        out.push({ text: line, start: at, map });
      } else out.push({ text: line, start: at });
    }
    at += line.length + 1;
  }
  return out;
}

describe("extractClaims on any text", () => {
  it("never throws; spans lie inside the source; claims pass the schema", () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (paragraphs, mapped) => {
          const source = paragraphs.join("\n");
          const ctx = createContext(source, {});
          const claims = extractClaims(segments(source, mapped), ctx, { authors: ["Jane Doe"] });
          for (const claim of claims) {
            expect(QuotedClaimSchema.safeParse(claim).success).toBe(true);
            expect(claim.text.trim()).not.toBe("");
            const inside = (s: { start: number; end: number }) => {
              expect(s.start).toBeGreaterThanOrEqual(0);
              expect(s.end).toBeGreaterThanOrEqual(s.start);
              expect(s.end).toBeLessThanOrEqual(source.length);
            };
            inside(claim.span);
            for (const f of claim.fragments ?? []) {
              inside(f);
              expect(f.start).toBeGreaterThanOrEqual(claim.span.start);
              expect(f.end).toBeLessThanOrEqual(claim.span.end);
            }
            if (claim.speaker?.span) inside(claim.speaker.span);
            if (claim.cue?.span) inside(claim.cue.span);
          }
          for (const d of ctx.diagnostics)
            if (d.span) expect(d.span.end).toBeLessThanOrEqual(source.length);
        },
      ),
      { numRuns: 600 },
    );
  });
});
