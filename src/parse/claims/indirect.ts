/**
 * Indirect claims: reported speech and thought without quotation marks.
 * `S said (that) …`, `S told X that …`, `S can confirm that …`, `according to S, …`,
 * `…, S said.` and `…, S said, …`.
 */
import {
  type Attribution,
  attributionAfter,
  type CueMatch,
  cueAt,
  previousSpeaker,
  thatClauseFollows,
  withoutClitic,
} from "./attribution.js";
import type { Draft, Piece } from "./draft.js";
import {
  DETERMINERS_CORE,
  FINITE_VERBS,
  NAME_CONNECTORS,
  NEEDS_THAT,
  REQUEST_VERBS,
  TIME_WORDS_CORE,
} from "./lexicon.js";
import { holdsQuotedPart } from "./marks.js";
import { cuePiece, makeSpeaker, type SentenceView } from "./sentence.js";
import {
  type NounPhrase,
  PRONOUNS,
  SPEAKER_NOUNS,
  type SpeakerRegistry,
  sentenceSubject,
  speakerAfter,
  subjectBefore,
} from "./speakers.js";
import { type Token, tokenAt } from "./tokens.js";

const CLAUSE_SUBJECTS = new Set([
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
  "no",
  "all",
  "any",
  "every",
  "each",
  "both",
  "such",
  "one",
  "two",
  "more",
  "few",
  "several",
  "nobody",
  "everyone",
  "someone",
  "nothing",
  "everything",
  "what",
  "if",
  "whether",
  "my",
  "your",
]);

/** Words that open a reported question. */
const WH_WORDS = new Set(["whether", "if", "what", "how", "why", "who", "when", "where", "which"]);

/**
 * Where a reported question or request after `cue` starts: at the question word
 * (`asked the students if …`, `wondered whether …`) or at the object of a request
 * (`urged [conservatives to unite]`, `asked [leaders to disavow him]`); -1 when none follows.
 */
function requestStart(tokens: readonly Token[], cue: CueMatch, n: number): number {
  const k = cue.last + 1;
  // a passive ("was asked to") or an object-less request has no claim here
  if (PASSIVE_AUX.has(tokenAt(tokens, cue.first - 1)?.lower ?? "")) return -1;
  for (let m = k; m < n && m <= k + 5; m++) {
    const u = tokens[m];
    if (u?.type !== "word") return -1;
    if (WH_WORDS.has(u.lower)) {
      // "asked when the bridge would open"; not "asked, when …" nor "if" + participle
      if (u.lower === "which" && m === k) return -1;
      return cue.lemma === "urge" || cue.lemma === "press" ? -1 : m;
    }
    if (u.lower === "to" && m > k) {
      const verb = tokens[m + 1];
      if (cue.lemma === "wonder" || !verb || verb.type !== "word" || verb.upper) return -1;
      if (!objectPhrase(tokens, k, m - 1)) return -1;
      return k;
    }
    if (u.lower === "that" || u.lower === "about" || u.lower === "for" || FINITE_VERBS.has(u.lower))
      return -1;
  }
  return -1;
}

/** Whether tokens `[first, last]` can be the object of a request: a pronoun, a name or a short noun phrase. */
function objectPhrase(tokens: readonly Token[], first: number, last: number): boolean {
  if (last < first || last - first > 4) return false;
  for (let m = first; m <= last; m++) {
    const u = tokens[m];
    if (u?.type !== "word") return false;
    if (/(?:ed|ing)$/.test(u.lower) && !u.upper) return false;
  }
  return true;
}

/** The subject of a cue: before it, or the sentence's for a participle or a coordinated verb. */
function subjectOf(tokens: readonly Token[], cue: CueMatch): NounPhrase | undefined {
  const own = cue.gerund ? undefined : subjectBefore(tokens, cue.first, 0);
  if (own) return own;
  const prev = tokenAt(tokens, cue.first - 1);
  const coordinated =
    prev &&
    (prev.lower === "and" ||
      prev.lower === "but" ||
      prev.lower === "then" ||
      (cue.gerund && prev.text === ","));
  if (!coordinated) return undefined;
  return sentenceSubject(tokens, cue.first) ?? previousSpeaker(tokens, cue.first);
}

/**
 * Verbs of commitment: `S vowed to …`, `S promised to …` report what S said they would do,
 * so the infinitive is the claim.
 */
const COMMISSIVE = new Set(["vow", "promise", "pledge", "threaten", "swear"]);

/** Whether a subject can make a promise: a pronoun, a name, or a noun for people ("the debate promised to be" is no claim). */
function personLike(tokens: readonly Token[], np: NounPhrase): boolean {
  for (let k = np.first; k <= np.last; k++) {
    const t = tokens[k];
    if (t?.type !== "word") continue;
    if (PRONOUNS.has(t.lower) || SPEAKER_NOUNS.has(t.lower)) return true;
    if (t.upper && !(k === np.first && ARTICLES.has(t.lower))) return true;
  }
  return false;
}

const ARTICLES = new Set(["the", "a", "an", "this", "that", "these", "those"]);

/** Whether a clause with its own verb starts at `m`: a few words, then an auxiliary. */
function finiteClauseAhead(tokens: readonly Token[], m: number): boolean {
  for (let k = m; k < tokens.length && k < m + 6; k++) {
    const t = tokens[k];
    if (t?.type !== "word") return false;
    if (k > m && FINITE_VERBS.has(t.lower)) return true;
    if (k === m && FINITE_VERBS.has(t.lower)) return false;
  }
  return false;
}

const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "of",
  "from",
  "with",
  "to",
  "for",
  "by",
]);
const PURE_TIME = new Set([
  ...TIME_WORDS_CORE,
  "repeatedly",
  "also",
  "publicly",
  "privately",
  "previously",
]);
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "been", "be", "being"]);

const SUBORDINATORS = new Set([
  "while",
  "although",
  "though",
  "as",
  "when",
  "if",
  "because",
  "since",
  "after",
  "before",
  "whereas",
  "once",
  "until",
  "unless",
]);

/** Time words, and the prepositions, articles and settings ("in an interview") around them. */
const TIME_WORDS = new Set([
  ...PURE_TIME,
  "on",
  "in",
  "at",
  "during",
  "after",
  "a",
  "an",
  "the",
  "interview",
  "statement",
  "news",
  "conference",
  "speech",
  "rally",
  "twitter",
  "tuesday's",
]);

/**
 * Words that open a new clause after a comma, ending the reported one: contrast and
 * concession (the writer's voice more often than the speaker's), a new predicate, a
 * participle. Subordinate clauses that modify the reported predicate (`…, when she met him`,
 * `…, because …`, `…, since …`) and relative clauses on a person (`…, who …`) stay inside.
 */
const END_WORDS = new Set([
  "whether",
  "but",
  "while",
  "although",
  "though",
  "whereas",
  "adding",
  "saying",
  "noting",
  "according",
  "arguing",
  "citing",
  "explaining",
  "even",
  "for",
  "despite",
  "so",
  "yet",
  "which",
  "where",
  "though",
  "instead",
  "insisting",
  "warning",
  "calling",
  "telling",
  "asking",
]);

function clauseStartOk(t: Token | undefined): boolean {
  if (t?.type !== "word") return false;
  // he’s, they’re, there’s
  if (CLAUSE_SUBJECTS.has(withoutClitic(t.lower))) return true;
  if (/^\p{Ll}+ing$/u.test(t.text) && t.text.length > 5) return true;
  if (/^\d/.test(t.text)) return true;
  return t.upper && !TIME_WORDS.has(t.lower);
}

/** Pronoun subjects of a new main clause (", and he …"). */
const MAIN_SUBJECTS = new Set(["he", "she", "they", "we", "i"]);

/**
 * Whether a whole clause stands before the "and" at `k` (a few words since the start or the
 * last "that"), so that what follows can be a new clause, not a coordinated subject
 * ("that she and her supporters …").
 */
function clauseBefore(tokens: readonly Token[], from: number, k: number): boolean {
  let start = from;
  for (let m = k - 1; m >= from; m--) {
    if (tokens[m]?.lower === "that") {
      start = m + 1;
      break;
    }
  }
  return k - start >= 3;
}

/** Whether a subject and an indirect cue start at `at` ("one in four said", "others say"). */
function newReport(tokens: readonly Token[], at: number, to: number): boolean {
  // "… but that she …": a second complement of the same cue, not a new report
  if (tokens[at]?.lower === "that") return false;
  for (let m = at + 1; m < to && m <= at + 6; m++) {
    const t = tokens[m];
    if (t?.type !== "word") return false;
    const c = cueAt(tokens, m);
    if (c?.indirect && !c.according && !c.gerund) {
      const subject = subjectBefore(tokens, m, at);
      return subject !== undefined && subject.first === at;
    }
  }
  return false;
}

const SUBORDINATOR_MODIFIERS = new Set([
  "and",
  "but",
  "even",
  "just",
  "only",
  "shortly",
  "soon",
  "long",
  "right",
]);

/**
 * Whether the sentence opens with a subordinate clause that holds the cue at `cue` (no
 * comma between): "After the campaign, on which Trump pledged to spend …, some …".
 */
function openingSubordinate(tokens: readonly Token[], cue: number): boolean {
  let s = 0;
  // "And even after …", "Shortly before …"
  while (s < cue && s < 3 && SUBORDINATOR_MODIFIERS.has(tokens[s]?.lower ?? "")) s++;
  const lead = tokens[s];
  if (lead?.type !== "word" || !SUBORDINATORS.has(lead.lower) || lead.lower === "as") return false;
  // a subordinate clause is short: its comma comes within a few dozen words
  if (cue - s > 40) return false;
  for (let m = s + 1; m < cue; m++) if (tokens[m]?.text === ",") return false;
  return true;
}

/** Relative pronouns that open a clause between commas. */
const NONRESTRICTIVE = new Set(["which", "who", "whom", "whose"]);

/**
 * The closing token of a parenthesis or a pair of dashes opened at `open`, when the clause
 * goes on after it (`he remembers (as do others) the night …`); -1 otherwise.
 */
function insertionEnd(tokens: readonly Token[], open: number, to: number): number {
  const opener = tokens[open]?.text;
  const closer = opener === "(" ? ")" : opener;
  for (let m = open + 1; m < to && m <= open + 25; m++) {
    const u = tokens[m];
    if (!u) return -1;
    if (u.text === closer || (opener !== "(" && (u.text === "—" || u.text === "–"))) {
      // something must follow the insertion inside the clause: a word, not the end
      const next = tokens[m + 1];
      if (m === open + 1 || !next || next.type !== "word") return -1;
      // — and … —: a dash before a coordinated clause is a break, not an insertion
      if (
        opener !== "(" &&
        (tokens[open + 1]?.lower === "and" || tokens[open + 1]?.lower === "but")
      )
        return -1;
      return m;
    }
    if (u.text === "." || u.text === ";" || u.text === "?" || u.text === "!" || u.text === ":")
      return -1;
    if (u.quote) return -1;
  }
  return -1;
}

/**
 * The comma that closes a relative clause opened at `rel` (`…, which include X, are …`),
 * when the reported clause goes on after it with its verb; -1 otherwise.
 */
function relativeEnd(tokens: readonly Token[], rel: number, to: number): number {
  for (let m = rel + 1; m < to && m <= rel + 20; m++) {
    const u = tokens[m];
    if (!u) return -1;
    if (u.type === "punct") {
      if (u.text !== ",") return -1;
      const next = tokens[m + 1];
      return next !== undefined && next.type === "word" && FINITE_VERBS.has(next.lower) ? m : -1;
    }
  }
  return -1;
}

/** Where the reported clause starting at `from` ends (token index, exclusive). */
function clauseEndFrom(
  tokens: readonly Token[],
  from: number,
  to0: number,
  firstComma = false,
  infinitive = false,
): number {
  // a reported clause is a clause: at most 120 tokens
  const to = Math.min(to0, from + 120);
  for (let k = from; k < to; k++) {
    const u = tokens[k];
    if (!u) return k;
    if (u.type === "word") {
      // among the words, only "and" and "but" can end the clause
      if (u.lower !== "and" && u.lower !== "but") continue;
      // "asked X to disavow him and has repeatedly …": a finite verb cannot go on an
      // infinitive, it is the speaker's next predicate
      if (infinitive && k > from && FINITE_VERBS.has(tokens[k + 1]?.lower ?? ""))
        return tokens[k - 1]?.text === "," ? k - 1 : k;
      // "said she regretted it and promised to …"
      if (k > from + 1) {
        const c = cueAt(tokens, k + 1);
        if (c && !c.according && !c.gerund) return tokens[k - 1]?.text === "," ? k - 1 : k;
        // "… and one in four said …": a new speaker's reported clause
        if (clauseBefore(tokens, from, k) && newReport(tokens, k + 1, to))
          return tokens[k - 1]?.text === "," ? k - 1 : k;
        // "…, and he decided …": a new sentence of the writer's joined by a comma and "and"
        if (tokens[k - 1]?.text === "," && MAIN_SUBJECTS.has(tokens[k + 1]?.lower ?? ""))
          return k - 1;
      }
      continue;
    }
    // an insertion inside the clause — (R-Conn.), — as X put it — — is skipped
    if ((u.text === "(" || u.text === "—" || u.text === "–") && k > from) {
      const close = insertionEnd(tokens, k, to);
      if (close > 0) {
        k = close;
        continue;
      }
    }
    if (u.text === ";" || u.text === "—" || u.text === "–" || u.text === "(" || u.text === ":")
      return k;
    if (u.text === "," && k > from) {
      if (firstComma) return k;
      const n = tokens[k + 1];
      // ", which has …, is …": a relative clause between commas inside the clause
      if (n && n.type === "word" && NONRESTRICTIVE.has(n.lower)) {
        const close = relativeEnd(tokens, k + 1, to);
        if (close > 0) {
          k = close;
          continue;
        }
      }
      if (n && n.type === "word" && END_WORDS.has(n.lower)) return k;
      // ", tweeted that …": a new predicate
      const c = cueAt(tokens, k + 1);
      if (c && !c.according) return k;
      // ", and more than 4 in 10 said …": a new reported clause
      if (n && n.lower === "and") {
        for (let m = k + 2; m < to && m < k + 10; m++) {
          const v = cueAt(tokens, m);
          if (v?.indirect) return k;
          if (tokens[m]?.type === "punct") break;
        }
      }
      // ", he said." closing the sentence
      if (n && attributionAfter(tokens, k + 1, Math.min(to, k + 18))) return k;
    }
  }
  let end = to;
  while (end > from && tokens[end - 1]?.type === "punct" && tokens[end - 1]?.text !== ")") end--;
  return end;
}

function draftOf(
  view: SentenceView,
  from: number,
  to: number,
  speaker: NounPhrase | undefined,
  cue: CueMatch,
  registry: SpeakerRegistry,
): Draft | undefined {
  const tokens = view.tokens;
  const a = tokens[from];
  let b = tokens[to - 1];
  if (!a || !b || b.end <= a.start || to - from < 2) return undefined;
  const pieces = [{ paragraph: view.paragraph, from: a.start, to: b.end }];
  // ", he said," inside the reported clause ("The plan, he said, was dead"): the clause is
  // the two pieces around the attribution; before ", adding …" it ends at the attribution.
  // Only speaker-then-cue: after ", said Jane Doe," an appositive often follows (", an
  // expert on …,"), which a comma cannot tell from the clause going on.
  const head = speaker && speaker.first - 2 >= from ? tokens[speaker.first - 2] : undefined;
  const tail = cue.last + 2 < to ? tokens[cue.last + 2] : undefined;
  if (
    speaker !== undefined &&
    speaker.last + 1 === cue.first &&
    head &&
    tail &&
    !APPOSITIVE_STARTS.has(tail.lower) &&
    tokens[speaker.first - 1]?.text === "," &&
    tokens[cue.last + 1]?.text === ","
  ) {
    const piece = pieces[0] as Piece;
    piece.to = head.end;
    if (cueAt(tokens, cue.last + 2)?.gerund !== true) {
      pieces.push({ paragraph: view.paragraph, from: tail.start, to: b.end });
    } else b = head;
  }
  // reported speech that holds a quoted part is a mixed claim
  const words = view.text.slice(a.start, b.end);
  const draft: Draft = {
    kind: holdsQuotedPart(words) ? "mixed" : "indirect",
    pieces,
    speaker: speaker ? makeSpeaker(view, speaker, registry) : undefined,
    cue: cuePiece(view, cue),
    sentence: { paragraph: view.paragraph, index: view.index },
  };
  return draft;
}

/** Words that open an appositive or a relative clause after an attribution's comma. */
const APPOSITIVE_STARTS: ReadonlySet<string> = new Set(["a", "an", ...NONRESTRICTIVE]);

/**
 * Whether token `m` opens a noun phrase after the object before it: an article, or a name
 * after a common word; not after a preposition ("the story of [a man]").
 */
function secondPhraseStarts(tokens: readonly Token[], m: number): boolean {
  const u = tokens[m];
  const before = tokens[m - 1];
  if (u?.type !== "word" || before?.type !== "word" || PREPOSITIONS.has(before.lower)) return false;
  if (u.lower === "the" || u.lower === "a" || u.lower === "an") return true;
  // a name after a common word, not inside the object's own name ("the [SEC]", "the
  // Securities and [Exchange] Commission")
  return (
    u.upper &&
    !before.upper &&
    !DETERMINER_OBJECTS.has(before.lower) &&
    !NAME_CONNECTORS.has(before.lower)
  );
}

/**
 * Whether a finite verb comes within three words from token `from` on, before any
 * relative pronoun (a verb after one is a relative clause's, not a reported clause's).
 */
function finiteSoon(tokens: readonly Token[], from: number, n: number): boolean {
  for (let m = from; m < n && m < from + 3; m++) {
    const u = tokens[m];
    if (u?.type !== "word" || u.lower === "that" || NONRESTRICTIVE.has(u.lower)) return false;
    if (FINITE_VERBS.has(u.lower)) return true;
  }
  return false;
}

/** Whether tokens `from` to `to` (exclusive) overlap none of the `taken` ranges. */
function isFree(
  tokens: readonly Token[],
  taken: readonly [number, number][],
  from: number,
  to: number,
): boolean {
  const a = tokens[from]?.start ?? 0;
  const b = tokens[Math.max(from, to - 1)]?.end ?? 0;
  for (let t = 0; t < taken.length; t++) {
    const r = taken[t] as [number, number];
    if (!(b <= r[0] || a >= r[1])) return false;
  }
  return true;
}

/**
 * Find the indirect claims of a sentence without quotation marks.
 *
 * A sentence without quotes whose lean tokens never stop is not read here, and one whose
 * lean tokens stop is read from the word where they stopped: what a cue needs before it can
 * report (`CueNeed` in the lexicon, `cueMayStart` in the tokens) must stay in step with the
 * rules below (property tests check it).
 *
 * @param view
 *   The sentence.
 * @param registry
 *   Names and speakers so far.
 * @param taken
 *   Paragraph ranges the sentence's quote claims cover (with their cues and speakers):
 *   no indirect claim, cue or clause overlaps them.
 * @param firstCue
 *   Index of the first token whose cue may report something (the word where the lean
 *   tokens stopped: no cue before it reports anything); 0 when not known.
 * @returns
 *   Drafts, in sentence order.
 */
export function indirectClaims(
  view: SentenceView,
  registry: SpeakerRegistry,
  taken: readonly [number, number][] = [],
  firstCue = 0,
): Draft[] {
  const tokens = view.tokens;
  const n = tokens.length;
  if (n < 4 || n > 400) return [];
  const drafts: Draft[] = [];
  let i = 1;
  // According to S, CLAUSE.
  const lead = cueAt(tokens, 0) ?? cueAt(tokens, 1);
  if (lead?.according) {
    const np = speakerAfter(tokens, lead.last + 1, 14);
    let k = np ? np.last + 1 : lead.last + 1;
    while (k < n && tokens[k]?.type === "word" && k < lead.last + 20) k++;
    if (tokens[k]?.text === ",") {
      const end = clauseEndFrom(tokens, k + 1, n);
      const d = isFree(tokens, taken, k + 1, end)
        ? draftOf(view, k + 1, end, np, lead, registry)
        : undefined;
      if (d) drafts.push(d);
      i = end;
    }
  }
  if (i < firstCue) i = firstCue;
  for (; i < n; i++) {
    const cue = cueAt(tokens, i);
    if (!cue) continue;
    if (!isFree(tokens, taken, cue.first, cue.last + 1)) continue;
    // CLAUSE, according to S.
    if (cue.according) {
      if (tokens[i - 1]?.text !== ",") continue;
      const np = speakerAfter(tokens, cue.last + 1, 14);
      const from = clauseBackFrom(tokens, i - 1);
      const d = isFree(tokens, taken, from, i - 1)
        ? draftOf(view, from, i - 1, np, cue, registry)
        : undefined;
      if (d) drafts.push(d);
      i = np ? np.last : cue.last;
      continue;
    }
    // S asked (X) whether …; S asked/urged/told X to …: reported questions and requests
    if (REQUEST_VERBS.has(cue.lemma)) {
      const start = requestStart(tokens, cue, n);
      if (start > 0) {
        const subject = subjectOf(tokens, cue);
        if (subject && personLike(tokens, subject)) {
          const end = clauseEndFrom(
            tokens,
            start,
            n,
            openingSubordinate(tokens, cue.first),
            !WH_WORDS.has(tokens[start]?.lower ?? ""),
          );
          if (end - start >= 2 && isFree(tokens, taken, start, end)) {
            const d = draftOf(view, start, end, subject, cue, registry);
            if (d) drafts.push(d);
            i = end;
            continue;
          }
        }
      }
    }
    if (!cue.indirect && !thatClauseFollows(tokens, cue)) continue;
    // CLAUSE, S said. / CLAUSE, S said, CLAUSE.
    if (!cue.gerund) {
      const post = postParenthetical(tokens, i);
      if (post) {
        const { attribution, comma } = post;
        const after = attribution.end;
        if (after >= n - 1 || tokens[after]?.text === "." || tokens[after]?.text === ",") {
          const endTok = tokens[after]?.text === "," ? clauseEndFrom(tokens, after + 1, n) : comma;
          let from = clauseBackFrom(tokens, comma);
          // "And yet, her aides say, Syria remains …": the claim is after the attribution
          if (tokens[after]?.text === "," && onlyDiscourse(tokens, from, comma)) from = after + 1;
          const d = isFree(tokens, taken, from, endTok)
            ? draftOf(view, from, endTok, attribution.speaker, attribution.cue, registry)
            : undefined;
          if (d) drafts.push(d);
          i = Math.max(i, tokens[after]?.text === "," ? endTok : after);
          continue;
        }
      }
    }
    // As the Times noted, CLAUSE. / As reported by X, CLAUSE.
    if (!cue.gerund) {
      const as = asParenthetical(tokens, cue);
      if (as) {
        const end = clauseEndFrom(tokens, as.start, n);
        const d = isFree(tokens, taken, as.start, end)
          ? draftOf(view, as.start, end, as.speaker, cue, registry)
          : undefined;
        if (d) drafts.push(d);
        i = Math.max(i, end);
        continue;
      }
    }
    // S said (that) CLAUSE. What follows the cue is read before its subject is looked for
    // (the costly part): many cues that report nothing fail there.
    let k = cue.last + 1;
    // the object of tell/inform/assure: told reporters / told The Huffington Post on Monday
    if (cue.object) {
      let m = k;
      for (; m < n && m < k + 8; m++) {
        const u = tokens[m];
        if (u?.type !== "word" || u.lower === "that") break;
        // the subject of the reported clause ends the object ("told reporters he …")
        if (
          m > k &&
          CLAUSE_SUBJECTS.has(withoutClitic(u.lower)) &&
          !DETERMINER_OBJECTS.has(u.lower)
        )
          break;
        // so does a second noun phrase with a finite verb soon after it ("told the
        // council [the plant would reopen]", "told CNN [Smith would resign]")
        if (m > k && secondPhraseStarts(tokens, m) && finiteSoon(tokens, m + 1, n)) break;
      }
      if (m === k) continue;
      const stop = tokens[m];
      if (stop?.lower !== "that" && !(m <= k + 4 && clauseStartOk(stop))) continue;
      k = m;
    }
    const that = thatAhead(tokens, k, n);
    // "…, which Democrats say could be aiding him": without "that", a relative pronoun
    // before the subject may be the reported clause's subject, when a finite verb follows
    const relativeMay = that < 0 && FINITE_VERBS.has(tokens[k]?.lower ?? "");
    // a verb that needs "that" reports nothing without it (none is a verb of commitment)
    if (that < 0 && !relativeMay && NEEDS_THAT.has(cue.lemma)) continue;
    const subject = subjectOf(tokens, cue);
    if (!subject) continue;
    // S vowed/promised/threatened to …: a commitment reported with its infinitive
    if (
      COMMISSIVE.has(cue.lemma) &&
      personLike(tokens, subject) &&
      tokens[k]?.lower === "to" &&
      tokens[k + 1]?.type === "word" &&
      !tokens[k + 1]?.upper
    ) {
      const end = clauseEndFrom(tokens, k, n, openingSubordinate(tokens, cue.first), true);
      if (end - k >= 2 && isFree(tokens, taken, k, end)) {
        const d = draftOf(view, k, end, subject, cue, registry);
        if (d) drafts.push(d);
        i = end;
      }
      continue;
    }
    const before = tokenAt(tokens, subject.first - 1);
    // the relative pronoun is the subject of the reported clause, and its first word
    if (
      relativeMay &&
      before !== undefined &&
      (before.lower === "which" || before.lower === "that" || before.lower === "who") &&
      subject.first - 1 > 0
    ) {
      const end = clauseEndFrom(tokens, k, n, true);
      if (end - k >= 1 && isFree(tokens, taken, subject.first - 1, end)) {
        const d = draftOf(view, subject.first - 1, end, subject, cue, registry);
        if (d) drafts.push(d);
        i = end;
      }
      continue;
    }
    const start = that >= 0 ? that + 1 : bareClauseStart(tokens, cue, k, n);
    if (start < 0) continue;
    // "while the RNC says …, they …": a reported clause inside a subordinate clause ends at its comma
    const subordinate =
      (before !== undefined && before.type === "word" && SUBORDINATORS.has(before.lower)) ||
      openingSubordinate(tokens, cue.first);
    const end = clauseEndFrom(tokens, start, n, subordinate);
    if (end - start < 2 || !isFree(tokens, taken, start, end)) continue;
    const d = draftOf(view, start, end, subject, cue, registry);
    if (d) drafts.push(d);
    i = end;
  }
  return drafts;
}

/**
 * The "that" that opens the reported clause after a cue, when only names, time words, commas
 * and quotation marks come between (`said on Monday that …`): its index from `k` on, or -1.
 */
function thatAhead(tokens: readonly Token[], k: number, n: number): number {
  for (let m = k; m < n && m < k + 7; m++) {
    const u = tokens[m];
    if (!u) break;
    if (u.lower === "that") return m;
    if (u.type === "punct" && u.text !== "," && !u.quote) break;
    if (!(u.type === "word" && (u.upper || TIME_WORDS.has(u.lower))) && u.text !== "," && !u.quote)
      break;
  }
  return -1;
}

/**
 * Where a clause reported without "that" starts after the cue (`said [he] …`, `said
 * Tuesday [the bill] …`), from token `k` on: past time words, at a clause's first word;
 * -1 when the cue needs "that", or what follows is no clause (a prepositional phrase, a
 * passive cue's complement).
 */
function bareClauseStart(tokens: readonly Token[], cue: CueMatch, k: number, n: number): number {
  if (NEEDS_THAT.has(cue.lemma)) return -1;
  let m = k;
  while (
    m < n &&
    m < k + 4 &&
    tokens[m]?.type === "word" &&
    TIME_WORDS.has(tokens[m]?.lower ?? "") &&
    !CLAUSE_SUBJECTS.has(tokens[m]?.lower ?? "")
  )
    m++;
  if (!clauseStartOk(tokens[m]) && !finiteClauseAhead(tokens, m)) return -1;
  // "shot back in a statement", "said on Glenn Beck's program": a prepositional
  // phrase, not a clause
  let preposition = false;
  let timeOnly = true;
  for (let p = k; p < m; p++) {
    const w = tokens[p]?.lower ?? "";
    if (PREPOSITIONS.has(w)) preposition = true;
    else if (!PURE_TIME.has(w)) timeOnly = false;
  }
  if (preposition && !timeOnly) return -1;
  // "Clinton was declared the winner": a passive cue reports nothing without "that"
  const aux = tokenAt(tokens, cue.first - 1)?.lower ?? "";
  if (PASSIVE_AUX.has(aux) && /ed$|wn$/.test(tokens[cue.first]?.lower ?? "")) return -1;
  return m;
}

const DETERMINER_OBJECTS = new Set([
  ...DETERMINERS_CORE,
  "my",
  "your",
  "this",
  "these",
  "those",
  "some",
  "many",
  "all",
  "both",
]);

const DISCOURSE = new Set([
  "and",
  "yet",
  "but",
  "however",
  "still",
  "so",
  "now",
  "meanwhile",
  "instead",
  "indeed",
  "also",
  "too",
  "then",
  "thus",
  "moreover",
  "in",
  "fact",
  "of",
  "course",
]);

function onlyDiscourse(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t) return false;
    if (t.type === "punct" ? t.text !== "," : !DISCOURSE.has(t.lower)) return false;
  }
  return true;
}

/** "As the Times noted, …" / "As reported by X, …": the speaker and where the claim starts. */
function asParenthetical(
  tokens: readonly Token[],
  cue: CueMatch,
): { speaker?: NounPhrase; start: number } | undefined {
  let a = 0;
  while (a < cue.first && tokens[a]?.type === "word" && DISCOURSE.has(tokens[a]?.lower ?? "")) a++;
  while (tokens[a]?.text === ",") a++;
  if (tokens[a]?.lower !== "as") return undefined;
  let k = cue.last + 1;
  let speaker: NounPhrase | undefined;
  if (cue.first === a + 1) {
    // As reported by X,
    if (tokens[k]?.lower === "by") {
      speaker = speakerAfter(tokens, k + 1, 10);
      k = speaker ? speaker.last + 1 : k + 1;
    }
  } else {
    speaker = subjectBefore(tokens, cue.first, a + 1);
    if (!speaker || speaker.first !== a + 1) return undefined;
  }
  while (k < tokens.length && k < cue.last + 6 && tokens[k]?.type === "word") k++;
  if (tokens[k]?.text !== ",") return undefined;
  const r: { speaker?: NounPhrase; start: number } = { start: k + 1 };
  if (speaker) r.speaker = speaker;
  return r;
}

/** The start of the clause that ends at `to`: after the last semicolon, colon or dash before it. */
function clauseBackFrom(tokens: readonly Token[], to: number): number {
  for (let k = to - 1; k >= 0 && k >= to - 80; k--) {
    const t = tokens[k];
    if (t && (t.text === ";" || t.text === ":" || t.text === "—" || t.text === "–")) return k + 1;
  }
  return Math.max(0, to - 80);
}

const PLACE_PREPOSITIONS = new Set(["in", "at", "from", "of"]);

/** `…, S said` / `…, said S` with the cue at `i`, ending the sentence or followed by a comma. */
function postParenthetical(
  tokens: readonly Token[],
  i: number,
): { attribution: Attribution; comma: number } | undefined {
  // find the comma that opens the attribution: at most 10 tokens back
  for (let c = i - 1; c >= 1 && c >= i - 10; c--) {
    const t = tokens[c];
    if (!t) break;
    if (t.type === "punct") {
      if (t.text !== ",") return undefined;
      const attribution = attributionAfter(tokens, c + 1, Math.min(tokens.length, c + 20));
      if (!attribution || attribution.cue.first !== i || !attribution.speaker) return undefined;
      // what follows the attribution: the end, a comma, or adjuncts ("on Sunday")
      const inverted = attribution.speaker.first > attribution.cue.last;
      let k = inverted ? attribution.speaker.last + 1 : attribution.cue.last + 1;
      while (
        k < tokens.length &&
        tokens[k]?.type === "word" &&
        (TIME_WORDS.has(tokens[k]?.lower ?? "") ||
          (!inverted && tokens[k]?.upper) ||
          // "says Ana Ortiz in Dayton": a place after the speaker
          (inverted &&
            tokens[k]?.upper &&
            (PLACE_PREPOSITIONS.has(tokens[k - 1]?.lower ?? "") ||
              (tokens[k - 1]?.upper === true && k - 1 > attribution.speaker.last))) ||
          (inverted &&
            PLACE_PREPOSITIONS.has(tokens[k]?.lower ?? "") &&
            tokens[k + 1]?.upper === true))
      )
        k++;
      const next = tokens[k];
      if (next && next.text !== "." && next.text !== "," && next.text !== "?" && next.text !== "!")
        return undefined;
      return { attribution: { ...attribution, end: k }, comma: c };
    }
  }
  return undefined;
}
