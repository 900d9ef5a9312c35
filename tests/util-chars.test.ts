import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NextChar, splitOn } from "../src/util/chars.js";

describe("splitOn", () => {
  it("splits as String.prototype.split does on one character", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab,]{0,20}$/), (text) => {
        expect(splitOn(text, ",")).toEqual(text.split(","));
      }),
    );
  });
});

describe("NextChar", () => {
  it("finds what indexOf finds, for offsets asked in any order", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab|]{0,30}$/),
        fc.array(fc.nat(32), { maxLength: 12 }),
        (text, offsets) => {
          const bars = new NextChar(text, "|");
          // in increasing order (how the walk asks), then as they come
          for (const from of [...offsets].sort((a, b) => a - b))
            expect(bars.after(from)).toBe(text.indexOf("|", from));
          for (const from of offsets) expect(bars.after(from)).toBe(text.indexOf("|", from));
        },
      ),
    );
  });
});
