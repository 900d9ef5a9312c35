import { describe, expect, it } from "vitest";
import { SpeakerRegistry } from "../src/parse/claims/speakers.js";
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
});
