import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleSchema, parseMarkdown, parseText } from "../src/index.js";

const examples = join(import.meta.dirname, "..", "examples");
const markdown = readFileSync(join(examples, "empty-alert.md"), "utf8");
const text = readFileSync(join(examples, "empty-alert.txt"), "utf8");

/** Markdown inline markup removed, for comparing a source slice with plain text. */
const unmark = (s: string): string => s.replace(/[*_]/g, "").replace(/\s+/g, " ").trim();

describe("the seed as Markdown gives what parseText gives on the plain text", () => {
  const md = parseMarkdown(markdown);
  const tx = parseText(text);

  it("parses both into valid articles", () => {
    expect(ArticleSchema.safeParse(md.article).success).toBe(true);
    expect(ArticleSchema.safeParse(tx.article).success).toBe(true);
  });

  it("has the same headline", () => {
    expect(md.article?.headline).toBe("Empty alert");
    expect(md.article?.headline).toBe(tx.article?.headline);
  });

  it("has the same byline authors (under the heading in Markdown, at the end in the text)", () => {
    expect(md.article?.byline?.authors.map((a) => a.name)).toEqual(["Sadegh Fereydounabadi"]);
    expect(md.article?.byline?.authors).toEqual(tx.article?.byline?.authors);
    // The byline's text is the plain text in both; its span covers that text in the source.
    expect(md.article?.byline?.text).toBe("By Sadegh Fereydounabadi");
    expect(md.article?.byline?.text).toBe(tx.article?.byline?.text);
    const span = md.article?.byline?.span;
    expect(span && markdown.slice(span.start, span.end)).toBe("By Sadegh Fereydounabadi");
  });

  it("has the same dateline, its span in the Markdown", () => {
    const a = md.article?.dateline;
    const b = tx.article?.dateline;
    expect(a?.place).toBe("TEHRAN");
    for (const key of ["place", "locality", "region", "country", "date", "agency"] as const)
      expect(a?.[key]).toBe(b?.[key]);
    expect(a?.text).toBe("TEHRAN –");
    expect(a?.text).toBe(b?.text);
    // The span runs from the first to the last character of the text: "TEHRAN** –".
    expect(a?.span && markdown.slice(a.span.start, a.span.end)).toBe("TEHRAN** –");
  });

  it("has the same body texts, with spans into the Markdown", () => {
    const a = md.article?.body ?? [];
    const b = tx.article?.body ?? [];
    expect(a.map((p) => p.text)).toEqual(b.map((p) => p.text));
    expect(a.length).toBe(10);
    for (const p of a) {
      expect(p.span).toBeDefined();
      if (!p.span) continue;
      const slice = markdown.slice(p.span.start, p.span.end);
      expect(unmark(slice.replace(/^>\s*/, ""))).toContain(p.text.slice(0, 20));
    }
  });

  it("has the same claims (kind, text, speaker), with spans into the Markdown", () => {
    const a = md.article?.claims ?? [];
    const b = tx.article?.claims ?? [];
    const shape = (c: (typeof a)[number]): unknown => ({
      kind: c.kind,
      text: c.text,
      speaker: c.speaker?.name,
      paragraph: c.paragraph,
    });
    expect(a.map(shape)).toEqual(b.map(shape));
    for (const claim of a) {
      expect(unmark(markdown.slice(claim.span.start, claim.span.end))).toBe(
        unmark(text.slice(b[a.indexOf(claim)]?.span.start, b[a.indexOf(claim)]?.span.end)),
      );
      if (claim.speaker?.span && claim.speaker.mention) {
        expect(markdown.slice(claim.speaker.span.start, claim.speaker.span.end)).toBe(
          claim.speaker.mention,
        );
      }
    }
  });
});
