/**
 * URL helpers for the Markdown front end. Internal.
 */

const UNSAFE_SCHEME = /^(?:javascript|vbscript|data|file|blob):/i;

/**
 * Remove templating (`{{ site.baseurl }}`, `{% link x %}`) from a URL as written.
 *
 * @param url
 *   URL as written.
 * @returns
 *   URL without templating, trimmed.
 */
export function stripUrlTemplating(url: string): string {
  if (!url.includes("{")) return url.trim();
  return url
    .replace(/\{\{[^}]{0,200}\}\}|\{%[^%]{0,200}%\}/g, "")
    .replace(/%7B%7B.{0,200}?%7D%7D/gi, "")
    .trim();
}

/**
 * An absolute URL as written, or a relative one resolved against `base`.
 *
 * @param url
 *   URL as written (templating is removed first).
 * @param base
 *   Absolute base URL (optional).
 * @returns
 *   The absolute URL, or `undefined` when it is relative without a base, unsafe or
 *   unreadable.
 */
export function resolveUrl(url: string, base: string | undefined): string | undefined {
  const clean = stripUrlTemplating(url);
  if (clean === "" || clean.length > 8192) return undefined;
  if (/^[a-z][a-z\d+.-]*:/i.test(clean)) {
    if (UNSAFE_SCHEME.test(clean) || !URL.canParse(clean)) return undefined;
    return clean;
  }
  if (clean.startsWith("//")) {
    // Protocol-relative: take the base's scheme, or https.
    const scheme = base && URL.canParse(base) ? new URL(base).protocol : "https:";
    return URL.canParse(`${scheme}${clean}`) ? `${scheme}${clean}` : undefined;
  }
  if (!base || !URL.canParse(clean, base)) return undefined;
  return new URL(clean, base).href;
}
