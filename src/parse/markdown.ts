import type { Root } from "mdast";
import type { Image } from "../schema/article.js";
import { parseWithoutBom } from "./bom.js";
import { createContext, finishDiagnostics } from "./context.js";
import { type BodyImage, walk } from "./markdown/blocks.js";
import { findFrontMatter, frontMatterOf } from "./markdown/fence.js";
import { readFrontMatter } from "./markdown/frontmatter.js";
import { guardMarkdown } from "./markdown/guard.js";
import { markdownParser } from "./markdown/processor.js";
import { addBlockquoteClaims } from "./markdown/quotes.js";
import { resolveUrl, stripUrlTemplating } from "./markdown/urls.js";
import type { ParseOptions, ParseResult } from "./options.js";
import { buildArticle, type KnownFields, sameText } from "./pipeline.js";
import type { Context } from "./types.js";

/**
 * Parse a Markdown article (with optional YAML `---` or TOML `+++` front matter) through
 * the same extractors as {@link parseText}.
 *
 * Front matter is found first, by remark-frontmatter's rules, and only the body goes
 * through one remark parse (unified + remark-parse + remark-frontmatter, and remark-gfm
 * when `options.gfm`), then one walk over the tree: headings, paragraphs, blockquotes and
 * list items become blocks whose text maps back, character by character, into the
 * Markdown (also inside emphasis, links, escapes and character references). Front matter
 * fields (title, description, date, authors, tags, image, …) win over what the body gives.
 *
 * @param input
 *   The article as Markdown.
 * @param options
 *   Parse options (optional); `gfm: true` also reads tables, footnotes and
 *   strikethrough.
 * @returns
 *   The article (when the input has text) and diagnostics; spans point into the Markdown.
 * @throws {TypeError}
 *   When `input` is not a string.
 * @example
 *   parseMarkdown("---\ntitle: Empty alert\n---\n**TEHRAN** – On January 3, …").article?.headline
 *   //=> "Empty alert"
 */
export function parseMarkdown(input: string, options?: ParseOptions | null): ParseResult {
  if (typeof input !== "string")
    throw new TypeError("Cannot `parseMarkdown` without a string input");
  // micromark drops a byte order mark and counts offsets without it: parse the rest and
  // shift every span by one so that spans index `input` (as parseText does).
  // Trailing blank lines change nothing but cost remark time per line: leave them out
  // (spans index a prefix of `input`, so they stay exact). Whitespace alone is no article.
  let end = input.length;
  while (end > 0 && isBlank(input.charCodeAt(end - 1))) end--;
  const source = end === input.length ? input : input.slice(0, end);
  // (other whitespace alone, such as no-break spaces, is no article either: as in parseText)
  return parseWithoutBom(NOT_BLANK.test(source) ? source : "", (text) =>
    parseSource(text, options),
  );
}

/** A character that is not whitespace of any kind. */
const NOT_BLANK = /\S/;

/** Space, tab, line feed, carriage return, form feed, vertical tab. */
function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function parseSource(input: string, options: ParseOptions | null | undefined): ParseResult {
  const ctx = createContext(input, options);
  // Front matter is found here and only the body goes through remark: YAML and TOML are
  // not Markdown (on the corpus posts they are ~9% of the bytes and of remark's time).
  const fence = findFrontMatter(input);
  const base = fence ? fence.end : 0;
  // Same length as `input`: hostile nesting and delimiter runs neutralised (linear time).
  const guarded = guardMarkdown(input, base);
  let tree: Root;
  try {
    // The body starts with the closing fence's line ending (or is empty), so
    // remark-frontmatter finds no second front matter in it.
    tree = markdownParser(options?.gfm === true)(base > 0 ? guarded.slice(base) : guarded);
  } catch (error) {
    // remark does not throw on strings; stay safe if an extension does.
    ctx.report(
      "markdown-parse-failed",
      "error",
      `Unexpected failure of the Markdown parser: ${String(error)}`,
    );
    return { diagnostics: finishDiagnostics(ctx) };
  }
  // (nothing of the blocks outlives this parse: their maps may be written over by the next)
  const walked = walk(tree, guarded, input, true, base);
  let known: KnownFields = {};
  if (fence) known = readFrontMatter(frontMatterOf(fence, input), ctx).known;

  const bodyImages = resolveImages(
    walked.images,
    walked.definitions,
    known.url ?? ctx.options.url,
    ctx,
  );
  if (bodyImages.length > 0) {
    const images = [...(known.images ?? [])];
    for (const image of bodyImages)
      if (!images.some((i) => i.url === image.url)) images.push(image);
    known.images = images;
  }

  if (walked.blocks.length === 0 && known.headline === undefined) {
    ctx.report("empty-input", "error", "Unexpected empty input, expected article text");
    return { diagnostics: finishDiagnostics(ctx) };
  }
  let blocks = walked.blocks;
  const first = blocks[0];
  if (known.headline !== undefined) {
    // A title heading that differs from the front matter's: the front matter wins.
    if (first?.kind === "heading" && first.depth === 1 && !sameText(first.text, known.headline)) {
      ctx.report(
        "front-matter-conflict",
        "warning",
        `Unexpected heading \`${first.text}\`, expected the front matter's title \`${known.headline}\`; kept the front matter's`,
        first.span,
      );
      blocks = blocks.slice(1);
    }
  } else if (first && first.kind !== "heading") {
    // Without a front-matter title, the first heading (any level) is the headline.
    const heading = blocks.find((b) => b.kind === "heading");
    if (heading) known.headline = heading.text;
  }
  const article = buildArticle(blocks, ctx, known);
  if (ctx.options.claims && walked.quotes.length > 0)
    addBlockquoteClaims(article, walked.blocks, walked.quotes);
  return { article, diagnostics: finishDiagnostics(ctx) };
}

/** Body images to absolute URLs; relative ones without a base are dropped with a diagnostic. */
function resolveImages(
  images: readonly BodyImage[],
  definitions: ReadonlyMap<string, { url: string; title?: string | undefined }>,
  base: string | undefined,
  ctx: Context,
): Image[] {
  const out: Image[] = [];
  for (const image of images) {
    let url = image.url;
    let title = image.title;
    if (image.identifier !== undefined) {
      const definition = definitions.get(image.identifier);
      if (!definition) continue;
      url = definition.url;
      title ??= definition.title;
    }
    const clean = stripUrlTemplating(url);
    if (clean === "") continue;
    const resolved = resolveUrl(clean, base);
    if (!resolved) {
      ctx.report(
        "image-relative-url",
        "warning",
        base
          ? `Unexpected image URL \`${clean}\`, expected an absolute http(s) URL: dropped`
          : `Unexpected relative image URL \`${clean}\` without options.url, expected an absolute URL: dropped`,
        image.span,
      );
      continue;
    }
    const result: Image = { url: resolved };
    const caption = image.alt?.trim() || title?.trim();
    if (caption) result.caption = caption;
    out.push(result);
  }
  return out;
}
