/**
 * The published JSON Schema (`articleJsonSchema`) against `fromJson`: what the parsers
 * and `toJson` produce validates, and the values the zod refinements reject (unsafe or
 * relative URLs, blank text, impossible dates) are rejected by the JSON Schema too.
 * Articles here are written for these tests, plus the repository's examples.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Article,
  articleJsonSchema,
  fromJson,
  parseMarkdown,
  parseText,
  toJson,
} from "../src/index.js";
import { article as anyArticle } from "./arbitraries.js";

// formats are annotations here (draft 2020-12); the patterns carry the checks
const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(
  articleJsonSchema,
);

function schemaAccepts(data: unknown): boolean {
  return validate(data) === true;
}

function fromJsonAccepts(data: unknown): boolean {
  try {
    fromJson(data);
    return true;
  } catch {
    return false;
  }
}

const minimal: Article = {
  headline: "Ferry resumes",
  keywords: [],
  images: [],
  body: [],
  claims: [],
};

const text = `Ferry service resumes after storm repairs
By Mira Olsen and Theo Grant, Harbor Desk

PORT ELLIS, Maine, April 3 (Reuters) - The island ferry ran again on Wednesday after two weeks of repairs.

"We are back on the water," captain Lena Brooks said. She added that the schedule would be "tight but reliable" until summer.

According to the harbor office, about 400 people rode the first crossings.

Editing by Sam Ortiz`;

const markdown = `---
title: Library extends weekend hours
author: Ana Pereira
date: 2024-03-09T10:30:00-05:00
url: https://news.example.org/2024/03/library-hours
tags: [libraries, city]
---

# Library extends weekend hours

![Reading room](/img/reading-room.jpg)

The central library will open on Sundays from April, the board said on Friday.

"People asked for this for years," director Omar Haddad said.
`;

function articlesOf(): [string, Article][] {
  const out: [string, Article][] = [];
  const add = (name: string, a: Article | undefined) => {
    if (a === undefined) throw new Error(`no article from ${name}`);
    out.push([name, a]);
  };
  add("text", parseText(text, { referenceDate: "2024-04-05", language: "en" }).article);
  add("text without year", parseText(text).article);
  add("markdown", parseMarkdown(markdown, { url: "https://news.example.org/" }).article);
  for (const file of ["empty-alert.txt", "empty-alert.md"]) {
    const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), "utf8");
    const parse = file.endsWith(".md") ? parseMarkdown : parseText;
    add(file, parse(source, { referenceDate: "2024-02-01", language: "en" }).article);
  }
  return out;
}

describe("articleJsonSchema", () => {
  it.each(articlesOf())("validates the toJson output of the %s article", (_, article) => {
    const json = toJson(article);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(json)).not.toBe(JSON.stringify(toJson(minimal)));
  });

  it("validates what toJson gives for any valid article (property)", () => {
    fc.assert(
      fc.property(anyArticle, (a) => {
        expect(validate(toJson(a)), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const rejected: [string, unknown][] = [
    ["a javascript: url", { ...minimal, url: "javascript:alert(1)" }],
    ["a relative url", { ...minimal, url: "/news/ferry" }],
    ["a scheme-relative url", { ...minimal, url: "//news.example.org/ferry" }],
    ["a url without a host", { ...minimal, url: "https:///?q" }],
    ["a data: image", { ...minimal, images: [{ url: "data:image/png;base64,AAAA" }] }],
    [
      "a mailto: sameAs",
      {
        ...minimal,
        byline: {
          text: "By Mira Olsen",
          authors: [{ type: "Person", name: "Mira Olsen", sameAs: ["mailto:mira@example.org"] }],
        },
      },
    ],
    ["an ftp: logo", { ...minimal, publisher: { name: "Harbor Post", logo: "ftp://x.org/l.png" } }],
    ["a blank headline", { ...minimal, headline: "   " }],
    ["a headline of no-break spaces", { ...minimal, headline: "\u00a0\u3000\ufeff" }],
    [
      "a blank author name",
      {
        ...minimal,
        byline: { text: "By  ", authors: [{ type: "Person", name: " \t" }] },
      },
    ],
    ["a blank place", { ...minimal, dateline: { text: "PORT ELLIS -", place: "\n" } }],
    [
      "February 30",
      { ...minimal, dateline: { text: "PORT ELLIS -", place: "PORT ELLIS", date: "2023-02-30" } },
    ],
    [
      "month 13, day 45",
      { ...minimal, dateline: { text: "PORT ELLIS -", place: "PORT ELLIS", date: "--13-45" } },
    ],
    [
      "February 29 of 2023",
      { ...minimal, dateline: { text: "PORT ELLIS -", place: "PORT ELLIS", date: "2023-02-29" } },
    ],
    ["an impossible datePublished", { ...minimal, datePublished: "2024-04-31T10:00:00Z" }],
  ];

  it.each(rejected)("rejects %s, as fromJson does", (_, data) => {
    expect(fromJsonAccepts(data)).toBe(false);
    expect(schemaAccepts(data)).toBe(false);
  });

  it("agrees with fromJson on every dateline date (leap years, month and day ranges)", () => {
    const dates: string[] = [];
    const two = (n: number) => String(n).padStart(2, "0");
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        dates.push(`--${two(month)}-${two(day)}`);
        for (const year of ["0000", "0004", "1900", "2000", "2023", "2024", "2100", "9996"]) {
          dates.push(`${year}-${two(month)}-${two(day)}`);
        }
      }
    }
    const article = (date: string) => ({
      ...minimal,
      dateline: { text: "PORT ELLIS -", place: "PORT ELLIS", date },
    });
    let accepted = 0;
    for (const date of dates) {
      const ok = fromJsonAccepts(article(date));
      expect(schemaAccepts(article(date)), date).toBe(ok);
      if (ok) accepted++;
    }
    // 366 days without a year; 366 in the five leap years, 365 in the three others
    expect(accepted).toBe(366 + 5 * 366 + 3 * 365);
  });

  it("agrees with fromJson on blank text: every whitespace character", () => {
    const spaces =
      "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
    for (const c of spaces) {
      const code = c.codePointAt(0)?.toString(16);
      expect(fromJsonAccepts({ ...minimal, headline: c }), code).toBe(false);
      expect(schemaAccepts({ ...minimal, headline: c }), code).toBe(false);
    }
    for (const headline of ["x", " x ", "\u200b", "\u00ad"]) {
      expect(fromJsonAccepts({ ...minimal, headline })).toBe(true);
      expect(schemaAccepts({ ...minimal, headline })).toBe(true);
    }
  });

  it("agrees with fromJson on http(s) URLs; only parsing the URL is beyond it", () => {
    const both = [
      "https://news.example.org/a?b=c#d",
      "HTTP://Example.ORG",
      "https:///news.example.org/a",
      "http://[::1]:8080/",
      "https://user@news.example.org/",
    ];
    for (const url of both) {
      expect(fromJsonAccepts({ ...minimal, url }), url).toBe(true);
      expect(schemaAccepts({ ...minimal, url }), url).toBe(true);
    }
    for (const url of [
      "https:\\news.example.org",
      "https://?q",
      "https://#top",
      " https://x.org",
    ]) {
      expect(fromJsonAccepts({ ...minimal, url }), url).toBe(false);
      expect(schemaAccepts({ ...minimal, url }), url).toBe(false);
    }
    // a bad port or host needs a URL parser: fromJson rejects it, the pattern cannot
    expect(fromJsonAccepts({ ...minimal, url: "https://news.example.org:99999/" })).toBe(false);
    expect(schemaAccepts({ ...minimal, url: "https://news.example.org:99999/" })).toBe(true);
  });
});
