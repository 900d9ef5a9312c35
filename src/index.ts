/**
 * article-model: news articles as typed, validated data, and back out as schema.org JSON-LD.
 *
 * @packageDocumentation
 */
export * from "./schema/index.js";
export { createLocator, formatDiagnostic } from "./diagnostic.js";
export type { Diagnostic, Point, Severity } from "./diagnostic.js";
export type { ParseOptions, ParseResult } from "./parse/options.js";
export { parseText } from "./parse/text.js";
export { parseMarkdown } from "./parse/markdown.js";
export { toJson, fromJson, ArticleValidationError, articleJsonSchema } from "./json/index.js";
export type { ArticleJson, ValidationIssue } from "./json/index.js";
export { toJsonLd, toJsonLdScript, fromJsonLd } from "./jsonld/index.js";
export type { JsonLdOptions } from "./jsonld/index.js";
