/**
 * Claims under construction, in paragraph-text offsets, and their conversion to
 * `QuotedClaim`s with exact source spans.
 */
import type { QuotedClaim } from "../../schema/claim.js";
import { type Segment, sourceSpan } from "../types.js";
import type { SpeakerType } from "./speakers.js";
import { isSpaceCode } from "./tokens.js";

/** A stretch of one paragraph's text. */
export interface Piece {
  /** Paragraph index. */
  paragraph: number;
  /** Start offset in the paragraph text. */
  from: number;
  /** End offset (exclusive). */
  to: number;
}

/** The speaker of a claim being built (every field always set: one object shape). */
export interface DraftSpeaker {
  /** The resolved name. */
  name: string;
  /** Where the speaker is mentioned. */
  mention: Piece;
  /** The kind of speaker, when known. */
  type: SpeakerType | undefined;
}

/** A claim being built (every field always set: one object shape). */
export interface Draft {
  /** direct, mixed or indirect. */
  kind: "direct" | "mixed" | "indirect";
  /** The words of the claim: one piece, or the fragments of a split quote. */
  pieces: Piece[];
  /** The speaker mention and its resolution. */
  speaker: DraftSpeaker | undefined;
  /** The cue. */
  cue: Piece | undefined;
  /** Where the claim's sentence is: paragraph and sentence index (for carrying speakers over). */
  sentence: { paragraph: number; index: number };
}

function trimPiece(segments: readonly Segment[], piece: Piece): Piece | undefined {
  const text = segments[piece.paragraph]?.text ?? "";
  let from = Math.max(0, piece.from);
  let to = Math.min(text.length, piece.to);
  while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  if (to <= from) return undefined;
  return { paragraph: piece.paragraph, from, to };
}

/** The paragraph text a piece covers. */
function textOf(p: Piece, segments: readonly Segment[]): string {
  return (segments[p.paragraph]?.text ?? "").slice(p.from, p.to);
}

/** A number clamped into `0..sourceLength`. */
function clamp(n: number, sourceLength: number): number {
  return Math.max(0, Math.min(sourceLength, n));
}

/** The source span of a piece, clamped into the source. */
function spanOf(
  p: Piece,
  segments: readonly Segment[],
  sourceLength: number,
): { start: number; end: number } {
  const seg = segments[p.paragraph];
  if (!seg) return { start: 0, end: 0 };
  const s = sourceSpan(seg, p.from, p.to);
  const start = clamp(s.start, sourceLength);
  return { start, end: Math.max(start, clamp(s.end, sourceLength)) };
}

/**
 * Turn a draft into a claim: spans through `sourceSpan`, text from the segment texts.
 *
 * @param draft
 *   The draft.
 * @param segments
 *   The body paragraphs.
 * @param sourceLength
 *   Length of the source (spans are clamped into it).
 * @returns
 *   The claim, or `undefined` when it has no words.
 */
export function finishDraft(
  draft: Draft,
  segments: readonly Segment[],
  sourceLength: number,
): QuotedClaim | undefined {
  const pieces: Piece[] = [];
  for (const p of draft.pieces) {
    const t = trimPiece(segments, p);
    if (t) pieces.push(t);
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return undefined;
  const spans: { start: number; end: number }[] = [];
  for (const p of pieces) spans.push(spanOf(p, segments, sourceLength));
  const text = pieces
    .map((p) => textOf(p, segments))
    .join(" ")
    .trim();
  if (text === "") return undefined;
  const firstSpan = spans[0] ?? { start: 0, end: 0 };
  const lastSpan = spans[spans.length - 1] ?? firstSpan;
  const span = { start: firstSpan.start, end: Math.max(firstSpan.start, lastSpan.end) };
  const claim: QuotedClaim = { kind: draft.kind, text, span, paragraph: first.paragraph };
  if (spans.length > 1) {
    claim.fragments = spans.filter(
      (f) => f.start >= span.start && f.end <= span.end && f.end >= f.start,
    );
  }
  const name = draft.speaker?.name.trim();
  if (draft.speaker && name) {
    const speaker: NonNullable<QuotedClaim["speaker"]> = { name };
    const m = trimPiece(segments, draft.speaker.mention);
    if (m) {
      const mention = textOf(m, segments);
      if (mention.trim() !== "") {
        speaker.mention = mention;
        speaker.span = spanOf(m, segments, sourceLength);
      }
    }
    if (draft.speaker.type) speaker.type = draft.speaker.type;
    claim.speaker = speaker;
  }
  if (draft.cue) {
    const c = trimPiece(segments, draft.cue);
    if (c) {
      const cueText = textOf(c, segments);
      if (cueText.trim() !== "")
        claim.cue = { text: cueText, span: spanOf(c, segments, sourceLength) };
    }
  }
  return claim;
}
