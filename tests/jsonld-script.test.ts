import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Article, toJsonLd, toJsonLdScript } from "../src/index.js";
import { serializeJsonLdForScript } from "../src/jsonld/index.js";
import { article as anyArticle } from "./arbitraries.js";
import { full, minimal } from "./jsonld-fixtures.js";

const OPEN = '<script type="application/ld+json">';
const CLOSE = "</script>";

/** The JSON text inside the element. */
function inner(script: string): string {
  expect(script.startsWith(OPEN)).toBe(true);
  expect(script.endsWith(CLOSE)).toBe(true);
  return script.slice(OPEN.length, -CLOSE.length);
}

function count(haystack: string, needle: string): number {
  return haystack.toLowerCase().split(needle.toLowerCase()).length - 1;
}

describe("toJsonLdScript", () => {
  it("is a complete element around the JSON of toJsonLd", () => {
    const script = toJsonLdScript(minimal);
    expect(script).toBe(
      `${OPEN}{"@context":"https://schema.org","@type":"NewsArticle","headline":"Empty alert"}${CLOSE}`,
    );
  });

  it("cannot be closed or commented out by the article's text", () => {
    const headline = "</script><script>alert(1)</script><!--";
    const paragraph = "Line\u2028separator and paragraph\u2029separator & <b>bold</b>";
    const article: Article = { ...minimal, headline, body: [{ text: paragraph }] };
    const script = toJsonLdScript(article);
    expect(count(script, "</script")).toBe(1);
    expect(script.indexOf("</script")).toBe(script.length - CLOSE.length);
    expect(script).not.toContain("<!--");
    expect(script).not.toMatch(/[\u2028\u2029]/);
    expect(script).not.toMatch(/&(?:lt|gt|amp|quot|#\d+);/);
    const data = JSON.parse(inner(script));
    expect(data.headline).toBe(headline);
    expect(data.articleBody).toBe(paragraph);
    expect(data).toEqual(toJsonLd(article));
  });

  it("escapes <, >, &, U+2028 and U+2029 as \\u escapes", () => {
    expect(serializeJsonLdForScript({ a: "<>&\u2028\u2029" })).toBe(
      '{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029"}',
    );
  });

  it("says what it cannot serialize instead of failing inside", () => {
    expect(() => serializeJsonLdForScript(undefined)).toThrow(
      new TypeError("Cannot serialize undefined as JSON-LD, expected an object"),
    );
    expect(() => serializeJsonLdForScript(() => 1)).toThrow(/Cannot serialize function/);
  });

  it("has one </script, no <!-- and the same data for any headline and paragraph (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        (headline, paragraph) => {
          const article: Article = {
            ...minimal,
            headline: headline.trim() === "" ? `x${headline}` : headline,
            body: [{ text: paragraph }],
          };
          const script = toJsonLdScript(article);
          expect(count(script, "</script")).toBe(1);
          expect(script.toLowerCase().indexOf("<!--")).toBe(-1);
          expect(JSON.parse(inner(script))).toEqual(toJsonLd(article));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("parses back to the same data for any article and options (property)", () => {
    fc.assert(
      fc.property(anyArticle, fc.boolean(), (a, includeClaims) => {
        const script = toJsonLdScript(a, { includeClaims });
        expect(count(script, "</script")).toBe(1);
        expect(JSON.parse(inner(script))).toEqual(
          JSON.parse(JSON.stringify(toJsonLd(a, { includeClaims }))),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("escapes text built from the dangerous characters only (property)", () => {
    const dangerous = fc.string({
      unit: fc.constantFrom(
        "<",
        "/",
        "s",
        "c",
        "r",
        "i",
        "p",
        "t",
        ">",
        "!",
        "-",
        "&",
        "\u2028",
        "\u2029",
        "S",
        "C",
      ),
    });
    fc.assert(
      fc.property(dangerous, (text) => {
        const article: Article = { ...full, headline: `h${text}`, description: `d${text}` };
        const script = toJsonLdScript(article);
        expect(count(script, "</script")).toBe(1);
        const data = JSON.parse(inner(script));
        expect(data.headline).toBe(`h${text}`);
        expect(data.description).toBe(`d${text}`);
      }),
      { numRuns: 500 },
    );
  });
});
