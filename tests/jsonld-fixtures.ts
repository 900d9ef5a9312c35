/**
 * Articles for the JSON-LD tests, written for them (no corpus text).
 */
import type { Article } from "../src/index.js";

const paragraphs = [
  "Lawmakers approved the budget late on Tuesday after a twelve-hour session.",
  "\u201cThis budget keeps every library open,\u201d Mayor Ana Ruiz said after the vote.",
  "Council member Tom Baker said the plan was \u201cdead on arrival\u201d in the state senate.",
  "According to the Ledger, the city will borrow $40 million to cover the gap.",
];

function bodyOf(texts: readonly string[]) {
  let offset = 0;
  return texts.map((text) => {
    const span = { start: offset, end: offset + text.length };
    offset += text.length + 2;
    return { text, span };
  });
}

/** An article with every field the model has. */
export const full: Article = {
  headline: "City council approves 2024 budget after late-night session",
  alternativeHeadline: "Libraries stay open; city to borrow $40 million",
  description: "The council voted 7-2 to approve the budget.",
  byline: {
    text: "By Jane Doe, City Hall Reporter, and John Roe; Additional reporting by Kim Lee; Editing by Sam Park",
    authors: [
      {
        type: "Person",
        name: "Jane Doe",
        role: "City Hall Reporter",
        affiliation: "The Example Times",
        url: "https://news.example.com/staff/jane-doe",
        sameAs: ["https://social.example.org/@janedoe"],
      },
      { type: "Person", name: "John Roe", url: "https://news.example.com/staff/john-roe" },
      { type: "Person", name: "Kim Lee", role: "Additional reporting" },
      { type: "Person", name: "Sam Park", role: "Editing" },
    ],
    span: { start: 0, end: 10 },
  },
  dateline: {
    text: "KANSAS CITY, Mo., Jan. 5 (Reuters) -",
    place: "KANSAS CITY, Mo.",
    locality: "Kansas City",
    region: "Mo.",
    country: "United States",
    date: "2024-01-05",
    agency: "Reuters",
    span: { start: 0, end: 36 },
  },
  datePublished: "2024-01-05T08:00:00+08:00",
  dateModified: "2024-02-05T09:20:00-05:00",
  language: "en-US",
  url: "https://news.example.com/2024/01/05/city-council-budget",
  section: "Local",
  keywords: ["budget", "city council"],
  images: [
    {
      url: "https://news.example.com/photos/16x9/budget.jpg",
      caption: "The council chamber",
      width: 1600,
      height: 900,
    },
    { url: "https://news.example.com/photos/1x1/budget.jpg" },
  ],
  publisher: {
    name: "The Example Times",
    url: "https://news.example.com/",
    logo: "https://news.example.com/logo.png",
  },
  body: bodyOf(paragraphs),
  claims: [
    {
      kind: "direct",
      text: "This budget keeps every library open,",
      span: { start: 0, end: 1 },
      speaker: { name: "Ana Ruiz", mention: "Mayor Ana Ruiz", type: "Person" },
      cue: { text: "said" },
      paragraph: 1,
    },
    {
      kind: "mixed",
      text: "the plan was \u201cdead on arrival\u201d in the state senate",
      span: { start: 0, end: 1 },
      speaker: { name: "Tom Baker", type: "Person" },
      paragraph: 2,
    },
    {
      kind: "indirect",
      text: "the city will borrow $40 million to cover the gap",
      span: { start: 0, end: 1 },
      speaker: { name: "Ledger", mention: "the Ledger", type: "Organization" },
      paragraph: 3,
    },
    {
      kind: "indirect",
      text: "Lawmakers approved the budget late on Tuesday",
      span: { start: 0, end: 1 },
      speaker: { name: "Jane Doe", type: "Person" },
      paragraph: 0,
    },
  ],
};

/** The smallest valid article. */
export const minimal: Article = {
  headline: "Empty alert",
  keywords: [],
  images: [],
  body: [],
  claims: [],
};

/** Drop spans, mentions and cues: what JSON-LD cannot carry. */
export function withoutSpans(article: Article): Article {
  return JSON.parse(
    JSON.stringify(article, (key, value) =>
      key === "span" || key === "mention" || key === "cue" ? undefined : value,
    ),
  ) as Article;
}
