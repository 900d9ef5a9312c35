/**
 * One walk over the mdast tree: blocks with exact maps, images, definitions and
 * blockquote groups. Front matter is found before the parse (`fence.ts`). Internal to the
 * Markdown front end.
 */
import type { Nodes, Parents, PhrasingContent, Root } from "mdast";
import type { Span } from "../../schema/span.js";
import { isBlank, NextChar } from "../../util/chars.js";
import type { Block, Segment } from "../types.js";
import { startMaps, TextBuilder } from "./inline.js";

/** An image seen in the body (`![alt](url "title")` or a reference to a definition). */
export interface BodyImage {
  /** URL as written (templating not yet removed); empty for an unresolved reference. */
  url: string;
  /** Reference identifier for `![alt][id]`. */
  identifier?: string | undefined;
  /** Alternative text. */
  alt?: string | undefined;
  /** Title (`"…"` after the URL). */
  title?: string | undefined;
  /** Source span of the image syntax. */
  span: Span;
}

/** A blockquote: the indexes of its blocks in `blocks`. */
export interface QuoteGroup {
  /** Indexes into {@link WalkResult.blocks}. */
  blocks: number[];
  /** Source span of the outermost `>` block. */
  span: Span;
}

/** Everything the walk collects. */
export interface WalkResult {
  /** Blocks in source order, text mapped into the source. */
  blocks: Block[];
  /** Body images in source order (URLs not yet resolved). */
  images: BodyImage[];
  /** Link/image definitions by normalised identifier. */
  definitions: Map<string, { url: string; title?: string | undefined }>;
  /** Outermost blockquotes that have text. */
  quotes: QuoteGroup[];
  /** Skipped constructs (code, HTML, tables, thematic breaks, footnotes), counted. */
  skipped: number;
}

type Kind = Block["kind"];

/**
 * Walk an mdast tree once and produce the blocks the shared pipeline reads.
 *
 * @param tree
 *   Tree from remark-parse (with remark-frontmatter, optionally remark-gfm).
 * @param source
 *   The Markdown source: remark parsed it, or its part from `base` on.
 * @param original
 *   The Markdown as given, when hostile markup was neutralised in `source` (same length).
 * @param reuse
 *   Whether the maps of the blocks may be written over by the next walk with `reuse`:
 *   only for a caller that is done with the blocks by then (default false).
 * @param base
 *   Offset in `source` of what remark parsed, when that was the part after the front
 *   matter (default 0: the whole source); the tree's offsets are shifted by it.
 * @returns
 *   Blocks with maps into `source`, plus images, definitions and blockquotes.
 */
export function walk(
  tree: Root,
  source: string,
  original: string = source,
  reuse = false,
  base = 0,
): WalkResult {
  startMaps(reuse);
  const result: WalkResult = {
    blocks: [],
    images: [],
    definitions: new Map(),
    quotes: [],
    skipped: 0,
  };
  const children = tree.children;
  const first = children[0];
  let from = 0;
  // Front matter parsed with the body (a caller that did not cut it off): not body text.
  if (first && (first.type === "yaml" || (first as { type: string }).type === "toml")) from = 1;
  // One builder for all blocks; `original` compared once (it differs for hostile input only).
  flow(
    children,
    from,
    result,
    source,
    new TextBuilder(source, original === source ? undefined : original),
    base,
  );
  return result;
}

/** The source span of a node (its tree offsets shifted by `base`). */
function spanOf(node: Nodes, base: number): Span {
  const start = node.position?.start.offset ?? 0;
  return { start: start + base, end: (node.position?.end.offset ?? start) + base };
}

/**
 * A level of the explicit stack used to walk flow content (no recursion: nesting is
 * unbounded). Every frame has every field (one object shape).
 */
interface Frame {
  children: readonly Nodes[];
  index: number;
  /** What paragraphs at this level become. */
  kind: Kind;
  quote: QuoteGroup | undefined;
  /** The blockquote group this level opened, pushed to the result when it closes. */
  opened: QuoteGroup | undefined;
}

/** Flow (block) content from `nodes[from]` on, depth first, with an explicit stack. */
function flow(
  nodes: readonly Nodes[],
  from: number,
  result: WalkResult,
  source: string,
  builder: TextBuilder,
  base: number,
): void {
  const stack: Frame[] = [
    { children: nodes, index: from, kind: "paragraph", quote: undefined, opened: undefined },
  ];
  const bars = new NextChar(source, "|");
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.index >= frame.children.length) {
      stack.pop();
      if (frame.opened && frame.opened.blocks.length > 0) result.quotes.push(frame.opened);
      continue;
    }
    const node = frame.children[frame.index++] as Nodes;
    const { kind, quote } = frame;
    switch (node.type) {
      case "heading": {
        const block = inlineBlock(
          node.children,
          "heading",
          spanOf(node, base),
          result,
          builder,
          node.depth,
          base,
        );
        if (block) pushBlock(block, result, quote);
        break;
      }
      case "paragraph": {
        const span = spanOf(node, base);
        if (looksLikePipeTable(source, span, bars)) {
          // A GFM table read without remark-gfm: not body text.
          result.skipped++;
          break;
        }
        const block = inlineBlock(node.children, kind, span, result, builder, undefined, base);
        if (block) pushBlock(block, result, quote);
        break;
      }
      case "blockquote": {
        const group: QuoteGroup = quote ?? { blocks: [], span: spanOf(node, base) };
        stack.push({
          children: node.children,
          index: 0,
          kind: "blockquote",
          quote: group,
          opened: quote ? undefined : group,
        });
        break;
      }
      case "list":
        stack.push({
          children: node.children,
          index: 0,
          kind: kind === "blockquote" ? kind : "list-item",
          quote,
          opened: undefined,
        });
        break;
      case "listItem":
        stack.push({ children: node.children, index: 0, kind, quote, opened: undefined });
        break;
      case "definition": {
        const id = node.identifier.toLowerCase();
        if (!result.definitions.has(id))
          result.definitions.set(id, { url: node.url, title: node.title ?? undefined });
        break;
      }
      case "code":
      case "html":
      case "thematicBreak":
      case "table":
      case "footnoteDefinition":
      case "yaml":
        result.skipped++;
        break;
      default: {
        // Unknown flow content from extensions: look for paragraphs inside.
        const parent = node as Partial<Parents>;
        if (Array.isArray(parent.children))
          stack.push({
            children: parent.children as Nodes[],
            index: 0,
            kind,
            quote,
            opened: undefined,
          });
      }
    }
  }
}

function pushBlock(block: Block, result: WalkResult, quote: QuoteGroup | undefined): void {
  if (quote) quote.blocks.push(result.blocks.length);
  result.blocks.push(block);
}

/**
 * Build a block from phrasing content; `undefined` when it has no text (only images).
 * Every block has every field (`undefined` where it does not apply): one object shape,
 * so that the pipeline's reads of blocks stay monomorphic.
 */
function inlineBlock(
  children: readonly PhrasingContent[],
  kind: Kind,
  span: Span,
  result: WalkResult,
  builder: TextBuilder,
  depth: number | undefined,
  base: number,
): Block | undefined {
  builder.begin();
  let leadFrom = -1;
  let leadTo = -1;
  // Lead: the first content child (not blank text, an image, HTML or a break), when it
  // is strong (or emphasis).
  let first: PhrasingContent | undefined;
  let contentNodes = 0;
  for (const child of children) {
    const type = child.type;
    if (type === "text") {
      // Most children are text: no stack for them (what `phrasing` does with one).
      const value = child.value;
      if (!isBlank(value)) {
        contentNodes++;
        first ??= child;
      }
      const position = child.position;
      if (position) {
        const start = position.start.offset;
        const end = position.end.offset;
        if (start !== undefined && end !== undefined)
          builder.addValue(value, start + base, end + base);
      }
      continue;
    }
    const content =
      type !== "image" && type !== "imageReference" && type !== "html" && type !== "break";
    if (content) {
      contentNodes++;
      first ??= child;
    }
    const isLead = content && child === first && (type === "strong" || type === "emphasis");
    if (isLead) leadFrom = builder.length;
    phrasing(child, builder, result, base);
    if (isLead) leadTo = builder.length;
  }
  const segment = builder.finish();
  for (const image of builder.templatedImages) {
    result.images.push({
      url: image.url,
      alt: image.alt || undefined,
      span: { start: image.start, end: image.end },
    });
  }
  if (segment.text.length === 0) return undefined;
  let strongLead: Segment | undefined;
  let emphasisWhole: true | undefined;
  if (first && leadTo > leadFrom) {
    const lead = trimSegment(builder.slice(leadFrom, leadTo));
    if (lead.text.length > 0) {
      if (first.type === "strong") strongLead = lead;
      if (contentNodes === 1 && lead.text === segment.text) emphasisWhole = true;
    }
  }
  return {
    kind,
    text: segment.text,
    start: segment.start,
    map: segment.map,
    span,
    depth,
    strongLead,
    emphasisWhole,
    lines: builder.lines > 1 ? builder.lines : undefined,
  };
}

function trimSegment(segment: Segment): Segment {
  const text = segment.text;
  let from = 0;
  let to = text.length;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (from === 0 && to === text.length) return segment;
  const map = segment.map ? segment.map.slice(from, to + 1) : undefined;
  if (map && to > from) map[to - from] = (map[to - from - 1] ?? 0) + 1;
  return {
    text: text.slice(from, to),
    start: map ? (map[0] ?? segment.start) : segment.start + from,
    map,
  };
}

/** Phrasing (inline) content into the builder, depth first with an explicit stack. */
function phrasing(root: Nodes, builder: TextBuilder, result: WalkResult, base: number): void {
  const stack: Array<{ children: readonly Nodes[]; index: number }> = [
    { children: [root], index: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { children: readonly Nodes[]; index: number };
    if (frame.index >= frame.children.length) {
      stack.pop();
      continue;
    }
    const node = frame.children[frame.index++] as Nodes;
    switch (node.type) {
      case "text":
      case "inlineCode": {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start !== undefined && end !== undefined)
          builder.addValue(node.value, start + base, end + base);
        break;
      }
      case "break":
        builder.addBreak((node.position?.start.offset ?? 0) + base);
        break;
      case "image":
        result.images.push({
          url: node.url,
          alt: node.alt ?? undefined,
          title: node.title ?? undefined,
          span: spanOf(node, base),
        });
        break;
      case "imageReference":
        result.images.push({
          url: "",
          identifier: node.identifier.toLowerCase(),
          alt: node.alt ?? undefined,
          span: spanOf(node, base),
        });
        break;
      case "html":
      case "footnoteReference":
        break;
      default: {
        const parent = node as Partial<Parents>;
        if (Array.isArray(parent.children))
          stack.push({ children: parent.children as Nodes[], index: 0 });
      }
    }
  }
}

/**
 * Whether a paragraph is a pipe table (GFM) read as a paragraph: one of its lines, after
 * the first, is a delimiter row (`| --- | :-: |`). `bars` finds the source's `|`
 * (paragraphs come in source order: the source is searched for them once in all).
 */
function looksLikePipeTable(source: string, span: Span, bars: NextChar): boolean {
  const nl = source.indexOf("\n", span.start);
  if (nl < 0 || nl >= span.end) return false;
  const bar = bars.after(span.start);
  if (bar < 0 || bar >= span.end) return false;
  let line = nl + 1;
  while (line < span.end) {
    let end = source.indexOf("\n", line);
    if (end < 0 || end > span.end) end = span.end;
    let pipes = 0;
    let dashes = 0;
    let ok = true;
    for (let k = line; k < end && ok; k++) {
      const c = source.charCodeAt(k);
      if (c === 124) pipes++;
      else if (c === 45) dashes++;
      else if (c !== 58 && c !== 32 && c !== 9 && c !== 62 && c !== 13) ok = false;
    }
    if (ok && pipes > 0 && dashes >= 3) return true;
    line = end + 1;
  }
  return false;
}
