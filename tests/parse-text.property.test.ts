import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArticleSchema, parseText } from "../src/index.js";
import { textToBlocks } from "../src/parse/text.js";
import { sourceOffset, sourceSpan } from "../src/parse/types.js";

/** Pieces that make arbitrary strings look like articles now and then. */
const piece = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "    ",
    "\t",
    "\u0000",
    "\ud800",
    "\udfff",
    "\u00a0",
    "\u2028",
    "By ",
    "By Jane Doe",
    " and ",
    ", Reuters",
    " | ",
    "WASHINGTON",
    "TEHRAN – ",
    ", March 5 ",
    "(AP) — ",
    " - ",
    "--",
    "_",
    "Sept. 31",
    "Feb. 29",
    "Reporting by A B; Editing by C D",
    " REUTER\n",
    "&#3;",
    "(",
    ")",
    ";",
    ":",
  ),
);
const articleLike = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));
const input = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "binary-ascii" }),
  articleLike,
);
const referenceDate = fc.constantFrom(undefined, "2024-01-02", "1987-03-05", "not a date");

describe("parseText: properties", () => {
  it("never throws, always returns a valid article for text, and spans slice to their text", () => {
    fc.assert(
      fc.property(input, referenceDate, (text, ref) => {
        const result = parseText(text, ref === undefined ? {} : { referenceDate: ref });
        if (text.trim() === "") {
          expect(result.article).toBeUndefined();
          return;
        }
        const a = result.article;
        expect(a).toBeDefined();
        if (!a) return;
        const parsed = ArticleSchema.safeParse(a);
        expect(parsed.success).toBe(true);
        const dl = a.dateline;
        if (dl?.span) expect(text.slice(dl.span.start, dl.span.end)).toBe(dl.text);
        const bl = a.byline;
        if (bl?.span) expect(text.slice(bl.span.start, bl.span.end)).toBe(bl.text);
        for (const p of a.body) {
          if (!p.span) continue;
          expect(p.span.start).toBeLessThanOrEqual(p.span.end);
          expect(p.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(p.span.start, p.span.end).replace(/\s+/g, " ")).toBe(p.text);
        }
        for (const d of result.diagnostics) {
          if (d.span) expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores a leading byte order mark: the same article, every span one further on", () => {
    // every `start` and `end` in an article is a span's offset
    const shifted = (json: string): unknown =>
      JSON.parse(json, (key, value: unknown) =>
        (key === "start" || key === "end") && typeof value === "number" ? value + 1 : value,
      );
    fc.assert(
      fc.property(input, (text) => {
        const plain = parseText(text).article;
        const marked = parseText(`\ufeff${text}`).article;
        expect(marked && JSON.parse(JSON.stringify(marked))).toEqual(
          plain && shifted(JSON.stringify(plain)),
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe("textToBlocks: properties", () => {
  it("maps every character of a block's text back to the same character in the source", () => {
    fc.assert(
      fc.property(input, (text) => {
        for (const block of textToBlocks(text)) {
          expect(block.text.trim()).not.toBe("");
          expect(text.slice(block.span.start, block.span.end).replace(/\s+/g, " ")).toBe(
            block.text,
          );
          let previous = -1;
          for (let i = 0; i < block.text.length; i++) {
            const at = sourceOffset(block, i);
            expect(at).toBeGreaterThan(previous);
            previous = at;
            const c = block.text[i];
            if (c === " ") expect(/\s/.test(text[at] ?? "")).toBe(true);
            else expect(text[at]).toBe(c);
          }
          expect(sourceSpan(block, 0, block.text.length)).toEqual(block.span);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
