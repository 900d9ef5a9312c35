import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type { Article } from "../src/index.js";
import {
  ArticleSchema,
  ArticleValidationError,
  articleJsonSchema,
  fromJson,
  parseText,
  toJson,
} from "../src/index.js";
import { formatPath, toValidationIssues } from "../src/json/index.js";
import { article } from "./arbitraries.js";

const minimal: Article = {
  headline: "Empty alert",
  keywords: [],
  images: [],
  body: [],
  claims: [],
};

function issuesOf(input: unknown) {
  try {
    fromJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleValidationError);
    return (error as ArticleValidationError).issues;
  }
  throw new Error("expected fromJson to throw");
}

describe("toJson / fromJson", () => {
  it("round-trips any valid article (property)", () => {
    fc.assert(
      fc.property(article, (a) => {
        expect(ArticleSchema.safeParse(a).success).toBe(true);
        expect(fromJson(toJson(a))).toEqual(a);
        expect(fromJson(JSON.stringify(toJson(a)))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it("emits keys in the contract's order", () => {
    const a = fromJson({
      claims: [],
      body: [{ span: { end: 5, start: 0 }, text: "Hello" }],
      images: [],
      keywords: ["x"],
      headline: "H",
      datePublished: "2024-01-05T08:00:00+08:00",
    });
    expect(Object.keys(toJson(a))).toEqual([
      "headline",
      "datePublished",
      "keywords",
      "images",
      "body",
      "claims",
    ]);
    expect(Object.keys(toJson(a).body[0] ?? {})).toEqual(["text", "span"]);
    expect(Object.keys(toJson(a).body[0]?.span ?? {})).toEqual(["start", "end"]);
  });

  it("keeps a date-time offset as given", () => {
    const a = fromJson({
      ...minimal,
      datePublished: "2024-01-05T08:00:00+08:00",
      dateModified: "2024-01-05",
    });
    expect(a.datePublished).toBe("2024-01-05T08:00:00+08:00");
    expect(a.dateModified).toBe("2024-01-05");
  });

  it("names the path of a missing headline", () => {
    const issues = issuesOf({});
    expect(issues.map((i) => i.path)).toContainEqual(["headline"]);
    expect(issues.find((i) => i.path[0] === "headline")?.message).toMatch(
      /Expected string, received nothing/,
    );
  });

  it("says when the input is not JSON", () => {
    const issues = issuesOf("not json");
    expect(issues[0]?.code).toBe("invalid_json");
    expect(issues[0]?.message).toMatch(/not JSON/);
    expect(() => fromJson("not json")).toThrow(/not JSON/);
  });

  it.each([
    ["an impossible date", { ...minimal, datePublished: "2024-02-30" }, ["datePublished"]],
    [
      "a date-time with a bad offset",
      { ...minimal, datePublished: "2024-01-05T08:00:00+25:00" },
      ["datePublished"],
    ],
    [
      "a span with start > end",
      { ...minimal, body: [{ text: "x", span: { start: 5, end: 2 } }] },
      ["body", 0, "span", "end"],
    ],
    [
      "a claim pointing past the body",
      {
        ...minimal,
        body: [{ text: "x" }],
        claims: [{ kind: "direct", text: "q", span: { start: 0, end: 1 }, paragraph: 1 }],
      },
      ["claims", 0, "paragraph"],
    ],
    [
      "a fragment outside its claim",
      {
        ...minimal,
        body: [{ text: "x" }],
        claims: [
          {
            kind: "direct",
            text: "q",
            span: { start: 5, end: 9 },
            fragments: [{ start: 0, end: 2 }],
            paragraph: 0,
          },
        ],
      },
      ["claims", 0, "fragments"],
    ],
    [
      "an empty author name",
      { ...minimal, byline: { text: "By", authors: [{ type: "Person", name: " " }] } },
      ["byline", "authors", 0, "name"],
    ],
    ["an empty headline", { ...minimal, headline: "" }, ["headline"]],
    ["a relative url", { ...minimal, url: "/news/1" }, ["url"]],
    ["a relative image url", { ...minimal, images: [{ url: "img.png" }] }, ["images", 0, "url"]],
    [
      "an unknown author type",
      { ...minimal, byline: { text: "By X", authors: [{ type: "Robot", name: "X" }] } },
      ["byline", "authors", 0, "type"],
    ],
    [
      "a negative offset",
      { ...minimal, body: [{ text: "x", span: { start: -1, end: 2 } }] },
      ["body", 0, "span", "start"],
    ],
    [
      "a bad dateline date",
      { ...minimal, dateline: { text: "X -", place: "X", date: "--02-30" } },
      ["dateline", "date"],
    ],
  ])("rejects %s with its path", (_, input, path) => {
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toContainEqual(path);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(5);
  });

  it("gives a readable summary listing every issue with its path", () => {
    try {
      fromJson({ headline: 3, keywords: [], images: [], body: [], claims: "no" });
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid article: 2 issues/);
      expect((error as Error).message).toContain("at headline");
      expect((error as Error).message).toContain("at claims");
      return;
    }
    throw new Error("expected a throw");
  });

  it("rejects 200,000 nested arrays with a validation error, not a RangeError", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    let value: unknown = [];
    for (let i = 0; i < 200_000; i++) value = [value];
    for (const input of [deep, value]) {
      const issues = issuesOf(input);
      expect(issues[0]?.code).toMatch(/too_deep|invalid_json/);
    }
  });

  it("never lets __proto__ keys pollute Object.prototype or the result", () => {
    const input = `{"headline":"H","keywords":[],"images":[],"body":[],"claims":[],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`;
    const a = fromJson(input);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect((a as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.keys(a)).not.toContain("__proto__");
  });
});

describe("articleJsonSchema", () => {
  it("is draft 2020-12 and documents its fields", () => {
    expect(articleJsonSchema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    const props = articleJsonSchema["properties"] as Record<string, { description?: string }>;
    expect(props["headline"]?.description).toMatch(/headline/i);
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(["headline", "byline", "dateline", "body", "claims"]),
    );
    expect(articleJsonSchema["required"]).toEqual(
      expect.arrayContaining(["headline", "keywords", "images", "body", "claims"]),
    );
  });
});

describe("fromJson messages and URLs", () => {
  it("says what it received", () => {
    try {
      fromJson({ headline: "H", keywords: [], images: [], body: [{ text: 5 }], claims: [] });
    } catch (error) {
      expect((error as ArticleValidationError).issues[0]?.message).toBe(
        "Expected string, received number 5",
      );
      return;
    }
    throw new Error("expected a throw");
  });

  it("says > for an exclusive bound and >= for an inclusive one", () => {
    const messages = (input: unknown) =>
      issuesOf(input).map((i) => `${i.message} at ${formatPath(i.path)}`);
    expect(
      messages({
        ...minimal,
        images: [{ url: "https://pics.example/a.jpg", width: 0, height: -2 }],
      }),
    ).toEqual([
      "Expected a value > 0, received number 0 at images[0].width",
      "Expected a value > 0, received number -2 at images[0].height",
    ]);
    expect(
      messages({ ...minimal, body: [{ text: "One.", span: { start: -1, end: 2 ** 53 } }] }),
    ).toEqual([
      "Expected a value >= 0, received number -1 at body[0].span.start",
      `Expected a value <= ${Number.MAX_SAFE_INTEGER}, received number ${2 ** 53} at body[0].span.end`,
    ]);
    const under = z.number().check(z.lt(10), z.gte(2));
    const issues = (value: number) =>
      toValidationIssues(under.safeParse(value, { reportInput: true }).error?.issues ?? []);
    expect(issues(10).map((i) => i.message)).toEqual(["Expected a value < 10, received number 10"]);
    expect(issues(1).map((i) => i.message)).toEqual(["Expected a value >= 2, received number 1"]);
  });

  it("accepts only http(s) URLs with a host", () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,x",
      "mailto:a@b.c",
      "https://",
      "//example.com/a",
    ]) {
      expect(() => fromJson({ ...minimal, url })).toThrow(ArticleValidationError);
    }
    expect(fromJson({ ...minimal, url: "HTTPS://Example.com/a?b#c" }).url).toBe(
      "HTTPS://Example.com/a?b#c",
    );
  });
});

describe("fromJson input it reads beyond plain JSON text", () => {
  it("reads JSON text after a byte order mark", () => {
    const article = parseText("Bridge reopens\n\nThe bridge reopened on Monday.\n")
      .article as Article;
    expect(fromJson(`\uFEFF${JSON.stringify(toJson(article))}`)).toEqual(fromJson(toJson(article)));
  });

  it("walks data that shares values once per depth, not once per path", () => {
    // 40 levels of a pair of references to one object: 2^40 paths, one value per level
    let shared: unknown = "leaf";
    for (let i = 0; i < 40; i++) shared = [shared, shared];
    const data = { headline: "H", keywords: [], images: [], body: [], claims: [], extra: shared };
    // (an exponential walk would not come back; unknown keys such as `extra` are dropped)
    expect(fromJson(data).headline).toBe("H");
  });
});
