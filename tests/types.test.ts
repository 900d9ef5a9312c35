import type { Graph, NewsArticle, WithContext } from "schema-dts";
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import {
  type Article,
  type ArticleSchema,
  type Author,
  type Byline,
  type Dateline,
  fromJson,
  type JsonLdGraph,
  type ParseResult,
  parseMarkdown,
  parseText,
  type QuotedClaim,
  type Span,
  toJsonLd,
  toJsonLdGraph,
} from "../src/index.js";

describe("inferred types", () => {
  it("infers the contract's shapes", () => {
    expectTypeOf<z.infer<typeof ArticleSchema>>().toEqualTypeOf<Article>();
    expectTypeOf<Span>().toEqualTypeOf<{ start: number; end: number }>();
    expectTypeOf<Author["type"]>().toEqualTypeOf<"Person" | "Organization">();
    expectTypeOf<Byline["authors"]>().toEqualTypeOf<Author[]>();
    expectTypeOf<Dateline["date"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<QuotedClaim["kind"]>().toEqualTypeOf<"direct" | "mixed" | "indirect">();
    expectTypeOf<QuotedClaim["fragments"]>().toEqualTypeOf<Span[] | undefined>();
    expectTypeOf<Article["claims"]>().toEqualTypeOf<QuotedClaim[]>();
    expectTypeOf<Article["keywords"]>().toEqualTypeOf<string[]>();
  });

  it("types the functions", () => {
    expectTypeOf(parseText).returns.toEqualTypeOf<ParseResult>();
    expectTypeOf(parseMarkdown).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(fromJson).returns.toEqualTypeOf<Article>();
    const article: Article = { headline: "H", keywords: [], images: [], body: [], claims: [] };
    expectTypeOf(toJsonLd(article)).toEqualTypeOf<WithContext<NewsArticle>>();
    expectTypeOf(toJsonLd(article, { type: "OpinionNewsArticle" })).toEqualTypeOf<
      WithContext<NewsArticle>
    >();
    expectTypeOf(toJsonLd(article, { includeClaims: true })).toEqualTypeOf<JsonLdGraph>();
    expectTypeOf(toJsonLdGraph(article)).toEqualTypeOf<Graph>();
  });
});
