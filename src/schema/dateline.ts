import * as z from "zod/mini";
import { DatelineDateSchema, NonEmptyStringSchema } from "./primitives.js";
import { SpanSchema } from "./span.js";

/** The dateline that opens a news story ("WASHINGTON, March 5 (Reuters) -"). */
export const DatelineSchema = z
  .object({
    text: NonEmptyStringSchema.check(
      z.describe('The dateline as written, dash included ("WASHINGTON, March 5 (Reuters) -").'),
    ),
    place: NonEmptyStringSchema.check(
      z.describe('The place as written, without date, agency and dash ("KANSAS CITY, Mo.").'),
    ),
    locality: z.optional(NonEmptyStringSchema.check(z.describe('City or town ("Kansas City").'))),
    region: z.optional(
      NonEmptyStringSchema.check(z.describe('State, province or region ("Mo.").')),
    ),
    country: z.optional(NonEmptyStringSchema.check(z.describe('Country ("Argentina").'))),
    date: z.optional(DatelineDateSchema),
    agency: z.optional(
      NonEmptyStringSchema.check(z.describe('News agency, normalised ("Reuters", "AP", "AFP").')),
    ),
    span: z.optional(SpanSchema),
  })
  .check(z.describe("The dateline that opens the story."));

/** The dateline that opens a news story. */
export type Dateline = z.infer<typeof DatelineSchema>;
