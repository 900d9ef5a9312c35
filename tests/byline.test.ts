import { describe, expect, it } from "vitest";
import { parseBylineText, readName } from "../src/parse/extract/byline.js";
import { normaliseAgency } from "../src/parse/extract/words.js";

const names = (text: string): string[] | undefined =>
  parseBylineText(text)?.authors.map((a) => a.name);

describe("parseBylineText", () => {
  it("reads By lines with one, two and three names", () => {
    expect(parseBylineText("By Jane Doe")).toEqual({
      authors: [{ type: "Person", name: "Jane Doe" }],
    });
    expect(names("By Jane Doe and John Roe")).toEqual(["Jane Doe", "John Roe"]);
    expect(names("By Ann Lee, Bo Kim and Cy Young")).toEqual(["Ann Lee", "Bo Kim", "Cy Young"]);
    expect(names("By Ann Lee, Bo Kim, and Cy Young")).toEqual(["Ann Lee", "Bo Kim", "Cy Young"]);
    expect(names("BY MARA QUIST AND TOBIAS RENN, REUTERS")).toEqual(["MARA QUIST", "TOBIAS RENN"]);
    expect(names("by Mara Quist")).toEqual(["Mara Quist"]);
  });

  it("reads the agency as a normalised affiliation", () => {
    expect(parseBylineText("By Jane Doe, Reuters")?.authors).toEqual([
      { type: "Person", name: "Jane Doe", affiliation: "Reuters" },
    ]);
    expect(parseBylineText("By Jane Doe, Reuter")?.authors[0]?.affiliation).toBe("Reuters");
    expect(parseBylineText("Jane Doe | Reuters")?.authors[0]).toEqual({
      type: "Person",
      name: "Jane Doe",
      affiliation: "Reuters",
    });
    expect(parseBylineText("By Jane Doe Reuters")?.authors[0]).toEqual({
      type: "Person",
      name: "Jane Doe",
      affiliation: "Reuters",
    });
  });

  it("reads roles after the names", () => {
    expect(parseBylineText("Jane Doe, Staff Writer")?.authors).toEqual([
      { type: "Person", name: "Jane Doe", role: "Staff Writer" },
    ]);
    expect(parseBylineText("Max Neuvians and Tim Arney, Developers")?.authors).toEqual([
      { type: "Person", name: "Max Neuvians", role: "Developers" },
      { type: "Person", name: "Tim Arney", role: "Developers" },
    ]);
    expect(parseBylineText("Philippe Tardif, CDS Brand lead")?.authors).toEqual([
      { type: "Person", name: "Philippe Tardif", role: "CDS Brand lead" },
    ]);
  });

  it("tells organisations from people by whole words", () => {
    expect(parseBylineText("By The Associated Press")?.authors).toEqual([
      { type: "Organization", name: "The Associated Press" },
    ]);
    expect(parseBylineText("By Reuters Staff")?.authors[0]?.type).toBe("Organization");
    // "Pressman" contains "Press" but is a surname.
    expect(parseBylineText("By Ada Pressman")?.authors[0]?.type).toBe("Person");
  });

  it("keeps initials, particles, apostrophes, hyphens and suffixes", () => {
    expect(names("By A. B. Smith, C. van der Berg and D. O'Hara Jr.")).toEqual([
      "A. B. Smith",
      "C. van der Berg",
      "D. O'Hara Jr.",
    ]);
    expect(names("By Jean-Luc Fabre and Omar al-Hakim")).toEqual([
      "Jean-Luc Fabre",
      "Omar al-Hakim",
    ]);
    expect(names("By Ted d'Amato III")).toEqual(["Ted d'Amato III"]);
    expect(names("By Martin Luther King, Jr.")).toEqual(["Martin Luther King, Jr."]);
  });

  it("reads end credits with roles, dropping places", () => {
    expect(
      parseBylineText(
        "Reporting by Ana Ruiz in Paris; Additional reporting by Li Wen; Editing by Tom Pike",
      )?.authors,
    ).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Reporting" },
      { type: "Person", name: "Li Wen", role: "Additional reporting" },
      { type: "Person", name: "Tom Pike", role: "Editing" },
    ]);
    expect(names("(Writing by Ana Ruiz and Li Wen; Editing by Tom Pike.)")).toEqual([
      "Ana Ruiz",
      "Li Wen",
      "Tom Pike",
    ]);
  });

  it("strips By only as a whole word followed by a name", () => {
    expect(names("Byrne Hobart")).toEqual(["Byrne Hobart"]);
    expect(
      parseBylineText("By assuming the role of savior, the Americans sought credit."),
    ).toBeUndefined();
    expect(parseBylineText("By Monday, the talks had stalled.")).toBeUndefined();
    expect(parseBylineText("By March 5 the deal was done")).toBeUndefined();
    expect(parseBylineText("By Election Day, voters will know")).toBeUndefined();
  });

  it("never reads a date, a job title or a headline as a name", () => {
    expect(parseBylineText("Staff Writer")).toBeUndefined();
    expect(parseBylineText("Monday Morning")).toBeUndefined();
    expect(parseBylineText("NEW CURRENCY PROBLEM SEEN AMONG BIG BANKS, EUROPE")).toBeUndefined();
    expect(parseBylineText("")).toBeUndefined();
    expect(parseBylineText("x".repeat(10_000))).toBeUndefined();
  });

  it("reads front-matter author strings with roles and affiliations per person", () => {
    expect(parseBylineText("Ana Ruiz, Outreach and Li Wen, Content Design")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Outreach" },
      { type: "Person", name: "Li Wen", role: "Content Design" },
    ]);
    expect(parseBylineText("Ana Ruiz, Head of Policy, Li Wen, Head of Design")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Head of Policy" },
      { type: "Person", name: "Li Wen", role: "Head of Design" },
    ]);
    expect(parseBylineText("Ana Ruiz (RCMP), Li Wen (CDS)")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", affiliation: "RCMP" },
      { type: "Person", name: "Li Wen", affiliation: "CDS" },
    ]);
    expect(
      parseBylineText("Ana Ruiz, Chief Digital Officer, Government of Ontario")?.authors,
    ).toEqual([
      {
        type: "Person",
        name: "Ana Ruiz",
        role: "Chief Digital Officer",
        affiliation: "Government of Ontario",
      },
    ]);
    expect(names("The Honourable Ana Ruiz, President of the Board")).toEqual(["Ana Ruiz"]);
    expect(parseBylineText("Ana Ruiz, Senior Service Designer")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Senior Service Designer" },
    ]);
  });
});

describe("parseBylineText on the bylines of blogs", () => {
  it("reads an organisation after the names as their affiliation, not as a person", () => {
    expect(parseBylineText("Ana Ruiz and Li Wen, Statistics Canada")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", affiliation: "Statistics Canada" },
      { type: "Person", name: "Li Wen", affiliation: "Statistics Canada" },
    ]);
    expect(parseBylineText("Ana Ruiz, ABC Data Security, Office of the CTO")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", affiliation: "ABC Data Security, Office of the CTO" },
    ]);
    // A country alone does not make an organisation: this is a person.
    expect(parseBylineText("By Geoffrey Canada")?.authors).toEqual([
      { type: "Person", name: "Geoffrey Canada" },
    ]);
  });

  it("never reads a field of work as a name", () => {
    expect(parseBylineText("Content Design")).toBeUndefined();
    expect(parseBylineText("Ana Ruiz, Security and Technical Support")?.authors).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Security and Technical Support" },
    ]);
  });

  it("gives each person the role and affiliation in their parenthesis", () => {
    expect(
      parseBylineText("Ana Ruiz, Li Wen (Policy Analysts, CDS), Bo Kim (Director General, RCMP)")
        ?.authors,
    ).toEqual([
      { type: "Person", name: "Ana Ruiz" },
      { type: "Person", name: "Li Wen", role: "Policy Analysts", affiliation: "CDS" },
      { type: "Person", name: "Bo Kim", role: "Director General", affiliation: "RCMP" },
    ]);
  });

  it("reads groups separated by ';' and roles after a spaced dash", () => {
    expect(
      parseBylineText("Ana Ruiz, Director - Open Data; Li Wen and Bo Kim - Data Advisory Council")
        ?.authors,
    ).toEqual([
      { type: "Person", name: "Ana Ruiz", role: "Director, Open Data" },
      { type: "Person", name: "Li Wen", affiliation: "Data Advisory Council" },
      { type: "Person", name: "Bo Kim", affiliation: "Data Advisory Council" },
    ]);
  });

  it("reads a role and what it is about", () => {
    expect(
      parseBylineText(
        "Ana Ruiz, Researcher with the Help Renters find Housing Benefits (HRHB) partnership",
      )?.authors,
    ).toEqual([
      {
        type: "Person",
        name: "Ana Ruiz",
        role: "Researcher with the Help Renters find Housing Benefits (HRHB) partnership",
      },
    ]);
  });

  it("drops honorifics from names", () => {
    expect(names("Dr. Ana Ruiz and Prof. Li Wen")).toEqual(["Ana Ruiz", "Li Wen"]);
    expect(names("The Right Honourable Ana Ruiz")).toEqual(["Ana Ruiz"]);
    // A title with a single name stays as written.
    expect(names("By Dr. Ruiz")).toEqual(["Dr. Ruiz"]);
  });
});

describe("byline reading helpers", () => {
  it("reads names with whitespace runs, trailing punctuation and parentheses as before", () => {
    expect(parseBylineText("By  Jane\tDoe,\u00a0Reuters")?.authors).toEqual([
      { type: "Person", name: "Jane Doe", affiliation: "Reuters" },
    ]);
    expect(parseBylineText("Jane Doe (RCMP) & John Roe")?.authors).toEqual([
      { type: "Person", name: "Jane Doe", affiliation: "RCMP" },
      { type: "Person", name: "John Roe" },
    ]);
    expect(parseBylineText("Jane Doe AND John Roe;;")?.authors.map((a) => a.name)).toEqual([
      "Jane Doe",
      "John Roe",
    ]);
  });

  it("reads names at the limits of the quick test for body text", () => {
    // long names after an honorific of three words, or before an agency
    expect(names("The Right Honourable Ana Maria de la Cruz Vega")).toEqual([
      "Ana Maria de la Cruz Vega",
    ]);
    expect(parseBylineText("Ana Maria de la Cruz Vega Reuters")?.authors).toEqual([
      { type: "Person", name: "Ana Maria de la Cruz Vega", affiliation: "Reuters" },
    ]);
    // the first clause ends at a split point: a name, then anything
    expect(names("Jane Doe in Washington said on Monday that the vote was delayed again")).toEqual([
      "Jane Doe",
    ]);
    expect(names("Jane Doe and John Roe, 2024")).toEqual(["Jane Doe", "John Roe"]);
    expect(names("and Jane Doe")).toEqual(["Jane Doe"]);
    // sentences and numbers never start a byline
    expect(parseBylineText("A common refrain is that demographics will doom his run")).toBe(
      undefined,
    );
    expect(parseBylineText("Jane Doe 2 and John Roe")).toBe(undefined);
    expect(parseBylineText("Hillary Clinton was declared the winner in Iowa")).toBe(undefined);
    // small words of names and agencies are no sign of a sentence
    expect(names("Jan van der Berg and Ann de la Cruz, Reuters")).toEqual([
      "Jan van der Berg",
      "Ann de la Cruz",
    ]);
    expect(parseBylineText("associated press")?.authors).toEqual([
      { type: "Organization", name: "associated press" },
    ]);
    expect(parseBylineText("By Jane Doe who wrote this long sentence about the vote")).toBe(
      undefined,
    );
  });
});

describe("readName", () => {
  it("reads people of 2 to 6 words and organisations of up to 7, and rejects the rest", () => {
    const read = (text: string) => readName(text) ?? null;
    expect(read("Jane Doe")).toEqual({ type: "Person", name: "Jane Doe" });
    expect(read("Jane Doe Jr.")).toEqual({ type: "Person", name: "Jane Doe Jr." });
    expect(read("Ana Maria de la Cruz Vega")).toEqual({
      type: "Person",
      name: "Ana Maria de la Cruz Vega",
    });
    expect(read("Bank of Nova Scotia Cyber Security Office")).toEqual({
      type: "Organization",
      name: "Bank of Nova Scotia Cyber Security Office",
    });
    expect(read("Health Canada")).toEqual({ type: "Organization", name: "Health Canada" });
    // one word, seven words of a person, job titles, months, fields, a trailing particle
    for (const text of [
      "Jane",
      "J.",
      "Ana Maria de la Cruz Vega Ruiz",
      "Staff Writer",
      "March April",
      "Content Design",
      "Jan van",
      "Jane Doe was here",
    ])
      expect(read(text)).toBe(null);
  });
});

describe("normaliseAgency", () => {
  it("reads agencies in any case, with spaces, periods and non-ASCII look-alikes", () => {
    expect(normaliseAgency("AGENCE FRANCE-PRESSE")).toBe("AFP");
    expect(normaliseAgency("a.f.p.")).toBe("AFP");
    // the Kelvin sign lower-cases to "k": the full lookup decides
    expect(normaliseAgency("\u212Ayodo")).toBe("Kyodo");
  });

  it("rejects names and words that are no agency", () => {
    expect(normaliseAgency("Tardif")).toBeUndefined();
    expect(normaliseAgency("Philippe Tardif")).toBeUndefined();
    expect(normaliseAgency("Reuterz")).toBeUndefined();
    expect(normaliseAgency("AP2")).toBeUndefined();
  });
});
