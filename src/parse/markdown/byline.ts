/**
 * Front-matter byline strings ("Max Neuvians and Tim Arney, Developers") to authors.
 * Internal to the Markdown front end; the body's bylines go through the shared
 * extractor in the pipeline.
 */
import type { Author } from "../../schema/author.js";
import { parseBylineText } from "../extract/byline.js";
import { JOB_WORDS } from "../extract/words.js";

const PARTICLES = new Set([
  "de",
  "van",
  "von",
  "der",
  "den",
  "la",
  "le",
  "du",
  "da",
  "di",
  "del",
  "della",
  "des",
  "bin",
  "ibn",
  "al",
  "el",
  "ter",
  "ten",
  "y",
  "st.",
  "dos",
  "das",
]);
const HONORIFICS =
  /^(?:the\s+)?(?:right\s+)?(?:honou?rable|hon\.?|dr\.?|mr\.?|mrs\.?|ms\.?|mx\.?|prof\.?|sir|dame|rev\.?)\s+/i;
/** Words that make a capitalised phrase a job title, a team or an organisation. */
const ROLE_WORDS = new Set(
  (
    "academy accessibility administration administrator adviser advisor advisory advocate affairs agency agile ambassador analyst analytics architect architecture assistant associate " +
    "backend board brand bureau business canada canadian center centre chair champion chief ciso cio ceo cto coo cfo cloud coach college commission committee communications " +
    "community consultant content contractor contributor coordinator correspondent council counsel culture customer cyber data delivery department deputy design designer designers " +
    "developer developers development devops digital director division editor editors employment engagement engineer engineers engineering evangelist executive experience " +
    "expert federal fellow finance founder frontend full-stack general government graphic group head health human inclusive inclusion information infrastructure innovation " +
    "institute intelligence interaction intern lab labs lead leader learning legal librarian manager managers marketing master minister ministry mobile network office officer " +
    "operations outreach owner partner partnerships people platform policy portfolio practice practitioner president principal privacy procurement product program programme " +
    "programs project provincial qa recruiter recruitment research researcher researchers resources science scientist scrum secretary secretariat security senior service services " +
    "software solutions specialist staff steward strategist strategy student support systems talent team technical technologist technology training transformation translation " +
    "translator treasury ui university user ux vice visual volunteer web writer writers " +
    "foundation society association inc ltd llc corp company journal tribune gazette magazine news press media"
  ).split(" "),
);

/**
 * Whether a lower-cased word is a job or organisation word (ours or the shared job
 * list; the shared organisation list has surnames such as "Post" and "Sun").
 */
function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word) || JOB_WORDS.has(word);
}

/** A byline piece: its text and offsets within the byline string. */
interface Piece {
  text: string;
  start: number;
  end: number;
  /** Content of a trailing parenthesis, as affiliation. */
  paren?: string | undefined;
  /** The separator before this piece was "and"/"&". */
  afterAnd: boolean;
}

function isNameWord(word: string): boolean {
  if (PARTICLES.has(word.toLowerCase()) && word === word.toLowerCase()) return true;
  if (/^\p{Lu}\.$/u.test(word)) return true;
  if (!/^\p{Lu}[\p{L}'’.]*(?:-\p{L}[\p{L}'’.]*)*$/u.test(word)) return false;
  if (word.length > 1 && word === word.toUpperCase()) return false;
  return !isRoleWord(word.toLowerCase().replace(/[.'’]/g, ""));
}

/**
 * Whether a phrase reads as a person's name: 2 to 5 capitalised words (particles and
 * initials allowed), none a role or organisation word.
 *
 * @param text
 *   The phrase.
 * @returns
 *   Whether it looks like a name.
 */
export function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 5) return false;
  if (!/^\p{Lu}/u.test(words[0] ?? "")) return false;
  if (!/^\p{Lu}/u.test(words[words.length - 1] ?? "")) return false;
  return words.every(isNameWord);
}

/** Split on `,`, `;`, " and ", " & ", " - " outside parentheses. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  let afterAnd = false;
  const push = (to: number, nextAnd: boolean, skip: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s) {
      let body = text.slice(s, e);
      let paren: string | undefined;
      const m = /^(.*?)\s*\(([^()]*)\)$/.exec(body);
      if (m && (m[1] ?? "").trim() !== "") {
        body = (m[1] ?? "").trim();
        paren = (m[2] ?? "").trim() || undefined;
      }
      out.push({ text: body, start: s, end: s + body.length, paren, afterAnd });
    }
    afterAnd = nextAnd;
    from = to + skip;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (c === "," || c === ";") {
      push(i, false, 1);
      continue;
    }
    if (c === " ") {
      const rest = text.slice(i, i + 6);
      const and = /^ (?:and|&) /i.exec(rest);
      if (and) {
        push(i, true, and[0].length - 1);
        i += and[0].length - 2;
        continue;
      }
      const dash = /^ [-–—] /.exec(rest);
      if (dash) {
        push(i, false, dash[0].length - 1);
        i += dash[0].length - 2;
      }
    }
  }
  push(text.length, false, 0);
  return out;
}

/**
 * Read a front-matter byline string into authors with names and roles.
 * "Max Neuvians and Tim Arney, Developers" gives two Person authors with role
 * "Developers"; "Jeff Adam (RCMP), Charlotte Pedersen (CDS)" gives two authors with
 * affiliations; a string with no recognisable name gives one author with the string
 * as name (`recognised: false`).
 *
 * @param input
 *   The byline as written in the front matter.
 * @returns
 *   The authors, or `undefined` for an empty string.
 */
export function parseFrontMatterByline(
  input: string,
): { authors: Author[]; recognised: boolean } | undefined {
  const text = input
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^by\s+/i, "");
  if (text === "") return undefined;
  const parts = pieces(text);
  const authors: Author[] = [];
  /** Authors still waiting for a role (the ones since the last role). */
  let pending: Author[] = [];
  let roleFrom = -1;
  let roleTo = -1;
  const flushRole = (): void => {
    if (roleFrom < 0) return;
    const role = text.slice(roleFrom, roleTo).trim();
    if (role !== "") for (const a of pending) a.role = role;
    pending = [];
    roleFrom = -1;
  };
  for (const part of parts) {
    const name = part.text.replace(HONORIFICS, "");
    if (looksLikeName(name)) {
      flushRole();
      const author: Author = { type: "Person", name };
      if (part.paren) author.affiliation = part.paren;
      authors.push(author);
      pending.push(author);
      continue;
    }
    if (authors.length === 0) continue;
    if (roleFrom < 0) roleFrom = part.start;
    roleTo = part.end;
  }
  flushRole();
  if (authors.length === 0) {
    const organization =
      /^[\p{Lu}\d]+$/u.test(text) || text.split(" ").some((w) => isRoleWord(w.toLowerCase()));
    return {
      authors: [{ type: organization ? "Organization" : "Person", name: text }],
      recognised: false,
    };
  }
  return { authors, recognised: true };
}

/**
 * One author from a list entry: a handle or a name (`mbland`, `Jane Doe`), or a
 * byline string with several names.
 *
 * @param entry
 *   The list entry as written.
 * @returns
 *   Its authors.
 */
export function authorsFromEntry(entry: string): Author[] {
  const text = entry
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^by\s+/i, "");
  if (text === "") return [];
  if (/,| and | & |;/.test(text)) return bylineAuthors(text);
  const name = text.replace(HONORIFICS, "");
  return [
    {
      type: /^[\p{Lu}\d]+$/u.test(name) && /\d|^[A-Z]{2,}$/.test(name) ? "Organization" : "Person",
      name,
    },
  ];
}

/**
 * Authors of a front-matter byline string: the front-matter reading ("Name, Role"
 * conventions), or the shared byline extractor's when the former recognises no name,
 * or the whole string as one name.
 *
 * @param text
 *   The byline as written.
 * @returns
 *   The authors (empty for an empty string).
 */
export function bylineAuthors(text: string): Author[] {
  const mine = parseFrontMatterByline(text);
  if (!mine) return [];
  if (mine.recognised) return mine.authors;
  const shared = parseBylineText(text);
  return shared && shared.authors.length > 0 ? shared.authors : mine.authors;
}
