/**
 * Attribution: the cue and speaker next to a quote, in every news word order
 * (“Q,” S said / “Q,” said S / S said, “Q” / S said: “Q” / according to S, “Q”).
 * Every search here is bounded to a small number of tokens.
 */
import {
  type CueCategory,
  cueAlone,
  DAY_WORDS,
  DETERMINERS_CORE,
  lookupCue,
  mayStartCue,
  phrasalCuesStartingWith,
  QUOTE_ONLY_VERBS,
  TIME_WORDS_CORE,
} from "./lexicon.js";
import {
  AUX_ADVERBS,
  CATENATIVES,
  type NounPhrase,
  PRONOUNS,
  SPEAKER_NOUNS,
  sentenceSubject,
  speakerAfter,
  subjectBefore,
} from "./speakers.js";
import { type Token, tokenAt } from "./tokens.js";

/** Words that chain a second clause to the first ("and then", "later"). */
const SEQUENCE_WORDS: ReadonlySet<string> = new Set([
  "and",
  "but",
  "then",
  "later",
  "before",
  "after",
]);

/** A cue found in a token list. */
export interface CueMatch {
  /** First token index. */
  first: number;
  /** Last token index (inclusive). */
  last: number;
  /** Lemma ("say") or the phrase ("according to"). */
  lemma: string;
  /** Category. */
  category: CueCategory;
  /** Whether it can introduce an indirect claim. */
  indirect: boolean;
  /** Whether the verb wants an object before its clause ("told X that"). */
  object: boolean;
  /** A gerund ("saying", "adding"). */
  gerund: boolean;
  /** The "according to" cue, whose speaker follows it. */
  according: boolean;
  /** A verb that attributes only a quote right next to it ("continued"). */
  quoteOnly: boolean;
}

/**
 * Whether a cue starts at token `i`, and how far it reaches (phrasal cues first).
 *
 * @param tokens
 *   Tokens.
 * @param i
 *   Index.
 * @returns
 *   The cue, or `undefined`.
 */
export function cueAt(tokens: readonly Token[], i: number): CueMatch | undefined {
  const t = tokens[i];
  if (t?.type !== "word") return undefined;
  // a sentence's tokens are looked at from several quotes: remember the answer
  if (t.cue !== undefined) return t.cue ?? undefined;
  const found = mayStartCue(t.lower) ? findCue(tokens, i, t) : undefined;
  t.cue = found ?? null;
  return found;
}

function findCue(tokens: readonly Token[], i: number, t: Token): CueMatch | undefined {
  for (const phrase of phrasalCuesStartingWith(t.lower)) {
    let ok = true;
    for (let k = 1; k < phrase.length; k++) {
      if (tokens[i + k]?.lower !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const according = phrase[0] === "according";
    const form = lookupCue(t.lower);
    return {
      first: i,
      last: i + phrase.length - 1,
      lemma: according ? "according to" : (form?.verb.lemma ?? phrase.join(" ")),
      category: "phrasal",
      indirect: true,
      object: false,
      gerund: form?.gerund ?? false,
      according,
      quoteOnly: false,
    };
  }
  const form = cueAlone(t.lower);
  if (!form) return undefined;
  // "news reports", "Asian states": an -s form that is also a plural noun is a verb only
  // after a pronoun or an adverb, or before "that"
  if (NOUNISH.has(t.lower)) {
    const before = tokenAt(tokens, i - 1);
    const after = tokens[i + 1];
    const verbLike =
      after?.lower === "that" ||
      SUBJECT_PRONOUNS.has(before?.lower ?? "") ||
      // “…,” reads an editorial / “…,” notes the report: inverted right after the quote
      before?.quote === true ||
      (before?.text === "," && tokenAt(tokens, i - 2)?.quote === true) ||
      // "the newspaper calls it …", "Sullivan calls her record …"
      (before !== undefined &&
        (before.upper ||
          SPEAKER_NOUNS.has(before.lower) ||
          ORG_NOUNS.has(before.lower) ||
          // "Ana Ortiz, director of …, calls the bridge …": after an appositive
          (before.text === "," && after?.upper === true)) &&
        after !== undefined &&
        after.type === "word" &&
        (after.upper ||
          OBJECT_STARTS.has(after.lower) ||
          // "Trump claims he's worth …": a subject pronoun opens the reported clause
          CLAUSE_PRONOUNS.has(withoutClitic(after.lower))));
    if (!verbLike) return undefined;
  }
  // "a swing state", "the FEC report": a base form that is also a noun is a verb only
  // after a pronoun ("they claim") or a plural ("Democrats claim")
  if (form.base && NOUN_BASES.has(form.verb.lemma)) {
    const before = tokenAt(tokens, i - 1);
    const ok =
      before !== undefined &&
      before.type === "word" &&
      (BASE_SUBJECTS.has(before.lower) ||
        (/s$/.test(before.lower) && !before.lower.endsWith("ss")));
    if (!ok) return undefined;
  }
  // a base form after "to", a modal or "and" ("and tell him …") is not the attribution
  if (
    form.base &&
    form.verb.lemma !== "say" &&
    BASE_BLOCKERS.has(tokenAt(tokens, i - 1)?.lower ?? "") &&
    // "continued to complain that …", "declined to claim …": the verb before "to" is the
    // subject's, the cue reports
    !(
      tokenAt(tokens, i - 1)?.lower === "to" && CATENATIVES.has(tokenAt(tokens, i - 2)?.lower ?? "")
    )
  )
    return undefined;
  // "state", "post", "report", "call", "fear", ... as nouns: "the state", "a report"
  const prev = tokenAt(tokens, i - 1);
  if (
    prev?.type === "word" &&
    NOUN_DETERMINERS.has(prev.lower) &&
    // "a piece that noted …": after "that", a finite verb is a relative clause's verb
    !(prev.lower === "that" && !form.base && !form.gerund && !NOUNISH.has(t.lower))
  ) {
    return undefined;
  }
  return {
    first: i,
    last: i,
    lemma: form.verb.lemma,
    category: form.verb.category,
    indirect: form.verb.indirect,
    object: form.verb.object ?? false,
    gerund: form.gerund,
    according: false,
    quoteOnly: QUOTE_ONLY_VERBS.has(form.verb.lemma),
  };
}

/**
 * A word without its clitic, everything from its first apostrophe on: "he’s" → "he",
 * "they're" → "they".
 *
 * @param word
 *   A word (lower case).
 * @returns
 *   The word before the apostrophe, or the word itself.
 */
export function withoutClitic(word: string): string {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === 0x27 || c === 0x2019) return word.slice(0, k);
  }
  return word;
}

/** Words before a noun: a cue word after them is a noun ("the state", "a report", "his claims"). */
const NOUN_DETERMINERS = new Set([...DETERMINERS_CORE, "this", "that", "of", "my", "your"]);

/** Verbs that attribute only a quote before them (“…,” she began). */
const AFTER_QUOTE_ONLY = new Set(["start", "begin"]);

/** A speaker and cue found next to a quote. */
export interface Attribution {
  /** The speaker phrase (token indices), when there is one. */
  speaker?: NounPhrase;
  /** The cue. */
  cue: CueMatch;
  /** Index of the first token after the attribution (cue, object and adjuncts). */
  end: number;
}

const TIME_WORDS = new Set([...TIME_WORDS_CORE, "afterward", "afterwards", "then"]);

/**
 * The attribution right after a quote: `he said`, `said Sen. X`, `the Journal said of the
 * warning`, `Mr. Khan, a lawyer, said`.
 *
 * @param tokens
 *   The sentence's tokens.
 * @param from
 *   Index of the first token after the closing mark.
 * @param to
 *   Index after the last token that may belong to it (next quote or sentence end).
 * @returns
 *   The attribution, or `undefined`.
 */
export function attributionAfter(
  tokens: readonly Token[],
  from: number,
  to: number,
): Attribution | undefined {
  let i = from;
  while (
    i < to &&
    (tokens[i]?.text === "," ||
      tokens[i]?.text === "—" ||
      tokens[i]?.text === "–" ||
      tokens[i]?.text === "-")
  )
    i++;
  if (i >= to) return undefined;
  // inversion: said Sen. X / according to X
  let j = i;
  while (
    j < to &&
    j < i + 2 &&
    tokens[j]?.type === "word" &&
    (AUX_ADVERBS.has(tokens[j]?.lower ?? "") || TIME_WORDS.has(tokens[j]?.lower ?? ""))
  )
    j++;
  const inverted = cueAt(tokens, j);
  if (inverted && !inverted.gerund) {
    const k = inverted.last + 1;
    const np = speakerAfter(tokens, k, Math.min(12, to - k));
    if (np && !PRONOUN_OBJECTS.has(tokens[np.first]?.lower ?? "")) {
      return { speaker: np, cue: inverted, end: skipAdjuncts(tokens, np.last + 1, to) };
    }
    if (inverted.according) return undefined;
  }
  // subject first: he said / the Journal said / Jose Yepez, a council member, said
  const first = tokens[i];
  if (!first || (first.type === "word" && RELATIVES.has(first.lower))) return undefined;
  const limit = Math.min(to, i + 30);
  for (let k = i + 1; k < limit; k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.text === "." || t.text === ";" || t.text === "?" || t.text === "!" || t.text === ":")
      break;
    const cue = cueAt(tokens, k);
    if (!cue || cue.gerund || cue.according) continue;
    if (cue.category === "cognition" && !POST_COGNITION.has(cue.lemma)) continue;
    const np = subjectBefore(tokens, k, i);
    if (np && np.first === i)
      return { speaker: np, cue, end: skipAdjuncts(tokens, cue.last + 1, to) };
    // "Doug Andres, a spokesman for House Speaker Paul Ryan told the Post"
    let c = i;
    while (c < k && c < i + 5 && tokens[c]?.type === "word" && tokens[c]?.upper) c++;
    if (c > i && tokens[c]?.text === "," && plausibleName(tokens, i, c - 1)) {
      return {
        speaker: { first: i, last: c - 1 },
        cue,
        end: skipAdjuncts(tokens, cue.last + 1, to),
      };
    }
    if (np === undefined) continue;
    return undefined;
  }
  return undefined;
}

const NAMING = new Set([
  "call",
  "dub",
  "label",
  "brand",
  "describe",
  "refer",
  "characterize",
  "characterise",
  "portray",
]);

function plausibleNamer(tokens: readonly Token[], np: NounPhrase): boolean {
  for (let k = np.first; k <= np.last; k++) {
    const t = tokens[k];
    if (t?.type !== "word") continue;
    if (t.upper || PRONOUNS.has(t.lower) || SPEAKER_NOUNS.has(t.lower)) return true;
  }
  return false;
}

const RELATIVES = new Set(["who", "which", "that", "whom", "whose", "what", "where", "when"]);

/** Cognition verbs that can follow a quote (“…,” he thinks). */
const POST_COGNITION = new Set(["think", "believe", "wonder", "hope", "fear", "worry", "expect"]);

function plausibleName(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (t?.type !== "word" || !t.upper) return false;
  }
  return true;
}

const PRONOUN_OBJECTS = new Set(["him", "her", "them", "me", "us", "it", "that", "this", "so"]);

/** Skip a cue's object and adjuncts up to the next punctuation. */
function skipAdjuncts(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  let n = 0;
  while (i < to && n < 20) {
    const t = tokens[i];
    if (
      !t ||
      (t.type === "punct" && t.text !== "'" && t.text !== "’" && t.text !== "-" && t.text !== "&")
    )
      break;
    i++;
    n++;
  }
  return i;
}

const NOUNISH = new Set([
  "states",
  "reports",
  "claims",
  "notes",
  "calls",
  "posts",
  "comments",
  "answers",
  "questions",
  "remarks",
  "hopes",
  "fears",
  "doubts",
  "charges",
  "demands",
  "promises",
  "pledges",
  "tweets",
  "counters",
  "protests",
  "replies",
  "responses",
  "reads",
  "labels",
  "brands",
  "threats",
  "warns",
  "finds",
  "learns",
  "estimates",
  "concerns",
  "objects",
  "points",
  "cries",
  "jokes",
  "chants",
  "questions",
  "dismisses",
  "mocks",
]);

const NOUN_BASES = new Set([
  "state",
  "report",
  "claim",
  "note",
  "call",
  "post",
  "comment",
  "answer",
  "question",
  "remark",
  "hope",
  "fear",
  "doubt",
  "charge",
  "demand",
  "promise",
  "pledge",
  "tweet",
  "counter",
  "protest",
  "reply",
  "read",
  "label",
  "brand",
  "estimate",
  "object",
  "cry",
  "joke",
  "chant",
  "quote",
  "reference",
  "credit",
  "challenge",
  "attack",
  "plead",
  "reject",
  "dismiss",
  "defend",
  "press",
  "point",
  "concern",
  "tease",
  "bash",
  "blast",
  "slam",
  "hail",
  "mock",
  "praise",
  "blame",
  "nickname",
  "dispute",
  "protest",
  "vow",
  "warn",
  "insist",
  "boast",
  "brag",
]);
const BASE_SUBJECTS = new Set([
  "i",
  "we",
  "you",
  "they",
  "who",
  "which",
  "that",
  "also",
  "still",
  "often",
  "not",
  "n't",
  "do",
  "did",
  "does",
]);

const ORG_NOUNS = new Set([
  "newspaper",
  "paper",
  "magazine",
  "website",
  "network",
  "campaign",
  "committee",
  "group",
  "report",
  "study",
  "poll",
  "survey",
  "agency",
  "company",
  "government",
  "administration",
]);
const OBJECT_STARTS = new Set([
  "it",
  "him",
  "her",
  "them",
  "his",
  "their",
  "its",
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "himself",
  "herself",
  "themselves",
  "itself",
]);
/** Subject pronouns that open a clause after a cue ("claims he's", "says they"). */
const CLAUSE_PRONOUNS = new Set(["he", "she", "they", "we", "i"]);

const BASE_BLOCKERS = new Set([
  "to",
  "would",
  "could",
  "will",
  "can",
  "should",
  "might",
  "may",
  "must",
  "and",
  "or",
  "’d",
  "'d",
  "not",
]);

const SUBJECT_PRONOUNS = new Set([
  "he",
  "she",
  "it",
  "who",
  "which",
  "also",
  "still",
  "now",
  "often",
  "that",
  "repeatedly",
  "frequently",
  "always",
  "never",
]);

/** Words that may stand between a cue and its "that" ("said on Sunday in a statement that"). */
const ADJUNCT_WORDS = new Set([
  "on",
  "in",
  "at",
  "during",
  "after",
  "before",
  "a",
  "an",
  "the",
  "his",
  "her",
  "their",
  "its",
  "interview",
  "statement",
  "speech",
  "rally",
  "news",
  "conference",
  "email",
  "emailed",
  "letter",
  "also",
  "later",
  "earlier",
  "again",
  "repeatedly",
  "publicly",
  "privately",
  "previously",
  "recently",
  ...DAY_WORDS,
  "tonight",
  "last",
  "this",
  "week",
  "month",
  "year",
  "morning",
  "evening",
  "night",
  "afternoon",
  "to",
  "reporters",
  "him",
  "her",
  "them",
  "us",
  "me",
  "with",
  "of",
  "by",
  "for",
  "from",
  "via",
  "and",
  "'s",
  "’s",
  "told",
  "program",
  "show",
  "broadcast",
  "radio",
  "television",
  "tv",
  "post",
  "posting",
  "tweet",
  "video",
  "remarks",
  "hearing",
  "testimony",
  "court",
  "filing",
  "filings",
  "documents",
  "report",
]);

/** Verbs whose passive with "as" still quotes someone's words ("is described as"). */
const AS_NAMING = new Set(["describe", "characterize", "characterise", "portray"]);

const PASSIVE_AUX = new Set(["was", "were", "is", "are", "be", "been", "being", "’s", "'s"]);

/** Whether a cue is a passive participle (was reported, are expected) with no "by" agent after it. */
function passiveAt(tokens: readonly Token[], cue: CueMatch): boolean {
  if (!isPassive(tokens, cue)) return false;
  const next = tokens[cue.last + 1]?.lower;
  if (next === "by") return false;
  // "is reported to have called …": the subject is the speaker of the verb that follows
  if (next === "to" && cue.category !== "cognition") return false;
  // "is described (on its website) as “…”": the words are someone's description
  if (AS_NAMING.has(cue.lemma)) {
    for (let m = cue.last + 1; m <= cue.last + 5; m++) if (tokens[m]?.lower === "as") return false;
  }
  return true;
}

/** Whether a cue is a passive participle after a form of "be" ("was reported", "is described"). */
function isPassive(tokens: readonly Token[], cue: CueMatch): boolean {
  if (cue.gerund || cue.according || cue.category === "phrasal") return false;
  const word = tokens[cue.first]?.lower ?? "";
  if (!/(?:ed|wn|en|ld|ght|d)$/.test(word)) return false;
  let b = cue.first - 1;
  // "was also reported", "has been widely expected"
  while (
    b >= 0 &&
    b >= cue.first - 3 &&
    AUX_ADVERBS.has(tokens[b]?.lower ?? "") &&
    !PASSIVE_AUX.has(tokens[b]?.lower ?? "")
  )
    b--;
  return PASSIVE_AUX.has(tokenAt(tokens, b)?.lower ?? "");
}

/** Conjunctions that open an adverbial clause at the start of a sentence. */
const OPENING_SUBORDINATORS = new Set([
  "while",
  "although",
  "though",
  "when",
  "after",
  "before",
  "because",
  "since",
  "if",
  "once",
  "whereas",
]);

/**
 * Whether `cue` sits in an adverbial clause that opens the sentence (a participle or a
 * subordinate conjunction first) and a comma closes that clause before `at`.
 */
function inOpeningClause(tokens: readonly Token[], cue: CueMatch, at: number): boolean {
  let s = 0;
  while (s < cue.first && (tokens[s]?.lower === "and" || tokens[s]?.lower === "but")) s++;
  const lead = tokens[s];
  if (lead?.type !== "word") return false;
  const opens = (s === cue.first && cue.gerund) || OPENING_SUBORDINATORS.has(lead.lower);
  if (!opens) return false;
  for (let m = cue.last + 1; m < at; m++) {
    const u = tokens[m];
    if (!u) return false;
    if (u.quote) return false;
    if (u.text === ",") {
      // the main clause after the comma has its own subject
      const next = tokens[m + 1];
      return next !== undefined && next.type === "word" && !NP_CONTINUES.has(next.lower);
    }
  }
  return false;
}

/** Words after a comma that continue a list or a phrase rather than open a main clause. */
const NP_CONTINUES = new Set([
  "and",
  "or",
  "but",
  "which",
  "who",
  "whom",
  "whose",
  "that",
  "including",
  "such",
]);

/** An attribution before a quote. */
export interface LeadIn extends Attribution {
  /** "that" (or a clause) stands between the cue and the quote: a mixed claim. */
  clause: boolean;
  /** Index of the first token of the reported clause (after the cue phrase). */
  clauseStart: number;
}

/**
 * The nearest cue before a position, within the sentence, with its speaker:
 * `Graham said, “…”`, `S told reporters: “…”`, `according to S, “…”`, `S said that … “…”`.
 *
 * @param tokens
 *   The sentence's tokens.
 * @param floor
 *   First index to look at.
 * @param at
 *   Index of the opening mark's token.
 * @param maxBack
 *   How many tokens to look back.
 * @returns
 *   The attribution, or `undefined`.
 */
export function attributionBefore(
  tokens: readonly Token[],
  floor: number,
  at: number,
  maxBack = 30,
): LeadIn | undefined {
  const low = Math.max(floor, at - maxBack);
  for (let k = at - 1; k >= low; k--) {
    const t = tokens[k];
    if (!t) break;
    if (t.text === ";" || t.text === "(") break;
    const cue = cueAt(tokens, k);
    if (!cue) continue;
    // "started", "began": speech only right after a quote (“…,” Hannity started)
    if (AFTER_QUOTE_ONLY.has(cue.lemma)) continue;
    // "that was reported in a “hit piece”", "are expected to …": a passive cue without its
    // agent attributes nothing
    if (passiveAt(tokens, cue)) continue;
    // "Declaring that …, the mogul offered …“Q”", "While many agreed …, the “Q” …": a cue in
    // an adverbial clause that opens the sentence does not reach past the clause's comma
    if (inOpeningClause(tokens, cue, at)) return undefined;
    // "according to S, ..."
    if (cue.according) {
      // the quote is part of the source: according to his ''The Fixers''
      let comma = false;
      for (let m = cue.last + 1; m < at; m++) if (tokens[m]?.text === ",") comma = true;
      if (!comma) return undefined;
      const np = speakerAfter(tokens, cue.last + 1, Math.min(14, at - cue.last - 1));
      let clauseStart = np ? np.last + 1 : cue.last + 1;
      while (clauseStart < at && tokens[clauseStart]?.type === "punct") clauseStart++;
      const r: LeadIn = { cue, end: clauseStart, clause: clauseStart < at, clauseStart };
      if (np) r.speaker = np;
      return r;
    }
    // the words between the cue and the quote: "that" right after the cue (and its
    // adjuncts) opens a reported clause
    let clause = false;
    let clauseStart = cue.last + 1;
    for (let m = cue.last + 1; m < at && m <= cue.last + 14; m++) {
      const u = tokens[m];
      if (!u) break;
      if (u.lower === "that") {
        clause = true;
        clauseStart = m + 1;
        break;
      }
      if (u.type === "word" && !u.upper && !ADJUNCT_WORDS.has(u.lower) && !cue.object) break;
      if (u.type === "punct" && cue.object && u.text !== "'" && u.text !== "’") break;
    }
    if (!clause && cue.lemma === "describe") {
      for (let m = cue.last + 1; m < at && m <= cue.last + 6; m++) {
        if (tokens[m]?.lower === "as") clause = true;
      }
    }
    if (!clause) {
      // S said [adjuncts] [,:] “Q”: only adjuncts between, else the quote is inside a clause
      let m = cue.last + 1;
      let words = 0;
      while (m < at && tokens[m]?.type === "word") {
        m++;
        words++;
      }
      const rest = at - m;
      if (rest > 0) {
        const punct = tokens[m]?.text;
        if (
          !(punct === "," || punct === ":" || punct === "—" || punct === "-" || punct === "–") ||
          rest > 1
        ) {
          clause = true;
        }
      }
      if (words > 6) clause = true;
      clauseStart = cue.last + 1;
      if (clause && cue.object) {
        // told reporters he was ...: skip the object
        let o = cue.last + 1;
        while (o < at && o < cue.last + 4 && tokens[o]?.type === "word" && tokens[o]?.upper) o++;
        if (o === cue.last + 1 && tokens[o]?.type === "word") o++;
        clauseStart = o;
      }
    }
    // "continued his attacks … : “…”" is no attribution of the quote
    if (clause && cue.quoteOnly && !thatClauseFollows(tokens, cue)) continue;
    let speaker = cue.gerund ? undefined : subjectBefore(tokens, cue.first, floor);
    if (!speaker) {
      const prev = tokenAt(tokens, cue.first - 1);
      if (cue.gerund || (prev && (prev.text === "," || SEQUENCE_WORDS.has(prev.lower)))) {
        speaker = sentenceSubject(tokens, cue.first) ?? previousSpeaker(tokens, cue.first);
      }
    }
    // "He says he believes his campaign …": the outer cue reports the inner clause
    if (
      speaker &&
      speaker.first === speaker.last &&
      PRONOUNS.has(tokens[speaker.first]?.lower ?? "")
    ) {
      let o = speaker.first - 1;
      if (tokenAt(tokens, o)?.lower === "that") o--;
      const outer = o > floor ? cueAt(tokens, o) : undefined;
      if (outer && !outer.according && outer.indirect && outer.last === o) {
        const outerSpeaker = outer.gerund
          ? sentenceSubject(tokens, outer.first)
          : subjectBefore(tokens, outer.first, floor);
        if (outerSpeaker) {
          const r: LeadIn = {
            cue: outer,
            end: speaker.first,
            clause: true,
            clauseStart: speaker.first,
            speaker: outerSpeaker,
          };
          return r;
        }
      }
    }
    // "the book is described as “…”": the subject of a passive is what is spoken of, not
    // the speaker; "the loophole called an “inversion”": naming, not attribution
    if (speaker && tokens[cue.last + 1]?.lower !== "to" && isPassive(tokens, cue)) {
      if (!NAMING.has(cue.lemma)) continue;
      speaker = undefined;
    } else if (NAMING.has(cue.lemma) && (!speaker || !plausibleNamer(tokens, speaker))) continue;
    const r: LeadIn = { cue, end: clauseStart, clause, clauseStart };
    if (speaker) r.speaker = speaker;
    // "S said the files suggested …“Q”": a cue whose subject is no speaker (or a participle)
    // inside the clause of an earlier speech cue; the earlier one reports the quote
    const adjunct =
      cue.gerund &&
      (tokenAt(tokens, cue.first - 1)?.text === "," ||
        PARTICIPLE_LEADS.has(tokenAt(tokens, cue.first - 1)?.lower ?? ""));
    if (!adjunct && (!speaker || cue.gerund || !plausibleNamer(tokens, speaker))) {
      const outer = outerReport(tokens, floor, cue.first);
      if (outer) return outer;
    }
    return r;
  }
  return undefined;
}

/** Words before a participle that make it an adjunct of the sentence ("before insisting"). */
const PARTICIPLE_LEADS = new Set(["before", "after", "while", "when", "by", "without", "since"]);

/** Words that open a contrasting clause. */
const CONTRAST = new Set(["but", "while", "although", "though", "whereas", "yet"]);

/**
 * A speech cue with its own speaker before `before`, in the same clause (no semicolon,
 * colon, dash or parenthesis between), whose reported clause runs on to `before`:
 * `a source said [the files that were copied suggested …]`.
 */
function outerReport(tokens: readonly Token[], floor: number, before: number): LeadIn | undefined {
  // "mentioned the flood and said …": two verbs of one subject, not one inside the other
  const joint = tokenAt(tokens, before - 1)?.lower;
  if (joint === "and" || joint === "but" || joint === "then" || joint === "or") return undefined;
  const low = Math.max(floor, before - 30);
  for (let k = before - 1; k >= low; k--) {
    const t = tokens[k];
    if (!t) return undefined;
    if (
      t.text === ";" ||
      t.text === ":" ||
      t.text === "—" ||
      t.text === "–" ||
      t.text === "(" ||
      t.text === ")" ||
      t.quote
    )
      return undefined;
    // "…, but in a later interview said …": a new clause
    if (t.type === "word" && CONTRAST.has(t.lower)) return undefined;
    if (t.lower === "and" && tokenAt(tokens, k - 1)?.text === ",") return undefined;
    const cue = cueAt(tokens, k);
    if (!cue || cue.last >= before) continue;
    if (cue.according || cue.gerund || cue.quoteOnly || !cue.indirect) return undefined;
    if (cue.category === "cognition") return undefined;
    const prev = tokenAt(tokens, cue.first - 1);
    const speaker =
      subjectBefore(tokens, cue.first, floor) ??
      (prev && (prev.lower === "and" || prev.lower === "but")
        ? sentenceSubject(tokens, cue.first)
        : undefined);
    if (!speaker) return undefined;
    let clauseStart = cue.last + 1;
    // said (on Monday) (that) …; told reporters (that) …
    if (cue.object) {
      let o = clauseStart;
      while (o < before && o < clauseStart + 4 && tokens[o]?.type === "word" && tokens[o]?.upper)
        o++;
      if (o === clauseStart && tokens[o]?.type === "word") o++;
      clauseStart = o;
    }
    for (let m = clauseStart; m < before && m <= clauseStart + 6; m++) {
      const u = tokens[m];
      if (u?.lower === "that") {
        clauseStart = m + 1;
        break;
      }
      if (u?.type !== "word" || !(u.upper || ADJUNCT_WORDS.has(u.lower))) break;
    }
    if (clauseStart >= before) return undefined;
    return { cue, end: clauseStart, clause: true, clauseStart, speaker };
  }
  return undefined;
}

/**
 * The speaker of the attribution before a participle or a coordinated cue in the same
 * sentence: `“…,” Ortiz said, adding that …` → Ortiz; `said Ortiz, adding …` → Ortiz.
 *
 * @param tokens
 *   The sentence's tokens.
 * @param before
 *   Index of the later cue.
 * @returns
 *   The speaker phrase, or `undefined`.
 */
export function previousSpeaker(tokens: readonly Token[], before: number): NounPhrase | undefined {
  for (let k = before - 2; k >= 0 && k >= before - 20; k--) {
    const t = tokens[k];
    if (!t) return undefined;
    if (t.text === ";" || t.text === ":" || t.text === "." || t.quote) {
      // “…,” S said, adding: the quote ends the search, the attribution is after it
      if (!t.quote) return undefined;
      continue;
    }
    const cue = cueAt(tokens, k);
    if (!cue || cue.gerund || cue.according || cue.last >= before) continue;
    const subject = subjectBefore(tokens, cue.first, 0);
    if (subject) return subject;
    // said Sen. Ana Ortiz, adding …
    const after = speakerAfter(tokens, cue.last + 1, Math.min(12, before - cue.last - 1));
    if (after && tokens[after.last + 1]?.text === ",") return after;
    return undefined;
  }
  return undefined;
}

/** Words that can open the clause after "that" (its subject). */
const CLAUSE_OPENERS = new Set([
  ...DETERMINERS_CORE,
  "he",
  "she",
  "they",
  "it",
  "we",
  "i",
  "you",
  "there",
  "this",
  "these",
  "those",
  "some",
  "many",
  "most",
  "all",
  "no",
  "every",
  "each",
  "any",
  "such",
]);

/**
 * Whether `that` and a clause follow the cue (`responded that the plan …`): then any speech
 * verb reports the clause, even one that otherwise attributes only a quote next to it.
 * "answered that question" has no clause ("question" opens none).
 *
 * @param tokens
 *   The sentence's tokens.
 * @param cue
 *   The cue.
 * @returns
 *   Whether a that-clause follows.
 */
export function thatClauseFollows(tokens: readonly Token[], cue: CueMatch): boolean {
  if (NAMING.has(cue.lemma) || tokens[cue.last + 1]?.lower !== "that") return false;
  const next = tokens[cue.last + 2];
  if (next?.type !== "word") return false;
  return CLAUSE_OPENERS.has(withoutClitic(next.lower)) || next.upper || /^\d/.test(next.text);
}
