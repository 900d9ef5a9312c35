/**
 * Datelines at the start of the first paragraph: "WASHINGTON, March 5 (Reuters) -",
 * "TEHRAN –", "KANSAS CITY, Mo. (AP) —", "BEIJING, 5 March (Xinhua) --", "LONDON, MAR 5 -".
 * Internal: not part of the public API.
 */
import type { Dateline } from "../../schema/dateline.js";
import { isWhitespace, splitOn } from "../../util/chars.js";
import { type Context, type Segment, sourceOffset, sourceSpan } from "../types.js";
import { dateAtEnd, dateAtStart, resolveDate, type WrittenDate } from "./dates.js";
import { MULTI_WORD_REGIONS, normaliseAgency, REGIONS } from "./words.js";
import { writtenText } from "./written.js";

/** A dateline found at the start of a segment. */
export interface FoundDateline {
  /** The dateline, spans into the source. */
  dateline: Dateline;
  /** Offset in the segment's text where the paragraph after the dateline starts. */
  rest: number;
}

/** How far into the first paragraph a dateline may reach. */
const HEAD = 240;
/** Longest place, as written. */
const MAX_PLACE = 70;

/**
 * Find the next dash candidate: [start, end) of the first "-", "--", "–", "—", "_" used
 * as a dash that starts at or after `from` and at most at `limit`, or undefined.
 */
function nextDash(head: string, from: number, limit = head.length): [number, number] | undefined {
  for (let i = from; i < head.length && i <= limit; i++) {
    const c = head.charCodeAt(i);
    // "—", "–", "―", "-", "_"
    if (c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 45 || c === 95) {
      let j = i + 1;
      while (j < head.length && head.charCodeAt(j) === c) j++;
      const before = head.charCodeAt(i - 1);
      const spaced = j >= head.length || isSpaceCode(head.charCodeAt(j));
      let dash = false;
      if (c !== 45 && c !== 95) dash = true;
      else if (j - i >= 2) dash = true;
      else if (c === 45) dash = spaced || isSpaceCode(before);
      else dash = isSpaceCode(before) && spaced; // "_"
      if (dash) return [i, j];
      i = j - 1;
    }
  }
  return undefined;
}

/** Whether code `c` is markup or whitespace before a dateline: `*•·#>` or `\s`. */
const isLeadMark = (c: number): boolean =>
  c === 42 || c === 0x2022 || c === 0xb7 || c === 35 || c === 62 || isWhitespace(c);

/** Whether code `c` is a space, tab, LF or CR (NaN, outside the text, is none). */
const isSpaceCode = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Words that start sentences, never places ("The company said on March 5 -"). */
const PLACE_STOP = new Set(
  `the a an this that these those it its he she they we i you his her their our my your
  there here when while after before as if but and or so then now today yesterday monday
  tuesday wednesday thursday friday saturday sunday said says say is are was were has have
  had will would can could should may might must on in at by for from with`.split(/\s+/),
);

/** Labels that open a paragraph like a place but are not one ("BREAKING -", "UPDATE -"). */
const NOT_PLACES = new Set(
  `breaking update updated exclusive analysis opinion correction corrected editors editor's
  note urgent flash bulletin advisory repeat refiled watch video photos live new newsalert
  alert fact check factbox timeline instant view wrapup preview review interview`.split(/\s+/),
);

/** Small words of places ("Rio de Janeiro", "Stratford-upon-Avon"), as written. */
const PLACE_SMALL = new Set(
  "of de del la le el es du da di do am an upon on sur en y and the al".split(" "),
);
const PLACE_TOKEN = /^[\p{L}\p{M}][\p{L}\p{M}'’.&/-]*$/u;

/**
 * Whether `t` can be a word of a place: a capital, then letters, marks and `'’.&/-`; a
 * word that starts sentences only in capitals ("ON", not "On"). ASCII words are read
 * without a regex.
 */
function isPlaceWord(t: string): boolean {
  let upper = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 65 && c <= 90) continue;
    if (c >= 128) {
      return (
        PLACE_TOKEN.test(t) &&
        /^\p{Lu}/u.test(t) &&
        (!PLACE_STOP.has(t.toLowerCase()) || /^\p{Lu}+$/u.test(t))
      );
    }
    // after an ASCII capital: small letters and `'.&/-`
    const other = (c >= 97 && c <= 122) || c === 39 || c === 46 || c === 38 || c === 47 || c === 45;
    if (i === 0 || !other) return false;
    upper = false;
  }
  return upper || !PLACE_STOP.has(t.toLowerCase());
}

/** Validate a place; `strong` when a date or agency came with it. */
function validPlace(place: string, strong: boolean): boolean {
  if (place === "" || place.length > MAX_PLACE || /\d/.test(place)) return false;
  const comps = splitOn(place, ",");
  if (comps.length > 4) return false;
  for (let k = 0; k < comps.length; k++) {
    const comp = (comps[k] as string).trim();
    comps[k] = comp;
    // its words (split on spaces): one to five in the first part, to four in the others,
    // at least one of them not a small word
    let words = 0;
    let letters = 0;
    for (let from = 0; from < comp.length; ) {
      const space = comp.indexOf(" ", from);
      const end = space < 0 ? comp.length : space;
      if (end > from) {
        if (++words > (k === 0 ? 5 : 4)) return false;
        const t = comp.slice(from, end);
        if (!PLACE_SMALL.has(t)) {
          if (!isPlaceWord(t)) return false;
          letters++;
        }
      }
      from = end + 1;
    }
    if (letters === 0) return false;
  }
  const first = comps[0] as string;
  if (NOT_PLACES.has(first.toLowerCase())) return false;
  if (!strong) {
    // Without a date or agency, the place must be written in capitals ("TEHRAN").
    if (
      !/\p{Lu}{2}/u.test(first) ||
      /\p{Ll}/u.test(first.replace(/\b(?:of|de|la|el|es|du|da|di|al)\b/g, ""))
    ) {
      return false;
    }
  }
  return true;
}

/** Title-case a place written in capitals ("KANSAS CITY" -> "Kansas City"). */
export function titleCasePlace(place: string): string {
  if (/\p{Ll}/u.test(place)) return place;
  const titled = initialCapitals(place.toLowerCase());
  // one word of word characters: no small word to lower-case (none but the first starts
  // at a word boundary, and the last is kept)
  if (!/\W/.test(titled)) return titled;
  return titled.replace(
    /\b(Of|De|La|El|Es|Du|Da|Di|Upon|On|The|And)\b(?!$)/g,
    (w, _x, at: number) => (at === 0 ? w : w.toLowerCase()),
  );
}

/**
 * Capitalise every lower-case letter at the start or after whitespace, "/" or "-": what
 * `.replace(/(^|[\s/-])(\p{Ll})/gu, (_m, pre, ch) => pre + ch.toUpperCase())` gives,
 * without a call per word for ASCII text.
 */
function initialCapitals(lower: string): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 128) {
      return lower.replace(
        /(^|[\s/-])(\p{Ll})/gu,
        (_m, pre: string, ch: string) => pre + ch.toUpperCase(),
      );
    }
    if (c < 97 || c > 122) continue;
    const before = i === 0 ? 32 : lower.charCodeAt(i - 1);
    // ASCII whitespace, "/" or "-" before (the start counts as a space)
    if (before === 32 || (before >= 9 && before <= 13) || before === 47 || before === 45) {
      out += lower.slice(copied, i) + String.fromCharCode(c - 32);
      copied = i + 1;
    }
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

/** Whether a part of a place names a region ("Ohio", "Md.", "New York"). */
function isRegion(part: string): boolean {
  const lower = part.toLowerCase();
  return REGIONS.has(lower) || MULTI_WORD_REGIONS.has(lower.replace(/\s+/g, "_"));
}

/**
 * Split a place into locality, region and country where the words say so, and set them
 * on `dateline` (in that order).
 */
function setPlaceParts(dateline: Dateline, place: string): void {
  const comps: string[] = [];
  for (const part of splitOn(place, ",")) {
    const comp = part.trim();
    if (comp !== "") comps.push(comp);
  }
  const first = comps[0];
  if (first !== undefined && !first.includes("/")) dateline.locality = titleCasePlace(first);
  if (comps.length === 2) {
    const c = comps[1] as string;
    if (isRegion(c)) dateline.region = c;
    else dateline.country = c;
  } else if (comps.length === 3) {
    const r = comps[1] as string;
    const c = comps[2] as string;
    if (isRegion(r)) dateline.region = r;
    if (!isRegion(c)) dateline.country = c;
    else dateline.region ??= c;
  }
}

/** The front of a dateline (before the dash), read. */
interface Front {
  place: string;
  date?: WrittenDate | undefined;
  agency?: string | undefined;
}

/** `text` without the whitespace and commas at its end (`text.replace(/[\s,]+$/, "")`). */
function trimCommas(text: string): string {
  let end = text.length;
  // (never reads before the start: an out-of-range read makes V8 slow the site down for good)
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 44 && !isWhitespace(c)) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Read "PLACE[, DATE][ (AGENCY)| , AGENCY]" — the text before the dash. */
function readFront(prefix: string): Front | undefined {
  let p = prefix.trimEnd();
  let agency: string | undefined;
  if (p.endsWith(")")) {
    const open = p.lastIndexOf("(");
    if (open < 0) return undefined;
    const inner = p.slice(open + 1, -1).trim();
    const known = normaliseAgency(inner);
    if (
      known === undefined &&
      (inner === "" || inner.length > 40 || !/^[\p{Lu}][\p{L}\p{M}.&' -]*$/u.test(inner))
    ) {
      return undefined;
    }
    agency = known ?? inner;
    p = p.slice(0, open).trimEnd();
  } else {
    const comma = p.lastIndexOf(",");
    if (comma >= 0) {
      const a = normaliseAgency(p.slice(comma + 1).trim());
      if (a !== undefined) {
        agency = a;
        p = p.slice(0, comma).trimEnd();
      }
    }
  }
  p = trimCommas(p);
  const date = dateAtEnd(p);
  const place = trimCommas(date ? p.slice(0, date.start) : p);
  if (!validPlace(place, date !== undefined || agency !== undefined)) return undefined;
  return { place, date, agency };
}

/** The largest bold lead read as a dateline (`**WASHINGTON, March 5 (Reuters)**`). */
const MAX_LEAD = MAX_PLACE + 40;

/**
 * Make the dateline of `segment.text.slice(from, end)` and resolve its date (at
 * `date.start + dateBase` in the segment's text). Reports date diagnostics.
 */
function complete(
  segment: Segment,
  ctx: Context,
  front: Front,
  from: number,
  end: number,
  date: WrittenDate | undefined,
  dateBase: number,
): Dateline | undefined {
  const written = writtenText(segment, from, end, ctx.source);
  if (!written) return undefined;
  const dateline: Dateline = { text: written.text, place: front.place };
  setPlaceParts(dateline, front.place);
  if (date) {
    const asWritten = segment.text.slice(date.start + dateBase, date.end + dateBase);
    const resolved = resolveDate(date, ctx.options.referenceDate);
    const dateSpan = sourceSpan(segment, date.start + dateBase, date.end + dateBase);
    if (!resolved) {
      ctx.report(
        "invalid-dateline-date",
        "warning",
        `Unexpected dateline date \`${asWritten}\`, expected a day that exists`,
        dateSpan,
      );
    } else {
      dateline.date = resolved.iso;
      if (resolved.guessedYear && resolved.distance === undefined) {
        ctx.report(
          "dateline-date-without-year",
          "info",
          `Dateline date \`${asWritten}\` has no year and no referenceDate was given, kept as \`${resolved.iso}\``,
          dateSpan,
        );
      } else if (resolved.distance !== undefined && Math.abs(resolved.distance) > 90) {
        ctx.report(
          "ambiguous-dateline-date",
          "warning",
          `Dateline date \`${asWritten}\` is ${Math.abs(resolved.distance)} days from the referenceDate, read as \`${resolved.iso}\``,
          dateSpan,
        );
      }
    }
  }
  if (front.agency !== undefined) dateline.agency = front.agency;
  dateline.span = written.span;
  return dateline;
}

/**
 * A Markdown bold lead without a dash as the dateline: `**TEHRAN** On January 3, …`,
 * `**WASHINGTON, March 5 (Reuters)** The …`. Only a short lead at the very start of
 * the paragraph that reads as a place (in capitals unless a date or agency comes with
 * it), followed by a new sentence (a capital, a digit or a quotation mark).
 */
function boldLeadDateline(
  segment: Segment,
  lead: Segment,
  from: number,
  ctx: Context,
): FoundDateline | undefined {
  const text = segment.text;
  if (lead.text.length === 0 || lead.text.length > MAX_LEAD) return undefined;
  if (!text.startsWith(lead.text, from)) return undefined;
  if (sourceOffset(segment, from) !== sourceOffset(lead, 0)) return undefined;
  const front = readFront(lead.text.replace(/[\s,:;]+$/, ""));
  if (!front) return undefined;
  let rest = from + lead.text.length;
  if (text[rest] === ":" || text[rest] === ",") rest++;
  while (rest < text.length && isSpaceCode(text.charCodeAt(rest))) rest++;
  if (rest >= text.length || !/^[\p{Lu}\p{N}"“‘'«]/u.test(text.slice(rest, rest + 1)))
    return undefined;
  const dateline = complete(segment, ctx, front, from, from + lead.text.length, front.date, from);
  return dateline ? { dateline, rest } : undefined;
}

/**
 * Find a dateline at the start of `segment` (the first body paragraph) and resolve its
 * date against the reference date. Reports date diagnostics into `ctx`.
 *
 * @param segment
 *   The first paragraph (text whitespace-collapsed, with a map when it differs from the
 *   source; from Markdown, with its bold lead).
 * @param ctx
 *   Parse context.
 * @returns
 *   The dateline and where the paragraph's own text starts, or undefined.
 */
export function findDateline(
  segment: Segment & { strongLead?: Segment | undefined },
  ctx: Context,
): FoundDateline | undefined {
  const head = segment.text.slice(0, HEAD);
  let from = 0;
  while (from < head.length && isLeadMark(head.charCodeAt(from))) from++;
  // a dash further than a place and a date from the start is none (not even looked for);
  // each is looked for when the one before is no dateline
  const limit = from + MAX_PLACE + 40;
  let dash = nextDash(head, from, limit);
  // the first six dashes are tried
  for (let tried = 0; dash !== undefined && tried < 6; tried++) {
    const [dashStart, dashEnd] = dash;
    const front = readFront(head.slice(from, dashStart));
    if (!front) {
      dash = nextDash(head, dashEnd, limit);
      continue;
    }
    let end = dashEnd;
    let date = front.date;
    let dateBase = from;
    // "ROCKVILLE, Md, - March 6 -": the date after the first dash.
    if (!date) {
      let k = end;
      while (k < head.length && head[k] === " ") k++;
      const after = dateAtStart(head.slice(k));
      if (after) {
        const next = nextDash(head, k + after.end);
        const gap = next ? head.slice(k + after.end, next[0]).trim() : "x";
        if (next && gap === "") {
          date = { ...after, start: k + after.start, end: k + after.end };
          dateBase = 0;
          end = next[1];
        }
      }
    }
    let rest = end;
    while (rest < segment.text.length && isSpaceCode(segment.text.charCodeAt(rest))) rest++;
    const dateline = complete(segment, ctx, front, from, end, date, dateBase);
    return dateline ? { dateline, rest } : undefined;
  }
  if (segment.strongLead) return boldLeadDateline(segment, segment.strongLead, from, ctx);
  return undefined;
}
