/**
 * Reading YAML front matter the way Jekyll and Hugo accept it. Internal.
 */
import { type Document, isAlias, isMap, isPair, parseDocument, visit } from "yaml";
import { isBlank, splitOn } from "../../util/chars.js";

/** A YAML problem, with offsets into the front matter text. */
export interface YamlProblem {
  code: string;
  message: string;
  start: number;
  end: number;
}

/** What {@link readYaml} returns. */
export interface YamlResult {
  /**
   * The data: for a mapping (front matter as written), a `Map` of its keys in order (one
   * shape in every post, unlike an object's); otherwise the list or scalar read, or
   * `undefined` when nothing usable was read.
   */
  data?: unknown;
  /** Errors of the strict read (empty when it read cleanly). */
  errors: YamlProblem[];
  /** Whether a small repair (indenting continuation lines of quoted strings) made it read. */
  repaired: boolean;
  /** Whether the data is partial: the keys before the first error only. */
  partial: boolean;
  /** The alias limit was hit. */
  aliasLimit: boolean;
}

/** At most this many alias dereferences (YAML "billion laughs" stays bounded). */
export const MAX_ALIAS_COUNT = 100;

const PARSE_OPTIONS = {
  // A library reading untrusted front matter must not write to the process's warnings
  // (the yaml package's default, "warn", emits one for a key such as `[x]:`).
  logLevel: "error",
  // `<<: *defaults` merge keys, as Jekyll's and Hugo's YAML readers apply them
  merge: true,
  prettyErrors: false,
  uniqueKeys: false,
  strict: false,
  // Keep dates and times as the strings they were written as (YAML 1.2 core schema).
  schema: "core",
} as const;

/** The data of a document as {@link YamlResult} has it: a plain object (a mapping) as a `Map`. */
function mappingOf(data: unknown): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data) || data instanceof Date) return data;
  return new Map(Object.entries(data));
}

function problems(doc: Document): YamlProblem[] {
  return doc.errors.map((e) => ({
    code: e.code,
    message: e.message.split("\n")[0] ?? e.message,
    start: e.pos[0],
    end: Math.max(e.pos[0], e.pos[1]),
  }));
}

/**
 * Read YAML front matter. Never throws.
 * Strict YAML 1.2 first; on errors, a retry after indenting the continuation lines of
 * multi-line quoted strings (which libyaml, Jekyll's and Hugo's readers accept); if that
 * fails too, the top-level keys before the first error. A lone carriage return is a line
 * break, as YAML and Markdown have it (the yaml package breaks lines at `\n` only).
 *
 * @param input
 *   The front matter between the fences.
 * @returns
 *   The data and what happened (offsets into `input`).
 */
export function readYaml(input: string): YamlResult {
  // same length: offsets into `text` are offsets into `input`
  const text = input.includes("\r") ? input.replace(/\r(?!\n)/g, "\n") : input;
  const result: YamlResult = { errors: [], repaired: false, partial: false, aliasLimit: false };
  const simple = readSimpleYaml(text);
  if (simple) {
    result.data = simple.data;
    if (simple.repairedAt !== undefined) {
      result.repaired = true;
      const at = simple.repairedAt;
      const lineEnd = text.indexOf("\n", at);
      result.errors.push({
        code: "MULTILINE_IMPLICIT_KEY",
        message: "Continuation line of a quoted string not indented",
        start: at,
        end: lineEnd < 0 ? text.length : lineEnd,
      });
    }
    return result;
  }
  let doc: Document;
  try {
    doc = parseDocument(text, PARSE_OPTIONS);
  } catch {
    result.errors.push({ code: "PARSE_FAILED", message: "YAML reader failed", start: 0, end: 0 });
    return result;
  }
  result.errors = problems(doc);
  if (result.errors.length > 0) {
    const fixed = repairQuotedContinuations(text);
    if (fixed !== text) {
      try {
        const again = parseDocument(fixed, PARSE_OPTIONS);
        if (again.errors.length === 0) {
          doc = again;
          result.repaired = true;
        }
      } catch {
        // keep the first document
      }
    }
  }
  if (result.errors.length > 0 && !result.repaired) {
    // Keep the top-level pairs that end before the first error.
    const firstError = Math.min(...result.errors.map((e) => e.start));
    const contents = doc.contents;
    if (isMap(contents)) {
      const kept = contents.items.filter((pair) => {
        if (!isPair(pair)) return false;
        const value = pair.value as { range?: [number, number, number] } | null;
        const key = pair.key as { range?: [number, number, number] } | null;
        const end = value?.range?.[2] ?? key?.range?.[2] ?? Number.POSITIVE_INFINITY;
        // A value that runs into the error (an unclosed quote) is where the error starts.
        const start = value?.range?.[0];
        if (start !== undefined && start < firstError && firstError <= end) {
          for (const e of result.errors) if (e.start === firstError) e.start = start;
        }
        return end < firstError;
      });
      result.errors.sort((a, b) => a.start - b.start);
      contents.items = kept;
      result.partial = true;
    } else return result;
  }
  try {
    result.data = mappingOf(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    // an alias without its anchor (`*nope`) is an error at the alias; else the limit
    const unresolved = unresolvedAlias(doc, error);
    if (unresolved) result.errors.push(unresolved);
    else result.aliasLimit = true;
    result.data = undefined;
    // Keep the top-level keys whose values use no alias.
    const contents = doc.contents;
    if (isMap(contents)) {
      contents.items = contents.items.filter((pair) => {
        let alias = isAlias(pair.value);
        const value = pair.value;
        if (!alias && value && typeof value === "object" && "range" in value)
          visit(value as Parameters<typeof visit>[0], {
            Alias() {
              alias = true;
              return visit.BREAK;
            },
          });
        return !alias;
      });
      try {
        result.data = mappingOf(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
        result.partial = true;
      } catch {
        result.data = undefined;
      }
    }
  }
  return result;
}

/** The problem of an alias whose anchor is not set before it, if that is what `toJS` threw. */
function unresolvedAlias(doc: Document, error: unknown): YamlProblem | undefined {
  const name = /^Unresolved alias[^:]*: (.+)$/.exec(
    (error as Error | undefined)?.message ?? "",
  )?.[1];
  if (name === undefined) return undefined;
  let range: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.source !== name) return undefined;
      range = [node.range?.[0] ?? 0, node.range?.[1] ?? 0];
      return visit.BREAK;
    },
  });
  return {
    code: "UNRESOLVED_ALIAS",
    message: `Alias *${name} has no anchor &${name} before it`,
    start: range?.[0] ?? 0,
    end: range?.[1] ?? 0,
  };
}

/**
 * Indent the continuation lines of quoted scalars that span lines at the key's own
 * indentation (`excerpt: "one\ntwo"` with `two` at column 0), which strict YAML 1.2
 * rejects and libyaml accepts. One pass over the lines; returns `text` when nothing
 * changed.
 *
 * @param text
 *   YAML text.
 * @returns
 *   Repaired YAML text.
 */
export function repairQuotedContinuations(text: string): string {
  const lines = splitOn(text, "\n");
  let changed = false;
  let open: '"' | "'" | undefined;
  let indent = "";
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (open) {
      const lead = /^[ \t]*/.exec(line)?.[0] ?? "";
      if (lead.length <= indent.length && line.trim() !== "") {
        lines[index] = `${indent} ${line.slice(lead.length)}`;
        changed = true;
      }
      if (closes(line, 0, open)) open = undefined;
      continue;
    }
    const m = /^([ \t]*)(?:- +)?[^\s#"'][^:#]*:[ \t]+(["'])/.exec(line);
    if (!m) continue;
    const quote = m[2] as '"' | "'";
    if (!closes(line, m[0].length, quote)) {
      open = quote;
      indent = m[1] ?? "";
    }
  }
  return changed ? lines.join("\n") : text;
}

/** Whether the quoted scalar open before `from` closes on this line. */
function closes(line: string, from: number, quote: '"' | "'"): boolean {
  for (let k = from; k < line.length; k++) {
    const c = line[k];
    if (quote === '"' && c === "\\") {
      k++;
      continue;
    }
    if (c === quote) {
      if (quote === "'" && line[k + 1] === "'") {
        k++;
        continue;
      }
      return true;
    }
  }
  return false;
}

/** Offset of line `index` in the text that was split into `lines` on `\n` (linear). */
function lineStart(lines: readonly string[], index: number): number {
  let offset = 0;
  for (let k = 0; k < index; k++) offset += (lines[k] as string).length + 1;
  return offset;
}

/** The continuation lines of a key that has none (shared, never written). */
const NO_LINES: readonly string[] = [];

/**
 * The offset of the colon of a simple `key:` line, or -1: what the regex
 * `/^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/` matches (the key, then the value after
 * a space or tab, which runs to the end of the line: no U+2028 or U+2029, which `.`
 * does not match), without the regex and its match.
 */
function keyColon(line: string): number {
  const first = line.charCodeAt(0);
  // `| 32` folds an ASCII capital to its small letter (and no other character to one)
  if (first !== 95 && ((first | 32) < 97 || (first | 32) > 122)) return -1;
  let i = 1;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const letter = c | 32;
    if (!((letter >= 97 && letter <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
  }
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  if (line.charCodeAt(i) !== 58) return -1;
  if (i + 1 === line.length) return i;
  const after = line.charCodeAt(i + 1);
  if (after !== 32 && after !== 9) return -1;
  return line.includes("\u2028", i) || line.includes("\u2029", i) ? -1 : i;
}

const SIMPLE_ITEM = /^( {0,4})-[ \t]+(.*)$/;
const PLAIN_NULL = /^(?:~|null|Null|NULL)?$/;
const PLAIN_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const PLAIN_INT = /^[-+]?\d+$/;
const PLAIN_FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/;

/**
 * A scalar as the YAML 1.2 core schema reads it, for the simple cases only; `undefined`
 * when it needs the full reader (flow collections, anchors, tags, block scalars,
 * escapes other than the common ones, `: ` or ` #` inside a plain scalar).
 */
function simpleScalar(raw: string): { value: unknown } | undefined {
  const text = raw.trim();
  const c = text.charAt(0);
  if (c === '"') {
    if (text.length < 2 || !text.endsWith('"')) return undefined;
    const inner = text.slice(1, -1);
    // no escape (the common case): the text between the quotes, unless it has a quote
    if (!inner.includes("\\")) return inner.includes('"') ? undefined : { value: inner };
    if (/"/.test(inner.replace(/\\\\|\\"/g, ""))) return undefined;
    if (/\\[^"\\nt/]/.test(inner.replace(/\\\\/g, ""))) return undefined;
    return {
      value: inner.replace(/\\(["\\nt/])/g, (_, e: string) =>
        e === "n" ? "\n" : e === "t" ? "\t" : e,
      ),
    };
  }
  if (c === "'") {
    if (text.length < 2 || !text.endsWith("'")) return undefined;
    const inner = text.slice(1, -1);
    if (!inner.includes("'")) return { value: inner };
    if (/'/.test(inner.replace(/''/g, ""))) return undefined;
    return { value: inner.replace(/''/g, "'") };
  }
  if (/^[[\]{}&*!|>%@`#,?]/.test(text) || (c === "-" && /^-(?:\s|$)/.test(text))) return undefined;
  if (/:\s|:$|\s#/.test(text)) return undefined;
  // an ASCII letter that starts no null, boolean or number (`null`, `true`, `false`,
  // `.inf`, `0x1`…): a string (`| 32` folds a capital to its small letter, and no other
  // character to a letter)
  const letter = text.charCodeAt(0) | 32;
  if (letter >= 97 && letter <= 122 && letter !== 102 && letter !== 110 && letter !== 116)
    return { value: text };
  if (PLAIN_NULL.test(text)) return { value: null };
  if (PLAIN_BOOL.test(text)) return { value: text.toLowerCase() === "true" };
  if (PLAIN_INT.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? { value: n } : undefined;
  }
  if (PLAIN_FLOAT.test(text)) return { value: Number(text) };
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|^0[ox]/.test(text)) return undefined;
  return { value: text };
}

/** Fold the lines of a multi-line flow scalar: a line break is a space, n blank lines are n newlines. */
function foldFlow(lines: readonly string[]): string {
  let out = "";
  let blanks = 0;
  lines.forEach((line, index) => {
    const t = line.trim();
    if (t === "") {
      blanks++;
      return;
    }
    if (index > 0) out += blanks > 0 ? "\n".repeat(blanks) : " ";
    blanks = 0;
    out += t;
  });
  return out;
}

/** A `>` / `|` block scalar with clip or strip chomping and one indentation; else undefined. */
function blockScalar(header: string, lines: readonly string[]): string | undefined {
  const m = /^([>|])(-?)$/.exec(header.trim());
  if (!m) return undefined;
  let indent = -1;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const n = line.length - line.trimStart().length;
    if (indent < 0) indent = n;
    if (n !== indent) return undefined;
  }
  if (indent <= 0) return lines.every((l) => l.trim() === "") ? "" : undefined;
  // A line of spaces only, longer than the indentation, keeps its extra spaces as content
  // (`"a: |\n  A\n   "` is "A\n \n"): left to the full reader.
  for (const line of lines) if (line.length > indent && line.trim() === "") return undefined;
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? "").trim() === "") end--;
  const content = lines.slice(0, end).map((l) => (l.trim() === "" ? "" : l.slice(indent)));
  let out = "";
  if (m[1] === "|") out = content.join("\n");
  else {
    let blanks = 0;
    content.forEach((line, index) => {
      if (line === "") {
        blanks++;
        return;
      }
      if (index > 0) out += blanks > 0 ? "\n".repeat(blanks) : " ";
      blanks = 0;
      out += line;
    });
  }
  if (out.length > 0 && m[2] !== "-") out += "\n";
  return out;
}

/**
 * Fast path for the front matter most posts have: top-level `key: scalar` lines
 * (plain, quoted, folded `>-` or literal `|`, over several indented lines) and `key:`
 * followed by `- scalar` items, with blank and comment lines. Returns `undefined` for
 * anything else, which then goes through the full `yaml` reader; where it returns data,
 * it is what the full reader gives (checked on the corpora and in the tests).
 *
 * @param text
 *   YAML text.
 * @returns
 *   The mapping (its keys in order), or `undefined` when the text needs the full reader.
 */
export function readSimpleYaml(
  text: string,
): { data: Map<string, unknown>; repairedAt?: number } | undefined {
  if (text.length > 20_000 || text.includes("\t") || text.includes("\r")) return undefined;
  const data = new Map<string, unknown>();
  const lines = splitOn(text, "\n");
  let repairedAt: number | undefined;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    index++;
    if (line.length === 0 || line.charCodeAt(0) === 35 /* # */ || isBlank(line)) continue;
    const colon = keyColon(line);
    if (colon < 0) return undefined;
    // (the key, without the spaces before the colon)
    const key = line.slice(0, colon).trimEnd();
    // (a key twice, or `__proto__`, which a plain object holds apart: left to the full reader)
    if (data.has(key) || key === "__proto__") return undefined;
    const rest = line.slice(colon + 1).trim();
    // Continuation lines: indented, or blank, up to the next top-level line; for a
    // quoted string, up to its closing quote (Jekyll and Hugo accept unindented lines).
    let next = index;
    const first = rest.charAt(0);
    if ((first === '"' || first === "'") && !closes(rest, 1, first)) {
      while (next < lines.length && next - index < 200) {
        const l = lines[next] as string;
        if (!/^[ ]/.test(l) && l.trim() !== "") repairedAt ??= lineStart(lines, next);
        next++;
        if (closes(l, 0, first)) break;
      }
    }
    while (next < lines.length) {
      const l = lines[next] as string;
      // (no tab in the text: a space or nothing else is the indentation)
      // (an empty line first: no read past its end, which V8 makes slow for good)
      if (l.length === 0 || l.charCodeAt(0) === 32 || isBlank(l)) next++;
      else if (l.charCodeAt(0) === 45 && l.charCodeAt(1) === 32 && rest === "") next++;
      else break;
    }
    const more = next === index ? NO_LINES : lines.slice(index, next);
    index = next;
    const block = first === ">" || first === "|";
    if (more.length > 0 && !block && more.some((l) => /^\s*#/.test(l))) return undefined;
    if (rest === "") {
      const items = more.filter((l) => l.trim() !== "");
      if (items.length === 0) {
        data.set(key, null);
        continue;
      }
      const list: unknown[] = [];
      let listIndent = -1;
      for (const l of items) {
        const item = SIMPLE_ITEM.exec(l);
        if (!item) return undefined;
        const n = (item[1] ?? "").length;
        if (listIndent < 0) listIndent = n;
        if (n !== listIndent) return undefined;
        const scalar = simpleScalar(item[2] ?? "");
        if (!scalar) return undefined;
        list.push(scalar.value);
      }
      data.set(key, list);
      continue;
    }
    if (block) {
      const value = blockScalar(rest, more);
      if (value === undefined) return undefined;
      data.set(key, value);
      continue;
    }
    if (
      first !== '"' &&
      first !== "'" &&
      more.some((l) => /^\s*-(?:\s|$)/.test(l) || /:(?:\s|$)/.test(l))
    )
      return undefined;
    const scalar = simpleScalar(more.length === 0 ? rest : foldFlow([rest, ...more]));
    if (!scalar) return undefined;
    if (more.length > 0 && typeof scalar.value !== "string") return undefined;
    data.set(key, scalar.value);
  }
  return repairedAt === undefined ? { data } : { data, repairedAt };
}
