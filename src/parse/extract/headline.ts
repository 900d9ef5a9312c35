/**
 * Headline and subheadline: the first block when it is a title, an optional subheadline
 * under it, and a fallback headline from the first words when there is no title.
 * Internal: not part of the public API.
 */
import type { Block } from "../types.js";

/** Longest first line taken as a title. */
const MAX_TITLE = 300;
/** Longest subheadline. */
const MAX_SUBHEADLINE = 200;

/**
 * Clean a title as written: trim, drop a dangling ";", ":" or ",", and one final period that ends a word
 * ("Pressure rises on Trump." -> "Pressure rises on Trump"), never one of an
 * abbreviation ("U.S.") or an ellipsis.
 */
export function cleanTitle(text: string): string {
  const trimmed = text.trim();
  const t = /[^;:,][;:,]$/.test(trimmed) ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (!t.endsWith(".") || t.endsWith("..")) return t;
  const lastWord = t.slice(t.lastIndexOf(" ") + 1);
  if (/\.\S*\.$/.test(lastWord) || /^\p{L}\.$/u.test(lastWord)) return t;
  if (/^(?:jr|sr|inc|ltd|co|corp|st|mr|mrs|ms|dr|no|vs|etc)\.$/i.test(lastWord)) return t;
  const out = t.slice(0, -1).trimEnd();
  return out === "" ? t : out;
}

/**
 * Whether a block can be the title: a heading, or a single short line of text.
 *
 * @param block
 *   The first block.
 */
export function isTitleBlock(block: Block): boolean {
  if (block.kind === "heading") return true;
  if (block.kind !== "paragraph" && block.kind !== "line") return false;
  if ((block.lines ?? 1) > 1) return false;
  return block.text.length <= MAX_TITLE;
}

/**
 * Whether a block right under the title can be a subheadline: a heading, or one short
 * line of at least three words that does not end like a sentence.
 *
 * @param block
 *   The block after the title.
 */
export function isSubheadlineBlock(block: Block): boolean {
  if (block.kind === "heading") return true;
  if (block.kind !== "paragraph" && block.kind !== "line") return false;
  if ((block.lines ?? 1) > 1 || block.text.length > MAX_SUBHEADLINE) return false;
  if (/[.!?:;,…"”'’)]$/.test(block.text) || /^by\s/i.test(block.text)) return false;
  // three words or more: two spaces or more
  const space = block.text.indexOf(" ");
  return space >= 0 && block.text.indexOf(" ", space + 1) >= 0;
}

/**
 * A headline made from the first words of some text, when the article has no title:
 * its first sentence if short, else the first words and an ellipsis.
 *
 * @param text
 *   Whitespace-collapsed text.
 * @returns
 *   A non-empty headline, or "" when `text` has no non-whitespace character.
 */
export function headlineFromText(text: string): string {
  const head = text.slice(0, 400).trim();
  if (head === "") return "";
  const sentence = /^(.{10,120}?[.!?])(?:\s|$)/u.exec(head);
  if (sentence?.[1]) return cleanTitle(sentence[1]);
  if (head.length <= 100) return head;
  const cut = head.slice(0, 100);
  const space = cut.lastIndexOf(" ");
  const words = (space > 40 ? cut.slice(0, space) : cut).trimEnd();
  return words === "" ? head.slice(0, 100) : `${words}…`;
}
