import { describe, expect, it } from "vitest";
import type { Dateline } from "../src/index.js";
import { parseText } from "../src/index.js";
import { createContext } from "../src/parse/context.js";
import { findDateline } from "../src/parse/extract/dateline.js";
import { dateAtEnd, resolveDate } from "../src/parse/extract/dates.js";

/** The dateline of "Title\n\n<first>" and the first body paragraph's text. */
function read(
  first: string,
  referenceDate?: string,
): { dateline?: Dateline | undefined; body?: string | undefined } {
  const input = `A title line\n\n${first}`;
  const a = parseText(input, referenceDate ? { referenceDate } : {}).article;
  const dl = a?.dateline;
  if (dl?.span) expect(input.slice(dl.span.start, dl.span.end)).toBe(dl.text);
  return { dateline: dl, body: a?.body[0]?.text };
}

describe("datelines", () => {
  it("reads place, date and agency, and leaves the body after the dash", () => {
    const r = read("WASHINGTON, March 5 (Reuters) - Lawmakers met.", "2024-03-05");
    expect(r.dateline).toMatchObject({
      text: "WASHINGTON, March 5 (Reuters) -",
      place: "WASHINGTON",
      locality: "Washington",
      date: "2024-03-05",
      agency: "Reuters",
    });
    expect(r.body).toBe("Lawmakers met.");
  });

  it("reads places with regions and countries", () => {
    expect(read("KANSAS CITY, Mo. (AP) — Rain fell.").dateline).toMatchObject({
      place: "KANSAS CITY, Mo.",
      locality: "Kansas City",
      region: "Mo.",
      agency: "AP",
    });
    expect(read("BAHIA BLANCA, Argentina, March 5 - Grain.").dateline).toMatchObject({
      place: "BAHIA BLANCA, Argentina",
      country: "Argentina",
    });
    expect(read("Beijing/Moscow, 5 March (Xinhua) -- Talks.").dateline).toMatchObject({
      place: "Beijing/Moscow",
      agency: "Xinhua",
    });
  });

  it("reads every dash: em, en, hyphen, double hyphen, underscore, attached em dash", () => {
    for (const dash of ["—", "–", "-", "--", "_"]) {
      expect(read(`TEHRAN ${dash} Body here.`).dateline?.place).toBe("TEHRAN");
    }
    expect(read("TEHRAN—Body here.").body).toBe("Body here.");
  });

  it("reads AP, Reuters and day-first dates", () => {
    expect(read("PARIS, Jan. 3 (AFP) - x", "2024-01-05").dateline?.date).toBe("2024-01-03");
    expect(read("PARIS, Sept. 5 - x", "2024-09-01").dateline?.date).toBe("2024-09-05");
    expect(read("LONDON, MAR 5 - x", "1987-03-05").dateline?.date).toBe("1987-03-05");
    expect(read("LONDON, 5 March - x", "1987-03-05").dateline?.date).toBe("1987-03-05");
    expect(read("LONDON, March 5, 1986 - x", "1987-03-05").dateline?.date).toBe("1986-03-05");
  });

  it("reads the agency after a comma, and normalises it", () => {
    expect(read("OKLAHOMA CITY, Okla. March 11, Reuter - x", "1987-03-11").dateline).toMatchObject({
      place: "OKLAHOMA CITY, Okla.",
      date: "1987-03-11",
      agency: "Reuters",
    });
  });

  it("reads day tokens with ordinals in either case, and only days 1 to 31", () => {
    expect(dateAtEnd("March 5th")).toMatchObject({ month: 3, day: 5 });
    expect(dateAtEnd("MARCH 05TH")).toMatchObject({ month: 3, day: 5 });
    expect(dateAtEnd("3rd March")).toMatchObject({ month: 3, day: 3 });
    for (const bad of ["March 0", "March 32", "March 123", "March 5x", "March 5tha", "March th"])
      expect(dateAtEnd(bad)).toBeUndefined();
  });

  it("reads place words as written: capitals, small words, stop words only in capitals", () => {
    expect(read("RIO DE JANEIRO, March 5 - x").dateline?.locality).toBe("Rio de Janeiro");
    expect(read("STRATFORD-UPON-AVON, March 5 - x").dateline?.locality).toBe("Stratford-upon-Avon");
    expect(read("SÃO PAULO, March 5 - x").dateline?.locality).toBe("São Paulo");
    expect(read("ST. JOHN'S, March 5 - x").dateline?.locality).toBe("St. John's");
    expect(read("On Monday, March 5 - x").dateline).toBeUndefined();
    expect(read("london, March 5 - x").dateline).toBeUndefined();
    expect(read("LONDON2, March 5 - x").dateline).toBeUndefined();
  });

  it("does not read a sentence as a dateline", () => {
    expect(
      read("The president said on Monday - in a speech - that it was over.").dateline,
    ).toBeUndefined();
    expect(read("Shares rose - traders said.").dateline).toBeUndefined();
  });
});

describe("datelines from a bold lead (Markdown blocks)", () => {
  /** A block "TEHRAN On …" whose first 6 characters were `**strong**`, as the Markdown walk makes it. */
  const block = (text: string, lead: string) => ({
    text,
    start: 0,
    strongLead: { text: lead, start: 0 },
  });

  it("reads a short bold place at the start, followed by a new sentence", () => {
    const text = "TEHRAN On January 3, the city woke.";
    const found = findDateline(block(text, "TEHRAN"), createContext(text, {}));
    expect(found?.dateline).toMatchObject({ text: "TEHRAN", place: "TEHRAN" });
    expect(found?.rest).toBe(7);
  });

  it("needs the bold lead: plain text without a dash has no dateline", () => {
    expect(read("TEHRAN On January 3, the city woke.").dateline).toBeUndefined();
    const text = "TEHRAN On January 3.";
    expect(findDateline({ text, start: 0 }, createContext(text, {}))).toBeUndefined();
  });

  it("does not read a bold word that runs into the sentence, or one that is not a place", () => {
    for (const [text, lead] of [
      ["NASA announced a mission.", "NASA"],
      ["Important Read this first.", "Important"],
      ["BREAKING The vote failed.", "BREAKING"],
    ] as const) {
      expect(findDateline(block(text, lead), createContext(text, {}))).toBeUndefined();
    }
  });
});

describe("resolveDate", () => {
  const ref = new Date("2024-01-02T12:00:00Z");
  it("picks the year nearest the reference date", () => {
    const dec30 = dateAtEnd("Dec. 30");
    expect(dec30 && resolveDate(dec30, ref)?.iso).toBe("2023-12-30");
    const jan3 = dateAtEnd("Jan. 3");
    // a local date a day ahead of the reference stays in the reference's year
    expect(jan3 && resolveDate(jan3, ref)?.iso).toBe("2024-01-03");
  });

  it("keeps --MM-DD without a reference and rejects days that do not exist", () => {
    const d = dateAtEnd("Feb. 29");
    expect(d && resolveDate(d, undefined)?.iso).toBe("--02-29");
    const bad = dateAtEnd("April 31");
    expect(bad && resolveDate(bad, ref)).toBeUndefined();
  });
});
