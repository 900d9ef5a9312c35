/**
 * Front matter found before the Markdown parse, by the rules remark-frontmatter (through
 * micromark-extension-frontmatter) applies, so that only the body goes through micromark:
 * YAML or TOML is not Markdown, and on the corpus posts it is about a tenth of the bytes
 * and of micromark's time. Internal.
 */

import type { Span } from "../../schema/span.js";

/** The front matter of a document, as the front matter reader takes it. */
export interface FrontMatterNode {
  /** `yaml` (`---`) or `toml` (`+++`). */
  format: "yaml" | "toml";
  /** The front matter text between the fences. */
  value: string;
  /** Source offset of `value[0]`. */
  valueStart: number;
  /** Span of the whole front matter, fences included. */
  span: Span;
}

/** Where the front matter at the start of a Markdown source is. */
export interface FrontMatterFence {
  /** `yaml` (`---`) or `toml` (`+++`). */
  format: "yaml" | "toml";
  /** Offset of the first content line (after the opening fence's line ending). */
  contentStart: number;
  /** Offset of the closing fence (the start of its line). */
  closeStart: number;
  /** Offset just after the closing fence and its trailing spaces and tabs. */
  end: number;
}

/**
 * The front matter at the very start of `source`, as remark-frontmatter reads it (YAML
 * `---` and TOML `+++`), or `undefined` when there is none.
 *
 * The rules of micromark-extension-frontmatter: at line 1, column 1, a fence of exactly
 * three markers, then only spaces and tabs, then a line ending (`\n`, `\r` or `\r\n`);
 * then lines up to the first line that is the same fence (again only spaces and tabs
 * after it) and ends in a line ending or the end of the source. Without a closing fence
 * there is no front matter. One forward pass, which stops at the closing fence.
 *
 * @param source
 *   Markdown source (a byte order mark already dropped).
 * @returns
 *   The fence offsets, or `undefined`.
 */
export function findFrontMatter(source: string): FrontMatterFence | undefined {
  const marker = source.charCodeAt(0);
  if (marker !== 45 /* - */ && marker !== 43 /* + */) return undefined;
  if (source.charCodeAt(1) !== marker || source.charCodeAt(2) !== marker) return undefined;
  let at = afterFenceSpaces(source, 3);
  if (!isLineEnding(source.charCodeAt(at))) return undefined;
  const length = source.length;
  at = afterLineEnding(source, at);
  const contentStart = at;
  while (at < length) {
    // `at` is the start of a line: the closing fence?
    if (
      source.charCodeAt(at) === marker &&
      source.charCodeAt(at + 1) === marker &&
      source.charCodeAt(at + 2) === marker
    ) {
      const end = afterFenceSpaces(source, at + 3);
      if (end === length || isLineEnding(source.charCodeAt(end)))
        return { format: marker === 45 ? "yaml" : "toml", contentStart, closeStart: at, end };
    }
    // A content line: to its line ending (none: the source ends unclosed).
    while (at < length && !isLineEnding(source.charCodeAt(at))) at++;
    if (at === length) return undefined;
    at = afterLineEnding(source, at);
  }
  // The source ends after a line ending, where a closing fence was looked for.
  return undefined;
}

/** Offset after the spaces and tabs from `at`. */
function afterFenceSpaces(source: string, at: number): number {
  let k = at;
  for (let c = source.charCodeAt(k); c === 32 || c === 9; c = source.charCodeAt(++k));
  return k;
}

/** Line feed or carriage return (`NaN` past the end: neither). */
function isLineEnding(code: number): boolean {
  return code === 10 || code === 13;
}

/** Offset after the line ending at `at` (`\r\n` counts as one). */
function afterLineEnding(source: string, at: number): number {
  return source.charCodeAt(at) === 13 && source.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/**
 * The front matter node for a fence: the text between the fences as remark-frontmatter
 * gives it (without the line ending before the closing fence).
 *
 * @param fence
 *   What {@link findFrontMatter} found in `source`.
 * @param source
 *   The Markdown source.
 * @returns
 *   The node the front matter reader takes.
 */
export function frontMatterOf(fence: FrontMatterFence, source: string): FrontMatterNode {
  let valueEnd = fence.closeStart;
  if (valueEnd > fence.contentStart) {
    valueEnd--;
    if (source.charCodeAt(valueEnd) === 10 && source.charCodeAt(valueEnd - 1) === 13) valueEnd--;
  }
  return {
    format: fence.format,
    value: source.slice(fence.contentStart, valueEnd),
    valueStart: fence.contentStart,
    span: { start: 0, end: fence.end },
  };
}
