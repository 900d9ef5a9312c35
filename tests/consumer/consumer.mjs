// Imports the BUILT package by its own name, as a consumer would (package self-reference
// through `exports`), and checks that each entry loads and works. Run after `npm run build`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const main = await import("article-model");
const schemaOnly = await import("article-model/schema");
const require = createRequire(import.meta.url);
const jsonSchema = JSON.parse(readFileSync(require.resolve("article-model/schema.json"), "utf8"));

const seed = readFileSync(new URL("../../examples/empty-alert.txt", import.meta.url), "utf8");
const { article, diagnostics } = main.parseText(seed, { referenceDate: "2024-02-01" });
assert.ok(article, "parseText returns an article for the seed");
assert.ok(Array.isArray(diagnostics));
assert.equal(main.ArticleSchema.safeParse(article).success, true);
assert.deepEqual(schemaOnly.fromJson(JSON.stringify(main.toJson(article))), article);

const md = main.parseMarkdown("# Title\n\nBody text.\n");
assert.equal(md.article?.headline, "Title");

const ld = main.toJsonLd(article);
assert.equal(ld["@context"], "https://schema.org");
const script = main.toJsonLdScript({ ...article, headline: "</script><x>" });
assert.equal(script.split("</script").length - 1, 1);
assert.equal(main.fromJsonLd(ld).article?.headline, article.headline);

assert.equal(jsonSchema.$schema, "https://json-schema.org/draft/2020-12/schema");
assert.deepEqual(jsonSchema, schemaOnly.articleJsonSchema);
assert.throws(() => schemaOnly.fromJson({}), schemaOnly.ArticleValidationError);

// `require()` of the ESM build works on Node >= 20.19 without a flag.
const required = require("article-model");
assert.equal(typeof required.parseText, "function");

console.log("consumer: dist entries load and work (article-model, /schema, /schema.json, require)");
