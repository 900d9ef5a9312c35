import * as z from "zod/mini";
import type { Diagnostic } from "../diagnostic.js";
import { formatPath, toValidationIssues, type ValidationIssue } from "../json/index.js";
import { holdsQuotedPart } from "../parse/claims/marks.js";
import { parseBylineText } from "../parse/extract/byline.js";
import type { ParseResult } from "../parse/options.js";
import {
  type Article,
  ArticleSchema,
  type Image,
  type Paragraph,
  type Publisher,
} from "../schema/article.js";
import type { Author, Byline } from "../schema/author.js";
import type { QuotedClaim } from "../schema/claim.js";
import type { Dateline } from "../schema/dateline.js";
import { DatelineDateSchema, IsoDateTimeSchema } from "../schema/primitives.js";
import type { Span } from "../schema/span.js";
import { BodySearch } from "./body-search.js";
import {
  get,
  isArticleNode,
  isClaimNode,
  isObject,
  isOrganizationNode,
  isPersonNode,
  isRoleNode,
  type JsonObject,
  list,
  NodeIndex,
  stripSchema,
  typesOf,
} from "./graph.js";
import { createReport, type Report } from "./options.js";
import { type CreditProperty, classifyRole } from "./roles.js";
import { toAbsoluteUrl } from "./urls.js";

/** Properties of the article node that {@link fromJsonLd} reads (or knows it derives). */
const READ_PROPERTIES: ReadonlySet<string> = new Set([
  "@context",
  "@type",
  "@id",
  "headline",
  "name",
  "alternativeHeadline",
  "description",
  "author",
  "contributor",
  "editor",
  "creditText",
  "datePublished",
  "dateModified",
  "dateline",
  "locationCreated",
  "articleBody",
  "wordCount",
  "inLanguage",
  "keywords",
  "articleSection",
  "image",
  "publisher",
  "url",
  "mainEntityOfPage",
]);

const READ_LOWER: ReadonlyMap<string, string> = new Map(
  [...READ_PROPERTIES].map((p) => [p.toLowerCase(), p]),
);

const SCHEMA_CONTEXT = /^https?:\/\/schema\.org\/?$/;

/** Whether a top-level `@context` (a string, an object with `@vocab`, or an array of them) maps terms to schema.org. */
function isSchemaContext(context: unknown): boolean {
  for (const item of Array.isArray(context) ? context : [context]) {
    if (typeof item === "string" && SCHEMA_CONTEXT.test(item.trim())) return true;
    if (isObject(item)) {
      const vocab = item["@vocab"];
      if (typeof vocab === "string" && SCHEMA_CONTEXT.test(vocab.trim())) return true;
    }
  }
  return false;
}

/** The JSON texts of `<script type="application/ld+json">` elements in HTML. */
function scriptBlocks(html: string): string[] {
  const out: string[] = [];
  const re =
    /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(m[1] ?? "");
  return out;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const AGENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^reuters?$/i, "Reuters"],
  [/^(?:ap|associated press)$/i, "AP"],
  [/^(?:afp|agence france[- ]presse)$/i, "AFP"],
  [/^upi$/i, "UPI"],
  [/^(?:dpa|bloomberg|xinhua|efe|ansa|kyodo|tass|pti|irna)$/i, ""],
];

/** Place, date and agency read back from a dateline's text. */
function splitDateline(text: string): { place: string; date?: string; agency?: string } {
  let rest = text.trim().replace(/\s*[-–—:]+\s*$/, "");
  let agency: string | undefined;
  const agencyMatch = /\s*\(([^()]+)\)\s*$/.exec(rest);
  if (agencyMatch) {
    const name = (agencyMatch[1] ?? "").trim();
    for (const [re, normal] of AGENCIES) if (re.test(name)) agency = normal === "" ? name : normal;
    if (agency !== undefined) rest = rest.slice(0, agencyMatch.index);
  }
  let date: string | undefined;
  const dateMatch =
    /,?\s*\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*$/i.exec(
      rest,
    );
  if (dateMatch) {
    const month = MONTHS.indexOf((dateMatch[1] ?? "").slice(0, 3).toLowerCase()) + 1;
    const day = Number(dateMatch[2]);
    const iso = `${dateMatch[3] ?? "-"}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (DatelineDateSchema.safeParse(iso).success) {
      date = iso;
      rest = rest.slice(0, dateMatch.index);
    }
  }
  const place = rest.trim().replace(/,$/, "").trim();
  const out: { place: string; date?: string; agency?: string } = {
    place: place === "" ? text.trim() : place,
  };
  if (date !== undefined) out.date = date;
  if (agency !== undefined) out.agency = agency;
  return out;
}

/**
 * Give a year-less dateline date (`--01-05`) the year that puts it nearest to the
 * publication date (a dateline a few days before New Year belongs to the year before).
 */
function withYear(date: string, published: string | undefined): string {
  const year = published === undefined ? undefined : /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!date.startsWith("--") || !year) return date;
  const reference = Date.UTC(Number(year[1]), Number(year[2]) - 1, Number(year[3]));
  let best = date;
  let distance = Number.POSITIVE_INFINITY;
  for (const y of [Number(year[1]) - 1, Number(year[1]), Number(year[1]) + 1]) {
    const candidate = `${String(y).padStart(4, "0")}${date.slice(1)}`;
    if (!DatelineDateSchema.safeParse(candidate).success) continue;
    const d = Math.abs(Date.parse(`${candidate}T00:00:00Z`) - reference);
    if (d < distance) {
      distance = d;
      best = candidate;
    }
  }
  return best;
}

/** `2024-01-05 08:00:00+0100` → `2024-01-05T08:00:00+01:00`; other text unchanged. */
function normaliseDate(value: string): string {
  return value
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})[ t](\d)/, "$1T$2")
    .replace(/([+-]\d{2})(\d{2})$/, (all, h: string, m: string, offset: number, whole: string) =>
      whole.slice(0, offset).includes("T") ? `${h}:${m}` : all,
    );
}

/** Claims (per document) whose pieces are looked for when their text is not in the body as a whole. */
const MAX_FRAGMENT_SEARCHES = 200;

/** Where a claim's text is in the body: as a whole, or as pieces (a quote interrupted by its attribution). */
function locate(
  search: BodySearch,
  text: string,
  from: number,
  inPieces: boolean,
): { start: number; end: number; fragments?: Span[] } | undefined {
  const at = search.indexOf(text, from);
  if (at >= 0) return { start: at, end: at + text.length };
  if (!inPieces || search.indexOf(text.slice(0, 4), from) < 0) return undefined;
  const pieces: Span[] = [];
  let rest = text;
  let position = from;
  while (rest.length > 0 && pieces.length < 8) {
    // the longest prefix of the rest that is in the body after the last piece
    let lo = 0;
    let hi = rest.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (search.indexOf(rest.slice(0, mid), position) >= 0) lo = mid;
      else hi = mid - 1;
    }
    // a piece ends at a word boundary of the text ("Safety," + "Safety for …")
    if (lo < rest.length && !/[\s,;:.…—–-]/.test(rest.charAt(lo))) {
      let boundary = lo;
      while (boundary > 0 && !/[\s,;:.…—–-]/.test(rest.charAt(boundary))) boundary--;
      lo = boundary;
    }
    if (lo < Math.min(4, rest.length)) return undefined;
    const start = search.indexOf(rest.slice(0, lo), position);
    if (start < 0) return undefined;
    pieces.push({ start, end: start + lo });
    position = start + lo;
    rest = rest.slice(lo).replace(/^[\s,;:.…—–-]+/, "");
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (rest.length > 0 || first === undefined || last === undefined) return undefined;
  return pieces.length > 1
    ? { start: first.start, end: last.end, fragments: pieces }
    : { start: first.start, end: last.end };
}

/** A mark a quote may open with, or its last character (`''`, `‘‘`, ``` `` ```). */
const OPENING_MARK = /["“”‘’'`«»„「『]/;
/** A mark a quote may close with, or its first character. */
const CLOSING_MARK = /["“”‘’'`«»」』]/;

/**
 * Quoted parts of a mixed claim that {@link holdsQuotedPart} does not look for: a pair of
 * single marks (`‘‘a disgrace’’`), or a closing mark at the very end (the parsers' mixed
 * claims run to the end of their quote, tags or not: `… offers "nothing truly new."`).
 */
const QUOTED_PART_TOO = /‘‘|’’|(?:["”»」』]|'')$/;

/**
 * A claim's kind from the body around it. `direct` when its text is the inside of a
 * quote: a mark right before it and, past the spaces and commas the parsers leave out of
 * a quote's text (`"It is done," she said`), a mark after it or the end of its paragraph
 * (a quote left open there). Else `mixed` when it holds a quoted part, else `indirect`.
 */
function quoteKind(
  body: string,
  start: number,
  end: number,
  paragraphEnd: number,
  text: string,
): QuotedClaim["kind"] {
  let after = end;
  while (after < end + 8 && /[\s,]/.test(body.charAt(after))) after++;
  if (
    OPENING_MARK.test(body.charAt(start - 1)) &&
    (CLOSING_MARK.test(body.charAt(after)) || after >= paragraphEnd)
  )
    return "direct";
  return holdsQuotedPart(text) || QUOTED_PART_TOO.test(text) ? "mixed" : "indirect";
}

/** One conversion: the node index, where diagnostics go, and the article url. */
class Reader {
  readonly report: Report;
  base: string | undefined;

  /**
   * @param index
   *   The document's nodes.
   * @param diagnostics
   *   The caller's list: every diagnostic goes there as it is raised, final validation's included.
   */
  constructor(
    readonly index: NodeIndex,
    diagnostics: Diagnostic[],
  ) {
    this.report = createReport(diagnostics);
  }

  resolve(value: unknown): unknown {
    if (this.index.isDangling(value)) {
      this.report(
        "jsonld-unresolved-reference",
        "info",
        `Unexpected reference to \`${String((value as JsonObject)["@id"])}\`, no node in the document has that @id`,
      );
    }
    return this.index.resolve(value);
  }

  /**
   * The first non-empty string of a property (`@value` objects and names of nodes
   * included). With `what`, a property that has values but no text (a number, a boolean,
   * an object) is reported as left out.
   */
  text(value: unknown, viaName = false, what?: string): string | undefined {
    let wrong: unknown;
    for (const item of list(value)) {
      let v = this.index.resolve(item);
      if (isObject(v) && "@value" in v) v = v["@value"];
      if (typeof v === "string" && v.trim() !== "") return v;
      if (viaName && isObject(v)) {
        const name = this.text(get(v, "name"));
        if (name !== undefined) return name;
      }
      if (
        wrong === undefined &&
        v !== null &&
        v !== undefined &&
        typeof v !== "string" &&
        !this.index.isDangling(v)
      )
        wrong = v;
    }
    if (what !== undefined && wrong !== undefined)
      this.wrongType(what, wrong, viaName ? "text or a node with a name" : "text");
    return undefined;
  }

  /** Report a value of a type that `what` cannot have (`datePublished: 1704441600`), left out. */
  wrongType(what: string, value: unknown, expected: string): void {
    const shown = Array.isArray(value)
      ? " (an array)"
      : isObject(value)
        ? " (an object)"
        : ` \`${String(value)}\``;
    this.report(
      "jsonld-invalid-value",
      "warning",
      `Unexpected ${what}${shown}, expected ${expected}; left out`,
    );
  }

  url(value: unknown, what: string): string | undefined {
    for (const item of list(value)) {
      const v = this.index.resolve(item);
      const raw =
        typeof v === "string"
          ? v
          : isObject(v)
            ? (this.text(get(v, "url")) ?? (typeof v["@id"] === "string" ? v["@id"] : undefined))
            : undefined;
      if (raw === undefined) {
        if (v !== null && v !== undefined && !isObject(v))
          this.wrongType(what, v, "an absolute http(s) URL");
        continue;
      }
      const r = toAbsoluteUrl(raw, this.base);
      if (r.ok) {
        if (r.resolved)
          this.report(
            "jsonld-relative-url",
            "info",
            `Resolved relative ${what} \`${raw}\` against the article url`,
          );
        return r.url;
      }
      this.report(
        r.reason === "relative" ? "jsonld-relative-url" : "jsonld-invalid-value",
        "warning",
        r.reason === "relative"
          ? `Unexpected relative ${what} \`${raw}\` and no article url to resolve it against; left out`
          : `Unexpected ${what} \`${raw}\`, expected an absolute http(s) URL; left out`,
      );
    }
    return undefined;
  }

  date(node: JsonObject, property: "datePublished" | "dateModified"): string | undefined {
    const raw = this.text(get(node, property), false, property);
    if (raw === undefined) return undefined;
    const value = normaliseDate(raw);
    if (IsoDateTimeSchema.safeParse(value).success) return value;
    this.report(
      "jsonld-invalid-value",
      "warning",
      `Unexpected ${property} \`${raw}\`, expected an ISO 8601 date or date-time; left out`,
    );
    return undefined;
  }

  dimension(value: unknown, what: string): number | undefined {
    for (const item of list(value)) {
      let v = this.index.resolve(item);
      if (isObject(v)) v = "@value" in v ? v["@value"] : get(v, "value");
      if (isObject(v) && "@value" in v) v = v["@value"];
      const n =
        typeof v === "number"
          ? v
          : typeof v === "string" && /^\s*\d+(?:\.0*)?\s*(?:px)?\s*$/i.test(v)
            ? Number.parseFloat(v)
            : Number.NaN;
      if (Number.isSafeInteger(n) && n > 0) return n;
      if (v !== undefined)
        this.report(
          "jsonld-invalid-value",
          "warning",
          `Unexpected image ${what} \`${String(v)}\`, expected a positive whole number of pixels; left out`,
        );
      return undefined;
    }
    return undefined;
  }

  /** Follow Role wrappers (`{"@type": "Role", roleName, author: {...}}`) to the agent. */
  unwrapRole(value: unknown, property: string): { value: unknown; roleName?: string } {
    let v = this.resolve(value);
    let roleName: string | undefined;
    const seen = new Set<unknown>();
    while (isObject(v) && isRoleNode(v) && !seen.has(v)) {
      seen.add(v);
      roleName ??= this.text(get(v, "roleName"));
      const inner = list(get(v, property))[0];
      if (inner === undefined) break;
      v = this.resolve(inner);
    }
    const out: { value: unknown; roleName?: string } = { value: v };
    if (roleName !== undefined) out.roleName = roleName;
    return out;
  }

  agent(value: unknown, property: string): Author | undefined {
    const { value: v, roleName } = this.unwrapRole(value, property);
    let author: Author | undefined;
    if (typeof v === "string") {
      if (v.trim() === "") return undefined;
      this.report(
        "jsonld-author-type",
        "info",
        `Read plain-text ${property} \`${v}\` as a Person, expected {"@type": "Person" or "Organization", "name": …}`,
      );
      author = { type: "Person", ...splitName(v, "Person") };
    } else if (isObject(v)) {
      const types = typesOf(v);
      const type = isPersonNode(v)
        ? "Person"
        : isOrganizationNode(v)
          ? "Organization"
          : types.length === 0
            ? "Person"
            : undefined;
      if (type === undefined) {
        this.report(
          "jsonld-author-type",
          "warning",
          `Unexpected ${property} of type ${types.join("/")}, expected Person or Organization; left out`,
        );
        return undefined;
      }
      let name = this.text(get(v, "name"));
      if (name === undefined) {
        const given = this.text(get(v, "givenName"));
        const family = this.text(get(v, "familyName"));
        if (given !== undefined || family !== undefined)
          name = [given, family].filter((x) => x !== undefined).join(" ");
      }
      if (name === undefined) {
        // a dangling reference was reported when it was resolved
        if (!this.index.isDangling(v)) {
          this.report(
            "jsonld-invalid-value",
            "warning",
            `Unexpected ${property} without a name; left out`,
          );
        }
        return undefined;
      }
      if (types.length === 0)
        this.report(
          "jsonld-author-type",
          "info",
          `Read untyped ${property} \`${name}\` as a Person`,
        );
      author = { type, ...splitName(name, type) };
      const jobTitle = this.text(get(v, "jobTitle"), true);
      if (jobTitle !== undefined) author.role = jobTitle;
      const affiliation =
        this.text(get(v, "affiliation"), true) ??
        this.text(get(v, "memberOf"), true) ??
        this.text(get(v, "worksFor"), true);
      if (affiliation !== undefined) author.affiliation = affiliation;
      const url = this.url(get(v, "url"), `url of \`${name}\``);
      if (url !== undefined) author.url = url;
      const sameAs: string[] = [];
      for (const item of list(get(v, "sameAs"))) {
        const u = this.url(item, `sameAs of \`${name}\``);
        if (u !== undefined && !sameAs.includes(u)) sameAs.push(u);
      }
      if (sameAs.length > 0) author.sameAs = sameAs;
    } else {
      if (v !== null && v !== undefined)
        this.wrongType(property, v, "a Person, an Organization or a name");
      return undefined;
    }
    if (roleName !== undefined) author.role = roleName;
    return author;
  }
}

/**
 * The name alone, as the Article model wants it: a person's `name` written as a byline
 * ("By Jane Doe, Reuters", "John Roe, Senior Correspondent", "Jane Doe (Reuters)") is read
 * by the shared byline reader into name, role and affiliation.
 */
function splitName(
  name: string,
  type: Author["type"],
): { name: string; role?: string; affiliation?: string } {
  const cleaned = cleanName(name);
  if (type !== "Person" || !/[,(|]|^\s*by\s/i.test(name)) return { name: cleaned };
  const read = parseBylineText(name);
  const only = read?.authors.length === 1 ? read.authors[0] : undefined;
  if (only?.type !== "Person") return { name: cleaned };
  const out: { name: string; role?: string; affiliation?: string } = { name: only.name };
  if (only.role !== undefined) out.role = only.role;
  if (only.affiliation !== undefined) out.affiliation = only.affiliation;
  return out;
}

/** Strip an introductory "By " or "Posted by " from a name. */
function cleanName(name: string): string {
  const cleaned = name
    .trim()
    .replace(/^(?:(?:posted|written|reported)\s+)?by\s+/i, "")
    .trim();
  return cleaned === "" ? name.trim() : cleaned;
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/** A credit-line role written before a name in the credit text ("Reporting by A and B"). */
function roleInCredit(credit: string, name: string, property: CreditProperty): string | undefined {
  const at = credit.indexOf(name);
  if (at < 0) return undefined;
  const before = credit.slice(0, at);
  const clause = before.slice(
    Math.max(
      before.lastIndexOf(";"),
      before.lastIndexOf("|"),
      before.lastIndexOf("\n"),
      before.lastIndexOf("."),
    ) + 1,
  );
  const m = /^\s*([A-Za-z][A-Za-z -]*?)\s+by\b/i.exec(clause);
  if (!m || m[1] === undefined) return undefined;
  return classifyRole(m[1]).property === property && classifyRole(m[1]).jobTitle === undefined
    ? m[1]
    : undefined;
}

/** The people of a plain-text credit naming more than one ("A and B", "A, B & C"), else none. */
function severalNames(text: string): Author[] | undefined {
  if (!/\s(?:and|&)\s|,/i.test(text)) return undefined;
  const read = parseBylineText(text);
  if (!read || read.authors.length < 2) return undefined;
  return read.authors.every((a) => a.type === "Person") ? read.authors : undefined;
}

function readByline(r: Reader, node: JsonObject): Byline | undefined {
  const credit = r.text(get(node, "creditText"), false, "creditText");
  const authors: Author[] = [];
  for (const property of ["author", "contributor", "editor"] as const) {
    for (const item of list(get(node, property))) {
      // "Jane Doe and John Roe" as one plain-text author: the byline reader splits it
      const several = typeof item === "string" ? severalNames(item) : undefined;
      if (several) {
        r.report(
          "jsonld-author-type",
          "info",
          `Read plain-text ${property} \`${item}\` as ${several.length} people, expected one {"@type": "Person", "name": …} each`,
        );
      }
      const agent = several ? undefined : r.agent(item, property);
      for (const author of several ?? (agent ? [agent] : [])) {
        if (author.role === undefined && credit !== undefined) {
          const role = roleInCredit(credit, author.name, property);
          if (role !== undefined) author.role = role;
        }
        if (author.role === undefined && property !== "author")
          author.role = property === "editor" ? "Editing" : "Contributing";
        authors.push(author);
      }
    }
  }
  if (authors.length === 0 && credit === undefined) return undefined;
  const text = credit ?? joinNames(authors.map((a) => a.name));
  return { text, authors };
}

function readDateline(r: Reader, node: JsonObject): Dateline | undefined {
  const text = r.text(get(node, "dateline"), false, "dateline");
  const location = list(get(node, "locationCreated")).map((x) => r.resolve(x))[0];
  let name: string | undefined;
  let address: unknown;
  if (typeof location === "string" && location.trim() !== "") name = location;
  else if (isObject(location)) {
    name = r.text(get(location, "name"));
    address = r.resolve(list(get(location, "address"))[0]);
  }
  if (text === undefined) {
    if (name !== undefined)
      r.report(
        "jsonld-unmapped",
        "info",
        `Left out locationCreated \`${name}\`: without a dateline text there is no dateline to attach it to`,
      );
    return undefined;
  }
  const parts = splitDateline(text);
  const dateline: Dateline = { text, place: name ?? parts.place };
  if (isObject(address)) {
    const locality = r.text(get(address, "addressLocality"), true);
    const region = r.text(get(address, "addressRegion"), true);
    const country = r.text(get(address, "addressCountry"), true);
    if (locality !== undefined) dateline.locality = locality;
    if (region !== undefined) dateline.region = region;
    if (country !== undefined) dateline.country = country;
  }
  if (parts.date !== undefined)
    dateline.date = withYear(parts.date, r.text(get(node, "datePublished")));
  if (parts.agency !== undefined) dateline.agency = parts.agency;
  return dateline;
}

function readImages(r: Reader, node: JsonObject): Image[] {
  const images: Image[] = [];
  for (const item of list(get(node, "image"))) {
    const v = r.resolve(item);
    let image: Image | undefined;
    if (!isObject(v)) {
      const url = r.url(v, "image url");
      if (url !== undefined) image = { url };
    } else {
      const url =
        r.url(get(v, "url"), "image url") ??
        r.url(get(v, "contentUrl"), "image url") ??
        (typeof v["@id"] === "string" && Object.keys(v).length > 1
          ? r.url(v["@id"], "image @id")
          : undefined);
      if (url === undefined) {
        r.report(
          "jsonld-invalid-value",
          "warning",
          "Unexpected image without an absolute url or contentUrl; left out",
        );
        continue;
      }
      image = { url };
      const caption = r.text(get(v, "caption"), true) ?? r.text(get(v, "description"));
      if (caption !== undefined) image.caption = caption;
      const width = r.dimension(get(v, "width"), "width");
      const height = r.dimension(get(v, "height"), "height");
      if (width !== undefined) image.width = width;
      if (height !== undefined) image.height = height;
    }
    if (image !== undefined) images.push(image);
  }
  return images;
}

function readPublisher(r: Reader, node: JsonObject): Publisher | undefined {
  const first = list(get(node, "publisher"))[0];
  if (first === undefined) return undefined;
  const { value } = r.unwrapRole(first, "publisher");
  if (typeof value === "string" && value.trim() !== "") return { name: value };
  if (!isObject(value)) {
    if (value !== null && value !== undefined && typeof value !== "string")
      r.wrongType("publisher", value, "an Organization, a Person or a name");
    return undefined;
  }
  const name = r.text(get(value, "name"));
  if (name === undefined) {
    if (!r.index.isDangling(value))
      r.report("jsonld-invalid-value", "warning", "Unexpected publisher without a name; left out");
    return undefined;
  }
  const publisher: Publisher = { name };
  const url = r.url(get(value, "url"), "publisher url");
  if (url !== undefined) publisher.url = url;
  const logoNode = r.resolve(list(get(value, "logo"))[0]);
  const logo = isObject(logoNode)
    ? (r.url(get(logoNode, "url"), "publisher logo") ??
      r.url(get(logoNode, "contentUrl"), "publisher logo"))
    : r.url(logoNode, "publisher logo");
  if (logo !== undefined) publisher.logo = logo;
  return publisher;
}

function readKeywords(r: Reader, node: JsonObject): string[] {
  const value = r.index.resolve(get(node, "keywords"));
  const out: string[] = [];
  if (typeof value === "string") {
    // one string: "budget, city council"
    for (const part of value.split(",")) {
      const k = part.trim();
      if (k !== "" && !out.includes(k)) out.push(k);
    }
    return out;
  }
  for (const item of list(value)) {
    const v = r.index.resolve(item);
    const text =
      typeof v === "string"
        ? v
        : ((isObject(v) ? r.text(get(v, "name")) : undefined) ?? r.text(v, false, "keyword"));
    if (text !== undefined && text.trim() !== "") out.push(text);
  }
  return out;
}

/** Paragraphs of `articleBody`, split at blank lines (or at line breaks when there are none). */
function readBody(body: string): Paragraph[] {
  const splitter =
    /\n[ \t]*\r?\n/.test(body) || /\r\n[ \t]*\r\n/.test(body) ? /(?:\r?\n[ \t]*){2,}/g : /\r?\n/g;
  const paragraphs: Paragraph[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(body.charAt(s))) s++;
    while (e > s && /\s/.test(body.charAt(e - 1))) e--;
    if (e > s) paragraphs.push({ text: body.slice(s, e), span: { start: s, end: e } });
  };
  for (let m = splitter.exec(body); m; m = splitter.exec(body)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, body.length);
  return paragraphs;
}

/** The index of the last paragraph that starts at or before `offset` (0 when none does). */
function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((paragraphs[mid]?.span?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function readClaims(
  r: Reader,
  article: JsonObject,
  body: string,
  paragraphs: Paragraph[],
  onlyArticle: boolean,
): QuotedClaim[] {
  const claims: QuotedClaim[] = [];
  const articleId = article["@id"];
  let cursor = 0;
  let fragmentSearches = 0;
  const search = new BodySearch(body);
  // texts known not to be in the body, so that repeating one costs nothing
  const absent = new Set<string>();
  for (const node of r.index.nodes) {
    if (node === article || !isClaimNode(node) || isArticleNode(node)) continue;
    const appearances = [...list(get(node, "appearance")), ...list(get(node, "firstAppearance"))];
    const linked = appearances.some((a) => {
      const target = r.index.resolve(a);
      return (
        target === article ||
        (isObject(a) && typeof articleId === "string" && a["@id"] === articleId)
      );
    });
    if (!linked && !(appearances.length === 0 && onlyArticle)) continue;
    const text = r.text(get(node, "text"), false, "Claim text") ?? r.text(get(node, "name"));
    if (text === undefined) continue;
    // looking for the pieces of an interrupted quote costs more: a budget keeps hostile input fast
    const pieces = fragmentSearches++ < MAX_FRAGMENT_SEARCHES;
    const found = absent.has(text)
      ? undefined
      : (locate(search, text, cursor, pieces) ??
        (cursor > 0 ? locate(search, text, 0, pieces) : undefined));
    if (found === undefined || paragraphs.length === 0) {
      if (found === undefined && !search.spent) absent.add(text);
      r.report(
        "jsonld-claim-not-in-body",
        "warning",
        `Left out claim \`${text.length > 60 ? `${text.slice(0, 60)}…` : text}\`: ${
          found === undefined && search.spent
            ? "not looked for, the search budget for an articleBody this long is spent"
            : "its text is not in articleBody"
        }`,
      );
      continue;
    }
    cursor = found.start;
    const paragraph = paragraphAt(paragraphs, found.start);
    const claim: QuotedClaim = {
      kind: quoteKind(
        body,
        found.start,
        found.end,
        paragraphs[paragraph]?.span?.end ?? body.length,
        text,
      ),
      text,
      span: { start: found.start, end: found.end },
      paragraph,
    };
    if (found.fragments !== undefined) claim.fragments = found.fragments;
    const speakerValue = list(get(node, "author"))[0];
    if (speakerValue !== undefined) {
      const { value } = r.unwrapRole(speakerValue, "author");
      if (typeof value === "string" && value.trim() !== "") claim.speaker = { name: value.trim() };
      else if (isObject(value)) {
        const name = r.text(get(value, "name"));
        if (name !== undefined) {
          claim.speaker = { name };
          if (isPersonNode(value)) claim.speaker.type = "Person";
          else if (isOrganizationNode(value)) claim.speaker.type = "Organization";
        }
      }
    }
    claims.push(claim);
  }
  return claims;
}

/** Read `headLine` as `headline` (with a diagnostic) when the right spelling is absent. */
function fixCase(r: Reader, node: JsonObject): JsonObject {
  let fixed: JsonObject | undefined;
  for (const key of Object.keys(node)) {
    const term = stripSchema(key);
    if (READ_PROPERTIES.has(term)) continue;
    const right = READ_LOWER.get(term.toLowerCase());
    if (right === undefined || get(node, right) !== undefined) continue;
    fixed ??= Object.assign(Object.create(null) as JsonObject, node);
    fixed[right] = node[key];
    delete fixed[key];
    r.report(
      "jsonld-misspelled-property",
      "warning",
      `Unexpected property \`${key}\`, expected \`${right}\`; read as ${right}`,
    );
  }
  return fixed ?? node;
}

function readArticle(r: Reader, original: JsonObject, onlyArticle: boolean): Article | undefined {
  const node = fixCase(r, original);
  const headline = r.text(get(node, "headline"), false, "headline") ?? r.text(get(node, "name"));
  if (headline === undefined) {
    r.report(
      "jsonld-missing-headline",
      "error",
      "Unexpected article without headline or name, expected a headline",
    );
    return undefined;
  }
  r.base =
    r.url(get(node, "url"), "url") ?? r.url(get(node, "mainEntityOfPage"), "mainEntityOfPage");
  const article: Article = { headline, keywords: [], images: [], body: [], claims: [] };
  const alternativeHeadline = r.text(
    get(node, "alternativeHeadline"),
    false,
    "alternativeHeadline",
  );
  if (alternativeHeadline !== undefined) article.alternativeHeadline = alternativeHeadline;
  const description = r.text(get(node, "description"), false, "description");
  if (description !== undefined) article.description = description;
  const byline = readByline(r, node);
  if (byline !== undefined) article.byline = byline;
  const dateline = readDateline(r, node);
  if (dateline !== undefined) article.dateline = dateline;
  const datePublished = r.date(node, "datePublished");
  if (datePublished !== undefined) article.datePublished = datePublished;
  const dateModified = r.date(node, "dateModified");
  if (dateModified !== undefined) article.dateModified = dateModified;
  const language = r.text(get(node, "inLanguage"), true, "inLanguage");
  if (language !== undefined) article.language = language;
  if (r.base !== undefined) article.url = r.base;
  const sections = list(get(node, "articleSection"))
    .map((s) => r.text(s, false, "articleSection"))
    .filter((s) => s !== undefined);
  if (sections[0] !== undefined) article.section = sections[0];
  if (sections.length > 1)
    r.report(
      "jsonld-unmapped",
      "info",
      `Left out articleSection ${sections
        .slice(1)
        .map((s) => `\`${s}\``)
        .join(", ")}: an article has one section`,
    );
  article.keywords = readKeywords(r, node);
  article.images = readImages(r, node);
  const publisher = readPublisher(r, node);
  if (publisher !== undefined) article.publisher = publisher;
  const body = r.text(get(node, "articleBody"), false, "articleBody");
  if (body !== undefined) {
    article.body = readBody(body);
    article.claims = readClaims(r, original, body, article.body, onlyArticle);
  }
  const unmapped = Object.keys(node).filter((k) => !READ_PROPERTIES.has(stripSchema(k)));
  if (unmapped.length > 0) {
    r.report(
      "jsonld-unmapped",
      "info",
      `Left out ${unmapped.map((k) => `\`${k}\``).join(", ")}: not part of the article model`,
    );
  }
  return article;
}

type Path = readonly (string | number)[];

/**
 * How much of `path` (an issue's path in the article) names a value that can be left out
 * on its own: the deepest array item or optional field on it, per `ArticleSchema`
 * (`byline.authors[0].url` → all of it; `byline.authors[0].name` → `byline.authors[0]`).
 * 0 when there is none (`headline`).
 */
function removableLength(path: Path): number {
  let schema: z.core.$ZodType | undefined = ArticleSchema;
  let length = 0;
  for (let i = 0; i < path.length && schema !== undefined; i++) {
    if (schema instanceof z.core.$ZodOptional) schema = schema._zod.def.innerType;
    const key = path[i];
    if (schema instanceof z.core.$ZodArray && typeof key === "number") {
      schema = schema._zod.def.element;
      length = i + 1;
    } else if (schema instanceof z.core.$ZodObject && typeof key === "string") {
      schema = schema._zod.def.shape[key];
      if (schema?._zod.optin === "optional") length = i + 1;
    } else schema = undefined;
  }
  return length;
}

/** Paths in reverse document order: a later array item before an earlier one. */
function compareDescending(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return typeof x === "number" && typeof y === "number" ? y - x : String(y) < String(x) ? -1 : 1;
  }
  return b.length - a.length;
}

/** Delete the array item or object property at `path` (a path that exists). */
function removeAt(root: unknown, path: Path): void {
  let parent = root;
  for (const key of path.slice(0, -1))
    parent = Array.isArray(parent) || isObject(parent) ? (parent as JsonObject)[key] : undefined;
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
  else if (isObject(parent) && typeof last === "string") delete parent[last];
}

/**
 * Validate the article built from the document and leave out exactly the values that
 * fail: for each issue, the nearest value on its path that can go alone (an author's bad
 * url, not the author; an author without a name, not the byline), one
 * `jsonld-invalid-value` per value left out. Changes `article`, which only this
 * conversion holds.
 */
function validate(r: Reader, article: Article): Article | undefined {
  for (let round = 0; round < 8; round++) {
    const result = ArticleSchema.safeParse(article);
    if (result.success) return result.data;
    const drops = new Map<string, { path: Path; issue: ValidationIssue }>();
    for (const issue of toValidationIssues(result.error.issues)) {
      const path = issue.path.slice(0, removableLength(issue.path));
      const key = JSON.stringify(path);
      if (path.length > 0 && !drops.has(key)) drops.set(key, { path, issue });
    }
    // a value inside one that goes anyway is not left out twice; later items go first,
    // so the indices of the other issues still point at their items
    const own = [...drops.values()]
      .filter(
        ({ path }) => !path.some((_, i) => i > 0 && drops.has(JSON.stringify(path.slice(0, i)))),
      )
      .sort((a, b) => compareDescending(a.path, b.path));
    if (own.length === 0) break;
    for (const { path } of own) removeAt(article, path);
    for (const { path, issue } of own.reverse()) {
      const at = path.length < issue.path.length ? ` (at ${formatPath(issue.path)})` : "";
      r.report(
        "jsonld-invalid-value",
        "warning",
        `Left out ${formatPath(path)}: ${issue.message}${at}`,
      );
    }
  }
  r.report(
    "jsonld-invalid-article",
    "error",
    "Unexpected article data that does not pass ArticleSchema",
  );
  return undefined;
}

function read(input: unknown, diagnostics: Diagnostic[]): Article | undefined {
  const report = createReport(diagnostics);
  let data: unknown = input;
  if (typeof input === "string") {
    const trimmed = input.trim();
    const texts = trimmed.startsWith("<") ? scriptBlocks(input) : [input];
    if (trimmed.startsWith("<") && texts.length === 0) {
      report(
        "jsonld-no-article",
        "error",
        'Unexpected HTML without a <script type="application/ld+json"> element',
      );
      return undefined;
    }
    const docs: unknown[] = [];
    for (const text of texts) {
      try {
        // (`trim` also drops a byte order mark, which JSON.parse rejects)
        docs.push(JSON.parse(text.trim()));
      } catch (error) {
        report(
          "jsonld-invalid-json",
          "error",
          `Unexpected text that is not JSON, expected JSON-LD (${(error as Error).message})`,
        );
      }
    }
    if (docs.length === 0) return undefined;
    data = docs.length === 1 ? docs[0] : docs;
  }
  const index = new NodeIndex(data);
  const articles = index.nodes.filter(isArticleNode);
  const first = articles[0];
  if (first === undefined) {
    const types = [...new Set(index.nodes.flatMap(typesOf))];
    report(
      "jsonld-no-article",
      "error",
      `Unexpected JSON-LD without an Article, expected a schema.org Article, NewsArticle, BlogPosting or subtype${types.length > 0 ? ` (found ${types.slice(0, 8).join(", ")})` : ""}`,
    );
    return undefined;
  }
  const node =
    (typeof first["@id"] === "string" ? index.byId.get(first["@id"]) : undefined) ?? first;
  const distinct = new Set(articles.map((a) => (typeof a["@id"] === "string" ? a["@id"] : a)));
  if (distinct.size > 1)
    report("jsonld-multiple-articles", "info", `Read the first of ${distinct.size} articles`);
  const tops = Array.isArray(data) ? data : [data];
  if (!tops.some((t) => isObject(t) && isSchemaContext(t["@context"]))) {
    report(
      "jsonld-context",
      "warning",
      'Unexpected JSON-LD without a schema.org @context, expected "@context": "https://schema.org"; read as schema.org',
    );
  }
  const r = new Reader(index, diagnostics);
  const article = readArticle(r, node, distinct.size === 1);
  return article === undefined ? undefined : validate(r, article);
}

/**
 * Read an article from schema.org JSON-LD: an `Article`, `NewsArticle`, `BlogPosting`
 * or any of their subtypes, given as a JSON string, an HTML page or
 * `<script type="application/ld+json">` element, or parsed data (an object, an array,
 * or an `@graph`). `@id` references are followed (cycles included); authors, images
 * and other values may be strings, objects or arrays; `Claim` nodes whose
 * `appearance` is the article become claims. Never throws: what cannot be read is a
 * diagnostic (`jsonld-invalid-json`, `jsonld-no-article`, `jsonld-unmapped`, …), and
 * the article, when there is one, passes `ArticleSchema`. Spans are offsets into
 * `articleBody`.
 *
 * @param input
 *   JSON-LD text, HTML with JSON-LD script elements, or parsed JSON-LD data.
 * @returns
 *   The article (when the input has one) and diagnostics.
 * @example
 *   fromJsonLd('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Hi","author":"Jane Doe"}').article?.byline?.authors
 *   //=> [{ type: "Person", name: "Jane Doe" }]
 */
export function fromJsonLd(input: string | unknown): ParseResult {
  const diagnostics: Diagnostic[] = [];
  let article: Article | undefined;
  try {
    article = read(input, diagnostics);
  } catch (error) {
    diagnostics.push({
      ruleId: "jsonld-unreadable",
      source: "article-model",
      severity: "error",
      message: `Unexpected input that could not be read (${error instanceof Error ? error.message : String(error)})`,
    });
    article = undefined;
  }
  return article === undefined ? { diagnostics } : { article, diagnostics };
}
