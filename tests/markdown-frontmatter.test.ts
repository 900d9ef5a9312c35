import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { parse as parseYamlStrict } from "yaml";
import { readName } from "../src/parse/extract/byline.js";
import { ORGANISATION_WORDS } from "../src/parse/extract/words.js";
import { toIsoDate } from "../src/parse/markdown/dates.js";
import { readToml } from "../src/parse/markdown/frontmatter.js";
import { readSimpleYaml, readYaml, repairQuotedContinuations } from "../src/parse/markdown/yaml.js";
import { parseMarkdown } from "../src/parse/markdown.js";

describe("front-matter dates", () => {
  it.each([
    ["2015-07-17", "2015-07-17"],
    ["2015-3-7", "2015-03-07"],
    ["2015-03-17 14:00:00 -4", "2015-03-17T14:00:00-04:00"],
    ["2018-03-09 09:00:00 -0400", "2018-03-09T09:00:00-04:00"],
    ["2022-08-18T12:00:00.000Z", "2022-08-18T12:00:00.000Z"],
    ["2024-01-05T08:00:00+08:00", "2024-01-05T08:00:00+08:00"],
    ["2023-01-26T11:04:34", "2023-01-26T11:04:34"],
    ["2024/03/05", "2024-03-05"],
    ["March 5, 2024", "2024-03-05"],
    ["5 Sept. 2024", "2024-09-05"],
  ])("reads %s as %s", (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it("reads Date objects (YAML 1.1 readers) and rejects what is not a date", () => {
    expect(toIsoDate(new Date("2015-07-17T00:00:00Z"))).toBe("2015-07-17");
    expect(toIsoDate(new Date("2015-07-17T10:11:00-04:00"))).toBe("2015-07-17T14:11:00Z");
    for (const bad of [
      "2024-13-45",
      "2023-02-29",
      "yesterday",
      "",
      20240101,
      null,
      "2024-01-01 25:00",
    ])
      expect(toIsoDate(bad)).toBeUndefined();
  });
});

describe("YAML front matter", () => {
  it("repairs multi-line quoted strings at the key's indentation, as Jekyll reads them", () => {
    const text = 'title: "A"\nexcerpt: "one\ntwo: still the excerpt\nthree"\nimage: /a.png';
    expect(readYaml(text).errors.length).toBeGreaterThan(0);
    expect(repairQuotedContinuations(text)).toBe(
      'title: "A"\nexcerpt: "one\n two: still the excerpt\n three"\nimage: /a.png',
    );
    const read = readYaml(text);
    expect(read.repaired).toBe(true);
    expect(Object.fromEntries(read.data as Map<string, unknown>)).toEqual({
      title: "A",
      excerpt: "one two: still the excerpt three",
      image: "/a.png",
    });
  });

  it("writes no process warning for odd keys (untrusted input stays quiet)", () => {
    const emit = vi.spyOn(process, "emitWarning");
    try {
      const { article } = parseMarkdown("---\n[x]: y\n{a: 1}: z\ntitle: T\n---\nBody text.\n");
      expect(article?.headline).toBe("T");
      expect(emit).not.toHaveBeenCalled();
    } finally {
      emit.mockRestore();
    }
  });

  it("keeps the keys before an error it cannot repair", () => {
    const read = readYaml("title: Kept\ntags: [a, b\ndate: 2024-01-01\n");
    expect(read.partial).toBe(true);
    expect(Object.fromEntries(read.data as Map<string, unknown>)).toEqual({ title: "Kept" });
  });

  it("the fast path reads `key:` lines as the yaml package does (key scanner edge cases)", () => {
    const texts = [
      "a: 1",
      "a:",
      "a :  x",
      "A_b-2: y",
      "_k: v",
      "a:b",
      "1a: x",
      "-a: x",
      "a b: x",
      "a: x\u2028y",
      "k:: x",
      "a: 'x'\nb: \"y\"",
    ];
    for (const text of texts) {
      const fast = readSimpleYaml(text);
      if (fast === undefined) continue;
      const full = parseYamlStrict(text, { schema: "core", uniqueKeys: false });
      expect(Object.fromEntries(fast.data)).toEqual(full);
    }
    expect(readSimpleYaml("a:b")).toBeUndefined();
    expect(readSimpleYaml("a: x\u2028y")).toBeUndefined();
    expect(readSimpleYaml("a :  x")?.data).toEqual(new Map([["a", "x"]]));
    // a line of spaces deeper than the block's indentation is content: the full reader's
    expect(readSimpleYaml("a: >\n  A\n   ")).toBeUndefined();
    expect(readYaml("a: |\n  A\n   \n  B").data).toEqual(new Map([["a", "A\n \nB\n"]]));
    expect(readSimpleYaml("a: 1\nb:\n- x\nc: >-\n  one\n  two")?.data).toEqual(
      new Map<string, unknown>([
        ["a", 1],
        ["b", ["x"]],
        ["c", "one two"],
      ]),
    );
  });

  it("the fast path gives what the yaml package gives (property)", () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.!?'’-]{0,30}$/),
      fc.stringMatching(/^[A-Za-z0-9 :#,'"-]{0,20}$/).map((s) => JSON.stringify(s)),
      fc.stringMatching(/^[A-Za-z0-9 :#,"-]{0,20}$/).map((s) => `'${s.replace(/'/g, "''")}'`),
      // starting with digits (numbers, dates, and what looks like either)
      fc.stringMatching(/^[0-9][0-9eE.+:#xo -]{0,12}$/),
      fc.constantFrom(
        "true",
        "00-1",
        "12e-3",
        "1E-3",
        "10-",
        "2014-03-12T10:11:00Z",
        "0x-1",
        "12.5-3",
        "False",
        "~",
        "null",
        "12",
        "-3",
        "1.5e3",
        "0x1F",
        ".inf",
        "2024-01-05",
        "2015-03-17 14:00:00 -4",
        "yes",
        "a # comment",
        "a: b",
        "[a, b]",
        "&x a",
        "*x",
        "|",
        ">-",
      ),
    );
    const entry = fc.oneof(
      fc.tuple(fc.stringMatching(/^[a-z][a-z_-]{0,8}$/), scalar).map(([k, v]) => `${k}: ${v}`),
      fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z_-]{0,8}$/),
          fc.array(fc.tuple(scalar, fc.constantFrom("", "  ", "\n", "\n  ")), { maxLength: 3 }),
          fc.constantFrom("", "  ", "    ", "     "),
        )
        .map(
          ([k, items, indent]) =>
            `${k}:${items.map(([i, blank]) => `\n${indent}- ${i}${blank}`).join("")}`,
        ),
      fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z_-]{0,8}$/),
          fc.constantFrom(">", ">-", "|", "|-", "|+", ">2"),
          fc.array(
            fc.oneof(
              fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,20}$/).map((l) => `  ${l}`),
              fc.stringMatching(/^[A-Za-z#][A-Za-z ,.]{0,8}$/).map((l) => `    ${l}`),
              fc.constantFrom("", "  ", "   ", "  # not a comment", "  - not an item"),
            ),
            { minLength: 1, maxLength: 4 },
          ),
        )
        .map(([k, header, lines]) => `${k}: ${header}\n${lines.join("\n")}`),
      fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z_-]{0,8}$/),
          fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,20}$/), {
            minLength: 2,
            maxLength: 3,
          }),
        )
        .map(([k, lines]) => `${k}: "${lines.join("\n  ")}"`),
      fc.constantFrom("", "# comment"),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const text = entries.join("\n");
        const fast = readSimpleYaml(text);
        if (fast === undefined) return;
        expect(fast.repairedAt).toBeUndefined();
        let full: unknown;
        try {
          full = parseYamlStrict(text, { schema: "core", uniqueKeys: false }) ?? {};
        } catch {
          throw new Error(`fast path read YAML the full reader rejects: ${JSON.stringify(text)}`);
        }
        expect(Object.fromEntries(fast.data)).toEqual(full);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("TOML front matter", () => {
  it("reads strings, arrays, dates, numbers, tables and reports bad lines", () => {
    const { data, errors } = readToml(
      'title = "A \\"quoted\\" title"\ndraft = false\nweight = 3\ndate = 2024-01-05T08:00:00+08:00\ntags = ["a", \'b\']\nbad line\n[params]\nimage = "/x.png"\n[[authors]]\nname = "Ana"\n',
    );
    expect(data).toMatchObject({
      title: 'A "quoted" title',
      draft: false,
      weight: 3,
      date: "2024-01-05T08:00:00+08:00",
      tags: ["a", "b"],
      params: { image: "/x.png" },
      authors: [{ name: "Ana" }],
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.start).toBeGreaterThan(0);
  });
});

/** The authors parseMarkdown reads from a front-matter `author` value (YAML). */
const frontMatterAuthors = (author: string): unknown =>
  parseMarkdown(`---\ntitle: T\nauthor: ${author}\n---\n\nBody.\n`).article?.byline?.authors;

describe("front-matter bylines (read by the shared parseBylineText)", () => {
  it.each([
    [
      "Max Neuvians and Tim Arney, Developers",
      [
        ["Max Neuvians", "Developers"],
        ["Tim Arney", "Developers"],
      ],
    ],
    [
      "Élise Cossette, Outreach and Yedida Zalik, Content Design",
      [
        ["Élise Cossette", "Outreach"],
        ["Yedida Zalik", "Content Design"],
      ],
    ],
    [
      "Colin MacArthur, Head of Design Research, John Millons, Head of Policy",
      [
        ["Colin MacArthur", "Head of Design Research"],
        ["John Millons", "Head of Policy"],
      ],
    ],
    [
      "The Honourable Scott Brison, President of the Treasury Board",
      [["Scott Brison", "President of the Treasury Board"]],
    ],
    [
      "Mario Garneau, Mithula Naik and Ryan Androsoff",
      [["Mario Garneau"], ["Mithula Naik"], ["Ryan Androsoff"]],
    ],
  ])("reads %s", (byline, expected) => {
    const authors = (frontMatterAuthors(JSON.stringify(byline)) ?? []) as Array<{
      name: string;
      role?: string;
    }>;
    expect(authors.map((a) => (a.role ? [a.name, a.role] : [a.name]))).toEqual(expected);
  });

  it("reads an organisation after the names as their affiliation", () => {
    expect(frontMatterAuthors('"Eric Chouinard, Health Canada"')).toEqual([
      { type: "Person", name: "Eric Chouinard", affiliation: "Health Canada" },
    ]);
  });

  it("keeps parenthesised affiliations", () => {
    expect(frontMatterAuthors('"Jeff Adam (RCMP), Charlotte Pedersen (CDS)"')).toEqual([
      { type: "Person", name: "Jeff Adam", affiliation: "RCMP" },
      { type: "Person", name: "Charlotte Pedersen", affiliation: "CDS" },
    ]);
  });

  it("reads lists of names and handles, and objects with a name and url", () => {
    expect(frontMatterAuthors("\n  - mbland\n  - Ana Ruiz\n  - 18F")).toEqual([
      { type: "Person", name: "mbland" },
      { type: "Person", name: "Ana Ruiz" },
      { type: "Organization", name: "18F" },
    ]);
    expect(frontMatterAuthors("\n  - name: Ana Ruiz\n    url: https://example.org/ana")).toEqual([
      { type: "Person", name: "Ana Ruiz", url: "https://example.org/ana" },
    ]);
    // A string the byline reader cannot split is one author, as written.
    expect(frontMatterAuthors("the web team")).toEqual([
      { type: "Organization", name: "the web team" },
    ]);
    expect(frontMatterAuthors("Grace")).toEqual([{ type: "Person", name: "Grace" }]);
  });

  it("reads one-word handles as the name reader and the organisation tests do", () => {
    // (the reading of a one-word author that the quick reading of handles replaces)
    const reference = (name: string): unknown => [
      readName(name) ?? {
        type:
          (/^[\p{Lu}\d]+$/u.test(name) && /\d|^\p{Lu}{2,}$/u.test(name)) ||
          ORGANISATION_WORDS.has(name.toLowerCase())
            ? "Organization"
            : "Person",
        name,
      },
    ];
    const handle = fc.oneof(
      fc.stringMatching(/^[a-z-]{1,12}$/),
      fc.stringMatching(/^[A-Z0-9]{1,5}$/),
      fc.stringMatching(/^[A-Za-z0-9-]{1,6}$/),
      fc.constantFrom(
        ...[...ORGANISATION_WORDS].filter((w) => /^[a-z-]+$/.test(w)),
        "reuters",
        "ap",
        "afp",
        "bloomberg",
        "AP",
        "CDS",
        "X",
        "18F",
        "2024",
      ),
    );
    fc.assert(
      fc.property(handle, (name) => {
        expect(frontMatterAuthors(JSON.stringify(name))).toEqual(reference(name));
      }),
      { numRuns: 500 },
    );
  });
});

describe("front matter as blog engines write it (found by an audit)", () => {
  const post = (fm: string, options?: { url: string }) =>
    parseMarkdown(`---\n${fm}\n---\nThe bridge reopened on Monday.\n`, options);
  const rules = (r: ReturnType<typeof parseMarkdown>) =>
    r.diagnostics.filter((d) => d.ruleId.startsWith("front") || d.ruleId.startsWith("image"));

  it("applies YAML merge keys, as Jekyll and Hugo do", () => {
    const r = post(
      "defaults: &d\n  author: Jane Doe\n  image: https://a.example/1.png\ntitle: Hello\n<<: *d",
    );
    expect(r.article?.byline?.authors.map((a) => a.name)).toEqual(["Jane Doe"]);
    expect(r.article?.images).toEqual([{ url: "https://a.example/1.png" }]);
  });

  it("reports an alias without its anchor where it is, not as too many aliases", () => {
    const r = post("title: Hello\ndescription: *nope");
    expect(r.article?.headline).toBe("Hello");
    expect(rules(r).map((d) => [d.ruleId, d.start?.line, d.start?.column])).toEqual([
      ["front-matter-invalid", 3, 14],
    ]);
  });

  it("takes Jekyll's `published: true` for the publish flag it is, not a date", () => {
    const r = post("title: Hello\npublished: true");
    expect(r.article?.datePublished).toBeUndefined();
    expect(rules(r)).toEqual([]);
  });

  it("reads only month names and weekdays in written dates", () => {
    expect(toIsoDate("Friday, January 5, 2024")).toBe("2024-01-05");
    expect(toIsoDate("Sept. 5 2024")).toBe("2024-09-05");
    expect(toIsoDate("Junebug 5, 2024")).toBeUndefined();
    expect(toIsoDate("Draft, January 5, 2024")).toBeUndefined();
  });

  it("resolves a site-relative author url against options.url, and says why an image is dropped", () => {
    const r = post(
      "title: Hello\nauthors:\n  - name: Jane Doe\n    url: /authors/jane/\n    twitter: janedoe\nimage: javascript:alert(1)",
      { url: "https://blog.example.org/2024/hello/" },
    );
    expect(r.article?.byline?.authors).toEqual([
      { type: "Person", name: "Jane Doe", url: "https://blog.example.org/authors/jane/" },
    ]);
    expect(rules(r).map((d) => d.message)).toEqual([
      "Unexpected image URL `javascript:alert(1)` in `image`, expected an absolute http(s) URL: dropped",
    ]);
  });
});

describe("templated permalinks", () => {
  it.each([
    '"{{ page.fileSlug }}/"',
    '"/blog/{{ title | slugify }}/"',
    "/blog/:year/:month/:title/",
  ])("drops %s with a diagnostic instead of taking it for the page's URL", (permalink) => {
    const r = parseMarkdown(
      `---\ntitle: Hello\npermalink: ${permalink}\nimage: cover.png\n---\nBody text.\n`,
      {
        url: "https://blog.example.org/2024/hello/",
      },
    );
    expect(r.article?.url).toBe("https://blog.example.org/2024/hello/");
    expect(r.article?.images[0]?.url).toBe("https://blog.example.org/2024/hello/cover.png");
    expect(r.diagnostics.map((d) => d.message).join("\n")).toMatch(/templated `permalink`/);
  });

  it("keeps a plain permalink", () => {
    const r = parseMarkdown("---\ntitle: Hello\npermalink: /blog/hello/\n---\nBody text.\n", {
      url: "https://blog.example.org/",
    });
    expect(r.article?.url).toBe("https://blog.example.org/blog/hello/");
  });
});

describe("front-matter value diagnostics", () => {
  it("point at the line of the key, not the whole front matter", () => {
    const r = parseMarkdown(
      "---\ntitle: Hello\nauthor: Jane Doe\ndate: not a date\nlast_modified: yesterday\nimage: cover.png\n---\nBody.\n",
    );
    const at = r.diagnostics
      .filter((d) => d.ruleId.startsWith("front") || d.ruleId.startsWith("image"))
      .map((d) => [d.ruleId, d.start?.line, d.start?.column, d.end?.line]);
    expect(at).toEqual([
      ["front-matter-invalid-date", 4, 1, 4],
      ["front-matter-invalid-date", 5, 1, 5],
      ["image-relative-url", 6, 1, 6],
    ]);
  });
});
