import type { Diagnostic } from "../diagnostic.js";
import type { ArticleTypeName } from "./vocabulary.js";

/**
 * Options for {@link toJsonLd} and {@link toJsonLdScript}.
 *
 * @example
 *   const options: JsonLdOptions = { type: "ReportageNewsArticle", includeClaims: true };
 */
export interface JsonLdOptions {
  /**
   * schema.org type of the article node: `NewsArticle` or any other Article type
   * (`ReportageNewsArticle`, `OpinionNewsArticle`, `AnalysisNewsArticle`,
   * `BackgroundNewsArticle`, `ReviewNewsArticle`, `AskPublicNewsArticle`, `BlogPosting`,
   * `Article`, …). `dateline` is a NewsArticle property: other types carry the place in
   * `locationCreated` only.
   *
   * @default "NewsArticle"
   */
  type?: ArticleTypeName | undefined;
  /**
   * Emit each claim as a schema.org `Claim` node; the output is then an `@graph`
   * (`{"@context", "@graph": [article, claim, …]}`) whose nodes are linked by `@id`.
   * `toJsonLd` is then typed as returning a `JsonLdGraph` (a schema-dts `Graph`).
   *
   * @default false
   */
  includeClaims?: boolean | undefined;
  /**
   * Called with a diagnostic for what was left out or noted (a relative URL that
   * could not be resolved, a headline longer than 110 characters, …).
   *
   * @default undefined
   */
  onDiagnostic?: ((diagnostic: Diagnostic) => void) | undefined;
}

/** Report through `options.onDiagnostic`, if any. */
export type Report = (ruleId: string, severity: Diagnostic["severity"], message: string) => void;

/** Build a {@link Report} over a diagnostics callback or array. */
export function createReport(sink: ((d: Diagnostic) => void) | Diagnostic[] | undefined): Report {
  if (sink === undefined) return () => {};
  const push = Array.isArray(sink) ? (d: Diagnostic) => void sink.push(d) : sink;
  return (ruleId, severity, message) =>
    push({ ruleId, source: "article-model", severity, message });
}
