/**
 * `npm run eval -- <corpus path> [--verbose]`: measure the parsers against a corpus with
 * gold annotations. The evaluator is chosen from the path:
 *   reuters21578/*.jsonl        -> scripts/eval/reuters.ts  (headline, byline, dateline, body)
 *   polnear/*-articles.jsonl    -> scripts/eval/polnear.ts  (quoted claims, speakers, cues)
 *   markdown-18f | markdown-cds -> scripts/eval/markdown.ts (front matter, Markdown structure)
 * Without a path, every corpus found under ../shared/corpora is evaluated in turn.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

function evaluatorFor(path: string): string | undefined {
  if (/reuters/i.test(path)) return "reuters";
  if (/polnear/i.test(path)) return "polnear";
  if (/markdown|\.md$/i.test(path)) return "markdown";
  return undefined;
}

function run(path: string, flags: string[]): number {
  const which = evaluatorFor(path);
  if (!which) {
    console.error(
      `eval: cannot tell which evaluator reads \`${path}\`; expected a path under reuters21578/, polnear/ or markdown-*/`,
    );
    return 2;
  }
  console.log(`\n## ${which}: ${path}`);
  const tsx = join(here, "..", "node_modules", "tsx", "dist", "cli.mjs");
  const result = spawnSync(
    process.execPath,
    [tsx, join(here, "eval", `${which}.ts`), path, ...flags],
    {
      stdio: "inherit",
    },
  );
  return result.status ?? 1;
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
let paths = args.filter((a) => !a.startsWith("--"));
if (paths.length === 0) {
  const root = resolve(here, "..", "..", "shared", "corpora");
  if (!existsSync(root)) {
    console.error(
      "eval: no corpus path given and ../shared/corpora not found. Usage: npm run eval -- <corpus path>",
    );
    process.exit(2);
  }
  paths = [
    ...readdirSync(join(root, "reuters21578"))
      .filter((f) => f.endsWith("-dev.jsonl"))
      .map((f) => join(root, "reuters21578", f)),
    join(root, "polnear", "polnear-train-articles.jsonl"),
    join(root, "markdown-18f"),
    join(root, "markdown-cds"),
  ].filter((p) => existsSync(p));
}
let status = 0;
for (const path of paths) status = Math.max(status, run(path, flags));
console.log(paths.length > 1 ? `\nevaluated ${paths.map((p) => basename(p)).join(", ")}` : "");
process.exit(status);
