import { createLocator, type Diagnostic, type Point } from "../diagnostic.js";
import { AbsoluteUrlSchema } from "../schema/primitives.js";
import { MAX_REFERENCE_YEAR, MIN_REFERENCE_YEAR, type ParseOptions } from "./options.js";
import type { Context, ResolvedOptions } from "./types.js";

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
          : new Date(
              /^\d{4}-\d{2}-\d{2}$/.test(o.referenceDate)
                ? `${o.referenceDate}T12:00:00Z`
                : o.referenceDate,
            );
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
  if (o.language !== undefined && o.language.trim() !== "")
    ctx.options.language = o.language.trim();
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
