/**
 * What the claim rules share about one sentence: its tokens, and how a speaker phrase and a
 * cue become parts of a draft.
 */
import type { CueMatch } from "./attribution.js";
import type { DraftSpeaker, Piece } from "./draft.js";
import type { NounPhrase, Resolved, SpeakerRegistry } from "./speakers.js";
import { type Token, tokenAt } from "./tokens.js";

/** One sentence of a paragraph, tokenised. */
export interface SentenceView {
  /** Paragraph index. */
  paragraph: number;
  /** Sentence index within the paragraph. */
  index: number;
  /** The paragraph's text. */
  text: string;
  /** The sentence's tokens. */
  tokens: Token[];
  /** Sentence start offset in the paragraph text. */
  start: number;
  /** Sentence end offset. */
  end: number;
}

/** Order key of an offset in a paragraph. */
export function orderOf(paragraph: number, offset: number): number {
  return paragraph * 1e9 + offset;
}

/**
 * The piece of paragraph text that tokens `[first, last]` cover.
 *
 * @param view
 *   The sentence.
 * @param first
 *   First token index.
 * @param last
 *   Last token index (inclusive).
 * @returns
 *   The piece.
 */
export function tokenPiece(view: SentenceView, first: number, last: number): Piece {
  const a = view.tokens[first];
  const b = view.tokens[last];
  return {
    paragraph: view.paragraph,
    from: a?.start ?? view.start,
    to: b?.end ?? a?.end ?? view.start,
  };
}

/**
 * The speaker part of a draft for a noun phrase, resolved against the registry.
 *
 * @param view
 *   The sentence.
 * @param np
 *   The speaker phrase.
 * @param registry
 *   Names and speakers so far.
 * @returns
 *   The draft's speaker.
 */
export function makeSpeaker(
  view: SentenceView,
  np: NounPhrase,
  registry: SpeakerRegistry,
): DraftSpeaker {
  const tokens = view.tokens;
  const order = orderOf(view.paragraph, tokens[np.first]?.start ?? view.start);
  let antecedent: Resolved | undefined;
  const head = tokens[np.first];
  if (
    np.first === np.last &&
    head &&
    (head.lower === "who" || head.lower === "which") &&
    tokenAt(tokens, np.first - 1)?.text === ","
  ) {
    // the name before ", who"
    let j = np.first - 2;
    while (
      j >= 0 &&
      tokens[j]?.type === "word" &&
      (tokens[j]?.upper || tokens[j]?.lower === "of") &&
      j > np.first - 8
    )
      j--;
    if (j + 1 <= np.first - 2)
      antecedent = registry.resolve(tokens, { first: j + 1, last: np.first - 2 }, order);
  }
  const resolved = registry.resolve(tokens, np, order, antecedent);
  registry.spoke(resolved, order);
  return {
    name: resolved.name,
    mention: tokenPiece(view, np.first, np.last),
    // the resolution's type, else a person for a lone "he" / "she"
    type:
      resolved.type ||
      (head && np.first === np.last && (head.lower === "he" || head.lower === "she")
        ? "Person"
        : undefined),
  };
}

/**
 * The cue piece of a draft.
 *
 * @param view
 *   The sentence.
 * @param cue
 *   The cue match.
 * @returns
 *   The piece.
 */
export function cuePiece(view: SentenceView, cue: CueMatch): Piece {
  return tokenPiece(view, cue.first, cue.last);
}
