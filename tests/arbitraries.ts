/**
 * fast-check arbitraries for valid articles: every field, offsets and unicode included.
 */
import fc from "fast-check";
import type { Article, Author, QuotedClaim, Span } from "../src/index.js";

const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
/** Non-empty after trim. */
export const name = text.map((s) => (s.trim() === "" ? `x${s}` : s));
const anyText = fc.string({ unit: "binary", maxLength: 60 });

export const span: fc.Arbitrary<Span> = fc
  .tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 5_000 }))
  .map(([start, length]) => ({ start, end: start + length }));

const url = fc.webUrl({ withFragments: true, withQueryParameters: true });

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const day = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const offset = fc.constantFrom("Z", "+08:00", "-05:00", "+05:30", "+00:00", "");
export const isoDate = fc.oneof(
  day,
  fc
    .tuple(
      day,
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
      offset,
    )
    .map(([d, h, mi, s, o]) => `${d}T${pad(h)}:${pad(mi)}:${pad(s)}${o}`),
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drop keys whose value is undefined (exactOptionalPropertyTypes). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const author: fc.Arbitrary<Author> = fc
  .record({
    type: fc.constantFrom("Person" as const, "Organization" as const),
    name,
    role: optional(name),
    affiliation: optional(name),
    url: optional(url),
    sameAs: optional(fc.array(url, { maxLength: 2 })),
  })
  .map(compact);

function claim(paragraphs: number): fc.Arbitrary<QuotedClaim> {
  return fc
    .record({
      kind: fc.constantFrom("direct" as const, "mixed" as const, "indirect" as const),
      text: name,
      span,
      fragments: optional(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      ),
      speaker: optional(
        fc
          .record({
            name,
            mention: optional(name),
            span: optional(span),
            type: optional(fc.constantFrom("Person" as const, "Organization" as const)),
          })
          .map(compact),
      ),
      cue: optional(fc.record({ text: name, span: optional(span) }).map(compact)),
      paragraph: fc.nat({ max: Math.max(0, paragraphs - 1) }),
    })
    .map(({ fragments, ...rest }) => {
      const { start, end } = rest.span;
      const at = (f: number) => start + Math.floor(f * (end - start));
      const frags = fragments?.map(([a, b]) => ({
        start: Math.min(at(a), at(b)),
        end: Math.max(at(a), at(b)),
      }));
      return compact({ ...rest, fragments: frags });
    });
}

/** Any valid article. */
export const article: fc.Arbitrary<Article> = fc
  .array(fc.record({ text: anyText, span: optional(span) }).map(compact), { maxLength: 6 })
  .chain((body) =>
    fc
      .record({
        headline: name,
        alternativeHeadline: optional(name),
        description: optional(name),
        byline: optional(
          fc
            .record({
              text: name,
              authors: fc.array(author, { maxLength: 3 }),
              span: optional(span),
            })
            .map(compact),
        ),
        dateline: optional(
          fc
            .record({
              text: name,
              place: name,
              locality: optional(name),
              region: optional(name),
              country: optional(name),
              date: optional(
                fc.oneof(
                  day,
                  day.map((d) => `--${d.slice(5)}`),
                ),
              ),
              agency: optional(fc.constantFrom("Reuters", "AP", "AFP")),
              span: optional(span),
            })
            .map(compact),
        ),
        datePublished: optional(isoDate),
        dateModified: optional(isoDate),
        language: optional(fc.constantFrom("en", "en-US", "fr", "zh-Hant")),
        url: optional(url),
        section: optional(name),
        keywords: fc.array(anyText, { maxLength: 4 }),
        images: fc.array(
          fc
            .record({
              url,
              caption: optional(anyText),
              width: optional(fc.integer({ min: 1, max: 10_000 })),
              height: optional(fc.integer({ min: 1, max: 10_000 })),
            })
            .map(compact),
          { maxLength: 3 },
        ),
        publisher: optional(
          fc.record({ name, url: optional(url), logo: optional(url) }).map(compact),
        ),
        claims:
          body.length === 0 ? fc.constant([]) : fc.array(claim(body.length), { maxLength: 4 }),
      })
      .map((fields) => compact({ ...fields, body }) as Article),
  );
