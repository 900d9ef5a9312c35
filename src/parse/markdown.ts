import type { ParseOptions, ParseResult } from "./options.js";
import { createContext, finishDiagnostics } from "./context.js";
import { textToBlocks } from "./text.js";
import { buildArticle } from "./pipeline.js";

/**
 * Parse a Markdown article (with optional YAML/TOML front matter) through the same
 * extractors as {@link parseText}. STUB: issue #5 implements it with unified + remark-parse.
 *
 * @param input
 *   The article as Markdown.
 * @param options
 *   Parse options (optional).
 * @returns
 *   The article (when the input has text) and diagnostics; spans point into the Markdown.
 * @throws {TypeError}
 *   When `input` is not a string.
 */
export function parseMarkdown(input: string, options?: ParseOptions | null): ParseResult {
  if (typeof input !== "string") throw new TypeError("Cannot `parseMarkdown` without a string input");
  const ctx = createContext(input, options);
  const blocks = textToBlocks(input);
  if (blocks.length === 0) {
    ctx.report("empty-input", "error", "Unexpected empty input, expected article text");
    return { diagnostics: finishDiagnostics(ctx) };
  }
  return { article: buildArticle(blocks, ctx), diagnostics: finishDiagnostics(ctx) };
}
