/**
 * `npm run hostile`: time every hostile input of issue #8 at 100 kB and 1 MB and check
 * what must hold: the 1 MB input runs in under 3 s, 10x the input costs at most 20x the
 * time, the article validates and its spans lie inside the input.
 *
 *     npm run hostile                   # everything (about a minute)
 *     npm run hostile -- --only quote   # cases whose name contains "quote"
 *     npm run hostile -- --quick        # 10 kB and 100 kB
 *
 * Each case runs in its own child process with a time limit, so a parser that hangs is
 * reported as TIMEOUT instead of hanging this script. Exit status 1 when a case fails.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  type Article,
  ArticleSchema,
  ArticleValidationError,
  type Author,
  fromJson,
  fromJsonLd,
  type ParseResult,
  parseMarkdown,
  parseText,
  toJsonLd,
  toJsonLdScript,
} from "../src/index.js";
import {
  chainedGraph,
  HOSTILE_INPUTS,
  nestedArrays,
  repeatTo,
  spansOutside,
} from "../tests/hostile-inputs.js";

const LIMIT_MS = 3000;
const MAX_RATIO = 20;
const CHILD_TIMEOUT_MS = 30_000;

/** Deep nesting must be refused with a validation error (not a crash, not accepted). */
function rejectsNesting(input: unknown): string | undefined {
  try {
    fromJson(input as string);
    return "accepted nested arrays";
  } catch (error) {
    return error instanceof ArticleValidationError
      ? undefined
      : `threw ${(error as Error).name}, expected ArticleValidationError`;
  }
}

/** One timed case: how to build its input at a size, run it, and check the outcome. */
interface Case {
  name: string;
  operation: string;
  build(size: number): unknown;
  /** Run once; return a problem, or `undefined` when the outcome is right. */
  run(input: unknown): string | undefined;
  /** Sizes to time (default 100 kB and 1 MB). */
  sizes?: number[];
}

/** Text with text gives an article; Markdown may be all markup, but then says so. */
function checkParse(
  input: string,
  result: ParseResult,
  kind: "text" | "markdown",
): string | undefined {
  if (!result.article) {
    if (kind === "text" && input.trim() !== "") return "no article for input with text";
    return result.diagnostics.some((d) => d.severity === "error")
      ? undefined
      : "no article and no error";
  }
  const valid = ArticleSchema.safeParse(result.article);
  if (!valid.success) return `ArticleSchema fails: ${valid.error.issues[0]?.message ?? "?"}`;
  const outside = spansOutside(result.article, input.length);
  if (outside.length > 0)
    return `${outside.length} span(s) outside the input, e.g. ${JSON.stringify(outside[0])}`;
  return undefined;
}

function parserCase(name: string, target: "text" | "markdown", build: (n: number) => string): Case {
  const parse = target === "text" ? parseText : parseMarkdown;
  return {
    name,
    operation: target === "text" ? "parseText" : "parseMarkdown",
    build,
    run(input) {
      const text = input as string;
      return checkParse(text, parse(text), target);
    },
  };
}

/** An article whose every string is `</script><!--` and friends, `size` code units in all. */
function scriptBreaker(size: number): Article {
  const evil = repeatTo("</script><!--<script>\u2028\u2029&lt;</SCRIPT ", size / 4);
  return {
    headline: evil,
    description: evil,
    keywords: [evil],
    images: [],
    body: [{ text: evil }, { text: evil }],
    claims: [],
  };
}

/**
 * A byline of `size / 100` credits with one name: half of them different people (each
 * its own url), half one person (a shared sameAs URL and one of their own).
 */
function namesakes(size: number): Article {
  const count = Math.max(2, Math.floor(size / 100));
  const authors: Author[] = Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { type: "Person", name: "Ana Ruiz", url: `https://paper.example/ana-${i}` }
      : {
          type: "Person",
          name: "Ana Ruiz",
          sameAs: ["https://wiki.example/Ana_Ruiz", `https://social.example/${i}`],
        },
  );
  return {
    headline: "H",
    byline: { text: "By Ana Ruiz", authors },
    keywords: [],
    images: [],
    body: [],
    claims: [],
  };
}

const CASES: Case[] = [
  ...HOSTILE_INPUTS.flatMap((input) =>
    input.targets.map((target) => parserCase(input.name, target, input.build)),
  ),
  {
    name: "nested arrays",
    operation: "fromJson",
    build: (n) => nestedArrays(Math.floor(n / 2)),
    run: rejectsNesting,
  },
  {
    name: "nested arrays x200,000",
    operation: "fromJson",
    sizes: [400_000],
    build: () => nestedArrays(200_000),
    run: rejectsNesting,
  },
  {
    name: "__proto__ keys",
    operation: "fromJson",
    build: (n) => {
      const paragraph =
        '{"text":"p","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}';
      const body = repeatTo(`${paragraph},`, n - 200).slice(0, -1);
      return `{"headline":"H","__proto__":{"polluted":1},"keywords":[],"images":[],"body":[${body}],"claims":[]}`;
    },
    run(input) {
      let article: Article;
      try {
        article = fromJson(input as string);
      } catch (error) {
        return `threw ${(error as Error).message.split("\n")[0]}`;
      }
      if (({} as Record<string, unknown>).polluted !== undefined)
        return "Object.prototype polluted";
      if (Object.getPrototypeOf(article) !== Object.prototype || "polluted" in article)
        return "result polluted";
      if (article.body.some((p) => "polluted" in p)) return "paragraph polluted";
      return undefined;
    },
  },
  {
    name: "chained @graph",
    operation: "fromJsonLd",
    build: (n) => JSON.stringify(chainedGraph(Math.max(2, Math.floor(n / 70)))),
    run(input) {
      const result = fromJsonLd(input as string);
      if (!result.article) return "no article";
      const valid = ArticleSchema.safeParse(result.article);
      return valid.success ? undefined : "ArticleSchema fails";
    },
  },
  {
    name: "@graph 100,000 nodes",
    operation: "fromJsonLd",
    sizes: [100_000],
    build: () => chainedGraph(100_000),
    run(input) {
      const result = fromJsonLd(input);
      return result.article ? undefined : "no article";
    },
  },
  {
    name: "claims not in the body",
    operation: "fromJsonLd",
    build: (n) =>
      JSON.stringify({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "NewsArticle", headline: "H", articleBody: "a".repeat(Math.floor(n * 0.8)) },
          ...Array.from({ length: Math.floor(n / 250) }, (_, i) => ({
            "@type": "Claim",
            text: i % 2 === 0 ? "aaab" : `aaaab${i}`,
          })),
        ],
      }),
    run(input) {
      const result = fromJsonLd(input as string);
      if (!result.article) return "no article";
      return result.article.claims.length === 0 ? undefined : "found a claim that is not there";
    },
  },
  {
    name: "namesakes in the byline",
    operation: "toJsonLd",
    build: namesakes,
    run(input) {
      const article = input as Article;
      const ld = toJsonLd(article) as { author?: readonly unknown[] };
      return ld.author?.length === article.byline?.authors.length ? undefined : "lost a credit";
    },
  },
  {
    name: "</script> in every field",
    operation: "toJsonLdScript",
    build: (n) => scriptBreaker(n),
    run(input) {
      const html = toJsonLdScript(input as Article);
      const closing = html.toLowerCase().indexOf("</script");
      if (closing !== html.length - "</script>".length) return "breaks out of the script element";
      if (html.includes("<!--")) return "contains <!--";
      return undefined;
    },
  },
];

// ---- child: time one case -------------------------------------------------------------

interface Measured {
  times: (number | undefined)[];
  problem?: string | undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeCase(test: Case, sizes: number[]): Measured {
  const inputs = (test.sizes ?? sizes).map((size) => test.build(size));
  // warm up on the smallest input itself, so that it is not charged for compilation
  if (inputs[0] !== undefined) test.run(inputs[0]);
  const runs: number[][] = inputs.map(() => []);
  const done = inputs.map(() => false);
  let problem: string | undefined;
  // Rounds over all sizes, one run of each per round (five rounds for fast inputs, three
  // for slow ones): a spell of machine load then slows every size alike, and the medians
  // compare like with like.
  for (let round = 0; round < 5; round++) {
    for (const [k, input] of inputs.entries()) {
      const times = runs[k] as number[];
      if (done[k] || (round >= 3 && (times[0] ?? 0) >= 200)) continue;
      const t0 = performance.now();
      let outcome: string | undefined;
      try {
        outcome = test.run(input);
      } catch (error) {
        outcome = `threw ${(error as Error).name}: ${(error as Error).message.split("\n")[0]}`;
      }
      times.push(performance.now() - t0);
      problem ??= outcome;
      if ((times[times.length - 1] as number) > LIMIT_MS) done[k] = true;
    }
  }
  return { times: runs.map((times) => median(times)), problem };
}

// ---- parent: run every case in a child, print the table -------------------------------

function runChild(index: number, sizes: number[]): Promise<Measured & { failure?: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        "--child",
        String(index),
        "--sizes",
        sizes.join(","),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as Measured);
      } catch {
        const why =
          signal === "SIGKILL"
            ? `TIMEOUT (> ${CHILD_TIMEOUT_MS / 1000} s)`
            : `CRASH (exit ${code}): ${err.trim().split("\n").slice(-3).join(" ")}`;
        resolve({ times: [], failure: why });
      }
    });
  });
}

function format(ms: number | undefined): string {
  if (ms === undefined) return "-";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

async function parent(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const onlyIndex = args.indexOf("--only");
  const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.toLowerCase() : undefined;
  const sizes = quick ? [10_000, 100_000] : [100_000, 1_000_000];
  const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n / 1000} kB`);
  console.log(
    `Hostile inputs (issue #8) · Node ${process.version} · pass: largest size < ${LIMIT_MS / 1000} s and 10x size <= ${MAX_RATIO}x time\n`,
  );
  const header = `${"input".padEnd(34)}${"operation".padEnd(15)}${label(sizes[0] ?? 0).padStart(10)}${label(sizes[1] ?? 0).padStart(10)}${"ratio".padStart(8)}  result`;
  console.log(header);
  console.log("-".repeat(header.length + 30));
  let failures = 0;
  for (const [index, test] of CASES.entries()) {
    if (only && !`${test.name} ${test.operation}`.toLowerCase().includes(only)) continue;
    const measured = await runChild(index, sizes);
    const [small, large] = test.sizes ? [undefined, measured.times[0]] : measured.times;
    const ratio = small !== undefined && large !== undefined ? large / small : undefined;
    const problems: string[] = [];
    if (measured.failure) problems.push(measured.failure);
    if (large !== undefined && large >= LIMIT_MS) problems.push(`over ${LIMIT_MS / 1000} s`);
    if (ratio !== undefined && ratio > MAX_RATIO)
      problems.push(`superlinear (${ratio.toFixed(0)}x)`);
    if (measured.problem) problems.push(measured.problem);
    if (problems.length > 0) failures++;
    const name = test.sizes ? `${test.name} (fixed)` : test.name;
    console.log(
      `${name.padEnd(34)}${test.operation.padEnd(15)}${format(small).padStart(10)}${format(large).padStart(10)}${(ratio === undefined ? "-" : `${ratio.toFixed(1)}x`).padStart(8)}  ${problems.length === 0 ? "pass" : `FAIL: ${problems.join("; ")}`}`,
    );
  }
  console.log(`\n${failures === 0 ? "All cases pass." : `${failures} case(s) fail.`}`);
  process.exitCode = failures === 0 ? 0 : 1;
}

const childIndex = process.argv.indexOf("--child");
if (childIndex >= 0) {
  const test = CASES[Number(process.argv[childIndex + 1])];
  const sizes = (process.argv[process.argv.indexOf("--sizes") + 1] ?? "100000,1000000")
    .split(",")
    .map(Number);
  if (!test) throw new Error("Unknown case");
  console.log(JSON.stringify(timeCase(test, sizes)));
} else {
  await parent();
}
