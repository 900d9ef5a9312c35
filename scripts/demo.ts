/**
 * `npm run demo`: parse every article in `examples/` (`.txt` as plain text, `.md` as
 * Markdown) and print its schema.org JSON-LD and a one-line summary.
 *
 *     npm run demo                 # examples/
 *     npm run demo -- path/to/dir  # another folder
 */
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import {
  type Article,
  formatDiagnostic,
  type ParseResult,
  parseMarkdown,
  parseText,
  toJsonLd,
} from "../src/index.js";

const directory = process.argv[2] ?? join(import.meta.dirname, "..", "examples");

/** One line: headline, byline, dateline, number of claims. */
function summary(article: Article): string {
  const authors = article.byline?.authors.map((author) => author.name).join(", ");
  const byline = authors || article.byline?.text || "none";
  const dateline = article.dateline
    ? [article.dateline.place, article.dateline.date, article.dateline.agency]
        .filter(Boolean)
        .join(", ")
    : "none";
  return `headline: ${JSON.stringify(article.headline)} · byline: ${byline} · dateline: ${dateline} · claims: ${article.claims.length}`;
}

const readers: Record<string, { name: string; parse: (input: string) => ParseResult }> = {
  ".txt": { name: "text", parse: (input) => parseText(input) },
  ".md": { name: "markdown", parse: (input) => parseMarkdown(input) },
  ".markdown": { name: "markdown", parse: (input) => parseMarkdown(input) },
};

const files = (await readdir(directory))
  .filter((file) => extname(file).toLowerCase() in readers)
  .sort();
if (files.length === 0) {
  console.error(`No .txt or .md articles in ${directory}`);
  process.exitCode = 1;
}
for (const file of files) {
  const path = join(directory, file);
  const shown = relative(process.cwd(), path) || path;
  const reader = readers[extname(file).toLowerCase()];
  if (!reader) continue;
  const result = reader.parse(await readFile(path, "utf8"));
  console.log(`\n── ${shown} (${reader.name}) ${"─".repeat(Math.max(0, 60 - shown.length))}`);
  for (const diagnostic of result.diagnostics)
    console.log(`  ${formatDiagnostic(diagnostic, shown)}`);
  if (!result.article) {
    console.log("  (no article)");
    process.exitCode = 1;
    continue;
  }
  console.log(JSON.stringify(toJsonLd(result.article), null, 2));
  console.log(summary(result.article));
}
