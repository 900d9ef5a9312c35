/**
 * Datelines at the start of the first paragraph: "WASHINGTON, March 5 (Reuters) -",
 * "TEHRAN –", "KANSAS CITY, Mo. (AP) —", "BEIJING, 5 March (Xinhua) --", "LONDON, MAR 5 -".
 * Internal: not part of the public API.
 */
import type { Dateline } from "../../schema/dateline.js";
import { type Context, type Segment, sourceSpan } from "../types.js";
import { dateAtEnd, dateAtStart, resolveDate, type WrittenDate } from "./dates.js";
import { MULTI_WORD_REGIONS, normaliseAgency, REGIONS } from "./words.js";

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

/** Whether `c` is a space in whitespace-collapsed text (or any whitespace). */
const isSpace = (c: string | undefined): boolean =>
  c === " " || c === "\t" || c === "\n" || c === "\r";

/** Find dash candidates: [start, end) of "-", "--", "–", "—", "_" used as a dash. */
function dashes(head: string, from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i < head.length && out.length < 6; i++) {
    const c = head[i];
    if (c === "—" || c === "–" || c === "―" || c === "-" || c === "_") {
      let j = i + 1;
      while (j < head.length && (head[j] === c || (c === "-" && head[j] === "-"))) j++;
      const before = head[i - 1];
      const after = head[j];
      const spaced = isSpace(after) || after === undefined;
      let dash = false;
      if (c === "—" || c === "–" || c === "―") dash = true;
      else if (j - i >= 2) dash = true;
      else if (c === "-") dash = spaced || isSpace(before);
      else dash = isSpace(before) && spaced; // "_"
      if (dash) out.push([i, j]);
      i = j - 1;
    }
  }
  return out;
}

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

const PLACE_SMALL = /^(?:of|de|del|la|le|el|es|du|da|di|do|am|an|upon|on|sur|en|y|and|the|al)$/;
const PLACE_TOKEN = /^[\p{L}\p{M}][\p{L}\p{M}'’.&/-]*$/u;

/** Validate a place; `strong` when a date or agency came with it. */
function validPlace(place: string, strong: boolean): boolean {
  if (place === "" || place.length > MAX_PLACE || /\d/.test(place)) return false;
  const comps = place.split(",").map((c) => c.trim());
  if (comps.length > 4 || comps.some((c) => c === "")) return false;
  for (let k = 0; k < comps.length; k++) {
    const tokens = (comps[k] as string).split(" ").filter((t) => t !== "");
    if (tokens.length === 0 || tokens.length > (k === 0 ? 5 : 4)) return false;
    let letters = 0;
    for (const t of tokens) {
      if (PLACE_SMALL.test(t)) continue;
      if (!PLACE_TOKEN.test(t)) return false;
      if (!/^\p{Lu}/u.test(t)) return false;
      if (PLACE_STOP.has(t.toLowerCase()) && !/^\p{Lu}+$/u.test(t)) return false;
      letters++;
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
  return place
    .toLowerCase()
    .replace(/(^|[\s/-])(\p{Ll})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase())
    .replace(/\b(Of|De|La|El|Es|Du|Da|Di|Upon|On|The|And)\b(?!$)/g, (w, _x, at: number) =>
      at === 0 ? w : w.toLowerCase(),
    );
}

/** Split a place into locality, region and country where the words say so. */
function placeParts(place: string): Pick<Dateline, "locality" | "region" | "country"> {
  const comps = place
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const out: Pick<Dateline, "locality" | "region" | "country"> = {};
  const first = comps[0];
  if (first !== undefined && !first.includes("/")) out.locality = titleCasePlace(first);
  const isRegion = (c: string): boolean =>
    REGIONS.has(c.toLowerCase()) || MULTI_WORD_REGIONS.has(c.toLowerCase().replace(/\s+/g, "_"));
  if (comps.length === 2) {
    const c = comps[1] as string;
    if (isRegion(c)) out.region = c;
    else out.country = c;
  } else if (comps.length === 3) {
    const r = comps[1] as string;
    const c = comps[2] as string;
    if (isRegion(r)) out.region = r;
    if (!isRegion(c)) out.country = c;
    else out.region ??= c;
  }
  return out;
}

/** The front of a dateline (before the dash), read. */
interface Front {
  place: string;
  date?: WrittenDate | undefined;
  agency?: string | undefined;
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
  p = p.replace(/[\s,]+$/, "");
  const date = dateAtEnd(p);
  if (date) p = p.slice(0, date.start);
  const place = p.replace(/[\s,]+$/, "");
  if (!validPlace(place, date !== undefined || agency !== undefined)) return undefined;
  return { place, date, agency };
}

/**
 * Find a dateline at the start of `segment` (the first body paragraph) and resolve its
 * date against the reference date. Reports date diagnostics into `ctx`.
 *
 * @param segment
 *   The first paragraph (text whitespace-collapsed, with a map when it differs from the source).
 * @param ctx
 *   Parse context.
 * @returns
 *   The dateline and where the paragraph's own text starts, or undefined.
 */
export function findDateline(segment: Segment, ctx: Context): FoundDateline | undefined {
  const head = segment.text.slice(0, HEAD);
  let from = 0;
  while (from < head.length && /[*•·#>\s]/.test(head[from] ?? "")) from++;
  for (const [dashStart, dashEnd] of dashes(head, from)) {
    if (dashStart - from > MAX_PLACE + 40) break;
    const front = readFront(head.slice(from, dashStart));
    if (!front) continue;
    let end = dashEnd;
    let date = front.date;
    // "ROCKVILLE, Md, - March 6 -": the date after the first dash.
    if (!date) {
      let k = end;
      while (k < head.length && head[k] === " ") k++;
      const after = dateAtStart(head.slice(k));
      if (after) {
        const next = dashes(head, k + after.end)[0];
        const gap = next ? head.slice(k + after.end, next[0]).trim() : "x";
        if (next && gap === "") {
          date = { ...after, start: k + after.start, end: k + after.end };
          end = next[1];
        }
      }
    }
    let rest = end;
    while (rest < segment.text.length && isSpace(segment.text[rest])) rest++;
    const span = sourceSpan(segment, from, end);
    const text = ctx.source.slice(span.start, span.end);
    if (text.trim() === "") return undefined;
    const dateline: Dateline = { text, place: front.place, ...placeParts(front.place) };
    if (date) {
      const written = head.slice(date.start, date.end);
      const resolved = resolveDate(date, ctx.options.referenceDate);
      const dateSpan = sourceSpan(
        segment,
        date.start + (front.date ? from : 0),
        date.end + (front.date ? from : 0),
      );
      if (!resolved) {
        ctx.report(
          "invalid-dateline-date",
          "warning",
          `Unexpected dateline date \`${written}\`, expected a day that exists`,
          dateSpan,
        );
      } else {
        dateline.date = resolved.iso;
        if (resolved.guessedYear && resolved.distance === undefined) {
          ctx.report(
            "dateline-date-without-year",
            "info",
            `Dateline date \`${written}\` has no year and no referenceDate was given, kept as \`${resolved.iso}\``,
            dateSpan,
          );
        } else if (resolved.distance !== undefined && Math.abs(resolved.distance) > 90) {
          ctx.report(
            "ambiguous-dateline-date",
            "warning",
            `Dateline date \`${written}\` is ${Math.abs(resolved.distance)} days from the referenceDate, read as \`${resolved.iso}\``,
            dateSpan,
          );
        }
      }
    }
    if (front.agency !== undefined) dateline.agency = front.agency;
    dateline.span = span;
    return { dateline, rest };
  }
  return undefined;
}
