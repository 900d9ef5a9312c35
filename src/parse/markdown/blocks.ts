/**
 * One walk over the mdast tree: blocks with exact maps, front matter, images,
 * definitions and blockquote groups. Internal to the Markdown front end.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from "mdast";
import type { Span } from "../../schema/span.js";
import type { Block, Segment } from "../types.js";
import { TextBuilder } from "./inline.js";

/** The front matter node found at the start of the document. */
export interface FrontMatterNode {
  /** `yaml` (`---`) or `toml` (`+++`). */
  format: "yaml" | "toml";
  /** The front matter text between the fences. */
  value: string;
  /** Source offset of `value[0]`. */
  valueStart: number;
  /** Span of the whole front matter, fences included. */
  span: Span;
}

/** An image seen in the body (`![alt](url "title")` or a reference to a definition). */
export interface BodyImage {
  /** URL as written (templating not yet removed); empty for an unresolved reference. */
  url: string;
  /** Reference identifier for `![alt][id]`. */
  identifier?: string | undefined;
  alt?: string | undefined;
  title?: string | undefined;
  span: Span;
}

/** A blockquote: the indexes of its blocks in `blocks`. */
export interface QuoteGroup {
  /** Indexes into {@link WalkResult.blocks}. */
  blocks: number[];
  span: Span;
}

/** Everything the walk collects. */
export interface WalkResult {
  blocks: Block[];
  frontMatter?: FrontMatterNode | undefined;
  images: BodyImage[];
  /** Link/image definitions by normalised identifier. */
  definitions: Map<string, { url: string; title?: string | undefined }>;
  quotes: QuoteGroup[];
  /** Spans of skipped constructs worth a note (html, code, tables): counted only. */
  skipped: number;
}

type Kind = Block["kind"];

/**
 * Walk an mdast tree once and produce the blocks the shared pipeline reads.
 *
 * @param tree
 *   Tree from remark-parse (with remark-frontmatter, optionally remark-gfm).
 * @param source
 *   The exact Markdown source that was parsed.
 * @returns
 *   Blocks with maps into `source`, plus front matter, images and blockquotes.
 */
export function walk(tree: Root, source: string): WalkResult {
  const result: WalkResult = { blocks: [], images: [], definitions: new Map(), quotes: [], skipped: 0 };
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as RootContent;
    if (index === 0 && (node.type === "yaml" || (node as { type: string }).type === "toml")) {
      result.frontMatter = frontMatterNode(node as { type: string; value: string } & Nodes, source);
      continue;
    }
    flow(node, "paragraph", result, source, undefined);
  }
  return result;
}

function frontMatterNode(node: { type: string; value: string } & Nodes, source: string): FrontMatterNode {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  // The value starts after the opening fence line.
  let valueStart = start;
  const nl = source.indexOf("\n", start);
  if (nl >= 0 && nl < end) valueStart = nl + 1;
  if (!source.startsWith(node.value, valueStart)) {
    const found = source.indexOf(node.value, start);
    valueStart = found >= 0 && found < end ? found : start;
  }
  return { format: (node.type as string) === "toml" ? "toml" : "yaml", value: node.value, valueStart, span: { start, end } };
}

function spanOf(node: Nodes): Span {
  const start = node.position?.start.offset ?? 0;
  return { start, end: node.position?.end.offset ?? start };
}

/** Flow (block) content. `kind` is what paragraphs inside become. */
function flow(node: Nodes, kind: Kind, result: WalkResult, source: string, quote: QuoteGroup | undefined): void {
  switch (node.type) {
    case "heading": {
      const block = inlineBlock(node.children, "heading", spanOf(node), result, source);
      if (block) {
        block.depth = node.depth;
        pushBlock(block, result, quote);
      }
      return;
    }
    case "paragraph": {
      const block = inlineBlock(node.children, kind, spanOf(node), result, source);
      if (block) pushBlock(block, result, quote);
      return;
    }
    case "blockquote": {
      const group: QuoteGroup = quote ?? { blocks: [], span: spanOf(node) };
      for (const child of node.children) flow(child, "blockquote", result, source, group);
      if (!quote && group.blocks.length > 0) result.quotes.push(group);
      return;
    }
    case "list": {
      for (const item of node.children) flow(item, kind === "blockquote" ? kind : "list-item", result, source, quote);
      return;
    }
    case "listItem": {
      for (const child of node.children) flow(child, kind, result, source, quote);
      return;
    }
    case "definition": {
      const id = node.identifier.toLowerCase();
      if (!result.definitions.has(id)) result.definitions.set(id, { url: node.url, title: node.title ?? undefined });
      return;
    }
    case "code":
    case "html":
    case "thematicBreak":
    case "table":
    case "footnoteDefinition":
    case "yaml":
      result.skipped++;
      return;
    default: {
      // Unknown flow content from extensions (e.g. toml later in the file): look for
      // paragraphs inside, if it has children.
      const parent = node as Partial<Parents>;
      if (Array.isArray(parent.children)) for (const child of parent.children) flow(child as Nodes, kind, result, source, quote);
    }
  }
}

function pushBlock(block: Block, result: WalkResult, quote: QuoteGroup | undefined): void {
  if (quote) quote.blocks.push(result.blocks.length);
  result.blocks.push(block);
}

/** Build a block from phrasing content; `undefined` when it has no text (only images). */
function inlineBlock(
  children: readonly PhrasingContent[],
  kind: Kind,
  span: Span,
  result: WalkResult,
  source: string,
): Block | undefined {
  const builder = new TextBuilder(source);
  let leadFrom = -1;
  let leadTo = -1;
  // Lead: the first non-blank child is strong (or emphasis).
  let first: PhrasingContent | undefined;
  let contentNodes = 0;
  for (const child of children) {
    if (child.type === "text" && child.value.trim() === "") continue;
    if (child.type === "image" || child.type === "imageReference" || child.type === "html" || child.type === "break") continue;
    contentNodes++;
    first ??= child;
  }
  for (const child of children) {
    const isLead = child === first && (child.type === "strong" || child.type === "emphasis");
    if (isLead) leadFrom = builder.length;
    phrasing(child, builder, result, source);
    if (isLead) leadTo = builder.length;
  }
  const segment = builder.finish();
  if (segment.text.length === 0) return undefined;
  const block: Block = { kind, text: segment.text, start: segment.start, map: segment.map, span };
  if (builder.lines > 1) block.lines = builder.lines;
  if (first && leadTo > leadFrom) {
    const lead = trimSegment(builder.slice(leadFrom, leadTo));
    if (lead.text.length > 0) {
      if (first.type === "strong") block.strongLead = lead;
      if (contentNodes === 1 && lead.text === segment.text) block.emphasisWhole = true;
    }
  }
  return block;
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
  return { text: text.slice(from, to), start: map ? (map[0] ?? segment.start) : segment.start + from, map };
}

/** Phrasing (inline) content into the builder. */
function phrasing(node: Nodes, builder: TextBuilder, result: WalkResult, source: string): void {
  switch (node.type) {
    case "text":
    case "inlineCode": {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      builder.addValue(node.value, start, end);
      return;
    }
    case "break":
      builder.addBreak(node.position?.start.offset ?? 0);
      return;
    case "image":
      result.images.push({ url: node.url, alt: node.alt ?? undefined, title: node.title ?? undefined, span: spanOf(node) });
      return;
    case "imageReference":
      result.images.push({ url: "", identifier: node.identifier.toLowerCase(), alt: node.alt ?? undefined, span: spanOf(node) });
      return;
    case "html":
    case "footnoteReference":
      return;
    default: {
      const parent = node as Partial<Parents>;
      if (Array.isArray(parent.children)) for (const child of parent.children) phrasing(child as Nodes, builder, result, source);
    }
  }
}
