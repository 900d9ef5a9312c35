/**
 * Direct and mixed claims: what the quotes of a sentence are (a quote with its attribution,
 * a piece of a split quote, a quoted part of reported speech, or a scare quote or title)
 * and who said them.
 */
import { type Attribution, attributionAfter, attributionBefore } from "./attribution.js";
import type { Draft, DraftSpeaker, Piece } from "./draft.js";
import { lookupCue } from "./lexicon.js";
import type { QuoteSpan } from "./marks.js";
import { cuePiece, makeSpeaker, type SentenceView } from "./sentence.js";
import {
  type NounPhrase,
  PRONOUNS,
  SPEAKER_NOUNS,
  type SpeakerRegistry,
  SUBORDINATE_LEADS,
  sentenceSubject,
  speakerAfter,
} from "./speakers.js";
import { type Token, tokenAt, wordCount } from "./tokens.js";

/** Subject pronouns (lower case). */
const SUBJECT_PRONOUN_WORDS: ReadonlySet<string> = new Set(["he", "she", "they", "it", "we", "i"]);

/** State carried from sentence to sentence and paragraph to paragraph. */
export interface ClaimState {
  /** Names and speakers. */
  registry: SpeakerRegistry;
  /** Every draft so far. */
  drafts: Draft[];
  /** The last direct or mixed draft, or the last indirect one with a speaker (carried to a lone quote). */
  lastQuote: Draft | undefined;
  /** A paragraph that ended with an attribution and a colon ("He said:"), for the quote after it. */
  introduction: { paragraph: number; speaker: DraftSpeaker; cue: Piece } | undefined;
  /** Words (up to 4) of the quote left open at the end of the last paragraph. */
  trailingWords: number;
  /** A draft whose last piece is a quote that runs on into the next paragraph. */
  pending: Draft | undefined;
  /** Report an unattributed quote. */
  unattributed(piece: Piece): void;
}

/**
 * A fresh {@link ClaimState}, every field set from the start (one object shape for the
 * reads in every paragraph).
 *
 * @param registry
 *   Names and speakers.
 * @param unattributed
 *   Reports an unattributed quote.
 * @returns
 *   The state before the first paragraph.
 */
export function createClaimState(
  registry: SpeakerRegistry,
  unattributed: (piece: Piece) => void,
): ClaimState {
  return {
    registry,
    drafts: [],
    lastQuote: undefined,
    introduction: undefined,
    trailingWords: 0,
    pending: undefined,
    unattributed,
  };
}

interface QuoteAt {
  quote: QuoteSpan;
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the first token after the closing mark. */
  after: number;
  /** Whether already part of a claim. */
  used: boolean;
  /** Whether this quote continues a quote from the previous paragraph. */
  continuation: boolean;
}

const LEAD_PUNCT = new Set([",", ":", "—", "–", "-"]);
const CLAUSE_BREAK_WORDS = new Set(["but", "while", "whereas", "although"]);

function firstTokenFrom(tokens: readonly Token[], offset: number, from: number): number {
  let i = from;
  while (i < tokens.length && (tokens[i]?.start ?? 0) < offset) i++;
  return i;
}

function innerPiece(view: SentenceView, q: QuoteSpan): Piece {
  // “A,” he said: the comma belongs to the attribution, not to the words
  let to = q.close;
  while (to > q.open + q.openLength && /[\s,]/.test(view.text[to - 1] ?? "")) to--;
  return { paragraph: view.paragraph, from: q.open + q.openLength, to };
}

/** Whether the words of a quote start with a capital or a digit (within its first 4 characters). */
function startsUpper(text: string, q: QuoteSpan): boolean {
  const from = q.open + q.openLength;
  return /^[\s'‘’`]*[\p{Lu}\p{N}]/u.test(text.slice(from, from + 4));
}

function hasWords(view: SentenceView, q: QuoteSpan): boolean {
  for (let i = q.open + q.openLength; i < q.close; i++) {
    if (/[\p{L}\p{N}]/u.test(view.text[i] ?? "")) return true;
  }
  return false;
}

/**
 * Find the direct and mixed claims of one sentence and add them to `state.drafts`.
 *
 * @param view
 *   The sentence.
 * @param quotes
 *   The quotes that open in this sentence, in order (the last may be unclosed).
 * @param state
 *   Shared state.
 * @param continuation
 *   Whether the first quote continues the previous paragraph's quote.
 * @returns
 *   Whether any claim was made from this sentence.
 */
export function quoteClaims(
  view: SentenceView,
  quotes: readonly QuoteSpan[],
  state: ClaimState,
  continuation: boolean,
): boolean {
  const tokens = view.tokens;
  const list: QuoteAt[] = [];
  let t = 0;
  for (const quote of quotes) {
    const open = firstTokenFrom(tokens, quote.open, t);
    const after = open + 1;
    list.push({ quote, open, after, used: false, continuation: false });
    t = open;
  }
  if (continuation && list[0]) list[0].continuation = true;
  let made = false;
  for (let qi = 0; qi < list.length; qi++) {
    const at = list[qi];
    if (!at || at.used) continue;
    at.used = true;
    const q = at.quote;
    if (!hasWords(view, q)) continue;
    const nextOpen = list[qi + 1]?.open ?? tokens.length;
    // a quote that continues the previous paragraph's
    if (at.continuation && state.pending) {
      const draft = state.pending;
      draft.pieces.push(innerPiece(view, q));
      state.pending = q.closed ? undefined : draft;
      made = true;
      // its attribution may follow: “C,” he said.
      if (!draft.speaker) {
        const post = attributionAfter(tokens, at.after, nextOpen);
        if (post) attach(view, draft, post, state.registry);
      }
      continue;
    }
    const prev = tokenAt(tokens, at.open - 1);
    // an attribute value in markup (<a href="…">) is no quote, nor is a quote after a tag
    if (prev && prev.text === "=" && prev.end === q.open) continue;
    if (markupBefore(tokens, at.open)) continue;
    const startsSentence = at.open === 0;
    const leadIn = prev !== undefined && prev.type === "punct" && LEAD_PUNCT.has(prev.text);
    const pre = startsSentence ? undefined : attributionBefore(tokens, 0, at.open, 40);
    const post = attributionAfter(tokens, at.after, nextOpen);

    // S told reporters “…”: the quote right after the cue phrase
    const between = pre ? at.open - pre.end : -1;
    const adjacent =
      pre !== undefined &&
      pre.speaker !== undefined &&
      !pre.clause &&
      (between === 0 || (between === 1 && LEAD_PUNCT.has(tokens[pre.end]?.text ?? ""))) &&
      // “…,” the senator said after the quote: the clause before it is the claim
      !(post && !startsSentence && !leadIn) &&
      // says “the wind is at our backs” despite …: a quoted part of a longer clause
      (startsUpper(view.text, q) || !wordFollows(tokens, at.after) || endsWithCommaAt(view, at));
    if (startsSentence || leadIn || adjacent) {
      if (pre?.clause && !startsSentence) {
        made = mixed(view, list, qi, pre.clauseStart, pre, state) || made;
        continue;
      }
      // a quote after a lead-in mark (", : —") whose words start lower case
      const lowerAfterLead = leadIn && !startsUpper(view.text, q);
      // No name change, he said, “hides what it really is.”: the words before the
      // attribution and the quote are one reported clause
      if (
        pre &&
        !pre.clause &&
        lowerAfterLead &&
        pre.speaker &&
        pre.speaker.first >= 2 &&
        tokens[pre.speaker.first - 1]?.text === "," &&
        !pre.cue.according
      ) {
        const start = clauseStartBefore(tokens, pre.speaker.first - 2);
        if (mixed(view, list, qi, start, pre, state)) {
          made = true;
          continue;
        }
      }
      const attribution: Attribution | undefined = pre && !pre.clause ? pre : post;
      if (!attribution && lowerAfterLead && !startsSentence) continue;
      if (attribution || startsSentence || wordCount(view.text, q.open, q.close) >= 4) {
        const draft: Draft = {
          kind: "direct",
          pieces: [innerPiece(view, q)],
          speaker: undefined,
          cue: undefined,
          sentence: { paragraph: view.paragraph, index: view.index },
        };
        const dash = attribution ? undefined : dashSpeaker(tokens, at.after);
        if (dash) {
          draft.speaker = makeSpeaker(view, dash, state.registry);
        } else if (attribution) {
          attach(view, draft, attribution, state.registry);
          // "… had this to say about the plan: “…”": a cue without a subject of its own
          if (!draft.speaker && prev?.text === ":") {
            const colon = colonSpeaker(tokens, at.open - 1);
            if (colon) draft.speaker = makeSpeaker(view, colon, state.registry);
          }
          // “A,” he said, “B.”: a quote after the attribution and a comma is a fragment;
          // quotes inside the attribution ("said on “Meet the Press”") are titles
          // “A” and “B”: coordinated quotes are one claim
          let c = qi + 1;
          let from = at.after;
          while (list[c] && coordinated(tokens, from, list[c]?.open ?? 0)) {
            const nextQ = list[c];
            if (!nextQ) break;
            nextQ.used = true;
            draft.pieces.push(innerPiece(view, nextQ.quote));
            from = nextQ.after;
            c++;
          }
          if (attribution === post && c === qi + 1) {
            let k = qi + 1;
            let end = post.end;
            for (;;) {
              const nextQ = list[k];
              if (!nextQ) break;
              const gap = fragmentGap(tokens, end, nextQ.open);
              if (gap === "fragment") {
                nextQ.used = true;
                draft.pieces.push(innerPiece(view, nextQ.quote));
                if (!nextQ.quote.closed) state.pending = draft;
                end = nextQ.after;
                k++;
                continue;
              }
              if (gap === "title") {
                nextQ.used = true;
                end = nextQ.after;
                k++;
                continue;
              }
              break;
            }
          }
        } else if (
          startsSentence &&
          at.after >= nextOpen &&
          onlyPunct(tokens, at.after, tokens.length)
        ) {
          if (wordCount(view.text, q.open, q.close) < 3 && q.closed) continue;
          // a quote standing alone: a piece of the previous quote, or unattributed
          const last = state.lastQuote;
          if (
            last?.speaker &&
            last.sentence.paragraph === view.paragraph &&
            last.sentence.index === view.index - 1 &&
            last.kind === "direct"
          ) {
            last.pieces.push(innerPiece(view, q));
            last.sentence = { paragraph: view.paragraph, index: view.index };
            if (!q.closed) state.pending = last;
            made = true;
            continue;
          }
          const carried = carrySpeaker(view, state);
          if (carried) {
            draft.speaker = carried.speaker;
            // the cue that attributed the speaker attributes this quote too
            if (carried.cue) draft.cue = carried.cue;
          } else state.unattributed(innerPiece(view, q));
        } else if (!attribution) {
          if (!startsSentence && !leadIn) continue;
          // a quote that starts a sentence and is followed by more words: "“Heat” is a film"
          if (
            wordCount(view.text, q.open, q.close) < 4 ||
            looksLikeTitle(view.text.slice(q.open + q.openLength, q.close))
          )
            continue;
          // "Ortiz put it plainly to the council: “…”": the subject before the colon speaks
          const colon = prev?.text === ":" ? colonSpeaker(tokens, at.open - 1) : undefined;
          const carried = colon ? undefined : carrySpeaker(view, state);
          if (colon) draft.speaker = makeSpeaker(view, colon, state.registry);
          else if (carried) {
            draft.speaker = carried.speaker;
            // the cue that attributed the speaker attributes this quote too
            if (carried.cue) draft.cue = carried.cue;
          } else state.unattributed(innerPiece(view, q));
        }
        state.drafts.push(draft);
        state.lastQuote = draft;
        if (!q.closed) state.pending = draft;
        made = true;
        continue;
      }
      continue;
    }
    // a quote inside a clause: part of reported speech, or a scare quote
    if (pre && !pre.clause && thatFollows(tokens, at.after)) continue;
    // Nothing the president said “will help,” the senator said.
    if (post?.speaker) {
      const start = clauseStartBefore(tokens, at.open - 1);
      if (mixed(view, list, qi, start, post, state)) {
        made = true;
        continue;
      }
    }
    if (pre) {
      made = mixed(view, list, qi, pre.clauseStart, pre, state) || made;
      continue;
    }
    // “… ,” he said after a clause that holds the quote: Clinton “caused havoc,” he said.
    if (!cueWithin(tokens, at.after, 40)) continue;
    const endAt = clauseEnd(view, list, qi, 60);
    const lastQ = list[endAt.lastQuote];
    if (lastQ) {
      const nextAfter = list[endAt.lastQuote + 1]?.open ?? tokens.length;
      const tail = attributionAfter(tokens, lastQ.after, nextAfter);
      if (tail) {
        const start = clauseStartBefore(tokens, at.open - 1);
        made = mixed(view, list, qi, start, tail, state) || made;
      }
    }
    // a scare quote or a title: not a claim on its own
  }
  return made;
}

/**
 * The speaker of a quote introduced by a colon with no cue (`Ortiz had this to say about
 * the plan: “…”`): the subject of the sentence before the colon, when it names a person or
 * a body (a pronoun, a name, a noun for people).
 */
function colonSpeaker(tokens: readonly Token[], colon: number): NounPhrase | undefined {
  const subject = sentenceSubject(tokens, colon);
  if (!subject) return undefined;
  for (let k = subject.first; k <= subject.last; k++) {
    const t = tokens[k];
    if (t?.type !== "word") continue;
    if (PRONOUNS.has(t.lower) || SPEAKER_NOUNS.has(t.lower)) return subject;
    if (t.upper && !(k === subject.first && (t.lower === "the" || t.lower === "a"))) return subject;
  }
  return undefined;
}

/** What stands between an attribution and the next quote: a comma (a fragment follows), words with no cue (a title inside the attribution), or something else. */
function fragmentGap(
  tokens: readonly Token[],
  from: number,
  to: number,
): "fragment" | "title" | "other" {
  if (to - from > 40) return "other";
  for (let k = from; k < to; k++) {
    const u = tokens[k];
    if (!u) return "other";
    if (u.text === "." || u.text === ";" || u.text === "?" || u.text === "!") return "other";
    if (u.type === "word" && (lookupCue(u.lower) || u.lower === "that")) return "other";
  }
  const last = tokens[to - 1];
  if (last && (last.text === "," || last.text === ":")) return "fragment";
  return "title";
}

function wordFollows(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.type === "word";
}

function endsWithCommaAt(view: SentenceView, at: QuoteAt | undefined): boolean {
  if (!at?.quote.closed) return false;
  let c = at.quote.close - 1;
  while (c > at.quote.open && /[\s'’]/.test(view.text[c] ?? "")) c--;
  return view.text[c] === ",";
}

/** Whether a quote ends with a comma and a new clause follows it. */
function breaksAfter(view: SentenceView, at: QuoteAt | undefined): boolean {
  return endsWithCommaAt(view, at) && at !== undefined && breakFollows(view.tokens, at.after);
}

const GERUND_LEADS = new Set(["before", "after", "while", "when", "by", "without", "since"]);
const BREAK_WORDS = new Set([
  "while",
  "before",
  "after",
  "when",
  "as",
  "because",
  "since",
  "although",
  "though",
  "which",
  "who",
  "where",
  "even",
  "despite",
  "according",
  "whereas",
  "unless",
  "until",
]);

/** Prepositions that open a relative clause with "which" ("in which", "under which"). */
const PREPOSITIONS_BEFORE_WHICH = new Set([
  "in",
  "under",
  "by",
  "for",
  "with",
  "from",
  "on",
  "at",
  "through",
]);

/** Conjunctions that open a sentence with a subordinate clause (also "until" here). */
const CLAUSE_LEADS: ReadonlySet<string> = new Set([...SUBORDINATE_LEADS, "until"]);

/** Words that open a main clause (its subject). */
const MAIN_CLAUSE_STARTS = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "their",
  "its",
  "he",
  "she",
  "they",
  "it",
  "we",
  "i",
  "this",
  "that",
  "there",
]);

/** Whether a new clause starts at `i` (after a quote that ends with a comma). */
function breakFollows(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return true;
  if (t.type !== "word") return t.text !== "," || breakFollows(tokens, i + 1);
  if (BREAK_WORDS.has(t.lower)) return true;
  if (/^\p{Ll}+ing$/u.test(t.text)) return true;
  // “…,” and his aides …: a new clause with its own subject; “…,” in which …: a relative clause
  if (
    (t.lower === "and" || t.lower === "but") &&
    MAIN_CLAUSE_STARTS.has(tokens[i + 1]?.lower ?? "") &&
    tokens[i + 1]?.lower !== "that"
  )
    return true;
  if (PREPOSITIONS_BEFORE_WHICH.has(t.lower) && tokens[i + 1]?.lower === "which") return true;
  // "When she said she would “rebuild,” the crowd cheered": the subordinate clause that
  // opened the sentence ends at the comma, the main clause follows
  if (CLAUSE_LEADS.has(tokens[0]?.lower ?? "") && MAIN_CLAUSE_STARTS.has(t.lower)) return true;
  return attributionAfter(tokens, i, Math.min(tokens.length, i + 20)) !== undefined;
}

/** The start of the clause that ends at `from`: after a semicolon or colon, at most 60 tokens back. */
function clauseStartBefore(tokens: readonly Token[], from: number): number {
  const low = Math.max(0, from - 60);
  for (let k = from; k >= low; k--) {
    const u = tokens[k];
    if (u && (u.text === ";" || u.text === ":")) return k + 1;
  }
  return low;
}

function markupBefore(tokens: readonly Token[], at: number): boolean {
  for (let k = Math.max(0, at - 12); k < at; k++) {
    const t = tokens[k];
    if (t && (t.text === "<" || t.text === ">") && tokens[k + 1] && tokens[k + 1]?.start === t.end)
      return true;
  }
  return false;
}

/** “Tales From the Crypt”: every long word capitalised, no sentence inside. */
function looksLikeTitle(text: string): boolean {
  if (/[.?!;:]/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => w.length > 3);
  return words.length > 0 && words.every((w) => /^[\p{Lu}\d]/u.test(w));
}

function cueWithin(tokens: readonly Token[], from: number, n: number): boolean {
  const to = Math.min(tokens.length, from + n);
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t && t.type === "word" && lookupCue(t.lower)) return true;
  }
  return false;
}

function cueVerbAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.type !== "word") return false;
  const form = lookupCue(t.lower);
  return form !== undefined && !form.base;
}

/**
 * “…” — Lindsey Graham: a speaker after a dash, ending the sentence, or followed only by
 * a short appositive (“…” — Jane Doe, plant manager).
 */
function dashSpeaker(tokens: readonly Token[], from: number): NounPhrase | undefined {
  const dash = tokens[from];
  if (!dash || !(dash.text === "—" || dash.text === "–" || dash.text === "-")) return undefined;
  let k = from + 1;
  while (tokens[k]?.text === "-") k++;
  const np = speakerAfter(tokens, k, 8);
  if (!np) return undefined;
  const appositive = tokens[np.last + 1]?.text === ",";
  let words = 0;
  for (let m = np.last + 1; m < tokens.length; m++) {
    const u = tokens[m];
    if (u?.type !== "word") continue;
    // an appositive of a few words without a verb of speech ("plant manager")
    if (!appositive || ++words > 6 || lookupCue(u.lower) !== undefined) return undefined;
  }
  const head = tokens[np.first];
  return head?.upper ? np : undefined;
}

function coordinated(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from || to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const u = tokens[k];
    if (!u || !(u.text === "," || u.lower === "and" || u.lower === "or")) return false;
  }
  return true;
}

function thatFollows(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const u = tokens[k];
    if (!u) return false;
    if (u.lower === "that") return true;
    if (
      u.type === "punct" ||
      (!u.upper &&
        ![
          "on",
          "in",
          "at",
          "the",
          "a",
          "last",
          "this",
          "sunday",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
        ].includes(u.lower))
    )
      return false;
  }
  return false;
}

function onlyPunct(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]?.type === "word") return false;
  return true;
}

function carrySpeaker(
  view: SentenceView,
  state: ClaimState,
): { speaker: DraftSpeaker; cue?: Piece } | undefined {
  // "He said: ¶ “…”": the paragraph before ends with an attribution and a colon
  const intro = state.introduction;
  if (intro && intro.paragraph === view.paragraph - 1 && view.index === 0) {
    state.introduction = undefined;
    return { speaker: { ...intro.speaker }, cue: intro.cue };
  }
  const last = state.lastQuote;
  if (!last?.speaker) return undefined;
  const p = last.sentence.paragraph;
  // the previous sentence of this paragraph, or the last sentence of the previous paragraph
  // when this quote opens the paragraph
  const adjacent =
    (p === view.paragraph && last.sentence.index === view.index - 1) ||
    (p === view.paragraph - 1 && view.index === 0);
  if (!adjacent) return undefined;
  const carried: { speaker: DraftSpeaker; cue?: Piece } = {
    speaker: { ...last.speaker },
  };
  if (last.cue) carried.cue = last.cue;
  return carried;
}

/**
 * Remember a sentence that ends with its attribution and a colon (`He said:`,
 * `The statement reads:`), whose words are the quote that opens the next paragraph.
 *
 * @param view
 *   The sentence (the last of its paragraph).
 * @param state
 *   Shared state.
 */
export function noteIntroduction(view: SentenceView, state: ClaimState): void {
  const tokens = view.tokens;
  const n = tokens.length;
  if (n < 3 || n > 60 || tokens[n - 1]?.text !== ":") return;
  const lead = attributionBefore(tokens, 0, n - 1, 20);
  if (!lead || lead.clause || !lead.speaker || lead.cue.according) return;
  // only adjuncts between the cue and the colon ("said in a statement:")
  if (lead.end < n - 1 && tokens.slice(lead.end, n - 1).some((t) => t.type !== "word")) return;
  state.introduction = {
    paragraph: view.paragraph,
    speaker: makeSpeaker(view, lead.speaker, state.registry),
    cue: cuePiece(view, lead.cue),
  };
}

function attach(
  view: SentenceView,
  draft: Draft,
  attribution: Attribution,
  registry: SpeakerRegistry,
): void {
  if (attribution.speaker) draft.speaker = makeSpeaker(view, attribution.speaker, registry);
  draft.cue = cuePiece(view, attribution.cue);
}

/**
 * Where the clause holding quote `qi` ends: after a quote that ends with a comma
 * (“…,” he said), or at the first comma, semicolon, dash or "but" after its last quote;
 * ", and that …" goes on.
 */
function clauseEnd(
  view: SentenceView,
  list: QuoteAt[],
  qi: number,
  maxTokens: number,
): { token: number; lastQuote: number } {
  const tokens = view.tokens;
  let lastQuote = qi;
  let k = list[qi]?.after ?? tokens.length;
  const limit = Math.min(tokens.length, k + maxTokens);
  // “…,” then a new clause (while …, blaming …, he said): the clause ends with the quote
  if (breaksAfter(view, list[qi])) return { token: k, lastQuote };
  while (k < limit) {
    const next = list[lastQuote + 1];
    if (next && k >= next.open) {
      if (next.used) break;
      lastQuote++;
      k = next.after;
      if (breaksAfter(view, next)) break;
      continue;
    }
    const u = tokens[k];
    if (!u) break;
    if (u.text === ";" || u.text === "—" || u.text === "–" || u.text === ":" || u.text === "(")
      break;
    if (u.text === "," || u.text === "-") {
      const after = tokens[k + 1];
      if (next && next.open === k + 1) {
        k++;
        continue;
      }
      if (u.text === "-" && after && after.start === u.end) {
        k++;
        continue;
      }
      if (u.text === "," && after?.lower === "and" && tokens[k + 2]?.lower === "that") {
        k += 3;
        continue;
      }
      break;
    }
    if (u.type === "word" && CLAUSE_BREAK_WORDS.has(u.lower)) break;
    if (u.type === "word" && (u.lower === "and" || u.lower === "but") && cueVerbAt(tokens, k + 1))
      break;
    // "… and highlighted her plans": a new predicate; "as he faces …": a new clause
    if (u.type === "word" && u.lower === "and" && /^\p{Ll}+ed$/u.test(tokens[k + 1]?.text ?? ""))
      break;
    if (
      u.type === "word" &&
      u.lower === "as" &&
      SUBJECT_PRONOUN_WORDS.has(tokens[k + 1]?.lower ?? "")
    )
      break;
    // "before claiming that …", "while saying …"
    if (u.type === "word" && GERUND_LEADS.has(u.lower) && /ing$/.test(tokens[k + 1]?.lower ?? ""))
      break;
    k++;
  }
  return { token: k, lastQuote };
}

function mixed(
  view: SentenceView,
  list: QuoteAt[],
  qi: number,
  clauseStart: number,
  attribution: Attribution,
  state: ClaimState,
): boolean {
  const tokens = view.tokens;
  const end = clauseEnd(view, list, qi, 60);
  for (let k = qi; k <= end.lastQuote; k++) {
    const at = list[k];
    if (at) at.used = true;
  }
  let last = end.token - 1;
  // the attribution after the clause is not part of it
  const quoteTok = list[qi]?.open ?? 0;
  if (
    last >= 0 &&
    attribution.speaker &&
    attribution.speaker.first > Math.max(clauseStart, quoteTok) &&
    attribution.speaker.first <= last
  ) {
    last = attribution.speaker.first - 1;
    while (last > clauseStart && tokens[last]?.type === "punct" && !isCloseMark(tokens[last]))
      last--;
  }
  if (attribution.cue.first > Math.max(clauseStart, quoteTok) && attribution.cue.first <= last) {
    last = Math.min(last, attribution.cue.first - 1);
    while (last > clauseStart && tokens[last]?.type === "punct" && !isCloseMark(tokens[last]))
      last--;
  }
  while (
    last > clauseStart &&
    (tokens[last]?.text === "." || tokens[last]?.text === "," || tokens[last]?.text === ";")
  )
    last--;
  const first = tokens[clauseStart];
  const lastTok = tokens[last];
  if (!first || !lastTok || lastTok.end <= first.start) return false;
  // "boasted that, thanks to his “Method,” he …": a quote inside a parenthetical is no claim
  if (first.text === ",") {
    if (endsWithCommaAt(view, list[end.lastQuote])) return false;
    clauseStart++;
    const next = tokens[clauseStart];
    if (!next || next.end > lastTok.end) return false;
    return mixed(view, list, qi, clauseStart, attribution, state);
  }
  const lastQuote = list[end.lastQuote]?.quote;
  const to = Math.max(
    lastTok.end,
    lastQuote?.closed && end.token > (list[end.lastQuote]?.open ?? 0)
      ? Math.min(lastQuote.close + lastQuote.closeLength, lastTok.end)
      : lastTok.end,
  );
  // one claim per reported clause: a later quote of the same clause adds nothing
  const previous = state.drafts.length > 0 ? state.drafts[state.drafts.length - 1] : undefined;
  if (
    previous &&
    previous.kind === "mixed" &&
    previous.pieces[0]?.paragraph === view.paragraph &&
    previous.pieces[0]?.from === first.start
  ) {
    return true;
  }
  const draft: Draft = {
    kind: "mixed",
    pieces: [{ paragraph: view.paragraph, from: first.start, to }],
    speaker: undefined,
    cue: undefined,
    sentence: { paragraph: view.paragraph, index: view.index },
  };
  attach(view, draft, attribution, state.registry);
  state.drafts.push(draft);
  state.lastQuote = draft;
  const lq = list[end.lastQuote]?.quote;
  if (lq && !lq.closed) state.pending = draft;
  return true;
}

function isCloseMark(token: Token | undefined): boolean {
  if (token?.quote) return true;
  const text = token?.text;
  return (
    text === "”" ||
    text === '"' ||
    text === "'" ||
    text === "»" ||
    text === "«" ||
    text === "“" ||
    text === "’"
  );
}
