/**
 * `npm run bench`: throughput of the parsers and serialisers, each beside a floor
 * measured in the same run, and how time grows with input size.
 *
 *     npm run bench                       # ../shared/corpora when present, else examples/
 *     npm run bench -- path/to/corpora    # another corpora folder
 *     npm run bench -- --quick            # fewer runs (a smoke test)
 *
 * Floors: unified + remark-parse + remark-frontmatter (the extensions parseMarkdown uses
 * by default) on the whole post for parseMarkdown (which hands remark only the body after
 * the front matter); one pass that splits paragraphs and finds quote pairs
 * with a regex for parseText; JSON.stringify of the article for toJsonLd; JSON.parse for
 * fromJson. Each operation and its floor run in alternating passes over the whole corpus
 * (as scripts/bench-markdown.ts does post by post) after at least 1.5 s of the same
 * alternation as warm-up, so that what is timed is the optimised code; the figures are
 * medians. Growth times one input made of a ~10 kB base repeated 1x, 10x and 100x.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { extname, join, resolve } from "node:path";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import {
  type Article,
  fromJson,
  parseMarkdown,
  parseText,
  toJson,
  toJsonLd,
} from "../src/index.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const root = join(import.meta.dirname, "..");
const corporaArgument = args.find((a) => !a.startsWith("--"));
const corpora = resolve(corporaArgument ?? join(root, "..", "shared", "corpora"));

/** Least time each operation and its floor run before they are timed (ms). */
const WARMUP_MS = 1500;

/** Keep results alive so no work is optimised away. */
let sink = 0;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(pass: () => void): number {
  const t0 = performance.now();
  pass();
  return performance.now() - t0;
}

/** Median of timed passes (ms) after warm-up; stops early when a measurement gets long. */
function measure(pass: () => void): number {
  const warmups = 1;
  const maxRuns = quick ? 3 : 7;
  const budgetMs = quick ? 1000 : 3000;
  for (let i = 0; i < warmups; i++) pass();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < maxRuns && (times.length < 3 || performance.now() - started < budgetMs))
    times.push(time(pass));
  return median(times);
}

/**
 * Time an operation and its floor in alternating passes (which goes first alternates
 * too), so both see the same machine load; medians of the times and of the per-round
 * ratios.
 */
function measurePair(
  pass: () => void,
  floor: () => void,
): { ms: number; floorMs: number; ratio: number } {
  // Per-round ratios scatter (parseMarkdown: 0.87-1.34 in one run); the median of 21
  // rounds moves less from run to run than that of 11 (eight runs each: 1.15-1.22 against
  // 1.15-1.24).
  const maxRounds = quick ? 3 : 21;
  const budgetMs = quick ? 3000 : 20_000;
  // Warm up for a while, not for a number of passes: V8 moves the parsers' many functions
  // to its optimising tier only after ~0.8 s of work, and a small corpus (PolNeAR: 25 ms a
  // pass) would otherwise be timed while that happens.
  const warmupMs = quick ? 200 : WARMUP_MS;
  const warmupStarted = performance.now();
  for (let i = 0; i < 2 || performance.now() - warmupStarted < warmupMs; i++) {
    pass();
    floor();
  }
  const times: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  const started = performance.now();
  for (
    let round = 0;
    round < maxRounds && (round < 3 || performance.now() - started < budgetMs);
    round++
  ) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = time(pass);
      b = time(floor);
    } else {
      b = time(floor);
      a = time(pass);
    }
    times.push(a);
    floors.push(b);
    ratios.push(a / b);
  }
  return { ms: median(times), floorMs: median(floors), ratio: median(ratios) };
}

interface Corpus {
  name: string;
  inputs: string[];
  bytes: number;
}

function corpus(name: string, inputs: string[]): Corpus {
  return { name, inputs, bytes: inputs.reduce((sum, s) => sum + Buffer.byteLength(s), 0) };
}

function readJsonl(path: string, field: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as Record<string, unknown>)[field])
    .filter((value): value is string => typeof value === "string");
}

function readFolder(path: string, extensions: string[]): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((file) => extensions.includes(extname(file).toLowerCase()))
    .sort()
    .map((file) => readFileSync(join(path, file), "utf8"));
}

/** The corpora to measure on: the shared ones when present, else the bundled examples. */
function loadCorpora(): { text: Corpus[]; markdown: Corpus[]; source: string } {
  const reuters = join(corpora, "reuters21578", "reuters21578-dev.jsonl");
  const polnear = join(corpora, "polnear", "polnear-train-articles.jsonl");
  const md = [join(corpora, "markdown-18f", "posts"), join(corpora, "markdown-cds", "posts")];
  if (existsSync(reuters) || existsSync(polnear) || md.some((p) => existsSync(p))) {
    const text: Corpus[] = [];
    if (existsSync(reuters))
      text.push(corpus("Reuters wire_text", readJsonl(reuters, "wire_text")));
    if (existsSync(polnear)) text.push(corpus("PolNeAR text", readJsonl(polnear, "text")));
    const posts = md.flatMap((p) => readFolder(p, [".md", ".markdown"]));
    return {
      text,
      markdown: posts.length > 0 ? [corpus("18F + CDS posts", posts)] : [],
      source: corpora,
    };
  }
  // Fallback: the bundled examples, repeated so a pass takes measurable time.
  const examples = join(root, "examples");
  const repeat = (inputs: string[]) => Array.from({ length: 200 }, () => inputs).flat();
  const text = readFolder(examples, [".txt"]);
  const markdown = readFolder(examples, [".md", ".markdown"]);
  return {
    text: text.length > 0 ? [corpus("examples/*.txt x200", repeat(text))] : [],
    markdown: markdown.length > 0 ? [corpus("examples/*.md x200", repeat(markdown))] : [],
    source: `${examples} (no corpora at ${corpora})`,
  };
}

// ---- floors ---------------------------------------------------------------------------

const QUOTE_PAIR = /["\u201c]([^"\u201c\u201d\n]*)["\u201d]/g;

/** One pass over the text: split paragraphs on newlines, find quote pairs with a regex. */
function textFloor(input: string): number {
  const paragraphs: { text: string; start: number; end: number }[] = [];
  const quotes: { text: string; start: number; end: number }[] = [];
  let start = 0;
  while (start <= input.length) {
    let end = input.indexOf("\n", start);
    if (end === -1) end = input.length;
    const text = input.slice(start, end).trim();
    if (text !== "") paragraphs.push({ text, start, end });
    start = end + 1;
  }
  for (const match of input.matchAll(QUOTE_PAIR)) {
    const at = match.index ?? 0;
    quotes.push({ text: match[1] ?? "", start: at + 1, end: at + match[0].length - 1 });
  }
  return paragraphs.length + quotes.length;
}

const remark = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]);

/** unified + remark-parse + remark-frontmatter alone: the tree, nothing else. */
function markdownFloor(input: string): number {
  return remark.parse(input).children.length;
}

// ---- report ---------------------------------------------------------------------------

interface Row {
  operation: string;
  corpus: string;
  articles: number;
  bytes: number;
  ms: number;
  floor: string;
  floorMs: number;
  ratio: number;
  target: string;
  /** `undefined`: no target; `""`: met; else what was missed. */
  missed: string | undefined;
}

const rows: Row[] = [];

function row(
  operation: string,
  data: Corpus,
  run: (input: string) => void,
  floor: string,
  runFloor: (input: string) => void,
  check?: {
    label: string;
    test: (ratio: number, megabytesPerSecond: number) => string | undefined;
  },
): Row {
  const { ms, floorMs, ratio } = measurePair(
    () => {
      for (const input of data.inputs) run(input);
    },
    () => {
      for (const input of data.inputs) runFloor(input);
    },
  );
  const result: Row = {
    operation,
    corpus: data.name,
    articles: data.inputs.length,
    bytes: data.bytes,
    ms,
    floor,
    floorMs,
    ratio,
    target: check?.label ?? "",
    missed: check ? (check.test(ratio, data.bytes / 1e6 / (ms / 1000)) ?? "") : undefined,
  };
  rows.push(result);
  process.stderr.write(`  measured ${operation} on ${data.name}\n`);
  return result;
}

function pad(value: string, width: number, right = false): string {
  return right ? value.padStart(width) : value.padEnd(width);
}

function printTable(): void {
  const header = [
    pad("operation", 14),
    pad("corpus", 28),
    pad("articles", 8, true),
    pad("MB", 6, true),
    pad("MB/s", 8, true),
    pad("articles/s", 11, true),
    "  ",
    pad("floor", 30),
    pad("MB/s", 8, true),
    pad("ratio", 7, true),
    "  target",
  ].join(" ");
  console.log(header);
  console.log("-".repeat(header.length + 12));
  for (const r of rows) {
    const mb = r.bytes / 1e6;
    const ratio = r.ratio;
    const verdict =
      r.missed === undefined ? "" : r.missed === "" ? "  ok" : `  MISSED (${r.missed})`;
    console.log(
      [
        pad(r.operation, 14),
        pad(r.corpus, 28),
        pad(String(r.articles), 8, true),
        pad(mb.toFixed(2), 6, true),
        pad((mb / (r.ms / 1000)).toFixed(1), 8, true),
        pad((r.articles / (r.ms / 1000)).toFixed(0), 11, true),
        "  ",
        pad(r.floor, 30),
        pad((mb / (r.floorMs / 1000)).toFixed(1), 8, true),
        pad(`${ratio.toFixed(2)}x`, 7, true),
        `  ${r.target}${verdict}`,
      ].join(" "),
    );
  }
}

/** Time `run` on `base` repeated 1x, 10x, 100x; linear growth is about 10x per step. */
function growth(operation: string, base: string, run: (input: string) => void): string {
  const sizes = [1, 10, 100];
  const times = sizes.map((n) => {
    const input = Array.from({ length: n }, () => base).join("\n\n");
    // fewer passes at the large sizes, but always several; repeat small inputs for resolution
    const inner = Math.max(1, Math.round(100 / n));
    return (
      measure(() => {
        for (let i = 0; i < inner; i++) run(input);
      }) / inner
    );
  });
  const [t1 = 0, t10 = 0, t100 = 0] = times;
  const step1 = t10 / t1;
  const step2 = t100 / t10;
  const worst = Math.max(step1, step2);
  // linear is 10x; up to 13x is noise, up to 20x is what the hostile check allows
  const verdict = worst <= 13 ? "linear" : worst <= 20 ? "above linear (<= 20x)" : "SUPERLINEAR";
  return `${pad(operation, 14)} ${pad(`${(Buffer.byteLength(base) / 1000).toFixed(1)} kB`, 9, true)}  ${times
    .map((t) => pad(`${t.toFixed(2)} ms`, 12, true))
    .join(
      "",
    )}  ${pad(`${step1.toFixed(1)}x`, 7, true)} ${pad(`${step2.toFixed(1)}x`, 7, true)}  ${verdict}`;
}

// ---- main -----------------------------------------------------------------------------

const benchStarted = performance.now();
const { text, markdown, source } = loadCorpora();
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `article-model benchmarks · Node ${process.version} · ${availableParallelism()} cores · ${cpu}`,
);
console.log(`corpora: ${source}${quick ? " · --quick" : ""}\n`);

for (const data of text) {
  row(
    "parseText",
    data,
    (input) => {
      sink += parseText(input).article?.body.length ?? 0;
    },
    "split + quote regex, 1 pass",
    (input) => {
      sink += textFloor(input);
    },
    {
      label: "<= 10x floor, >= 20 MB/s",
      test: (ratio, mbs) =>
        [ratio > 10 ? "ratio" : "", mbs < 20 ? "MB/s" : ""].filter(Boolean).join(", ") || undefined,
    },
  );
}
for (const data of markdown) {
  row(
    "parseMarkdown",
    data,
    (input) => {
      sink += parseMarkdown(input).article?.body.length ?? 0;
    },
    "unified+remark-parse+frontmatter",
    (input) => {
      sink += markdownFloor(input);
    },
    { label: "<= 1.25x floor", test: (ratio) => (ratio <= 1.25 ? undefined : "ratio") },
  );
}

// Serialisers run on the articles parsed from the first text corpus.
const serialiseFrom = text[0] ?? markdown[0];
if (serialiseFrom) {
  const parse = text[0] ? parseText : parseMarkdown;
  const articles: Article[] = serialiseFrom.inputs
    .map((input) => parse(input).article)
    .filter((a): a is Article => a !== undefined);
  const byArticle = new Map<string, Article>();
  const keys = articles.map((article, i) => {
    const key = String(i);
    byArticle.set(key, article);
    return key;
  });
  const articleCorpus = corpus(`${serialiseFrom.name.split(" ")[0]} articles`, keys);
  articleCorpus.bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(a)), 0);
  row(
    "toJsonLd",
    articleCorpus,
    (key) => {
      sink += Object.keys(toJsonLd(byArticle.get(key) as Article)).length;
    },
    "JSON.stringify(article)",
    (key) => {
      sink += JSON.stringify(byArticle.get(key)).length;
    },
    { label: "<= 1x floor", test: (ratio) => (ratio <= 1 ? undefined : "ratio") },
  );
  row(
    "toJsonLd text",
    articleCorpus,
    (key) => {
      sink += JSON.stringify(toJsonLd(byArticle.get(key) as Article)).length;
    },
    "JSON.stringify(article)",
    (key) => {
      sink += JSON.stringify(byArticle.get(key)).length;
    },
  );
  const jsonCorpus = corpus(
    `${serialiseFrom.name.split(" ")[0]} article JSON`,
    articles.map((a) => JSON.stringify(toJson(a))),
  );
  row(
    "fromJson",
    jsonCorpus,
    (input) => {
      sink += fromJson(input).body.length;
    },
    "JSON.parse",
    (input) => {
      sink += (JSON.parse(input) as { body: unknown[] }).body.length;
    },
  );
}

console.log(
  "Throughput (passes over the whole corpus, alternating with the floor; medians; ratio = median of time / floor time per round)\n",
);
printTable();

console.log(
  `\nGrowth (one input made of the base article repeated 1x, 10x, 100x; linear is ~10x per step)\n`,
);
console.log(
  `${pad("operation", 14)} ${pad("base", 9, true)}  ${pad("1x", 12, true)}${pad("10x", 12, true)}${pad("100x", 12, true)}  ${pad("10x/1x", 7, true)} ${pad("100x/10x", 8, true)}`,
);
/** A base input of about 10 kB: consecutive articles of the corpus (none over 12 kB). */
function baseOf(data: Corpus | undefined): string | undefined {
  if (!data) return undefined;
  let out = "";
  for (const input of data.inputs) {
    if (out.length >= 8_000) break;
    if (input.length > 12_000) continue;
    out += (out ? "\n\n" : "") + input;
  }
  return out || data.inputs[0];
}
// Each operation beside its floor on the same inputs: what grows faster than 10x per step
// in both is the input's nature (a longer document: more to keep, more GC), not our code.
const textBase = baseOf(text[0]);
if (textBase) {
  console.log(growth("parseText", textBase, (input) => void parseText(input)));
  console.log(growth("  its floor", textBase, (input) => void textFloor(input)));
}
const markdownBase = baseOf(markdown[0]);
if (markdownBase) {
  console.log(growth("parseMarkdown", markdownBase, (input) => void parseMarkdown(input)));
  console.log(growth("  remark alone", markdownBase, (input) => void markdownFloor(input)));
}

console.log(`\n(${((performance.now() - benchStarted) / 1000).toFixed(0)} s in all)`);
if (sink === -1) console.log("(unreachable)");
