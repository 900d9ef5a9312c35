/**
 * The `article-model` command as a function: `main(argv, io)` returns the exit status,
 * so tests run it without spawning a process.
 */
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MAX_REFERENCE_YEAR, MIN_REFERENCE_YEAR } from "../parse/options.js";
import { type BatchIo, listFiles, runBatch, writeTo } from "./batch.js";
import {
  type ConvertOptions,
  type DecodedInput,
  decodeInput,
  INPUT_FORMATS,
  type InputFormat,
  OUTPUT_FORMATS,
  type OutputFormat,
} from "./formats.js";

/**
 * Standard error that stops writing, instead of failing, once its reader is gone
 * (`article-model dir 2>&1 >out.ndjson | head -1`): the NDJSON on standard output goes on.
 */
function closableStderr(): CliIo["stderr"] {
  const stream = process.stderr;
  let closed = false;
  stream.on("error", () => {
    closed = true;
  });
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write: (chunk: string) => (closed ? true : stream.write(chunk)),
    once: (event: "drain", listener: () => void) => {
      if (closed) return void listener();
      // an error while waiting ends the wait too
      const done = (): void => {
        stream.off(event, done);
        stream.off("error", done);
        listener();
      };
      stream.once(event, done);
      stream.once("error", done);
    },
  };
}

/** The streams and standard input the command uses; {@link nodeIo} gives the real ones. */
export interface CliIo extends BatchIo {
  /** Read all of standard input: its bytes (decoded as files are), or text. */
  readStdin(): Promise<Uint8Array | string>;
  /** Whether standard input is a terminal (then there is nothing piped in). */
  stdinIsTTY?: boolean | undefined;
}

/** The help text of `article-model --help`. */
export const USAGE = `Usage: article-model [FILE|DIRECTORY|-]... [options]

Read a news article (plain text, Markdown, JSON-LD, article-model JSON, or an HTML page
with JSON-LD) and print it as article-model JSON, schema.org JSON-LD or an HTML page.
With no FILE, or FILE "-", read standard input. With several files or a directory
(searched recursively), print NDJSON: one article per line, in input order, \`null\` for
an input without an article.

Options:
  --from FORMAT            text | markdown | jsonld | json | html
                           (default: from the extension: .txt .text .md .markdown .jsonld
                           .json .html .htm; .json holding @context/@type is JSON-LD;
                           standard input is sniffed)
  --to FORMAT              json (default) | jsonld | html
  --reference-date DATE    YYYY-MM-DD the article was filed or read; resolves year-less
                           dates ("March 5") to the nearest year
  --language TAG           BCP 47 language of the article ("en")
  --url URL                canonical URL of the article
  --no-claims              do not extract quoted claims
  --include-claims         --to jsonld/html: add each claim as a schema.org Claim
  --gfm                    Markdown: read GitHub-flavoured Markdown
  --strict                 warnings count as errors for the exit status
  -q, --quiet              print only error diagnostics
  -j, --jobs N             threads converting a batch, the main one included
                           (default and most: one per core; 1: no worker threads)
  -h, --help               show this help
  -v, --version            show the version

Diagnostics go to standard error as "file:line:column severity rule-id message".
Exit status: 0 parsed, 1 the input had errors (with --strict: or warnings),
2 usage error or unreadable input.

Examples:
  article-model story.txt --to jsonld
  cat story.md | article-model --from markdown --reference-date 2024-03-05
  article-model posts/ > articles.ndjson
`;

/** The version of the installed package (from its package.json), or `"0.0.0"`. */
export function packageVersion(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    try {
      const data = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (data.name === "article-model" && typeof data.version === "string") return data.version;
    } catch {
      // no package.json here: look one level up
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return "0.0.0";
}

/** The real process streams. */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: closableStderr(),
    stdinIsTTY: process.stdin.isTTY === true,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** A usage problem: printed with a hint, exit status 2. */
class UsageError extends Error {
  override name = "UsageError";
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unexpected \`${option} ${value}\`, expected one of ${allowed.join(", ")}`);
}

function checkDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = new Date(`${value}T12:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(
      `Unexpected \`--reference-date ${value}\`, expected a date as YYYY-MM-DD (2024-03-05)`,
    );
  }
  const year = date.getUTCFullYear();
  if (year < MIN_REFERENCE_YEAR || year > MAX_REFERENCE_YEAR) {
    throw new UsageError(
      `Unexpected \`--reference-date ${value}\`, expected a year from ${MIN_REFERENCE_YEAR} to ${MAX_REFERENCE_YEAR}`,
    );
  }
  return value;
}

function checkJobs(value: string | undefined): number {
  const cores = availableParallelism();
  if (value === undefined) return cores;
  const jobs = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(jobs) || jobs < 1) {
    throw new UsageError(
      `Unexpected \`--jobs ${value}\`, expected a whole number of threads, 1 or more`,
    );
  }
  // parsing is work for a core: more threads than cores only cost memory
  return Math.min(jobs, cores);
}

/** An input named on the command line, resolved. */
type Input =
  | { kind: "stdin" }
  | { kind: "file"; path: string }
  | { kind: "directory"; path: string };

async function resolveInput(argument: string): Promise<Input> {
  if (argument === "-") return { kind: "stdin" };
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(argument);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file or directory"
        : code === "EACCES"
          ? "permission denied"
          : (code ?? "unreadable");
    throw new UsageError(
      `Cannot read \`${argument}\`: ${why}. Check the path, or pass \`-\` to read standard input`,
    );
  }
  if (info.isDirectory()) return { kind: "directory", path: argument };
  return { kind: "file", path: argument };
}

/**
 * Run the command.
 *
 * @param argv
 *   Arguments without `node` and the script (`process.argv.slice(2)`).
 * @param io
 *   Streams and standard input.
 * @returns
 *   The exit status: 0 parsed, 1 the input had errors, 2 usage error or unreadable input.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      await writeTo(
        io.stderr,
        `article-model: ${(error as Error).message}\nSee \`article-model --help\`.\n`,
      );
      return 2;
    }
    throw error;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      "reference-date": { type: "string" },
      language: { type: "string" },
      url: { type: "string" },
      "no-claims": { type: "boolean" },
      "include-claims": { type: "boolean" },
      gfm: { type: "boolean" },
      strict: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      jobs: { type: "string", short: "j" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.help) {
    await writeTo(io.stdout, USAGE);
    return 0;
  }
  if (values.version) {
    await writeTo(io.stdout, `${packageVersion()}\n`);
    return 0;
  }

  const options: ConvertOptions = {
    from: oneOf<InputFormat>(values.from, INPUT_FORMATS, "--from"),
    to: oneOf<OutputFormat>(values.to, OUTPUT_FORMATS, "--to") ?? "json",
    pretty: true,
    strict: values.strict === true,
    quiet: values.quiet === true,
    referenceDate: checkDate(values["reference-date"]),
    language: values.language,
    url: values.url,
    claims: values["no-claims"] !== true,
    gfm: values.gfm === true,
    includeClaims: values["include-claims"] === true,
  };
  const jobs = checkJobs(values.jobs);

  const inputs: Input[] = [];
  for (const argument of positionals.length === 0 ? ["-"] : positionals)
    inputs.push(await resolveInput(argument));
  const batch = inputs.length > 1 || inputs.some((input) => input.kind === "directory");

  if (!batch) {
    const input = inputs[0] as Input;
    let decoded: DecodedInput;
    let name: string;
    if (input.kind === "stdin") {
      if (io.stdinIsTTY) {
        throw new UsageError("No input: give a FILE, or pipe an article into standard input");
      }
      const stdin = await io.readStdin();
      decoded = typeof stdin === "string" ? { text: stdin } : decodeInput(stdin);
      name = "<stdin>";
    } else {
      name = input.path;
      try {
        decoded = decodeInput(readFileSync(input.path));
      } catch (error) {
        throw new UsageError(
          `Cannot read \`${input.path}\` (${(error as NodeJS.ErrnoException).code ?? "unreadable"}). Check the path and its permissions`,
        );
      }
    }
    const { convert } = await import("./convert.js");
    const result = convert(decoded.text, name, options, input.kind === "file", decoded.problem);
    if (result.messages.length > 0) await writeTo(io.stderr, `${result.messages.join("\n")}\n`);
    if (result.output !== undefined) await writeTo(io.stdout, `${result.output}\n`);
    return result.status;
  }

  if (inputs.some((input) => input.kind === "stdin")) {
    throw new UsageError(
      "Cannot read standard input (`-`) in a batch, expected files or directories only",
    );
  }
  if (options.to === "html") {
    throw new UsageError(
      "Unexpected `--to html` with several inputs, expected `--to json` or `--to jsonld` (NDJSON)",
    );
  }
  const files: string[] = [];
  for (const input of inputs) {
    if (input.kind === "directory") files.push(...(await listFiles(input.path)));
    else if (input.kind === "file") files.push(input.path);
  }
  if (files.length === 0) {
    throw new UsageError(
      "No article files found (known extensions: .txt .text .md .markdown .json .jsonld .html .htm)",
    );
  }
  return runBatch(files, options, io, jobs);
}
