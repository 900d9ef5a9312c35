/**
 * Blockquotes with an attribution line ("> We will win.\n> — Jane Doe, Mayor") as
 * direct claims. Internal to the Markdown front end.
 */
import type { Article } from "../../schema/article.js";
import type { QuotedClaim } from "../../schema/claim.js";
import { type Block, type Segment, sourceSpan, subSegment } from "../types.js";
import type { QuoteGroup } from "./blocks.js";

/** An attribution at the end of a quote: a dash (or `~`) then a capitalised name. */
const ATTRIBUTION = /(?:^|(?<=[.!?…"”’)\]]\s{1,4}))(?:—|–|―|--|-|~)\s*(\p{Lu}[^—–\n]{0,120})$/u;
const OPENING_MARKS = /^["“‘'«„]+/;
const CLOSING_MARKS = /["”’'»]+$/;

function trimmed(segment: Segment, from: number, to: number): [number, number] {
  const text = segment.text;
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  const open = OPENING_MARKS.exec(text.slice(s, e));
  if (open) s += open[0].length;
  const close = CLOSING_MARKS.exec(text.slice(s, e));
  if (close) e -= close[0].length;
  while (e > s && /[\s,]/.test(text.charAt(e - 1))) e--;
  return [s, e];
}

/** The body paragraph that holds a block, by span, or -1. */
function paragraphOf(article: Article, block: Block): number {
  const at = block.map?.[0] ?? block.start;
  for (let i = 0; i < article.body.length; i++) {
    const span = article.body[i]?.span;
    if (span && span.start <= at && at < Math.max(span.end, span.start + 1)) return i;
  }
  for (let i = 0; i < article.body.length; i++) if (article.body[i]?.text === block.text) return i;
  return -1;
}

/**
 * Add direct claims for blockquotes that end in an attribution, unless the claims
 * extractor already found a claim there. Mutates `article.claims` (kept in source order).
 *
 * @param article
 *   The article from the pipeline.
 * @param blocks
 *   The blocks it was built from.
 * @param quotes
 *   Blockquote groups from the walk.
 */
export function addBlockquoteClaims(
  article: Article,
  blocks: readonly Block[],
  quotes: readonly QuoteGroup[],
): void {
  const added: QuotedClaim[] = [];
  for (const group of quotes) {
    const last = blocks[group.blocks[group.blocks.length - 1] ?? -1];
    if (!last) continue;
    const m = ATTRIBUTION.exec(last.text);
    if (!m || m.index === undefined) continue;
    const attribution = m[1] ?? "";
    const nameEnd = attribution.search(/,|\s\(|\s[-–—]\s|$/);
    const name = attribution.slice(0, nameEnd).trim();
    if (name === "" || name.split(/\s+/).length > 6) continue;
    const nameFrom = m.index + m[0].length - attribution.length;
    const speakerSpan = sourceSpan(last, nameFrom, nameFrom + name.length);
    const contents: Array<{ block: Block; from: number; to: number }> = [];
    for (const index of group.blocks) {
      const block = blocks[index];
      if (!block) continue;
      if (block === last) {
        if (m.index > 0) contents.push({ block, from: 0, to: m.index });
      } else contents.push({ block, from: 0, to: block.text.length });
    }
    for (const { block, from, to } of contents) {
      const [s, e] = trimmed(block, from, to);
      if (e - s < 2) continue;
      const paragraph = paragraphOf(article, block);
      if (paragraph < 0) continue;
      const span = sourceSpan(block, s, e);
      const overlaps = article.claims.some(
        (c) => c.span.start < span.end && span.start < c.span.end,
      );
      if (overlaps) continue;
      added.push({
        kind: "direct",
        text: subSegment(block, s, e).text,
        span,
        speaker: { name, mention: name, span: speakerSpan },
        paragraph,
      });
    }
  }
  if (added.length === 0) return;
  article.claims = [...article.claims, ...added].sort((a, b) => a.span.start - b.span.start);
}
