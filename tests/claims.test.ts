import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText, type QuotedClaim, QuotedClaimSchema } from "../src/index.js";
import { extractClaims } from "../src/parse/claims/index.js";
import {
  CUE_VERBS,
  cueAlone,
  cueStart,
  inflect,
  lookupCue,
  mayStartCue,
  phrasalCuesStartingWith,
} from "../src/parse/claims/lexicon.js";
import { scanQuotes } from "../src/parse/claims/marks.js";
import { wordCount } from "../src/parse/claims/tokens.js";
import { createContext } from "../src/parse/context.js";
import type { Context, Segment } from "../src/parse/types.js";

/** One segment per non-empty line, offsets into the whole string. */
function lines(source: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const line of source.split("\n")) {
    if (line.trim() !== "") segments.push({ text: line, start: at });
    at += line.length + 1;
  }
  return segments;
}

function run(source: string): { claims: QuotedClaim[]; ctx: Context } {
  const ctx = createContext(source, {});
  const claims = extractClaims(lines(source), ctx);
  for (const claim of claims) {
    expect(QuotedClaimSchema.safeParse(claim).success).toBe(true);
    expect(claim.span.start).toBeGreaterThanOrEqual(0);
    expect(claim.span.end).toBeLessThanOrEqual(source.length);
    if (claim.speaker?.span && claim.speaker.mention) {
      expect(source.slice(claim.speaker.span.start, claim.speaker.span.end)).toBe(
        claim.speaker.mention,
      );
    }
    if (claim.cue?.span)
      expect(source.slice(claim.cue.span.start, claim.cue.span.end)).toBe(claim.cue.text);
  }
  return { claims, ctx };
}

function only(source: string): QuotedClaim {
  const { claims } = run(source);
  expect(claims).toHaveLength(1);
  const claim = claims[0];
  if (!claim) throw new Error("no claim");
  return claim;
}

const at = (source: string, claim: QuotedClaim) => source.slice(claim.span.start, claim.span.end);

describe("the seed article (examples/empty-alert.txt)", () => {
  const source = readFileSync(new URL("../examples/empty-alert.txt", import.meta.url), "utf8");
  const claims = parseText(source).article?.claims ?? [];

  it("has exactly one direct claim, from the Journal", () => {
    const direct = claims.filter((c) => c.kind === "direct");
    expect(direct).toHaveLength(1);
    const [claim] = direct;
    expect(claim?.text.startsWith("Washington passed actionable intelligence")).toBe(true);
    expect(claim?.speaker?.mention).toBe("the Journal");
    expect(claim?.speaker?.name.replace(/^The /, "")).toBe("Wall Street Journal");
    expect(claim?.speaker?.type).toBe("Organization");
    expect(claim?.cue?.text).toBe("said");
    expect(source.slice(claim?.span.start, claim?.span.end)).toBe(claim?.text);
  });

  it("finds the indirect claims and their speakers", () => {
    const indirect = claims.filter((c) => c.kind === "indirect");
    const by = (cue: string) => indirect.find((c) => c.cue?.text === cue);
    expect(by("broke the news")?.speaker?.name.replace(/^The /, "")).toBe("Wall Street Journal");
    expect(
      by("broke the news")?.text.startsWith("the United States had relayed an alert message"),
    ).toBe(true);
    expect(by("can confirm")?.speaker?.name).toBe("Tehran Times");
    expect(by("can confirm")?.text.startsWith("Iran received the message")).toBe(true);
    expect(by("learned")?.speaker?.name).toBe("Tehran Times");
    expect(by("learned")?.text.startsWith("the American message did not mention")).toBe(true);
    expect(by("believe")?.speaker?.name).toBe("Observers");
    expect(by("claimed")?.speaker?.name).toBe("Americans");
    expect(by("claimed")?.text.startsWith("they care about the lives of civilians")).toBe(true);
  });

  it("does not take the last paragraph for a claim", () => {
    expect(claims.some((c) => c.text.includes("By assuming the role of savior"))).toBe(false);
    expect(claims.some((c) => c.text.includes("assuming the role"))).toBe(false);
  });
});

describe("quotation marks", () => {
  const pairs: Array<[string, string]> = [
    ["“The dam is old,” Mr. Holt said.", "The dam is old"],
    ['"The dam is old," Mr. Holt said.', "The dam is old"],
    ["''The dam is old,'' Mr. Holt said.", "The dam is old"],
    ["``The dam is old,'' Mr. Holt said.", "The dam is old"],
    ["«The dam is old,» Mr. Holt said.", "The dam is old"],
    ["»The dam is old«, Mr. Holt said.", "The dam is old"],
    ["„The dam is old“, Mr. Holt said.", "The dam is old"],
    ["„The dam is old”, Mr. Holt said.", "The dam is old"],
    ["「The dam is old」, Mr. Holt said.", "The dam is old"],
    ["”The dam is old”, Mr. Holt said.", "The dam is old"],
  ];
  for (const [source, text] of pairs) {
    it(`reads ${source.slice(0, 2)}…`, () => {
      const claim = only(source);
      expect(claim.kind).toBe("direct");
      expect(claim.text).toBe(text);
      expect(at(source, claim)).toBe(text);
      expect(claim.speaker?.mention).toBe("Mr. Holt");
      expect(claim.speaker?.name).toBe("Holt");
      expect(claim.cue?.text).toBe("said");
    });
  }

  it("keeps nested single quotes inside the outer quote", () => {
    const claim = only("“He told me ‘never again,’ and I believed him,” Ms. Ortiz said.");
    expect(claim.text).toBe("He told me ‘never again,’ and I believed him");
    const straight = only("\"He told me 'never again,' and I believed him,\" Ms. Ortiz said.");
    expect(straight.text).toBe("He told me 'never again,' and I believed him");
  });

  it("does not take apostrophes for quote marks", () => {
    const { claims } = run(
      "Don’t blame the ’90s, rock ’n’ roll or the Smiths’ fans for the Joneses' troubles.",
    );
    expect(claims).toEqual([]);
    const claim = only(
      "“Rock ’n’ roll didn’t die in the ’90s,” Ms. Ortiz said of the Smiths’ records.",
    );
    expect(claim.text).toBe("Rock ’n’ roll didn’t die in the ’90s");
  });

  it("scans marks in one pass", () => {
    expect(scanQuotes("a “b” c").quotes).toHaveLength(1);
    expect(scanQuotes("“open and never closed").trailing?.closed).toBe(false);
    expect(scanQuotes("it’s the ’90s").quotes).toHaveLength(0);
  });
});

describe("attribution word orders", () => {
  const cases: Array<[string, string, string]> = [
    ["“The bridge will hold,” Lindsey Graham said.", "Lindsey Graham", "said"],
    ["“The bridge will hold,” said Lindsey Graham.", "Lindsey Graham", "said"],
    ["Lindsey Graham said, “The bridge will hold.”", "Lindsey Graham", "said"],
    ["Lindsey Graham said: “The bridge will hold.”", "Lindsey Graham", "said"],
    ["“The bridge will hold” — Lindsey Graham.", "Lindsey Graham", ""],
    ["Lindsey Graham told reporters “the bridge will hold.”", "Lindsey Graham", "told reporters"],
    ["According to Lindsey Graham, “the bridge will hold.”", "Lindsey Graham", "According to"],
    ["“The bridge will hold,” Lindsey Graham added on Tuesday.", "Lindsey Graham", "added"],
    ["Lindsey Graham insisted, “The bridge will hold.”", "Lindsey Graham", "insisted"],
  ];
  for (const [source, speaker, cue] of cases) {
    it(source, () => {
      const claim = only(source);
      expect(claim.kind).toBe("direct");
      expect(claim.text.replace(/[.]$/, "").toLowerCase()).toBe("the bridge will hold");
      expect(claim.speaker?.mention).toBe(speaker);
      expect(claim.speaker?.name).toBe("Lindsey Graham");
      expect(claim.speaker?.type).toBe("Person");
      if (cue) expect(claim.cue?.text).toBe(cue);
      else expect(claim.cue).toBeUndefined();
    });
  }

  it("reads titles and appositives", () => {
    const titled = only("Sen. Lindsey Graham (R-SC) said, “We lose elections on this issue.”");
    expect(titled.speaker?.name).toBe("Lindsey Graham");
    expect(titled.speaker?.mention).toBe("Sen. Lindsey Graham (R-SC)");
    const appositive = only("“The water was clean,” Hugh Hill, a doctor, said.");
    expect(appositive.speaker?.mention).toBe("Hugh Hill");
    expect(appositive.speaker?.name).toBe("Hugh Hill");
    const inverted = only("“The water was clean,” said Hugh Hill, a doctor at the clinic.");
    expect(inverted.speaker?.name).toBe("Hugh Hill");
  });

  it("merges a quote split by its attribution into fragments", () => {
    const source = "“The first part,” Ms. Ortiz said, “and the second part.”";
    const claim = only(source);
    expect(claim.kind).toBe("direct");
    expect(claim.fragments).toHaveLength(2);
    const [a, b] = claim.fragments ?? [];
    expect(source.slice(a?.start, a?.end)).toBe("The first part");
    expect(source.slice(b?.start, b?.end)).toBe("and the second part.");
    expect(claim.span.start).toBe(a?.start);
    expect(claim.span.end).toBe(b?.end);
    expect(claim.text).toBe("The first part and the second part.");
  });

  it("merges the next sentence's lone quote into the attributed quote", () => {
    const claim = only("“We are ready,” Ms. Ortiz said. “The pumps are running.”");
    expect(claim.fragments).toHaveLength(2);
    expect(claim.speaker?.name).toBe("Ortiz");
  });

  it("keeps a quote that runs over paragraphs as one claim", () => {
    const source =
      "Ms. Ortiz said: “The pumps ran all night.\n“Then the power failed.\n“We started again at dawn.”\nThe river fell on Sunday.";
    const { claims } = run(source);
    expect(claims).toHaveLength(1);
    const claim = claims[0];
    expect(claim?.paragraph).toBe(0);
    expect(claim?.fragments).toHaveLength(3);
    expect(source.slice(claim?.span.start, claim?.span.end)).toBe(
      "The pumps ran all night.\n“Then the power failed.\n“We started again at dawn.",
    );
    expect(claim?.speaker?.name).toBe("Ortiz");
  });
});

describe("scare quotes, titles and mixed claims", () => {
  it("does not take scare quotes and titles for claims", () => {
    expect(run("The so-called “peace plan” collapsed on Monday.").claims).toEqual([]);
    expect(run("We watched the film “Heat” again at the festival.").claims).toEqual([]);
    expect(run("He appeared on “Meet the Press” last week.").claims).toEqual([]);
  });

  it("extends a quoted part to its reported clause", () => {
    const source = "Graham said the plan was “dead on arrival” in the Senate.";
    const claim = only(source);
    expect(claim.kind).toBe("mixed");
    expect(claim.text).toBe("the plan was “dead on arrival” in the Senate");
    expect(at(source, claim)).toBe(claim.text);
    expect(claim.speaker?.mention).toBe("Graham");
    expect(claim.cue?.text).toBe("said");
  });

  it("ends a mixed clause before a later clause", () => {
    const claim = only(
      "Ms. Ortiz called the repairs “much, much better” than last year, since the pumps are new.",
    );
    expect(claim.kind).toBe("mixed");
    expect(claim.text).toBe("the repairs “much, much better” than last year");
  });

  it("ends a mixed claim at `.”` when a capital cue word or preposition opens the next sentence", () => {
    for (const next of [
      "Given his past comments, it is safe to say he means the border.",
      "Asked about it, the council said it agreed.",
      "Despite the rain, work went on, the council said.",
    ]) {
      const source = `The mayor claimed that open borders are “tearing families apart.” ${next}`;
      const { claims } = run(source);
      const mixed = claims.find((c) => c.kind === "mixed");
      expect(mixed && at(source, mixed), next).toBe("open borders are “tearing families apart.”");
    }
    // an attribution after the quote still attributes it
    const said = only("“The border is open.” said the mayor.");
    expect(said.speaker?.name).toBe("mayor");
  });

  it("reads a quoted part before its attribution", () => {
    const claim = only("The levee “will not hold another week,” the engineer said.");
    expect(claim.kind).toBe("mixed");
    expect(claim.text).toBe("The levee “will not hold another week,”");
    expect(claim.speaker?.mention).toBe("the engineer");
  });
});

describe("indirect claims", () => {
  it("reads S said (that) …", () => {
    const claim = only("Officials said that the bridge would reopen in May.");
    expect(claim.kind).toBe("indirect");
    expect(claim.text).toBe("the bridge would reopen in May");
    expect(claim.speaker?.mention).toBe("Officials");
    const bare = only("The mayor said on Tuesday the bridge would reopen in May.");
    expect(bare.text).toBe("the bridge would reopen in May");
    expect(bare.speaker?.mention).toBe("The mayor");
  });

  it("reads a speaker after a dash with a short appositive", () => {
    const claim = only("“We will win.” — Jane Doe, plant manager.");
    expect(claim.speaker?.name).toBe("Jane Doe");
  });

  it("reads told X CLAUSE without that, past an object of several words", () => {
    for (const [source, text] of [
      ["Jane Doe told the council the plant would reopen.", "the plant would reopen"],
      ["Jane Doe told CNN the plant would reopen.", "the plant would reopen"],
      ["Jane Doe told the city council Smith would resign.", "Smith would resign"],
    ] as const) {
      const claim = only(source);
      expect(claim.text).toBe(text);
      expect(claim.speaker?.name).toBe("Jane Doe");
    }
  });

  it("leaves an attribution between commas out of the clause, as fragments", () => {
    const source = "John Smith met the mayor.\nThe plan, he said, was dead.";
    const claim = only(source);
    expect(claim.text).toBe("The plan was dead");
    expect(claim.fragments?.map((f) => source.slice(f.start, f.end))).toEqual([
      "The plan",
      "was dead",
    ]);
    expect(claim.speaker?.name).toBe("John Smith");
    const adding = only(
      "The bridge will reopen in May, the mayor said, adding that it cost $2 million.",
    );
    expect(adding.text).toBe("The bridge will reopen in May");
    const inverted = only(
      "Any reading of the deal, said Fiona Hill, an expert on Russia, would see it as a loss.",
    );
    expect(inverted.text).toContain("an expert on Russia");
  });

  it("reads according to S, … and …, S said", () => {
    const claim = only("According to the ministry, the bridge will reopen in May.");
    expect(claim.kind).toBe("indirect");
    expect(claim.text).toBe("the bridge will reopen in May");
    expect(claim.speaker?.mention).toBe("the ministry");
    expect(claim.cue?.text).toBe("According to");
    const after = only("The bridge will reopen in May, according to the ministry.");
    expect(after.text).toBe("The bridge will reopen in May");
    const said = only("The bridge will reopen in May, the mayor said.");
    expect(said.text).toBe("The bridge will reopen in May");
    expect(said.speaker?.mention).toBe("the mayor");
  });

  it("reads told X that, warned, believes, can confirm, said in a statement", () => {
    expect(only("The mayor told reporters that the bridge was safe.").cue?.text).toBe(
      "told reporters",
    );
    expect(only("Engineers warned that the levee could fail.").cue?.text).toBe("warned");
    expect(only("Residents believe that the dam is unsafe.").cue?.text).toBe("believe");
    expect(only("The Herald can confirm that the dam was inspected.").cue?.text).toBe(
      "can confirm",
    );
    expect(only("The company said in a statement that it would pay.").text).toBe("it would pay");
  });

  it("reads parentheticals, poll figures and appositives", () => {
    const as = only("As the Harbor Gazette noted, the dam was built in 1931.");
    expect(as.text).toBe("the dam was built in 1931");
    expect(as.speaker?.name).toBe("Harbor Gazette");
    expect(as.speaker?.type).toBe("Organization");
    const aside = only("And yet, the mayor's aides say, the bridge remains a priority.");
    expect(aside.text).toBe("the bridge remains a priority");
    expect(aside.speaker?.name).toBe("mayor's aides");
    const poll = only("About 4 in 10 say they want the bridge rebuilt.");
    expect(poll.speaker?.mention).toBe("4 in 10");
    expect(poll.text).toBe("they want the bridge rebuilt");
    const age = only(
      "Maria Lopez, 21, a student from Reno, said she walks across the bridge every day.",
    );
    expect(age.speaker?.name).toBe("Maria Lopez");
    const title = only(
      "Sen. Ann Holt, back from a week in Ohio, a farm state, said she would vote for the bill.",
    );
    expect(title.speaker?.name).toBe("Ann Holt");
    expect(title.cue?.text).toBe("said");
  });

  it("leaves sentences without reported speech alone", () => {
    expect(run("That may explain why the bridge was closed.").claims).toEqual([]);
    expect(run("By assuming the role of savior, the council sought credit.").claims).toEqual([]);
    expect(run("The state of the bridge is poor.").claims).toEqual([]);
  });
});

describe("speakers", () => {
  it("resolves surnames, titles and pronouns to earlier full names", () => {
    const source = [
      "Sen. Lindsey Graham visited the dam on Monday.",
      "“It is old,” Graham said.",
      "“It must be fixed,” he added.",
      "“We will pay for it,” the senator said.",
    ].join("\n");
    const { claims } = run(source);
    expect(claims.map((c) => c.speaker?.name)).toEqual([
      "Lindsey Graham",
      "Lindsey Graham",
      "Lindsey Graham",
    ]);
    expect(claims.map((c) => c.speaker?.mention)).toEqual(["Graham", "he", "the senator"]);
  });

  it("keeps Federal and State in institutions' names, not in titles or sentence openers", () => {
    const source = [
      "The Federal Reserve said it would raise rates.",
      "On Monday, the State Department said the talks would go on.",
      "Former secretary of State Hillary Clinton said the deal was bad.",
    ].join("\n");
    const { claims } = run(source);
    expect(claims.map((c) => c.speaker?.name)).toEqual([
      "Federal Reserve",
      "State Department",
      "Hillary Clinton",
    ]);
  });

  it("does not join a name and a day or month after a connector", () => {
    const source =
      "Jane Doe met Tom Brandt on Monday.\n“We will build it,” he said.\nThe Democratic National Convention on Thursday said it agreed.";
    const { claims } = run(source);
    expect(claims.map((c) => c.speaker?.name)).toEqual([
      "Tom Brandt",
      "Democratic National Convention",
    ]);
  });

  it("resolves she to the nearest compatible speaker", () => {
    const source = [
      "Mr. Holt spoke first.",
      "“The dam is old,” Mrs. Ortiz said.",
      "“And it leaks,” she added.",
    ].join("\n");
    const { claims } = run(source);
    expect(claims[1]?.speaker?.name).toBe("Ortiz");
  });

  it("resolves short forms of organizations", () => {
    const source = [
      "The Wall Street Journal reported the plan on Monday.",
      "“It is final,” the Journal said.",
    ].join("\n");
    const { claims } = run(source);
    const direct = claims.find((c) => c.kind === "direct");
    expect(direct?.speaker?.name).toBe("Wall Street Journal");
    expect(direct?.speaker?.type).toBe("Organization");
  });

  it("carries a speaker to the next paragraph's lone quote", () => {
    const source = [
      "“The pumps are running,” Ms. Ortiz said.",
      "“We expect the water to fall by Friday.”",
    ].join("\n");
    const { claims, ctx } = run(source);
    expect(claims).toHaveLength(2);
    expect(claims[1]?.speaker?.name).toBe("Ortiz");
    expect(ctx.diagnostics.filter((d) => d.ruleId === "unattributed-quote")).toEqual([]);
  });

  it("reports a quote with no speaker", () => {
    const source = ["The river rose overnight.", "“Nobody warned us about the water.”"].join("\n");
    const { claims, ctx } = run(source);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.speaker).toBeUndefined();
    const diagnostic = ctx.diagnostics.find((d) => d.ruleId === "unattributed-quote");
    expect(diagnostic?.severity).toBe("info");
    expect(diagnostic?.span && source.slice(diagnostic.span.start, diagnostic.span.end)).toBe(
      "Nobody warned us about the water.",
    );
  });
});

describe("segments with a map (markup removed)", () => {
  it("maps spans back to the source", () => {
    const source = "**“The dam is old,”** Mr. Holt said.";
    const text = "“The dam is old,” Mr. Holt said.";
    const map = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) map[i] = i < 17 ? i + 2 : i + 4;
    const ctx = createContext(source, {});
    const claims = extractClaims([{ text, start: 2, map }], ctx);
    expect(claims).toHaveLength(1);
    const claim = claims[0];
    expect(source.slice(claim?.span.start, claim?.span.end)).toBe("The dam is old");
    expect(source.slice(claim?.speaker?.span?.start, claim?.speaker?.span?.end)).toBe("Mr. Holt");
  });
});

describe("the cue lexicon", () => {
  it("inflects verbs", () => {
    expect(inflect("say")).toEqual(["say", "says", "said", "saying"]);
    expect(inflect("argue")).toEqual(["argue", "argues", "argued", "arguing"]);
    expect(inflect("deny")).toEqual(["deny", "denies", "denied", "denying"]);
    expect(inflect("admit")).toEqual(["admit", "admits", "admitted", "admitting"]);
    expect(inflect("insist")).toEqual(["insist", "insists", "insisted", "insisting"]);
  });

  it("finds one entry per word for every lookup", () => {
    expect(lookupCue("said")?.verb.lemma).toBe("say");
    expect(lookupCue("saying")?.gerund).toBe(true);
    expect(lookupCue("say")?.base).toBe(true);
    expect(lookupCue("table")).toBeUndefined();
    // "point" is a cue only in "point out", "known" no cue alone ("known as")
    expect(lookupCue("pointed")?.verb.lemma).toBe("point");
    expect(cueAlone("pointed")).toBeUndefined();
    expect(cueAlone("known")).toBeUndefined();
    expect(cueAlone("said")).toBe(lookupCue("said"));
    expect(phrasalCuesStartingWith("told")[0]).toEqual(["told", "reporters"]);
    expect(phrasalCuesStartingWith("said")[0]).toEqual(["said", "in", "a", "statement"]);
    expect(phrasalCuesStartingWith("according")).toEqual([["according", "to"]]);
    expect(phrasalCuesStartingWith("table")).toEqual([]);
    expect(cueStart("according")).toMatchObject({ phrasalOnly: true, gerund: false, need: "any" });
    expect(cueStart("responded")).toMatchObject({ phrasalOnly: false, need: "that" });
    expect(cueStart("knows")).toMatchObject({ phrasalOnly: false, need: "thatLater" });
    expect(cueStart("saying")).toMatchObject({ phrasalOnly: false, gerund: true });
    expect(cueStart("table")).toBeUndefined();
    for (const verb of CUE_VERBS) {
      for (const form of inflect(verb.lemma)) {
        expect(mayStartCue(form)).toBe(true);
        expect(cueStart(form)).toBeDefined();
        expect(lookupCue(form)).toBeDefined();
      }
    }
    expect(mayStartCue("can")).toBe(true);
    expect(lookupCue("can")).toBeUndefined();
    expect(cueStart("can")?.phrasalOnly).toBe(true);
    expect(mayStartCue("table")).toBe(false);
  });
});

// Timings are measured by `npm run hostile` (scripts/hostile.ts), not asserted here.
describe("hostile quote marks", () => {
  const check = (body: string) => {
    const claims = extractClaims([{ text: body, start: 0 }], createContext(body, {}));
    for (const claim of claims) {
      expect(claim.span.start).toBeGreaterThanOrEqual(0);
      expect(claim.span.end).toBeLessThanOrEqual(body.length);
      expect(claim.text.length).toBeGreaterThan(0);
    }
    return claims;
  };

  it("reads 10^5 unmatched quote marks as no claim", () => {
    const result = parseText(`Headline\n\n${"“".repeat(100_000)}`);
    expect(result.article).toBeDefined();
    expect(result.article?.claims).toEqual([]);
    expect(check("“ ".repeat(100_000))).toEqual([]);
  });

  it("keeps every claim inside the input for long runs of alternating marks", () => {
    for (const unit of [
      "“”",
      '"a"',
      "''x''",
      "«»",
      "“a” said he ",
      '"Yes," she said. ',
      "a “b” c ",
      ', he said, "a" and "b" ',
    ]) {
      check(unit.repeat(Math.ceil(100_000 / unit.length)));
    }
    expect(check('"Yes," she said. '.repeat(1000)).length).toBe(1000);
  });

  it("does not search a sentence of more than 10,000 characters without quotes, and says so", () => {
    const said = "Senator John Smith said the plan would fail.";
    const run = "By ".repeat(4000); // 12,000 characters, no sentence punctuation
    const body = `${said} ${run}. ${said}`;
    const ctx = createContext(body, {});
    const claims = extractClaims([{ text: body, start: 0 }], ctx);
    // both reported claims around the run are read; the run itself is not
    expect(claims.map((c) => c.speaker?.name)).toEqual(["John Smith", "John Smith"]);
    const skipped = ctx.diagnostics.filter((d) => d.ruleId === "claims-skipped");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.span?.start).toBe(said.length + 1);
    // just under the limit: searched, nothing reported
    const shorter = `${said} ${"By ".repeat(3333)}. ${said}`;
    const ctx2 = createContext(shorter, {});
    extractClaims([{ text: shorter, start: 0 }], ctx2);
    expect(ctx2.diagnostics.filter((d) => d.ruleId === "claims-skipped")).toEqual([]);
  });
});

describe("clause ends of reported speech", () => {
  it("keeps insertions inside the clause: parentheses, dash pairs, relative clauses", () => {
    expect(
      only("Ortiz said the council (which met on Monday) approved the budget for the bridge.").text,
    ).toBe("the council (which met on Monday) approved the budget for the bridge");
    expect(
      only("Ortiz said the repairs — paid for by the state — would take two years.").text,
    ).toBe("the repairs — paid for by the state — would take two years");
    expect(
      only("Ortiz said the engineers, who inspected the span in May, were satisfied.").text,
    ).toBe("the engineers, who inspected the span in May, were satisfied");
    expect(only("Ortiz said the plans, which include a cycle lane, are final.").text).toBe(
      "the plans, which include a cycle lane, are final",
    );
  });

  it("keeps a subordinate clause or a relative clause on a person at the end", () => {
    expect(only("Ortiz said the bridge closed in 2019, when the cables failed.").text).toBe(
      "the bridge closed in 2019, when the cables failed",
    );
    expect(only("Ortiz said the work was led by Ben Ruiz, who retired in March.").text).toBe(
      "the work was led by Ben Ruiz, who retired in March",
    );
  });

  it("ends the clause at a new main clause or a new speaker", () => {
    const { claims } = run(
      "Most residents said they use the bridge daily and one in four said they cross it twice.",
    );
    expect(claims.map((c) => c.text)).toEqual(["they use the bridge daily", "they cross it twice"]);
    expect(
      only("The mayor said the bridge would reopen in May, and she left the meeting early.").text,
    ).toBe("the bridge would reopen in May");
    // "but that …" is a second clause of the same cue
    expect(only("Ortiz says many doubted the plan but that she never did.").text).toBe(
      "many doubted the plan but that she never did",
    );
  });

  it("ends a quoted clause inside an opening subordinate clause at its comma", () => {
    const { claims } = run(
      'When the mayor mentioned the flood and said she would "rebuild every home," the audience cheered.',
    );
    expect(claims.map((c) => [c.kind, c.text, c.cue?.text, c.speaker?.mention])).toEqual([
      ["mixed", 'she would "rebuild every home,"', "said", "the mayor"],
    ]);
  });
});

describe("more reported speech", () => {
  it("reads a commitment with its infinitive (vow, promise, pledge, threaten)", () => {
    const vow = only("The mayor vowed to rebuild the bridge before winter.");
    expect(vow.kind).toBe("indirect");
    expect(vow.text).toBe("to rebuild the bridge before winter");
    expect(vow.cue?.text).toBe("vowed");
    expect(only("Both unions have promised to strike if the talks fail.").text).toBe(
      "to strike if the talks fail",
    );
    // a thing cannot promise: no claim
    expect(run("The debate promised to be a lively one.").claims).toEqual([]);
  });

  it("reads a verb that is also a plural noun before a subject pronoun", () => {
    const claim = only("Ortiz claims she was never told about the cracks.");
    expect(claim.text).toBe("she was never told about the cracks");
    expect(claim.cue?.text).toBe("claims");
  });

  it("reads a wh-clause after the cue", () => {
    expect(only("Two members have not said who they will vote for.").text).toBe(
      "who they will vote for",
    );
  });

  it("gives a participle the speaker of the attribution before it", () => {
    const { claims } = run(
      "“The plan is sound,” Ortiz said, adding that the bridge is almost finished.",
    );
    expect(claims.map((c) => [c.kind, c.text, c.speaker?.mention, c.cue?.text])).toEqual([
      ["direct", "The plan is sound", "Ortiz", "said"],
      ["indirect", "the bridge is almost finished", "Ortiz", "adding"],
    ]);
    const mixed = run(
      "“The plan is sound,” Ortiz said, adding that the bridge is “almost finished.”",
    ).claims[1];
    expect(mixed?.kind).toBe("mixed");
    expect(mixed?.speaker?.mention).toBe("Ortiz");
    expect(mixed?.cue?.text).toBe("adding");
  });

  it("reads a subject before a parenthetical between dashes", () => {
    const claim = only(
      "Ana Ortiz -- who has led the council since 2019 -- said she regretted the delay.",
    );
    expect(claim.speaker?.mention).toBe("Ana Ortiz");
    expect(claim.text).toBe("she regretted the delay");
    expect(
      only("Jason Mills — a teacher from Dayton — says he will vote for the measure.").speaker
        ?.name,
    ).toBe("Jason Mills");
  });

  it("attributes a quote to the speech cue whose clause holds it", () => {
    const claim = only(
      "A spokesman said the files that were copied suggested the intruders wanted “trade secrets.”",
    );
    expect(claim.kind).toBe("mixed");
    expect(claim.cue?.text).toBe("said");
    expect(claim.speaker?.mention).toBe("A spokesman");
    expect(claim.text).toBe(
      "the files that were copied suggested the intruders wanted “trade secrets.”",
    );
    // a person's words inside the clause stay theirs
    const called = only("Ortiz said Ruiz called the plan “a disaster.”");
    expect(called.cue?.text).toBe("called");
    expect(called.speaker?.mention).toBe("Ruiz");
  });

  it("reads a cue after an appositive", () => {
    const claim = only(
      "Ana Ortiz, director of the Institute of Urban Studies, calls Lakeside “a mistake” because few people live there.",
    );
    expect(claim.kind).toBe("mixed");
    expect(claim.speaker?.mention).toBe("Ana Ortiz");
    expect(claim.cue?.text).toBe("calls");
  });

  it("gives the quote after a paragraph ending in `S said:` to S", () => {
    const source =
      "The mayor spoke to the council on Monday. Ortiz said:\n“We will rebuild every home.”";
    const { claims, ctx } = run(source);
    expect(claims.map((c) => [c.kind, c.text, c.speaker?.mention, c.cue?.text])).toEqual([
      ["direct", "We will rebuild every home.", "Ortiz", "said"],
    ]);
    expect(ctx.diagnostics.some((d) => d.ruleId === "unattributed-quote")).toBe(false);
  });
});

describe("quotes that no cue attributes", () => {
  it("does not take a passive cue without its agent for an attribution", () => {
    expect(run("Executives are expected to unveil “bold plans” at the meeting.").claims).toEqual(
      [],
    );
    const called = only(
      "Ortiz called the budget a “paperwork error” that was reported in a “hit piece” by the Gazette.",
    );
    expect(called.cue?.text).toBe("called");
    // "is described as" quotes someone's description, but the book is not the speaker
    const described = only("The book is described on its cover as a “riveting story.”");
    expect(described.kind).toBe("mixed");
    expect(described.cue?.text).toBe("described");
    expect(described.speaker).toBeUndefined();
    // "is reported to have called": the subject is the speaker
    expect(
      only("The mayor is reported to have called the council “a rubber stamp.”").speaker?.mention,
    ).toBe("The mayor");
  });

  it("does not let a cue in an opening adverbial clause reach past its comma", () => {
    expect(
      run(
        "Declaring that the city was safe, the mayor offered herself as a “law and order” candidate.",
      ).claims.filter((c) => c.kind !== "indirect"),
    ).toEqual([]);
    expect(
      run(
        "While many agreed with the plan, the council’s decision to add a “toll lane” angered drivers.",
      ).claims,
    ).toEqual([]);
  });

  it("ends a quoted clause before a new clause after the quote's comma", () => {
    expect(
      only("Ortiz has called the tolls “unfair,” and her office has made an effort to cut them.")
        .text,
    ).toBe("the tolls “unfair,”");
    expect(
      only("Ortiz slammed the rule called a “loophole,” in which owners avoid the tax.").text,
    ).toBe("the rule called a “loophole,”");
  });

  it("does not take a subordinate conjunction for part of a speaker", () => {
    const claim = only("Harris says he was “on the fence” until Lopez said she backed the plan.");
    expect(claim.speaker?.mention).toBe("Harris");
    expect(claim.cue?.text).toBe("says");
  });

  it("ends a reported clause inside an opening subordinate clause at its comma", () => {
    expect(
      only(
        "Even after the union released an advert in which Ortiz pledged to spend $2 million a week, some remained skeptical.",
      ).text,
    ).toBe("to spend $2 million a week");
  });
});

describe("reported questions, requests and embedded cues", () => {
  it("reads a reported question from its question word", () => {
    const claim = only("A reporter asked Ortiz how she felt about the vote.");
    expect(claim.kind).toBe("indirect");
    expect(claim.text).toBe("how she felt about the vote");
    expect(claim.speaker?.mention).toBe("A reporter");
    expect(claim.cue?.text).toBe("asked");
    expect(only("He wondered whether the bridge would hold.").text).toBe(
      "whether the bridge would hold",
    );
    expect(run("Ortiz asked about the budget.").claims).toEqual([]);
  });

  it("reads a request with its object", () => {
    expect(only("Ortiz urged residents to stay away from the river.").text).toBe(
      "residents to stay away from the river",
    );
    expect(only("The mayor asked the council to approve the budget.").text).toBe(
      "the council to approve the budget",
    );
    // a passive request has no object to report
    expect(run("Ortiz was asked to preserve the records.").claims).toEqual([]);
    // a finite verb after "and" is the speaker's next predicate, not part of the request
    expect(
      only("He has asked party leaders to disavow the plan and has repeatedly called it reckless.")
        .text,
    ).toBe("party leaders to disavow the plan");
  });

  it("reads a cue after a verb that takes an infinitive", () => {
    const claim = only("Ortiz continued to complain that the council had been unfair.");
    expect(claim.text).toBe("the council had been unfair");
    expect(claim.speaker?.mention).toBe("Ortiz");
    expect(claim.cue?.text).toBe("complain");
    expect(only("The mayor was quick to add that the bridge is safe.").speaker?.mention).toBe(
      "The mayor",
    );
  });

  it("reads a report inside a relative clause", () => {
    const claim = only("Registrations rose, which Democrats say could be helping Ortiz.");
    expect(claim.text).toBe("which Democrats say could be helping Ortiz");
    expect(claim.speaker?.mention).toBe("Democrats");
    expect(claim.cue?.text).toBe("say");
  });

  it("reads a place after an inverted speaker", () => {
    const claim = only(
      "Even the council has more influence through its budget, says political scientist Ana Ortiz in New York.",
    );
    expect(claim.text).toBe("Even the council has more influence through its budget");
    expect(claim.speaker?.name).toBe("Ana Ortiz");
  });
});

describe("that-clauses of any speech verb", () => {
  it("reads a that-clause after a verb that otherwise only attributes quotes", () => {
    const claim = only("Ortiz responded that the council was wrong.");
    expect(claim.text).toBe("the council was wrong");
    expect(claim.cue?.text).toBe("responded");
    expect(run("Ortiz answered that question with a shrug.").claims).toEqual([]);
    const mixed = only(
      "Asked about the plan, Ortiz responded that the council “is right about the problems.”",
    );
    expect(mixed.kind).toBe("mixed");
    expect(mixed.speaker?.mention).toBe("Ortiz");
  });

  it("reads a verb after a relative “that”", () => {
    const claim = only("The Gazette ran a piece that noted his “budget plan would help the rich.”");
    expect(claim.kind).toBe("mixed");
    expect(claim.cue?.text).toBe("noted");
  });

  it("finds the subject of a sentence that opens with a conjunction", () => {
    const claim = only(
      "But Sen. Ann Holt (R-Pa.) refused to entertain the idea, responding that she is “not going to go into it.”",
    );
    expect(claim.speaker?.name).toBe("Ann Holt");
    expect(claim.cue?.text).toBe("responding");
  });
});

describe("quotes left open", () => {
  it("does not run two words left open on into the next paragraph", () => {
    const source =
      "The firm says it tracks 500 more ''family fortunes.'.')\n''Lists come down to money,'' Mr. Holt said. ''The more people you have, the better.''";
    const { claims } = run(source);
    const last = claims[claims.length - 1];
    expect(last?.kind).toBe("direct");
    expect(last?.speaker?.name).toBe("Holt");
    expect(last?.fragments).toHaveLength(2);
  });
});

describe("a closing mark glued to the next sentence", () => {
  it("ends the sentence at “…!”Next as at “…!” Next", () => {
    const { claims } = run(
      "“Everyone is talking about the parade,” he wrote on Monday. “I want more of it!”After the rally, the mayor left.",
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]?.fragments).toHaveLength(2);
    expect(claims[0]?.cue?.text).toBe("wrote");
  });
});

describe("speakers before a colon and short forms", () => {
  it("gives a quote after a colon to the subject of the clause before it", () => {
    const claim = only(
      "Former mayor Ana Ortiz explained what was wrong with the plan to the Harbor Gazette: “The bridge was never safe and the council knew it.”",
    );
    expect(claim.speaker?.name).toBe("Ana Ortiz");
    const said = only(
      "Likewise, a study from the Lakeside Institute had this to say about the plan: “Families at the top would gain the most.”",
    );
    expect(said.speaker?.mention).toBe("a study");
    // the thing that is surprised does not speak
    const object = only(
      "The result does not surprise pollster Ben Ruiz: “Lesser-known candidates often see the biggest boost.”",
    );
    expect(object.speaker).toBeUndefined();
  });

  it("resolves a surname to the person, not to an organization named after them", () => {
    const source =
      "Donald Holt spoke on Monday.\nHolt University was sued in May.\n“We will win,” Holt said.";
    const claim = run(source).claims[0];
    expect(claim?.speaker?.name).toBe("Donald Holt");
  });
});

describe("attributions right after a quote", () => {
  it("reads an inverted verb that is also a plural noun", () => {
    const claim = only("“The walls are failing,” reads an editorial in the Harbor Gazette.");
    expect(claim.cue?.text).toBe("reads");
    expect(claim.speaker?.mention).toBe("an editorial");
  });

  it("reads “…,” S started / began, and lyrics that someone sang", () => {
    expect(only("“The council met with you in January,” Ortiz started.").cue?.text).toBe("started");
    expect(
      only("As the band sang in 1980, “They will turn us all into beggars.”").speaker?.name,
    ).toBe("band");
    // before a quote, "started" is no cue
    expect(
      run("The crowd started the rally early, “We want more.”").claims[0]?.cue,
    ).toBeUndefined();
  });
});

describe("wordCount", () => {
  it("counts runs of non-whitespace up to 4, any whitespace separating them", () => {
    expect(wordCount("a b", 0, 3)).toBe(2);
    const spaced = "  one\u2009two\u00a0three ";
    expect(wordCount(spaced, 0, spaced.length)).toBe(3);
    expect(wordCount("a b c d e f", 0, 11)).toBe(4);
    expect(wordCount("abc def", 1, 5)).toBe(2);
    expect(wordCount(" \t\n", 0, 3)).toBe(0);
  });
});
