/**
 * `article-model/schema`: the zod schemas, inferred types and JSON functions without the
 * parsers, so browser bundles that only validate do not load unified.
 *
 * @packageDocumentation
 */

export type { ArticleJson, ValidationIssue } from "./json/index.js";
export { ArticleValidationError, articleJsonSchema, fromJson, toJson } from "./json/index.js";
export * from "./schema/index.js";
