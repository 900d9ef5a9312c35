import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { walk } from "../src/parse/markdown/blocks.js";
import { findFrontMatter, frontMatterOf } from "../src/parse/markdown/fence.js";
import { markdownParser } from "../src/parse/markdown/processor.js";
import { parseMarkdown } from "../src/parse/markdown.js";

/** Lines that make, nearly make and break front matter fences, and some Markdown. */
const line = fc.oneof(
  fc.constantFrom(
    "---",
    "+++",
    "----",
    "--",
    "-- -",
    "--- ",
    "---\t",
    "--- \t ",
    " ---",
    "+++  ",
    "++++",
    "---a",
    "***",
    "===",
    "",
    "  ",
    "title: Empty alert",
    "tags: [a, b]",
    'title = "x"',
    "# Heading",
    "Heading",
    "> a quote, he said.",
    "- item",
    "[x]: https://example.com",
    "![alt](https://example.com/a.png)",
    "```",
    "<!--",
    "\\",
    "*By Jane Doe*",
    "**TEHRAN** – On Monday",
  ),
  fc.stringMatching(/^[a-z -]{0,6}$/),
);
const ending = fc.constantFrom("\n", "\n", "\r\n", "\r");
/** Sources that start with a fence most of the time. */
const source = fc
  .tuple(
    fc.constantFrom("---", "+++", "---", "--- ", "----", ""),
    fc.array(fc.tuple(ending, line), { maxLength: 10 }),
    fc.constantFrom("", "\n", "\r\n"),
  )
  .map(([open, lines, end]) => open + lines.map(([e, l]) => e + l).join("") + end);

describe("front matter found before the Markdown parse", () => {
  it("is what remark-frontmatter finds: format, value, span and value offset (property)", () => {
    const parse = markdownParser(false);
    let found = 0;
    fc.assert(
      fc.property(source, (input) => {
        const first = parse(input).children[0];
        const fence = findFrontMatter(input);
        if (!first || (first.type !== "yaml" && (first.type as string) !== "toml")) {
          expect(fence, JSON.stringify(input)).toBeUndefined();
          return;
        }
        found++;
        expect(fence, JSON.stringify(input)).toBeDefined();
        if (!fence) return;
        const node = frontMatterOf(fence, input);
        expect(node.format).toBe(first.type);
        expect(node.value).toBe((first as { value: string }).value);
        expect(node.span).toEqual({
          start: first.position?.start.offset,
          end: first.position?.end.offset,
        });
        // the value starts right after the opening fence's line ending
        expect(input.startsWith(node.value, node.valueStart)).toBe(true);
        expect(input.slice(3, node.valueStart).trim()).toBe("");
      }),
      { numRuns: 3000 },
    );
    // the sources are built so that many of them have front matter
    expect(found).toBeGreaterThan(300);
  });

  it("gives the same blocks when only the body is parsed as when remark parses it all (property)", () => {
    const parse = markdownParser(false);
    const body = fc
      .array(fc.tuple(ending, line), { maxLength: 12 })
      .map((lines) => lines.map(([e, l]) => e + l).join(""));
    fc.assert(
      fc.property(
        fc.constantFrom("---\ntitle: x\n---", "+++\r\ntitle = 1\r\n+++ ", "---\r---"),
        body,
        (head, rest) => {
          const input = head + rest;
          const fence = findFrontMatter(input);
          expect(fence).toBeDefined();
          if (!fence) return;
          const whole = walk(parse(input), input);
          const split = walk(parse(input.slice(fence.end)), input, input, false, fence.end);
          expect(split).toEqual(whole);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("finds no front matter without a closing fence or with a longer fence", () => {
    expect(findFrontMatter("---\ntitle: x\n")).toBeUndefined();
    expect(findFrontMatter("---\ntitle: x\n----\n")).toBeUndefined();
    expect(findFrontMatter("----\ntitle: x\n---\n")).toBeUndefined();
    expect(findFrontMatter("---\ntitle: x\n+++\n")).toBeUndefined();
    expect(findFrontMatter(" ---\ntitle: x\n---\n")).toBeUndefined();
    expect(findFrontMatter("---")).toBeUndefined();
    expect(findFrontMatter("")).toBeUndefined();
  });

  it("reads the post's fields, body spans into the Markdown, with every line ending", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const input = [
        "--- ",
        "title: Empty alert",
        "author: Sadegh Fereydounabadi",
        "---",
        "**TEHRAN** – Officials said the alarm was a test.",
        "",
      ].join(eol);
      const { article } = parseMarkdown(input);
      expect(article?.headline).toBe("Empty alert");
      expect(article?.byline?.authors.map((a) => a.name)).toEqual(["Sadegh Fereydounabadi"]);
      expect(article?.dateline?.place).toBe("TEHRAN");
      const paragraph = article?.body[0];
      expect(paragraph?.text).toBe("Officials said the alarm was a test.");
      const span = paragraph?.span;
      expect(span && input.slice(span.start, span.end)).toBe(paragraph?.text);
      const dateline = article?.dateline?.span;
      expect(dateline?.start).toBe(input.indexOf("TEHRAN"));
    }
  });
});
