/**
 * Worker thread of batch mode (tinypool): converts one file per task.
 * Built as `dist/cli-worker.js` beside `dist/cli.js`.
 */
import { convertFile, type FileTask } from "./batch.js";
import type { ConvertResult } from "./convert.js";

/**
 * Convert one file.
 *
 * @param task
 *   The file and the conversion options.
 * @returns
 *   The conversion result (plain data).
 */
export default function convertTask(task: FileTask): Promise<ConvertResult> {
  return convertFile(task);
}
