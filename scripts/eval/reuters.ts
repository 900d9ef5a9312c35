/**
 * Evaluate `parseText` on the Reuters-21578 corpus (Reuters Ltd, research use only:
 * "Reuters-21578, Distribution 1.0"). Reads a JSONL file of records with `wire_text`,
 * `wire_spans`, `dateline_raw`, `dateline_derived`, `author_raw`, `title` and `date_raw`,
 * and prints: headline, dateline place, dateline date (year resolved from `date_raw`),
 * body starts right after the dateline, byline names, affiliation "Reuters".
 *
 * Usage: npx tsx scripts/eval/reuters.ts <file.jsonl> [--verbose] [--limit=N]
 */
import { readFileSync } from "node:fs";
import { parseText } from "../../src/index.js";
import { monthNumber } from "../../src/parse/extract/dates.js";
import { ArticleSchema } from "../../src/schema/index.js";

/** One Reuters record (the fields used here). */
interface Record {
  id: string;
  title: string | null;
  wire_text: string;
  wire_spans: {
    title: [number, number] | null;
    author: [number, number] | null;
    dateline: [number, number] | null;
    body: [number, number] | null;
  };
  dateline_raw: string | null;
  dateline_derived: { place: string | null; date: string | null; agency: string | null } | null;
  author_raw: string | null;
  date_raw: string;
}

/** A measured figure: hits over trials, with failures kept for --verbose. */
class Figure {
  hits = 0;
  total = 0;
  failures: string[] = [];
  constructor(readonly label: string) {}
  add(ok: boolean, failure: () => string): void {
    this.total++;
    if (ok) this.hits++;
    else this.failures.push(failure());
  }
  toString(): string {
    const pct = this.total === 0 ? 100 : (100 * this.hits) / this.total;
    return `${this.label.padEnd(38)} ${pct.toFixed(2).padStart(6)}%  (${this.hits}/${this.total})`;
  }
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** " 5-MAR-1987 09:07:54.17" -> "1987-03-05". */
function referenceDate(raw: string): string | undefined {
  const m = /(\d{1,2})-([A-Z]{3})-(\d{4})/i.exec(raw);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? "").toUpperCase()) + 1;
  if (month === 0) return undefined;
  return `${m[3]}-${String(month).padStart(2, "0")}-${String(Number(m[1])).padStart(2, "0")}`;
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
/** The corpus titles keep SGML entities; the wire text has them decoded. */
const decode = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
/** Places compare without leading junk ("****LONDON") and whitespace differences. */
const placeKey = (s: string): string => squash(s.replace(/^[^\p{L}\p{N}]+/u, ""));

/** The gold dateline: from `dateline_derived`, or read leniently from `dateline_raw`. */
function goldDateline(
  r: Record,
): { place: string; date: string | null; bodyStart: number } | undefined {
  const span = r.wire_spans.dateline;
  if (!span || !r.dateline_raw) return undefined;
  if (r.dateline_derived?.place) {
    let bodyStart = r.wire_spans.body?.[0] ?? span[1];
    while (/\s/.test(r.wire_text[bodyStart] ?? "")) bodyStart++;
    return { place: r.dateline_derived.place, date: r.dateline_derived.date, bodyStart };
  }
  // The few odd ones ("STOCKHOLM, Mar 5 - Group profit ... -", "ROCKVILLE, Md, - March 6 -").
  const text = r.wire_text.slice(span[0]);
  const m = /^\s*([^\d]*?),?\s*-?\s*([A-Za-z]{3,9}\.?\s+\d{1,2})\s*-+\s*/.exec(text);
  if (!m) return undefined;
  return {
    place: (m[1] ?? "").replace(/[\s,]+$/, ""),
    date: m[2] ?? null,
    bodyStart: span[0] + m[0].length,
  };
}

/** "March 5" -> "1987-03-05" (the corpus is from 1987). */
function goldDate(written: string | null): string | undefined {
  if (!written) return undefined;
  const [month, day] = squash(written).split(" ");
  const n = monthNumber(month ?? "");
  if (n === undefined || !day) return undefined;
  return `1987-${String(n).padStart(2, "0")}-${String(Number(day)).padStart(2, "0")}`;
}

/** Gold author names from `author_raw` ("By A and B, Reuters" -> ["A", "B"]). */
function goldNames(raw: string): string[] {
  return squash(raw)
    .replace(/^by\s+/i, "")
    .replace(/[,\s]+reuter\w*\.?$/i, "")
    .split(/\s*,\s*|\s+and\s+/i)
    .filter((n) => n !== "");
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  const verbose = args.includes("--verbose");
  const limitArg = args.find((a) => a.startsWith("--limit="));
  const limit = limitArg ? Number(limitArg.slice(8)) : 8;
  if (!file) {
    console.error("Usage: npx tsx scripts/eval/reuters.ts <reuters.jsonl> [--verbose] [--limit=N]");
    process.exit(2);
  }
  const records = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record);

  const valid = new Figure("article passes ArticleSchema");
  const headline = new Figure("headline = title");
  const place = new Figure("dateline place");
  const date = new Figure("dateline date (1987 resolved)");
  const bodyStart = new Figure("body starts right after dateline");
  const spans = new Figure("dateline/byline spans slice to text");
  const names = new Figure("byline names");
  const affiliation = new Figure('affiliation "Reuters"');
  const started = performance.now();

  for (const r of records) {
    const ref = referenceDate(r.date_raw);
    const { article } = parseText(
      r.wire_text,
      ref ? { referenceDate: ref, claims: false } : { claims: false },
    );
    const id = r.id;
    valid.add(
      article !== undefined && ArticleSchema.safeParse(article).success,
      () => `${id}: invalid article`,
    );
    if (!article) continue;
    if (r.title) {
      headline.add(
        squash(article.headline) === squash(decode(r.title)),
        () => `${id}: ${JSON.stringify(article.headline)} != ${JSON.stringify(r.title)}`,
      );
    }
    const dl = article.dateline;
    const bl = article.byline;
    spans.add(
      (!dl?.span || r.wire_text.slice(dl.span.start, dl.span.end) === dl.text) &&
        (!bl?.span || r.wire_text.slice(bl.span.start, bl.span.end) === bl.text),
      () => `${id}: span mismatch`,
    );
    const gold = goldDateline(r);
    if (gold) {
      place.add(
        dl !== undefined && placeKey(dl.place) === placeKey(gold.place),
        () =>
          `${id}: place ${JSON.stringify(dl?.place)} != ${JSON.stringify(gold.place)}  | ${JSON.stringify(r.wire_text.slice(r.wire_spans.dateline?.[0] ?? 0, (r.wire_spans.dateline?.[1] ?? 0) + 30))}`,
      );
      const want = goldDate(gold.date);
      date.add(
        dl?.date === want,
        () =>
          `${id}: date ${JSON.stringify(dl?.date)} != ${JSON.stringify(want)}  | ${JSON.stringify(dl?.text)}`,
      );
      const got = article.body[0]?.span?.start;
      bodyStart.add(
        got === gold.bodyStart,
        () =>
          `${id}: body starts at ${got} ${JSON.stringify(r.wire_text.slice(got ?? 0, (got ?? 0) + 30))}, expected ${gold.bodyStart} ${JSON.stringify(r.wire_text.slice(gold.bodyStart, gold.bodyStart + 30))}`,
      );
    }
    if (r.author_raw && r.author_raw.trim() !== "") {
      const want = goldNames(r.author_raw).map((n) => n.toLowerCase());
      const got = (bl?.authors ?? []).map((a) => squash(a.name).toLowerCase());
      names.add(
        JSON.stringify(got) === JSON.stringify(want),
        () =>
          `${id}: names ${JSON.stringify(got)} != ${JSON.stringify(want)}  | ${JSON.stringify(r.author_raw)}`,
      );
      if (/reuter/i.test(r.author_raw)) {
        affiliation.add(
          bl !== undefined &&
            bl.authors.length > 0 &&
            bl.authors.every((a) => a.affiliation === "Reuters"),
          () =>
            `${id}: affiliation ${JSON.stringify(bl?.authors.map((a) => a.affiliation))} | ${JSON.stringify(r.author_raw)}`,
        );
      }
    }
  }
  const ms = performance.now() - started;
  console.log(`${records.length} records from ${file} in ${ms.toFixed(0)} ms`);
  for (const f of [place, date, bodyStart, names, affiliation, headline, spans, valid]) {
    console.log(f.toString());
    if (verbose) for (const line of f.failures.slice(0, limit)) console.log(`    ${line}`);
  }
}

main();
