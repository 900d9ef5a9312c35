import * as z from "zod/mini";

/**
 * Offsets into the exact string that was parsed, in UTF-16 code units, `end` exclusive:
 * `input.slice(span.start, span.end)` is the thing.
 */
export const SpanSchema = z
  .object({
    start: z
      .int()
      .check(z.nonnegative(), z.describe("Offset of the first code unit (UTF-16, inclusive).")),
    end: z
      .int()
      .check(z.nonnegative(), z.describe("Offset after the last code unit (UTF-16, exclusive).")),
  })
  .check(
    z.refine((span) => span.start <= span.end, {
      error: "Expected span.start <= span.end",
      path: ["end"],
    }),
    z.describe("UTF-16 code-unit offsets into the parsed input; end is exclusive."),
  );

/** Offsets into the parsed input, `end` exclusive. */
export type Span = z.infer<typeof SpanSchema>;
