/**
 * Evaluate quoted-claim extraction against the PolNeAR attribution corpus.
 *
 *   npx tsx scripts/eval/polnear.ts /path/to/polnear-train-articles.jsonl [--verbose] [--limit N]
 *     [--by-publisher] [--publisher NAME]
 *
 * `--by-publisher` adds a table of the same figures per publisher (the `publisher` field of
 * the records); `--publisher NAME` scores only that publisher's articles.
 *
 * Scoring (issue #4): gold direct/mixed = attributions whose content contains a double
 * quotation mark (straight, curly or ''); a predicted direct/mixed claim matches a gold one
 * when their overlap is at least 50% of each span, one-to-one; speaker correct when
 * `speaker.span` overlaps the gold source span; cue correct when `cue.span` overlaps the
 * gold cue span; indirect recall against gold indirect attributions with a speech cue
 * (`cue_is_speech_verb`, no double marks), indirect precision against all gold
 * attributions.
 */
import { readFileSync } from "node:fs";
import { parseText } from "../../src/index.js";
import type { QuotedClaim } from "../../src/schema/claim.js";

interface GoldSpan {
  text: string;
  start: number;
  end: number;
}

interface GoldAttribution {
  attribution_id: string;
  attribution_type: string;
  content: GoldSpan | null;
  cue: GoldSpan | null;
  source: GoldSpan | null;
  kind: "direct" | "mixed" | "indirect";
  cue_is_speech_verb: boolean;
}

interface GoldArticle {
  id: string;
  publisher?: string;
  publication_date: string;
  text: string;
  attributions: GoldAttribution[];
}

interface Span {
  start: number;
  end: number;
}

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const limitArg = args.indexOf("--limit");
const sampleLimit = limitArg >= 0 ? Number(args[limitArg + 1] ?? 20) : 25;
const byPublisher = args.includes("--by-publisher");
const publisherArg = args.indexOf("--publisher");
const onlyPublisher = publisherArg >= 0 ? args[publisherArg + 1] : undefined;
const file = args.find(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--limit" && args[i - 1] !== "--publisher",
);
if (!file) {
  console.error(
    "usage: tsx scripts/eval/polnear.ts polnear-train-articles.jsonl [--verbose] [--limit N] [--by-publisher] [--publisher NAME]",
  );
  process.exit(2);
}

const DOUBLE = /["“”]|''/;

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function matches(a: Span, b: Span): boolean {
  const o = overlap(a, b);
  return o > 0 && o >= 0.5 * (a.end - a.start) && o >= 0.5 * (b.end - b.start);
}

function touches(a: Span | undefined, b: Span | null): boolean {
  if (!a || !b) return false;
  return overlap(a, b) > 0 || (a.start === a.end && a.start >= b.start && a.start < b.end);
}

/** The predicted claim that overlaps a missed gold span most, to tell near misses from misses. */
function nearest(claims: readonly QuotedClaim[], g: Span, text: string): string {
  let best: QuotedClaim | undefined;
  let bestOverlap = 0;
  for (const c of claims) {
    const o = overlap(c.span, g);
    if (o > bestOverlap) {
      best = c;
      bestOverlap = o;
    }
  }
  if (!best) return "";
  return `\n    ~ near ${best.kind}: ${text.slice(best.span.start, best.span.end).replace(/\n/g, " / ")}`;
}

/** One-to-one matching, best overlap first. */
function match<P extends Span, G extends Span>(
  pred: readonly P[],
  gold: readonly G[],
): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i];
    if (!p) continue;
    for (let j = 0; j < gold.length; j++) {
      const g = gold[j];
      if (g && matches(p, g))
        pairs.push([i, j, overlap(p, g) / Math.max(p.end - p.start, g.end - g.start)]);
    }
  }
  pairs.sort((a, b) => b[2] - a[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

const articles: GoldArticle[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as GoldArticle);

/** The counts behind every figure, for all articles or one publisher. */
interface Stats {
  articles: number;
  goldQ: number;
  predQ: number;
  matchedQ: number;
  speakerOk: number;
  speakerOkWithSource: number;
  withSource: number;
  cueOk: number;
  cueOkWithCue: number;
  withCue: number;
  goldInd: number;
  predInd: number;
  recalledInd: number;
  preciseInd: number;
}

const emptyStats = (): Stats => ({
  articles: 0,
  goldQ: 0,
  predQ: 0,
  matchedQ: 0,
  speakerOk: 0,
  speakerOkWithSource: 0,
  withSource: 0,
  cueOk: 0,
  cueOkWithCue: 0,
  withCue: 0,
  goldInd: 0,
  predInd: 0,
  recalledInd: 0,
  preciseInd: 0,
});

const total = emptyStats();
const perPublisher = new Map<string, Stats>();
let ms = 0;
const fps: string[] = [];
const fns: string[] = [];
const speakerMiss: string[] = [];
const cueMiss: string[] = [];
const indFps: string[] = [];
const indFns: string[] = [];

const ctx = (text: string, s: Span, pad = 60) =>
  `${text.slice(Math.max(0, s.start - pad), s.start)}[[${text.slice(s.start, s.end)}]]${text.slice(s.end, s.end + pad)}`.replace(
    /\n/g,
    " / ",
  );

for (const article of articles) {
  const publisher = article.publisher ?? "unknown";
  if (onlyPublisher !== undefined && publisher !== onlyPublisher) continue;
  let group = perPublisher.get(publisher);
  if (!group) {
    group = emptyStats();
    perPublisher.set(publisher, group);
  }
  const groups = [total, group];
  const add = (key: keyof Stats, n = 1) => {
    for (const g of groups) g[key] += n;
  };
  add("articles");
  const t0 = performance.now();
  const result = parseText(article.text, { referenceDate: article.publication_date });
  ms += performance.now() - t0;
  const claims: QuotedClaim[] = result.article?.claims ?? [];
  const goldQuotes = article.attributions.filter((a) => a.content && DOUBLE.test(a.content.text));
  const gq = goldQuotes.map((a) => ({ start: a.content?.start ?? 0, end: a.content?.end ?? 0, a }));
  const pq = claims
    .filter((c) => c.kind !== "indirect")
    .map((c) => ({ start: c.span.start, end: c.span.end, c }));
  add("goldQ", gq.length);
  add("predQ", pq.length);
  const m = match(pq, gq);
  add("matchedQ", m.length);
  const usedP = new Set(m.map(([i]) => i));
  const usedG = new Set(m.map(([, j]) => j));
  for (const [i, j] of m) {
    const p = pq[i];
    const g = gq[j];
    if (!p || !g) continue;
    const src = g.a.source;
    const sOk = src ? touches(p.c.speaker?.span, src) : p.c.speaker?.span === undefined;
    if (sOk) add("speakerOk");
    if (src) {
      add("withSource");
      if (sOk) add("speakerOkWithSource");
    }
    if (!sOk)
      speakerMiss.push(
        `gold=${src?.text ?? "-"} pred=${p.c.speaker?.mention ?? "-"} (${p.c.speaker?.name ?? "-"}) :: ${ctx(article.text, p, 100)}`,
      );
    const cue = g.a.cue;
    const cOk = cue ? touches(p.c.cue?.span, cue) : p.c.cue?.span === undefined;
    if (cOk) add("cueOk");
    if (cue) {
      add("withCue");
      if (cOk) add("cueOkWithCue");
    }
    if (!cOk)
      cueMiss.push(
        `gold=${cue?.text ?? "-"} pred=${p.c.cue?.text ?? "-"} :: ${ctx(article.text, p, 80)}`,
      );
  }
  pq.forEach((p, i) => {
    if (!usedP.has(i)) fps.push(`[${publisher}] ${p.c.kind} ${ctx(article.text, p)}`);
  });
  gq.forEach((g, j) => {
    if (!usedG.has(j))
      fns.push(
        `[${publisher}] ${g.a.kind} src=${g.a.source?.text ?? "-"} ${ctx(article.text, g)}${nearest(claims, g, article.text)}`,
      );
  });

  // indirect
  const all = article.attributions
    .filter((a) => a.content)
    .map((a) => ({ start: a.content?.start ?? 0, end: a.content?.end ?? 0, a }));
  const goldIndirect = all.filter(
    (g) =>
      g.a.kind === "indirect" && g.a.cue_is_speech_verb && !DOUBLE.test(g.a.content?.text ?? ""),
  );
  const pi = claims
    .filter((c) => c.kind === "indirect")
    .map((c) => ({ start: c.span.start, end: c.span.end, c }));
  add("goldInd", goldIndirect.length);
  add("predInd", pi.length);
  const mi = match(pi, goldIndirect);
  add("recalledInd", mi.length);
  const mAll = match(pi, all);
  add("preciseInd", mAll.length);
  const usedPi = new Set(mAll.map(([i]) => i));
  pi.forEach((p, i) => {
    if (!usedPi.has(i)) indFps.push(`[${publisher}] ${ctx(article.text, p)}`);
  });
  const usedGi = new Set(mi.map(([, j]) => j));
  goldIndirect.forEach((g, j) => {
    if (!usedGi.has(j))
      indFns.push(
        `[${publisher}] cue=${g.a.cue?.text ?? "-"} ${ctx(article.text, g)}${nearest(claims, g, article.text)}`,
      );
  });
}

const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(3));
const t = total;
console.log(`articles ${t.articles}, parse ${ms.toFixed(0)} ms`);
console.log(`direct+mixed: gold ${t.goldQ}, predicted ${t.predQ}, matched ${t.matchedQ}`);
console.log(`  precision ${ratio(t.matchedQ, t.predQ)}  recall ${ratio(t.matchedQ, t.goldQ)}`);
console.log(
  `  speaker ${ratio(t.speakerOk, t.matchedQ)} of matched (${ratio(t.speakerOkWithSource, t.withSource)} where gold has a source)`,
);
console.log(
  `  cue ${ratio(t.cueOk, t.matchedQ)} of matched (${ratio(t.cueOkWithCue, t.withCue)} where gold has a cue)`,
);
console.log(`indirect: gold (speech cue) ${t.goldInd}, predicted ${t.predInd}`);
console.log(
  `  recall ${ratio(t.recalledInd, t.goldInd)}  precision ${ratio(t.preciseInd, t.predInd)} (vs all gold attributions)`,
);

if (byPublisher) {
  const cols = ["publisher", "art", "gold", "P", "R", "spk", "cue", "igold", "iR", "iP"];
  const widths = [14, 4, 5, 6, 6, 6, 6, 6, 6, 6];
  const row = (cells: string[]) =>
    console.log(
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 6) : c.padStart(widths[i] ?? 6)))
        .join(" "),
    );
  console.log("\nby publisher (P/R direct+mixed, spk/cue of matched, iR/iP indirect):");
  row(cols);
  const line = (name: string, g: Stats) =>
    row([
      name,
      String(g.articles),
      String(g.goldQ),
      ratio(g.matchedQ, g.predQ),
      ratio(g.matchedQ, g.goldQ),
      ratio(g.speakerOk, g.matchedQ),
      ratio(g.cueOk, g.matchedQ),
      String(g.goldInd),
      ratio(g.recalledInd, g.goldInd),
      ratio(g.preciseInd, g.predInd),
    ]);
  for (const name of [...perPublisher.keys()].sort()) {
    const g = perPublisher.get(name);
    if (g) line(name, g);
  }
  line("all", total);
}

if (verbose) {
  const show = (title: string, list: string[]) => {
    console.log(`\n== ${title} (${list.length})`);
    for (const line of list.slice(0, sampleLimit)) console.log(`- ${line}`);
  };
  show("direct/mixed false positives", fps);
  show("direct/mixed false negatives", fns);
  show("speaker misses", speakerMiss);
  show("cue misses", cueMiss);
  show("indirect false positives", indFps);
  show("indirect false negatives", indFns);
}
