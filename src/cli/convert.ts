/**
 * One input in, one output out: format detection, the conversion itself and the HTML page.
 * Shared by the in-process path and the worker threads of batch mode; never throws.
 */
import { createLocator, type Diagnostic, formatDiagnostic, type Point } from "../diagnostic.js";
import { ArticleValidationError, formatPath } from "../json/errors.js";
import { fromJson, toJson } from "../json/index.js";
import { fromJsonLd, type JsonLdOptions, toJsonLd, toJsonLdScript } from "../jsonld/index.js";
import { parseMarkdown } from "../parse/markdown.js";
import type { ParseOptions, ParseResult } from "../parse/options.js";
import { parseText } from "../parse/text.js";
import type { Article } from "../schema/article.js";
import {
  type ConvertOptions,
  type ConvertResult,
  EXTENSIONS,
  extensionOf,
  type InputFormat,
} from "./formats.js";

export type { ConvertOptions, ConvertResult, InputFormat, OutputFormat } from "./formats.js";
export { EXTENSIONS, extensionOf, INPUT_FORMATS, OUTPUT_FORMATS } from "./formats.js";

/** Remove a leading byte order mark. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isJsonLdValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && isJsonLdValue(value[0]);
  if (value === null || typeof value !== "object") return false;
  return "@context" in value || "@type" in value || "@graph" in value;
}

/** Tell JSON-LD from article-model JSON: JSON-LD has `@context`, `@type` or `@graph`. */
function sniffJson(content: string): "jsonld" | "json" {
  try {
    return isJsonLdValue(JSON.parse(stripBom(content))) ? "jsonld" : "json";
  } catch {
    // not JSON at all: fromJson reports it as `invalid-json`
    return "json";
  }
}

/**
 * Detect the format of an input: from its extension, else from its content
 * (`{`/`[`: JSON or JSON-LD, `<`: HTML, front matter or `#` heading: Markdown, else text).
 *
 * @param name
 *   File name (`undefined` for standard input).
 * @param content
 *   The input.
 * @returns
 *   The format to read it as.
 */
export function detectFormat(name: string | undefined, content: string): InputFormat {
  const known = name === undefined ? undefined : EXTENSIONS[extensionOf(name)];
  if (known === "json?") return sniffJson(content);
  if (known) return known;
  const head = stripBom(content).trimStart();
  if (head.startsWith("{") || head.startsWith("[")) return sniffJson(content);
  if (head.startsWith("<")) return "html";
  if (/^(?:---|\+\+\+)[ \t]*\r?\n/.test(stripBom(content)) || /^#{1,6}[ \t]/.test(head))
    return "markdown";
  return "text";
}

/** A JSON-LD script element found in an HTML page: its text and where that starts. */
export interface ScriptBlock {
  /** The script's content. */
  text: string;
  /** Offset of `text` in the page. */
  offset: number;
}

/**
 * Find the `<script type="application/ld+json">` elements of an HTML page.
 * One linear scan; no regular expression runs over the whole page.
 *
 * @param html
 *   The page.
 * @returns
 *   The script contents, in page order.
 */
export function extractJsonLdScripts(html: string): ScriptBlock[] {
  const lower = html.toLowerCase();
  const blocks: ScriptBlock[] = [];
  let at = 0;
  let comment = lower.indexOf("<!--");
  for (;;) {
    const open = lower.indexOf("<script", at);
    if (open === -1) break;
    // a script inside an HTML comment is no script: skip the comment
    if (comment !== -1 && comment < open) {
      const commentEnd = lower.indexOf("-->", comment + 4);
      if (commentEnd === -1) break;
      at = commentEnd + 3;
      comment = lower.indexOf("<!--", at);
      continue;
    }
    const tagEnd = lower.indexOf(">", open);
    if (tagEnd === -1) break;
    const close = lower.indexOf("</script", tagEnd);
    const end = close === -1 ? html.length : close;
    if (SCRIPT_TYPE_JSON_LD.test(lower.slice(open + 7, tagEnd))) {
      blocks.push({ text: html.slice(tagEnd + 1, end), offset: tagEnd + 1 });
    }
    if (close === -1) break;
    at = close + 8;
    if (comment !== -1 && comment < at) comment = lower.indexOf("<!--", at);
  }
  return blocks;
}

/** A `type` attribute (not `data-type`, …) of `application/ld+json`, in a lower-cased tag. */
const SCRIPT_TYPE_JSON_LD = /(?:^|\s)type\s*=\s*["']?\s*application\/ld\+json/;

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}

/**
 * A small, complete HTML page: the JSON-LD script element in the head, the article
 * (headline, byline, dateline, paragraphs) in the body. Every string is escaped.
 *
 * @param article
 *   The article.
 * @param options
 *   JSON-LD options (optional).
 * @returns
 *   The page, ending in a newline.
 */
export function renderHtml(article: Article, options?: JsonLdOptions | null): string {
  const lang = article.language ? ` lang="${escapeHtml(article.language)}"` : "";
  const out: string[] = [
    "<!doctype html>",
    `<html${lang}>`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(article.headline)}</title>`,
  ];
  if (article.description)
    out.push(`<meta name="description" content="${escapeHtml(article.description)}">`);
  if (article.url) out.push(`<link rel="canonical" href="${escapeHtml(article.url)}">`);
  out.push(toJsonLdScript(article, options), "</head>", "<body>", "<article>", "<header>");
  out.push(`<h1>${escapeHtml(article.headline)}</h1>`);
  if (article.alternativeHeadline)
    out.push(`<p class="alternative-headline">${escapeHtml(article.alternativeHeadline)}</p>`);
  if (article.byline) out.push(`<p class="byline">${escapeHtml(article.byline.text)}</p>`);
  if (article.datePublished) {
    out.push(
      `<p><time datetime="${escapeHtml(article.datePublished)}">${escapeHtml(article.datePublished)}</time></p>`,
    );
  }
  const dateline = article.dateline?.text;
  const first = article.body[0]?.text;
  const inline = dateline !== undefined && first?.startsWith(dateline) === true;
  if (dateline !== undefined && !inline)
    out.push(`<p class="dateline">${escapeHtml(dateline)}</p>`);
  out.push("</header>");
  article.body.forEach((paragraph, index) => {
    if (index === 0 && inline && dateline !== undefined) {
      const rest = paragraph.text.slice(dateline.length);
      out.push(`<p><span class="dateline">${escapeHtml(dateline)}</span>${escapeHtml(rest)}</p>`);
    } else out.push(`<p>${escapeHtml(paragraph.text)}</p>`);
  });
  out.push("</article>", "</body>", "</html>", "");
  return out.join("\n");
}

function parseOptionsOf(options: ConvertOptions): ParseOptions {
  const parse: ParseOptions = { claims: options.claims };
  if (options.referenceDate !== undefined) parse.referenceDate = options.referenceDate;
  if (options.language !== undefined) parse.language = options.language;
  if (options.url !== undefined) parse.url = options.url;
  if (options.gfm) parse.gfm = true;
  return parse;
}

/** The parser options given (`--url`, …): they shape parsing, not reading JSON or JSON-LD. */
function parserOnlyOptions(options: ConvertOptions): string[] {
  const given: string[] = [];
  if (options.referenceDate !== undefined) given.push("--reference-date");
  if (options.language !== undefined) given.push("--language");
  if (options.url !== undefined) given.push("--url");
  if (options.gfm) given.push("--gfm");
  return given;
}

function internalDiagnostic(ruleId: string, message: string): Diagnostic {
  return { ruleId, source: "article-model", severity: "error", message };
}

/** Read JSON-LD from each script block of a page; positions are moved into the page. */
function readHtml(html: string): ParseResult {
  const blocks = extractJsonLdScripts(html);
  if (blocks.length === 0) {
    return {
      diagnostics: [
        internalDiagnostic(
          "missing-json-ld",
          'Unexpected HTML without a `<script type="application/ld+json">` element, expected JSON-LD in the page',
        ),
      ],
    };
  }
  const locate = createLocator(html);
  // Pages carry other JSON-LD too (Organization, BreadcrumbList, …): the first block with
  // an article wins, with its own diagnostics; the others' count only without an article.
  const others: Diagnostic[] = [];
  for (const block of blocks) {
    const result = fromJsonLd(block.text);
    const diagnostics = result.diagnostics.map((d) => {
      const moved: Diagnostic = { ...d };
      if (d.span) {
        moved.span = { start: d.span.start + block.offset, end: d.span.end + block.offset };
        moved.start = locate(moved.span.start);
        moved.end = locate(moved.span.end);
      } else {
        moved.start = locate(block.offset);
      }
      return moved;
    });
    if (result.article) return { article: result.article, diagnostics };
    others.push(...diagnostics);
  }
  return { diagnostics: others };
}

/** Read article-model JSON; validation issues become diagnostics. */
function readJson(content: string): ParseResult {
  try {
    return { article: fromJson(content), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof ArticleValidationError)) throw error;
    return {
      diagnostics: error.issues.map((issue) =>
        internalDiagnostic(
          issue.code.replace(/_/g, "-"),
          issue.path.length > 0 ? `${issue.message} (at ${formatPath(issue.path)})` : issue.message,
        ),
      ),
    };
  }
}

/** Run the reader for `format` over `content`. */
function read(format: InputFormat, content: string, options: ConvertOptions): ParseResult {
  switch (format) {
    case "text":
      return parseText(content, parseOptionsOf(options));
    case "markdown":
      return parseMarkdown(content, parseOptionsOf(options));
    case "json":
      return readJson(content);
    case "html":
      return readHtml(content);
    case "jsonld":
      // `--from jsonld` on a page: read its script elements
      return stripBom(content).trimStart().startsWith("<")
        ? readHtml(content)
        : fromJsonLd(content);
  }
}

/**
 * Print an article in the requested output format.
 *
 * @param article
 *   The article.
 * @param options
 *   Conversion options.
 * @param onDiagnostic
 *   Receives what the JSON-LD writer left out or noted (optional).
 * @returns
 *   The output text.
 */
export function render(
  article: Article,
  options: ConvertOptions,
  onDiagnostic?: (diagnostic: Diagnostic) => void,
): string {
  const jsonLdOptions: JsonLdOptions = { includeClaims: options.includeClaims };
  if (onDiagnostic) jsonLdOptions.onDiagnostic = onDiagnostic;
  const indent = options.pretty ? 2 : undefined;
  switch (options.to) {
    case "json":
      return JSON.stringify(toJson(article), null, indent);
    case "jsonld":
      return JSON.stringify(toJsonLd(article, jsonLdOptions), null, indent);
    case "html":
      return renderHtml(article, jsonLdOptions).trimEnd();
  }
}

/**
 * Convert one input: detect its format, read it, print the article, format diagnostics.
 * Never throws: a failure inside the library becomes an `internal-error` diagnostic.
 *
 * @param content
 *   The input.
 * @param name
 *   The file name shown in diagnostics (`<stdin>` for standard input).
 * @param options
 *   Conversion options.
 * @param isFile
 *   Whether `name` is a real file name, used to detect the format (default `true`).
 * @param encodingProblem
 *   What went wrong decoding the input's bytes (see `decodeInput`), reported as an
 *   `invalid-encoding` warning (optional).
 * @returns
 *   Output, diagnostics and the exit status this input asks for.
 */
export function convert(
  content: string,
  name: string,
  options: ConvertOptions,
  isFile = true,
  encodingProblem?: string,
): ConvertResult {
  let result: ParseResult;
  let output: string | undefined;
  try {
    const format = options.from ?? detectFormat(isFile ? name : undefined, content);
    result = read(format, content, options);
    // the JSON-LD writer's notes join the reader's (each result has its own array)
    const { article, diagnostics } = result;
    const ignored = parserOnlyOptions(options);
    if (ignored.length > 0 && format !== "text" && format !== "markdown") {
      diagnostics.push({
        ruleId: "options-ignored",
        source: "article-model",
        severity: "info",
        message: `Unexpected ${ignored.join(", ")} for ${format} input, expected text or Markdown: the article is read as it is`,
      });
    }
    if (article) output = render(article, options, (d) => void diagnostics.push(d));
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    result = {
      diagnostics: [
        internalDiagnostic(
          "internal-error",
          `Unexpected failure inside article-model (${message}); please report it with this input`,
        ),
      ],
    };
    output = undefined;
  }
  if (encodingProblem !== undefined) {
    result.diagnostics.unshift({
      ruleId: "invalid-encoding",
      source: "article-model",
      severity: "warning",
      message: encodingProblem,
    });
  }
  let errors = 0;
  let warnings = 0;
  const messages: string[] = [];
  let locate: ((offset: number) => Point) | undefined;
  for (const d of result.diagnostics) {
    // JSON.parse gives some positions only in its message ("… at position 7")
    if (d.start === undefined) {
      const at = /\bat position (\d+)/.exec(d.message)?.[1];
      if (at !== undefined) {
        locate ??= createLocator(content);
        const bom = content.charCodeAt(0) === 0xfeff ? 1 : 0; // the JSON was read without it
        d.start = locate(Math.min(Number(at) + bom, content.length));
      }
    }
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
    // --quiet keeps what fails the command: errors, and with --strict warnings too
    if (options.quiet && d.severity !== "error" && !(options.strict && d.severity === "warning"))
      continue;
    messages.push(formatDiagnostic(d, name));
  }
  if (output === undefined && errors === 0) {
    errors++;
    messages.push(
      `${name}:1:1 error no-article Unexpected input without an article, expected article text`,
    );
  }
  const failed = errors > 0 || (options.strict && warnings > 0);
  return { output, messages, errors, warnings, status: failed ? 1 : 0 };
}
