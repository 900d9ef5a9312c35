import { describe, expect, it } from "vitest";
import {
  AuthorSchema,
  BylineSchema,
  DatelineSchema,
  ParagraphSchema,
  QuotedClaimSchema,
  SpanSchema,
} from "../src/index.js";

function paths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((i) => i.path) ?? [];
}

describe("SpanSchema", () => {
  it("accepts an empty and a normal span", () => {
    expect(SpanSchema.safeParse({ start: 3, end: 3 }).success).toBe(true);
    expect(SpanSchema.safeParse({ start: 0, end: 11 }).success).toBe(true);
  });
  it("rejects start > end at end, fractions and negatives", () => {
    expect(paths(SpanSchema.safeParse({ start: 4, end: 2 }))).toEqual([["end"]]);
    expect(paths(SpanSchema.safeParse({ start: 1.5, end: 2 }))).toEqual([["start"]]);
    expect(paths(SpanSchema.safeParse({ start: 0, end: -2 }))).toContainEqual(["end"]);
  });
});

describe("AuthorSchema / BylineSchema", () => {
  it("accepts the contract's byline", () => {
    const byline = {
      text: "By Jane Doe and John Roe, Reuters",
      authors: [
        { type: "Person", name: "Jane Doe", affiliation: "Reuters" },
        {
          type: "Person",
          name: "John Roe",
          affiliation: "Reuters",
          url: "https://example.com/roe",
          sameAs: ["https://example.org/@roe"],
        },
      ],
      span: { start: 0, end: 33 },
    };
    expect(BylineSchema.parse(byline)).toEqual(byline);
  });
  it("rejects an empty name, a relative url and an unknown type", () => {
    expect(paths(AuthorSchema.safeParse({ type: "Person", name: "" }))).toEqual([["name"]]);
    expect(paths(AuthorSchema.safeParse({ type: "Person", name: "A", url: "/a" }))).toEqual([
      ["url"],
    ]);
    expect(paths(AuthorSchema.safeParse({ type: "Bot", name: "A" }))).toEqual([["type"]]);
  });
});

describe("DatelineSchema", () => {
  it("accepts a full and a year-less date", () => {
    for (const date of ["1987-03-05", "--03-05", "--02-29"]) {
      expect(
        DatelineSchema.safeParse({
          text: "WASHINGTON, March 5 (Reuters) -",
          place: "WASHINGTON",
          date,
          agency: "Reuters",
        }).success,
      ).toBe(true);
    }
  });
  it("rejects impossible and malformed dates", () => {
    for (const date of ["1987-02-29", "--13-01", "March 5", "87-03-05", "---03-05"]) {
      expect(paths(DatelineSchema.safeParse({ text: "X -", place: "X", date }))).toContainEqual([
        "date",
      ]);
    }
  });
});

describe("QuotedClaimSchema", () => {
  const claim = {
    kind: "direct",
    text: "A, B.",
    span: { start: 1, end: 30 },
    fragments: [
      { start: 1, end: 3 },
      { start: 20, end: 30 },
    ],
    speaker: { name: "Lindsey Graham", mention: "he", span: { start: 5, end: 7 }, type: "Person" },
    cue: { text: "said", span: { start: 8, end: 12 } },
    paragraph: 0,
  };
  it("accepts the contract's shape", () => {
    expect(QuotedClaimSchema.parse(claim)).toEqual(claim);
  });
  it("rejects a bad kind, an empty text and a fragment outside the span", () => {
    expect(paths(QuotedClaimSchema.safeParse({ ...claim, kind: "quote" }))).toEqual([["kind"]]);
    expect(paths(QuotedClaimSchema.safeParse({ ...claim, text: "" }))).toEqual([["text"]]);
    expect(
      paths(QuotedClaimSchema.safeParse({ ...claim, fragments: [{ start: 0, end: 3 }] })),
    ).toEqual([["fragments"]]);
    expect(paths(QuotedClaimSchema.safeParse({ ...claim, speaker: { name: "" } }))).toEqual([
      ["speaker", "name"],
    ]);
    expect(paths(QuotedClaimSchema.safeParse({ ...claim, paragraph: -1 }))).toEqual([
      ["paragraph"],
    ]);
  });
});

describe("ParagraphSchema", () => {
  it("accepts text with or without a span", () => {
    expect(ParagraphSchema.safeParse({ text: "x" }).success).toBe(true);
    expect(paths(ParagraphSchema.safeParse({ text: 1 }))).toEqual([["text"]]);
  });
});
