/**
 * Speakers: noun phrases around a cue, the names mentioned in the article, and the
 * resolution of pronouns, surnames and short forms ("he", "Graham", "the Journal",
 * "the senator") to the full name mentioned earlier.
 */

import { DAY_WORDS, DETERMINERS_CORE, MONTH_WORDS, NAME_CONNECTORS } from "./lexicon.js";
import { type Token, tokenAt } from "./tokens.js";

/** Words that lead a time phrase ("on Monday", "last week"). */
const TIME_LEADS: ReadonlySet<string> = new Set(["on", "in", "last", "this", "early", "late"]);

/** Prepositions after a verb of speech ("told reporters in …"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(["to", "at", "in", "on", "from", "with"]);

/** Words that join noun phrases, never their first word. */
const PHRASE_JOINERS: ReadonlySet<string> = new Set(["of", "for", "and", "in", "on", "at"]);

/** Relative pronouns. */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(["who", "which", "whose", "whom"]);

/** Conjunctions that start a new clause. */
const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set(["and", "but", "so", "yet", "then"]);

/** "of" and "for", never the last word of a name. */
const OF_FOR: ReadonlySet<string> = new Set(["of", "for"]);

/** Person or Organization. */
export type SpeakerType = "Person" | "Organization";

/** Pronouns that can be a speaker, lower case. */
export const PRONOUNS: ReadonlySet<string> = new Set([
  "he",
  "she",
  "they",
  "it",
  "we",
  "i",
  "you",
  "who",
  "which",
]);

/** Titles that come before a name ("Sen. Lindsey Graham"), lower case. */
const TITLES: ReadonlyMap<string, string> = new Map([
  ["sen.", "senator"],
  ["senator", "senator"],
  ["sens.", "senator"],
  ["rep.", "representative"],
  ["representative", "representative"],
  ["congressman", "representative"],
  ["congresswoman", "representative"],
  ["gov.", "governor"],
  ["governor", "governor"],
  ["lt.", "lieutenant"],
  ["gen.", "general"],
  ["general", "general"],
  ["president", "president"],
  ["vice", "vice"],
  ["secretary", "secretary"],
  ["mayor", "mayor"],
  ["judge", "judge"],
  ["justice", "justice"],
  ["dr.", "doctor"],
  ["prof.", "professor"],
  ["professor", "professor"],
  ["mr.", "mr"],
  ["mrs.", "mrs"],
  ["ms.", "ms"],
  ["miss", "ms"],
  ["sir", "mr"],
  ["lady", "mrs"],
  ["lord", "mr"],
  ["rev.", "reverend"],
  ["gens.", "general"],
  ["col.", "colonel"],
  ["capt.", "captain"],
  ["adm.", "admiral"],
  ["sgt.", "sergeant"],
  ["chairman", "chairman"],
  ["chairwoman", "chairman"],
  ["speaker", "speaker"],
  ["leader", "leader"],
  ["minister", "minister"],
  ["prime", "prime"],
  ["chancellor", "chancellor"],
  ["ambassador", "ambassador"],
  ["attorney", "attorney"],
  ["sheriff", "sheriff"],
  ["chief", "chief"],
  ["former", "former"],
  ["candidate", "candidate"],
  ["king", "king"],
  ["queen", "queen"],
  ["pope", "pope"],
  ["prince", "prince"],
  ["princess", "princess"],
]);

/** Nouns that name a title in a short form ("the senator"), mapped to the title they match. */
const TITLE_NOUNS: ReadonlyMap<string, string> = new Map([
  ["senator", "senator"],
  ["governor", "governor"],
  ["president", "president"],
  ["congressman", "representative"],
  ["congresswoman", "representative"],
  ["representative", "representative"],
  ["secretary", "secretary"],
  ["mayor", "mayor"],
  ["judge", "judge"],
  ["general", "general"],
  ["minister", "minister"],
  ["ambassador", "ambassador"],
  ["chairman", "chairman"],
  ["speaker", "speaker"],
  ["candidate", "candidate"],
  ["doctor", "doctor"],
]);

const FEMALE = new Set(["mrs", "ms", "queen", "princess"]);
const MALE = new Set(["mr", "king", "prince", "pope"]);

/** Words that make a name an organization. */
const ORG_WORDS: ReadonlySet<string> = new Set([
  "journal",
  "times",
  "post",
  "news",
  "press",
  "tribune",
  "herald",
  "gazette",
  "reuters",
  "party",
  "committee",
  "campaign",
  "department",
  "ministry",
  "agency",
  "council",
  "institute",
  "foundation",
  "university",
  "college",
  "school",
  "bank",
  "group",
  "inc.",
  "inc",
  "corp.",
  "corp",
  "company",
  "corporation",
  "association",
  "union",
  "network",
  "networks",
  "house",
  "senate",
  "congress",
  "court",
  "administration",
  "office",
  "commission",
  "service",
  "bureau",
  "fund",
  "center",
  "centre",
  "coalition",
  "organization",
  "organisation",
  "federation",
  "board",
  "authority",
  "league",
  "club",
  "society",
  "magazine",
  "daily",
  "weekly",
  "tv",
  "radio",
  "cnn",
  "fox",
  "nbc",
  "abc",
  "cbs",
  "msnbc",
  "bbc",
  "afp",
  "ap",
  "fbi",
  "cia",
  "nsa",
  "pentagon",
  "kremlin",
  "government",
  "army",
  "police",
  "navy",
  "forces",
  "caucus",
  "ministry",
  "parliament",
  "assembly",
  "embassy",
  "nations",
  "guardian",
  "telegraph",
  "observer",
  "independent",
  "economist",
  "politico",
  "breitbart",
  "axios",
  "bloomberg",
  "agency",
  "wikileaks",
  "facebook",
  "twitter",
  "google",
  "microsoft",
  "apple",
  "amazon",
  "institution",
  "commission",
  "tribunal",
  "review",
  "report",
  "poll",
  "survey",
  "study",
  "statement",
  "website",
  "blog",
  "newspaper",
  "channel",
  "station",
  "firm",
  "llc",
  "ltd.",
  "ltd",
  "co.",
  "industries",
  "airlines",
  "systems",
  "networks",
  "partners",
  "holdings",
  "trust",
  "program",
  "project",
  "initiative",
  "alliance",
  "movement",
  "front",
  "brigade",
  "army",
  "cabinet",
  "secretariat",
  "treasury",
  "fed",
  "reserve",
  "exchange",
  "index",
]);

/** Common nouns that can head a speaker phrase ("officials said", "a spokesman said"). */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set([
  "official",
  "officials",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "spokespeople",
  "aide",
  "aides",
  "adviser",
  "advisers",
  "advisor",
  "advisors",
  "expert",
  "experts",
  "analyst",
  "analysts",
  "observer",
  "observers",
  "critic",
  "critics",
  "supporter",
  "supporters",
  "people",
  "lawmaker",
  "lawmakers",
  "senator",
  "senators",
  "governor",
  "president",
  "leader",
  "leaders",
  "source",
  "sources",
  "report",
  "reports",
  "poll",
  "polls",
  "survey",
  "surveys",
  "study",
  "studies",
  "statement",
  "statements",
  "document",
  "documents",
  "investigators",
  "prosecutors",
  "police",
  "authorities",
  "government",
  "campaign",
  "committee",
  "democrats",
  "republicans",
  "voters",
  "residents",
  "activists",
  "members",
  "member",
  "man",
  "woman",
  "men",
  "women",
  "staffer",
  "staffers",
  "candidate",
  "candidates",
  "diplomat",
  "diplomats",
  "economists",
  "economist",
  "scientists",
  "researchers",
  "witnesses",
  "witness",
  "doctor",
  "doctors",
  "lawyer",
  "lawyers",
  "attorney",
  "attorneys",
  "judge",
  "others",
  "some",
  "many",
  "most",
  "both",
  "group",
  "groups",
  "administration",
  "department",
  "agency",
  "ministry",
  "officer",
  "officers",
  "executive",
  "executives",
  "director",
  "chairman",
  "chair",
  "secretary",
  "mayor",
  "minister",
  "ambassador",
  "representative",
  "congressman",
  "congresswoman",
  "americans",
  "residents",
  "students",
  "parents",
  "workers",
  "union",
  "unions",
  "organizers",
  "negotiators",
  "insiders",
  "allies",
  "friends",
  "colleagues",
  "rivals",
  "opponents",
  "protesters",
  "demonstrators",
  "figures",
  "data",
  "records",
  "filings",
  "article",
  "letter",
  "memo",
  "website",
  "newspaper",
  "paper",
  "column",
  "editorial",
  "author",
  "writer",
  "reporter",
  "reporters",
  "historian",
  "historians",
  "professor",
  "teacher",
  "founder",
  "owner",
  "ceo",
  "chief",
  "head",
  "commander",
  "general",
  "soldiers",
  "troops",
  "military",
  "army",
  "court",
  "ruling",
  "complaint",
  "lawsuit",
  "indictment",
  "team",
  "everyone",
  "nobody",
  "someone",
  "anyone",
  "several",
  "few",
  "one",
  "two",
  "three",
  "all",
]);

/**
 * Verbs (and adjectives) that take a cue in the infinitive: "continued to complain",
 * "declined to say", "was quick to add", "would be able to claim".
 */
export const CATENATIVES: ReadonlySet<string> = new Set([
  "continue",
  "continues",
  "continued",
  "begin",
  "begins",
  "began",
  "start",
  "starts",
  "started",
  "try",
  "tries",
  "tried",
  "want",
  "wants",
  "wanted",
  "decide",
  "decides",
  "decided",
  "refuse",
  "refuses",
  "refused",
  "decline",
  "declines",
  "declined",
  "seem",
  "seems",
  "seemed",
  "appear",
  "appears",
  "appeared",
  "go",
  "went",
  "able",
  "unable",
  "quick",
  "eager",
  "ready",
  "reluctant",
  "willing",
]);

/** Words that may stand between a subject and its cue ("has long said", "also told"). */
export const AUX_ADVERBS: ReadonlySet<string> = new Set([
  "also",
  "has",
  "have",
  "had",
  "is",
  "was",
  "were",
  "are",
  "will",
  "would",
  "could",
  "can",
  "may",
  "might",
  "should",
  "did",
  "does",
  "do",
  "later",
  "then",
  "repeatedly",
  "previously",
  "once",
  "long",
  "recently",
  "just",
  "again",
  "often",
  "never",
  "not",
  "n't",
  "still",
  "already",
  "first",
  "publicly",
  "privately",
  "reportedly",
  "quickly",
  "flatly",
  "simply",
  "now",
  "further",
  "even",
  "earlier",
  "been",
  "being",
  "be",
  "always",
  "frequently",
  "openly",
  "angrily",
  "bluntly",
  "told",
  "herself",
  "himself",
  "themselves",
  "itself",
  "finally",
  "initially",
  "subsequently",
  "separately",
  "likewise",
  "similarly",
  "too",
  "all",
  "both",
  "each",
  "only",
  "clearly",
  "has",
  "had",
  "ha",
  "also",
  "immediately",
  "mostly",
  "largely",
  "however",
  "apparently",
  "shall",
  "must",
  "must've",
  "didn't",
  "doesn't",
  "don't",
  "hasn't",
  "haven't",
  "won't",
  "wouldn't",
  "couldn't",
  "can't",
  "isn't",
  "wasn't",
  "didn’t",
  "doesn’t",
  "don’t",
  "hasn’t",
  "haven’t",
  "won’t",
  "wouldn’t",
  "couldn’t",
  "can’t",
]);

const DETERMINERS = new Set([
  ...DETERMINERS_CORE,
  "this",
  "that",
  "these",
  "those",
  "my",
  "your",
  "some",
  "many",
  "most",
  "several",
  "other",
  "others",
  "another",
  "one",
  "two",
  "three",
  "four",
  "five",
  "both",
  "all",
  "few",
  "no",
  "each",
  "every",
  "any",
  "such",
  "top",
  "senior",
  "former",
  "local",
  "federal",
  "state",
]);

/** Words that never belong to a speaker phrase. */
const NP_STOP = new Set([
  "until",
  "unless",
  "whereas",
  "that",
  "which",
  "when",
  "while",
  "because",
  "but",
  "if",
  "as",
  "after",
  "before",
  "since",
  "although",
  "though",
  "so",
  "where",
  "whether",
  "or",
  "than",
  "then",
  "said",
  "says",
  "say",
  "is",
  "was",
  "are",
  "were",
  "be",
  "been",
  "has",
  "have",
  "had",
  "will",
  "would",
  "not",
  "to",
  "by",
  "with",
  "into",
  "about",
  "over",
  "against",
  "also",
  "however",
  "and",
  "nor",
  "yet",
  "do",
  "does",
  "did",
  "could",
  "should",
  "can",
  "may",
  "might",
  "must",
  "why",
  "how",
  "what",
  "in",
  "on",
  "at",
  "from",
  "during",
  "after",
  "says",
  "it’s",
  "it's",
  "there",
  "here",
]);

/** What a noun phrase next to a cue looks like. */
export interface NounPhrase {
  /** Index of the first token. */
  first: number;
  /** Index of the last token (inclusive). */
  last: number;
}

/**
 * Whether the tokens `[first, last]` can be a speaker: a pronoun, a name, or a common noun
 * phrase headed by a speaker noun ("a spokesman for the campaign", "officials").
 *
 * @param tokens
 *   Tokens.
 * @param first
 *   First token index.
 * @param last
 *   Last token index (inclusive).
 * @returns
 *   Whether it is a plausible speaker.
 */
export function plausibleSpeaker(tokens: readonly Token[], first: number, last: number): boolean {
  if (first > last || last - first > 14) return false;
  const head = tokens[first];
  if (!head) return false;
  if (first === last && PRONOUNS.has(head.lower)) return true;
  // "Today", "On Monday": time, not a speaker
  let timeOnly = true;
  let hasName = false;
  let hasNoun = false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i];
    if (!t) return false;
    const info = wordInfo(t.lower);
    if (!info?.timeNoun) timeOnly = false;
    if (t.type !== "word") continue;
    if (t.upper && !(i === first && info?.determiner)) hasName = true;
    const bare = withoutPossessive(t.lower);
    if ((bare === t.lower ? info : wordInfo(bare))?.speakerNoun) hasNoun = true;
    // "four in 10", "61 percent", "nearly half"
    if (startsWithDigit(t.text) || info?.quantity) hasNoun = true;
  }
  if (timeOnly) return false;
  if (hasName || hasNoun) return true;
  return DETERMINERS.has(head.lower) && last - first <= 5;
}

/**
 * The subject before a cue: walk back from `cue - 1` over auxiliaries and adverbs
 * ("has long"), then over the noun phrase, skipping appositives ("Hugh Hill, a doctor,")
 * and parentheticals ("(R-SC)").
 *
 * @param tokens
 *   The sentence's tokens.
 * @param cue
 *   Index of the cue's first token.
 * @param floor
 *   Lowest index the phrase may start at.
 * @param depth
 *   How many parentheticals were skipped already (bounded).
 * @returns
 *   The noun phrase, or `undefined` when there is none.
 */
export function subjectBefore(
  tokens: readonly Token[],
  cue: number,
  floor: number,
  depth = 0,
): NounPhrase | undefined {
  // "Ortiz continued to complain that …": the subject of the verb before "to"
  if (
    tokenAt(tokens, cue - 1)?.lower === "to" &&
    CATENATIVES.has(tokenAt(tokens, cue - 2)?.lower ?? "") &&
    depth < 2
  )
    return subjectBefore(tokens, cue - 2, floor, depth + 1);
  let i = cue - 1;
  for (let steps = 0; i >= floor && steps < 5; steps++) {
    const w = tokens[i];
    const info = w?.type === "word" ? wordInfo(w.lower) : undefined;
    if (
      !info ||
      !(
        info.auxAdverb ||
        // "Ted Cruz on Wednesday announced", "Democrats … in November say"
        (info.timeNoun && i > floor && tokens[i - 1]?.type === "word") ||
        (info.timeLead && wordInfo(tokens[i + 1]?.lower ?? "")?.timeNoun)
      )
    )
      break;
    i--;
  }
  if (i < floor) return undefined;
  let t = tokens[i];
  if (!t) return undefined;
  // a parenthetical between dashes: "Jason Sims — a teacher from Ohio — says",
  // "Ruth Ginsburg -- who … -- said"
  if (isDash(tokens, i) && depth < 2) {
    const open = openingDash(tokens, i, floor);
    if (open > floor) {
      const inner = subjectBefore(tokens, open, floor, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  // appositives: NAME , a doctor , said
  let appositives = 0;
  let nameAppositive: NounPhrase | undefined;
  while (t && t.text === "," && appositives < 3) {
    let j = i - 1;
    let k = 0;
    while (
      j >= floor &&
      k < 22 &&
      tokens[j]?.text !== "," &&
      tokens[j]?.text !== "." &&
      tokens[j]?.text !== ";"
    ) {
      j--;
      k++;
    }
    if (j < floor || tokens[j]?.text !== ",") return undefined;
    // "the mayor, Ana Ortiz, said": the name in the appositive
    if (j + 1 < i && allNames(tokens, j + 1, i - 1)) nameAppositive = { first: j + 1, last: i - 1 };
    i = j - 1;
    t = tokens[i];
    appositives++;
    // "Marley Anderson, 21, a junior …": an age between commas
    if (t && /^\d+$/.test(t.text) && tokenAt(tokens, i - 1)?.text === ",") {
      i -= 2;
      t = tokens[i];
    }
  }
  if (!t || i < floor) return undefined;
  const last = i;
  if (nameAppositive && appositives === 1) {
    const head = depth < 2 ? subjectBefore(tokens, i + 1, floor, depth + 1) : undefined;
    if (head && !hasUpper(tokens, head.first, head.last))
      return { first: head.first, last: nameAppositive.last };
  }
  if (
    t.type === "word" &&
    (PRONOUNS.has(t.lower) || t.lower === "that") &&
    (t.lower !== "that" || tokenAt(tokens, i - 1)?.text === ",")
  ) {
    if (t.lower === "that") return undefined;
    return { first: i, last: i };
  }
  if (t.type === "punct" && t.text !== ")") return undefined;
  let first = i + 1;
  let count = 0;
  while (i >= floor && count < 10) {
    const u = tokens[i];
    if (!u) break;
    if (u.text === ")") {
      // a parenthetical "(R-SC)"
      let j = i - 1;
      while (j >= floor && j > i - 8 && tokens[j]?.text !== "(") j--;
      if (tokenAt(tokens, j)?.text !== "(") break;
      i = j - 1;
      first = j;
      count++;
      continue;
    }
    if (u.type === "punct" && u.text !== "&" && u.text !== "-") break;
    const info = u.type === "word" ? wordInfo(u.lower) : undefined;
    if (info?.npStop && !(u.upper && i > floor)) {
      // "aides to Clinton", "officials in Washington": a preposition after a speaker noun
      const before = tokenAt(tokens, i - 1);
      const numeric =
        u.lower === "in" &&
        before &&
        (startsWithDigit(before.text) || QUANTITIES.has(before.lower));
      if (
        !numeric &&
        !(
          PLACE_PREPOSITIONS.has(u.lower) &&
          before &&
          SPEAKER_NOUNS.has(before.lower) &&
          i - 1 >= floor
        )
      )
        break;
    }
    if (info?.pronoun && i !== last) break;
    // a lower-case word ("a Democratic staffer in the room"): adjectives before a noun are
    // fine, not a participle or an adverb
    if (
      u.type === "word" &&
      !u.upper &&
      count > 0 &&
      !info?.determiner &&
      !info?.speakerNoun &&
      /(?:ed|ing|ly)$/.test(u.lower)
    )
      break;
    first = i;
    count++;
    if (info?.determiner && !u.upper && count > 1) break;
    i--;
  }
  // trim leading connectors
  while (first <= last && PHRASE_JOINERS.has(tokens[first]?.lower ?? "")) first++;
  if (first > last) return undefined;
  // "Clinton, during a meeting in Columbus, Ohio, said": a phrase after a preposition is
  // part of a parenthetical; the subject is before it
  const before = tokenAt(tokens, first - 1);
  if (depth < 2 && appositives > 0 && before?.type === "word" && PREPOSITIONS.has(before.lower)) {
    for (let c = first - 2; c >= floor && c >= first - 14; c--) {
      if (tokens[c]?.text === ",") return subjectBefore(tokens, c, floor, depth + 1);
      if (tokens[c]?.type === "punct") break;
    }
  }
  if (!plausibleSpeaker(tokens, first, last)) return undefined;
  return { first, last };
}

/** Whether token `i` is a dash: — or –, or a hyphen standing alone or doubled (" - ", " -- "). */
function isDash(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.type !== "punct") return false;
  if (t.text === "—" || t.text === "–") return true;
  if (t.text !== "-") return false;
  const prev = tokenAt(tokens, i - 1);
  const next = tokens[i + 1];
  const spacedBefore = !prev || prev.end < t.start || (prev.text === "-" && prev.end === t.start);
  const spacedAfter = !next || next.start > t.end || (next.text === "-" && next.start === t.end);
  return spacedBefore && spacedAfter;
}

/**
 * The first token of the dash that opens the parenthetical closed by the dash at `close`
 * (at most 30 tokens back, no sentence punctuation between), or -1.
 */
function openingDash(tokens: readonly Token[], close: number, floor: number): number {
  let k = close - 1;
  // "--": both hyphens close it
  if (tokens[k]?.text === "-" && tokens[k]?.end === tokens[close]?.start) k--;
  for (; k >= floor && k >= close - 30; k--) {
    const u = tokens[k];
    if (!u) return -1;
    if (u.text === "." || u.text === ";" || u.text === ":" || u.text === "?" || u.text === "!")
      return -1;
    if (isDash(tokens, k)) {
      // "--": start at its first hyphen
      if (tokenAt(tokens, k - 1)?.text === "-" && tokenAt(tokens, k - 1)?.end === u.start) k--;
      return k;
    }
  }
  return -1;
}

/**
 * The speaker after a cue ("said Sen. Tom Udall of New Mexico, who ..."): names, titles,
 * "of"/"for" phrases, up to a comma, a period or a relative pronoun.
 *
 * @param tokens
 *   Tokens.
 * @param from
 *   Index of the first token after the cue.
 * @param max
 *   Largest number of tokens to take.
 * @returns
 *   The noun phrase, or `undefined`.
 */
export function speakerAfter(
  tokens: readonly Token[],
  from: number,
  max = 10,
): NounPhrase | undefined {
  let i = from;
  const head = tokens[from];
  if (!head || (head.type === "word" && NP_STOP.has(head.lower))) return undefined;
  const end = Math.min(tokens.length, from + max);
  while (i < end) {
    const t = tokens[i];
    if (!t) break;
    if (t.type === "punct" && t.text !== "&" && t.text !== "-" && t.text !== "'" && t.text !== "’")
      break;
    if (t.type === "word" && i > from && NP_STOP.has(t.lower) && !t.upper) break;
    if (t.type === "word" && RELATIVE_PRONOUNS.has(t.lower)) break;
    if (t.type === "word" && i > from && !t.upper && /(?:ed|ing)$/.test(t.lower)) break;
    i++;
  }
  if (i === from) return undefined;
  const np = { first: from, last: i - 1 };
  // a time word right after the cue is not a speaker ("said Tuesday")
  if (plausibleSpeaker(tokens, np.first, np.last)) return np;
  return undefined;
}

/** Quantity words that head a speaker phrase in polls ("nearly half said", "61 percent say"). */
const QUANTITIES = new Set([
  "half",
  "third",
  "thirds",
  "quarter",
  "quarters",
  "percent",
  "majority",
  "minority",
  "plurality",
  "most",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
]);

const TIME_NOUNS = new Set([
  "today",
  "yesterday",
  "tonight",
  "tomorrow",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  ...MONTH_WORDS,
  "on",
  "last",
  "this",
  "next",
  "week",
  "month",
  "year",
  "earlier",
  "later",
  "now",
]);

/** Title words that modify another title rather than start a name ("Vice President", "Prime Minister"). */
const TITLE_MODIFIERS = new Set(["vice", "prime", "former", "chief", "lt.", "deputy", "acting"]);

const PREPOSITIONS = new Set([
  "in",
  "at",
  "on",
  "during",
  "from",
  "near",
  "outside",
  "inside",
  "after",
  "before",
  "since",
  "across",
  "throughout",
]);

const NUMBER_WORDS = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "twenty",
  "thirty",
  "hundred",
  "hundreds",
  "thousands",
  "dozens",
  "several",
]);

/** Coordinating conjunctions that can open a sentence ("But the mayor …"). */
const SENTENCE_CONJUNCTIONS = new Set(["and", "but", "so", "yet", "or", "then"]);

/** Conjunctions that open a subordinate clause with its own subject ("When the mayor …"). */
export const SUBORDINATE_LEADS: ReadonlySet<string> = new Set([
  "when",
  "after",
  "before",
  "as",
  "while",
  "if",
  "because",
  "since",
  "once",
  "although",
  "though",
]);

const LEADING_ADVERBIALS = new Set([
  "likewise",
  "moreover",
  "furthermore",
  "nevertheless",
  "nonetheless",
  "indeed",
  "otherwise",
  "besides",
  "additionally",
  "in",
  "on",
  "at",
  "after",
  "before",
  "when",
  "while",
  "as",
  "during",
  "speaking",
  "asked",
  "earlier",
  "later",
  "still",
  "but",
  "and",
  "so",
  "yet",
  "however",
  "meanwhile",
  "since",
  "although",
  "though",
  "if",
  "with",
  "for",
  "from",
  "by",
  "instead",
  "then",
  "now",
  "last",
  "this",
  "despite",
  "throughout",
  "addressing",
  "writing",
  "appearing",
  "responding",
  "of",
  "to",
  "once",
  "even",
  "also",
  "moments",
  "minutes",
  "hours",
  "days",
]);

/**
 * The subject of a sentence's main clause, for a cue with no subject of its own
 * ("…, saying that …", "… and said …"): the noun phrase that opens the sentence, after a
 * leading adverbial ("On Sunday, Mr. Trump …").
 *
 * @param tokens
 *   The sentence's tokens.
 * @param before
 *   Index the subject must end before.
 * @returns
 *   The noun phrase, or `undefined`.
 */
export function sentenceSubject(tokens: readonly Token[], before: number): NounPhrase | undefined {
  // "But Sen. Pat Toomey …": a conjunction that opens the sentence needs no comma
  let lead = 0;
  while (lead < before && lead < 2 && SENTENCE_CONJUNCTIONS.has(tokens[lead]?.lower ?? "")) lead++;
  let i = lead;
  const first = tokens[lead];
  if (
    first &&
    first.type === "word" &&
    (LEADING_ADVERBIALS.has(first.lower) ||
      /^\p{Lu}\p{Ll}+ing$/u.test(first.text) ||
      // "Likewise, …", "Separately, …": a sentence adverb before a comma
      (/^\p{Lu}\p{Ll}+ly$/u.test(first.text) && tokens[lead + 1]?.text === ",") ||
      NUMBER_WORDS.has(first.lower) ||
      /^\d/.test(first.text))
  ) {
    let k = lead + 1;
    while (k < before && k < lead + 30 && tokens[k]?.text !== ",") k++;
    if (tokens[k]?.text === ",") i = k + 1;
    // "When the mayor mentioned the flood and said …": the cue is inside the subordinate
    // clause, whose subject follows its conjunction
    else if (SUBORDINATE_LEADS.has(first.lower) && k >= before) i = lead + 1;
    else return undefined;
  }
  while (
    i < before &&
    tokens[i]?.type === "word" &&
    CLAUSE_CONJUNCTIONS.has(tokens[i]?.lower ?? "")
  )
    i++;
  const start = i;
  let last = -1;
  while (i < before && i < start + 10) {
    const t = tokens[i];
    if (!t) break;
    if (t.type === "punct") {
      if (t.text === "(") {
        let j = i + 1;
        while (j < before && j < i + 8 && tokens[j]?.text !== ")") j++;
        if (tokens[j]?.text !== ")") break;
        last = j;
        i = j + 1;
        continue;
      }
      if (t.text === "-" || t.text === "&") {
        i++;
        continue;
      }
      break;
    }
    if (t.lower === "there" || t.lower === "here") return undefined;
    const info = wordInfo(t.lower);
    if (info?.pronoun && i === start) return { first: i, last: i };
    if (t.upper || info?.determiner || info?.speakerNoun || t.lower === "of" || t.lower === "for") {
      last = i;
      i++;
      continue;
    }
    break;
  }
  while (last >= start && OF_FOR.has(tokens[last]?.lower ?? "")) last--;
  if (last < start) return undefined;
  if (!plausibleSpeaker(tokens, start, last)) return undefined;
  return { first: start, last };
}

function allNames(tokens: readonly Token[], first: number, last: number): boolean {
  if (last - first > 4) return false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (t?.type !== "word" || !t.upper || DETERMINERS.has(t.lower)) return false;
  }
  return true;
}

function hasUpper(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (t?.type === "word" && t.upper && !DETERMINERS.has(t.lower)) return true;
  }
  return false;
}

/** A name mentioned in the article. */
export interface Entity {
  /** Full name without titles ("Lindsey Graham"). */
  name: string;
  /** Lower-case words of the name. */
  words: string[];
  /** Person or Organization when known. */
  type: SpeakerType | undefined;
  /** Lower-case titles seen with it ("senator"), each once (a new array for each new one). */
  titles: readonly string[];
  /** "m", "f" when known from a title or a pronoun. */
  gender: "m" | "f" | undefined;
  /** Order of the last mention. */
  last: number;
  /** Order of the last time it was a claim's speaker (-1 when never). */
  lastSpoke: number;
}

/** The resolved speaker of a mention. */
export interface Resolved {
  /** Full name. */
  name: string;
  /** Type when known. */
  type?: SpeakerType;
  /** The entity, when resolved to one. */
  entity?: Entity;
}

const SENTENCE_START_WORDS = new Set([
  "nearly",
  "about",
  "almost",
  "more",
  "fewer",
  "only",
  "roughly",
  "around",
  "over",
  "under",
  "just",
  "the",
  "a",
  "an",
  "but",
  "and",
  "in",
  "on",
  "at",
  "for",
  "if",
  "when",
  "while",
  "as",
  "after",
  "before",
  "this",
  "that",
  "these",
  "those",
  "it",
  "he",
  "she",
  "they",
  "we",
  "i",
  "you",
  "his",
  "her",
  "their",
  "our",
  "its",
  "there",
  "here",
  "what",
  "who",
  "why",
  "how",
  "so",
  "yet",
  "still",
  "now",
  "then",
  "also",
  "meanwhile",
  "however",
  "by",
  "with",
  "from",
  "to",
  "of",
  "during",
  "since",
  "although",
  "though",
  "despite",
  "because",
  "even",
  "all",
  "some",
  "many",
  "most",
  "one",
  "two",
  "no",
  "not",
  "both",
  "according",
  "asked",
  "follow",
  "watch",
  "read",
  "click",
  ...DAY_WORDS,
  "last",
  "next",
  ...MONTH_WORDS,
  "mr.",
  "mrs.",
  "ms.",
  "dr.",
  "earlier",
  "later",
  "instead",
  "indeed",
  "yes",
  "well",
  "just",
  "more",
  "after",
  "every",
  "each",
  "any",
  "other",
  "another",
  "such",
  "only",
  "my",
  "your",
  "of",
  "note",
  "update",
]);

/** Whether a word starts with a digit 0-9 (what `/^\d/` tests, without a regular expression). */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** "Trump's" → "Trump" (no regular expression: this runs for every name). */
function withoutPossessive(word: string): string {
  const n = word.length;
  if (n < 3) return word;
  const last = word.charCodeAt(n - 1);
  if (last !== 115 /* s */) return word;
  const mark = word.charCodeAt(n - 2);
  return mark === 39 || mark === 0x2019 ? word.slice(0, n - 2) : word;
}

/**
 * The word lists of this module a lower-case word is in, in one record: the registry and
 * the subject readers ask one table per word instead of one set per list.
 */
interface WordInfo {
  /** Its title, when one of the {@link TITLES} ("sen." → "senator"). */
  title: string | undefined;
  /** One of the {@link TITLE_MODIFIERS} ("vice", "former"). */
  titleModifier: boolean;
  /** One of the {@link DETERMINERS}. */
  determiner: boolean;
  /** One of the {@link SENTENCE_START_WORDS}. */
  startWord: boolean;
  /** One of the {@link ORG_WORDS}. */
  org: boolean;
  /** One of the {@link AUX_ADVERBS}. */
  auxAdverb: boolean;
  /** One of the {@link TIME_NOUNS}. */
  timeNoun: boolean;
  /** One of the {@link TIME_LEADS}. */
  timeLead: boolean;
  /** One of the {@link NP_STOP} words. */
  npStop: boolean;
  /** One of the {@link PRONOUNS}. */
  pronoun: boolean;
  /** One of the {@link SPEAKER_NOUNS}. */
  speakerNoun: boolean;
  /** One of the {@link QUANTITIES}. */
  quantity: boolean;
}

let wordInfos: Map<string, WordInfo> | undefined;

/** Build {@link wordInfos}. */
function buildWordInfos(): Map<string, WordInfo> {
  const map = new Map<string, WordInfo>();
  const entry = (w: string) => {
    let e = map.get(w);
    if (!e) {
      e = {
        title: undefined,
        titleModifier: false,
        determiner: false,
        startWord: false,
        org: false,
        auxAdverb: false,
        timeNoun: false,
        timeLead: false,
        npStop: false,
        pronoun: false,
        speakerNoun: false,
        quantity: false,
      };
      map.set(w, e);
    }
    return e;
  };
  for (const [w, title] of TITLES) entry(w).title = title;
  for (const w of TITLE_MODIFIERS) entry(w).titleModifier = true;
  for (const w of DETERMINERS) entry(w).determiner = true;
  for (const w of SENTENCE_START_WORDS) entry(w).startWord = true;
  for (const w of ORG_WORDS) entry(w).org = true;
  for (const w of AUX_ADVERBS) entry(w).auxAdverb = true;
  for (const w of TIME_NOUNS) entry(w).timeNoun = true;
  for (const w of TIME_LEADS) entry(w).timeLead = true;
  for (const w of NP_STOP) entry(w).npStop = true;
  for (const w of PRONOUNS) entry(w).pronoun = true;
  for (const w of SPEAKER_NOUNS) entry(w).speakerNoun = true;
  for (const w of QUANTITIES) entry(w).quantity = true;
  wordInfos = map;
  return map;
}

/**
 * The lists a lower-case word is in.
 *
 * @param lower
 *   A word (or a mark), lower case.
 * @returns
 *   Its record, or `undefined` when it is in none (a plain name word, for instance).
 */
function wordInfo(lower: string): WordInfo | undefined {
  return (wordInfos ?? buildWordInfos()).get(lower);
}

/**
 * Whether a capitalised word that opens a sentence, with no capitalised word after it,
 * names nothing (the registry reads a title, "The", a determiner or a sentence opener there
 * as no name).
 *
 * @param lower
 *   The word, lower case.
 * @returns
 *   Whether registering it alone finds no name.
 */
export function namesNothingAlone(lower: string): boolean {
  const info = wordInfo(lower);
  return (
    info !== undefined &&
    (info.title !== undefined || lower === "the" || info.determiner || info.startWord)
  );
}

/** Title words that do not make a name a person's by themselves. */
const NON_PERSON_TITLES = new Set(["former", "candidate", "chief"]);

/** How many of the latest entities resolution looks at (keeps it linear in the article). */
const RECENT = 256;

/** Length of the longest connector (a longer word needs no lookup). */
const MAX_CONNECTOR = Math.max(...Array.from(NAME_CONNECTORS, (w) => w.length));

/**
 * Whether a connector joins the capitalised words around it into one name: not before a
 * day or a month ("Tom Brandt on Monday", "the Bank of England in March" aside, "Jane
 * Doe of January" is no name). (Splitting after a person's full name, "Tom Udall of New
 * Mexico", was tried: it broke organisations such as "Securities and Exchange
 * Commission" and made "he" resolve to the employer of "Jack Kirnan of Kidder Peabody".)
 */
function joinsName(next: Token): boolean {
  return !CALENDAR_WORDS.has(next.lower);
}

/** Days and months: a capitalised word after "on"/"of" that no name goes on with. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set([...DAY_WORDS, ...MONTH_WORDS]);

/**
 * Whether a capitalised "Federal" or "State" starts an institution's name inside a
 * sentence: "Federal" before any capitalised word ("the Federal Aviation
 * Administration"), "State" before an organisation's word ("the State Department"; not
 * "secretary of State Clinton"). At a sentence's start ("State officials said") it stays
 * a determiner.
 */
function namesInstitution(word: Token, tokens: readonly Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (next?.upper !== true || opensSentence(tokens, at)) return false;
  if (word.lower === "federal") return true;
  return word.lower === "state" && wordInfo(next.lower)?.org === true;
}

/** Whether a lower-case word joins the words of a name ("Bank of America", "van Gogh"). */
export function isNameConnector(lower: string): boolean {
  return lower.length <= MAX_CONNECTOR && NAME_CONNECTORS.has(lower);
}

/**
 * Whether a word is an acronym: a capital A-Z, then capitals, periods and ampersands
 * only, two capitals at least ("FBI", "U.S.", "AT&T"). A loop, not a regular expression:
 * this runs for every name.
 */
function isAcronym(word: string): boolean {
  if (word.length < 2) return false;
  let capitals = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) capitals++;
    else if (k === 0 || (c !== 46 && c !== 38)) return false;
  }
  return capitals >= 2;
}

/** Guess the type of a name from its words. */
export function typeOfName(
  words: readonly string[],
  original: readonly string[],
): SpeakerType | undefined {
  let org = false;
  for (let w = 0; w < words.length && !org; w++) org = ORG_WORDS.has(words[w] as string);
  return nameType(org, original.length > 0 && original.every(isAcronym), words.length);
}

/**
 * The type of a name of `count` words, knowing whether one of them is one of the
 * {@link ORG_WORDS} and whether all of them are acronyms.
 */
function nameType(org: boolean, acronyms: boolean, count: number): SpeakerType | undefined {
  if (org || acronyms) return "Organization";
  return count >= 2 ? "Person" : undefined;
}

const NO_TITLES: readonly string[] = [];

/** Note a title seen with an entity; a gendered title ("Mrs.") tells its gender. */
function addTitle(entity: Entity, title: string): void {
  // most entities never have a title: they share one empty array
  if (!entity.titles.includes(title))
    entity.titles = entity.titles.length === 0 ? [title] : [...entity.titles, title];
  if (FEMALE.has(title)) entity.gender = "f";
  if (MALE.has(title)) entity.gender = "m";
}

/** Whether a pronoun can refer to an entity. */
function compatibleWith(
  e: Entity,
  pronoun: string,
  wantOrg: boolean,
  gender: string | undefined,
): boolean {
  return wantOrg
    ? e.type === "Organization"
    : pronoun === "they" || pronoun === "we"
      ? e.type === "Organization"
      : e.type !== "Organization" && (e.gender === undefined || e.gender === gender);
}

/** The text of a mention: its words joined by spaces. */
function mentionText(words: readonly Token[]): string {
  return words.length === 1 ? (words[0] as Token).text : words.map((t) => t.text).join(" ");
}

/** What the registry knows of one lower-case word. */
interface WordEntry {
  /** The entity whose name is this word alone. */
  exact: Entity | undefined;
  /** Indices into the entities of those with this word, in order (for short forms). */
  with: number[];
}

/** Whether the run of capitalised words at `i` opens a sentence (or a quote). */
function opensSentence(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1];
  if (prev === undefined) return false;
  const t = prev.text;
  return t === "." || t === "?" || t === "!" || t === "“" || t === '"';
}

/**
 * The names of the article, in the order they are mentioned, and the speakers seen so far.
 * `order` values are `paragraph * 1e9 + offset`.
 */
export class SpeakerRegistry {
  /** Every entity, in order of first mention. */
  readonly entities: Entity[] = [];
  /** The entities of several words by their key (lower-case words joined by spaces). */
  private readonly byKey = new Map<string, Entity>();
  /**
   * For each lower-case word: the entity of that one word, and every entity with the word
   * (one lookup serves both questions for a one-word name, the common case).
   */
  private readonly byWord = new Map<string, WordEntry>();
  private readonly excluded: Set<string>;
  /** The entities looked at when resolving (the most recently added ones). */
  private recentStart(): number {
    return Math.max(0, this.entities.length - RECENT);
  }

  private readonly scratchTitles: string[] = [];
  private readonly scratchWords: Token[] = [];
  /** The words' entries of the name being added (see `add`): only the name's first count. */
  private readonly scratchEntries: (WordEntry | undefined)[] = [];
  /** The lower-case words of the name being added (see `add`): only the name's first count. */
  private readonly scratchLowers: string[] = [];

  /** The most recent claim speaker (for carrying a speaker over). */
  lastSpeaker: { resolved: Resolved; order: number } | undefined;

  /**
   * @param authors
   *   Byline names, never registered as speakers by their mention alone.
   */
  constructor(authors: readonly string[] = []) {
    this.excluded = new Set(authors.map((a) => a.toLowerCase()));
  }

  /** Token runs waiting to be registered, in order (see {@link registerNames}). */
  private readonly pending: (readonly Token[])[] = [];
  /** The `orderBase` of each run in {@link pending}. */
  private readonly pendingOrder: number[] = [];

  /**
   * Register the capitalised names in some tokens (outside quotes). Lazily: the names are
   * read, in order, when the registry is next asked something, so an article's text after
   * its last claim is never read for names. The tokens must not change meanwhile.
   *
   * @param tokens
   *   Tokens of a stretch of text.
   * @param orderBase
   *   `paragraph * 1e9`.
   */
  registerNames(tokens: readonly Token[], orderBase: number): void {
    this.pending.push(tokens);
    this.pendingOrder.push(orderBase);
  }

  /** Register what {@link registerNames} was given, in order. */
  private flush(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    const order = this.pendingOrder;
    for (let k = 0; k < pending.length; k++)
      this.registerNow(pending[k] as readonly Token[], order[k] as number);
    pending.length = 0;
    order.length = 0;
  }

  private registerNow(tokens: readonly Token[], orderBase: number): void {
    const n = tokens.length;
    // a run's words and titles, in arrays reused from run to run (`add` copies what it
    // keeps): only the first `count` words count (no emptying for each run)
    const words = this.scratchWords;
    const titles = this.scratchTitles;
    let i = 0;
    while (i < n) {
      // only words are capitalised (`upper` is false for punctuation)
      if (!(tokens[i] as Token).upper) {
        i++;
        continue;
      }
      // collect a run of capitalised words, with connectors between them
      if (titles.length !== 0) titles.length = 0;
      let count = 0;
      // whether a word of the run is one of the ORG_WORDS (connectors never are)
      let org = false;
      let hadThe = false;
      let j = i;
      while (j < n) {
        const u = tokens[j] as Token;
        if (u.type !== "word") break;
        if (u.upper) {
          // one lookup tells whether the word is a title, a determiner, a sentence opener
          // or an organization's word (a word in none of the lists is a plain name word)
          const info = wordInfo(u.lower);
          if (info === undefined) {
            words[count++] = u;
            j++;
            continue;
          }
          const title = info.title;
          if (title && count === 0) titles.push(title);
          else if (title && tokens[j + 1]?.upper && !info.titleModifier) {
            // "Treasury Secretary James Baker": the name starts after the title
            count = 0;
            org = false;
            titles.length = 0;
            titles.push(title);
          } else if (u.lower === "the" && count === 0) hadThe = true;
          else if (
            count === 0 &&
            ((info.determiner && !namesInstitution(u, tokens, j)) ||
              (info.startWord && (j === i || opensSentence(tokens, i))))
          ) {
            // "But", "The": not part of a name
          } else {
            words[count++] = u;
            if (info.org) org = true;
          }
          j++;
          continue;
        }
        if (
          count > 0 &&
          isNameConnector(u.lower) &&
          tokens[j + 1]?.upper &&
          joinsName(tokens[j + 1] as Token)
        ) {
          words[count++] = u;
          j++;
          continue;
        }
        break;
      }
      if (count > 0)
        this.add(words, count, org, titles, hadThe, orderBase + (words[0] as Token).start);
      i = Math.max(j, i + 1);
    }
  }

  /**
   * Register a name: a new entity, or a new mention of a known one.
   *
   * @param original
   *   The name's words: its first `count` tokens.
   * @param count
   *   How many words the name has.
   * @param org
   *   Whether the lower case of one of the words, as written, is one of the
   *   {@link ORG_WORDS} (the bare words of possessives are looked up here).
   * @param titles
   *   The titles before the name.
   * @param hadThe
   *   Whether "the" came before it.
   * @param order
   *   Order of the mention.
   */
  private add(
    original: readonly Token[],
    count: number,
    org: boolean,
    titles: string[],
    hadThe: boolean,
    order: number,
  ): void {
    if (count === 1) {
      // one word (the common case): its lower case is known already, and one lookup finds
      // both the entity of this word and the entities with it (for short forms)
      const only = original[0] as Token;
      const name = withoutPossessive(only.text);
      if (name.length < 2) return;
      const bare = name === only.text;
      const key = bare ? only.lower : name.toLowerCase();
      if (this.excluded.size !== 0 && this.excluded.has(key)) return;
      let entry = this.byWord.get(key);
      let entity = entry?.exact;
      if (!entity) {
        const words = [key];
        // a surname or short form of a known entity refers to it
        const known =
          entry && titles.length === 0 ? this.shortFormAmong(entry.with, words, titles) : undefined;
        if (known) {
          known.last = order;
          return;
        }
        const type = nameType(org || (!bare && ORG_WORDS.has(key)), isAcronym(name), 1);
        entity = this.create(name, words, type, titles, hadThe, order);
        const index = this.entities.length - 1;
        if (entry) {
          entry.exact = entity;
          entry.with.push(index);
        } else {
          entry = { exact: entity, with: [index] };
          this.byWord.set(key, entry);
        }
      }
      this.noteTitles(entity, titles, order);
      return;
    }
    // several words: the name's lower case (from the tokens' lower case: no second pass
    // over the name), built as it goes (cheaper than a join); its words in a reused array
    const lowers = this.scratchLowers;
    // each word's entry: a name with a word never seen is new (no lookup of its key)
    const entries = this.scratchEntries;
    let allSeen = true;
    let acronyms = true;
    let key = "";
    for (let w = 0; w < count; w++) {
      const t = original[w] as Token;
      const bare = withoutPossessive(t.text);
      let lower = t.lower;
      if (bare !== t.text) {
        lower = bare.toLowerCase();
        if (!org) org = ORG_WORDS.has(lower);
      }
      lowers[w] = lower;
      key = w === 0 ? lower : `${key} ${lower}`;
      const entry = this.byWord.get(lower);
      entries[w] = entry;
      if (entry === undefined) allSeen = false;
    }
    if (this.excluded.size !== 0 && this.excluded.has(key)) return;
    let entity = allSeen ? this.byKey.get(key) : undefined;
    if (!entity) {
      // a new name: its text without possessives, and its words kept
      let name = "";
      for (let w = 0; w < count; w++) {
        const bare = withoutPossessive((original[w] as Token).text);
        if (acronyms) acronyms = isAcronym(bare);
        name = w === 0 ? bare : `${name} ${bare}`;
      }
      const words = lowers.slice(0, count);
      entity = this.create(name, words, nameType(org, acronyms, count), titles, hadThe, order);
      const index = this.entities.length - 1;
      this.byKey.set(key, entity);
      for (let w = 0; w < count; w++) {
        const word = words[w] as string;
        if (words.indexOf(word) !== w) continue;
        const entry = entries[w];
        if (entry) entry.with.push(index);
        else this.byWord.set(word, { exact: undefined, with: [index] });
      }
    }
    this.noteTitles(entity, titles, order);
  }

  /** A new entity, appended to {@link entities} (the caller indexes it). */
  private create(
    name: string,
    words: string[],
    typed: SpeakerType | undefined,
    titles: readonly string[],
    hadThe: boolean,
    order: number,
  ): Entity {
    const entity: Entity = {
      name,
      words,
      type:
        typed ??
        (titles.some((t) => !NON_PERSON_TITLES.has(t))
          ? "Person"
          : hadThe
            ? "Organization"
            : undefined),
      titles: NO_TITLES,
      gender: undefined,
      last: order,
      lastSpoke: -1,
    };
    this.entities.push(entity);
    return entity;
  }

  /** Note the titles a mention of an entity had, and the mention's order. */
  private noteTitles(entity: Entity, titles: readonly string[], order: number): void {
    for (let k = 0; k < titles.length; k++) {
      const t = titles[k] as string;
      addTitle(entity, t);
      if (!entity.type && t !== "former") entity.type = "Person";
    }
    entity.last = Math.max(entity.last, order);
  }

  /** The entity named exactly by some lower-case words. */
  private exact(words: readonly string[]): Entity | undefined {
    return words.length === 1
      ? this.byWord.get(words[0] as string)?.exact
      : this.byKey.get(words.join(" "));
  }

  private findByShortForm(words: readonly string[], titles: readonly string[]): Entity | undefined {
    // a short form ends with the same word as the full name (or, for an organization,
    // is one of its words): only the entities with that word can match
    const lastWord = words[words.length - 1];
    const entry = lastWord === undefined ? undefined : this.byWord.get(lastWord);
    return entry ? this.shortFormAmong(entry.with, words, titles) : undefined;
  }

  /**
   * The entity a short form refers to, among the candidates (the indices of the entities
   * with the short form's last word, in order).
   */
  private shortFormAmong(
    candidates: readonly number[],
    words: readonly string[],
    titles: readonly string[],
  ): Entity | undefined {
    const lastWord = words[words.length - 1];
    const low = Math.max(0, this.entities.length - RECENT);
    // a name that ends with the short form ("Trump" → "Donald Trump") wins over an
    // organization that merely contains it ("Trump University")
    let best: Entity | undefined;
    let bestContaining: Entity | undefined;
    for (let c = candidates.length - 1; c >= 0; c--) {
      const k = candidates[c] ?? -1;
      if (k < low) break;
      const e = this.entities[k];
      if (!e || e.words.length <= words.length) continue;
      let tail = true;
      const offset = e.words.length - words.length;
      for (let w = 0; w < words.length; w++) {
        if (e.words[offset + w] !== words[w]) {
          tail = false;
          break;
        }
      }
      const containing =
        !tail &&
        e.type === "Organization" &&
        words.length === 1 &&
        e.words.includes(lastWord ?? "");
      if (!tail && !containing) continue;
      if (titles.some((t) => FEMALE.has(t)) && e.gender === "m") continue;
      if (titles.some((t) => MALE.has(t)) && e.gender === "f") continue;
      if (tail) {
        if (!best || e.last > best.last) best = e;
      } else if (!bestContaining || e.last > bestContaining.last) bestContaining = e;
    }
    return best ?? bestContaining;
  }

  /**
   * Resolve a speaker mention to a full name.
   *
   * @param tokens
   *   Tokens of the mention's sentence.
   * @param np
   *   The mention.
   * @param order
   *   Order of the mention.
   * @param antecedent
   *   For "who"/"which": the noun phrase it refers to, resolved.
   * @returns
   *   The resolved speaker.
   */
  resolve(
    tokens: readonly Token[],
    np: NounPhrase,
    order: number,
    antecedent?: Resolved,
  ): Resolved {
    this.flush();
    // one word (a pronoun, a surname: the common case) has its text and lower case already
    const single = np.first === np.last ? tokens[np.first] : undefined;
    if (single && PRONOUNS.has(single.lower)) {
      const lower = single.lower;
      if ((lower === "who" || lower === "which") && antecedent) return antecedent;
      return this.resolvePronoun(lower, order) ?? { name: single.text };
    }
    const mentionWords = tokens.slice(np.first, np.last + 1);
    // "a Reagan administration official", "Helsinki analysts": a common noun heads the
    // phrase; the name only modifies it
    const headWord = mentionWords[mentionWords.length - 1];
    if (
      headWord &&
      headWord.type === "word" &&
      !headWord.upper &&
      (SPEAKER_NOUNS.has(headWord.lower) || ORG_WORDS.has(headWord.lower)) &&
      !mentionWords.some((t) => t.text === "," || t.text === "(") &&
      // "the senator" is resolved by title below
      mentionWords.some((t) => t.type === "word" && t.upper && !DETERMINERS.has(t.lower))
    ) {
      const name = mentionText(mentionWords).replace(/^(?:the|a|an)\s+/i, "");
      const type =
        SPEAKER_NOUNS.has(headWord.lower) && !ORG_WORDS.has(headWord.lower)
          ? "Person"
          : "Organization";
      return { name, type };
    }
    // a name inside the phrase
    let titles: string[] = [];
    let hadThe = false;
    let best: Token[] = [];
    let run: Token[] = [];
    let runTitles: string[] = [];
    for (let i = 0; i < mentionWords.length; i++) {
      const t = mentionWords[i];
      if (!t) continue;
      // one lookup tells whether a word is a title, a determiner or a sentence opener
      const info = t.type === "word" ? wordInfo(t.lower) : undefined;
      const title = info?.title;
      if (t.type === "word" && t.upper) {
        if (title && run.length === 0) {
          runTitles.push(title);
          continue;
        }
        // "Treasury Secretary James Baker": a title inside the run starts the name
        if (title && mentionWords[i + 1]?.upper && !info?.titleModifier) {
          run = [];
          runTitles = [title];
          continue;
        }
        if (t.lower === "the" && run.length === 0) {
          hadThe = true;
          continue;
        }
        if (
          run.length === 0 &&
          (info?.startWord || (info?.determiner && !namesInstitution(t, mentionWords, i)))
        )
          continue;
        run.push(t);
        continue;
      }
      if (
        t.type === "word" &&
        run.length > 0 &&
        isNameConnector(t.lower) &&
        mentionWords[i + 1]?.upper
      ) {
        run.push(t);
        continue;
      }
      if (title !== undefined && run.length === 0) {
        runTitles.push(title);
        continue;
      }
      if (t.lower === "the") hadThe = true;
      if (run.length > best.length) {
        best = run;
        titles = runTitles;
      }
      run = [];
      runTitles = [];
      if (t.type === "punct" && best.length > 0) break;
    }
    if (run.length > best.length) {
      best = run;
      titles = runTitles;
    }
    // "Mrs. Clinton's aides", "Trump's campaign": the head is the noun after the possessive
    const lastName = best.length > 0 ? best[best.length - 1] : undefined;
    const headNoun = mentionWords[mentionWords.length - 1];
    if (
      lastName &&
      headNoun &&
      lastName !== headNoun &&
      /['’]s$/.test(lastName.text) &&
      headNoun.type === "word" &&
      !headNoun.upper
    ) {
      const name = mentionText(mentionWords).replace(/^(?:the|The)\s+/, "");
      const type = ORG_WORDS.has(headNoun.lower)
        ? "Organization"
        : SPEAKER_NOUNS.has(headNoun.lower)
          ? "Person"
          : undefined;
      return type ? { name, type } : { name };
    }
    // "Barbara Mikulski of Maryland": a person's name ends before "of"
    const of = best.findIndex((w) => w.lower === "of");
    if (
      of >= 2 &&
      !best.some((w) => ORG_WORDS.has(w.lower)) &&
      (titles.length > 0 || of === best.length - 2)
    ) {
      best = best.slice(0, of);
    }
    if (best.length > 0) {
      // (a possessive token "'s" alone is never capitalised: no word of `best` is one)
      const original: string[] = [];
      const words: string[] = [];
      for (const w of best) {
        const bare = withoutPossessive(w.text);
        original.push(bare);
        words.push(bare === w.text ? w.lower : bare.toLowerCase());
      }
      const exact = this.exact(words);
      const short = this.findByShortForm(words, titles);
      const entity = short && (!exact || exact.words.length < short.words.length) ? short : exact;
      if (entity) {
        for (const t of titles) addTitle(entity, t);
        if (!entity.type)
          entity.type =
            titles.length > 0 || (!hadThe && mentionWords.length <= 3)
              ? "Person"
              : hadThe
                ? "Organization"
                : "Person";
        const r: Resolved = { name: entity.name, entity };
        if (entity.type) r.type = entity.type;
        return r;
      }
      const type = typeOfName(words, original) ?? (hadThe ? "Organization" : "Person");
      return { name: original.join(" "), type };
    }
    // "the senator": the latest person with that title
    const head = mentionWords[mentionWords.length - 1]?.lower ?? "";
    const title = TITLE_NOUNS.get(head);
    if (title && mentionWords.length <= 3) {
      let found: Entity | undefined;
      const entities = this.entities;
      for (let k = this.recentStart(); k < entities.length; k++) {
        const e = entities[k];
        if (e?.titles.includes(title) && e.last <= order && (!found || e.last > found.last))
          found = e;
      }
      if (found) {
        const r: Resolved = { name: found.name, entity: found };
        if (found.type) r.type = found.type;
        return r;
      }
    }
    // an organization's word anywhere makes it one; else a speaker noun makes a person
    let org = false;
    let person = false;
    for (const t of mentionWords) {
      const info = wordInfo(t.lower);
      if (info?.org) org = true;
      else if (info?.speakerNoun) person = true;
    }
    const type = org ? "Organization" : person ? "Person" : undefined;
    const mention = mentionText(mentionWords);
    const name = mention.replace(/^(?:the|The)\s+/, "");
    return type ? { name: name || mention, type } : { name: name || mention };
  }

  private resolvePronoun(pronoun: string, order: number): Resolved | undefined {
    const wantOrg = pronoun === "it";
    const gender = pronoun === "he" ? "m" : pronoun === "she" ? "f" : undefined;
    if (pronoun === "i" || pronoun === "you") return undefined;
    // "they" after "analysts said": the last speaker when it is a plural common noun
    const lastResolved = this.lastSpeaker?.resolved;
    if (
      (pronoun === "they" || pronoun === "we") &&
      lastResolved &&
      !lastResolved.entity &&
      /s$/.test(lastResolved.name)
    ) {
      return lastResolved;
    }
    // the last speaker, when recent and compatible, wins
    const last = this.lastSpeaker?.resolved.entity;
    let best: Entity | undefined;
    if (
      last &&
      compatibleWith(last, pronoun, wantOrg, gender) &&
      this.lastSpeaker &&
      order - this.lastSpeaker.order < 2e9
    )
      best = last;
    // a known person first, then a name of unknown type (places are names too): the
    // latest mentioned of each, in one pass
    if (!best) {
      let untyped: Entity | undefined;
      const entities = this.entities;
      for (let k = this.recentStart(); k < entities.length; k++) {
        const e = entities[k];
        if (!e || e.last > order || !compatibleWith(e, pronoun, wantOrg, gender)) continue;
        if (e.type !== undefined) {
          if (!best || e.last > best.last) best = e;
        } else if (!wantOrg && (!untyped || e.last > untyped.last)) untyped = e;
      }
      best ??= untyped;
    }
    if (!best) return undefined;
    if (gender && !best.gender) best.gender = gender;
    if (!best.type && !wantOrg && (pronoun === "he" || pronoun === "she")) best.type = "Person";
    const r: Resolved = { name: best.name, entity: best };
    if (best.type) r.type = best.type;
    return r;
  }

  /**
   * Note that a claim was attributed to a resolved speaker.
   *
   * @param resolved
   *   The speaker.
   * @param order
   *   Order of the mention.
   */
  spoke(resolved: Resolved, order: number): void {
    this.flush();
    if (resolved.entity) resolved.entity.lastSpoke = order;
    this.lastSpeaker = { resolved, order };
  }
}
