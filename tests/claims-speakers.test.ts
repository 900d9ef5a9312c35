import { describe, expect, it } from "vitest";
import { SpeakerRegistry, sentenceSubject, subjectBefore } from "../src/parse/claims/speakers.js";
import { tokenize } from "../src/parse/claims/tokens.js";

/** A registry with the names of `text` registered (paragraph 0). */
function registryOf(text: string, authors: readonly string[] = []): SpeakerRegistry {
  const registry = new SpeakerRegistry(authors);
  registry.registerNames(tokenize(text, 0, text.length), 0);
  return registry;
}

/** Resolve all of `mention` (a later paragraph) against the registry. */
function resolveIn(registry: SpeakerRegistry, mention: string) {
  const tokens = tokenize(mention, 0, mention.length);
  return registry.resolve(tokens, { first: 0, last: tokens.length - 1 }, 1e9);
}

describe("speaker registry", () => {
  it("keeps one entity per name, and a surname refers to the full name", () => {
    const registry = registryOf(
      "Sen. Lindsey Graham spoke. Graham left. Lindsey Graham came back.",
    );
    // (resolving registers what is pending)
    const resolved = resolveIn(registry, "Graham");
    expect(registry.entities.map((e) => e.name)).toEqual(["Lindsey Graham"]);
    expect(resolved.name).toBe("Lindsey Graham");
    expect(resolved.type).toBe("Person");
    expect(registry.entities[0]?.titles).toEqual(["senator"]);
  });

  it("reads names without their possessive", () => {
    const registry = registryOf("Donald Trump's aides met. Trump's lawyer spoke.");
    expect(resolveIn(registry, "Trump").name).toBe("Donald Trump");
    expect(registry.entities.map((e) => e.name)).toEqual(["Donald Trump"]);
  });

  it("resolves a word of an organization's name to it", () => {
    const registry = registryOf("Trump University was sued. Trump spoke.");
    expect(resolveIn(registry, "Trump").name).toBe("Trump University");
    expect(registry.entities.map((e) => [e.name, e.type])).toEqual([
      ["Trump University", "Organization"],
    ]);
  });

  it("keeps one-word names apart from the longer names holding the word", () => {
    const registry = registryOf("Paris is calm. Paris Hilton arrived. Paris was busy.");
    expect(resolveIn(registry, "Paris Hilton").name).toBe("Paris Hilton");
    expect(registry.entities.map((e) => e.name)).toEqual(["Paris", "Paris Hilton"]);
  });

  it("never registers the authors", () => {
    const registry = registryOf("Jane Doe wrote. Ana Ortiz spoke.", ["Jane Doe"]);
    resolveIn(registry, "he");
    expect(registry.entities.map((e) => e.name)).toEqual(["Ana Ortiz"]);
  });

  it("types names by their words: organization words, acronyms, several words", () => {
    const registry = registryOf(
      "Nobody saw Sen. Lindsey Graham, the Party's chief, the FBI, U.S. officials, AT&T, " +
        "A& and NATO IMF or Treasury Secretary James Baker in Paris.",
    );
    resolveIn(registry, "he");
    expect(registry.entities.map((e) => [e.name, e.type])).toEqual([
      ["Nobody", undefined],
      ["Lindsey Graham", "Person"],
      ["Party", "Organization"],
      ["FBI", "Organization"],
      ["U.S.", "Organization"],
      ["AT&T", "Organization"],
      ["NATO IMF", "Organization"],
      ["James Baker", "Person"],
      ["Paris", undefined],
    ]);
  });

  it("keeps each title once; a title inside a mention starts the name", () => {
    const registry = registryOf("Gov. Ana Ortiz spoke. Mrs. Ortiz left. Gov. Ortiz came back.");
    expect(resolveIn(registry, "Treasury Secretary Ortiz").name).toBe("Ana Ortiz");
    // (a titled one-word name is no short form: "Mrs. Ortiz" is an entity of its own)
    expect(registry.entities.map((e) => [e.name, e.titles, e.gender])).toEqual([
      ["Ana Ortiz", ["governor", "secretary"], undefined],
      ["Ortiz", ["mrs", "governor"], "f"],
    ]);
  });
});

describe("subjects", () => {
  const words = (text: string) => tokenize(text, 0, text.length);
  const span = (text: string, np: { first: number; last: number } | undefined) => {
    const tokens = words(text);
    return np && text.slice(tokens[np.first]?.start, tokens[np.last]?.end);
  };

  it("reads the subject before a cue over adverbs and time words", () => {
    for (const [text, cue, subject] of [
      ["Ted Cruz on Wednesday announced", 4, "Ted Cruz"],
      ["The senator has long said", 4, "The senator"],
      ["Democrats in November say", 3, "Democrats"],
      ["Today said", 1, undefined],
      ["Four in 10 voters say", 4, "Four in 10 voters"],
      ["aides to Clinton said", 3, "aides to Clinton"],
      ["the reportedly angry mayor said", 4, "angry mayor"],
      ["the group quickly reported", 3, "the group"],
    ] as const) {
      expect(span(text, subjectBefore(words(text), cue, 0))).toBe(subject);
    }
  });

  it("reads the subject that opens a sentence", () => {
    const text = "But the spokesman for Sen. Pat Toomey said";
    expect(span(text, sentenceSubject(words(text), 7))).toBe("the spokesman for Sen. Pat Toomey");
    const they = "They said";
    expect(span(they, sentenceSubject(words(they), 1))).toBe("They");
  });
});
