import * as z from "zod/mini";
import { AbsoluteUrlSchema, NonEmptyStringSchema } from "./primitives.js";
import { SpanSchema } from "./span.js";

/** A person or organisation credited with the article. */
export const AuthorSchema = z
  .object({
    type: z.enum(["Person", "Organization"]).check(z.describe("schema.org type of the author.")),
    name: NonEmptyStringSchema.check(
      z.describe('The name only: no "By", no job title, no agency.'),
    ),
    role: z.optional(
      NonEmptyStringSchema.check(
        z.describe('Role or job title as written ("Staff Writer", "Editing", "Developers").'),
      ),
    ),
    affiliation: z.optional(
      NonEmptyStringSchema.check(z.describe('Organisation the author writes for ("Reuters").')),
    ),
    url: z.optional(AbsoluteUrlSchema.check(z.describe("Profile page of the author."))),
    sameAs: z.optional(
      z.array(AbsoluteUrlSchema).check(z.describe("Other pages that identify the author.")),
    ),
  })
  .check(z.describe("A person or organisation credited with the article."));

/** A person or organisation credited with the article. */
export type Author = z.infer<typeof AuthorSchema>;

/** The byline as written, and the authors read from it. */
export const BylineSchema = z
  .object({
    text: NonEmptyStringSchema.check(
      z.describe('The byline as written ("By Jane Doe and John Roe, Reuters").'),
    ),
    authors: z.array(AuthorSchema).check(z.describe("Authors named in the byline, in order.")),
    span: z.optional(SpanSchema),
  })
  .check(z.describe("The byline as written and the authors read from it."));

/** The byline as written, and the authors read from it. */
export type Byline = z.infer<typeof BylineSchema>;
