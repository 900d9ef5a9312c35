/**
 * Issue #8: hostile input never crashes, never leaks, and still gives a valid article.
 * Small sizes only and no wall-clock assertions: `npm run hostile` measures time and growth.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Article,
  ArticleSchema,
  ArticleValidationError,
  fromJson,
  fromJsonLd,
  type ParseResult,
  parseMarkdown,
  parseText,
  toJsonLd,
  toJsonLdScript,
} from "../src/index.js";
import { article as anyArticle } from "./arbitraries.js";
import {
  chainedGraph,
  HOSTILE_INPUTS,
  nestedArrays,
  randomCodeUnits,
  spansOutside,
} from "./hostile-inputs.js";

const SIZE = 20_000;

/**
 * The article validates and every span lies inside the input. Plain text with text gives
 * an article; Markdown may have no text (only markup or HTML), but then says so.
 */
function expectSound(input: string, result: ParseResult, kind: "text" | "markdown"): void {
  if (kind === "text" && input.trim() !== "") expect(result.article).toBeDefined();
  if (!result.article) {
    expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
    return;
  }
  const parsed = ArticleSchema.safeParse(result.article);
  expect(
    parsed.success,
    parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3)),
  ).toBe(true);
  expect(spansOutside(result.article, input.length)).toEqual([]);
  for (const d of result.diagnostics) {
    if (d.span) expect(spansOutside(d.span, input.length)).toEqual([]);
  }
}

describe("hostile inputs (20 kB)", () => {
  for (const hostile of HOSTILE_INPUTS) {
    for (const target of hostile.targets) {
      const parse = target === "text" ? parseText : parseMarkdown;
      it(`${target === "text" ? "parseText" : "parseMarkdown"}: ${hostile.name} gives a valid article with spans inside the input`, () => {
        const input = hostile.build(SIZE);
        let result: ParseResult | undefined;
        expect(() => {
          result = parse(input);
        }).not.toThrow();
        if (result) expectSound(input, result, target);
      });
    }
  }
});

/** Fragments that push the parsers into their special cases. */
const hostilePiece = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "'",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\ud800",
    "\udc00",
    "By ",
    "WASHINGTON, ",
    "(Reuters) - ",
    " \u2014 ",
    "said",
    " said. ",
    "according to ",
    "Senator John Smith",
    ">",
    "> ",
    "*",
    "_",
    "**",
    "[",
    "](",
    ")",
    "![",
    "#",
    "# ",
    "---\n",
    "+++\n",
    "```",
    "~~~",
    "    ",
    "<script>",
    "</script>",
    "<!--",
    "&amp;",
    "\\",
    "|",
    "- ",
    "1. ",
    "title: x\n",
    "&a ",
    "*a ",
  ),
);
const hostileText = fc.array(hostilePiece, { maxLength: 60 }).map((parts) => parts.join(""));

describe("hostile properties", () => {
  it("parseText never throws and gives a valid article with spans inside the input", () => {
    fc.assert(
      fc.property(hostileText, (input) => {
        expectSound(input, parseText(input), "text");
      }),
      { numRuns: 300 },
    );
  });

  it("parseMarkdown never throws and gives a valid article with spans inside the input", () => {
    fc.assert(
      fc.property(hostileText, (input) => {
        expectSound(input, parseMarkdown(input), "markdown");
      }),
      { numRuns: 300 },
    );
  });

  it("both parsers survive random code units with lone surrogates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 3000 }),
        (seed, size) => {
          const input = randomCodeUnits(size, seed);
          expectSound(input, parseText(input), "text");
          expectSound(input, parseMarkdown(input), "markdown");
        },
      ),
      { numRuns: 40 },
    );
  });

  it("toJsonLdScript never lets any string out of the script element", () => {
    const evil = fc.oneof(
      fc.string({ unit: "binary" }),
      fc
        .array(
          fc.constantFrom(
            "</script",
            "</SCRIPT>",
            "<!--",
            "-->",
            "<script",
            "\u2028",
            "\u2029",
            "&",
            "<",
            ">",
            "/",
            "x",
          ),
          {
            maxLength: 20,
          },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(anyArticle, evil, (article, text) => {
        const hostile: Article = {
          ...article,
          headline: `${article.headline}${text}`,
          keywords: [...article.keywords, text],
          body: [...article.body, { text }],
        };
        const html = toJsonLdScript(hostile);
        expect(html.startsWith('<script type="application/ld+json">')).toBe(true);
        expect(html.endsWith("</script>")).toBe(true);
        const inner = html
          .slice('<script type="application/ld+json">'.length, -"</script>".length)
          .toLowerCase();
        expect(inner).not.toContain("</script");
        expect(inner).not.toContain("<script");
        expect(inner).not.toContain("<!--");
        expect(
          JSON.parse(inner === html ? "" : html.slice(html.indexOf(">") + 1, -"</script>".length)),
        ).toEqual(JSON.parse(JSON.stringify(toJsonLd(hostile))));
      }),
      { numRuns: 200 },
    );
  });
});

describe("fromJson on hostile data", () => {
  it("rejects 200,000 nested arrays with a validation error, not a RangeError", () => {
    expect(() => fromJson(nestedArrays(200_000))).toThrow(ArticleValidationError);
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 200_000; i++) {
      const next: unknown[] = [];
      at.push(next);
      at = next;
    }
    expect(() =>
      fromJson({ headline: "H", keywords: deep, images: [], body: [], claims: [] }),
    ).toThrow(ArticleValidationError);
  });

  it("never lets __proto__ keys pollute Object.prototype or the result", () => {
    const input =
      '{"headline":"H","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"keywords":[],"images":[],' +
      '"body":[{"text":"p","__proto__":{"polluted":1}}],"claims":[]}';
    const article = fromJson(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(article)).toBe(Object.prototype);
    expect("polluted" in article).toBe(false);
    expect("polluted" in (article.body[0] as object)).toBe(false);
    const parsed = JSON.parse(input) as unknown;
    fromJson(parsed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("fromJsonLd on hostile graphs", () => {
  it("reads a 100,000-node @graph of chained @id references", () => {
    const result = fromJsonLd(chainedGraph(100_000));
    expect(result.article?.headline).toBe("Chained graph");
    expect(ArticleSchema.safeParse(result.article).success).toBe(true);
  });

  it("terminates on reference cycles", () => {
    const graph = {
      "@context": "https://schema.org",
      "@graph": [
        {
          "@id": "#a",
          "@type": "NewsArticle",
          headline: "Cycle",
          author: { "@id": "#p" },
          isPartOf: { "@id": "#a" },
        },
        {
          "@id": "#p",
          "@type": "Person",
          name: "P",
          worksFor: { "@id": "#o" },
          author: { "@id": "#a" },
        },
        {
          "@id": "#o",
          "@type": "Organization",
          name: "O",
          member: { "@id": "#p" },
          parentOrganization: { "@id": "#o" },
        },
      ],
    };
    const result = fromJsonLd(graph);
    expect(result.article?.headline).toBe("Cycle");
    const selfAuthor = fromJsonLd({
      "@context": "https://schema.org",
      "@id": "#x",
      "@type": "NewsArticle",
      headline: "Self",
      author: { "@id": "#x" },
    });
    expect(selfAuthor.article?.headline).toBe("Self");
  });
});
