import type { Diagnostic } from "../diagnostic.js";
import type { Article } from "../schema/article.js";

/** Options for {@link parseText} and {@link parseMarkdown}. */
export interface ParseOptions {
  /**
   * Date the article was read or filed (`"1987-03-05"`, a `Date`). Year-less dates
   * ("March 5") resolve to the year that puts them nearest to it. Without it they stay
   * `--MM-DD`.
   */
  referenceDate?: string | Date | undefined;
  /** BCP 47 language of the article (`"en"`), copied to `article.language`. */
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
