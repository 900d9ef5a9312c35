import { createLocator, type Diagnostic, type Point } from "../diagnostic.js";
import { AbsoluteUrlSchema } from "../schema/primitives.js";
import { MAX_REFERENCE_YEAR, MIN_REFERENCE_YEAR, type ParseOptions } from "./options.js";
import type { Context, ResolvedOptions } from "./types.js";

/**
 * A reference date written as text: `YYYY-MM-DD` as noon UTC of that day (a day that does
 * not exist, `2024-02-30`, is invalid rather than rolled over), else what `Date` reads.
 */
function readDate(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(text);
  const date = new Date(`${text}T12:00:00Z`);
  return date.toISOString().slice(0, 10) === text ? date : new Date(Number.NaN);
}

/** Resolve user options (never throws: a bad referenceDate becomes a diagnostic). */
export function createContext(source: string, options: ParseOptions | null | undefined): Context {
  const diagnostics: Diagnostic[] = [];
  const ctx: Context = {
    source,
    options: { claims: true } as ResolvedOptions,
    diagnostics,
    report(ruleId, severity, message, span) {
      const d: Diagnostic = { ruleId, source: "article-model", severity, message };
      if (span) d.span = span;
      diagnostics.push(d);
    },
  };
  const o = options ?? {};
  if (o.referenceDate !== undefined) {
    // (a number from untyped callers is no date string: it is reported, not read as ms)
    const date =
      o.referenceDate instanceof Date
        ? o.referenceDate
        : typeof o.referenceDate !== "string"
          ? new Date(Number.NaN)
          : readDate(o.referenceDate);
    const year = date.getUTCFullYear();
    if (Number.isNaN(date.getTime())) {
      ctx.report(
        "invalid-reference-date",
        "warning",
        `Unexpected referenceDate \`${String(o.referenceDate)}\`, expected an ISO 8601 date`,
      );
    } else if (year < MIN_REFERENCE_YEAR || year > MAX_REFERENCE_YEAR) {
      // dates resolved against it must stay four-digit ISO years (one year either side)
      ctx.report(
        "invalid-reference-date",
        "warning",
        `Unexpected referenceDate \`${String(o.referenceDate)}\` in the year ${year}, expected a year from ${MIN_REFERENCE_YEAR} to ${MAX_REFERENCE_YEAR}`,
      );
    } else ctx.options.referenceDate = date;
  }
  if (typeof o.language === "string") {
    if (o.language.trim() !== "") ctx.options.language = o.language.trim();
  } else if (o.language !== undefined && o.language !== null) {
    // (untyped callers: a bad option is a warning, as for url and referenceDate)
    ctx.report(
      "invalid-language",
      "warning",
      `Unexpected language \`${String(o.language)}\`, expected a BCP 47 tag such as "en"`,
    );
  }
  if (o.url !== undefined) {
    // what the article's `url` accepts (an http(s) URL with a host): the article must
    // pass ArticleSchema, and images resolved against it must too
    if (AbsoluteUrlSchema.safeParse(o.url).success) ctx.options.url = o.url;
    else
      ctx.report(
        "invalid-url",
        "warning",
        `Unexpected url \`${o.url}\`, expected an absolute http(s) URL`,
      );
  }
  if (o.claims === false) ctx.options.claims = false;
  return ctx;
}

/**
 * Add line/column points to every diagnostic with a span, and sort them by position.
 * The line index of the source is built only when a diagnostic has a span (once, in
 * linear time); a parse without positioned diagnostics never scans the source again.
 */
export function finishDiagnostics(ctx: Context): Diagnostic[] {
  let locate: ((offset: number) => Point) | undefined;
  for (const d of ctx.diagnostics) {
    if (d.span) {
      locate ??= createLocator(ctx.source);
      d.start = locate(d.span.start);
      d.end = locate(d.span.end);
    }
  }
  // in source order; `sort` is stable, so diagnostics at one offset keep their order (a
  // list in order already, the common case, costs it one pass)
  return ctx.diagnostics.slice().sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
}
