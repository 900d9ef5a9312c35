import type { Diagnostic } from "../diagnostic.js";
import type { Article } from "../schema/article.js";

/** Earliest year of a usable `referenceDate`. */
export const MIN_REFERENCE_YEAR = 1000;
/** Latest year of a usable `referenceDate` (a date resolved against it stays below 10000). */
export const MAX_REFERENCE_YEAR = 9998;

/** Options for {@link parseText} and {@link parseMarkdown}. */
export interface ParseOptions {
  /**
   * Date the article was read or filed (`"1987-03-05"`, a `Date`), in the years 1000 to
   * 9998 (others are ignored with an `invalid-reference-date` diagnostic). Year-less
   * dates ("March 5") resolve to the year that puts them nearest to it. Without it they
   * stay `--MM-DD`.
   */
  referenceDate?: string | Date | undefined;
  /**
   * BCP 47 language of the article (`"en"`), copied to `article.language` (a value that is
   * not a string is ignored with an `invalid-language` diagnostic).
   */
  language?: string | undefined;
  /**
   * Canonical URL of the article, absolute http(s) (anything else is ignored with an
   * `invalid-url` diagnostic); relative image links resolve against it.
   */
  url?: string | undefined;
  /** Extract quoted claims (default `true`). */
  claims?: boolean | undefined;
  /** Markdown only: also read GitHub-flavoured Markdown (tables, footnotes). Default `false`. */
  gfm?: boolean | undefined;
}

/** What a parser returns: the article (for any input that has text) and diagnostics. */
export interface ParseResult {
  /** The article; present for any input that has text, and always valid. */
  article?: Article;
  /** Messages about the input, in source order. */
  diagnostics: Diagnostic[];
}
