/**
 * Evaluate quoted-claim extraction against the PolNeAR attribution corpus.
 *
 *   npx tsx scripts/eval/polnear.ts /path/to/polnear-train-articles.jsonl [--verbose] [--limit N]
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
  publication_date: string;
  text: string;
  attributions: GoldAttribution[];
}

interface Span {
  start: number;
  end: number;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const verbose = args.includes("--verbose");
const limitArg = args.indexOf("--limit");
const sampleLimit = limitArg >= 0 ? Number(args[limitArg + 1] ?? 20) : 25;
if (!file) {
  console.error(
    "usage: tsx scripts/eval/polnear.ts polnear-train-articles.jsonl [--verbose] [--limit N]",
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

let goldQ = 0;
let predQ = 0;
let matchedQ = 0;
let speakerOk = 0;
let speakerOkWithSource = 0;
let withSource = 0;
let cueOk = 0;
let cueOkWithCue = 0;
let withCue = 0;
let goldInd = 0;
let predInd = 0;
let recalledInd = 0;
let preciseInd = 0;
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
  const t0 = performance.now();
  const result = parseText(article.text, { referenceDate: article.publication_date });
  ms += performance.now() - t0;
  const claims: QuotedClaim[] = result.article?.claims ?? [];
  const goldQuotes = article.attributions.filter((a) => a.content && DOUBLE.test(a.content.text));
  const gq = goldQuotes.map((a) => ({ start: a.content?.start ?? 0, end: a.content?.end ?? 0, a }));
  const pq = claims
    .filter((c) => c.kind !== "indirect")
    .map((c) => ({ start: c.span.start, end: c.span.end, c }));
  goldQ += gq.length;
  predQ += pq.length;
  const m = match(pq, gq);
  matchedQ += m.length;
  const usedP = new Set(m.map(([i]) => i));
  const usedG = new Set(m.map(([, j]) => j));
  for (const [i, j] of m) {
    const p = pq[i];
    const g = gq[j];
    if (!p || !g) continue;
    const src = g.a.source;
    const sOk = src ? touches(p.c.speaker?.span, src) : p.c.speaker?.span === undefined;
    if (sOk) speakerOk++;
    if (src) {
      withSource++;
      if (sOk) speakerOkWithSource++;
    }
    if (!sOk)
      speakerMiss.push(
        `gold=${src?.text ?? "-"} pred=${p.c.speaker?.mention ?? "-"} (${p.c.speaker?.name ?? "-"}) :: ${ctx(article.text, p, 100)}`,
      );
    const cue = g.a.cue;
    const cOk = cue ? touches(p.c.cue?.span, cue) : p.c.cue?.span === undefined;
    if (cOk) cueOk++;
    if (cue) {
      withCue++;
      if (cOk) cueOkWithCue++;
    }
    if (!cOk)
      cueMiss.push(
        `gold=${cue?.text ?? "-"} pred=${p.c.cue?.text ?? "-"} :: ${ctx(article.text, p, 80)}`,
      );
  }
  pq.forEach((p, i) => {
    if (!usedP.has(i)) fps.push(`${p.c.kind} ${ctx(article.text, p)}`);
  });
  gq.forEach((g, j) => {
    if (!usedG.has(j))
      fns.push(`${g.a.kind} src=${g.a.source?.text ?? "-"} ${ctx(article.text, g)}`);
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
  goldInd += goldIndirect.length;
  predInd += pi.length;
  const mi = match(pi, goldIndirect);
  recalledInd += mi.length;
  const mAll = match(pi, all);
  preciseInd += mAll.length;
  const usedPi = new Set(mAll.map(([i]) => i));
  pi.forEach((p, i) => {
    if (!usedPi.has(i)) indFps.push(ctx(article.text, p));
  });
  const usedGi = new Set(mi.map(([, j]) => j));
  goldIndirect.forEach((g, j) => {
    if (!usedGi.has(j)) indFns.push(`cue=${g.a.cue?.text ?? "-"} ${ctx(article.text, g)}`);
  });
}

const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(3));
console.log(`articles ${articles.length}, parse ${ms.toFixed(0)} ms`);
console.log(`direct+mixed: gold ${goldQ}, predicted ${predQ}, matched ${matchedQ}`);
console.log(`  precision ${ratio(matchedQ, predQ)}  recall ${ratio(matchedQ, goldQ)}`);
console.log(
  `  speaker ${ratio(speakerOk, matchedQ)} of matched (${ratio(speakerOkWithSource, withSource)} where gold has a source)`,
);
console.log(
  `  cue ${ratio(cueOk, matchedQ)} of matched (${ratio(cueOkWithCue, withCue)} where gold has a cue)`,
);
console.log(`indirect: gold (speech cue) ${goldInd}, predicted ${predInd}`);
console.log(
  `  recall ${ratio(recalledInd, goldInd)}  precision ${ratio(preciseInd, predInd)} (vs all gold attributions)`,
);

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
