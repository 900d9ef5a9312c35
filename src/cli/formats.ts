/**
 * Formats, options and results of the command: plain data and constants only, so the
 * command can parse its arguments and list files without loading the parsers.
 */

/**
 * What an input is: plain text, Markdown, JSON-LD, article-model's own JSON
 * (what `--to json` prints) or an HTML page with JSON-LD script elements.
 */
export type InputFormat = "text" | "markdown" | "jsonld" | "json" | "html";

/** What the command prints. */
export type OutputFormat = "json" | "jsonld" | "html";

/** The input formats `--from` accepts. */
export const INPUT_FORMATS: readonly InputFormat[] = ["text", "markdown", "jsonld", "json", "html"];

/** The output formats `--to` accepts. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["json", "jsonld", "html"];

/** File extensions the command knows, and the format each one means (`.json` is sniffed). */
export const EXTENSIONS: Readonly<Record<string, InputFormat | "json?">> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".jsonld": "jsonld",
  ".json": "json?",
  ".html": "html",
  ".htm": "html",
};

/** Options of one conversion (plain data: it crosses to worker threads). */
export interface ConvertOptions {
  /** Input format; detected from the name and content when absent. */
  from?: InputFormat | undefined;
  /** Output format. */
  to: OutputFormat;
  /** Indent the output (single input) or print it on one line (NDJSON, batch mode). */
  pretty: boolean;
  /** `--strict`: warnings make the input fail (exit 1). */
  strict: boolean;
  /** `--quiet`: print only error diagnostics. */
  quiet: boolean;
  /** Passed to the parsers. */
  referenceDate?: string | undefined;
  /** Passed to the parsers. */
  language?: string | undefined;
  /** Passed to the parsers. */
  url?: string | undefined;
  /** Extract quoted claims (`--no-claims` turns it off). */
  claims: boolean;
  /** Markdown: GitHub-flavoured extensions. */
  gfm: boolean;
  /** JSON-LD output: claims as `Claim` nodes. */
  includeClaims: boolean;
}

/** The outcome of converting one input. */
export interface ConvertResult {
  /** The printed form of the article, without a trailing newline; absent when there is none. */
  output?: string | undefined;
  /** Diagnostics formatted as `file:line:column severity rule-id message`. */
  messages: string[];
  /** Number of error diagnostics. */
  errors: number;
  /** Number of warning diagnostics. */
  warnings: number;
  /** The exit status this input asks for: 0 parsed, 1 input had errors, 2 unreadable. */
  status: 0 | 1 | 2;
}

/** The extension of a path, lower-cased, with its dot (`""` when there is none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** An input's text, and what went wrong reading it, if anything. */
export interface DecodedInput {
  /** The text (a UTF-8 byte order mark kept, for the readers to drop). */
  text: string;
  /** Set when bytes were not UTF-8 and were replaced by U+FFFD. */
  problem?: string | undefined;
}

/**
 * Decode the bytes of an input: UTF-16 when a UTF-16 byte order mark says so, else
 * UTF-8; bytes that are not UTF-8 become U+FFFD and are reported (`invalid-encoding`).
 *
 * @param bytes
 *   The input as read.
 * @returns
 *   The text and the problem, if any.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
      problem:
        "Unexpected bytes that are not UTF-8 (read as U+FFFD), expected a UTF-8 or UTF-16 file",
    };
  }
}
