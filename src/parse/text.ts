import type { ParseOptions, ParseResult } from "./options.js";
import { createContext, finishDiagnostics } from "./context.js";
import { buildArticle } from "./pipeline.js";
import type { Block } from "./types.js";

/**
 * Split plain text into blocks. STUB: issue #3 implements blank-line, one-per-line and
 * indented hard-wrapped paragraphs.
 */
export function textToBlocks(input: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m[0].trim() === "") continue;
    blocks.push({ kind: "paragraph", text: m[0], start: m.index, span: { start: m.index, end: m.index + m[0].length } });
  }
  return blocks;
}

/**
 * Parse a plain-text article: headline, byline, dateline, body and quoted claims.
 *
 * @param input
 *   The article as plain text.
 * @param options
 *   Parse options (optional).
 * @returns
 *   The article (when the input has text) and diagnostics. Never throws on a string.
 * @throws {TypeError}
 *   When `input` is not a string.
 * @example
 *   parseText("Empty alert\nTEHRAN – On January 3, …").article?.dateline?.place
 *   //=> "TEHRAN"
 */
export function parseText(input: string, options?: ParseOptions | null): ParseResult {
  if (typeof input !== "string") throw new TypeError("Cannot `parseText` without a string input");
  const ctx = createContext(input, options);
  const blocks = textToBlocks(input);
  if (blocks.length === 0) {
    ctx.report("empty-input", "error", "Unexpected empty input, expected article text");
    return { diagnostics: finishDiagnostics(ctx) };
  }
  const article = buildArticle(blocks, ctx);
  return { article, diagnostics: finishDiagnostics(ctx) };
}
