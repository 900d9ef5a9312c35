/**
 * A runnable example: `npx tsx examples/basic.ts`.
 * Parses the seed article, validates it, round-trips it through JSON and prints its
 * claims and JSON-LD. (Inside this repo `article-model` resolves to `src/` through
 * tsconfig `paths`; in your project it is the installed package.)
 */
import { readFileSync } from "node:fs";
import { formatDiagnostic, fromJson, parseText, toJson, toJsonLdScript } from "article-model";

const file = new URL("./empty-alert.txt", import.meta.url);
const { article, diagnostics } = parseText(readFileSync(file, "utf8"), {
  referenceDate: "2024-02-01",
  language: "en",
});
for (const d of diagnostics) console.error(formatDiagnostic(d, "empty-alert.txt"));
if (!article) throw new Error("no article");

console.log(`Headline: ${article.headline}`);
console.log(`Byline:   ${article.byline?.authors.map((a) => a.name).join(", ") ?? "(none)"}`);
console.log(`Dateline: ${article.dateline?.place ?? "(none)"}`);
console.log(`Body:     ${article.body.length} paragraphs`);
for (const claim of article.claims) {
  console.log(
    `- ${claim.kind} claim by ${claim.speaker?.name ?? "?"} (${claim.cue?.text ?? "?"}): ${claim.text.slice(0, 60)}…`,
  );
}

// Lossless JSON round trip.
const again = fromJson(JSON.stringify(toJson(article)));
console.log(`Round trip equal: ${JSON.stringify(again) === JSON.stringify(toJson(article))}`);

console.log(toJsonLdScript(article));
