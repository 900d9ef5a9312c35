import type { Article, Paragraph } from "../schema/article.js";
import type { Author, Byline } from "../schema/author.js";
import type { QuotedClaim } from "../schema/claim.js";
import type { Dateline } from "../schema/dateline.js";
import { isBlank } from "../util/chars.js";
import { extractClaims } from "./claims/index.js";
import { isSignOff } from "./extract/body.js";
import { type BylineReading, readByline } from "./extract/byline.js";
import { type FoundDateline, findDateline } from "./extract/dateline.js";
import {
  cleanTitle,
  headlineFromText,
  isSubheadlineBlock,
  isTitleBlock,
} from "./extract/headline.js";
import { writtenText } from "./extract/written.js";
import { type Block, type Context, type Segment, sourceOffset, subSegment } from "./types.js";

/**
 * Fields a front end already knows (Markdown front matter) that win over what the
 * extractors find in the blocks; a conflict is a diagnostic.
 */
export type KnownFields = Partial<Omit<Article, "body" | "claims">>;

/** Longest block read as a byline. */
const MAX_BYLINE_BLOCK = 400;
/** Longest bare-name line ("Jane Doe", no "By") read as a byline under the title. */
const MAX_BARE_BYLINE = 60;

/**
 * Find the dateline at the start of a block (see `findDateline`); `report`: into the
 * context, or silently (looking ahead).
 */
type DatelineFinder = (block: Block, report: boolean) => FoundDateline | undefined;

/**
 * A {@link DatelineFinder} for one parse that reads each block once: the same blocks are
 * looked at several times (title, under the title, first paragraph). What a block's
 * reading reported is kept and replayed into `ctx` when it is asked for with `report`,
 * so the diagnostics are those of reading it there and then.
 */
function datelineFinder(ctx: Context): DatelineFinder {
  // the blocks read so far (a few: those near the top, looked for in order)
  const read: Array<{ block: Block; found: FoundDateline | undefined; reports: Report[] }> = [];
  // what the reading under way reports
  let reports: Report[] = [];
  // (the fields of `ctx` written out, not spread: one object shape with the contexts)
  const recorder: Context = {
    source: ctx.source,
    options: ctx.options,
    diagnostics: [],
    report: (...args) => {
      reports.push(args);
    },
  };
  return (block, report) => {
    let known = read.find((r) => r.block === block);
    if (!known) {
      reports = [];
      known = { block, found: findDateline(block, recorder), reports };
      read.push(known);
    }
    if (report) for (const args of known.reports) ctx.report(...args);
    return known.found;
  };
}

/** The arguments of one `ctx.report` call. */
type Report = Parameters<Context["report"]>;

/** Whether a block is an item of the article: not a break, not blank. */
const isItem = (block: Block): boolean => block.kind !== "break" && !isBlank(block.text);

/** Whether a block is short enough (and not code) to be read as a byline. */
const mayBeByline = (block: Block | undefined): block is Block =>
  block !== undefined &&
  block.kind !== "code" &&
  block.text.length <= MAX_BYLINE_BLOCK &&
  (block.lines ?? 1) <= 3;

/**
 * Read a block as a sure byline ("By …" or an end credit), if it is one: what the
 * title line and the last block are checked for.
 */
function sureBylineOf(block: Block | undefined): BylineReading | undefined {
  return mayBeByline(block) ? readByline(block.text, false, true) : undefined;
}

/** Read the block right under the title as a byline (bare names allowed), if it is one. */
function topBylineOf(
  block: Block | undefined,
  findDatelineIn: DatelineFinder,
): BylineReading | undefined {
  if (!mayBeByline(block)) return undefined;
  // "NEW YORK, March 5 -" is a dateline, not a name and a date: only a sure reading is
  // a byline then (the block is usually the first paragraph, whose dateline is read anyway)
  if (findDatelineIn(block, false)) return readByline(block.text, false, true);
  const reading = readByline(block.text);
  if (!reading) return undefined;
  if (reading.by || reading.credit || reading.marker) return reading;
  if (
    block.text.length <= MAX_BARE_BYLINE &&
    !/[.!?;:]$/.test(block.text) &&
    reading.authors.length <= 3 &&
    reading.authors.every((a) => a.type === "Person")
  ) {
    return reading;
  }
  return undefined;
}

/**
 * Where a sign-off run into the end of a paragraph starts ("… an ounce. REUTER" -> the
 * offset after "ounce."), or -1. Only a sign-off in capitals, or "Reuter", after the end
 * of a sentence.
 */
function trailingSignOff(text: string): number {
  const space = text.lastIndexOf(" ");
  if (space <= 0 || text.length - space > 20) return -1;
  if (!/[.!?"”’')]/.test(text[space - 1] ?? "")) return -1;
  const tail = text.slice(space + 1);
  if (!isSignOff(tail) || !(/^[^\p{Ll}]+$/u.test(tail) || /^Reuter\b/.test(tail))) return -1;
  return space;
}

/** Whether a block opens with a dateline that makes it a first paragraph, not a title. */
function opensWithDateline(block: Block, findDatelineIn: DatelineFinder): boolean {
  if (block.kind === "heading") return false;
  const found = findDatelineIn(block, false);
  if (!found) return false;
  const { dateline } = found;
  if (dateline.date !== undefined || dateline.agency !== undefined) return true;
  return block.text.length - found.rest > 100;
}

const normalise = (s: string): string => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Whether two texts are the same with whitespace collapsed and case ignored (equal
 * strings without a look at either).
 */
export const sameText = (a: string, b: string): boolean => a === b || normalise(a) === normalise(b);

/** Lower-cased names of the authors, sorted, for comparisons. */
const nameKey = (authors: readonly Author[]): string =>
  authors
    .map((a) => normalise(a.name))
    .sort()
    .join("|");

/** The byline read from a block: its text as written without markup, and its span. */
function toByline(block: Block, reading: BylineReading, ctx: Context): Byline {
  const written = writtenText(block, 0, block.text.length, ctx.source);
  if (!written) return { text: block.text, authors: reading.authors };
  return { text: written.text, authors: reading.authors, span: written.span };
}

/**
 * The one pipeline both front ends share: blocks in, article out.
 * Headline (and subheadline), byline (top or end, end credits too), dateline at the
 * start of the first paragraph, sign-offs dropped, body paragraphs with spans; then
 * claims over the body.
 *
 * @param blocks
 *   The document's blocks in source order (text front end: paragraphs; Markdown: all).
 * @param ctx
 *   Parse context (source, options, diagnostics sink).
 * @param known
 *   Fields the front end already knows (front matter); they win over what is found. The
 *   object becomes the article (completed in place, not copied).
 * @returns
 *   The article (`known` itself); it always passes `ArticleSchema`.
 */
export function buildArticle(
  blocks: readonly Block[],
  ctx: Context,
  known: KnownFields = {},
): Article {
  const items = blocks.every(isItem) ? blocks : blocks.filter(isItem);
  const findDatelineIn = datelineFinder(ctx);
  let lo = 0;
  let hi = items.length;

  // Headline.
  let headline =
    known.headline !== undefined && known.headline.trim() !== "" ? known.headline : undefined;
  let alternativeHeadline = known.alternativeHeadline;
  let titled = false;
  const first = items[0];
  if (headline !== undefined) {
    if (first?.kind === "heading" && sameText(first.text, headline)) lo = 1;
  } else if (
    first &&
    isTitleBlock(first) &&
    // a sure byline is not a title
    !sureBylineOf(first) &&
    !(
      first.kind !== "heading" &&
      opensWithDateline(first, findDatelineIn) &&
      // A title line over a paragraph that has the dateline is still a title.
      !items.slice(1, 4).some((b) => b.kind !== "heading" && opensWithDateline(b, findDatelineIn))
    )
  ) {
    headline = cleanTitle(first.text);
    titled = true;
    lo = 1;
  }

  // Byline under the title, or under the subheadline.
  let top: { block: Block; reading: BylineReading } | undefined;
  const readTop = (): void => {
    const reading = topBylineOf(items[lo], findDatelineIn);
    if (reading && lo < hi) top = { block: items[lo] as Block, reading };
  };
  // A title that ends in ";" or ":" goes on in the next line: that is the subheadline.
  const continued =
    titled && /[;:]$/.test(first?.text ?? "") && lo + 1 < hi && isTitleBlock(items[lo] as Block);
  if (continued && alternativeHeadline === undefined) {
    alternativeHeadline = cleanTitle((items[lo] as Block).text);
    lo++;
  }
  readTop();
  if (
    !top &&
    !continued &&
    (titled || (known.headline !== undefined && lo === 1)) &&
    alternativeHeadline === undefined &&
    lo + 1 < hi
  ) {
    const sub = items[lo] as Block;
    if (isSubheadlineBlock(sub) && !opensWithDateline(sub, findDatelineIn)) {
      alternativeHeadline = cleanTitle(sub.text);
      lo++;
      readTop();
    }
  }
  if (top) lo++;

  // Sign-offs and a byline or credits at the end.
  while (hi > lo && isSignOff((items[hi - 1] as Block).text)) hi--;
  let end: { block: Block; reading: BylineReading } | undefined;
  if (hi > lo) {
    const reading = sureBylineOf(items[hi - 1]);
    if (reading) {
      end = { block: items[hi - 1] as Block, reading };
      hi--;
      while (hi > lo && isSignOff((items[hi - 1] as Block).text)) hi--;
    }
  }

  // Byline: front matter wins; otherwise the top byline (plus the end one's new names), or the end one.
  let byline: Byline | undefined;
  const found: Byline | undefined = top
    ? toByline(top.block, top.reading, ctx)
    : end
      ? toByline(end.block, end.reading, ctx)
      : undefined;
  if (found && top && end) {
    const names = new Set(found.authors.map((a) => normalise(a.name)));
    for (const a of end.reading.authors) if (!names.has(normalise(a.name))) found.authors.push(a);
  }
  if (known.byline) {
    byline = known.byline;
    if (found && nameKey(found.authors) !== nameKey(known.byline.authors)) {
      ctx.report(
        "front-matter-conflict",
        "warning",
        `Unexpected byline \`${found.text}\` in the text, expected the front matter's authors; kept the front matter's`,
        found.span,
      );
    }
  } else if (found) {
    byline = found;
  } else {
    const candidate = items[lo] ?? items[hi - 1];
    const looksLike = [items[lo], items[hi - 1]].find(
      (b) =>
        b !== undefined &&
        b.text.length <= 60 &&
        /^by\s+\S/i.test(b.text) &&
        !/[.!?]$/.test(b.text),
    );
    if (looksLike) {
      ctx.report(
        "unrecognised-byline",
        "warning",
        `Unexpected \`${looksLike.text}\`: it starts like a byline but no author names could be read`,
        looksLike.span,
      );
    } else {
      ctx.report(
        "missing-byline",
        "info",
        "No byline found (expected a line such as `By Jane Doe` under the title or at the end)",
        candidate ? { start: candidate.span.start, end: candidate.span.start } : undefined,
      );
    }
  }

  // Dateline at the start of the first paragraph.
  let dateline: Dateline | undefined = known.dateline;
  const paragraphs: Paragraph[] = [];
  const segments: Segment[] = [];
  let firstRest = 0;
  let firstBody = lo;
  while (firstBody < hi && (items[firstBody] as Block).kind === "heading") firstBody++;
  if (firstBody < hi) {
    const block = items[firstBody] as Block;
    const hit = block.kind === "code" ? undefined : findDatelineIn(block, !known.dateline);
    if (hit) {
      firstRest = hit.rest;
      if (!known.dateline) dateline = hit.dateline;
      else if (!sameText(known.dateline.place, hit.dateline.place)) {
        ctx.report(
          "front-matter-conflict",
          "warning",
          `Unexpected dateline \`${hit.dateline.text}\` in the text, expected the front matter's \`${known.dateline.text}\`; kept the front matter's`,
          hit.dateline.span,
        );
      }
    } else if (!known.dateline) {
      ctx.report(
        "missing-dateline",
        "info",
        "No dateline at the start of the first paragraph (expected `PLACE, Month D (Agency) -`)",
        { start: block.span.start, end: block.span.start },
      );
    }
  }

  // Body.
  for (let k = lo; k < hi; k++) {
    const block = items[k] as Block;
    if (block.kind === "heading" || block.kind === "html") continue;
    let segment: Segment = block;
    let span = { start: block.span.start, end: block.span.end };
    if (k === firstBody && firstRest > 0) {
      if (firstRest >= block.text.length) continue;
      segment = subSegment(block, firstRest, block.text.length);
      span = { start: sourceOffset(block, firstRest), end: block.span.end };
      if (span.start > span.end) span = { start: span.end, end: span.end };
    }
    if (k === hi - 1) {
      // "… of an ounce. REUTER": a sign-off run into the last paragraph.
      const cut = trailingSignOff(segment.text);
      if (cut > 0) {
        segment = subSegment(segment, 0, cut);
        span = { start: span.start, end: Math.max(span.start, sourceOffset(segment, cut - 1) + 1) };
      }
    }
    paragraphs.push({ text: segment.text, span });
    segments.push(segment);
  }
  if (paragraphs.length === 0 && items.length > 0) {
    ctx.report(
      "empty-body",
      "warning",
      "No body paragraphs found after the headline, byline and dateline",
    );
  }

  // Headline fallback: the first words.
  if (headline === undefined) {
    const source = segments[0]?.text ?? items[lo]?.text ?? items[0]?.text ?? "";
    headline = headlineFromText(source);
    if (headline === "") headline = "Untitled";
    const at = items[0]?.span.start ?? 0;
    ctx.report(
      "missing-headline",
      "warning",
      "No title line before the body (expected a short first line); the headline was made from the first words",
      { start: at, end: at },
    );
  }

  // The article is `known` completed in place: what `{ ...known, headline, keywords, … }`
  // gives (same fields in the same order), without copying fields of varying shapes.
  const article = known as Article;
  article.headline = headline;
  article.keywords = known.keywords ?? [];
  article.images = known.images ?? [];
  article.body = paragraphs;
  article.claims = [];
  if (alternativeHeadline !== undefined && alternativeHeadline.trim() !== "")
    article.alternativeHeadline = alternativeHeadline;
  if (byline) article.byline = byline;
  if (dateline) article.dateline = dateline;
  if (article.language === undefined && ctx.options.language !== undefined)
    article.language = ctx.options.language;
  if (article.url === undefined && ctx.options.url !== undefined) article.url = ctx.options.url;
  if (ctx.options.claims && segments.length > 0) {
    const claims: QuotedClaim[] = extractClaims(segments, ctx, {
      headline,
      authors: byline?.authors.map((a) => a.name) ?? [],
    });
    article.claims = claims.filter((c) => c.paragraph < paragraphs.length);
  }
  return article;
}
