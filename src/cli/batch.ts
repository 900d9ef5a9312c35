/**
 * Batch mode: many files in, NDJSON out in input order, on worker threads when the
 * batch is large.
 */

import type { Dirent } from "node:fs";
import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ConvertOptions,
  type ConvertResult,
  decodeInput,
  EXTENSIONS,
  extensionOf,
} from "./formats.js";

/** One file to convert (plain data: it crosses to worker threads). */
export interface FileTask {
  /** Path to read. */
  path: string;
  /** Conversion options. */
  options: ConvertOptions;
}

/** Several files for one worker task: messages cost about as much as a short article. */
export interface ChunkTask {
  /** Paths to read, in order. */
  paths: string[];
  /** Conversion options. */
  options: ConvertOptions;
}

/** Batches smaller than this run in-process: starting workers costs more than it saves. */
export const POOL_THRESHOLD = 16;

/**
 * Read and convert one file. An unreadable file gives status 2 and a message; never throws.
 *
 * @param task
 *   The file and options.
 * @returns
 *   The conversion result.
 */
export async function convertFile(task: FileTask): Promise<ConvertResult> {
  let bytes: Uint8Array;
  try {
    // synchronous: articles are small, and one read beats four thread-pool round trips
    bytes = readFileSync(task.path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      messages: [
        `${task.path}:1:1 error unreadable-file Cannot read the file (${reason}); check the path and its permissions`,
      ],
      errors: 1,
      warnings: 0,
      status: 2,
    };
  }
  // loaded on first use: a pool's main thread never needs the parsers
  const { convert } = await import("./convert.js");
  const { text, problem } = decodeInput(bytes);
  return convert(text, task.path, task.options, true, problem);
}

/**
 * Read and convert several files, in order (what a worker does with one task).
 *
 * @param task
 *   The files and options.
 * @returns
 *   One result per file.
 */
export async function convertChunk(task: ChunkTask): Promise<ConvertResult[]> {
  const results: ConvertResult[] = [];
  for (const path of task.paths) results.push(await convertFile({ path, options: task.options }));
  return results;
}

/**
 * List the files of a directory, recursively, that have a known extension, sorted by
 * path. Hidden entries and `node_modules` are skipped; a directory that cannot be read is
 * listed itself (so that reading it reports why).
 *
 * @param directory
 *   The directory.
 * @returns
 *   File paths.
 */
export async function listFiles(directory: string): Promise<string[]> {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    // an unreadable directory: listed as an input of its own, whose reading then fails
    // with the reason (an `unreadable-file` diagnostic, exit 2), like an unreadable file
    return [directory];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile() && EXTENSIONS[extensionOf(entry.name)] !== undefined) out.push(path);
  }
  return out;
}

/**
 * Where the worker module is: `dist/cli-worker.js` beside the built command, or
 * `src/cli/worker-dev.mjs` (which loads `worker.ts` through tsx) when running from source.
 *
 * @returns
 *   The worker's URL, or `undefined` when there is none (then batches run in-process).
 */
export function findWorker(): URL | undefined {
  for (const candidate of ["./cli-worker.js", "./worker-dev.mjs"]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** The pool library, or `undefined` when it is not installed (then batches run in-process). */
async function loadTinypool(): Promise<typeof import("tinypool").Tinypool | undefined> {
  try {
    return (await import("tinypool")).Tinypool;
  } catch {
    return undefined;
  }
}

/** Something to write text to. */
export interface Sink {
  /** Write a chunk; `false` asks the caller to wait for `drain`. */
  write(chunk: string): unknown;
  /** Wait for `drain` (Node streams). */
  once?(event: "drain", listener: () => void): unknown;
}

/** Write to a sink, waiting when it asks for back-pressure. */
export async function writeTo(sink: Sink, chunk: string): Promise<void> {
  if (sink.write(chunk) === false && sink.once) {
    await new Promise<void>((resolve) => sink.once?.("drain", resolve));
  }
}

/** A progress bar on a terminal, redrawn at most ten times a second. */
export class ProgressBar {
  readonly #stream: Sink & { columns?: number | undefined };
  readonly #total: number;
  readonly #started = Date.now();
  #done = 0;
  #drawnAt = 0;
  #visible = false;

  /**
   * @param stream
   *   The terminal (standard error).
   * @param total
   *   Number of items.
   */
  constructor(stream: Sink & { columns?: number | undefined }, total: number) {
    this.#stream = stream;
    this.#total = total;
  }

  /** Count one more item done, redraw when due. */
  tick(): void {
    this.#done++;
    const now = Date.now();
    if (now - this.#drawnAt >= 100 || this.#done === this.#total) {
      this.#drawnAt = now;
      this.draw();
    }
  }

  /** Draw the bar. */
  draw(): void {
    const fraction = this.#total === 0 ? 1 : this.#done / this.#total;
    const seconds = Math.max((Date.now() - this.#started) / 1000, 0.001);
    const label = ` ${String(Math.floor(fraction * 100)).padStart(3)}% ${this.#done}/${this.#total} files ${(this.#done / seconds).toFixed(0)}/s`;
    const width = Math.max(10, Math.min(40, (this.#stream.columns ?? 80) - label.length - 4));
    const filled = Math.round(fraction * width);
    this.#stream.write(`\r\x1b[2K[${"█".repeat(filled)}${"░".repeat(width - filled)}]${label}`);
    this.#visible = true;
  }

  /** Remove the bar (before printing other lines, and at the end). */
  clear(): void {
    if (this.#visible) this.#stream.write("\r\x1b[2K");
    this.#visible = false;
  }
}

/** What {@link runBatch} needs. */
export interface BatchIo {
  /** NDJSON goes here. */
  stdout: Sink;
  /** Diagnostics and the progress bar go here. */
  stderr: Sink & { isTTY?: boolean | undefined; columns?: number | undefined };
}

/**
 * Convert files and write one line per file to standard output, in input order: the
 * article (`null` when a file gave none). Diagnostics go to standard error.
 *
 * @param files
 *   Paths, in output order.
 * @param options
 *   Conversion options (`pretty` is ignored: lines are compact).
 * @param io
 *   Output streams.
 * @param jobs
 *   Threads converting files, the main thread included (so `jobs - 1` workers); 1, or a
 *   batch under {@link POOL_THRESHOLD} files, runs in-process only.
 * @returns
 *   The exit status: the highest status of any file.
 */
export async function runBatch(
  files: string[],
  options: ConvertOptions,
  io: BatchIo,
  jobs: number,
): Promise<number> {
  const lineOptions: ConvertOptions = { ...options, pretty: false };
  const progress = io.stderr.isTTY ? new ProgressBar(io.stderr, files.length) : undefined;
  const results: (ConvertResult | undefined)[] = new Array(files.length);
  let status = 0;
  let next = 0;
  let flushing = Promise.resolve();

  const flush = async (): Promise<void> => {
    while (next < files.length) {
      const result = results[next];
      if (result === undefined) return;
      results[next] = undefined;
      next++;
      status = Math.max(status, result.status);
      if (result.messages.length > 0) {
        progress?.clear();
        await writeTo(io.stderr, `${result.messages.join("\n")}\n`);
      }
      await writeTo(io.stdout, `${result.output ?? "null"}\n`);
      progress?.tick();
    }
  };
  const done = (index: number, result: ConvertResult): Promise<void> => {
    results[index] = result;
    flushing = flushing.then(flush);
    return flushing;
  };

  const worker = jobs > 1 && files.length >= POOL_THRESHOLD ? findWorker() : undefined;
  const Tinypool = worker === undefined ? undefined : await loadTinypool();
  if (worker === undefined || Tinypool === undefined) {
    for (let i = 0; i < files.length; i++) {
      await done(i, await convertFile({ path: files[i] as string, options: lineOptions }));
    }
  } else {
    // The main thread converts files too, from the same queue: it starts at once while
    // the workers load the library, so a pool is never slower than one thread.
    const threads = Math.max(1, Math.min(jobs - 1, files.length));
    const pool = new Tinypool({ filename: worker.href, minThreads: threads, maxThreads: threads });
    // A worker that cannot start or throws emits `error`, and its tasks may never settle:
    // from then on every file is converted here instead.
    let broken = false;
    let markBroken: () => void = () => {};
    const brokenSignal = new Promise<never>((_, reject) => {
      markBroken = () => reject(new Error("worker pool failed"));
    });
    brokenSignal.catch(() => {});
    pool.on("error", () => {
      broken = true;
      markBroken();
    });
    // A worker thread that exits (rather than throws) is not an `error` of the pool, and
    // its task would never settle: the same fallback.
    let destroying = false;
    for (const thread of pool.threads) {
      thread.once("exit", () => {
        if (destroying) return;
        broken = true;
        markBroken();
      });
    }
    try {
      let started = 0;
      // Files go to workers in chunks (messages cost about as much as a short article),
      // two chunks in flight per worker; the main thread takes single files.
      const chunk = Math.max(1, Math.min(64, Math.ceil(files.length / (threads * 32))));
      const poolRunner = async (): Promise<void> => {
        while (started < files.length) {
          const from = started;
          started = Math.min(files.length, from + chunk);
          const paths = files.slice(from, started);
          let results: ConvertResult[];
          try {
            if (broken) throw new Error("worker pool failed");
            const task: ChunkTask = { paths, options: lineOptions };
            results = (await Promise.race([pool.run(task), brokenSignal])) as ConvertResult[];
          } catch {
            results = await convertChunk({ paths, options: lineOptions });
          }
          for (const [offset, result] of results.entries()) await done(from + offset, result);
        }
      };
      const localRunner = async (): Promise<void> => {
        while (started < files.length) {
          const index = started++;
          await done(
            index,
            await convertFile({ path: files[index] as string, options: lineOptions }),
          );
          // let the event loop deliver the workers' results between files
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all([localRunner(), ...Array.from({ length: threads * 2 }, poolRunner)]);
    } finally {
      destroying = true;
      // (waiting for a worker that already exited would never end: then stop the others
      // without waiting)
      if (broken) pool.destroy().catch(() => {});
      else await pool.destroy();
    }
  }
  await flushing;
  progress?.clear();
  return status;
}
