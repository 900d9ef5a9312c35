import type { Article } from "../schema/article.js";
import { extractClaims } from "./claims/index.js";
import type { Block, Context, Segment } from "./types.js";

/**
 * Fields a front end already knows (Markdown front matter) that win over what the
 * extractors find in the blocks; a conflict is a diagnostic.
 */
export type KnownFields = Partial<Omit<Article, "body" | "claims">>;

/**
 * The one pipeline both front ends share: blocks in, article out.
 * Headline, byline (top or end), dateline, body; then claims over the body.
 * STUB: issue #3 implements the extractors.
 */
export function buildArticle(blocks: readonly Block[], ctx: Context, known: KnownFields = {}): Article {
  const bodySegments: Segment[] = blocks.filter((b) => b.kind !== "heading");
  const headline = known.headline ?? blocks[0]?.text ?? "";
  const article: Article = {
    ...known,
    headline,
    keywords: known.keywords ?? [],
    images: known.images ?? [],
    body: bodySegments.map((s) => ({ text: s.text })),
    claims: ctx.options.claims ? extractClaims(bodySegments, ctx) : [],
  };
  return article;
}
