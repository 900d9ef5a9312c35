import fc from "fast-check";
import type { Graph, NewsArticle, WithContext } from "schema-dts";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type Article, type Diagnostic, toJsonLd } from "../src/index.js";
import { toJsonLdGraph } from "../src/jsonld/index.js";
import { ARTICLE_TYPES } from "../src/jsonld/vocabulary.js";
import { article as anyArticle } from "./arbitraries.js";
import { full, minimal } from "./jsonld-fixtures.js";

type Node = Record<string, unknown>;

/** Every string, array and object in the output, to look for empties. */
function walk(value: unknown, visit: (value: unknown, path: string) => void, path = "$"): void {
  visit(value, path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, visit, `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}.${k}`);
  }
}

describe("toJsonLd", () => {
  it("returns WithContext<NewsArticle> (types)", () => {
    expectTypeOf(toJsonLd(minimal)).toEqualTypeOf<WithContext<NewsArticle>>();
    expectTypeOf(toJsonLd(minimal, { includeClaims: false })).toEqualTypeOf<
      WithContext<NewsArticle>
    >();
    expectTypeOf(toJsonLdGraph).returns.toEqualTypeOf<Graph>();
  });

  it("emits only the headline for the smallest article", () => {
    expect(toJsonLd(minimal)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Empty alert",
    });
  });

  it("maps every field of a full article", () => {
    const ld = toJsonLd(full) as unknown as Node;
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "City council approves 2024 budget after late-night session",
      alternativeHeadline: "Libraries stay open; city to borrow $40 million",
      description: "The council voted 7-2 to approve the budget.",
      image: [
        {
          "@type": "ImageObject",
          url: "https://news.example.com/photos/16x9/budget.jpg",
          caption: "The council chamber",
          width: 1600,
          height: 900,
        },
        { "@type": "ImageObject", url: "https://news.example.com/photos/1x1/budget.jpg" },
      ],
      datePublished: "2024-01-05T08:00:00+08:00",
      dateModified: "2024-02-05T09:20:00-05:00",
      author: [
        {
          "@type": "Person",
          name: "Jane Doe",
          jobTitle: "City Hall Reporter",
          affiliation: { "@type": "Organization", name: "The Example Times" },
          url: "https://news.example.com/staff/jane-doe",
          sameAs: ["https://social.example.org/@janedoe"],
        },
        { "@type": "Person", name: "John Roe", url: "https://news.example.com/staff/john-roe" },
      ],
      contributor: [
        {
          "@type": "Role",
          roleName: "Additional reporting",
          contributor: { "@type": "Person", name: "Kim Lee" },
        },
      ],
      editor: [
        { "@type": "Role", roleName: "Editing", editor: { "@type": "Person", name: "Sam Park" } },
      ],
      creditText: full.byline?.text,
      publisher: {
        "@type": "Organization",
        name: "The Example Times",
        url: "https://news.example.com/",
        logo: { "@type": "ImageObject", url: "https://news.example.com/logo.png" },
      },
      dateline: "KANSAS CITY, Mo., Jan. 5 (Reuters) -",
      locationCreated: {
        "@type": "Place",
        name: "KANSAS CITY, Mo.",
        address: {
          "@type": "PostalAddress",
          addressLocality: "Kansas City",
          addressRegion: "Mo.",
          addressCountry: "United States",
        },
      },
      articleSection: "Local",
      keywords: ["budget", "city council"],
      inLanguage: "en-US",
      url: "https://news.example.com/2024/01/05/city-council-budget",
      mainEntityOfPage: "https://news.example.com/2024/01/05/city-council-budget",
      wordCount: 53,
      articleBody: full.body.map((p) => p.text).join("\n\n"),
    });
  });

  it("chooses the subtype and leaves dateline off types that are not NewsArticle", () => {
    expect(toJsonLd(full, { type: "OpinionNewsArticle" })).toMatchObject({
      "@type": "OpinionNewsArticle",
      dateline: full.dateline?.text,
    });
    const blog = toJsonLd(full, { type: "BlogPosting" }) as unknown as Node;
    expect(blog["@type"]).toBe("BlogPosting");
    expect(blog.dateline).toBeUndefined();
    expect(blog.locationCreated).toMatchObject({ name: "KANSAS CITY, Mo." });
  });

  it("throws a TypeError for a type that is not an Article type", () => {
    expect(() => toJsonLd(minimal, { type: "Person" as never })).toThrow(TypeError);
  });

  it("puts claims in an @graph linked by @id, one node per person", () => {
    const ld = toJsonLd(full, { includeClaims: true }) as unknown as {
      "@context": string;
      "@graph": Node[];
    };
    expect(ld["@context"]).toBe("https://schema.org");
    const [main, ...claims] = ld["@graph"];
    const base = "https://news.example.com/2024/01/05/city-council-budget";
    expect(main).toMatchObject({ "@type": "NewsArticle", "@id": `${base}#article` });
    expect(claims).toHaveLength(4);
    expect(claims[0]).toEqual({
      "@type": "Claim",
      "@id": `${base}#claim-1`,
      text: "This budget keeps every library open,",
      author: { "@type": "Person", name: "Ana Ruiz" },
      appearance: { "@id": `${base}#article` },
      firstAppearance: { "@id": `${base}#article` },
    });
    expect(claims[2]?.author).toEqual({ "@type": "Organization", name: "Ledger" });
    // Jane Doe is an author and a speaker: one node, with an @id, referenced by the claim
    const jane = (main?.author as Node[] | undefined)?.[0];
    expect(jane).toMatchObject({ "@type": "Person", "@id": `${base}#person-1`, name: "Jane Doe" });
    expect(claims[3]?.author).toEqual({ "@id": `${base}#person-1` });
    expect(toJsonLdGraph(full)).toEqual(ld);
  });

  it("uses blank-node @ids when the article has no url", () => {
    const { url: _url, ...noUrl } = full;
    const ld = toJsonLdGraph(noUrl) as unknown as { "@graph": Node[] };
    expect(ld["@graph"][0]?.["@id"]).toBe("_:article");
    expect(ld["@graph"][1]?.["@id"]).toBe("_:claim-1");
    expect(ld["@graph"][1]?.appearance).toEqual({ "@id": "_:article" });
    expect(ld["@graph"][0]?.url).toBeUndefined();
    expect(ld["@graph"][0]?.mainEntityOfPage).toBeUndefined();
  });

  it("emits a person named twice in the byline once", () => {
    const article: Article = {
      ...minimal,
      byline: {
        text: "Reporting by Ana Ruiz; Editing by Ana Ruiz",
        authors: [
          { type: "Person", name: "Ana Ruiz", role: "Reporting" },
          { type: "Person", name: "Ana Ruiz", role: "Editing" },
        ],
      },
    };
    const ld = toJsonLd(article) as unknown as Node;
    expect(ld.author).toEqual([{ "@type": "Person", "@id": "_:person-1", name: "Ana Ruiz" }]);
    expect(ld.editor).toEqual([
      { "@type": "Role", roleName: "Editing", editor: { "@id": "_:person-1" } },
    ]);
  });

  it("makes an author who is quoted one node with the author's fields", () => {
    const article: Article = {
      ...minimal,
      byline: {
        text: "By Ana Ruiz",
        authors: [{ type: "Person", name: "Ana Ruiz ", url: "https://paper.example/ana" }],
      },
      body: [{ text: "Ana Ruiz said the pool would reopen." }],
      claims: [
        {
          kind: "indirect",
          text: "the pool would reopen",
          span: { start: 14, end: 35 },
          speaker: { name: "Ana Ruiz" },
          paragraph: 0,
        },
      ],
    };
    const [main, claim] = toJsonLdGraph(article)["@graph"] as unknown as Node[];
    expect(main?.author).toEqual([
      {
        "@type": "Person",
        "@id": "_:person-1",
        name: "Ana Ruiz ",
        url: "https://paper.example/ana",
      },
    ]);
    expect(claim?.author).toEqual({ "@id": "_:person-1" });
  });

  it("keeps 20,000 namesakes apart, or merges them (timed by npm run hostile)", () => {
    const n = 20_000;
    const people = (i: number) => ({
      type: "Person" as const,
      name: "Ana Ruiz",
      url: `https://paper.example/ana-${i}`,
    });
    const once = (i: number) => ({
      type: "Person" as const,
      name: "Ana Ruiz",
      sameAs: ["https://wiki.example/Ana_Ruiz", `https://social.example/${i}`],
    });
    for (const [make, nodes] of [
      [people, n],
      [once, 1],
    ] as const) {
      const authors = Array.from({ length: n }, (_, i) => make(i));
      const ld = toJsonLd({ ...minimal, byline: { text: "By Ana Ruiz", authors } });
      const author = (ld as unknown as Node).author as Node[];
      expect(author.filter((a) => a.name === "Ana Ruiz")).toHaveLength(nodes);
    }
  });

  it("resolves relative URLs against the article url, else leaves them out with a diagnostic", () => {
    const article = {
      ...minimal,
      images: [{ url: "/photos/a.jpg" }, { url: "javascript:alert(1)" }],
    } as Article;
    const diagnostics: Diagnostic[] = [];
    const without = toJsonLd(article, {
      onDiagnostic: (d) => diagnostics.push(d),
    }) as unknown as Node;
    expect(without.image).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toEqual(["jsonld-relative-url", "jsonld-invalid-url"]);
    const withUrl = toJsonLd({ ...article, url: "https://e.com/news/1" }) as unknown as Node;
    expect(withUrl.image).toEqual([{ "@type": "ImageObject", url: "https://e.com/photos/a.jpg" }]);
  });

  it("recomputes articleBody and wordCount when a paragraph changes", () => {
    const article: Article = { ...minimal, body: [{ text: "One two." }, { text: "Three." }] };
    expect(toJsonLd(article)).toMatchObject({ articleBody: "One two.\n\nThree.", wordCount: 3 });
    (article.body[1] as { text: string }).text = "Three four five.";
    expect(toJsonLd(article)).toMatchObject({
      articleBody: "One two.\n\nThree four five.",
      wordCount: 5,
    });
    article.body.push({ text: "Six." });
    expect(toJsonLd(article)).toMatchObject({
      articleBody: "One two.\n\nThree four five.\n\nSix.",
      wordCount: 6,
    });
  });

  it("notes a headline longer than 110 characters but keeps it", () => {
    const headline = "A".repeat(111);
    const diagnostics: Diagnostic[] = [];
    const ld = toJsonLd({ ...minimal, headline }, { onDiagnostic: (d) => diagnostics.push(d) });
    expect(ld).toMatchObject({ headline });
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: "jsonld-long-headline", severity: "info" }),
    ]);
  });

  it("never emits empty strings, empty arrays, empty objects or relative URLs (property)", () => {
    fc.assert(
      fc.property(
        anyArticle,
        fc.constantFrom(...ARTICLE_TYPES),
        fc.boolean(),
        (a, type, includeClaims) => {
          const ld = toJsonLd(a, { type, includeClaims });
          expect(ld["@context"]).toBe("https://schema.org");
          walk(ld, (value, path) => {
            if (typeof value === "string") expect(value.trim(), path).not.toBe("");
            if (Array.isArray(value)) expect(value.length, path).toBeGreaterThan(0);
            else if (value !== null && typeof value === "object")
              expect(Object.keys(value).length, path).toBeGreaterThan(0);
            if (/\.(url|sameAs|mainEntityOfPage)(\[\d+\])?$/.test(path))
              expect(String(value)).toMatch(/^https?:\/\/[^/\s]/i);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
