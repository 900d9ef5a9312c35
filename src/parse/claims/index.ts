import type { QuotedClaim } from "../../schema/claim.js";
import type { Context, Segment } from "../types.js";

/** What the pipeline knows before the body, to help resolve speakers. */
export interface ClaimHints {
  headline?: string | undefined;
  /** Names of the byline authors (never speakers themselves, unless quoted). */
  authors?: readonly string[] | undefined;
}

/**
 * Find the quoted and reported claims in the body paragraphs.
 * STUB: issue #4 implements this.
 *
 * @param paragraphs
 *   Body paragraphs as segments (index = `article.body` index).
 * @param ctx
 *   Parse context (source, options, diagnostics).
 * @param hints
 *   What is known before the body (optional).
 * @returns
 *   Claims in source order, spans into `ctx.source`.
 */
export function extractClaims(
  paragraphs: readonly Segment[],
  ctx: Context,
  hints: ClaimHints = {},
): QuotedClaim[] {
  void paragraphs;
  void ctx;
  void hints;
  return [];
}
