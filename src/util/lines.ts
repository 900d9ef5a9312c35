/**
 * Line ends (LF, CRLF, CR) found with native searches. Internal: not part of the public API.
 */

/**
 * Finds the line ends of a string from start to end: each call looks on from where the
 * last one stopped, with `indexOf` for the next LF and the next CR (not a loop over
 * every character), so reading every line is linear in the string's length.
 */
export class LineEnds {
  /** The next LF at or after the last line start asked for (-1: none left). */
  private lf: number;
  /** The next CR likewise. */
  private cr: number;

  /**
   * @param input
   *   The string to read.
   */
  constructor(private readonly input: string) {
    this.lf = input.indexOf("\n");
    this.cr = input.indexOf("\r");
  }

  /**
   * Where the line that starts at `start` ends: the offset of its LF or CR, or the
   * string's length for the last line. `start` must not go back from call to call.
   */
  endOf(start: number): number {
    const input = this.input;
    if (this.lf !== -1 && this.lf < start) this.lf = input.indexOf("\n", start);
    if (this.cr !== -1 && this.cr < start) this.cr = input.indexOf("\r", start);
    const { lf, cr } = this;
    if (lf === -1) return cr === -1 ? input.length : cr;
    return cr === -1 ? lf : Math.min(lf, cr);
  }

  /** Where the next line starts after a line that ends at `end` (CRLF is one line end). */
  nextStart(end: number): number {
    const input = this.input;
    return input.charCodeAt(end) === 13 && input.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
}
