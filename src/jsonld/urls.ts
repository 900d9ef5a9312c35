/** `http(s)://host…` with no whitespace: the fast path, no URL parsing needed. */
const PLAIN_HTTP_URL = /^https?:\/\/[^\s/?#@\\]+(?:[/?#][^\s]*)?$/i;

/** Outcome of {@link toAbsoluteUrl}. */
export type UrlResult =
  | { ok: true; url: string; resolved: boolean }
  | { ok: false; reason: "relative" | "scheme" | "invalid" };

/**
 * Make `value` an absolute `http:`/`https:` URL with a host, resolving a relative one
 * against `base` when there is one. Other schemes (`javascript:`, `data:`) are refused.
 */
export function toAbsoluteUrl(value: string, base: string | undefined): UrlResult {
  if (PLAIN_HTTP_URL.test(value)) return { ok: true, url: value, resolved: false };
  const trimmed = value.trim();
  if (trimmed === "") return { ok: false, reason: "invalid" };
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed)) {
    if (!/^https?:/i.test(trimmed)) return { ok: false, reason: "scheme" };
    const parsed = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
    return parsed?.hostname
      ? { ok: true, url: parsed.href, resolved: false }
      : { ok: false, reason: "invalid" };
  }
  if (base === undefined || !PLAIN_HTTP_URL.test(base) || !URL.canParse(trimmed, base))
    return { ok: false, reason: "relative" };
  const parsed = new URL(trimmed, base);
  if (!/^https?:$/.test(parsed.protocol) || !parsed.hostname)
    return { ok: false, reason: "invalid" };
  return { ok: true, url: parsed.href, resolved: true };
}
