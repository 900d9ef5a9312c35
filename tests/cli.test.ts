import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../src/cli/batch.js";
import { detectFormat, escapeHtml, extractJsonLdScripts, renderHtml } from "../src/cli/convert.js";
import { type CliIo, main } from "../src/cli/run.js";
import {
  type Article,
  ArticleSchema,
  formatDiagnostic,
  parseText,
  toJson,
  toJsonLd,
} from "../src/index.js";

const SEED = join(import.meta.dirname, "..", "examples", "empty-alert.txt");

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the command in-process with captured streams. */
async function cli(
  argv: string[],
  stdin?: string | Uint8Array,
  options: { tty?: boolean } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: {
      write(chunk: string) {
        stdout += chunk;
        return true;
      },
    },
    stderr: {
      isTTY: options.tty === true,
      columns: 80,
      write(chunk: string) {
        stderr += chunk;
        return true;
      },
    },
    stdinIsTTY: stdin === undefined,
    readStdin: async () => stdin ?? "",
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "article-model-cli-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("article-model (one input)", () => {
  it("prints the article as JSON by default and exits 0", async () => {
    const run = await cli([SEED]);
    expect(run.status).toBe(0);
    const article = ArticleSchema.parse(JSON.parse(run.stdout));
    expect(article.headline).toBe("Empty alert");
    expect(run.stdout).toContain('\n  "headline"');
  });

  it("prints JSON-LD with --to jsonld", async () => {
    const run = await cli([SEED, "--to", "jsonld"]);
    expect(run.status).toBe(0);
    const data = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.headline).toBe("Empty alert");
  });

  it("reads standard input with --from text and prints the same as from the file", async () => {
    const text = await readFile(SEED, "utf8");
    const fromFile = await cli([SEED, "--to", "jsonld"]);
    const fromStdin = await cli(["--from", "text", "--to", "jsonld"], text);
    const fromDash = await cli(["-", "--from", "text", "--to", "jsonld"], text);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromDash.stdout).toBe(fromFile.stdout);
  });

  it("prints the same JSON-LD as the library", async () => {
    const text = await readFile(SEED, "utf8");
    const run = await cli(
      ["--from", "text", "--to", "jsonld", "--reference-date", "2024-02-01"],
      text,
    );
    const article = parseText(text, { referenceDate: "2024-02-01" }).article;
    expect(article).toBeDefined();
    if (article)
      expect(JSON.parse(run.stdout)).toEqual(toJsonLd(article, { includeClaims: false }));
  });

  it("exits 2 with a hint for a missing file", async () => {
    const run = await cli([join(dir, "missing.txt")]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Cannot read `.*missing\.txt`: no such file or directory/);
    expect(run.stderr).toContain("--help");
  });

  it("exits 2 for usage errors", async () => {
    for (const argv of [
      [SEED, "--to", "xml"],
      [SEED, "--from", "docx"],
      [SEED, "--bogus"],
      [SEED, "--reference-date", "March 5"],
      [SEED, "--reference-date", "2024-02-30"],
      [SEED, "--jobs", "0"],
    ]) {
      const run = await cli(argv);
      expect(run.status, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(
        /^article-model: .+\nSee `article-model --help`\.\n$/,
      );
    }
  });

  it("exits 2 when there is no file and standard input is a terminal", async () => {
    const run = await cli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("No input");
  });

  it("prints help and version", async () => {
    const help = await cli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: article-model");
    const version = await cli(["--version"]);
    const pkg = JSON.parse(
      await readFile(join(import.meta.dirname, "..", "package.json"), "utf8"),
    ) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it("exits 1 with a positioned diagnostic for empty input", async () => {
    const run = await cli(["--from", "text"], "   \n\n");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^<stdin>:\d+:\d+ error [a-z-]+ .+/m);
  });

  it("counts warnings as failures with --strict", async () => {
    const lenient = await cli([SEED, "--url", "not a url"]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/warning invalid-url/);
    const strict = await cli([SEED, "--url", "not a url", "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).not.toBe("");
    const quiet = await cli([SEED, "--url", "not a url", "--quiet"]);
    expect(quiet.stderr).toBe("");
  });

  it("prints a page whose script element holds the JSON-LD with --to html", async () => {
    const jsonld = await cli([SEED, "--to", "jsonld"]);
    const run = await cli([SEED, "--to", "html"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>\n<html/);
    expect(run.stdout.trimEnd().endsWith("</html>")).toBe(true);
    const blocks = extractJsonLdScripts(run.stdout);
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]?.text ?? "")).toEqual(JSON.parse(jsonld.stdout));
    expect(run.stdout).toContain("<h1>Empty alert</h1>");
  });

  it("escapes article text in the page", async () => {
    const hostile =
      'A </script><script>alert(1)</script> "title"\n\nBody with <b>tags</b> & "quotes".';
    const run = await cli(["--from", "text", "--to", "html"], hostile);
    expect(run.stdout.match(/<script/g)).toHaveLength(1);
    expect(run.stdout).not.toContain("<b>");
    expect(run.stdout).toContain("&lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot;");
  });

  it("reads article-model JSON back (.json without @context)", async () => {
    const json = await cli([SEED]);
    const file = join(dir, "article.json");
    await writeFile(file, json.stdout);
    const run = await cli([file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(json.stdout);
  });

  it("reports invalid article JSON with its path and exits 1", async () => {
    const file = join(dir, "broken.json");
    await writeFile(
      file,
      JSON.stringify({ headline: "", keywords: [], images: [], body: [], claims: [] }),
    );
    const run = await cli([file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.json:1:1 error [a-z-]+ .*headline/);
    const notJson = join(dir, "not.json");
    await writeFile(notJson, "{ nope");
    const run2 = await cli([notJson]);
    expect(run2.status).toBe(1);
    // at the position JSON.parse names ("… at position 2")
    expect(run2.stderr).toMatch(/not\.json:1:3 error invalid-json /);
  });

  it("reads the JSON-LD of a page it printed (--to html, then .html)", async () => {
    const page = await cli([SEED, "--to", "html"]);
    const file = join(dir, "page.html");
    await writeFile(file, page.stdout);
    const run = await cli([file]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).headline).toBe("Empty alert");
  });

  it("says what is missing in a page without JSON-LD", async () => {
    const file = join(dir, "plain.html");
    await writeFile(file, "<!doctype html><title>x</title><p>Hi</p>");
    const run = await cli([file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error missing-json-ld");
  });
});

describe("article-model (batch)", () => {
  it("prints NDJSON for a directory, one line per file in path order, null for no article", async () => {
    const batch = join(dir, "batch");
    await mkdir(join(batch, "sub"), { recursive: true });
    await writeFile(join(batch, "b.txt"), "Second headline\n\nIt rained.");
    await writeFile(join(batch, "a.md"), "# First headline\n\nIt snowed.");
    await writeFile(join(batch, "sub", "c.txt"), "Third headline\n\nIt was sunny.");
    await writeFile(join(batch, "empty.txt"), "");
    await writeFile(join(batch, "notes.docx"), "ignored");
    await writeFile(join(batch, ".hidden.txt"), "ignored");
    const run = await cli([batch]);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(
      lines.map((line) => (JSON.parse(line) as { headline?: string } | null)?.headline ?? null),
    ).toEqual(["First headline", "Second headline", null, "Third headline"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/empty\.txt:1:1 error /);
  });

  it("keeps the order of files named on the command line and prints JSON-LD lines", async () => {
    const x = join(dir, "x.txt");
    const y = join(dir, "y.txt");
    await writeFile(x, "Headline X\n\nBody.");
    await writeFile(y, "Headline Y\n\nBody.");
    const run = await cli([y, x, "--to", "jsonld"]);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.headline)).toEqual(["Headline Y", "Headline X"]);
    expect(lines.every((l) => l["@type"] === "NewsArticle")).toBe(true);
  });

  it("refuses --to html, standard input and missing paths in a batch", async () => {
    expect((await cli([SEED, SEED, "--to", "html"])).status).toBe(2);
    expect((await cli([SEED, "-"], "x")).status).toBe(2);
    const missing = await cli([SEED, join(dir, "nope")]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe("");
  });

  it("gives the same output on worker threads as in-process, and draws progress only on a terminal", async () => {
    const many = join(dir, "many");
    await mkdir(many, { recursive: true });
    const text = await readFile(SEED, "utf8");
    for (let i = 0; i < 24; i++) {
      await writeFile(join(many, `${String(i).padStart(2, "0")}.txt`), `Headline ${i}\n\n${text}`);
    }
    const inProcess = await cli([many, "--jobs", "1"]);
    const pooled = await cli([many, "--jobs", "2"], undefined, { tty: true });
    expect(inProcess.status).toBe(0);
    expect(pooled.status).toBe(0);
    expect(pooled.stdout).toBe(inProcess.stdout);
    expect(pooled.stdout.trimEnd().split("\n")).toHaveLength(24);
    expect(pooled.stderr).toContain("24/24 files");
    expect(inProcess.stderr).not.toContain("\r");
    // without the bar, the terminal shows the same diagnostics in the same order
    const bar = new RegExp(`\r${String.fromCharCode(27)}\\[2K(?:\\[[█░]*\\][^\r\n]*)?`, "g");
    expect(pooled.stderr.replace(bar, "")).toBe(inProcess.stderr);
  });
});

describe("detectFormat", () => {
  it("reads the extension", () => {
    expect(detectFormat("a.txt", "")).toBe("text");
    expect(detectFormat("a.MD", "")).toBe("markdown");
    expect(detectFormat("a.markdown", "")).toBe("markdown");
    expect(detectFormat("a.jsonld", "")).toBe("jsonld");
    expect(detectFormat("a.html", "")).toBe("html");
  });

  it("tells JSON-LD from article-model JSON in .json files", () => {
    expect(detectFormat("a.json", '{"@context":"https://schema.org","@type":"NewsArticle"}')).toBe(
      "jsonld",
    );
    expect(detectFormat("a.json", '[{"@type":"NewsArticle"}]')).toBe("jsonld");
    expect(detectFormat("a.json", '{"headline":"x"}')).toBe("json");
  });

  it("sniffs standard input", () => {
    expect(detectFormat(undefined, '{"@graph":[]}')).toBe("jsonld");
    expect(detectFormat(undefined, "<!doctype html>")).toBe("html");
    expect(detectFormat(undefined, "---\ntitle: x\n---\nBody")).toBe("markdown");
    expect(detectFormat(undefined, "# Title\n\nBody")).toBe("markdown");
    expect(detectFormat(undefined, "Title\n\nBody")).toBe("text");
  });
});

describe("extractJsonLdScripts", () => {
  it("finds only JSON-LD script elements, in any case, with their offsets", () => {
    const page = `<script>var a = 1;</script><SCRIPT Type='application/ld+json'>{"a":1}</SCRIPT><script type="application/ld+json">[2]</script>`;
    const blocks = extractJsonLdScripts(page);
    expect(blocks.map((b) => b.text)).toEqual(['{"a":1}', "[2]"]);
    for (const b of blocks) expect(page.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
  });

  it("survives an unclosed script element", () => {
    expect(extractJsonLdScripts('<script type="application/ld+json">{"a":1}')).toEqual([
      { text: '{"a":1}', offset: 35 },
    ]);
    expect(extractJsonLdScripts("<script")).toEqual([]);
  });
});

describe("renderHtml", () => {
  it("escapes every string", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    const page = renderHtml({
      headline: "<i>H</i>",
      keywords: [],
      images: [],
      body: [{ text: "WASHINGTON - A <b> B" }],
      claims: [],
      dateline: { text: "WASHINGTON -", place: "WASHINGTON" },
      byline: { text: "By <x>", authors: [] },
    });
    expect(page).toContain("<h1>&lt;i&gt;H&lt;/i&gt;</h1>");
    expect(page).toContain('<p><span class="dateline">WASHINGTON -</span> A &lt;b&gt; B</p>');
    expect(page).toContain('<p class="byline">By &lt;x&gt;</p>');
  });
});

describe("found by the audit of the command (fifth session)", () => {
  const article = (headline: string) =>
    JSON.stringify(
      toJsonLd(parseText(`${headline}\n\nThe bridge reopened on Monday.\n`).article as Article),
    );

  it("reads the article of a page that has other JSON-LD blocks first, without their errors", async () => {
    const page = [
      "<html><head>",
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Daily"}</script>',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[]}</script>',
      '<!-- <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Commented out"}</script> -->',
      '<script data-type="application/ld+json" src="x.js"></script>',
      `<script type="application/ld+json">${article("Bridge reopens")}</script>`,
      "</head></html>",
    ].join("\n");
    const file = join(dir, "page.html");
    await writeFile(file, page);
    const run = await cli([file]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).headline).toBe("Bridge reopens");
    expect(extractJsonLdScripts(page)).toHaveLength(3);
  });

  it("reads JSON-LD with a byte order mark", async () => {
    const file = join(dir, "bom.jsonld");
    await writeFile(file, `\uFEFF${article("Bridge reopens")}`);
    const run = await cli([file]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).headline).toBe("Bridge reopens");
  });

  it("keeps each diagnostic on one line, at the position a JSON error gives", async () => {
    const broken = join(dir, "broken.json");
    await writeFile(broken, "x\n\ny");
    const run = await cli([broken]);
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    const trailing = join(dir, "trailing.json");
    await writeFile(trailing, '{"a": 1}\n\nx');
    const after = await cli([trailing]);
    expect(after.stderr).toMatch(/trailing\.json:3:1 error /);
    expect(
      formatDiagnostic({
        ruleId: "r",
        source: "article-model",
        severity: "error",
        message: "a\r\nb\u2028c",
      }),
    ).toBe("<input>:1:1 error r a b c");
  });

  it("reports what the JSON-LD writer notes", async () => {
    const file = join(dir, "long.md");
    await writeFile(file, `# ${"Bridge ".repeat(20)}reopens\n\nThe bridge reopened on Monday.\n`);
    const run = await cli([file, "--to", "jsonld"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/long\.md:1:1 info jsonld-long-headline Headline is 147 characters/);
    // with --to json nothing is written as JSON-LD, so nothing is noted
    expect((await cli([file])).stderr).not.toMatch(/jsonld-long-headline/);
  });

  it("lists a directory it cannot read as an input of its own, which then fails to read", async () => {
    const missing = join(dir, "no-such-directory");
    expect(await listFiles(missing)).toEqual([missing]);
  });

  it("rejects a --reference-date outside the years 1000 to 9998", async () => {
    for (const date of ["9999-12-31", "0099-06-01"]) {
      const run = await cli([SEED, "--reference-date", date]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/expected a year from 1000 to 9998/);
    }
  });

  it("reads UTF-16 files and says when bytes are not UTF-8", async () => {
    const text = "Café reopens\n\nThe café reopened on Monday.\n";
    const utf16 = join(dir, "utf16.txt");
    await writeFile(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    const read16 = await cli([utf16]);
    expect(read16.status).toBe(0);
    expect(JSON.parse(read16.stdout).headline).toBe("Café reopens");
    const latin1 = join(dir, "latin1.txt");
    await writeFile(latin1, Buffer.from(text, "latin1"));
    const lenient = await cli([latin1]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/latin1\.txt:1:1 warning invalid-encoding /);
    expect((await cli([latin1, "--strict"])).status).toBe(1);
    const stdin = await cli(["--from", "text"], Buffer.from(text, "latin1"));
    expect(stdin.stderr).toMatch(/<stdin>:1:1 warning invalid-encoding /);
    // UTF-8 (with or without a byte order mark) is read without a word
    const utf8 = await cli(["--from", "text"], Buffer.from(`\uFEFF${text}`, "utf8"));
    expect(utf8.stderr).not.toMatch(/invalid-encoding/);
    expect(JSON.parse(utf8.stdout).headline).toBe("Café reopens");
  });

  it("runs at most one thread per core", async () => {
    const files = join(dir, "jobs");
    await mkdir(files);
    await writeFile(join(files, "a.txt"), "Bridge reopens\n\nThe bridge reopened on Monday.\n");
    const many = await cli([files, "--jobs", "100000", "-q"]);
    expect(many.status).toBe(0);
    expect(JSON.parse(many.stdout).headline).toBe("Bridge reopens");
    expect((await cli([files, "--jobs", "0x2"])).status).toBe(2);
  });
});

describe("--quiet with --strict", () => {
  it("still prints the warnings that fail the command", async () => {
    const file = join(dir, "latin1-quiet.txt");
    await writeFile(file, Buffer.from("Café reopens\n\nThe café reopened on Monday.\n", "latin1"));
    const quiet = await cli([file, "-q"]);
    expect(quiet.stderr).toBe("");
    const strict = await cli([file, "-q", "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/warning invalid-encoding/);
    expect(strict.stderr).not.toMatch(/ info /);
  });
});

describe("parser options with JSON input", () => {
  it("says that --url and --reference-date do not apply to JSON or JSON-LD input", async () => {
    const json = join(dir, "article.json");
    await writeFile(
      json,
      JSON.stringify(toJson(parseText("Bridge reopens\n\nIt reopened.\n").article as Article)),
    );
    const run = await cli([
      json,
      "--url",
      "https://example.com/a",
      "--reference-date",
      "2024-01-01",
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /info options-ignored Unexpected --reference-date, --url for json input/,
    );
    expect((await cli([SEED, "--url", "https://example.com/a"])).stderr).not.toMatch(
      /options-ignored/,
    );
  });
});
