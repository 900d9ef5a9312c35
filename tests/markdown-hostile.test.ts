import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ArticleSchema, parseMarkdown } from "../src/index.js";
import { guardMarkdown, MAX_QUOTE_DEPTH, NEUTRAL } from "../src/parse/markdown/guard.js";

/** Markdown-ish strings: markup characters, words, line endings, front matter fences. */
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "*",
        "_",
        "**",
        "[",
        "]",
        "(",
        ")",
        "![",
        "`",
        ">",
        "> ",
        "#",
        "# ",
        "-",
        "- ",
        "1. ",
        "\n",
        "\n\n",
        "\r\n",
        "  \n",
        "\\",
        "&amp;",
        "&#x1F600;",
        "&",
        "<b>",
        "{{ x }}",
        "{%",
        "|",
        "| --- |",
        "---\n",
        "+++\n",
        "title: x\n",
        "[x]: y\n",
        '"',
        "“",
        "”",
        " said ",
        "By ",
        "TEHRAN – ",
        "😀",
        "\t",
      ),
      fc.string({ maxLength: 6 }),
      fc.constantFrom("Jane Doe", "the mayor", "word", "Reuters"),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

/** Nothing of a parse may reach the process: no warnings to standard error. */
const warnings = vi.spyOn(process, "emitWarning");
afterAll(() => warnings.mockRestore());

function checkResult(input: string): void {
  warnings.mockClear();
  const result = parseMarkdown(input);
  expect(warnings, JSON.stringify(input)).not.toHaveBeenCalled();
  for (const d of result.diagnostics) {
    if (d.span) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(input.length);
    }
  }
  if (!result.article) return;
  expect(ArticleSchema.safeParse(result.article).success).toBe(true);
  for (const p of result.article.body) {
    if (p.span) expect(p.span.end).toBeLessThanOrEqual(input.length);
  }
  for (const c of result.article.claims) {
    expect(c.span.start).toBeLessThanOrEqual(c.span.end);
    expect(c.span.end).toBeLessThanOrEqual(input.length);
  }
  // Byline and dateline: plain text; the span runs from its first to its last character,
  // and every character of the text is in that slice, in order (markup left out).
  for (const x of [result.article.byline, result.article.dateline]) {
    if (!x?.span) continue;
    expect(x.text.trim()).toBe(x.text);
    expect(x.span.start).toBeLessThan(x.span.end);
    expect(x.span.end).toBeLessThanOrEqual(input.length);
    const slice = input.slice(x.span.start, x.span.end);
    expect(slice.length).toBeGreaterThan(0);
    if (!/[&\\]/.test(slice)) {
      let k = 0;
      for (const ch of x.text) {
        k = slice.indexOf(ch, k);
        expect(k, `${JSON.stringify(x.text)} in ${JSON.stringify(slice)}`).toBeGreaterThanOrEqual(
          0,
        );
        k += ch.length;
      }
    }
  }
}

describe("parseMarkdown on hostile input", () => {
  it("never throws, always gives a valid article with spans inside the input (property)", () => {
    fc.assert(
      fc.property(markdownish, (input) => {
        checkResult(input);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary code units, lone surrogates included (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (input) => {
        checkResult(input);
      }),
      { numRuns: 300 },
    );
  });

  it("reads any front matter of odd YAML lines quietly (property)", () => {
    const line = fc.oneof(
      fc.constantFrom(
        "[x]: y",
        "{a: 1}: z",
        "? complex key",
        ": value",
        "a: [b",
        "a: &anchor x",
        "b: *anchor",
        "c: *missing",
        "- item",
        "key: |",
        "  block text",
        "title: T",
        "author: Jane Doe and John Roe, Reuters",
        "date: 2024-02-30",
        "tags: [a, {b: c}]",
        "image: {url: 'x'}",
        "%YAML 1.2",
        "!!binary aGk=",
        "'quoted",
        '"quoted',
        "\t: tab",
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        checkResult(`---\n${lines.join("\n")}\n---\nBody text, she said.\n`);
      }),
      { numRuns: 400 },
    );
  });

  // Without the guard, remark takes ~90 s on 10^5 `>` and ~70 s on 10^5 `*_`.
  it.each([
    ["10^5 `>`", ">".repeat(100_000)],
    ["10^5 `> `", "> ".repeat(50_000)],
    ["10^5 `*_`", "*_".repeat(50_000)],
    ["10^5 `[`", "[".repeat(100_000)],
    ["10^5 `[a](`", "[a](".repeat(25_000)],
    ["10^5 `{{`", "{{".repeat(50_000)],
  ])("stays fast on %s", (_, input) => {
    const started = performance.now();
    const result = parseMarkdown(input);
    expect(performance.now() - started).toBeLessThan(15_000);
    if (result.article) expect(ArticleSchema.safeParse(result.article).success).toBe(true);
  });

  it("keeps offsets and puts the neutralised characters back into the text", () => {
    const input = `${">".repeat(MAX_QUOTE_DEPTH + 3)} deep`;
    const guarded = guardMarkdown(input);
    expect(guarded.length).toBe(input.length);
    expect(guarded.slice(MAX_QUOTE_DEPTH, MAX_QUOTE_DEPTH + 3)).toBe(NEUTRAL.repeat(3));
    const body = parseMarkdown(`# Title\n\n${input}\n`).article?.body ?? [];
    expect(body.map((p) => p.text)).toEqual([">>> deep"]);
    const stars = `# Title\n\n${"*a* ".repeat(3000)}end\n`;
    const text = parseMarkdown(stars).article?.body[0]?.text ?? "";
    expect(text.startsWith("*a* *a*")).toBe(true);
    expect(text.endsWith("end")).toBe(true);
    // Ordinary posts are left alone.
    const post = "---\ntitle: x\n---\n> quote\n\n*a* [b](c)\n";
    expect(guardMarkdown(post)).toBe(post);
    // Many `>` (HTML) but no deep line: left alone; a deep line after them is neutralised.
    const html = `${"<p>a</p>\n".repeat(40)}> > quote\n`;
    expect(guardMarkdown(html)).toBe(html);
    const deep = `${html}\n \t${"> ".repeat(MAX_QUOTE_DEPTH + 1)}deep\n`;
    expect(guardMarkdown(deep).split(NEUTRAL)).toHaveLength(2);
    expect(guardMarkdown(deep.replace(/\n/g, "\r\n")).split(NEUTRAL)).toHaveLength(2);
  });
});
