/**
 * Worker thread of batch mode (tinypool): converts a chunk of files per task.
 * Built as `dist/cli-worker.js` beside `dist/cli.js`.
 */
import { type ChunkTask, convertChunk } from "./batch.js";
import type { ConvertResult } from "./formats.js";

/**
 * Convert several files, in order.
 *
 * @param task
 *   The files and the conversion options.
 * @returns
 *   One result per file (plain data).
 */
export default function convertTask(task: ChunkTask): Promise<ConvertResult[]> {
  return convertChunk(task);
}
