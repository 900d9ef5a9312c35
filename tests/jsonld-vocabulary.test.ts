import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJsonLd } from "../src/index.js";
import {
  ARTICLE_TYPES,
  CLASS_PARENTS,
  ORGANIZATION_TYPES,
  PROPERTIES,
} from "../src/jsonld/vocabulary.js";
import { article as anyArticle } from "./arbitraries.js";
import { full } from "./jsonld-fixtures.js";

type Node = Record<string, unknown>;

function isA(type: string, ancestor: string): boolean {
  const queue = [type];
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i] as string;
    if (t === ancestor) return true;
    queue.push(...(CLASS_PARENTS[t] ?? []));
  }
  return false;
}

const LITERALS: Record<string, (value: string | number) => boolean> = {
  Text: (v) => typeof v === "string",
  URL: (v) => typeof v === "string" && /^https?:\/\/[^/\s]/.test(v),
  Date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
  DateTime: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v),
  Integer: (v) => Number.isInteger(v),
  // schema.org tolerates bare numbers for quantities (image width/height)
  Distance: (v) => typeof v === "number",
  QuantitativeValue: (v) => typeof v === "number",
};

/** Every problem with the node's properties against the trimmed vocabulary. */
function problems(
  node: Node,
  path: string,
  viaProperty?: string,
  implied?: readonly string[],
): string[] {
  const out: string[] = [];
  const declared = node["@type"];
  if (typeof declared !== "string" && Object.keys(node).every((k) => k.startsWith("@"))) return [];
  // an untyped nested node (a speaker of unknown type) is read as the property's range
  const type = typeof declared === "string" ? declared : implied?.find((r) => r in CLASS_PARENTS);
  if (type === undefined) return [`${path}: no @type`];
  if (!(type in CLASS_PARENTS)) out.push(`${path}: type ${type} not in the vocabulary data`);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    const property = PROPERTIES[key];
    if (property === undefined) {
      out.push(`${path}.${key}: property not in the vocabulary data`);
      continue;
    }
    const roleSelf = type === "Role" && key === viaProperty;
    if (!roleSelf && !property.domains.some((d) => isA(type, d)))
      out.push(`${path}.${key}: not expected on ${type}`);
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => {
      const at = `${path}.${key}[${i}]`;
      if (v !== null && typeof v === "object") {
        const child = v as Node;
        const childType = child["@type"];
        if (
          typeof childType === "string" &&
          childType !== "Role" &&
          !property.ranges.some((r) => isA(childType, r))
        ) {
          out.push(`${at}: ${childType} outside the range ${property.ranges.join("/")}`);
        }
        out.push(...problems(child, at, key, property.ranges));
      } else if (!property.ranges.some((r) => LITERALS[r]?.(v as string | number))) {
        out.push(`${at}: ${JSON.stringify(v)} outside the range ${property.ranges.join("/")}`);
      }
    });
  }
  return out;
}

function check(ld: unknown): string[] {
  const root = ld as Node;
  const graph = root["@graph"];
  if (Array.isArray(graph))
    return graph.flatMap((n, i) => problems(n as Node, `$["@graph"][${i}]`));
  return problems(root, "$");
}

describe("vocabulary", () => {
  it("lists Article and the subtypes the options name", () => {
    for (const t of [
      "Article",
      "NewsArticle",
      "ReportageNewsArticle",
      "OpinionNewsArticle",
      "AnalysisNewsArticle",
      "BackgroundNewsArticle",
      "ReviewNewsArticle",
      "AskPublicNewsArticle",
      "BlogPosting",
      "LiveBlogPosting",
    ]) {
      expect(ARTICLE_TYPES).toContain(t);
      expect(isA(t, "Article")).toBe(true);
    }
    expect(ORGANIZATION_TYPES).toContain("NewsMediaOrganization");
  });

  it("allows every property toJsonLd emits on its node's type (full article, every type)", () => {
    for (const type of ARTICLE_TYPES) {
      expect(check(toJsonLd(full, { type })), type).toEqual([]);
      expect(check(toJsonLd(full, { type, includeClaims: true })), type).toEqual([]);
    }
  });

  it("allows every property toJsonLd emits on its node's type (property)", () => {
    fc.assert(
      fc.property(
        anyArticle,
        fc.constantFrom(...ARTICLE_TYPES),
        fc.boolean(),
        (a, type, includeClaims) => {
          expect(check(toJsonLd(a, { type, includeClaims }))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds a property on the wrong type (the check itself works)", () => {
    expect(
      check({ "@context": "https://schema.org", "@type": "BlogPosting", dateline: "X -" }),
    ).toEqual(["$.dateline: not expected on BlogPosting"]);
    expect(check({ "@type": "Person", name: "A", logo: "https://e.com/l.png" })).toEqual([
      "$.logo: not expected on Person",
    ]);
  });
});
