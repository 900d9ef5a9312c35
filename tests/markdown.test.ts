import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleSchema, parseMarkdown } from "../src/index.js";
import { walk } from "../src/parse/markdown/blocks.js";
import { stripTemplating } from "../src/parse/markdown/inline.js";
import { markdownParser } from "../src/parse/markdown/processor.js";

const fixtures = join(import.meta.dirname, "fixtures", "markdown");
const fixture = (name: string): string => readFileSync(join(fixtures, name), "utf8");

/** Every non-space character of every block maps to that character (or to a `&` reference / escape) in the source. */
function expectExactMaps(source: string, gfm = false): void {
  const { blocks } = walk(markdownParser(gfm)(source), source);
  for (const block of blocks) {
    const map = block.map;
    expect(map, block.text).toBeDefined();
    if (!map) continue;
    expect(map.length).toBe(block.text.length + 1);
    for (let i = 0; i < block.text.length; i++) {
      const char = block.text[i] as string;
      if (char === " ") continue;
      const at = map[i] as number;
      const found = source[at];
      const ok = found === char || found === "&" || (found === "\\" && source[at + 1] === char);
      if (!ok)
        throw new Error(
          `block ${JSON.stringify(block.text.slice(0, 40))}: text[${i}] ${char} maps to ${JSON.stringify(found)} at ${at}`,
        );
    }
    for (let i = 1; i < map.length; i++)
      expect(map[i] as number).toBeGreaterThanOrEqual(map[i - 1] as number);
  }
}

describe("parseMarkdown: front matter (18F posts, public domain)", () => {
  it("reads title, date, handles, tags, excerpt and image from Jekyll YAML the strict reader rejects", () => {
    const source = fixture("2015-07-17-the-new-10.md");
    const { article, diagnostics } = parseMarkdown(source, { url: "https://18f.gsa.gov/" });
    expect(article?.headline).toBe("Show me the money: 18F works with Treasury on #TheNew10");
    expect(article?.datePublished).toBe("2015-07-17");
    expect(article?.byline?.authors).toEqual([{ type: "Person", name: "kara" }]);
    expect(article?.keywords).toEqual([
      "agency work",
      "user-centered design",
      "treasury",
      "new ten",
    ]);
    expect(article?.images[0]?.url).toBe(
      "https://18f.gsa.gov/assets/blog/the-new-10/the-new-10.jpg",
    );
    expect(article?.description).toMatch(
      /^Shortly after joining 18F Consulting, the opportunity to work on a Department of the Treasury project/,
    );
    const repaired = diagnostics.find((d) => d.ruleId === "front-matter-yaml-repaired");
    expect(repaired?.severity).toBe("info");
    expect(repaired?.start?.line).toBeGreaterThan(1);
    // The embedded tweets (HTML blocks) are not body text.
    expect(article?.body.some((p) => p.text.includes("twitter-tweet"))).toBe(false);
    expect(ArticleSchema.safeParse(article).success).toBe(true);
  });

  it("reads folded `title: >` and drops {{ templating }} from the text and link targets", () => {
    const source = fixture("2024-03-19-18f-at-ten.md");
    const { article } = parseMarkdown(source, { url: "https://18f.gsa.gov/" });
    expect(article?.headline).toBe("18F at ten");
    expect(article?.images[0]).toEqual({
      url: "https://18f.gsa.gov/assets/blog/10-anniversary/10-anniv-dark.jpg",
      caption: "The number 10 surrounded by confetti",
    });
    expect(article?.body[0]?.text).toMatch(
      /^It’s been a decade since we launched 18F with a “Hello, world” blog post/,
    );
    expect(article?.body.some((p) => /\{\{|\{%/.test(p.text))).toBe(false);
    expectExactMaps(source);
  });

  it("without options.url, drops a relative front-matter image with a diagnostic", () => {
    const { article, diagnostics } = parseMarkdown(fixture("2024-03-19-18f-at-ten.md"));
    expect(article?.images).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toContain("image-relative-url");
  });

  it("maps every character of the 18F posts back into the Markdown", () => {
    for (const name of [
      "2016-08-25-micro-purchase-design-philosophy-do-one-thing-well.md",
      "2017-09-21-method-cards-tune-up.md",
      "2015-07-17-the-new-10.md",
    ]) {
      expectExactMaps(fixture(name));
    }
  });

  it("splits a CDS-style byline string into people with their role, and reads the other keys", () => {
    const source = fixture("cds-style.md");
    const { article } = parseMarkdown(source);
    expect(article?.byline?.text).toBe("Max Neuvians and Tim Arney, Developers");
    expect(article?.byline?.authors).toEqual([
      { type: "Person", name: "Max Neuvians", role: "Developers" },
      { type: "Person", name: "Tim Arney", role: "Developers" },
    ]);
    expect(article?.datePublished).toBe("2020-02-18T09:00:00-04:00");
    expect(article?.dateModified).toBe("2020-03-01T10:15:00Z");
    expect(article?.description).toBe(
      "What we learned rebuilding a benefits form with the people who fill it in, and why we stopped asking for the same thing twice.",
    );
    expect(article?.keywords).toEqual(["forms", "accessibility", "delivery"]);
    expect(article?.language).toBe("en-CA");
    expect(article?.images[0]).toEqual({
      url: "https://example.org/uploads/form-banner.jpg",
      caption: "A paper form with most of its boxes crossed out.",
    });
  });

  it("keeps tables, code, HTML blocks and {% tags %} out of the body", () => {
    const { article } = parseMarkdown(fixture("cds-style.md"));
    const texts = article?.body.map((p) => p.text) ?? [];
    expect(
      texts.some(
        (t) =>
          t.includes("| step |") ||
          t.includes("const unused") ||
          t.includes("callout") ||
          t.includes("include note"),
      ),
    ).toBe(false);
    expect(texts.at(-1)).toBe(
      "The team now reviews every new question against one rule: if we already know it, don't ask.",
    );
    const gfm = parseMarkdown(fixture("cds-style.md"), { gfm: true }).article;
    expect(gfm?.body.map((p) => p.text)).toEqual(texts);
  });

  it("turns a blockquote with a dash attribution into a direct claim with spans into the source", () => {
    const source = fixture("cds-style.md");
    const { article } = parseMarkdown(source);
    const claim = article?.claims.find((c) => c.text === "Ask once, use it everywhere.");
    expect(claim?.kind).toBe("direct");
    expect(claim?.speaker?.name).toBe("Jane Roe");
    expect(claim && source.slice(claim.span.start, claim.span.end)).toBe(
      "Ask once, use it everywhere.",
    );
    const speaker = claim?.speaker?.span;
    expect(speaker && source.slice(speaker.start, speaker.end)).toBe("Jane Roe");
    expect(claim && article?.body[claim.paragraph]?.text.startsWith("Ask once")).toBe(true);
  });

  it("reads TOML (+++) front matter with an author table", () => {
    const { article } = parseMarkdown(fixture("toml.md"));
    expect(article?.headline).toBe("Notes from the field");
    expect(article?.datePublished).toBe("2024-01-05T08:00:00+08:00");
    expect(article?.keywords).toEqual(["research", "travel"]);
    expect(article?.description).toBe("Three weeks, four cities.");
    expect(article?.byline?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", url: "https://example.org/ana" },
    ]);
  });

  it("reports broken TOML at the error (line and column) and keeps the other keys", () => {
    const source =
      '+++\ntitle = "Field notes"\nbad line\ntags = ["a", "b"]\ndate = 2024-01-05\n+++\n\nBody.\n';
    const { article, diagnostics } = parseMarkdown(source);
    const invalid = diagnostics.filter((d) => d.ruleId === "front-matter-invalid");
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.severity).toBe("error");
    expect(invalid[0]?.start?.line).toBe(3);
    expect(invalid[0]?.span && source.slice(invalid[0].span.start, invalid[0].span.end)).toBe(
      "line",
    );
    expect(article?.headline).toBe("Field notes");
    expect(article?.keywords).toEqual(["a", "b"]);
    expect(article?.datePublished).toBe("2024-01-05");
    expect(article?.body.map((p) => p.text)).toEqual(["Body."]);
  });

  it("reports broken YAML with its position and still parses the body", () => {
    const source = fixture("broken-yaml.md");
    const { article, diagnostics } = parseMarkdown(source);
    const invalid = diagnostics.find((d) => d.ruleId === "front-matter-invalid");
    expect(invalid?.severity).toBe("error");
    expect(invalid?.span && source.slice(invalid.span.start, invalid.span.start + 20)).toBe(
      '"Broken front matter',
    );
    expect(invalid?.start).toMatchObject({ line: 2, column: 8 });
    expect(article?.headline).toBe("Heading stays the headline");
    expect(article?.body.map((p) => p.text)).toEqual(["Body is still parsed."]);
  });

  it("front matter wins over a different title heading, with a diagnostic", () => {
    const source =
      "---\ntitle: The real title\n---\n# Another title\n\nBy Jane Doe\n\nText of the article.\n";
    const { article, diagnostics } = parseMarkdown(source);
    expect(article?.headline).toBe("The real title");
    expect(diagnostics.find((d) => d.ruleId === "front-matter-conflict")?.span).toEqual({
      start: 30,
      end: 45,
    });
    expect(article?.body.map((p) => p.text)).toEqual(["Text of the article."]);
  });

  it("reads author objects, list bylines and date forms", () => {
    const source = [
      "---",
      "title: Objects",
      "publishDate: 2015-03-17 14:00:00 -4",
      "updated: 2015-03-18",
      "authors:",
      "  - name: Ana Ruiz",
      "    url: https://example.org/ana",
      "    twitter: https://twitter.com/ana",
      "  - name: Ben Ortiz",
      "featured_image:",
      "  src: https://example.org/a.jpg",
      "  alt: A photo",
      "  width: 800",
      "canonical: https://example.org/posts/objects",
      "section: Features",
      "---",
      "Body.",
    ].join("\n");
    const { article } = parseMarkdown(source);
    expect(article?.datePublished).toBe("2015-03-17T14:00:00-04:00");
    expect(article?.dateModified).toBe("2015-03-18");
    expect(article?.byline?.authors).toEqual([
      {
        type: "Person",
        name: "Ana Ruiz",
        url: "https://example.org/ana",
        sameAs: ["https://twitter.com/ana"],
      },
      { type: "Person", name: "Ben Ortiz" },
    ]);
    expect(article?.images).toEqual([
      { url: "https://example.org/a.jpg", caption: "A photo", width: 800 },
    ]);
    expect(article?.url).toBe("https://example.org/posts/objects");
    expect(article?.section).toBe("Features");
  });

  it("bounds YAML alias bombs", () => {
    const bomb = [
      "---",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "title: Bomb",
      "---",
      "Body.",
    ].join("\n");
    const started = performance.now();
    const { article, diagnostics } = parseMarkdown(bomb);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics.map((d) => d.ruleId)).toContain("front-matter-alias-limit");
    expect(article?.body.map((p) => p.text)).toEqual(["Body."]);
  });
});

describe("parseMarkdown: structure without front matter", () => {
  it("reads a setext headline, an emphasised byline, a bold dateline, claims and images", () => {
    const source = fixture("no-front-matter.md");
    const { article, diagnostics } = parseMarkdown(source, {});
    expect(article?.headline).toBe("Water rates to rise");
    expect(article?.byline?.authors.map((a) => a.name)).toEqual(["Jane Doe", "John Roe"]);
    expect(article?.dateline?.place).toBe("SPRINGFIELD, Ill.");
    expect(article?.body[0]?.text).toMatch(/^The city council voted/);
    expect(article?.body.at(-1)?.text).toBe("The new rates take effect on July 1.");
    const quote = article?.claims.find((c) => c.kind === "direct");
    expect(quote && source.slice(quote.span.start, quote.span.end)).toBe(
      "We cannot keep patching pipes that are a hundred years old",
    );
    expect(quote?.speaker?.name).toBe("Ana Ruiz");
    expect(article?.images).toEqual([
      { url: "https://example.org/img/pipes.jpg", caption: "Pipes at the treatment plant" },
    ]);
    const dropped = diagnostics.find((d) => d.ruleId === "image-relative-url");
    expect(dropped?.span && source.slice(dropped.span.start, dropped.span.end)).toBe(
      "![A relative image](img/relative.png)",
    );
    expect(ArticleSchema.safeParse(article).success).toBe(true);
  });

  it("resolves relative images against options.url", () => {
    const { article } = parseMarkdown(fixture("no-front-matter.md"), {
      url: "https://example.org/news/water/",
    });
    expect(article?.images.map((i) => i.url)).toEqual([
      "https://example.org/img/pipes.jpg",
      "https://example.org/news/water/img/relative.png",
    ]);
  });

  it("takes the first heading of any level as the headline, even after an intro line", () => {
    const { article } = parseMarkdown(
      "A note before.\n\n### Third-level title\n\nBody text here.\n",
    );
    expect(article?.headline).toBe("Third-level title");
  });

  it("maps text inside emphasis, links, escapes, references, code and blockquotes to the source", () => {
    const source =
      "# T\n\nA *b* **c** [link text](http://x.org) \\*not em\\* &amp; &#x1F600; `co\nde` end\n> quoted *line*\n> two  \n> three\n\n- item **bold**\n";
    const { blocks } = walk(markdownParser(false)(source), source);
    expect(blocks.map((b) => b.text)).toEqual([
      "T",
      "A b c link text *not em* & 😀 co de end",
      "quoted line two three",
      "item bold",
    ]);
    expectExactMaps(source);
    const paragraph = blocks[1];
    const at = paragraph?.text.indexOf("link text") ?? -1;
    expect(
      paragraph?.map && source.slice(paragraph.map[at], (paragraph.map[at + 8] ?? 0) + 1),
    ).toBe("link text");
    expect(blocks[0]?.kind).toBe("heading");
    expect(blocks[0]?.depth).toBe(1);
    expect(blocks[2]?.kind).toBe("blockquote");
    expect(blocks[3]?.kind).toBe("list-item");
  });

  it("keeps the maps of a walk without reuse through later parses (which reuse theirs)", () => {
    const source = "# Title\n\nSome *text* here, &amp; more.\n\n> A quote\n";
    const { blocks } = walk(markdownParser(false)(source), source);
    const before = blocks.map((b) => Array.from(b.map ?? []));
    for (const other of ["# Other\n\nA different post.\n", "Third *post* with text.\n"]) {
      parseMarkdown(other);
      walk(markdownParser(false)(other), other, other, true);
    }
    expect(blocks.map((b) => Array.from(b.map ?? []))).toEqual(before);
    expectExactMaps(source);
  });

  it("marks a strong lead and a wholly emphasised block", () => {
    const source = "**TEHRAN** – Text.\n\n*By Jane Doe*\n";
    const { blocks } = walk(markdownParser(false)(source), source);
    expect(blocks[0]?.strongLead?.text).toBe("TEHRAN");
    expect(blocks[0]?.strongLead?.start).toBe(2);
    expect(blocks[1]?.emphasisWhole).toBe(true);
  });

  it("handles CRLF line endings", () => {
    const source =
      "---\r\ntitle: Windows\r\ntags:\r\n  - a\r\n---\r\n\r\nLine one\r\nline two.\r\n";
    const { article } = parseMarkdown(source);
    expect(article?.headline).toBe("Windows");
    expect(article?.keywords).toEqual(["a"]);
    expect(article?.body.map((p) => p.text)).toEqual(["Line one line two."]);
    expectExactMaps(source);
  });

  it("reads CR and CRLF line endings as LF ones: the same text, claims and speakers", () => {
    const lf = [
      "# Bridge",
      "",
      "The mayor, Ana",
      "Ortiz, said the bridge would",
      "reopen in May.",
      "",
      "\\*The council, Li",
      "Wen, said the road would stay",
      "closed until June.",
      "",
      "> The engineer, Bo",
      "> Lund, said the deck was sound.",
      "",
      "- The clerk, Eva",
      "  Moss, said the bill was paid.",
      "",
    ].join("\n");
    const read = (source: string) => {
      const a = parseMarkdown(source).article;
      return {
        body: a?.body.map((p) => p.text),
        claims: a?.claims.map((c) => [c.text, c.speaker?.mention]),
      };
    };
    const want = read(lf);
    expect(want.body?.[0]).toBe("The mayor, Ana Ortiz, said the bridge would reopen in May.");
    expect(want.claims).toHaveLength(4);
    for (const ending of ["\r", "\r\n"]) {
      const source = lf.replaceAll("\n", ending);
      expect(read(source)).toEqual(want);
      expectExactMaps(source);
      // the body's spans point at the same characters
      for (const p of parseMarkdown(source).article?.body ?? []) {
        const slice = p.span ? source.slice(p.span.start, p.span.end) : "";
        expect(slice.replace(/\s+(?:> )?/g, " ").replace("\\*", "*")).toBe(p.text);
      }
    }
  });

  it("ends a sentence after a closing quote followed by a no-break space or a line ending", () => {
    const text = (gap: string) =>
      `# Bridge\n\nThe mayor, Ana Ortiz, said the bridge was “almost finished.”${gap}The council met on Monday, Li Wen said.\n`;
    for (const gap of [" ", "\u00a0", "&nbsp;", "\n", "\r"]) {
      const claims = parseMarkdown(text(gap)).article?.claims ?? [];
      expect(claims.map((c) => [c.kind, c.speaker?.name])).toEqual([
        ["mixed", "Ana Ortiz"],
        ["indirect", "Li Wen"],
      ]);
    }
  });

  it("keeps spans into the input when it starts with a byte order mark", () => {
    const source = "\uFEFF---\ntitle: BOM\n---\n\n# Heading\n\nBody *text*.\n";
    const { article } = parseMarkdown(source);
    expect(article?.headline).toBe("BOM");
    const span = article?.body[0]?.span;
    expect(span && source.slice(span.start, span.end)).toBe("Body *text*.");
  });

  it("returns no article and an error for empty input, and throws only on non-strings", () => {
    expect(parseMarkdown("   \n\n").article).toBeUndefined();
    expect(parseMarkdown("").diagnostics[0]?.ruleId).toBe("empty-input");
    expect(() => parseMarkdown(42 as unknown as string)).toThrow(TypeError);
  });
});

describe("parseMarkdown: byline and dateline text without markup", () => {
  it("gives the plain text, with a span from its first to its last character", () => {
    const source =
      "# Water returns\n\n*By [Ana Ruiz](https://example.org/ana) and Li&nbsp;Wen*\n\n" +
      "**NAIROBI** – The rains came early this year.\n";
    const { article } = parseMarkdown(source);
    const byline = article?.byline;
    expect(byline?.text).toBe("By Ana Ruiz and Li\u00a0Wen");
    expect(byline?.authors.map((a) => a.name)).toEqual(["Ana Ruiz", "Li Wen"]);
    expect(byline?.span && source.slice(byline.span.start, byline.span.end)).toBe(
      "By [Ana Ruiz](https://example.org/ana) and Li&nbsp;Wen",
    );
    const dateline = article?.dateline;
    expect(dateline?.text).toBe("NAIROBI –");
    expect(dateline?.span && source.slice(dateline.span.start, dateline.span.end)).toBe(
      "NAIROBI** –",
    );
    expect(article?.body[0]?.text).toBe("The rains came early this year.");
  });

  it("reads a bold place at the start of the first paragraph as the dateline, without a dash", () => {
    const source = "# Water returns\n\n**NAIROBI** The rains came early this year.\n";
    const { article, diagnostics } = parseMarkdown(source);
    expect(article?.dateline).toEqual({
      text: "NAIROBI",
      place: "NAIROBI",
      locality: "Nairobi",
      span: { start: 19, end: 26 },
    });
    expect(article?.body[0]?.text).toBe("The rains came early this year.");
    expect(article?.body[0]?.span?.start).toBe(source.indexOf("The rains"));
    expect(diagnostics.some((d) => d.ruleId === "missing-dateline")).toBe(false);

    const dated = parseMarkdown("# T\n\n**LIMA, March 5 (AP):** The vote was close.\n", {
      referenceDate: "2024-03-06",
    }).article?.dateline;
    expect(dated).toMatchObject({ place: "LIMA", date: "2024-03-05", agency: "AP" });
  });

  it("does not read other bold leads as a dateline", () => {
    for (const lead of [
      "**NASA** announced a new mission today.",
      "**Note** The office is closed.",
      "**Update:** The vote was moved.",
      "Text first, then **NAIROBI** in bold.",
      "**NAIROBI**",
    ]) {
      const { article } = parseMarkdown(`# T\n\n${lead}\n\nMore.\n`);
      expect(article?.dateline, lead).toBeUndefined();
    }
  });
});

describe("stripTemplating", () => {
  const strip = (text: string): { text: string; map: number[] } => {
    const map = new Int32Array(text.length + 1).map((_, i) => i);
    const cut = stripTemplating(text, map);
    return { text: cut.text, map: [...cut.map] };
  };

  it("collapses the runs of spaces left behind and drops the leading ones", () => {
    expect(strip("  a  {{ x }}  b  ")).toEqual({ text: "a b ", map: [2, 3, 14, 15, 17] });
    expect(strip("see {% if %}  the  {{ y }} end ").text).toBe("see the end ");
  });

  it("keeps a templated link's label, and text without a closing delimiter", () => {
    expect(strip("[link]({{ u }}/p)  x")).toEqual({
      text: "link x",
      map: [1, 2, 3, 4, 17, 19, 20],
    });
    expect(strip("a {{ b").text).toBe("a {{ b");
  });
});
