/**
 * A small TOML reader for Hugo-style `+++` front matter: `key = value` pairs with
 * strings, numbers, booleans, dates, arrays and inline tables, plus `[table]` and
 * `[[array.of.tables]]` headers. Enough for front matter; not a full TOML 1.0 reader.
 * Internal to the Markdown front end.
 */

/** A TOML problem, offsets into the TOML text. */
export interface TomlProblem {
  message: string;
  start: number;
  end: number;
}

/** What {@link readToml} returns. */
export interface TomlResult {
  data: Record<string, unknown>;
  errors: TomlProblem[];
}

type Table = Record<string, unknown>;

class Reader {
  i = 0;
  constructor(readonly text: string) {}

  spaces(): void {
    while (this.i < this.text.length && (this.text[this.i] === " " || this.text[this.i] === "\t"))
      this.i++;
  }

  /** Whitespace, newlines and comments (inside arrays). */
  blank(): void {
    for (;;) {
      this.spaces();
      const c = this.text[this.i];
      if (c === "\n" || c === "\r") this.i++;
      else if (c === "#") this.skipComment();
      else return;
    }
  }

  skipComment(): void {
    while (this.i < this.text.length && this.text[this.i] !== "\n") this.i++;
  }

  fail(message: string): never {
    throw new TomlError(message, this.i);
  }

  key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.spaces();
      const c = this.text[this.i];
      if (c === '"' || c === "'") parts.push(this.string());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.text.slice(this.i, this.i + 256));
        if (!m) this.fail("Expected a key");
        parts.push(m[0]);
        this.i += m[0].length;
      }
      this.spaces();
      if (this.text[this.i] !== ".") return parts;
      this.i++;
    }
  }

  string(): string {
    const quote = this.text[this.i];
    const triple = this.text.startsWith(quote === '"' ? '"""' : "'''", this.i);
    if (triple) {
      const close = quote === '"' ? '"""' : "'''";
      const end = this.text.indexOf(close, this.i + 3);
      if (end < 0) this.fail("Unclosed multi-line string");
      let raw = this.text.slice(this.i + 3, end);
      this.i = end + 3;
      if (raw.startsWith("\r\n")) raw = raw.slice(2);
      else if (raw.startsWith("\n")) raw = raw.slice(1);
      return quote === '"' ? unescapeBasic(raw.replace(/\\\r?\n[ \t\r\n]*/g, "")) : raw;
    }
    let k = this.i + 1;
    while (k < this.text.length && this.text[k] !== quote && this.text[k] !== "\n") {
      if (quote === '"' && this.text[k] === "\\") k++;
      k++;
    }
    if (this.text[k] !== quote) this.fail("Unclosed string");
    const raw = this.text.slice(this.i + 1, k);
    this.i = k + 1;
    return quote === '"' ? unescapeBasic(raw) : raw;
  }

  value(depth: number): unknown {
    if (depth > 32) this.fail("Too deeply nested");
    this.spaces();
    const c = this.text[this.i];
    if (c === '"' || c === "'") return this.string();
    if (c === "[") {
      this.i++;
      const list: unknown[] = [];
      for (;;) {
        this.blank();
        if (this.text[this.i] === "]") {
          this.i++;
          return list;
        }
        if (this.i >= this.text.length) this.fail("Unclosed array");
        list.push(this.value(depth + 1));
        this.blank();
        if (this.text[this.i] === ",") this.i++;
        else if (this.text[this.i] !== "]") this.fail("Expected `,` or `]` in array");
      }
    }
    if (c === "{") {
      this.i++;
      const table: Table = {};
      this.spaces();
      if (this.text[this.i] === "}") {
        this.i++;
        return table;
      }
      for (;;) {
        const key = this.key();
        if (this.text[this.i] !== "=") this.fail("Expected `=` in inline table");
        this.i++;
        assign(table, key, this.value(depth + 1));
        this.spaces();
        if (this.text[this.i] === ",") this.i++;
        else if (this.text[this.i] === "}") {
          this.i++;
          return table;
        } else this.fail("Expected `,` or `}` in inline table");
      }
    }
    const m = /^[^\s,\]}#]+(?: \d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/.exec(
      this.text.slice(this.i, this.i + 64),
    );
    if (!m) this.fail("Expected a value");
    this.i += m[0].length;
    const raw = m[0];
    if (raw === "true") return true;
    if (raw === "false") return false;
    if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
    const number = Number(raw.replace(/_/g, ""));
    if (!Number.isNaN(number)) return number;
    if (/^[+-]?(?:inf|nan)$/.test(raw))
      return raw.includes("nan") ? Number.NaN : raw.startsWith("-") ? -Infinity : Infinity;
    return this.fail("Unexpected value");
  }
}

class TomlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function unescapeBasic(raw: string): string {
  return raw.replace(/\\(u[\da-fA-F]{4}|U[\da-fA-F]{8}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "u":
      case "U": {
        const cp = Number.parseInt(e.slice(1), 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : "\uFFFD";
      }
      default:
        return e;
    }
  });
}

function assign(table: Table, key: readonly string[], value: unknown): void {
  let target = table;
  for (let k = 0; k < key.length - 1; k++) {
    const part = key[k] as string;
    const next = target[part];
    if (next && typeof next === "object" && !Array.isArray(next)) target = next as Table;
    else {
      const created: Table = {};
      target[part] = created;
      target = created;
    }
  }
  const last = key[key.length - 1] as string;
  if (last === "__proto__") return;
  target[last] = value;
}

/**
 * Read TOML front matter. Never throws: a problem ends the reading of that line and
 * is reported; the other lines are still read.
 *
 * @param text
 *   The TOML between the `+++` fences.
 * @returns
 *   The data and the problems.
 */
export function readToml(text: string): TomlResult {
  const data: Table = Object.create(null) as Table;
  const errors: TomlProblem[] = [];
  const reader = new Reader(text);
  let current: Table = data;
  while (reader.i < text.length) {
    const lineStart = reader.i;
    try {
      reader.blank();
      if (reader.i >= text.length) break;
      if (text[reader.i] === "[") {
        const array = text[reader.i + 1] === "[";
        reader.i += array ? 2 : 1;
        const key = reader.key();
        if (!text.startsWith(array ? "]]" : "]", reader.i))
          reader.fail("Expected `]` after table name");
        reader.i += array ? 2 : 1;
        let parent = data;
        for (let k = 0; k < key.length - 1; k++) {
          const part = key[k] as string;
          const next = parent[part];
          if (next && typeof next === "object" && !Array.isArray(next)) parent = next as Table;
          else {
            const created: Table = {};
            parent[part] = created;
            parent = created;
          }
        }
        const last = key[key.length - 1] as string;
        const table: Table = {};
        if (array) {
          const list = Array.isArray(parent[last]) ? (parent[last] as unknown[]) : [];
          list.push(table);
          parent[last] = list;
        } else parent[last] = table;
        current = table;
      } else {
        const key = reader.key();
        if (text[reader.i] !== "=") reader.fail("Expected `=` after key");
        reader.i++;
        assign(current, key, reader.value(0));
      }
      reader.spaces();
      if (text[reader.i] === "#") reader.skipComment();
      const c = text[reader.i];
      if (c !== undefined && c !== "\n" && c !== "\r") reader.fail("Expected the end of the line");
    } catch (error) {
      const at = error instanceof TomlError ? error.offset : reader.i;
      const lineEnd = text.indexOf("\n", Math.max(at, lineStart));
      errors.push({
        message: error instanceof Error ? error.message : "Unexpected TOML",
        start: at,
        end: lineEnd < 0 ? text.length : lineEnd,
      });
      reader.i = lineEnd < 0 ? text.length : lineEnd + 1;
    }
  }
  return { data: { ...data }, errors };
}
