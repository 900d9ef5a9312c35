/**
 * Quoted claims: direct, split, multi-paragraph, mixed and indirect quotes with their cues
 * and resolved speakers.
 *
 * The modules: `marks` pairs quotation marks, `tokens` splits words and sentences,
 * `lexicon` holds the cue words, `attribution` finds the cue and speaker next to a quote,
 * `speakers` reads and resolves speaker phrases, `quotes` makes direct and mixed claims,
 * `indirect` makes indirect ones and `draft` turns them into exact source spans.
 */
import type { QuotedClaim } from "../../schema/claim.js";
import type { Context, Segment } from "../types.js";
import { sourceSpan } from "../types.js";
import { type Draft, finishDraft, type Piece } from "./draft.js";
import { indirectClaims } from "./indirect.js";
import { type QuoteSpan, scanQuotes } from "./marks.js";
import { type ClaimState, createClaimState, noteIntroduction, quoteClaims } from "./quotes.js";
import { orderOf, type SentenceView } from "./sentence.js";
import { isNameConnector, namesNothingAlone, SpeakerRegistry } from "./speakers.js";
import {
  compactLean,
  finishLean,
  isSpaceCode,
  LeanTokens,
  splitSentences,
  type Token,
  tokenizeLean,
  tokenizeSentence,
  wordCount,
} from "./tokens.js";

export { CUE_VERBS, type CueCategory, type CueVerb, inflect, PHRASAL_CUES } from "./lexicon.js";
export { type MarkKind, type QuoteScan, type QuoteSpan, scanQuotes } from "./marks.js";

/** What the pipeline knows before the body, to help resolve speakers. */
export interface ClaimHints {
  /** The headline (not searched for claims; reserved for resolving speakers). */
  headline?: string | undefined;
  /** Names of the byline authors (never speakers themselves, unless quoted). */
  authors?: readonly string[] | undefined;
}

/** Rule id of the diagnostic for a quote with no speaker. */
export const UNATTRIBUTED_QUOTE = "unattributed-quote";
/** Rule id of the diagnostic for an opening mark that is never closed. */
export const UNCLOSED_QUOTE = "unclosed-quote";

/** Rule id of the diagnostic for an internal error while reading a paragraph's claims. */
export const CLAIMS_FAILED = "claims-failed";
/** Rule id of the diagnostic for a paragraph too long to search for claims. */
export const CLAIMS_SKIPPED = "claims-skipped";

/** Paragraphs longer than this are not searched for claims (a diagnostic says so). */
const MAX_PARAGRAPH = 2_000_000;
/**
 * Longest sentence without quotes read for claims and names (characters). A longer one is
 * text without sentence punctuation (a dump, or hostile input): its tokens would be
 * alive all at once, and past the young generation the garbage collector's copying
 * makes 10× such input cost 30× the time.
 */
const MAX_SENTENCE = 10_000;

/**
 * Find the quoted and reported claims in the body paragraphs.
 *
 * Direct quotes in every common pair of marks (“…” "…" ''…'' ``…'' «…» »…« „…“ „…” 「…」
 * ”…”), quotes split by their attribution (as `fragments`), quotes that run over several
 * paragraphs, mixed claims (reported speech with a quoted part) and indirect claims
 * (`S said that …`, `according to S, …`), each with its cue and speaker, pronouns and
 * short forms resolved to the full name mentioned earlier. Scare quotes and titles are
 * not claims. Linear in the input; never throws.
 *
 * @param paragraphs
 *   Body paragraphs as segments (index = `article.body` index).
 * @param ctx
 *   Parse context (source, options, diagnostics).
 * @param hints
 *   What is known before the body (optional).
 * @returns
 *   Claims in source order, spans into `ctx.source`.
 */
export function extractClaims(
  paragraphs: readonly Segment[],
  ctx: Context,
  hints: ClaimHints = {},
): QuotedClaim[] {
  const registry = new SpeakerRegistry(hints.authors ?? []);
  const state = createClaimState(registry, (piece) => {
    const seg = paragraphs[piece.paragraph];
    if (!seg) return;
    ctx.report(
      UNATTRIBUTED_QUOTE,
      "info",
      "Unexpected quote without a speaker, expected an attribution such as `he said`",
      sourceSpan(seg, piece.from, piece.to),
    );
  });
  for (let p = 0; p < paragraphs.length; p++) {
    const seg = paragraphs[p];
    if (!seg) continue;
    const text = seg.text;
    if (text.length > MAX_PARAGRAPH) {
      ctx.report(
        CLAIMS_SKIPPED,
        "info",
        `Unexpected paragraph of ${text.length} characters, expected at most ${MAX_PARAGRAPH}: claims not searched`,
        sourceSpan(seg, 0, 0),
      );
      state.pending = undefined;
      continue;
    }
    try {
      paragraph(text, p, state, ctx, paragraphs);
    } catch (error) {
      // a bug here must not cost the user the article: report it and go on
      ctx.report(
        CLAIMS_FAILED,
        "warning",
        `Unexpected error while reading claims in paragraph ${p}: ${error instanceof Error ? error.message : String(error)}`,
        sourceSpan(seg, 0, seg.text.length),
      );
      state.pending = undefined;
    }
  }
  const claims: QuotedClaim[] = [];
  for (const draft of state.drafts) {
    const claim = finishDraft(draft, paragraphs, ctx.source.length);
    if (claim) claims.push(claim);
  }
  claims.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return claims;
}

/** Read the claims of paragraph `p`, whose text is `text` (read once from its segment). */
function paragraph(
  text: string,
  p: number,
  state: ClaimState,
  ctx: Context,
  paragraphs: readonly Segment[],
): void {
  const scan = scanQuotes(text);
  // the scan's own array (made for this call), with the trailing quote at its end
  const quotes: QuoteSpan[] = scan.quotes;
  if (scan.trailing) quotes.push(scan.trailing);
  // does this paragraph continue the previous one's open quote?
  let firstNonSpace = 0;
  while (firstNonSpace < text.length && isSpaceCode(text.charCodeAt(firstNonSpace)))
    firstNonSpace++;
  const continuation =
    state.pending !== undefined &&
    quotes[0] !== undefined &&
    quotes[0].open === firstNonSpace &&
    state.trailingWords >= 4;
  // the open quote at this paragraph's end, for the next paragraph (a quoted paragraph has a
  // few words at least; two words left open, a typo such as `''family fortunes.'.')`, do
  // not run on)
  state.trailingWords = scan.trailing
    ? wordCount(text, scan.trailing.open + scan.trailing.openLength, scan.trailing.close)
    : 0;
  if (!continuation) {
    if (state.pending) {
      const last = state.pending.pieces[state.pending.pieces.length - 1];
      const lastSeg = last ? paragraphs[last.paragraph] : undefined;
      if (last && lastSeg) {
        ctx.report(
          UNCLOSED_QUOTE,
          "info",
          "Unexpected quotation that is never closed, expected a closing mark",
          sourceSpan(lastSeg, last.from, last.to),
        );
      }
    }
    state.pending = undefined;
  }
  const sentences = splitSentences(text, quotes);
  let qi = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    if (!sentence) continue;
    // the quotes that open in the sentence (no array for the many sentences without one)
    const firstQuote = qi;
    while (qi < quotes.length && (quotes[qi]?.open ?? Infinity) < sentence.end) qi++;
    const inSentence: readonly QuoteSpan[] =
      qi > firstQuote ? quotes.slice(firstQuote, qi) : NO_QUOTES;
    // a sentence without quotes and without a cue word gives names only: lean tokens
    let tokens: Token[];
    // where a cue may start to report (the lean tokens' stop; anywhere in a sentence with quotes)
    let firstCue = 0;
    if (inSentence.length === 0) {
      if (sentence.end - sentence.start > MAX_SENTENCE) {
        const seg = paragraphs[p];
        if (seg)
          ctx.report(
            CLAIMS_SKIPPED,
            "info",
            `Unexpected sentence of ${sentence.end - sentence.start} characters, expected at most ${MAX_SENTENCE}: claims not searched in it`,
            sourceSpan(seg, sentence.start, sentence.start),
          );
        continue;
      }
      const stop = tokenizeLean(text, sentence.start, sentence.end, lean, isNameConnector);
      if (stop < 0) {
        // a copy: the registry reads it later, and the lean buffers are reused (none when
        // the sentence has no capitalised word: no name to register)
        const names = compactLean(lean, namesNothingAlone);
        if (names) state.registry.registerNames(names, orderOf(p, 0));
        continue;
      }
      firstCue = lean.length;
      tokens = finishLean(text, lean, stop, sentence.end);
    } else tokens = tokenizeSentence(text, sentence.start, sentence.end, inSentence);
    const view: SentenceView = {
      paragraph: p,
      index: s,
      text,
      tokens,
      start: sentence.start,
      end: sentence.end,
    };
    // names outside quotes, for resolving speakers
    state.registry.registerNames(tokens, orderOf(p, 0));
    const before = state.drafts.length;
    if (inSentence.length > 0) quoteClaims(view, inSentence, state, continuation && s === 0);
    // indirect claims where the quotes left room: not over a quote claim, its cue or speaker
    const taken = state.drafts.length > before ? takenBy(state.drafts, before, p) : NONE_TAKEN;
    for (const d of indirectClaims(view, state.registry, taken, firstCue)) {
      state.drafts.push(d);
      // the speaker of a reported claim carries to a lone quote right after it
      if (d.speaker) state.lastQuote = d;
    }
    if (s === sentences.length - 1 && state.drafts.length === before) noteIntroduction(view, state);
  }
}

/** The ranges taken in a sentence without quote claims. */
const NONE_TAKEN: readonly [number, number][] = [];

/**
 * The paragraph ranges that the drafts from index `from` on cover in paragraph `p`: their
 * pieces, cues and speaker mentions.
 */
function takenBy(drafts: readonly Draft[], from: number, p: number): [number, number][] {
  const taken: [number, number][] = [];
  const add = (piece: Piece | undefined): void => {
    if (piece && piece.paragraph === p) taken.push([piece.from, piece.to]);
  };
  for (let d = from; d < drafts.length; d++) {
    const draft = drafts[d];
    if (!draft) continue;
    for (const piece of draft.pieces) add(piece);
    add(draft.cue);
    add(draft.speaker?.mention);
  }
  return taken;
}

/** The quotes of a sentence without any. */
const NO_QUOTES: readonly QuoteSpan[] = [];

/** Reused by {@link tokenizeLean} from sentence to sentence. */
const lean = new LeanTokens();
