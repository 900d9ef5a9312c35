import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Article } from "../src/index.js";
import { ArticleSchema, parseMarkdown, parseText } from "../src/index.js";
import { createContext } from "../src/parse/context.js";
import { buildArticle } from "../src/parse/pipeline.js";
import { textToBlocks } from "../src/parse/text.js";
import { type Block, sourceOffset } from "../src/parse/types.js";

const seed = readFileSync(new URL("../examples/empty-alert.txt", import.meta.url), "utf8");

/** Parse and return the article, checking it is valid. */
function article(input: string, options: Parameters<typeof parseText>[1] = {}): Article {
  const result = parseText(input, options);
  expect(result.article).toBeDefined();
  const a = result.article as Article;
  expect(ArticleSchema.safeParse(a).success).toBe(true);
  return a;
}

/** Every paragraph span starts/ends on text, and collapsing the slice gives the text. */
function expectParagraphSpans(input: string, a: Article): void {
  for (const p of a.body) {
    expect(p.span).toBeDefined();
    const slice = input.slice(p.span?.start, p.span?.end);
    expect(slice.replace(/\s+/g, " ")).toBe(p.text);
  }
}

// An invented wire story in the Reuters layout: title, byline, dateline, 4-space indents,
// hard wraps near 65 columns, sign-off.
const wire = [
  "ACME WIDGETS SEES HIGHER 1987 PROFIT",
  "    By Mara Quist, Reuters",
  "    LONDON, March 5 - Acme Widgets Plc said it expects a",
  "strong rise in profit this year as demand for its blue widgets",
  "grows in Europe and North America.",
  "    Chairman Tobias Renn told reporters the group would spend",
  "40 mln stg on a new plant.",
  "    Shr 12.1p vs 10.4p",
  " REUTER",
  "",
].join("\n");

describe("parseText: the seed article", () => {
  const a = article(seed, { referenceDate: "2024-02-01" });

  it("reads the headline and the dateline", () => {
    expect(a.headline).toBe("Empty alert");
    expect(a.dateline?.place).toBe("TEHRAN");
    expect(a.dateline?.text).toBe("TEHRAN –");
    const span = a.dateline?.span;
    expect(span && seed.slice(span.start, span.end)).toBe(a.dateline?.text);
  });

  it("reads the byline at the end, and keeps it out of the body", () => {
    expect(a.byline?.authors).toEqual([{ type: "Person", name: "Sadegh Fereydounabadi" }]);
    const span = a.byline?.span;
    expect(span).toBeDefined();
    const lastLine = seed.trimEnd().split("\n").at(-1);
    expect(span && seed.slice(span.start, span.end)).toBe(lastLine);
    expect(a.body.some((p) => p.text.includes("Fereydounabadi"))).toBe(false);
  });

  it("has 10 body paragraphs, and a paragraph starting 'By assuming' is body", () => {
    expect(a.body).toHaveLength(10);
    expect(a.body[0]?.text.startsWith("On January 3, two Daesh")).toBe(true);
    expect(a.body[9]?.text.startsWith("By assuming the role")).toBe(true);
    expectParagraphSpans(seed, a);
  });
});

describe("parseText: wire copy with indents and hard wraps", () => {
  const a = article(wire, { referenceDate: "1987-03-05" });

  it("keeps the ALL-CAPS headline as written", () => {
    expect(a.headline).toBe("ACME WIDGETS SEES HIGHER 1987 PROFIT");
  });

  it("reads the byline with its affiliation", () => {
    expect(a.byline?.text).toBe("By Mara Quist, Reuters");
    expect(a.byline?.authors).toEqual([
      { type: "Person", name: "Mara Quist", affiliation: "Reuters" },
    ]);
  });

  it("reads the dateline and resolves the year", () => {
    expect(a.dateline).toMatchObject({
      text: "LONDON, March 5 -",
      place: "LONDON",
      date: "1987-03-05",
    });
  });

  it("joins hard-wrapped lines, starts the body after the dateline, drops the sign-off", () => {
    expect(a.body.map((p) => p.text)).toEqual([
      "Acme Widgets Plc said it expects a strong rise in profit this year as demand for its blue widgets grows in Europe and North America.",
      "Chairman Tobias Renn told reporters the group would spend 40 mln stg on a new plant.",
      "Shr 12.1p vs 10.4p",
    ]);
    expect(a.body[0]?.span?.start).toBe(wire.indexOf("Acme Widgets Plc"));
    expectParagraphSpans(wire, a);
  });
});

describe("parseText: byline and dateline text as written", () => {
  it("keeps a byline wrapped over two lines as written, its span slicing the input to it", () => {
    const input =
      "ACME WIDGETS SEES HIGHER PROFIT\n    By Mara Quist and\nTobias Renn, Reuters\n" +
      "    LONDON, March 5 - Acme Widgets Plc said it expects a strong rise in\n" +
      "profit this year, and more of the same next year.\n REUTER\n";
    const a = article(input);
    expect(a.byline?.text).toBe("By Mara Quist and\nTobias Renn, Reuters");
    expect(a.byline?.span && input.slice(a.byline.span.start, a.byline.span.end)).toBe(
      a.byline?.text,
    );
    expect(a.byline?.authors.map((x) => x.name)).toEqual(["Mara Quist", "Tobias Renn"]);
    expect(a.dateline?.span && input.slice(a.dateline.span.start, a.dateline.span.end)).toBe(
      "LONDON, March 5 -",
    );
  });
});

describe("parseText: wire titles that look like other things", () => {
  it("does not read a title with commas as a byline, nor a title with a dash as a dateline", () => {
    const input = [
      "NORDIC TIMBER, PULP PRICES FALL",
      "    OSLO, April 2 - Timber prices fell again, traders said.",
      " Reuter",
      "",
    ].join("\n");
    const a = article(input, { referenceDate: "1987-04-02" });
    expect(a.headline).toBe("NORDIC TIMBER, PULP PRICES FALL");
    expect(a.byline).toBeUndefined();
    expect(a.dateline?.date).toBe("1987-04-02");
    const b = article(
      "OSLO PORT SUBSIDY TO END JUNE 1 - MINISTER\n    OSLO, April 2 - The subsidy ends.\n",
    );
    expect(b.headline).toBe("OSLO PORT SUBSIDY TO END JUNE 1 - MINISTER");
    expect(b.dateline?.place).toBe("OSLO");
  });

  it("drops a sign-off written at the end of the last line, and one under it", () => {
    const input = "A TITLE\n    OSLO, April 2 - Prices fell, traders\nsaid. REUTER\n Reuter\n";
    const a = article(input);
    expect(a.body.map((p) => p.text)).toEqual(["Prices fell, traders said."]);
    expectParagraphSpans(input, a);
  });

  it("ignores a leading byte order mark (no indentation), its spans indexing the input", () => {
    const input = [
      "NORDIC MILL 1986 RESULT",
      "    BERGEN, April 2 - Group profit 41.2 mln crowns vs 38 mln.",
      "    Sales 1.20 billion crowns vs 1.09 billion.",
      "    Proposed dividend 2.10 crowns vs 1.80 crowns.",
      " REUTER",
      "",
    ].join("\n");
    const a = article(input, { referenceDate: "1987-04-02" });
    const b = article(`\ufeff${input}`, { referenceDate: "1987-04-02" });
    expect(b.headline).toBe(a.headline);
    expect(b.body.map((p) => p.text)).toEqual(a.body.map((p) => p.text));
    expect(b.body.map((p) => p.span?.start)).toEqual(a.body.map((p) => (p.span?.start ?? 0) + 1));
    expect(b.dateline?.span?.start).toBe((a.dateline?.span?.start ?? 0) + 1);
    expectParagraphSpans(`\ufeff${input}`, b);
  });

  it("keeps a wrapped line that looks like a sign-off inside the text ('30.', 'Reuters.')", () => {
    const input = [
      "ACME SELLS BOAT UNIT",
      "    OSLO, April 2 - Acme said it sold its boat unit to a group of",
      "investors, a deal that its chairman, Tobias Renn, described to",
      "Reuters.",
      "    The price is due to be paid in full on April",
      "30.",
      " REUTER",
      "",
    ].join("\n");
    const a = article(input, { referenceDate: "1987-04-02" });
    expect(a.body.map((p) => p.text)).toEqual([
      "Acme said it sold its boat unit to a group of investors, a deal that its chairman, Tobias Renn, described to Reuters.",
      "The price is due to be paid in full on April 30.",
    ]);
    expectParagraphSpans(input, a);
    // a sign-off of its own at the end is still dropped, "-30-" as well as "REUTER"
    const end = article("A TITLE\n    OSLO, April 2 - Prices fell, traders\nsaid.\n-30-\n");
    expect(end.body.map((p) => p.text)).toEqual(["Prices fell, traders said."]);
  });
});

describe("parseText: blank-line paragraphs", () => {
  const text =
    "Council approves budget.\n\nThe city council on Tuesday approved a budget.\n\nThe vote was 7-2.\n";
  const a = article(text);

  it("takes the title line as headline (dropping its final period) and the rest as body", () => {
    expect(a.headline).toBe("Council approves budget");
    expect(a.body.map((p) => p.text)).toEqual([
      "The city council on Tuesday approved a budget.",
      "The vote was 7-2.",
    ]);
  });

  it("reads a subheadline and a top byline", () => {
    const b = article(
      "Big storm hits coast\nThousands left without power overnight\nBy Ana Ruiz and Li Wen\n\nRain fell.",
    );
    expect(b.headline).toBe("Big storm hits coast");
    expect(b.alternativeHeadline).toBe("Thousands left without power overnight");
    expect(b.byline?.authors.map((x) => x.name)).toEqual(["Ana Ruiz", "Li Wen"]);
    expect(b.body.map((p) => p.text)).toEqual(["Rain fell."]);
  });

  it("reads end credits as authors with roles", () => {
    const b = article(
      "Talks resume\n\nGENEVA, July 1 (Reuters) - Talks resumed.\n\n(Reporting by Ana Ruiz in Geneva; Additional reporting by Li Wen; Editing by Tom Pike)",
    );
    expect(b.byline?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Reporting" },
      { type: "Person", name: "Li Wen", role: "Additional reporting" },
      { type: "Person", name: "Tom Pike", role: "Editing" },
    ]);
    expect(b.body.map((p) => p.text)).toEqual(["Talks resumed."]);
    expect(b.dateline?.agency).toBe("Reuters");
  });
});

describe("parseText: diagnostics", () => {
  it("makes a headline from the first words when there is no title", () => {
    const r = parseText(
      "WASHINGTON (AP) — The Senate passed the bill on Friday. It now goes to the House.",
    );
    expect(r.article?.headline).toBe("The Senate passed the bill on Friday");
    expect(r.article?.dateline?.agency).toBe("AP");
    expect(r.diagnostics.map((d) => d.ruleId)).toContain("missing-headline");
  });

  it("reports a missing byline and dateline as info", () => {
    const r = parseText("A title\n\nSome body text.");
    const ids = r.diagnostics.map((d) => [d.ruleId, d.severity]);
    expect(ids).toContainEqual(["missing-byline", "info"]);
    expect(ids).toContainEqual(["missing-dateline", "info"]);
  });

  it("keeps --MM-DD without a reference date, and says so", () => {
    const r = parseText("A title\n\nPARIS, Sept. 5 (AFP) - Body.");
    expect(r.article?.dateline?.date).toBe("--09-05");
    expect(r.diagnostics.map((d) => d.ruleId)).toContain("dateline-date-without-year");
  });

  it("warns about a date far from the reference date and an impossible date", () => {
    const far = parseText("A title\n\nPARIS, July 1 - Body.", { referenceDate: "2024-01-02" });
    expect(far.diagnostics.map((d) => d.ruleId)).toContain("ambiguous-dateline-date");
    const bad = parseText("A title\n\nPARIS, Feb. 30 - Body.", { referenceDate: "2024-01-02" });
    expect(bad.article?.dateline?.date).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.ruleId)).toContain("invalid-dateline-date");
  });

  it("warns about a line that starts like a byline but has no names", () => {
    const r = parseText("A title\nBy staff reports\n\nBody text.");
    expect(r.diagnostics.map((d) => d.ruleId)).toContain("unrecognised-byline");
  });

  it("returns no article for whitespace-only input", () => {
    const r = parseText(" \n\t\u00a0\n");
    expect(r.article).toBeUndefined();
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["empty-input"]);
  });

  it("throws a TypeError only for a non-string input", () => {
    expect(() => parseText(42 as unknown as string)).toThrow(TypeError);
  });
});

describe("textToBlocks", () => {
  it("treats each line as a paragraph when lines are not hard-wrapped", () => {
    const long = "x".repeat(200);
    const blocks = textToBlocks(`Title\n${long} one.\n${long} two.\n`);
    expect(blocks.map((b) => b.text.slice(-4))).toEqual(["itle", "one.", "two."]);
  });

  it("joins hard-wrapped lines within blank-line paragraphs, each character where it is in the source", () => {
    const line = "word ".repeat(14).trim();
    // single line breaks: no map (offset i is `start + i`); CRLF, indentation, two spaces
    // or a tab in a line: a map
    for (const [input, mapped] of [
      [`Title\n\n${line}\n${line}\nend.\n\nNext.`, false],
      [`Title\n\n${line}\r${line}\rend.\n\nNext.`, false],
      [`Title\n\n${line}\r\n${line}\r\nend.\n\nNext.`, true],
      [`Title\n\n ${line}\n ${line}\n end.\n\nNext.`, true],
      [`Title\n\n${line}\n${line}  \nend.\n\nNext.`, true],
      [`Title\n\n${line}\n${line.replace(" ", "\t")}\nend.\n\nNext.`, true],
      [`Title\n\n${line}\n${line.replace(" ", "\u2003")}\nend.\n\nNext.`, true],
    ] as const) {
      const blocks = textToBlocks(input);
      expect(blocks).toHaveLength(3);
      const b = blocks[1] as Block;
      expect(b.text).toBe(`${line} ${line} end.`);
      expect(b.map !== undefined).toBe(mapped);
      // every character maps back to the same character in the source
      for (let i = 0; i < b.text.length; i++) {
        const at = sourceOffset(b, i);
        const c = b.text[i];
        expect(c === " " ? /\s/.test(input[at] ?? "") : input[at] === c).toBe(true);
      }
    }
  });

  it("makes every whitespace run in a line one space", () => {
    const input = "Title\n\nOne  two\tthree \u00a0four\u2003five \ufeffsix\u3000 seven.";
    const b = textToBlocks(input)[1] as Block;
    expect(b.text).toBe("One two three four five six seven.");
    for (let i = 0; i < b.text.length; i++) {
      const c = b.text[i];
      const at = sourceOffset(b, i);
      expect(c === " " ? /\s/.test(input[at] ?? "") : input[at] === c).toBe(true);
    }
  });

  it("handles CRLF and CR line ends", () => {
    const blocks = textToBlocks("Title\r\n\r\nBody one.\rBody two.");
    expect(blocks.map((b) => b.text)).toEqual(["Title", "Body one.", "Body two."]);
  });

  it("reads a 1 MB line and a million newlines (timed by npm run hostile)", () => {
    expect(
      parseText(`LONDON - ${"word ".repeat(200_000)}`, { claims: false }).article?.dateline?.place,
    ).toBe("LONDON");
    expect(parseText("\n".repeat(1_000_000), { claims: false }).article).toBeUndefined();
    expect(
      parseText("a\n".repeat(500_000), { claims: false }).article?.body.length,
    ).toBeGreaterThan(0);
  });
});

describe("buildArticle with fields a front end already knows", () => {
  const input =
    "Intro line that is a paragraph here\nBy Ana Ruiz\n\nPARIS, May 2 (AFP) - Body text.";

  it("does not take the first block as headline when the headline is known", () => {
    const ctx = createContext(input, {});
    const a = buildArticle(textToBlocks(input), ctx, { headline: "From front matter" });
    expect(a.headline).toBe("From front matter");
    expect(a.body[0]?.text).toBe("Intro line that is a paragraph here");
    expect(ArticleSchema.safeParse(a).success).toBe(true);
  });

  it("lets a known byline win, warns about a different one, and still removes it from the body", () => {
    const ctx = createContext(input, {});
    const known = { text: "Li Wen", authors: [{ type: "Person" as const, name: "Li Wen" }] };
    const a = buildArticle(textToBlocks(input), ctx, { byline: known });
    expect(a.byline).toEqual(known);
    expect(a.body.map((p) => p.text)).toEqual(["Body text."]);
    expect(ctx.diagnostics.map((d) => d.ruleId)).toContain("front-matter-conflict");
  });

  it("does not warn when the byline in the text names the same authors", () => {
    const ctx = createContext(input, {});
    const known = { text: "Ana Ruiz", authors: [{ type: "Person" as const, name: "Ana Ruiz" }] };
    buildArticle(textToBlocks(input), ctx, { byline: known });
    expect(ctx.diagnostics.map((d) => d.ruleId)).not.toContain("front-matter-conflict");
  });
});

describe("options.url", () => {
  const text = "Bridge reopens\n\nThe bridge reopened on Monday, the mayor said.\n";

  it("keeps an absolute http(s) URL as the article's url", () => {
    const { article, diagnostics } = parseText(text, { url: "https://example.com/bridge" });
    expect(article?.url).toBe("https://example.com/bridge");
    expect(diagnostics.map((d) => d.ruleId)).not.toContain("invalid-url");
  });

  it.each(["javascript:alert(1)", "ftp://example.com/a", "mailto:desk@example.com", "/bridge"])(
    "ignores %s with a diagnostic, and the article stays valid",
    (url) => {
      for (const { article, diagnostics } of [
        parseText(text, { url }),
        parseMarkdown(`# Bridge\n\n![map](map.png)\n\n${text}`, { url }),
      ]) {
        expect(article?.url).toBeUndefined();
        expect(article?.images).toEqual([]);
        expect(diagnostics.map((d) => d.ruleId)).toContain("invalid-url");
        expect(ArticleSchema.safeParse(article).success).toBe(true);
      }
    },
  );
});

describe("options.referenceDate", () => {
  const text = "Bridge reopens\n\nLIMA, March 5 - The bridge reopened on Monday.\n";

  it("resolves a year-less dateline date against it", () => {
    const { article } = parseText(text, { referenceDate: "2024-01-10" });
    expect(article?.dateline?.date).toBe("2024-03-05");
  });

  it.each(["9999-12-31", "0099-06-01"])(
    "ignores %s, whose neighbour years are no four-digit ISO years, with a diagnostic",
    (referenceDate) => {
      const { article, diagnostics } = parseText(text, { referenceDate });
      expect(article?.dateline?.date).toBe("--03-05");
      expect(diagnostics.map((d) => d.ruleId)).toContain("invalid-reference-date");
      expect(ArticleSchema.safeParse(article).success).toBe(true);
    },
  );
});

describe("options.referenceDate from untyped callers", () => {
  it("reports a number instead of reading it as milliseconds", () => {
    const text = "Bridge reopens\n\nLIMA, March 5 - The bridge reopened on Monday.\n";
    const options = { referenceDate: 1_700_000_000_000 } as unknown as { referenceDate: string };
    const { article, diagnostics } = parseText(text, options);
    expect(article?.dateline?.date).toBe("--03-05");
    expect(diagnostics.map((d) => d.ruleId)).toContain("invalid-reference-date");
  });
});

describe("options from untyped callers and edge values", () => {
  const text = "Bridge reopens\n\nLIMA, March 5 - The bridge reopened on Monday.\n";

  it("reports a language that is not a string instead of throwing", () => {
    const options = { language: 5 } as unknown as { language: string };
    const { article, diagnostics } = parseText(text, options);
    expect(article?.language).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toContain("invalid-language");
  });

  it("reports a reference day that does not exist instead of rolling it over", () => {
    const { article, diagnostics } = parseText(text, { referenceDate: "2024-02-30" });
    expect(article?.dateline?.date).toBe("--03-05");
    expect(diagnostics.map((d) => d.ruleId)).toContain("invalid-reference-date");
  });

  it("gives no article for whitespace of any kind, in both parsers", () => {
    for (const blank of ["\u00a0", "\u2028", "\u3000 \n", "\uFEFF"]) {
      for (const { article, diagnostics } of [parseText(blank), parseMarkdown(blank)]) {
        expect(article).toBeUndefined();
        expect(diagnostics.map((d) => d.ruleId)).toEqual(["empty-input"]);
      }
    }
  });
});
