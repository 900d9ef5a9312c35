// Development only: lets `tsx src/cli/index.ts` (and tests) run batch workers from
// source. Worker threads do not inherit tsx's loader on Node 20, so register it here.
// The built command uses `dist/cli-worker.js` instead; this file is not shipped.
import { register } from "tsx/esm/api";

register();

/** @type {Promise<{ default: (task: unknown) => Promise<unknown> }> | undefined} */
let loaded;

/**
 * Convert one file through the TypeScript worker.
 *
 * @param {unknown} task
 *   The file and the conversion options.
 * @returns {Promise<unknown>}
 *   The conversion result.
 */
export default async function convertTask(task) {
  loaded ??= import("./worker.ts");
  return (await loaded).default(task);
}
