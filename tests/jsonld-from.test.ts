import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AbsoluteUrlSchema,
  type Article,
  ArticleSchema,
  fromJsonLd,
  parseText,
  toJsonLd,
  toJsonLdScript,
} from "../src/index.js";
import { toJsonLdGraph } from "../src/jsonld/index.js";
import { toAbsoluteUrl } from "../src/jsonld/urls.js";
import { article as anyArticle } from "./arbitraries.js";
import { full, minimal, withoutSpans } from "./jsonld-fixtures.js";

const ids = (result: ReturnType<typeof fromJsonLd>) => result.diagnostics.map((d) => d.ruleId);

describe("fromJsonLd", () => {
  it("reads back every field toJsonLd writes, claims from the @graph", () => {
    const back = fromJsonLd(toJsonLdGraph(full));
    expect(ids(back)).toEqual([]);
    expect(withoutSpans(back.article as Article)).toEqual(withoutSpans(full));
  });

  it("keeps every credit's role, url, sameAs and jobTitle when names repeat (round trip)", () => {
    // Hana Ito is credited twice (editing, then as a columnist with a profile page); two
    // different people are called Leo Marsh (different profile pages and sameAs).
    const article: Article = {
      ...minimal,
      byline: {
        text: "By Hana Ito, Columnist, Leo Marsh and Leo Marsh; Editing by Hana Ito",
        authors: [
          { type: "Person", name: "Hana Ito", role: "Editing" },
          {
            type: "Person",
            name: "Hana Ito",
            role: "Columnist",
            url: "https://paper.example/staff/hana-ito",
          },
          {
            type: "Person",
            name: "Leo Marsh",
            url: "https://paper.example/staff/leo-marsh",
            sameAs: ["https://social.example/@leo"],
          },
          {
            type: "Person",
            name: "Leo Marsh",
            url: "https://other.example/leo-marsh",
            sameAs: ["https://social.example/@leomarsh"],
          },
        ],
      },
    };
    const ld = toJsonLd(article) as unknown as Record<string, unknown>;
    // one node for Hana Ito with the fields of both credits
    expect(ld.editor).toEqual([
      {
        "@type": "Role",
        roleName: "Editing",
        editor: {
          "@type": "Person",
          "@id": "_:person-1",
          name: "Hana Ito",
          jobTitle: "Columnist",
          url: "https://paper.example/staff/hana-ito",
        },
      },
    ]);
    expect(ld.author).toEqual([
      { "@id": "_:person-1" },
      {
        "@type": "Person",
        name: "Leo Marsh",
        url: "https://paper.example/staff/leo-marsh",
        sameAs: ["https://social.example/@leo"],
      },
      {
        "@type": "Person",
        name: "Leo Marsh",
        url: "https://other.example/leo-marsh",
        sameAs: ["https://social.example/@leomarsh"],
      },
    ]);
    const back = fromJsonLd(ld);
    expect(ids(back)).toEqual([]);
    const authors = back.article?.byline?.authors ?? [];
    // authors come back grouped (authors, then editors); every credit keeps its fields
    expect(authors).toEqual([
      {
        type: "Person",
        name: "Hana Ito",
        role: "Columnist",
        url: "https://paper.example/staff/hana-ito",
      },
      article.byline?.authors[2],
      article.byline?.authors[3],
      {
        type: "Person",
        name: "Hana Ito",
        role: "Editing",
        url: "https://paper.example/staff/hana-ito",
      },
    ]);
  });

  it("merges the sameAs of one person credited twice, and keeps apart job titles that differ", () => {
    const article: Article = {
      ...minimal,
      byline: {
        text: "By Ada Quill, Science Editor; Reporting by Ada Quill; Ada Quill, Intern",
        authors: [
          {
            type: "Person",
            name: "Ada Quill",
            role: "Science Editor",
            sameAs: ["https://wiki.example/Ada_Quill"],
          },
          {
            type: "Person",
            name: "Ada Quill",
            url: "https://paper.example/ada",
            sameAs: ["https://wiki.example/Ada_Quill", "https://social.example/@ada"],
          },
          { type: "Person", name: "Ada Quill", role: "Intern" },
        ],
      },
    };
    const ld = toJsonLd(article) as unknown as Record<string, unknown>;
    expect(ld.author).toEqual([
      {
        "@type": "Person",
        "@id": "_:person-1",
        name: "Ada Quill",
        jobTitle: "Science Editor",
        url: "https://paper.example/ada",
        sameAs: ["https://wiki.example/Ada_Quill", "https://social.example/@ada"],
      },
      { "@id": "_:person-1" },
      { "@type": "Person", name: "Ada Quill", jobTitle: "Intern" },
    ]);
    const roles = fromJsonLd(ld).article?.byline?.authors.map((a) => a.role);
    expect(roles).toEqual(["Science Editor", "Science Editor", "Intern"]);
  });

  it("reads back the same from JSON text and from the script element", () => {
    const expected = fromJsonLd(toJsonLd(full)).article;
    expect(expected?.claims).toEqual([]);
    expect(withoutSpans(expected as Article)).toEqual(withoutSpans({ ...full, claims: [] }));
    expect(fromJsonLd(JSON.stringify(toJsonLd(full))).article).toEqual(expected);
    expect(fromJsonLd(`<!doctype html><head>${toJsonLdScript(full)}</head>`).article).toEqual(
      expected,
    );
  });

  it("reads a script element whose article contains </script> and U+2028", () => {
    const article: Article = {
      ...minimal,
      headline: "</script><script>alert(1)</script><!--",
      body: [{ text: "Line\u2028separated & <b>bold</b>" }],
    };
    const back = fromJsonLd(`<html><head>${toJsonLdScript(article)}</head></html>`);
    expect(back.article?.headline).toBe(article.headline);
    expect(back.article?.body.map((p) => p.text)).toEqual(["Line\u2028separated & <b>bold</b>"]);
  });

  it("gives body and claim spans as offsets into articleBody", () => {
    const ld = toJsonLdGraph(full);
    const body = (ld["@graph"][0] as { articleBody: string }).articleBody;
    const article = fromJsonLd(ld).article as Article;
    for (const p of article.body) expect(body.slice(p.span?.start, p.span?.end)).toBe(p.text);
    for (const c of article.claims) expect(body.slice(c.span.start, c.span.end)).toBe(c.text);
    expect(article.claims.map((c) => c.kind)).toEqual(["direct", "mixed", "indirect", "indirect"]);
  });

  it("keeps the fields JSON-LD carries for any article (property)", () => {
    fc.assert(
      fc.property(anyArticle, (a) => {
        const result = fromJsonLd(toJsonLdGraph(a));
        const b = result.article as Article;
        expect(ArticleSchema.safeParse(b).success).toBe(true);
        expect(b.headline).toBe(a.headline);
        for (const key of [
          "alternativeHeadline",
          "description",
          "datePublished",
          "dateModified",
          "language",
          "url",
          "section",
        ] as const) {
          expect(b[key], key).toBe(a[key]);
        }
        expect(b.images).toEqual(
          a.images.map((i) =>
            i.caption?.trim() === "" ? (({ caption: _c, ...rest }) => rest)(i) : i,
          ),
        );
        expect(b.keywords).toEqual(a.keywords.filter((k) => k.trim() !== ""));
        expect(b.publisher).toEqual(a.publisher);
        expect(b.byline?.authors.map((x) => x.name).sort()).toEqual(
          a.byline?.authors.map((x) => x.name.trim()).sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("reads a publisher's @graph: author by @id, plain-string author, @type array, self reference", () => {
    const page = {
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": ["Article", "NewsArticle"],
          "@id": "https://e.com/news/1#article",
          headline: "Ref test",
          isPartOf: { "@id": "https://e.com/news/1#article" },
          mainEntityOfPage: { "@type": "WebPage", "@id": "https://e.com/news/1" },
          author: [{ "@id": "https://e.com/#pat" }, "Jane Doe"],
          publisher: { "@id": "https://e.com/#org" },
          image: { "@id": "https://e.com/#img" },
          datePublished: "2024-01-05T08:00:00Z",
        },
        {
          "@type": "Person",
          "@id": "https://e.com/#pat",
          name: "Pat Lee",
          url: "/staff/pat",
          sameAs: "https://social.example/@pat",
        },
        {
          "@type": "NewsMediaOrganization",
          "@id": "https://e.com/#org",
          name: "E News",
          logo: "https://e.com/logo.png",
        },
        {
          "@type": "ImageObject",
          "@id": "https://e.com/#img",
          contentUrl: "https://e.com/a.webp",
          width: "1200",
          height: { "@type": "QuantitativeValue", value: 800 },
        },
      ],
    };
    const result = fromJsonLd(page);
    expect(result.article).toEqual({
      headline: "Ref test",
      url: "https://e.com/news/1",
      datePublished: "2024-01-05T08:00:00Z",
      byline: {
        text: "Pat Lee and Jane Doe",
        authors: [
          {
            type: "Person",
            name: "Pat Lee",
            url: "https://e.com/staff/pat",
            sameAs: ["https://social.example/@pat"],
          },
          { type: "Person", name: "Jane Doe" },
        ],
      },
      publisher: { name: "E News", logo: "https://e.com/logo.png" },
      images: [{ url: "https://e.com/a.webp", width: 1200, height: 800 }],
      keywords: [],
      body: [],
      claims: [],
    });
    expect(ids(result)).toEqual(["jsonld-relative-url", "jsonld-author-type", "jsonld-unmapped"]);
  });

  it("reads http://schema.org and prefixed terms, dates without offsets, a keyword string", () => {
    const result = fromJsonLd({
      "@context": "http://schema.org/",
      "@type": "http://schema.org/BlogPosting",
      "schema:headline": "Prefixed",
      datePublished: "2024-01-05",
      dateModified: "2024-01-05 08:00:00+0100",
      keywords: "budget, city council,",
      inLanguage: { "@type": "Language", name: "en" },
      articleSection: ["Local", "Politics"],
    });
    expect(result.article).toMatchObject({
      headline: "Prefixed",
      datePublished: "2024-01-05",
      dateModified: "2024-01-05T08:00:00+01:00",
      keywords: ["budget", "city council"],
      language: "en",
      section: "Local",
    });
    expect(ids(result)).toEqual(["jsonld-unmapped"]);
  });

  it("drops invalid values with a diagnostic and keeps a valid article", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Bad values",
      datePublished: "05/01/2024 08:00",
      image: [
        "/photos/a.jpg",
        { "@type": "ImageObject", url: "https://e.com/a.jpg", width: "about 800" },
      ],
      author: [
        { "@type": "Place", name: "Newsroom" },
        { "@type": "Person", name: "Posted by Jane Doe", url: "javascript:alert(1)" },
      ],
      wordCount: "about 800",
      price: "12.00",
    });
    expect(ArticleSchema.safeParse(result.article).success).toBe(true);
    expect(result.article).toMatchObject({
      headline: "Bad values",
      images: [{ url: "https://e.com/a.jpg" }],
      byline: { authors: [{ type: "Person", name: "Jane Doe" }] },
    });
    expect(result.article?.datePublished).toBeUndefined();
    expect(new Set(ids(result))).toEqual(
      new Set([
        "jsonld-author-type",
        "jsonld-invalid-value",
        "jsonld-relative-url",
        "jsonld-unmapped",
      ]),
    );
  });

  it("reports invalid JSON, no article and a missing headline without throwing", () => {
    expect(fromJsonLd('{ "@type": "NewsArticle", "headline": "broken" ')).toEqual({
      diagnostics: [
        expect.objectContaining({
          ruleId: "jsonld-invalid-json",
          severity: "error",
          source: "article-model",
        }),
      ],
    });
    expect(
      ids(fromJsonLd({ "@context": "https://schema.org", "@type": "Person", name: "X" })),
    ).toEqual(["jsonld-no-article"]);
    expect(ids(fromJsonLd(null))).toEqual(["jsonld-no-article"]);
    expect(ids(fromJsonLd(42))).toEqual(["jsonld-no-article"]);
    expect(ids(fromJsonLd("<html><body>no json-ld</body></html>"))).toEqual(["jsonld-no-article"]);
    const noHeadline = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      articleBody: "Text.",
    });
    expect(noHeadline.article).toBeUndefined();
    expect(ids(noHeadline)).toEqual(["jsonld-missing-headline"]);
  });

  it("reads a property spelled with the wrong case, with a warning", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headLine: "Typo",
    });
    expect(result.article?.headline).toBe("Typo");
    expect(ids(result)).toEqual(["jsonld-misspelled-property"]);
  });

  it("warns about a missing @context and reads the first of several articles", () => {
    const result = fromJsonLd([
      { "@type": "BlogPosting", headline: "First" },
      { "@type": "NewsArticle", headline: "Second" },
    ]);
    expect(result.article?.headline).toBe("First");
    expect(ids(result)).toEqual(["jsonld-multiple-articles", "jsonld-context"]);
  });

  it("reads roles, affiliation and job titles from Role wrappers and Person nodes", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Credits",
      creditText: "Reporting by Ana Ruiz; Additional reporting by Kim Lee; Editing by Sam Park",
      author: {
        "@type": "Person",
        name: "Ana Ruiz",
        worksFor: { "@type": "Organization", name: "Reuters" },
      },
      contributor: { "@type": "Person", name: "Kim Lee" },
      editor: {
        "@type": "Role",
        roleName: "Copy editing",
        editor: { "@type": "Person", name: "Sam Park", jobTitle: "Desk editor" },
      },
    });
    expect(result.article?.byline).toEqual({
      text: "Reporting by Ana Ruiz; Additional reporting by Kim Lee; Editing by Sam Park",
      authors: [
        { type: "Person", name: "Ana Ruiz", role: "Reporting", affiliation: "Reuters" },
        { type: "Person", name: "Kim Lee", role: "Additional reporting" },
        { type: "Person", name: "Sam Park", role: "Copy editing" },
      ],
    });
  });

  it("reads the dateline's place, date and agency", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Dateline",
      datePublished: "1987-01-02T09:00:00-05:00",
      dateline: "WASHINGTON, Dec. 30 (Reuters) -",
    });
    expect(result.article?.dateline).toEqual({
      text: "WASHINGTON, Dec. 30 (Reuters) -",
      place: "WASHINGTON",
      date: "1986-12-30",
      agency: "Reuters",
    });
  });

  it("leaves out a claim whose text is not in articleBody", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "NewsArticle",
          "@id": "_:a",
          headline: "H",
          articleBody: "She said \u201cyes.\u201d",
        },
        { "@type": "Claim", text: "yes.", appearance: { "@id": "_:a" }, author: "Ana Ruiz" },
        { "@type": "Claim", text: "no.", appearance: { "@id": "_:a" } },
      ],
    });
    expect(result.article?.claims).toEqual([
      {
        kind: "direct",
        text: "yes.",
        span: { start: 10, end: 14 },
        paragraph: 0,
        speaker: { name: "Ana Ruiz" },
      },
    ]);
    expect(ids(result)).toEqual(["jsonld-claim-not-in-body"]);
  });

  it("finds a quote interrupted by its attribution as fragments", () => {
    const text = "\u201cWe will win,\u201d she said, \u201cand we will win big.\u201d";
    const article: Article = {
      ...minimal,
      body: [{ text: "Intro." }, { text }],
      claims: [
        {
          kind: "direct",
          text: "We will win, and we will win big.",
          span: { start: 0, end: 1 },
          paragraph: 1,
          speaker: { name: "Ana Ruiz", type: "Person" },
        },
      ],
    };
    const back = fromJsonLd(toJsonLdGraph(article)).article as Article;
    const body = `Intro.\n\n${text}`;
    const claim = back.claims[0];
    expect(claim).toMatchObject({
      kind: "direct",
      text: "We will win, and we will win big.",
      paragraph: 1,
      speaker: { name: "Ana Ruiz", type: "Person" },
    });
    expect(claim?.fragments?.map((f) => body.slice(f.start, f.end))).toEqual([
      "We will win,",
      "and we will win big.",
    ]);
    expect(body.slice(claim?.span.start, claim?.span.end)).toBe(
      "We will win,\u201d she said, \u201cand we will win big.",
    );
  });

  it("finds a short first fragment that ends at a word boundary", () => {
    const text = '"Safety," said Grimm, a supporter. "Safety for the whole country, everybody."';
    const article: Article = {
      ...minimal,
      body: [{ text }],
      claims: [
        {
          kind: "direct",
          text: "Safety Safety for the whole country, everybody.",
          span: { start: 0, end: 1 },
          paragraph: 0,
        },
      ],
    };
    const claim = fromJsonLd(toJsonLdGraph(article)).article?.claims[0];
    expect(claim?.fragments?.map((f) => text.slice(f.start, f.end))).toEqual([
      "Safety",
      "Safety for the whole country, everybody.",
    ]);
    expect(claim?.kind).toBe("direct");
  });

  it("stays fast with thousands of claims that are not in the body", () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `word${i % 97}`).join(" ");
    const claims = Array.from({ length: 3000 }, (_, i) => ({
      "@type": "Claim",
      text: `word${i % 97} word${(i + 1) % 97} nowhere ${i}`,
      appearance: { "@id": "_:a" },
    }));
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "NewsArticle", "@id": "_:a", headline: "H", articleBody: words },
        ...claims,
      ],
    });
    expect(result.article?.claims).toEqual([]);
    expect(ids(result).filter((id) => id === "jsonld-claim-not-in-body")).toHaveLength(3000);
  });

  it("survives cycles of objects and of @id references", () => {
    const node: Record<string, unknown> = {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "#a",
      headline: "Cycle",
    };
    node.isPartOf = node;
    node.author = { "@type": "Role", "@id": "#r", roleName: "Writer", author: { "@id": "#r" } };
    node.publisher = { "@id": "#a" };
    const result = fromJsonLd(node);
    expect(result.article?.headline).toBe("Cycle");
  });

  it("follows 100,000 chained @id references (timed by npm run hostile)", () => {
    const n = 100_000;
    const graph: Record<string, unknown>[] = [
      {
        "@type": "NewsArticle",
        "@id": "#article",
        headline: "Long chain",
        author: { "@id": "#n0" },
        isPartOf: { "@id": "#n0" },
      },
    ];
    for (let i = 0; i < n; i++) {
      graph.push({
        "@type": "Role",
        "@id": `#n${i}`,
        author: { "@id": i + 1 < n ? `#n${i + 1}` : "#n0" },
        about: { "@id": `#n${(i * 7919) % n}` },
      });
    }
    graph.push({ "@type": "Person", "@id": "#n0", name: "End" });
    const result = fromJsonLd(
      JSON.stringify({ "@context": "https://schema.org", "@graph": graph }),
    );
    expect(result.article?.headline).toBe("Long chain");
  });

  it("never throws and returns a valid article or none, for any JSON value (property)", () => {
    const articleish = fc.record(
      {
        "@context": fc.constantFrom("https://schema.org", "http://schema.org", undefined, 5),
        "@type": fc.constantFrom("NewsArticle", ["Article", "Claim"], "BlogPosting", "Thing", 3),
        "@id": fc.oneof(fc.string(), fc.constant("#a")),
        headline: fc.anything(),
        author: fc.anything(),
        image: fc.anything(),
        datePublished: fc.anything(),
        articleBody: fc.oneof(fc.string(), fc.anything()),
        keywords: fc.anything(),
        publisher: fc.anything(),
        dateline: fc.anything(),
        locationCreated: fc.anything(),
      },
      { requiredKeys: ["@type"] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), articleish, fc.array(articleish), fc.string(), fc.json()),
        (input) => {
          const result = fromJsonLd(input);
          expect(Array.isArray(result.diagnostics)).toBe(true);
          if (result.article !== undefined)
            expect(ArticleSchema.safeParse(result.article).success).toBe(true);
          else expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads an article with no text from any element of toJsonLd output (minimal)", () => {
    expect(fromJsonLd(toJsonLd(minimal))).toEqual({ article: minimal, diagnostics: [] });
  });
});

describe("fromJsonLd author names", () => {
  it("keeps the name only, reading a byline-style name into name, role and affiliation", () => {
    const read = (name: string) =>
      fromJsonLd({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: "H",
        author: { "@type": "Person", name },
      }).article?.byline?.authors[0];
    expect(read("By Jane Doe, Reuters")).toEqual({
      type: "Person",
      name: "Jane Doe",
      affiliation: "Reuters",
    });
    expect(read("John Roe, Senior Correspondent")).toEqual({
      type: "Person",
      name: "John Roe",
      role: "Senior Correspondent",
    });
    expect(read("Jane Doe (Reuters)")).toEqual({
      type: "Person",
      name: "Jane Doe",
      affiliation: "Reuters",
    });
    expect(read("Ana María van der Berg")).toEqual({
      type: "Person",
      name: "Ana María van der Berg",
    });
  });
});

describe("fromJsonLd invalid values", () => {
  const messages = (result: ReturnType<typeof fromJsonLd>) =>
    result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`);

  it("leaves out just a URL that URL cannot parse (a port out of range, a bad host), with a diagnostic", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Ports",
      author: [
        { "@type": "Person", name: "Jane Doe", url: "https://example.com:99999/jane" },
        { "@type": "Person", name: "John Roe" },
      ],
      image: [
        "https://example.com:99999/1.png",
        "https://example.com:70000/2.png",
        "https://ok.example.com/good.png",
      ],
      publisher: { "@type": "Organization", name: "Acme News", logo: "http://a:b/logo.png" },
    });
    expect(result.article?.byline?.authors).toEqual([
      { type: "Person", name: "Jane Doe" },
      { type: "Person", name: "John Roe" },
    ]);
    expect(result.article?.images).toEqual([{ url: "https://ok.example.com/good.png" }]);
    expect(result.article?.publisher).toEqual({ name: "Acme News" });
    expect(messages(result)).toEqual([
      "jsonld-invalid-value: Unexpected url of `Jane Doe` `https://example.com:99999/jane`, expected an absolute http(s) URL; left out",
      "jsonld-invalid-value: Unexpected image url `https://example.com:99999/1.png`, expected an absolute http(s) URL; left out",
      "jsonld-invalid-value: Unexpected image url `https://example.com:70000/2.png`, expected an absolute http(s) URL; left out",
      "jsonld-invalid-value: Unexpected publisher logo `http://a:b/logo.png`, expected an absolute http(s) URL; left out",
    ]);
  });

  it("accepts a URL only when AbsoluteUrlSchema does (property)", () => {
    const piece = fc.constantFrom(
      ...["a", "z", "0", "9", "x", "-", ".", "..", ":", ":99999", ":8080", ":0", "/", "?"],
      ...["#", "@", "_", "xn--", "0x", "ü", " ", "%41", "[", "]", "\\", "1.2.3.4", "999"],
    );
    fc.assert(
      fc.property(fc.constantFrom("http://", "https://", "HTTPS://"), fc.array(piece), (s, p) => {
        const r = toAbsoluteUrl(s + p.join(""), undefined);
        if (r.ok) expect(AbsoluteUrlSchema.safeParse(r.url).success, r.url).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(toAbsoluteUrl("https://example.com:8080/a?b#c", undefined)).toEqual({
      ok: true,
      url: "https://example.com:8080/a?b#c",
      resolved: false,
    });
  });

  it("reports values of the wrong type, naming the property", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Types",
      datePublished: 1704441600,
      dateModified: true,
      description: 5,
      inLanguage: 7,
      image: 42,
      articleSection: 3,
      keywords: [4, "budget"],
      publisher: 9,
      author: [12, "Jane Doe"],
    });
    expect(result.article).toEqual({
      headline: "Types",
      byline: { text: "Jane Doe", authors: [{ type: "Person", name: "Jane Doe" }] },
      keywords: ["budget"],
      images: [],
      body: [],
      claims: [],
    });
    expect(messages(result).filter((m) => m.startsWith("jsonld-invalid-value"))).toEqual([
      "jsonld-invalid-value: Unexpected description `5`, expected text; left out",
      "jsonld-invalid-value: Unexpected author `12`, expected a Person, an Organization or a name; left out",
      "jsonld-invalid-value: Unexpected datePublished `1704441600`, expected text; left out",
      "jsonld-invalid-value: Unexpected dateModified `true`, expected text; left out",
      "jsonld-invalid-value: Unexpected inLanguage `7`, expected text or a node with a name; left out",
      "jsonld-invalid-value: Unexpected articleSection `3`, expected text; left out",
      "jsonld-invalid-value: Unexpected keyword `4`, expected text; left out",
      "jsonld-invalid-value: Unexpected image url `42`, expected an absolute http(s) URL; left out",
      "jsonld-invalid-value: Unexpected publisher `9`, expected an Organization, a Person or a name; left out",
    ]);
  });
});

describe("fromJsonLd claims", () => {
  it("gives back the kind the parser gave each claim", () => {
    const text = [
      "Council backs the plan",
      '"It is done," Jane Doe said on Monday.',
      "Officials called the vote ''a disgrace'' on Tuesday.",
      "“We will appeal,” the mayor said, “and we will win.”",
      "John Roe said the budget was balanced.",
      '"There is more work to do, he said.',
      "Critics called the vote ‘‘a disgrace’’ on Wednesday.",
    ].join("\n\n");
    const claims = parseText(text).article?.claims ?? [];
    expect(claims.map((c) => c.kind)).toEqual([
      "direct",
      "mixed",
      "direct",
      "indirect",
      "direct",
      "mixed",
    ]);
    const back = fromJsonLd(toJsonLdGraph(parseText(text).article as Article)).article;
    expect(back?.claims.map((c) => [c.text, c.kind])).toEqual(claims.map((c) => [c.text, c.kind]));
  });

  it("reads a megabyte body with 4,000 claims that are not in it", () => {
    const graph = (body: string, texts: string[]) => ({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "NewsArticle", headline: "H", articleBody: body },
        ...texts.map((text) => ({ "@type": "Claim", text })),
      ],
    });
    const notInBody = (result: ReturnType<typeof fromJsonLd>) => {
      expect(result.article?.claims).toEqual([]);
      expect(ids(result)).toEqual(Array.from({ length: 4000 }, () => "jsonld-claim-not-in-body"));
      for (const d of result.diagnostics)
        expect(d.message).toMatch(/: (its text is not in articleBody|not looked for, .*)$/);
    };
    const as = "a".repeat(1_000_000);
    const same = fromJsonLd(
      graph(
        as,
        Array.from({ length: 4000 }, () => "aaab"),
      ),
    );
    notInBody(same);
    expect(new Set(same.diagnostics.map((d) => d.message))).toEqual(
      new Set(["Left out claim `aaab`: its text is not in articleBody"]),
    );
    notInBody(
      fromJsonLd(
        graph(
          as,
          Array.from({ length: 4000 }, (_, i) => `aaaab${i}`),
        ),
      ),
    );
    // every 8-character piece of these texts is in the body 62,500 times
    const runs = "aaaaaaaabbbbbbbb".repeat(62_500);
    const long = fromJsonLd(
      graph(
        runs,
        Array.from({ length: 4000 }, (_, i) => "a".repeat(9 + i)),
      ),
    );
    notInBody(long);
    expect(long.diagnostics.at(-1)?.message).toMatch(
      /not looked for, the search budget for an articleBody this long is spent$/,
    );
  });

  it("finds 4,000 claims of a long body, in order or not, with their paragraphs", () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Item ${i} was sold.`);
    const read = (texts: string[]) =>
      fromJsonLd({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "NewsArticle", headline: "H", articleBody: paragraphs.join("\n\n") },
          ...texts.map((text) => ({ "@type": "Claim", text })),
        ],
      }).article?.claims.map((c) => [c.text, c.paragraph]);
    const numbers = Array.from({ length: 4000 }, (_, i) => i * 5);
    const inOrder = numbers.map((n) => [`Item ${n} was sold.`, n]);
    expect(read(inOrder.map(([text]) => String(text)))).toEqual(inOrder);
    const reversed = [...inOrder].reverse();
    expect(read(reversed.map(([text]) => String(text)))).toEqual(reversed);
    // shorter than the index's pieces: found by indexOf
    expect(read(["m 9 was", "m 3 was"])).toEqual([
      ["m 9 was", 9],
      ["m 3 was", 3],
    ]);
  });
});

describe("fromJsonLd text with a byte order mark", () => {
  it("reads JSON-LD after a byte order mark, alone or in a page", () => {
    const json = JSON.stringify(toJsonLd(minimal));
    expect(fromJsonLd(`\uFEFF${json}`).article?.headline).toBe(minimal.headline);
    const page = `<script type="application/ld+json">\uFEFF${json}</script>`;
    expect(fromJsonLd(page).article?.headline).toBe(minimal.headline);
  });
});

describe("fromJsonLd plain-text authors", () => {
  const read = (author: unknown) =>
    fromJsonLd({ "@context": "https://schema.org", "@type": "NewsArticle", headline: "H", author });

  it("reads a credit naming several people as each of them", () => {
    expect(read("Jane Doe and John Roe").article?.byline?.authors.map((a) => a.name)).toEqual([
      "Jane Doe",
      "John Roe",
    ]);
    expect(read(["Ann Poe, Ben Loe & Cy Moe"]).article?.byline?.authors).toHaveLength(3);
  });

  it("keeps one person (with an affiliation) and company names whole", () => {
    expect(read("Jane Doe, Reuters").article?.byline?.authors).toEqual([
      { type: "Person", name: "Jane Doe", affiliation: "Reuters" },
    ]);
    expect(read("Smith and Wesson Inc.").article?.byline?.authors).toHaveLength(1);
  });
});
