/**
 * Bylines: "By Jane Doe and John Roe, Reuters", "Jane Doe | Reuters", "Jane Doe, Staff
 * Writer", "By The Associated Press", and end credits ("Reporting by A in Paris; Editing
 * by B"). Person vs Organization comes from word lists, never from substrings.
 */
import type { Author } from "../../schema/author.js";
import { isWhitespace, splitOn } from "../../util/chars.js";
import { monthNumber } from "./dates.js";
import {
  COUNTRIES,
  FIELD_WORDS,
  JOB_WORDS,
  LONGEST_AGENCY,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NOT_NAME_WORDS,
  normaliseAgency,
  ORGANISATION_WORDS,
  REGIONS,
} from "./words.js";

/** What {@link readByline} found, with how sure it is that the text is a byline. */
export interface BylineReading {
  /** Authors in order. */
  authors: Author[];
  /** The text started with "By" (or "Written by", "Story by"). */
  by: boolean;
  /** The text was an end credit ("Reporting by A; Editing by B"). */
  credit: boolean;
  /** A role or affiliation followed the names ("Jane Doe, Reuters", "Jane Doe | Staff"). */
  marker: boolean;
}

/** Longest text read as a byline (credits included). */
const MAX_BYLINE = 400;
/** Longest role that starts with a job title ("Researcher with …"). */
const MAX_LONG_ROLE = 160;

/** Roles of end-credit parts ("Additional reporting by"). */
const CREDIT_WORDS = new Set(
  `reporting additional writing editing edited compiled compilation photos photo photography
  graphics graphic research reported written produced production illustration illustrations
  video translation translated fact-checking factchecking contributed design designed
  interviews and by`
    .split(/\s+/)
    .filter((w) => w !== ""),
);

/** Prefixes that mean "by" without giving a role. */
const BY_PREFIXES = ["by ", "written by ", "story by ", "words by ", "text by ", "reported by "];

/** What an end credit says was done ("Reporting by …"). */
const CREDIT_ROLES = ["reporting", "editing", "writing", "compiled"];
/** How end credits start ("Reporting by …", "Additional reporting by …"), lower case. */
const CREDIT_START = new RegExp(`^(?:additional\\s)?(?:${CREDIT_ROLES.join("|")})\\sby\\s`);

/** Collapse whitespace runs into single spaces and trim. */
export function collapse(text: string): string {
  // most texts are collapsed already (single spaces between words): no new string (native
  // searches, faster than a loop over the characters)
  const n = text.length;
  if (n === 0) return text;
  const clean =
    !isWhitespace(text.charCodeAt(0)) &&
    !isWhitespace(text.charCodeAt(n - 1)) &&
    !text.includes("  ") &&
    !NOT_A_SPACE.test(text);
  return clean ? text : text.replace(WHITESPACE_RUN, " ").trim();
}

/** Whitespace other than a space. */
const NOT_A_SPACE = /[^\S ]/;
const WHITESPACE_RUN = /\s+/g;

/**
 * `text` without the characters of `chars` at its end (what a regex `/[…]+$/` replaced by
 * "" gives, without trying it at every offset).
 */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Split `text` on `,` (and, with `and`, on " and " / " & ") outside parentheses.
 * Linear; an unbalanced ")" is ignored.
 */
function splitOutside(text: string, separator: "," | ";", and = false): string[] {
  // nothing to split on (the common case): the text itself
  if (!text.includes(separator) && (!and || !AND_ANYWHERE.test(text))) return [text];
  // no parenthesis, no "and": a plain split
  if (!and && !text.includes("(")) return splitOn(text, separator);
  const sep = separator.charCodeAt(0);
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (c === sep) {
      out.push(text.slice(from, i));
      from = i + 1;
    } else if (and && c === 32) {
      const length = andAt(text, i);
      if (length > 0) {
        out.push(text.slice(from, i));
        from = i + length;
        i += length - 1;
      }
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The length of " and " (or " AND ", " And ") or " & " at `i` in `text`, or 0. */
function andAt(text: string, i: number): number {
  const c = text.charCodeAt(i + 1);
  if (c === 38) return text.charCodeAt(i + 2) === 32 ? 3 : 0;
  if (c !== 97 && c !== 65) return 0;
  return text.startsWith(" and ", i) || text.startsWith(" AND ", i) || text.startsWith(" And ", i)
    ? 5
    : 0;
}

/** " and " / " & " anywhere (where {@link splitOutside} with `and` may split). */
const AND_ANYWHERE = / (?:and|AND|And|&) /;

/** Strip surrounding punctuation from a token for word-list lookups. */
function bare(token: string): string {
  return bareLower(token.toLowerCase());
}

/** {@link bare} of a token already lower-cased. */
function bareLower(lower: string): string {
  // nothing to strip (the common case): no regex
  if (
    !OPENING_MARKS.includes(lower.charAt(0)) &&
    !CLOSING_MARKS.includes(lower.charAt(lower.length - 1))
  )
    return lower;
  return lower.replace(/^[("'“‘]+|[)"'”’,;:]+$/g, "");
}

/** What {@link bare} strips from the start of a token, and from its end. */
const OPENING_MARKS = `("'“‘`;
const CLOSING_MARKS = `)"'”’,;:`;

const UPPER_START = /^\p{Lu}/u;
const NAME_TOKEN = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const INITIALS = /^(?:\p{Lu}\.){1,3}$|^\p{Lu}$/u;
const PREFIXED =
  /^(?:al|el|ad|as|ash|at|az|ul|ur|d|l|o|bin|ibn|abu|da|de|di|du|van|von|mc|mac)['’-]\p{L}[\p{L}\p{M}'’.-]*$/iu;

/** Honorifics before a name. */
const HONORIFIC =
  /^(?:the\s+)?(?:right\s+)?(?:hon\.|honourable|honorable)\s+|^(?:dr|mr|mrs|ms|mx|prof|rev)\.?\s+|^(?:sir|dame)\s+/i;
/** An acronym ("CDS", "RCMP", "TBS"). */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** Longest of {@link NAME_SUFFIXES}. */
const LONGEST_SUFFIX = Math.max(...[...NAME_SUFFIXES].map((s) => s.length));

/**
 * Whether a comma part is a name suffix ("Jr.", "PhD"), lower-cased only when short
 * enough (lower-casing never shortens a text).
 */
function isNameSuffix(part: string): boolean {
  return part.length <= LONGEST_SUFFIX && NAME_SUFFIXES.has(part.toLowerCase());
}

/** Whether a word ({@link bare}) names a country, state or province ("canada", "ontario"). */
function isPlaceWord(word: string): boolean {
  return COUNTRIES.has(word) || (word.length > 4 && REGIONS.has(word));
}

/** Whether `token` (lower-cased: `lower`) can be a word of a personal name. */
function isPersonToken(token: string, lower: string = token.toLowerCase()): boolean {
  if (NAME_SUFFIXES.has(lower)) return true;
  if (isAsciiWord(token)) {
    // (what the tests below give for a word of ASCII letters, without the regexes: no
    // dots, apostrophes or hyphens, so only a single capital is an initial, no prefix)
    const capital = token.charCodeAt(0) <= 90;
    if (capital && token.length === 1) return true;
    if (NAME_PARTICLES.has(lower)) return true;
    return capital && !(token.length > 1 && NOT_NAME_WORDS.has(lower));
  }
  if (INITIALS.test(token)) return true;
  if (NAME_PARTICLES.has(lower)) return true;
  if (PREFIXED.test(token)) return true;
  if (!NAME_TOKEN.test(token)) return false;
  if (token.length > 1 && NOT_NAME_WORDS.has(lower.replace(/\.$/, ""))) return false;
  return true;
}

/** Whether `token` is one or more ASCII letters and nothing else. */
function isAsciiWord(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    // `| 32` folds a capital to its small letter (and no other character to one)
    const c = token.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return token.length > 0;
}

/** Whether `token` can be a word of an organisation's name. */
function isOrganisationToken(token: string): boolean {
  if (/^(?:the|of|and|for|&|de|du|la|le|des|der|y|e)$/i.test(token)) return true;
  return /^[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.&-]*$/u.test(token);
}

/**
 * Read one name ("Jane Doe", "J.P. van der Berg Jr.", "The Associated Press").
 *
 * @returns
 *   The author (type and name only), or undefined when the text is not a name.
 */
export function readName(text: string): Author | undefined {
  let name = trimEnd(collapse(text), ",;:");
  // Honorifics are not part of the name ("The Honourable Jane Doe", "Dr. Jane Doe").
  const untitled = name.replace(HONORIFIC, "");
  if (untitled !== name && untitled.includes(" ")) name = untitled;
  if (name === "" || name.length > 80 || /\d/.test(name)) return undefined;
  const tokens = splitOn(name, " ");
  if (tokens.length > 7) return undefined;
  if (normaliseAgency(name) !== undefined) return { type: "Organization", name };
  // each token lower-cased, and bare (see `bare`), once: one string (hashed once) for
  // all the word-list lookups of a token; one loop for the word lists
  const lowers: string[] = [];
  const words: string[] = [];
  let jobs = true;
  let field = false;
  let organisation = false;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const word = bareLower(lower);
    lowers.push(lower);
    words.push(word);
    jobs &&= JOB_WORDS.has(word);
    field ||= FIELD_WORDS.has(word);
    organisation ||= ORGANISATION_WORDS.has(word);
  }
  // Job titles are never names ("Staff Writer", "Brand Lead").
  if (jobs) return undefined;
  // A field of work is never part of a personal name: "Health Canada" and "ABC Cyber
  // Security" are organisations, "Content Design" is a role.
  const isOrg =
    organisation ||
    (field &&
      tokens.some(
        (t, k) => isPlaceWord(words[k] as string) || (ACRONYM.test(t) && /\p{Ll}/u.test(name)),
      ));
  if (isOrg) {
    if (!UPPER_START.test(name) || !tokens.every(isOrganisationToken)) return undefined;
    return { type: "Organization", name };
  }
  if (field) return undefined;
  if (tokens.length < 2 || tokens.length > 6) return undefined;
  // Every token a word of a person's name; of the core ones (besides particles and
  // suffixes): how many, how many are not initials, whether all are months, whether
  // all are job words. (Every failed test gives undefined: their order does not matter.)
  let core = 0;
  let full = 0;
  let months = true;
  let coreJobs = true;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as string;
    const lower = lowers[k] as string;
    if (!isPersonToken(token, lower)) return undefined;
    if (NAME_PARTICLES.has(lower) || NAME_SUFFIXES.has(lower)) continue;
    core++;
    if (!INITIALS.test(token)) full++;
    months &&= monthNumber(token) !== undefined;
    coreJobs &&= JOB_WORDS.has(words[k] as string);
  }
  // two core words or more, or one that is not an initial
  if (core === 0 || (core === 1 && full === 0)) return undefined;
  // Given names and surnames: at most four words besides particles and suffixes.
  if (full > 4) return undefined;
  if (!UPPER_START.test(tokens[0] ?? "") && !PREFIXED.test(tokens[0] ?? "")) return undefined;
  // A name does not end in a lower-case particle ("Jan van"); "Ann Do", "Jean Le" are fine.
  const last = tokens[tokens.length - 1] ?? "";
  if (NAME_PARTICLES.has(last) && !UPPER_START.test(last)) return undefined;
  if (months) return undefined;
  // Job titles are never names ("Staff Writer", "Brand Lead").
  if (coreJobs) return undefined;
  return { type: "Person", name };
}

/**
 * Read "Brad Schade Reuters" (an agency after the name, no comma) as a name and an
 * affiliation.
 */
function splitTrailingAgency(part: string): { name: string; agency: string } | undefined {
  const space = part.lastIndexOf(" ");
  if (space < 0) return undefined;
  const agency = normaliseAgency(part.slice(space + 1));
  if (agency === undefined) return undefined;
  return { name: part.slice(0, space).trim(), agency };
}

/**
 * What a parenthesis after a name says: "(RCMP)", "(Design Researchers, CDS)",
 * "(Director General, RCMP)". Roles and affiliations, each part read on its own.
 */
function readParenthesis(inner: string, by: boolean): { role?: string; affiliation?: string } {
  const roles: string[] = [];
  const affiliations: string[] = [];
  for (const raw of splitOn(inner, ",")) {
    const part = raw.trim();
    if (part === "" || isDatePart(part)) continue;
    const q = readQualifier(part, true, by);
    if (q?.role !== undefined) roles.push(q.role);
    if (q?.affiliation !== undefined) affiliations.push(q.affiliation);
    if (!q) affiliations.push(part);
  }
  const out: { role?: string; affiliation?: string } = {};
  if (roles.length > 0) out.role = roles.join(", ");
  if (affiliations.length > 0) out.affiliation = affiliations.join(", ");
  return out;
}

/** Split a list of names: "A, B and C", "A & B", "A, B, and C", "A (RCMP) and B (CDS)". */
function readNames(text: string, by = false): Author[] | undefined {
  // (a leading "and"/"&" is rare: a regex only when the text starts with "a", "A" or "&")
  const c = text.charCodeAt(0);
  const rest = (c | 32) === 97 || c === 38 ? text.replace(/^(?:and|&)\s/i, "") : text;
  const parts = splitOutside(rest, ",", true);
  const out: Author[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part === "") continue;
    if (out.length > 0 && isNameSuffix(part)) {
      const prev = out[out.length - 1] as Author;
      prev.name = `${prev.name}, ${part}`;
      continue;
    }
    // "Jane Doe (RCMP)", "Jane Doe (Director General, RCMP)": role and affiliation.
    const paren = part.endsWith(")") ? /^([^()]+?)\s*\(([^()]{1,80})\)$/.exec(part) : null;
    if (paren) {
      const named = readName(paren[1] ?? "");
      if (!named) return undefined;
      if (named.type === "Person") {
        const q = readParenthesis(paren[2] ?? "", by);
        if (q.role !== undefined) named.role = q.role;
        if (q.affiliation !== undefined) named.affiliation = q.affiliation;
      }
      out.push(named);
      continue;
    }
    const split = splitTrailingAgency(part);
    const named = split ? readName(split.name) : undefined;
    if (split && named?.type === "Person") {
      named.affiliation = split.agency;
      out.push(named);
      continue;
    }
    let author = readName(part);
    if (!author) {
      // "Jane Doe in Washington": the place is not part of the name.
      const cut = part.search(/\s(?:in|from)\s/);
      author = cut > 0 ? readName(part.slice(0, cut)) : undefined;
    }
    if (!author) return undefined;
    out.push(author);
  }
  return out.length > 0 ? out : undefined;
}

/** Job words that make a comma part a role even when it looks like a name ("Senior Service Designer"). */
const STRONG_JOB = new Set(
  `writer writers reporter reporters correspondent correspondents editor editors columnist
  columnists contributor contributors producer producers analyst analysts director directors
  manager managers officer officers president strategist engineer engineers developer
  developers designer designers photographer photographers researcher researchers scientist
  scientists specialist specialists consultant advisor adviser coordinator founder ceo cto coo
  cfo journalist journalists secretary spokesman spokeswoman spokesperson minister lead head
  chief executive senior deputy`
    .split(/\s+/)
    .filter((w) => w !== ""),
);

/** Whether a part of a byline is a date or time ("March 5, 2024", "2024", "5:30 PM ET"). */
function isDatePart(part: string): boolean {
  if (!/\d/.test(part) || part.length > 40) return false;
  if (/^\d{4}$/.test(part) || /\d{1,2}:\d{2}/.test(part) || /^\d{4}-\d{2}-\d{2}/.test(part))
    return true;
  return splitOn(part, " ").some((t) => monthNumber(t.replace(/,$/, "")) !== undefined);
}

/** Whether a comma part is a role or affiliation rather than names. */
function isQualifierPart(part: string): boolean {
  // "Jane Doe (Design Researchers, CDS)": what is in the parenthesis does not count.
  const tokens = splitOn(part.endsWith(")") ? part.replace(/\s*\([^()]*\)$/, "") : part, " ");
  if (normaliseAgency(part) !== undefined || normaliseAgency(tokens[0] ?? "") !== undefined)
    return true;
  return tokens.some((t) => STRONG_JOB.has(bare(t)));
}

/**
 * What a part after the names is: an affiliation or a role. `loose`: any short
 * capitalised phrase is a role ("Outreach", "Internal operations").
 */
function readQualifier(
  text: string,
  loose: boolean,
  by: boolean,
  guard = false,
): { affiliation?: string; role?: string } | undefined {
  const part = trimEnd(collapse(text), ".;:");
  if (part === "" || /\d/.test(part)) return undefined;
  // "Researcher with the Help Renters find Housing Benefits partnership": a job title
  // with what it is about may run long in a byline on its own or after "By".
  const space = part.indexOf(" ");
  const job = STRONG_JOB.has(bare(space < 0 ? part : part.slice(0, space)));
  const long = job && (loose || by) && part.length <= MAX_LONG_ROLE;
  if (part.length > 80 && !long) return undefined;
  const agency = normaliseAgency(part);
  if (agency !== undefined) return { affiliation: agency };
  const tokens = splitOn(part, " ");
  // "Reuters Correspondent": the agency is the affiliation, the rest the role.
  const lead = normaliseAgency(tokens[0] ?? "");
  if (
    lead !== undefined &&
    tokens.length <= 4 &&
    tokens.slice(1).every((t) => JOB_WORDS.has(bare(t)))
  ) {
    return { affiliation: lead, role: tokens.slice(1).join(" ") };
  }
  if (long) return { role: part };
  if (tokens.length > 8) return undefined;
  const words = tokens.map(bare);
  // "Health Canada", "Office of the CTO": an organisation, unless its head word is a
  // job ("Senior Service Designer", "President of the Treasury Board").
  const of = words.findIndex((w, k) => k > 0 && /^(?:of|for|at|with|to)$/.test(w));
  const head = words[of > 0 ? of - 1 : words.length - 1] ?? "";
  if (!JOB_WORDS.has(head) && !STRONG_JOB.has(head) && readName(part)?.type === "Organization")
    return { affiliation: part };
  if (words.some((w) => JOB_WORDS.has(w))) return { role: part };
  if (words.some((w) => ORGANISATION_WORDS.has(w)) || /^the\s/i.test(part)) {
    const plain = words.every((w) => w === "the" || !NOT_NAME_WORDS.has(w));
    return plain && tokens.every(isOrganisationToken) ? { affiliation: part } : undefined;
  }
  if (loose && /^\p{Lu}{2,6}$/u.test(part)) return { affiliation: part };
  if (loose && UPPER_START.test(part)) {
    // "Outreach and Yedida Zalik": a role does not run into the next person's name.
    const and = part.lastIndexOf(" and ");
    if (guard && and > 0 && readName(part.slice(and + 5))?.type === "Person") return undefined;
    return { role: part };
  }
  // After "By", a capitalised phrase of a few words ("Opinion", "Special to the Post").
  if (
    by &&
    tokens.length <= 4 &&
    tokens.every((t) => UPPER_START.test(t) || /^(?:of|and|for|to|the|&)$/.test(t))
  ) {
    return { role: part };
  }
  return undefined;
}

/**
 * Read "A and B, Role, Affiliation[, C, Role]": groups of names, each followed by the
 * roles and affiliation that apply to the whole group.
 */
function readGroups(
  text: string,
  loose: boolean,
  by: boolean,
  guard = false,
): { authors: Author[]; marker: boolean } | undefined {
  const parts = splitOutside(text, ",");
  const authors: Author[] = [];
  let group: Author[] = [];
  let roles: string[] = [];
  let affiliation: string | undefined;
  let marker = false;
  // "ABC Cyber Security, Office of the CTO": several affiliations are kept together.
  const affiliate = (name: string): void => {
    affiliation = affiliation === undefined ? name : `${affiliation}, ${name}`;
  };
  const close = (): void => {
    for (const author of group) {
      if (roles.length > 0) author.role ??= roles.join(", ");
      if (affiliation !== undefined && author.type === "Person") author.affiliation ??= affiliation;
    }
    authors.push(...group);
    group = [];
    roles = [];
    affiliation = undefined;
  };
  for (let i = 0; i < parts.length; i++) {
    const part = (parts[i] ?? "").trim();
    if (part === "") continue;
    // (no `group[-1]`: a negative index is a slow property lookup)
    const last = group.length > 0 ? group[group.length - 1] : undefined;
    if (last && isNameSuffix(part)) {
      last.name = `${last.name}, ${part}`;
      continue;
    }
    if (i > 0 && group.length > 0 && (by || loose) && isDatePart(part)) {
      marker = true;
      continue;
    }
    const names = i > 0 && isQualifierPart(part) ? undefined : readNames(part, by);
    // "Jane Doe, Government of Ontario": an organisation after people is their affiliation.
    const org = names?.length === 1 && names[0]?.type === "Organization" ? names[0] : undefined;
    if (org && group.some((a) => a.type === "Person")) {
      marker = true;
      affiliate(org.name);
      continue;
    }
    if (names) {
      if (roles.length > 0 || affiliation !== undefined) close();
      group.push(...names);
      continue;
    }
    if (group.length === 0) return undefined;
    const q = readQualifier(part, loose, by, guard);
    if (!q) return undefined;
    marker = true;
    if (q.affiliation !== undefined) affiliate(q.affiliation);
    if (q.role !== undefined) roles.push(q.role);
  }
  close();
  return authors.length > 0 ? { authors, marker } : undefined;
}

/** Read "Reporting by A in Paris; Additional reporting by B; Editing by C". */
function readCredit(text: string): Author[] | undefined {
  const parts = splitOn(text, ";");
  const out: Author[] = [];
  for (const raw of parts) {
    const part = raw.trim().replace(/\.$/, "");
    if (part === "") continue;
    const lower = part.toLowerCase();
    const at = lower.indexOf(" by ");
    if (at <= 0) return undefined;
    const role = part.slice(0, at).trim();
    if (
      !role
        .toLowerCase()
        .split(" ")
        .every((w) => CREDIT_WORDS.has(w))
    )
      return undefined;
    const names = part
      .slice(at + 4)
      .split(/,|\s(?:and|&)\s/)
      .map((n) => {
        const cut = n.search(/\s(?:in|from|at)\s/);
        return (cut >= 0 ? n.slice(0, cut) : n).trim();
      })
      .filter((n) => n !== "");
    if (names.length === 0) return undefined;
    for (const n of names) {
      const author = readName(n);
      if (!author) return undefined;
      author.role = role.charAt(0).toUpperCase() + role.slice(1);
      out.push(author);
    }
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Read a byline and say how sure the reading is. Pure and linear; never throws.
 *
 * @param input
 *   The byline text (one line or a short paragraph).
 * @param loose
 *   Read any short capitalised phrase after the names as a role ("Jane Doe, Outreach"),
 *   and "A, Role and B, Role": right for a front-matter author string, too loose for a
 *   line of an article.
 * @param sure
 *   Only a sure reading is wanted (`by` or `credit`): any other text gives undefined,
 *   early, without reading its names (much cheaper on body text).
 * @returns
 *   The reading, or undefined when the text is not a byline (or, with `sure`, not a
 *   sure one).
 */
export function readByline(input: string, loose = false, sure = false): BylineReading | undefined {
  if (sure && !maybeSure(input)) return undefined;
  let text = collapse(input);
  if (text === "" || text.length > MAX_BYLINE) return undefined;
  if (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1).trim();
  if (text.endsWith(".") && /[\p{Ll}]{2}\.$/u.test(text)) text = text.slice(0, -1);
  let by = false;
  // A credit or a "By" prefix: none without ";" or a sure first word (the quick test,
  // passed already with `sure`; most texts fail it).
  if (sure || maybeSure(text)) {
    // only how the text starts is looked at (a credit's or a "by" prefix's first words)
    const lower = text.slice(0, 40).toLowerCase();
    // End credits: "Reporting by A; Editing by B".
    const credit = CREDIT_START.test(lower);
    if (credit || text.includes(";")) {
      const authors = readCredit(text);
      if (authors) return { authors, by: false, credit: true, marker: true };
      if (credit) return undefined;
    }
    for (const prefix of BY_PREFIXES) {
      if (lower.startsWith(prefix)) {
        text = text.slice(prefix.length).trim();
        by = true;
        break;
      }
    }
  }
  // a credit was returned above: without "By" the reading could only be unsure
  if (text === "" || (sure && !by)) return undefined;
  // body text (a sentence): no name can start it, the reading below would fail
  if (noNameAtStart(text)) return undefined;
  // "A, Director - Team; B and C - Council": groups separated by ";", each read on its own.
  const authors: Author[] = [];
  let marker = false;
  for (const group of splitOutside(text, ";")) {
    if (group.trim() === "") continue;
    const read = readGroup(group.trim(), loose, by);
    if (!read) return undefined;
    authors.push(...read.authors);
    marker ||= read.marker;
  }
  if (authors.length === 0) return undefined;
  return { authors, by, credit: false, marker };
}

/** Most words {@link readName} reads as a name (after an honorific is dropped). */
const MAX_NAME_WORDS = 7;
/** Most words an honorific takes ("The Right Honourable"). */
const MAX_HONORIFIC_WORDS = 3;

/**
 * Whether the groups of a byline `text` (collapsed, trimmed, "By" dropped) cannot be
 * read, because its first clause cannot start with a name: a quick scan that spares
 * body text the full reading. The first part of the first group starts `text` and
 * every name read from it ({@link readNames}: the part, the part without a trailing
 * agency, the part before " in "/" from " or a parenthesis) holds the clause up to
 * the first split point (`,`, `;`, `(`, a spaced separator, " and ", " & ", " in ",
 * " from ") without its last word. No reading can succeed when that has a digit, more
 * words than a name plus an honorific, or (too long for an agency, no honorific) a word
 * that is neither a word of a person's name nor of an organisation's ("was"). Linear;
 * stops at the first split point.
 */
function noNameAtStart(text: string): boolean {
  // "and Jane Doe", "& Jane Doe": readNames drops the first word (rare: let the reading
  // decide; the text is collapsed, and `/^and\s/i` folds ASCII capitals only)
  if (text.startsWith("& ") || (text.charAt(3) === " " && text.slice(0, 3).toLowerCase() === "and"))
    return false;
  let spaces = 0;
  let lastSpace = -1;
  let digit = -1;
  // characters an agency's key keeps (not spaces, periods) up to a space, colons left out
  // (readName trims them at the end of a name)
  let kept = 0;
  let keptBefore = 0;
  let wordStart = 0;
  // a word before the last that no name has
  let stranger = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 40) break; // , ; (
    if (c >= 48 && c <= 57) digit = i;
    else if (c === 32) {
      if (splitsAt(text, i)) break;
      spaces++;
      lastSpace = i;
      keptBefore = kept;
      // (only a word in small letters is looked at: a capitalised one is a name's)
      const first = text.charCodeAt(wordStart);
      if (!stranger && first >= 97 && first <= 122) {
        const word = text.slice(wordStart, i);
        stranger = !isPersonToken(word) && !isOrganisationToken(word);
      }
      wordStart = i + 1;
      continue;
    }
    if (c !== 46 && c !== 58) kept++;
  }
  if (digit >= 0 && digit < lastSpace) return true;
  if (spaces <= MAX_NAME_WORDS && !stranger) return false;
  const honorific = HONORIFIC.test(text);
  if (spaces - (honorific ? MAX_HONORIFIC_WORDS : 0) > MAX_NAME_WORDS) return true;
  return stranger && !honorific && keptBefore > LONGEST_AGENCY;
}

/**
 * Whether the space at `i` starts a split point of a byline's first clause: a spaced
 * separator of pieces ({@link PIECE_SEPARATOR}), " and " or " & " ({@link andAt}), or
 * " in " / " from " (where {@link readNames} cuts a place off).
 */
function splitsAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i + 1);
  if (c === 124 || c === 0x2022 || c === 0xb7 || c === 0x2014 || c === 0x2013 || c === 45)
    return text.charCodeAt(i + 2) === 32;
  return andAt(text, i) > 0 || text.startsWith(" in ", i) || text.startsWith(" from ", i);
}

/**
 * A quick test that passes every text {@link readByline} reads as sure, and every text
 * with a ";", a credit's start or a "By" prefix, without making a string: a credit has
 * a ";" or starts with a word of {@link CREDIT_START}, and a "By" reading starts with
 * one of {@link BY_PREFIXES} (after whitespace and a "(" that may be stripped), that
 * word then whitespace.
 */
function maybeSure(input: string): boolean {
  if (input.includes(";")) return true;
  let i = 0;
  while (i < input.length && isWhitespace(input.charCodeAt(i))) i++;
  if (input[i] === "(") {
    i++;
    while (i < input.length && isWhitespace(input.charCodeAt(i))) i++;
  }
  for (const word of SURE_WORDS) if (startsWithWord(input, i, word)) return true;
  return false;
}

/** The first words of a sure byline, lower case (see {@link maybeSure}). */
const SURE_WORDS = [
  ...new Set([...BY_PREFIXES, "additional", ...CREDIT_ROLES].map((p) => p.split(" ")[0] ?? "")),
];

/**
 * Whether `input` has the lower-case ASCII `word`, in either case, at `at`, then
 * whitespace. A non-ASCII character may lower-case to an ASCII letter (the Kelvin sign
 * to "k"): it passes, for the full reading to decide.
 */
function startsWithWord(input: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = input.charCodeAt(at + k);
    if (c >= 128) return true;
    // `| 32` folds an ASCII capital to its small letter (and no other character to one)
    if ((c | 32) !== word.charCodeAt(k)) return false;
  }
  const after = input.charCodeAt(at + word.length);
  return after >= 128 || isWhitespace(after);
}

/** What separates the pieces of a byline group: a spaced `|`, `•`, `·` or dash. */
const PIECE_SEPARATOR = /\s[|•·]\s|\s[—–-]\s/;

/**
 * Read one group of a byline: names with their roles and affiliations, then pieces
 * after a separator (`|`, `•`, a spaced dash) that apply to all of them.
 */
function readGroup(
  text: string,
  loose: boolean,
  by: boolean,
): { authors: Author[]; marker: boolean } | undefined {
  // (no separator, the common case: no split, a runtime call)
  const pieces = PIECE_SEPARATOR.test(text) ? text.split(PIECE_SEPARATOR) : [text];
  const first = pieces[0] ?? "";
  let read = readGroups(first, loose, by, loose);
  // (the guard only matters at an " and ": without one, a second reading is the same)
  if (!read && loose && first.includes(" and ")) {
    // "Élise Cossette, Outreach and Yedida Zalik, Content Design"
    for (let at = first.indexOf(" and "); at > 0 && !read; at = first.indexOf(" and ", at + 1)) {
      const left = readGroups(first.slice(0, at), loose, by);
      const right = left?.marker ? readGroups(first.slice(at + 5), loose, by) : undefined;
      if (left && right?.marker)
        read = { authors: left.authors.concat(right.authors), marker: true };
    }
    read ??= readGroups(first, loose, by);
  }
  if (!read) return undefined;
  let marker = read.marker;
  for (const piece of pieces.slice(1)) {
    if (piece.trim() === "") continue;
    if (isDatePart(piece.trim())) {
      marker = true;
      continue;
    }
    const q = readQualifier(piece, loose, by);
    if (!q) return undefined;
    marker = true;
    // "Jane Doe, Director - Open Data": the piece adds to what the names have.
    for (const author of read.authors) {
      if (q.role !== undefined) author.role = author.role ? `${author.role}, ${q.role}` : q.role;
      if (q.affiliation !== undefined && author.type === "Person")
        author.affiliation ??= q.affiliation;
    }
  }
  return { authors: read.authors, marker };
}

/**
 * Read a byline on its own: "By Jane Doe and John Roe, Reuters", "Max Neuvians and Tim
 * Arney, Developers" (two people, role "Developers"), "Jane Doe | Reuters",
 * "By The Associated Press", "Reporting by A; Editing by B" (authors with roles),
 * "A, Outreach and B, Content Design", "A, Head of Policy, B, Head of Design",
 * "A and B, Health Canada" (affiliation), "A (RCMP), B (Director General, CDS)",
 * "A, Director - Team; B and C - Council" (groups), "The Honourable A" (honorific
 * dropped). The one reader of byline strings: the Markdown front end reads front-matter
 * authors with it. A job title, a date, an organisation or a sentence is never read as
 * a person: "By assuming the role..." is not a byline, and "Byrne Hobart" is a name.
 *
 * @param text
 *   The byline (for example a front-matter `author` string).
 * @returns
 *   The authors, or undefined when the text is not a byline.
 * @example
 *   parseBylineText("By Jane Doe, Reuters")
 *   //=> { authors: [{ type: "Person", name: "Jane Doe", affiliation: "Reuters" }] }
 */
export function parseBylineText(text: string): { authors: Author[] } | undefined {
  if (typeof text !== "string") return undefined;
  const reading = readByline(text, true);
  return reading ? { authors: reading.authors } : undefined;
}
