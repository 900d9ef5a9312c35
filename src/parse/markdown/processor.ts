/**
 * The remark parsers, built once per configuration. Internal.
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** Front matter formats recognised: YAML (`---`) and TOML (`+++`). */
export const FRONT_MATTER_FORMATS = ["yaml", "toml"] as const;

type Parse = (input: string) => Root;

let plain: Parse | undefined;
let gfm: Parse | undefined;

/**
 * A cached `unified().use(remarkParse).use(remarkFrontmatter)` parser (plus remark-gfm
 * when `withGfm`).
 *
 * @param withGfm
 *   Also read GitHub-flavoured Markdown.
 * @returns
 *   A function from Markdown to mdast.
 */
export function markdownParser(withGfm: boolean): Parse {
  if (withGfm) {
    if (!gfm) {
      const processor = unified()
        .use(remarkParse)
        .use(remarkFrontmatter, [...FRONT_MATTER_FORMATS])
        .use(remarkGfm)
        .freeze();
      gfm = (input) => processor.parse(input);
    }
    return gfm;
  }
  if (!plain) {
    const processor = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, [...FRONT_MATTER_FORMATS])
      .freeze();
    plain = (input) => processor.parse(input);
  }
  return plain;
}
