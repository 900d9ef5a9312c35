import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLocator } from "../src/index.js";

/** Line starts the plain way: after each LF, CRLF (as one) and CR. */
function reference(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = input[i];
    if (c === "\n" || (c === "\r" && input[i + 1] !== "\n")) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

describe("createLocator", () => {
  it("ends lines at LF, CRLF and CR, whatever order offsets are asked in", () => {
    const input = "Empty alert\r\nTEHRAN – On January 3,\rtwo Daesh\n\nBy Sadegh";
    const locate = createLocator(input);
    const by = input.indexOf("By");
    expect(locate(by)).toEqual({ line: 5, column: 1, offset: by });
    expect(locate(input.indexOf("TEHRAN"))).toMatchObject({ line: 2, column: 1 });
    expect(locate(input.indexOf("two"))).toMatchObject({ line: 3, column: 1 });
    expect(locate(input.indexOf("alert"))).toMatchObject({ line: 1, column: 7 });
    // past the end: the end
    expect(locate(input.length + 10)).toEqual({ line: 5, column: 10, offset: input.length });
  });

  it("agrees with a character-by-character count", () => {
    const text = fc
      .array(fc.constantFrom("a", " ", "\n", "\r", "\r\n", "é", "\u2028"), { maxLength: 40 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (input, offsets) => {
        const locate = createLocator(input);
        for (const raw of offsets) {
          const offset = raw % (input.length + 1);
          expect(locate(offset)).toEqual({ ...reference(input, offset), offset });
        }
      }),
      { numRuns: 300 },
    );
  });
});
