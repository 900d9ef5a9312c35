/**
 * Check the JSON-LD of every article parsed from the seed and the dev corpora with the
 * shared offline checker (`tools/check-jsonld.mjs`), and print error/warning counts.
 *
 * Each article is written three ways: `toJsonLd` (`*.jsonld`), `toJsonLdGraph` with its
 * claims (`*.graph.jsonld`) and `toJsonLdScript` in a page (`*.html`, which also tests
 * that the script element survives the checker's HTML extraction). It also reads each
 * JSON-LD back with `fromJsonLd` and counts articles that do not come back.
 *
 * Usage:
 *   npx tsx scripts/check-jsonld-corpora.ts SHARED_DIR [--limit N] [--keep] [--verbose]
 *     SHARED_DIR  the shared folder (with fixtures/, corpora/, tools/)
 *     --limit N   at most N records per corpus
 *     --keep      keep the temporary folder of JSON-LD files
 *     --verbose   print every error and warning, not only the first ones
 * Exit status: 0 = no checker errors, 1 = errors, 2 = usage or setup problem.
 *
 * @example
 *   npx tsx scripts/check-jsonld-corpora.ts ../shared
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Article, ParseOptions, ParseResult } from "../src/index.js";

interface Args {
  shared: string;
  limit: number;
  keep: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args | undefined {
  const args: Args = { shared: "", limit: Number.POSITIVE_INFINITY, keep: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--keep") args.keep = true;
    else if (a === "--verbose") args.verbose = true;
    else if (a === "--limit") args.limit = Number(argv[++i]);
    else if (a.startsWith("--")) return undefined;
    else args.shared = a;
  }
  return args.shared === "" || Number.isNaN(args.limit) ? undefined : args;
}

/** One input to parse: where it came from, how to parse it. */
interface Source {
  corpus: string;
  id: string;
  format: "text" | "markdown";
  input: string;
  options: ParseOptions;
}

function readJsonl(file: string, limit: number): Record<string, unknown>[] {
  if (!existsSync(file)) {
    console.warn(`skip: ${file} not found`);
    return [];
  }
  const out: Record<string, unknown>[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (out.length >= limit) break;
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      console.warn(`skip: a line of ${file} is not JSON`);
    }
  }
  return out;
}

const MONTHS: Record<string, string> = {
  JAN: "01",
  FEB: "02",
  MAR: "03",
  APR: "04",
  MAY: "05",
  JUN: "06",
  JUL: "07",
  AUG: "08",
  SEP: "09",
  OCT: "10",
  NOV: "11",
  DEC: "12",
};

/** Reuters `date_raw` (" 5-MAR-1987 09:07:54.17") → "1987-03-05". */
function reutersDate(raw: unknown): string | undefined {
  const m = typeof raw === "string" ? /(\d{1,2})-([A-Z]{3})-(\d{4})/i.exec(raw) : null;
  const month = m ? MONTHS[(m[2] as string).toUpperCase()] : undefined;
  return m && month ? `${m[3]}-${month}-${(m[1] as string).padStart(2, "0")}` : undefined;
}

function sources(shared: string, limit: number): Source[] {
  const out: Source[] = [];
  const seed = join(shared, "fixtures/seed");
  if (existsSync(seed)) {
    for (const f of readdirSync(seed)
      .filter((f) => f.endsWith(".txt"))
      .sort()) {
      out.push({
        corpus: "seed",
        id: f,
        format: "text",
        input: readFileSync(join(seed, f), "utf8"),
        options: {},
      });
    }
  }
  for (const file of ["reuters21578-dev.jsonl", "reuters21578-authored-dev.jsonl"]) {
    for (const r of readJsonl(join(shared, "corpora/reuters21578", file), limit)) {
      if (typeof r.wire_text !== "string") continue;
      const referenceDate = reutersDate(r.date_raw);
      out.push({
        corpus: file.includes("authored") ? "reuters-authored" : "reuters",
        id: String(r.id),
        format: "text",
        input: r.wire_text,
        options: referenceDate ? { referenceDate, language: "en" } : { language: "en" },
      });
    }
  }
  for (const r of readJsonl(join(shared, "corpora/polnear/polnear-train-articles.jsonl"), limit)) {
    if (typeof r.text !== "string") continue;
    const date = typeof r.publication_date === "string" ? r.publication_date : undefined;
    out.push({
      corpus: "polnear",
      id: String(r.id),
      format: "text",
      input: r.text,
      options: date ? { referenceDate: date } : {},
    });
  }
  for (const corpus of ["markdown-18f", "markdown-cds"]) {
    const dir = join(shared, "corpora", corpus, "posts");
    if (!existsSync(dir)) {
      console.warn(`skip: ${dir} not found`);
      continue;
    }
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()
      .slice(0, limit)) {
      out.push({
        corpus,
        id: f,
        format: "markdown",
        input: readFileSync(join(dir, f), "utf8"),
        options: {},
      });
    }
  }
  return out;
}

interface CheckerIssue {
  severity: "ERROR" | "WARN" | "NOTE";
  code: string;
  path: string;
  message: string;
}
interface CheckerReport {
  source: string;
  issues: CheckerIssue[];
}

function runChecker(checker: string, files: string[]): CheckerReport[] {
  const reports: CheckerReport[] = [];
  for (let i = 0; i < files.length; i += 400) {
    const batch = files.slice(i, i + 400);
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [checker, "--json", ...batch], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
    } catch (error) {
      // exit status 1 = errors found; the report is still on stdout
      const e = error as { status?: number; stdout?: string; message: string };
      if (e.status !== 1 || typeof e.stdout !== "string")
        throw new Error(`checker failed: ${e.message}`);
      stdout = e.stdout;
    }
    reports.push(...(JSON.parse(stdout) as { reports: CheckerReport[] }).reports);
  }
  return reports;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(
      "Usage: npx tsx scripts/check-jsonld-corpora.ts SHARED_DIR [--limit N] [--keep] [--verbose]",
    );
    return 2;
  }
  const checker = join(args.shared, "tools/check-jsonld.mjs");
  if (!existsSync(checker)) {
    console.error(`cannot find the checker at ${checker}`);
    return 2;
  }
  let lib: typeof import("../src/index.js");
  try {
    lib = await import("../src/index.js");
  } catch (error) {
    console.error(`cannot load the library: ${(error as Error).message}`);
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), "jsonld-corpora-"));
  const all = sources(args.shared, args.limit);
  const corpusOf = new Map<string, string>();
  const stats = new Map<
    string,
    { records: number; articles: number; noArticle: number; threw: number; roundTrip: number }
  >();
  const files: string[] = [];
  all.forEach((source, n) => {
    const s = stats.get(source.corpus) ?? {
      records: 0,
      articles: 0,
      noArticle: 0,
      threw: 0,
      roundTrip: 0,
    };
    stats.set(source.corpus, s);
    s.records++;
    let result: ParseResult;
    try {
      result =
        source.format === "markdown"
          ? lib.parseMarkdown(source.input, source.options)
          : lib.parseText(source.input, source.options);
    } catch (error) {
      s.threw++;
      if (args.verbose)
        console.warn(`${source.corpus} ${source.id}: parser threw ${(error as Error).message}`);
      return;
    }
    const article: Article | undefined = result.article;
    if (article === undefined) {
      s.noArticle++;
      return;
    }
    s.articles++;
    const stem = join(
      dir,
      `${source.corpus}-${String(n).padStart(5, "0")}-${basename(source.id)
        .replace(/[^\w.-]+/g, "_")
        .slice(0, 60)}`,
    );
    try {
      const plain = lib.toJsonLd(article);
      const graph = lib.toJsonLd(article, { includeClaims: true });
      writeFileSync(`${stem}.jsonld`, JSON.stringify(plain, null, 1));
      writeFileSync(`${stem}.graph.jsonld`, JSON.stringify(graph, null, 1));
      writeFileSync(
        `${stem}.html`,
        `<!doctype html><html><head>${lib.toJsonLdScript(article, { includeClaims: true })}</head></html>`,
      );
      for (const f of [`${stem}.jsonld`, `${stem}.graph.jsonld`, `${stem}.html`]) {
        files.push(f);
        corpusOf.set(f, source.corpus);
      }
      const back = lib.fromJsonLd(graph).article;
      if (
        back === undefined ||
        back.headline !== article.headline ||
        back.body.length !== article.body.filter((p) => p.text.trim() !== "").length ||
        back.claims.length !== article.claims.length
      ) {
        s.roundTrip++;
        if (args.verbose)
          console.warn(`${source.corpus} ${source.id}: fromJsonLd did not give the article back`);
      }
    } catch (error) {
      s.threw++;
      console.warn(`${source.corpus} ${source.id}: JSON-LD threw ${(error as Error).message}`);
    }
  });

  const reports = runChecker(checker, files);
  const byCorpus = new Map<
    string,
    { files: number; errors: number; warnings: number; notes: number; codes: Map<string, number> }
  >();
  const examples: string[] = [];
  for (const r of reports) {
    const file = r.source.replace(/ <script #\d+>$/, "");
    const corpus = corpusOf.get(file) ?? "?";
    const c = byCorpus.get(corpus) ?? {
      files: 0,
      errors: 0,
      warnings: 0,
      notes: 0,
      codes: new Map<string, number>(),
    };
    byCorpus.set(corpus, c);
    c.files++;
    for (const issue of r.issues) {
      if (issue.severity === "NOTE") {
        c.notes++;
        continue;
      }
      if (issue.severity === "ERROR") c.errors++;
      else c.warnings++;
      const key = `${issue.severity} ${issue.code}`;
      c.codes.set(key, (c.codes.get(key) ?? 0) + 1);
      if (issue.severity === "ERROR" && (args.verbose || examples.length < 10))
        examples.push(`${r.source} ${issue.path}: ${issue.message}`);
    }
  }

  console.log(
    "corpus            records articles no-article threw round-trip  files errors warnings",
  );
  let errors = 0;
  let warnings = 0;
  for (const [corpus, s] of stats) {
    const c = byCorpus.get(corpus) ?? {
      files: 0,
      errors: 0,
      warnings: 0,
      notes: 0,
      codes: new Map<string, number>(),
    };
    errors += c.errors;
    warnings += c.warnings;
    console.log(
      `${corpus.padEnd(17)} ${String(s.records).padStart(7)} ${String(s.articles).padStart(8)} ${String(s.noArticle).padStart(10)} ${String(s.threw).padStart(5)} ${String(s.roundTrip).padStart(10)} ${String(c.files).padStart(6)} ${String(c.errors).padStart(6)} ${String(c.warnings).padStart(8)}`,
    );
    const codes = [...c.codes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${v}`);
    if (codes.length > 0) console.log(`${"".padEnd(18)}${codes.join(", ")}`);
  }
  console.log(`total: ${files.length} files, ${errors} error(s), ${warnings} warning(s)`);
  for (const e of examples) console.log(`  ERROR ${e}`);
  if (args.keep || errors > 0) console.log(`JSON-LD files kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
