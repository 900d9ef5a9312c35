import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutClitic } from "../src/parse/claims/attribution.js";

describe("withoutClitic", () => {
  it("drops everything from the first apostrophe on", () => {
    expect(withoutClitic("he’s")).toBe("he");
    expect(withoutClitic("they're")).toBe("they");
    expect(withoutClitic("o'neill's")).toBe("o");
    expect(withoutClitic("said")).toBe("said");
    expect(withoutClitic("’90s")).toBe("");
  });

  it("agrees with the expression it replaces", () => {
    const word = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-z'’]{0,10}$/));
    fc.assert(
      fc.property(word, (w) => {
        // tokens hold no line breaks, where `.` would stop
        fc.pre(!/[\n\r\u2028\u2029]/.test(w));
        expect(withoutClitic(w)).toBe(w.replace(/['’].*$/, ""));
      }),
    );
  });
});
