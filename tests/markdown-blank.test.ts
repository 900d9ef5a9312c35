import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../src/index.js";

describe("parseMarkdown around blank lines", () => {
  it("gives no article, and an empty-input error, for whitespace alone", () => {
    const result = parseMarkdown(`${"\n".repeat(50_000)} \t\r\n`);
    expect(result.article).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(["empty-input"]);
  });

  it("reads the same article whatever trails it, with spans into the input", () => {
    const text = "# Budget passes\n\n*By Ana Ruiz*\n\nLIMA – “It is done,” the minister said.\n";
    const plain = parseMarkdown(text).article;
    const padded = `${text}${"\n".repeat(10_000)}   \n`;
    const trailing = parseMarkdown(padded).article;
    expect(trailing).toEqual(plain);
    const claim = trailing?.claims[0];
    expect(claim && padded.slice(claim.span.start, claim.span.end)).toBe("It is done");
  });
});
