/** A host-name label of ASCII letters, digits and inner hyphens, not Punycode (`xn--`). */
const LABEL = String.raw`(?!xn--)[a-z\d]+(?:-+[a-z\d]+)*`;

/**
 * The fast path: `http(s)://host[:port]` and an optional path, query or fragment without
 * whitespace, where the host is labels as above and the last one starts with a letter
 * (so the host is a domain, never an IPv4 address that could be out of range) and the
 * port has at most four digits. WHATWG `URL`, and so `AbsoluteUrlSchema`, accepts every
 * such URL; anything else (a five-digit port, an IP address, an `_`, a non-ASCII or
 * Punycode host, user info) is checked by `URL`.
 */
const PLAIN_HTTP_URL = new RegExp(
  String.raw`^https?://(?:${LABEL}\.)*(?!xn--)[a-z][a-z\d]*(?:-+[a-z\d]+)*\.?(?::\d{1,4})?(?:[/?#]\S*)?$`,
  "i",
);

/** Outcome of {@link toAbsoluteUrl}. */
export type UrlResult =
  | { ok: true; url: string; resolved: boolean }
  | { ok: false; reason: "relative" | "scheme" | "invalid" };

/**
 * Make `value` an absolute `http:`/`https:` URL with a host, resolving a relative one
 * against `base` when there is one. Other schemes (`javascript:`, `data:`) are refused.
 * A URL given is accepted exactly when `AbsoluteUrlSchema` accepts it (the result is
 * `value` itself on the fast path, else the URL as `URL` writes it).
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
  if (base === undefined || !URL.canParse(trimmed, base)) return { ok: false, reason: "relative" };
  const parsed = new URL(trimmed, base);
  if (!/^https?:$/.test(parsed.protocol) || !parsed.hostname)
    return { ok: false, reason: "invalid" };
  return { ok: true, url: parsed.href, resolved: true };
}
