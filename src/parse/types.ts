/**
 * Internal types shared by the text and Markdown front ends and the extractors.
 * Not part of the public API.
 */
import type { Diagnostic, Severity } from "../diagnostic.js";
import type { Span } from "../schema/span.js";

/**
 * A piece of plain text with a way back to the source.
 * `map`, when present, has `text.length + 1` entries: `map[i]` is the source offset of
 * `text[i]` (and `map[text.length]` the source offset just after the last character).
 * When absent, `text[i]` is at `start + i` in the source: `text` is a verbatim copy of
 * `source.slice(start, start + text.length)`, except that a whitespace character of the
 * source may be a space in `text` (the plain-text front end joins lines that way).
 */
export interface Segment {
  text: string;
  start: number;
  map?: Int32Array | undefined;
}

/** What a front end produces: a block of the document with its plain text. */
export interface Block extends Segment {
  kind: "heading" | "paragraph" | "blockquote" | "list-item" | "line" | "code" | "html" | "break";
  /** Heading depth (1-6) for `heading`. */
  depth?: number | undefined;
  /** Span of the whole block in the source (markup included). */
  span: Span;
  /** Markdown: the whole block is `**strong**` / `*emphasis*`, or starts with one. */
  strongLead?: Segment | undefined;
  emphasisWhole?: boolean | undefined;
  /** Markdown: the block has hard line breaks / came from several source lines. */
  lines?: number | undefined;
}

/** Options after defaults are applied. */
export interface ResolvedOptions {
  referenceDate?: Date | undefined;
  language?: string | undefined;
  url?: string | undefined;
  /** Whether claims are extracted (default true). */
  claims: boolean;
}

/** Shared parse state: the source, options and the diagnostics sink. */
export interface Context {
  source: string;
  options: ResolvedOptions;
  diagnostics: Diagnostic[];
  report(ruleId: string, severity: Severity, message: string, span?: Span): void;
}

/** Source offset of `segment.text[i]`. */
export function sourceOffset(segment: Segment, i: number): number {
  if (segment.map)
    return segment.map[Math.max(0, Math.min(i, segment.text.length))] ?? segment.start;
  return segment.start + i;
}

/** Source span of `segment.text.slice(from, to)`. */
export function sourceSpan(segment: Segment, from: number, to: number): Span {
  if (to <= from) {
    const at = sourceOffset(segment, from);
    return { start: at, end: at };
  }
  // end: just after the last character of the slice
  const start = sourceOffset(segment, from);
  const end = segment.map ? sourceOffset(segment, to - 1) + 1 : segment.start + to;
  return { start, end: Math.max(start, end) };
}

/** The sub-segment `segment.text.slice(from, to)`, keeping its map. */
export function subSegment(segment: Segment, from: number, to: number): Segment {
  const text = segment.text.slice(from, to);
  if (!segment.map) return { text, start: segment.start + from };
  return { text, start: sourceOffset(segment, from), map: segment.map.subarray(from, to + 1) };
}
