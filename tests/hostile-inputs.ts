/**
 * The hostile inputs of issue #8, built at any size. Shared by `tests/hostile.test.ts`
 * (small sizes, properties) and `scripts/hostile.ts` (100 kB and 1 MB, timed).
 */

/** Which parsers an input is for. */
export type HostileTarget = "text" | "markdown";

/** A hostile input that can be built at any size. */
export interface HostileInput {
  /** Short name, shown in the table. */
  name: string;
  /** The parsers to run it through. */
  targets: readonly HostileTarget[];
  /**
   * Build the input.
   *
   * @param size
   *   Length to reach, in UTF-16 code units (the result may be a little shorter).
   */
  build(size: number): string;
}

/** `unit` repeated to `size` code units. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random code units: ASCII, punctuation the parsers care about, any BMP character,
 * astral pairs and lone surrogates, line breaks.
 */
export function randomCodeUnits(size: number, seed = 8): string {
  const random = prng(seed);
  const special = [
    '"',
    "\u201c",
    "\u201d",
    "'",
    "\u2018",
    "\u2019",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "-",
    "\u2014",
    ",",
    ".",
    "By ",
    "(Reuters)",
    "#",
    ">",
    "*",
    "_",
    "[",
    "]",
    "`",
    "---\n",
  ];
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const r = random();
    let part: string;
    if (r < 0.35) part = String.fromCharCode(32 + Math.floor(random() * 95));
    else if (r < 0.6) part = special[Math.floor(random() * special.length)] ?? " ";
    else if (r < 0.8) part = String.fromCharCode(Math.floor(random() * 0x10000));
    else if (r < 0.9) part = String.fromCharCode(0xd800 + Math.floor(random() * 0x800));
    else part = String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff));
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

/** A YAML "billion laughs" block: nine levels of aliases, each nine times the last. */
export function yamlAliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 9; level++) {
    const previous = `*a${level - 1}`;
    lines.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => previous).join(",")}]`);
  }
  return lines.join("\n");
}

const BOTH: readonly HostileTarget[] = ["text", "markdown"];
const MARKDOWN: readonly HostileTarget[] = ["markdown"];

/** Every hostile input of issue #8. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: 'run of "', targets: BOTH, build: (n) => repeatTo('"', n) },
  { name: "run of \u201c", targets: BOTH, build: (n) => repeatTo("\u201c", n) },
  { name: "\u201ca \u201d pairs", targets: BOTH, build: (n) => repeatTo("\u201ca \u201d", n) },
  { name: "unclosed quotes", targets: BOTH, build: (n) => repeatTo('He said, "we will see. ', n) },
  { name: "many claims", targets: BOTH, build: (n) => repeatTo('"Yes," she said. ', n) },
  { name: '"By " repeated', targets: BOTH, build: (n) => repeatTo("By ", n) },
  { name: '"WASHINGTON, " rep.', targets: BOTH, build: (n) => repeatTo("WASHINGTON, ", n) },
  { name: "dashes", targets: BOTH, build: (n) => repeatTo("- \u2013 \u2014 -- ", n) },
  { name: "newlines", targets: BOTH, build: (n) => repeatTo("\n", n) },
  { name: "one long word", targets: BOTH, build: (n) => repeatTo("a", n) },
  { name: "Senator John Smith", targets: BOTH, build: (n) => repeatTo("Senator John Smith ", n) },
  { name: "random + surrogates", targets: BOTH, build: (n) => randomCodeUnits(n) },
  { name: "run of >", targets: MARKDOWN, build: (n) => repeatTo(">", n) },
  { name: "*_ runs", targets: MARKDOWN, build: (n) => repeatTo("*_", n) },
  { name: "[ runs", targets: MARKDOWN, build: (n) => repeatTo("[", n) },
  {
    name: "YAML alias bomb",
    targets: MARKDOWN,
    build: (n) => {
      const head = `---\n${yamlAliasBomb()}\ntitle: Bomb\n---\n\n# Headline\n\n`;
      return head + repeatTo("A paragraph of body text.\n\n", Math.max(0, n - head.length));
    },
  },
  {
    name: "YAML many aliases",
    targets: MARKDOWN,
    build: (n) => `---\nx: &x lol\ny: [${repeatTo("*x, ", n - 40)}*x]\n---\n\nBody.\n`,
  },
];

/** Every `{start, end}` span in an article (or any value), found by walking it. */
export function collectSpans(value: unknown): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    const record = v as Record<string, unknown>;
    if (
      typeof record.start === "number" &&
      typeof record.end === "number" &&
      Object.keys(record).length === 2
    ) {
      spans.push({ start: record.start, end: record.end });
    }
    for (const key of Object.keys(record)) stack.push(record[key]);
  }
  return spans;
}

/** The spans of an article that do not lie inside an input of `length` code units. */
export function spansOutside(article: unknown, length: number): { start: number; end: number }[] {
  return collectSpans(article).filter(
    (s) =>
      !(
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        0 <= s.start &&
        s.start <= s.end &&
        s.end <= length
      ),
  );
}

/** JSON text of `depth` nested arrays. */
export function nestedArrays(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

/**
 * A JSON-LD `@graph` of `nodes` nodes: a NewsArticle whose `isPartOf` starts a chain of
 * WebPages, each `isPartOf` the next by `@id`, and whose `author` is the last node.
 * With `cycle`, the last page points back to the article.
 */
export function chainedGraph(nodes: number, cycle = true): Record<string, unknown> {
  const graph: Record<string, unknown>[] = [
    {
      "@type": "NewsArticle",
      "@id": "#article",
      headline: "Chained graph",
      articleBody: "Body.",
      isPartOf: { "@id": "#n1" },
      author: { "@id": `#n${nodes - 1}` },
    },
  ];
  for (let i = 1; i < nodes; i++) {
    const next = i + 1 < nodes ? `#n${i + 1}` : cycle ? "#article" : undefined;
    const node: Record<string, unknown> = {
      "@id": `#n${i}`,
      "@type": i === nodes - 1 ? "Person" : "WebPage",
      name: `Node ${i}`,
    };
    if (next) node.isPartOf = { "@id": next };
    graph.push(node);
  }
  return { "@context": "https://schema.org", "@graph": graph };
}
