import * as z from "zod/mini";
import { type Article, ArticleSchema } from "../schema/article.js";
import { ArticleValidationError, type ValidationIssue } from "./errors.js";

export type { ValidationIssue } from "./errors.js";
export { ArticleValidationError, formatPath } from "./errors.js";

/** Plain JSON data of an article: what {@link toJson} returns and {@link fromJson} reads. */
export type ArticleJson = Article;

/** The order of keys in {@link toJson} output, per object kind. */
const ARTICLE_KEYS = [
  "headline",
  "alternativeHeadline",
  "description",
  "byline",
  "dateline",
  "datePublished",
  "dateModified",
  "language",
  "url",
  "section",
  "keywords",
  "images",
  "publisher",
  "body",
  "claims",
] as const;
const KEY_ORDER: Record<string, readonly string[]> = {
  byline: ["text", "authors", "span"],
  author: ["type", "name", "role", "affiliation", "url", "sameAs"],
  dateline: ["text", "place", "locality", "region", "country", "date", "agency", "span"],
  span: ["start", "end"],
  image: ["url", "caption", "width", "height"],
  publisher: ["name", "url", "logo"],
  paragraph: ["text", "span"],
  claim: ["kind", "text", "span", "fragments", "speaker", "cue", "paragraph"],
  speaker: ["name", "mention", "span", "type"],
  cue: ["text", "span"],
};

function pick<T extends object>(value: T, kind: string): T {
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key of KEY_ORDER[kind] ?? []) {
    const v = source[key];
    if (v === undefined) continue;
    if (key === "span") out[key] = pick(v as object, "span");
    else if (key === "authors") out[key] = (v as object[]).map((a) => pick(a, "author"));
    else if (key === "fragments") out[key] = (v as object[]).map((s) => pick(s, "span"));
    else if (key === "speaker" || key === "cue") out[key] = pick(v as object, key);
    else if (Array.isArray(v)) out[key] = [...v];
    else out[key] = v;
  }
  return out as T;
}

/**
 * Convert an article to plain JSON data with a stable key order (the order of the
 * contract), dropping `undefined` fields. `fromJson(toJson(a))` deep-equals `a`.
 *
 * @param article
 *   A valid article.
 * @returns
 *   Plain data, ready for `JSON.stringify`.
 * @example
 *   JSON.stringify(toJson(parseText("Title\nBody.").article!))
 *   //=> '{"headline":"Title","keywords":[],"images":[],"body":[{"text":"Body.",…}],"claims":[]}'
 */
export function toJson(article: Article): ArticleJson {
  const out: Record<string, unknown> = {};
  const source = article as Record<string, unknown>;
  for (const key of ARTICLE_KEYS) {
    const v = source[key];
    if (v === undefined) continue;
    switch (key) {
      case "byline":
      case "dateline":
      case "publisher":
        out[key] = pick(v as object, key);
        break;
      case "images":
        out[key] = (v as object[]).map((i) => pick(i, "image"));
        break;
      case "body":
        out[key] = (v as object[]).map((p) => pick(p, "paragraph"));
        break;
      case "claims":
        out[key] = (v as object[]).map((c) => pick(c, "claim"));
        break;
      case "keywords":
        out[key] = [...(v as string[])];
        break;
      default:
        out[key] = v;
    }
  }
  return out as ArticleJson;
}

/** Nesting deeper than this is rejected before validation (articles nest about 5 deep). */
const MAX_DEPTH = 64;

/** Deepest `[`/`{` nesting of JSON text (brackets inside strings ignored); one linear pass. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > MAX_DEPTH) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function tooDeep(value: unknown): (string | number)[] | undefined {
  // Iterative walk that never overflows the stack; paths are rebuilt only on failure.
  interface Frame {
    value: unknown;
    depth: number;
    key: string | number;
    parent: Frame | undefined;
  }
  const stack: Frame[] = [{ value, depth: 0, key: "", parent: undefined }];
  // An object reached again (data, not JSON text, may share values) is walked again only
  // from deeper down, so shared values cost at most MAX_DEPTH walks each, not 2^depth.
  const deepest = new Map<object, number>();
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (v === null || typeof v !== "object") continue;
    if ((deepest.get(v) ?? -1) >= frame.depth) continue;
    deepest.set(v, frame.depth);
    if (frame.depth >= MAX_DEPTH) {
      const path: (string | number)[] = [];
      for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.unshift(f.key);
      return path;
    }
    const depth = frame.depth + 1;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], depth, key: i, parent: frame });
    } else {
      for (const key of Object.keys(v)) {
        stack.push({ value: (v as Record<string, unknown>)[key], depth, key, parent: frame });
      }
    }
  }
  return undefined;
}

const MESSAGES: Record<string, (issue: z.core.$ZodIssue) => string> = {
  invalid_type: (i) =>
    `Expected ${(i as z.core.$ZodIssueInvalidType).expected}, received ${describe(i.input)}`,
  unrecognized_keys: (i) =>
    `Unexpected key${(i as z.core.$ZodIssueUnrecognizedKeys).keys.length === 1 ? "" : "s"} ${(i as z.core.$ZodIssueUnrecognizedKeys).keys.map((k) => `\`${k}\``).join(", ")}`,
  invalid_value: (i) =>
    `Expected one of ${(i as z.core.$ZodIssueInvalidValue).values.map((v) => JSON.stringify(v)).join(", ")}, received ${describe(i.input)}`,
  invalid_format: (i) =>
    `Expected a valid ${(i as z.core.$ZodIssueInvalidStringFormat).format}, received ${describe(i.input)}`,
  too_small: (i) => {
    const { origin, inclusive, minimum } = i as z.core.$ZodIssueTooSmall;
    const expected = origin === "string" ? "a longer string" : bound(">", inclusive, minimum);
    return `Expected ${expected}, received ${describe(i.input)}`;
  },
  too_big: (i) => {
    const { inclusive, maximum } = i as z.core.$ZodIssueTooBig;
    return `Expected ${bound("<", inclusive, maximum)}, received ${describe(i.input)}`;
  },
  invalid_union: (i) => `Expected an ISO 8601 date or date-time, received ${describe(i.input)}`,
};

/** `a value > 0` for an exclusive bound, `a value >= 0` for an inclusive one (zod's default). */
function bound(sign: "<" | ">", inclusive: boolean | undefined, limit: number | bigint): string {
  return `a value ${sign}${inclusive === false ? "" : "="} ${String(limit)}`;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

/** Turn zod issues into {@link ValidationIssue}s with readable messages. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const format = MESSAGES[issue.code];
    const message =
      issue.message && issue.message !== "Invalid input"
        ? issue.message
        : format
          ? format(issue)
          : "Invalid value";
    return {
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      code: issue.code,
      message,
    };
  });
}

/**
 * Validate article data and return the article. Accepts a JSON string or parsed data
 * (for example what {@link toJson} returned). Unknown keys are dropped;
 * `__proto__` keys never reach `Object.prototype`.
 *
 * @param input
 *   A JSON string, or data already parsed.
 * @returns
 *   The validated article.
 * @throws {ArticleValidationError}
 *   When the input is not JSON (code `invalid_json`) or not a valid article; `issues`
 *   lists each problem with its path.
 * @example
 *   fromJson({})
 *   //=> throws ArticleValidationError: Invalid article: 5 issues … → at headline
 */
export function fromJson(input: string | unknown): Article {
  let data: unknown = input;
  if (typeof input === "string") {
    // JSON.parse slows down superlinearly on deep nesting: reject it before parsing.
    const depth = nestingDepth(input);
    if (depth > MAX_DEPTH) {
      throw new ArticleValidationError([
        {
          path: [],
          code: "too_deep",
          message: `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected an article`,
        },
      ]);
    }
    try {
      // a byte order mark is no JSON, but files have one: read what follows it
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      throw new ArticleValidationError([
        {
          path: [],
          code: "invalid_json",
          message: `Expected JSON text, the input is not JSON (${(error as Error).message})`,
        },
      ]);
    }
  }
  // JSON text was depth-checked before parsing; data from the caller is walked here.
  const deep = typeof input === "string" ? undefined : tooDeep(data);
  if (deep) {
    throw new ArticleValidationError([
      {
        path: deep,
        code: "too_deep",
        message: `Unexpected nesting deeper than ${MAX_DEPTH} levels, expected an article`,
      },
    ]);
  }
  const result = ArticleSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new ArticleValidationError(toValidationIssues(result.error.issues));
  return result.data;
}

/**
 * The Article's JSON Schema (draft 2020-12), generated from {@link ArticleSchema}.
 * Also shipped as `article-model/schema.json`. The zod refinements are in it as
 * `pattern`s: non-blank text (`\S`), http(s) URLs with a host, dateline dates that
 * exist. It cannot state the cross-field rules (`span.start <= span.end`, fragments
 * inside their claim's span, `claim.paragraph < body.length`) nor parse a URL (an
 * invalid port or host): {@link fromJson} checks those too.
 */
export const articleJsonSchema: Record<string, unknown> = /* @__PURE__ */ z.toJSONSchema(
  ArticleSchema,
  {
    target: "draft-2020-12",
    unrepresentable: "any",
  },
) as Record<string, unknown>;
