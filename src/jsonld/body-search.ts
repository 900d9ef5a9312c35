/**
 * Finding claim texts in an article body for `fromJsonLd`, in linear time. Internal.
 */

/** Length, in UTF-16 code units, of the pieces of text the index keys on. */
const GRAM = 8;

/** Characters the searches of one body may scan: this many times the body's length, … */
const BUDGET_PER_CHARACTER = 64;
/** … plus this many. */
const BUDGET_BASE = 1 << 22;

/** Hashes of every `GRAM`-long piece of `text`, by the index of its first code unit. */
function gramHashes(text: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, text.length - GRAM + 1));
  let power = 1; // 31^(GRAM - 1)
  for (let i = 1; i < GRAM; i++) power = Math.imul(power, 31);
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= GRAM) hash = (hash - Math.imul(text.charCodeAt(i - GRAM), power)) | 0;
    hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    if (i >= GRAM - 1) out[i - GRAM + 1] = hash;
  }
  return out;
}

/**
 * Searches in one article body for `fromJsonLd`'s claims, in time linear in the input
 * whatever the claims hold. A text of `GRAM` (8) or more code units is looked up in an
 * index of the body's `GRAM`-long pieces, built once: it is compared only where its
 * rarest piece (the one whose hash bucket is smallest) is. Shorter texts use `indexOf`.
 * All the searches share a budget of characters scanned or compared (so thousands of
 * texts made of pieces that are everywhere in a megabyte body cannot take minutes);
 * once it is spent, nothing more is found.
 */
export class BodySearch {
  private left: number;
  /** The index, once a text needs it. */
  private index: { starts: Int32Array; positions: Int32Array } | undefined;
  /** How far a mixed hash is shifted right to give its bucket (32 minus the bucket bits). */
  private shift = 0;

  /**
   * @param body
   *   The text to search in.
   */
  constructor(readonly body: string) {
    this.left = BUDGET_PER_CHARACTER * body.length + BUDGET_BASE;
  }

  /** Whether the budget is spent: from then on nothing is found. */
  get spent(): boolean {
    return this.left <= 0;
  }

  /**
   * The first index of `text` at or after `from`, or -1 (also when the budget runs out
   * first).
   */
  indexOf(text: string, from: number): number {
    if (this.spent) return -1;
    return text.length >= GRAM ? this.indexed(text, from) : this.scan(text, from);
  }

  private bucket(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  /** `indexOf`, scanning at most what is left of the budget. */
  private scan(text: string, from: number): number {
    const { body } = this;
    const end = Math.min(body.length, from + this.left + text.length);
    let at: number;
    if (end === body.length) at = body.indexOf(text, from);
    else {
      const i = body.slice(from, end).indexOf(text);
      at = i < 0 ? i : from + i;
    }
    this.left -= Math.max(1, (at < 0 ? end : at + text.length) - from);
    return at;
  }

  private indexed(text: string, from: number): number {
    this.index ??= this.build();
    const { starts, positions } = this.index;
    // the piece of the text whose bucket is smallest
    const hashes = gramHashes(text);
    let offset = 0;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < hashes.length; i++) {
      const b = this.bucket(hashes[i] ?? 0);
      const size = (starts[b + 1] ?? 0) - (starts[b] ?? 0);
      if (size < best) {
        best = size;
        offset = i;
      }
    }
    this.left -= text.length;
    const b = this.bucket(hashes[offset] ?? 0);
    // the first position in the bucket at or after from + offset
    let lo = starts[b] ?? 0;
    let hi = starts[b + 1] ?? 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((positions[mid] ?? 0) < from + offset) lo = mid + 1;
      else hi = mid;
    }
    const end = starts[b + 1] ?? 0;
    for (let i = lo; i < end && !this.spent; i++) {
      const at = (positions[i] ?? 0) - offset;
      this.left -= text.length;
      if (this.body.startsWith(text, at)) return at;
    }
    return -1;
  }

  /**
   * The index: every piece's position, grouped by the bucket of its hash and in order
   * within it; bucket `b`'s positions are `positions[starts[b]]` to `positions[starts[b + 1] - 1]`.
   */
  private build(): { starts: Int32Array; positions: Int32Array } {
    const hashes = gramHashes(this.body);
    const bits = Math.min(22, Math.max(4, Math.ceil(Math.log2(hashes.length + 1))));
    this.shift = 32 - bits;
    const starts = new Int32Array((1 << bits) + 1);
    for (const hash of hashes) {
      const b = this.bucket(hash);
      starts[b + 1] = (starts[b + 1] ?? 0) + 1;
    }
    for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
    const next = starts.slice(0, -1);
    const positions = new Int32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) {
      const b = this.bucket(hashes[i] ?? 0);
      positions[next[b] ?? 0] = i;
      next[b] = (next[b] ?? 0) + 1;
    }
    this.left -= this.body.length;
    return { starts, positions };
  }
}
