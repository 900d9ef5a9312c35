import { describe, expect, it } from "vitest";

describe("public surface", () => {
  it("should expose the contract's names from the main entry", async () => {
    expect(Object.keys(await import("../src/index.js")).sort()).toEqual(
      [
        "AbsoluteUrlSchema",
        "ArticleSchema",
        "ArticleValidationError",
        "AuthorSchema",
        "BylineSchema",
        "CueSchema",
        "DatelineDateSchema",
        "DatelineSchema",
        "ImageSchema",
        "IsoDateTimeSchema",
        "ParagraphSchema",
        "PublisherSchema",
        "QuotedClaimSchema",
        "SpanSchema",
        "SpeakerSchema",
        "articleJsonSchema",
        "createLocator",
        "formatDiagnostic",
        "fromJson",
        "fromJsonLd",
        "parseBylineText",
        "parseMarkdown",
        "serializeJsonLdForScript",
        "parseText",
        "toJson",
        "toJsonLd",
        "toJsonLdGraph",
        "toJsonLdScript",
      ].sort(),
    );
  });

  it("should expose schemas and JSON functions, and no parser, from article-model/schema", async () => {
    const names = Object.keys(await import("../src/schema-only.js"));
    expect(names).toContain("ArticleSchema");
    expect(names).toContain("fromJson");
    expect(names).not.toContain("parseText");
    expect(names).not.toContain("parseMarkdown");
  });
});
