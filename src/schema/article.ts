import * as z from "zod/mini";
import { BylineSchema } from "./author.js";
import { QuotedClaimSchema } from "./claim.js";
import { DatelineSchema } from "./dateline.js";
import { AbsoluteUrlSchema, IsoDateTimeSchema, NonEmptyStringSchema } from "./primitives.js";
import { SpanSchema } from "./span.js";

/** One paragraph of the article body. */
export const ParagraphSchema = z
  .object({
    text: z.string().check(z.describe("The paragraph's text, hard wraps joined, markup removed.")),
    span: z.optional(SpanSchema),
  })
  .check(z.describe("One paragraph of the body."));

/** One paragraph of the article body. */
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** An image of the article. */
export const ImageSchema = z
  .object({
    url: AbsoluteUrlSchema,
    caption: z.optional(z.string().check(z.describe("Caption or alternative text."))),
    width: z.optional(z.int().check(z.positive(), z.describe("Width in pixels."))),
    height: z.optional(z.int().check(z.positive(), z.describe("Height in pixels."))),
  })
  .check(z.describe("An image of the article."));

/** An image of the article. */
export type Image = z.infer<typeof ImageSchema>;

/** The organisation that publishes the article. */
export const PublisherSchema = z
  .object({
    name: NonEmptyStringSchema.check(z.describe("Name of the publisher.")),
    url: z.optional(AbsoluteUrlSchema),
    logo: z.optional(AbsoluteUrlSchema.check(z.describe("Absolute URL of the logo image."))),
  })
  .check(z.describe("The organisation that publishes the article."));

/** The organisation that publishes the article. */
export type Publisher = z.infer<typeof PublisherSchema>;

/** A news article: its metadata, body paragraphs and the claims quoted in it. */
export const ArticleSchema = z
  .object({
    headline: NonEmptyStringSchema.check(z.describe("The headline as written.")),
    alternativeHeadline: z.optional(
      NonEmptyStringSchema.check(z.describe("Subheadline or secondary title.")),
    ),
    description: z.optional(NonEmptyStringSchema.check(z.describe("Short summary."))),
    byline: z.optional(BylineSchema),
    dateline: z.optional(DatelineSchema),
    datePublished: z.optional(IsoDateTimeSchema),
    dateModified: z.optional(IsoDateTimeSchema),
    language: z.optional(
      NonEmptyStringSchema.check(z.describe('BCP 47 language tag ("en", "en-US").')),
    ),
    url: z.optional(AbsoluteUrlSchema.check(z.describe("Canonical URL of the article."))),
    section: z.optional(NonEmptyStringSchema.check(z.describe("Section or category."))),
    keywords: z.array(z.string()).check(z.describe("Tags and keywords.")),
    images: z.array(ImageSchema).check(z.describe("Images, the lead image first.")),
    publisher: z.optional(PublisherSchema),
    body: z.array(ParagraphSchema).check(z.describe("Body paragraphs, in order.")),
    claims: z
      .array(QuotedClaimSchema)
      .check(z.describe("Quoted and reported claims, in source order.")),
  })
  .check(
    z.superRefine((article, ctx) => {
      article.claims.forEach((claim, index) => {
        if (claim.paragraph >= article.body.length) {
          ctx.addIssue({
            code: "custom",
            message: `Expected claim.paragraph < body.length (${article.body.length}), got ${claim.paragraph}`,
            path: ["claims", index, "paragraph"],
            input: claim.paragraph,
          });
        }
      });
    }),
    z.describe(
      "A news article with its metadata, body and quoted claims. fromJson also checks what this JSON Schema cannot state: span.start <= span.end, fragments inside their claim's span, claim.paragraph < body.length, and that a URL parses (the pattern checks its http(s) scheme and that a host follows).",
    ),
  );

/** A news article: its metadata, body paragraphs and the claims quoted in it. */
export type Article = z.infer<typeof ArticleSchema>;
