#!/usr/bin/env node
/**
 * The `article-model` command. Built as `dist/cli.js`; the logic is in `run.ts`.
 */
import { main, nodeIo } from "./run.js";

// A reader that stops early (`article-model dir | head`) is not an error: stop quietly.
// Any other failure to write the output (a full disk) ends the command with one line.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(
    `article-model: cannot write the output (${error.code ?? error.message}); check where standard output goes\n`,
  );
  process.exit(2);
});

let settled = false;
// If the event loop empties while the command is still running, output would be cut
// short in silence: say so and fail instead.
process.on("beforeExit", () => {
  if (settled) return;
  settled = true;
  process.stderr.write(
    "article-model: stopped before finishing (nothing left to wait for); please report this\n",
  );
  process.exitCode = 2;
});

main(process.argv.slice(2), nodeIo()).then(
  (status) => {
    settled = true;
    process.exitCode = status;
  },
  (error: unknown) => {
    settled = true;
    process.stderr.write(
      `article-model: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
