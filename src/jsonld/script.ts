import type { Article } from "../schema/article.js";
import type { JsonLdOptions } from "./options.js";
import type { toJsonLd } from "./to-jsonld.js";
import { buildJsonLd } from "./to-jsonld.js";

/** Characters that could end the element or confuse an HTML or JS parser. */
const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * Serialise JSON-LD data for a `<script>` element: `JSON.stringify`, then `<`, `>`,
 * `&`, U+2028 and U+2029 as `\u` escapes (never HTML entities), so the text can
 * contain neither `</script` nor `<!--`, and `JSON.parse` gives back the same data.
 *
 * @param data
 *   JSON-LD data.
 * @returns
 *   JSON text safe inside `<script type="application/ld+json">`.
 * @throws {TypeError}
 *   When `data` has no JSON text (`undefined`, a function, a symbol), is cyclic or holds
 *   a bigint.
 * @example
 *   serializeJsonLdForScript({ headline: "</script>" })
 *   //=> '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLdForScript(data: unknown): string {
  const json: string | undefined = JSON.stringify(data);
  if (json === undefined)
    throw new TypeError(`Cannot serialize ${typeof data} as JSON-LD, expected an object`);
  return json.replace(UNSAFE, (c) => ESCAPES[c] ?? c);
}

/**
 * A complete `<script type="application/ld+json">…</script>` element with the
 * article's JSON-LD ({@link toJsonLd}), safe to put into HTML whatever the article
 * contains: the only `</script` in it is its own end tag, and the JSON in it parses
 * back to exactly the data of {@link toJsonLd}.
 *
 * @param article
 *   A valid article.
 * @param options
 *   As for {@link toJsonLd} (optional).
 * @returns
 *   The element, one line.
 * @example
 *   toJsonLdScript({ headline: "A < B", keywords: [], images: [], body: [], claims: [] })
 *   //=> '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A \\u003c B"}</script>'
 */
export function toJsonLdScript(article: Article, options?: JsonLdOptions | null): string {
  return `<script type="application/ld+json">${serializeJsonLdForScript(buildJsonLd(article, options))}</script>`;
}
