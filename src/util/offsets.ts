/**
 * Source maps hold runs of consecutive offsets; writing them is the common work of both
 * front ends. Internal: not part of the public API.
 */

/** Largest offset kept in {@link OFFSETS} (entries; 4 MB between calls at most). */
const MAX_OFFSETS = 1 << 20;

/** `OFFSETS[i] === i`, grown as needed; only ever holds these values (no result is shared). */
let OFFSETS = new Int32Array(0);

/**
 * Write `from, from + 1, …, to - 1` into `map` from index `at` on. A long run is one
 * native copy of a part of {@link OFFSETS}; a short one (or one past its limit) a loop.
 *
 * @param map
 *   The map to write into.
 * @param at
 *   Index of the first entry to write.
 * @param from
 *   First offset.
 * @param to
 *   End offset (exclusive).
 * @returns
 *   The index after the last entry written (`at + to - from`).
 */
export function writeOffsets(map: Int32Array, at: number, from: number, to: number): number {
  if (to - from < 16 || to > MAX_OFFSETS) {
    let k = at;
    for (let m = from; m < to; m++) map[k++] = m;
    return k;
  }
  if (OFFSETS.length < to) {
    OFFSETS = new Int32Array(Math.min(MAX_OFFSETS, Math.max(to, 2 * OFFSETS.length, 4096)));
    for (let i = 0; i < OFFSETS.length; i++) OFFSETS[i] = i;
  }
  map.set(OFFSETS.subarray(from, to), at);
  return at + to - from;
}
