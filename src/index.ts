/**
 * article-model: news articles as typed, validated data, and back out as schema.org JSON-LD.
 *
 * @packageDocumentation
 */

export type { Diagnostic, Point, Severity } from "./diagnostic.js";
export { createLocator, formatDiagnostic } from "./diagnostic.js";
export type { ArticleJson, ValidationIssue } from "./json/index.js";
export { ArticleValidationError, articleJsonSchema, fromJson, toJson } from "./json/index.js";
export type { ArticleTypeName, JsonLdGraph, JsonLdOptions } from "./jsonld/index.js";
export {
  fromJsonLd,
  serializeJsonLdForScript,
  toJsonLd,
  toJsonLdGraph,
  toJsonLdScript,
} from "./jsonld/index.js";
export { parseBylineText } from "./parse/extract/byline.js";
export { parseMarkdown } from "./parse/markdown.js";
export type { ParseOptions, ParseResult } from "./parse/options.js";
export { parseText } from "./parse/text.js";
export * from "./schema/index.js";
