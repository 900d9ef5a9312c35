/**
 * fromJsonLd's last step, validation against ArticleSchema, on values the reader lets
 * through. The reader's own checks (toAbsoluteUrl) leave nothing invalid, so here
 * toAbsoluteUrl is made to pass URLs with a port out of range, which the schema refuses.
 */
import { describe, expect, it, vi } from "vitest";
import { ArticleSchema, fromJsonLd } from "../src/index.js";

vi.mock("../src/jsonld/urls.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/jsonld/urls.js")>();
  return {
    ...real,
    toAbsoluteUrl: (value: string, base: string | undefined) =>
      value.includes(":99999/")
        ? { ok: true, url: value, resolved: false }
        : real.toAbsoluteUrl(value, base),
  };
});

describe("fromJsonLd validation", () => {
  it("leaves out exactly the values that fail, each with a diagnostic naming its path", () => {
    const result = fromJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Ports",
      author: [
        { "@type": "Person", name: "Jane Doe", url: "https://example.com:99999/jane" },
        {
          "@type": "Person",
          name: "John Roe",
          sameAs: [
            "https://a.example.com/roe",
            "https://example.com:99999/roe",
            "https://b.example.com/roe",
          ],
        },
      ],
      image: [
        "https://example.com:99999/1.png",
        "https://example.com:99999/2.png",
        "https://ok.example.com/good.png",
        "https://example.com:99999/3.png",
      ],
      publisher: {
        "@type": "Organization",
        name: "Acme News",
        url: "https://acme.example.com/",
        logo: "https://example.com:99999/logo.png",
      },
    });
    expect(ArticleSchema.safeParse(result.article).success).toBe(true);
    expect(result.article).toEqual({
      headline: "Ports",
      byline: {
        text: "Jane Doe and John Roe",
        authors: [
          { type: "Person", name: "Jane Doe" },
          {
            type: "Person",
            name: "John Roe",
            sameAs: ["https://a.example.com/roe", "https://b.example.com/roe"],
          },
        ],
      },
      keywords: [],
      images: [{ url: "https://ok.example.com/good.png" }],
      publisher: { name: "Acme News", url: "https://acme.example.com/" },
      body: [],
      claims: [],
    });
    const url = "Expected an absolute http(s) URL";
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}: ${d.message}`)).toEqual(
      [
        `byline.authors[0].url: ${url}`,
        `byline.authors[1].sameAs[1]: ${url}`,
        `images[0]: ${url} (at images[0].url)`,
        `images[1]: ${url} (at images[1].url)`,
        `images[3]: ${url} (at images[3].url)`,
        `publisher.logo: ${url}`,
      ].map((left) => `jsonld-invalid-value warning: Left out ${left}`),
    );
  });
});
