/**
 * Front matter (YAML or TOML) to the article fields it knows, in the conventions of
 * Jekyll, Hugo, Eleventy, Astro and Next.js blogs. Internal to the Markdown front end.
 */

import { parse as parseToml, TomlError } from "smol-toml";
import type { Image } from "../../schema/article.js";
import type { Author } from "../../schema/author.js";
import { collapse, parseBylineText, readName } from "../extract/byline.js";
import { ORGANISATION_WORDS } from "../extract/words.js";
import type { KnownFields } from "../pipeline.js";
import type { Context } from "../types.js";
import { toIsoDate } from "./dates.js";
import type { FrontMatterNode } from "./fence.js";
import { resolveUrl } from "./urls.js";
import { readYaml } from "./yaml.js";

/** Keys read, by field, in order of preference (normalised: lower case, no `_`/`-`). */
export const FRONT_MATTER_KEYS = {
  headline: ["title", "headline"],
  alternativeHeadline: ["subtitle", "subheadline", "subhead", "dek"],
  description: ["description", "summary", "excerpt", "abstract", "lede", "dek"],
  datePublished: [
    "date",
    "publishdate",
    "published",
    "pubdate",
    "publishedat",
    "datepublished",
    "created",
  ],
  dateModified: [
    "lastmod",
    "updated",
    "modified",
    "lastmodified",
    "updateddate",
    "updatedat",
    "datemodified",
  ],
  authors: ["author", "authors", "byline"],
  keywords: ["tags", "keywords", "categories"],
  image: [
    "image",
    "cover",
    "featuredimage",
    "hero",
    "coverimage",
    "heroimage",
    "ogimage",
    "socialimage",
    "images",
    "featured",
    "banner",
    "thumbnail",
  ],
  imageAlt: ["imagealt", "alt", "coveralt", "heroalt", "imagecaption", "caption"],
  language: ["lang", "language", "locale", "inlanguage"],
  url: ["canonical", "canonicalurl", "url", "permalink"],
  section: ["section", "category"],
} as const;

/**
 * The span of the top-level line that sets `key` (normalised, as in `data`), for a
 * diagnostic about its value; the whole front matter when no line is found (TOML tables,
 * flow mappings). Only run when there is something to report.
 */
function keySpan(node: FrontMatterNode, key: string): { start: number; end: number } {
  const value = node.value;
  for (let at = 0; at < value.length; ) {
    let end = value.indexOf("\n", at);
    if (end < 0) end = value.length;
    const line = value.slice(at, end).trimEnd();
    const colon = line.search(/[:=]/);
    if (colon > 0 && !/^\s/.test(line)) {
      const name = line
        .slice(0, colon)
        .trim()
        .replace(/^["']|["']$/g, "");
      if (norm(name) === key)
        return { start: node.valueStart + at, end: node.valueStart + at + line.length };
    }
    at = end + 1;
  }
  return node.span;
}

/** A permalink pattern rather than a URL: templating, or a `:placeholder` path segment. */
const TEMPLATED_URL = /\{\{|\{%|(?:^|\/):[a-z_]+(?:\/|$)/i;

/** Normalise a front-matter key: `featured_image`, `featuredImage` → `featuredimage`. */
function norm(key: string): string {
  // already normal (the common case: ASCII small letters and digits): the key itself
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57)))
      return key.toLowerCase().replace(/[_\-\s]/g, "");
  }
  return key;
}

/** The front matter read, with the offsets needed for diagnostics. */
export interface FrontMatterResult {
  /** Fields for `buildArticle`'s `known`. */
  known: KnownFields;
  /**
   * The values by normalised key (the first of the keys that normalise alike). A map:
   * its lookups, unlike those of an object of any shape, cost the same in every post.
   */
  data: ReadonlyMap<string, unknown>;
}

/**
 * Read the front matter and map it to article fields. Never throws; problems are
 * diagnostics with positions in the Markdown source.
 *
 * @param node
 *   The front matter found by the walk.
 * @param ctx
 *   Parse context (for diagnostics and `options.url`).
 * @returns
 *   The known fields and the raw data.
 */
export function readFrontMatter(node: FrontMatterNode, ctx: Context): FrontMatterResult {
  const at = (start: number, end: number): { start: number; end: number } => {
    const s = Math.min(node.valueStart + start, node.span.end);
    return { start: s, end: Math.max(s, Math.min(node.valueStart + end, node.span.end)) };
  };
  let raw: unknown;
  // the pairs of a mapping, in order
  let pairs: Iterable<[string, unknown]> | undefined;
  if (node.format === "toml") {
    const toml = readToml(node.value);
    for (const e of toml.errors) {
      ctx.report(
        "front-matter-invalid",
        "error",
        `Unexpected TOML front matter: ${e.message}`,
        at(e.start, e.end),
      );
    }
    raw = toml.data;
    pairs = Object.entries(toml.data);
  } else {
    const yaml = readYaml(node.value);
    const first = yaml.errors[0];
    if (first && yaml.repaired) {
      ctx.report(
        "front-matter-yaml-repaired",
        "info",
        `Unexpected YAML (${first.message}), read it as Jekyll and Hugo do: continuation lines of a quoted string at the key's indentation`,
        at(first.start, first.end),
      );
    } else if (first) {
      ctx.report(
        "front-matter-invalid",
        "error",
        `Unexpected YAML front matter: ${first.message}; kept the keys before it`,
        at(first.start, first.end),
      );
    }
    if (yaml.aliasLimit) {
      ctx.report(
        "front-matter-alias-limit",
        "error",
        "Unexpected YAML with too many aliases, expected at most 100: kept the keys that use none",
        node.span,
      );
    }
    raw = yaml.data;
    if (raw instanceof Map) pairs = raw as Map<string, unknown>;
  }
  const data = new Map<string, unknown>();
  if (pairs) {
    for (const [key, value] of pairs) {
      const k = norm(key);
      if (!data.has(k)) data.set(k, value);
    }
  } else if (raw !== undefined && raw !== null && node.value.trim() !== "") {
    ctx.report(
      "front-matter-not-a-map",
      "warning",
      "Unexpected front matter that is not a mapping of keys to values",
      node.span,
    );
  }
  return { known: mapFields(data, ctx, node), data };
}

function pick(
  data: ReadonlyMap<string, unknown>,
  keys: readonly string[],
): [string, unknown] | undefined {
  for (const key of keys) {
    const value = data.get(key);
    // (a boolean is a flag, never a field's value: Jekyll's `published: true`)
    if (value !== undefined && value !== null && value !== "" && typeof value !== "boolean")
      return [key, value];
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") {
    // `value.replace(/\s+/g, " ").trim()`, without a new string when already collapsed.
    const t = collapse(value);
    return t === "" ? undefined : t;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function mapFields(
  data: ReadonlyMap<string, unknown>,
  ctx: Context,
  node: FrontMatterNode,
): KnownFields {
  const known: KnownFields = {};
  const bad = (key: string, expected: string): void =>
    ctx.report(
      "front-matter-invalid-value",
      "warning",
      `Unexpected value for \`${key}\`, expected ${expected}`,
      keySpan(node, key),
    );

  const headline = pick(data, FRONT_MATTER_KEYS.headline);
  if (headline) {
    const t = text(headline[1]);
    if (t) known.headline = t;
    else bad(headline[0], "a string");
  }
  const sub = pick(data, FRONT_MATTER_KEYS.alternativeHeadline);
  if (sub && text(sub[1])) known.alternativeHeadline = text(sub[1]);
  for (const key of FRONT_MATTER_KEYS.description) {
    const t = text(data.get(key));
    if (t && !(key === "dek" && known.alternativeHeadline === t)) {
      known.description = t;
      break;
    }
  }

  const published = pick(data, FRONT_MATTER_KEYS.datePublished);
  if (published) {
    const iso = toIsoDate(published[1]);
    if (iso) known.datePublished = iso;
    else
      ctx.report(
        "front-matter-invalid-date",
        "warning",
        `Unexpected date \`${String(published[1])}\` in \`${published[0]}\`, expected an ISO 8601 date`,
        keySpan(node, published[0]),
      );
  }
  const modified = pick(data, FRONT_MATTER_KEYS.dateModified);
  if (modified) {
    const iso = toIsoDate(modified[1]);
    if (iso) known.dateModified = iso;
    else
      ctx.report(
        "front-matter-invalid-date",
        "warning",
        `Unexpected date \`${String(modified[1])}\` in \`${modified[0]}\`, expected an ISO 8601 date`,
        keySpan(node, modified[0]),
      );
  }

  const authorEntry = pick(data, FRONT_MATTER_KEYS.authors);
  if (authorEntry) {
    const byline = readAuthors(authorEntry[1], ctx);
    if (byline) known.byline = byline;
    else bad(authorEntry[0], "a name, a list of names or objects with `name`");
  }

  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const key of FRONT_MATTER_KEYS.keywords) {
    const value = data.get(key);
    const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
    for (const item of list) {
      const t = text(item);
      if (t && !seen.has(t)) {
        seen.add(t);
        keywords.push(t);
      }
    }
  }
  if (keywords.length > 0) known.keywords = keywords;

  const language = pick(data, FRONT_MATTER_KEYS.language);
  const lang = language && text(language[1]);
  if (lang && /^[A-Za-z]{2,8}(?:[-_][A-Za-z\d]{1,8})*$/.test(lang))
    known.language = lang.replace(/_/g, "-");

  const urlEntry = pick(data, FRONT_MATTER_KEYS.url);
  const pageUrl = urlEntry && text(urlEntry[1]);
  if (pageUrl && TEMPLATED_URL.test(pageUrl)) {
    // Eleventy's `{{ page.fileSlug }}/`, Jekyll's `/blog/:year/:title/`: a pattern the
    // engine fills in, no URL (resolved, it would be a wrong page and image base)
    ctx.report(
      "front-matter-relative-url",
      "info",
      `Unexpected templated \`${urlEntry[0]}\` \`${pageUrl}\`, expected the page's URL: dropped`,
      keySpan(node, urlEntry[0]),
    );
  } else if (pageUrl) {
    const resolved = resolveUrl(pageUrl, ctx.options.url);
    if (resolved) known.url = resolved;
    else
      ctx.report(
        "front-matter-relative-url",
        "info",
        `Unexpected relative \`${urlEntry[0]}\` \`${pageUrl}\` without options.url, expected an absolute URL: dropped`,
        keySpan(node, urlEntry[0]),
      );
  }
  const base = known.url ?? ctx.options.url;

  const section = pick(data, FRONT_MATTER_KEYS.section);
  const sectionText =
    section && (Array.isArray(section[1]) ? text(section[1][0]) : text(section[1]));
  if (sectionText) known.section = sectionText;

  const imageEntry = pick(data, FRONT_MATTER_KEYS.image);
  if (imageEntry) {
    const alt = text(pick(data, FRONT_MATTER_KEYS.imageAlt)?.[1]);
    const image = readImage(
      Array.isArray(imageEntry[1]) ? imageEntry[1][0] : imageEntry[1],
      alt,
      base,
    );
    if (image.image) known.images = [image.image];
    else if (image.url) {
      ctx.report(
        "image-relative-url",
        "warning",
        base
          ? `Unexpected image URL \`${image.url}\` in \`${imageEntry[0]}\`, expected an absolute http(s) URL: dropped`
          : `Unexpected relative image \`${image.url}\` in \`${imageEntry[0]}\` without options.url, expected an absolute URL: dropped`,
        keySpan(node, imageEntry[0]),
      );
    }
  }
  return known;
}

/**
 * The authors of a front-matter author string, read by the shared byline reader
 * ("Max Neuvians and Tim Arney, Developers" gives two people with role "Developers").
 * A string it cannot read is one author as written: a site handle (`mbland`), a single
 * name, or an organisation when it is written in capitals or digits (`18F`, `CDS`) or
 * has an organisation word ("the web team").
 */
function authorsOfString(value: string): Author[] {
  // One word (`mbland`, `18F`: no separator, no "By", no parenthesis, no final period
  // that the byline reader would drop): its reading would be `readName`'s, done below.
  const read = NOT_ONE_WORD.test(value) || value.endsWith(".") ? parseBylineText(value) : undefined;
  if (read && read.authors.length > 0) return read.authors;
  const name = value.replace(/^by\s+(?=\S)/i, "");
  const named = readName(name);
  if (named) return [named];
  const organization =
    (/^[\p{Lu}\d]+$/u.test(name) && /\d|^\p{Lu}{2,}$/u.test(name)) ||
    name.split(" ").some((w) => ORGANISATION_WORDS.has(w.toLowerCase()));
  return [{ type: organization ? "Organization" : "Person", name }];
}

/** What a (collapsed) author string of one word cannot have. */
const NOT_ONE_WORD = /[ ,;()]/;

function readAuthors(
  value: unknown,
  ctx: Context,
): { text: string; authors: Author[] } | undefined {
  const list = Array.isArray(value) ? value : [value];
  const authors: Author[] = [];
  const names: string[] = [];
  for (const entry of list) {
    if (typeof entry === "string") {
      const t = collapse(entry);
      if (t === "") continue;
      names.push(t);
      authors.push(...authorsOfString(t));
    } else if (entry && typeof entry === "object") {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) o[norm(k)] = v;
      const name = text(o.name) ?? text(o.displayname) ?? text(o.title);
      if (!name) continue;
      names.push(name);
      const author: Author = { type: "Person", name };
      const role = text(o.role) ?? text(o.jobtitle) ?? text(o.position);
      if (role && role !== name) author.role = role;
      const url = text(o.url) ?? text(o.link) ?? text(o.website) ?? text(o.homepage);
      // (a site-relative profile, `/authors/jane/`, resolves against options.url)
      const profile = url === undefined ? undefined : resolveUrl(url, ctx.options.url);
      if (profile) author.url = profile;
      const affiliation = text(o.affiliation) ?? text(o.organization) ?? text(o.organisation);
      if (affiliation) author.affiliation = affiliation;
      const sameAs: string[] = [];
      for (const key of ["twitter", "mastodon", "github", "linkedin", "sameas"]) {
        const v = o[key];
        for (const s of Array.isArray(v) ? v : [v]) {
          // (absolute only: a bare handle, `twitter: janedoe`, is no URL of this site)
          const abs = typeof s === "string" ? resolveUrl(s, undefined) : undefined;
          if (abs) sameAs.push(abs);
        }
      }
      if (sameAs.length > 0) author.sameAs = sameAs;
      authors.push(author);
    }
  }
  if (authors.length === 0) return undefined;
  return { text: names.join(", "), authors };
}

function readImage(
  value: unknown,
  alt: string | undefined,
  base: string | undefined,
): { image?: Image; url?: string } {
  let url: string | undefined;
  let caption = alt;
  let width: number | undefined;
  let height: number | undefined;
  if (typeof value === "string") url = value.trim();
  else if (value && typeof value === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) o[norm(k)] = v;
    url = text(o.url) ?? text(o.src) ?? text(o.path) ?? text(o.image) ?? text(o.file);
    caption = text(o.alt) ?? text(o.caption) ?? text(o.title) ?? caption;
    if (typeof o.width === "number" && Number.isInteger(o.width) && o.width > 0) width = o.width;
    if (typeof o.height === "number" && Number.isInteger(o.height) && o.height > 0)
      height = o.height;
  }
  if (!url) return {};
  const resolved = resolveUrl(url, base);
  if (!resolved) return { url };
  const image: Image = { url: resolved };
  if (caption) image.caption = caption;
  if (width) image.width = width;
  if (height) image.height = height;
  return { image };
}

/** A TOML problem, offsets into the TOML text. */
export interface TomlProblem {
  message: string;
  start: number;
  end: number;
}

/** Most TOML errors reported (and lines skipped) in one front matter. */
const MAX_TOML_ERRORS = 8;
/** Deepest inline array or table read. */
const MAX_TOML_DEPTH = 32;

/**
 * Offset of a 1-based line and column in `text`, counting lines as smol-toml does
 * (on `\n`, `\r\n` included).
 */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

/** TOML values as plain data: dates become their ISO 8601 text as written. */
function plainToml(value: unknown, depth = 0): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.replace(/\.000(?=$|Z|[+-])/, "");
  }
  if (depth > MAX_TOML_DEPTH || !value || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => plainToml(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    out[k] = plainToml(v, depth + 1);
  return out;
}

/**
 * Read TOML front matter with smol-toml. Never throws: a line with an error is
 * reported at the error's position and blanked, and the rest is read again (at most
 * {@link MAX_TOML_ERRORS} times; then only the lines before the first error are kept).
 *
 * @param text
 *   The TOML between the `+++` fences.
 * @returns
 *   The data and the problems (offsets into `text`).
 */
export function readToml(text: string): { data: Record<string, unknown>; errors: TomlProblem[] } {
  const errors: TomlProblem[] = [];
  let current = text;
  let firstLine = -1;
  for (let attempt = 0; attempt <= MAX_TOML_ERRORS; attempt++) {
    try {
      const data = parseToml(current, { maxDepth: MAX_TOML_DEPTH, unsafeKeyBehaviour: "drop" });
      return { data: plainToml(data) as Record<string, unknown>, errors };
    } catch (error) {
      if (attempt === MAX_TOML_ERRORS) break;
      const start = error instanceof TomlError ? offsetOf(current, error.line, error.column) : 0;
      const lineStart = current.lastIndexOf("\n", start - 1) + 1;
      const newline = current.indexOf("\n", start);
      const lineEnd = newline < 0 ? current.length : newline;
      const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
      errors.push({
        message: detail.replace(/^Invalid TOML document:\s*/, "") || "Unexpected TOML",
        start,
        end: Math.max(start, lineEnd),
      });
      if (firstLine < 0) firstLine = lineStart;
      const blanked = current.slice(lineStart, lineEnd).replace(/[^\r]/g, " ");
      if (blanked === current.slice(lineStart, lineEnd)) break;
      current = current.slice(0, lineStart) + blanked + current.slice(lineEnd);
    }
  }
  // Still broken: keep the keys before the first error.
  try {
    const data = parseToml(text.slice(0, Math.max(0, firstLine)), {
      maxDepth: MAX_TOML_DEPTH,
      unsafeKeyBehaviour: "drop",
    });
    return { data: plainToml(data) as Record<string, unknown>, errors };
  } catch {
    return { data: {}, errors };
  }
}
