// STUB: issue #6 implements toJsonLd, toJsonLdScript, fromJsonLd.
import type { NewsArticle, WithContext } from "schema-dts";
import type { Article } from "../schema/article.js";
import type { ParseResult } from "../parse/options.js";

/** Options for {@link toJsonLd}. */
export interface JsonLdOptions {
  /** schema.org type to emit (default `"NewsArticle"`). */
  type?: string | undefined;
  /** Emit each claim as a `Claim` node in an `@graph` (default `false`). */
  includeClaims?: boolean | undefined;
}

/** Convert an article to schema.org `NewsArticle` JSON-LD. */
export function toJsonLd(article: Article, options?: JsonLdOptions | null): WithContext<NewsArticle> {
  void options;
  return { "@context": "https://schema.org", "@type": "NewsArticle", headline: article.headline };
}

/** A complete `<script type="application/ld+json">` element, safe inside HTML. */
export function toJsonLdScript(article: Article, options?: JsonLdOptions | null): string {
  const json = JSON.stringify(toJsonLd(article, options))
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/ld+json">${json}</script>`;
}

/** Read an article from JSON-LD. */
export function fromJsonLd(input: unknown): ParseResult {
  void input;
  return { diagnostics: [] };
}
