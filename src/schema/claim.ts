import * as z from "zod/mini";
import { NonEmptyStringSchema } from "./primitives.js";
import { SpanSchema } from "./span.js";

/** Who a claim is attributed to. */
export const SpeakerSchema = z
  .object({
    name: NonEmptyStringSchema.check(
      z.describe(
        'Best full name after resolving pronouns, surnames and short forms ("Wall Street Journal").',
      ),
    ),
    mention: z.optional(
      NonEmptyStringSchema.check(
        z.describe('The mention in this claim\'s sentence, as written ("he", "the Journal").'),
      ),
    ),
    span: z.optional(SpanSchema),
    type: z.optional(z.enum(["Person", "Organization"])),
  })
  .check(z.describe("Who the claim is attributed to."));

/** Who a claim is attributed to. */
export type Speaker = z.infer<typeof SpeakerSchema>;

/** The words that attribute a claim ("said", "told reporters", "according to"). */
export const CueSchema = z
  .object({
    text: NonEmptyStringSchema.check(z.describe('The cue as written ("said", "according to").')),
    span: z.optional(SpanSchema),
  })
  .check(z.describe("The attribution cue."));

/** The words that attribute a claim. */
export type Cue = z.infer<typeof CueSchema>;

/** A quoted or reported claim found in the article body. */
export const QuotedClaimSchema = z
  .object({
    kind: z
      .enum(["direct", "mixed", "indirect"])
      .check(
        z.describe(
          "direct: wholly inside quotation marks; mixed: reported clause containing a quoted part; indirect: reported speech without marks.",
        ),
      ),
    text: NonEmptyStringSchema.check(
      z.describe("The claim's words (inside the marks for direct claims)."),
    ),
    span: SpanSchema,
    fragments: z.optional(
      z
        .array(SpanSchema)
        .check(z.describe("Pieces of a quote interrupted by its attribution, in order.")),
    ),
    speaker: z.optional(SpeakerSchema),
    cue: z.optional(CueSchema),
    paragraph: z
      .int()
      .check(z.nonnegative(), z.describe("Index into article.body of the paragraph it starts in.")),
  })
  .check(
    z.refine(
      (claim) =>
        claim.fragments === undefined ||
        claim.fragments.every((f) => f.start >= claim.span.start && f.end <= claim.span.end),
      { error: "Expected every fragment inside the claim's span", path: ["fragments"] },
    ),
    z.describe("A quoted or reported claim with its speaker, cue and offsets."),
  );

/** A quoted or reported claim found in the article body. */
export type QuotedClaim = z.infer<typeof QuotedClaimSchema>;
