/**
 * Evaluate parseMarkdown on a Markdown corpus with front-matter gold
 * (`../shared/corpora/markdown-18f`, `markdown-cds`: `posts/` plus `frontmatter.jsonl`).
 *
 *   npx tsx scripts/eval/markdown.ts /work/shared/corpora/markdown-18f [--verbose] [--base URL]
 *
 * Prints, over the posts where the gold has the field: headline = front-matter title,
 * datePublished = the gold date (same instant; only where the front matter had a date),
 * author names = gold (18F: handles; CDS: byline strings split into names, see
 * CDS_NAMES), keywords include every tag, images[0].url = the image (relative gold
 * images resolved against the base URL, which is also passed as `options.url`),
 * description = gold description (else the excerpt), and the shared `parseBylineText`
 * on its own over every byline string of CDS_NAMES. `--verbose` lists the failures.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseBylineText } from "../../src/parse/extract/byline.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { ArticleSchema } from "../../src/schema/article.js";

interface Gold {
  title?: string | null;
  date?: string | null;
  date_source?: string | null;
  date_raw?: string | null;
  authors?: string[] | null;
  authors_are_handles?: boolean;
  tags?: string[] | null;
  image?: string | null;
  description?: string | null;
  excerpt?: string | null;
}

interface Record {
  id: string;
  file: string;
  gold: Gold;
}

/**
 * CDS bylines split by hand into the names they credit (the role and affiliation
 * dropped, honorifics dropped). Bylines not listed fall back to a plain split on
 * ",", ";", " and " keeping pieces of 2 to 4 capitalised words (reported as such).
 */
const CDS_NAMES: { [byline: string]: string[] } = {
  "Aaron Snow, Chief Executive Officer": ["Aaron Snow"],
  "Adrianne Lee, Researcher with Help Canadians access the CPP Disability Benefit (CPP-D) partnership":
    ["Adrianne Lee"],
  "Anatole Papadopoulos, Chief Operating Officer": ["Anatole Papadopoulos"],
  "Anatole Papadopoulos, Executive Director": ["Anatole Papadopoulos"],
  "Anatole Papadopoulos, Executive director": ["Anatole Papadopoulos"],
  "Andrea Gilbrook, Head of Talent": ["Andrea Gilbrook"],
  "Anne-Marie Mulumba, Design Research": ["Anne-Marie Mulumba"],
  "Annie Leblond, Communications": ["Annie Leblond"],
  "Bryan Willey and Clementine Hahn, Product Managers ": ["Bryan Willey", "Clementine Hahn"],
  "Caitlin Tuba, CDS and Po Tea-Duncan, TBS Cyber Security, Office of the CIO": [
    "Caitlin Tuba",
    "Po Tea-Duncan",
  ],
  "Charlotte Pedersen and Eman El-Fayomi": ["Charlotte Pedersen", "Eman El-Fayomi"],
  "Charlotte Pedersen, Outreach": ["Charlotte Pedersen"],
  "Christine Monteiro and Patrick Wright, Health Canada": ["Christine Monteiro", "Patrick Wright"],
  "Colin MacArthur, Head of Design Research, John Millons, Head of Policy": [
    "Colin MacArthur",
    "John Millons",
  ],
  "Dave Samojlenko and Sean Boots": ["Dave Samojlenko", "Sean Boots"],
  "Eman El-Fayomi, Senior designer": ["Eman El-Fayomi"],
  "Emily Kuret, Director - COVID Alert; Jean-François Gagné and Carole Piovesan - COVID Alert Advisory Council":
    ["Emily Kuret", "Jean-François Gagné", "Carole Piovesan"],
  "Eric Chouinard, Health Canada": ["Eric Chouinard"],
  "Hillary Hartley, Chief Digital Officer, Government of Ontario": ["Hillary Hartley"],
  "Hillary Lorimer, Design Research": ["Hillary Lorimer"],
  "James Mickle, Policy and research analyst": ["James Mickle"],
  "Jason White, Head of data science": ["Jason White"],
  "Jeana Frost, Mel Banyard (Design Researchers, CDS), Chris Lynam (Director General, RCMP)": [
    "Jeana Frost",
    "Mel Banyard",
    "Chris Lynam",
  ],
  "Jeff Adam (RCMP), Charlotte Pedersen (CDS)": ["Jeff Adam", "Charlotte Pedersen"],
  "Jennifer Fletcher, Partnerships": ["Jennifer Fletcher"],
  "John Millons, Policy and engagement": ["John Millons"],
  "Julianna Rowsell, Accessibility and Inclusive Services Lead": ["Julianna Rowsell"],
  "Kate Wilhelm, Content Design": ["Kate Wilhelm"],
  "Lucas Cherkewski, Charlotte Pedersen, Sean Boots": [
    "Lucas Cherkewski",
    "Charlotte Pedersen",
    "Sean Boots",
  ],
  "Lucas Cherkewski, Policy": ["Lucas Cherkewski"],
  "Mario Garneau, Mithula Naik and Ryan Androsoff": [
    "Mario Garneau",
    "Mithula Naik",
    "Ryan Androsoff",
  ],
  "Max Neuvians and Tim Arney, Developers": ["Max Neuvians", "Tim Arney"],
  "Meera Makim Cunningham, Internal operations": ["Meera Makim Cunningham"],
  "Meera Makim Cunningham, Operations": ["Meera Makim Cunningham"],
  "Mithula Naik, Senior design researcher": ["Mithula Naik"],
  "Pascale Elvas, Director": ["Pascale Elvas"],
  "Paul Craig, Developer": ["Paul Craig"],
  "Philippe Tardif, CDS Brand lead": ["Philippe Tardif"],
  "Ross Ferguson, Head of Delivery": ["Ross Ferguson"],
  "Sam Sadasivan, Senior Service Designer": ["Sam Sadasivan"],
  "Sean Boots, Developer": ["Sean Boots"],
  "Stevie-Ray Talbot and Courtney Claessens": ["Stevie-Ray Talbot", "Courtney Claessens"],
  "Stevie-Ray Talbot, Policy": ["Stevie-Ray Talbot"],
  "The Honourable Scott Brison, President of the Treasury Board": ["Scott Brison"],
  "Wendy Luciani, Executive Director, Partnerships": ["Wendy Luciani"],
  "Wissam Moussa, Infrastructure, Security and Technical Support": ["Wissam Moussa"],
  "Yael Berger, Chelsea Novak, Charlotte Pedersen, Élise Cossette": [
    "Yael Berger",
    "Chelsea Novak",
    "Charlotte Pedersen",
    "Élise Cossette",
  ],
  "Élise Cossette, Outreach and Yedida Zalik, Content Design": ["Élise Cossette", "Yedida Zalik"],
};

let fallbackSplits = 0;

function goldNames(gold: Gold): string[] {
  const authors = gold.authors ?? [];
  if (gold.authors_are_handles) return authors.map((a) => a.trim());
  const names: string[] = [];
  for (const byline of authors) {
    const known = CDS_NAMES[byline];
    if (known) {
      names.push(...known);
      continue;
    }
    fallbackSplits++;
    for (const piece of byline.split(/,|;| and | & | - /)) {
      const words = piece.trim().split(/\s+/);
      if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w)))
        names.push(piece.trim());
    }
  }
  return names;
}

const squash = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

/** A date string to epoch milliseconds; naive date-times and dates are read as UTC. */
function instant(value: string): number {
  let s = value.trim().replace(/^'|'$/g, "");
  const m =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?)?$/.exec(
      s,
    );
  if (!m) return Number.NaN;
  if (!m[2]) return Date.parse(`${m[1]}T00:00:00Z`);
  const time = m[2].length === 5 ? `${m[2]}:00` : m[2].padStart(8, "0");
  const frac = m[3] ? m[3].slice(0, 4).padEnd(4, "0") : "";
  let zone = m[4] ?? "Z";
  if (zone !== "Z") {
    const sign = zone[0];
    const digits = zone.slice(1).replace(":", "");
    const h = digits.length <= 2 ? digits : digits.slice(0, -2);
    const min = digits.length <= 2 ? "00" : digits.slice(-2);
    zone = `${sign}${h.padStart(2, "0")}:${min}`;
  }
  s = `${m[1]}T${time}${frac}${zone}`;
  return Date.parse(s);
}

interface Tally {
  ok: number;
  total: number;
  fails: string[];
}

function tally(): Tally {
  return { ok: 0, total: 0, fails: [] };
}

function check(t: Tally, ok: boolean, id: string, detail: () => string): void {
  t.total++;
  if (ok) t.ok++;
  else t.fails.push(`${id}: ${detail()}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const baseAt = args.indexOf("--base");
  const dir = args.find((a, i) => !a.startsWith("--") && (baseAt < 0 || i !== baseAt + 1));
  if (!dir) {
    console.error("usage: tsx scripts/eval/markdown.ts CORPUS_DIR [--verbose] [--base URL]");
    process.exit(2);
  }
  const name = basename(dir.replace(/\/+$/, ""));
  const base =
    baseAt >= 0
      ? (args[baseAt + 1] ?? "")
      : name.includes("18f")
        ? "https://18f.gsa.gov/"
        : "https://digital.canada.ca/";
  const records = readFileSync(join(dir, "frontmatter.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record);

  const t = {
    headline: tally(),
    date: tally(),
    authors: tally(),
    keywords: tally(),
    image: tally(),
    description: tally(),
    valid: tally(),
    bylineText: tally(),
  };
  let diagnostics = 0;
  const rules = new Map<string, number>();
  const started = performance.now();
  for (const record of records) {
    const source = readFileSync(join(dir, record.file), "utf8");
    const { article, diagnostics: ds } = parseMarkdown(source, { url: base });
    diagnostics += ds.length;
    for (const d of ds) rules.set(d.ruleId, (rules.get(d.ruleId) ?? 0) + 1);
    const g = record.gold;
    const id = record.id;
    check(
      t.valid,
      article !== undefined && ArticleSchema.safeParse(article).success,
      id,
      () => "article missing or invalid",
    );
    if (g.title)
      check(
        t.headline,
        squash(article?.headline) === squash(g.title),
        id,
        () => `${JSON.stringify(article?.headline)} ≠ ${JSON.stringify(g.title)}`,
      );
    if (g.date && g.date_source === "front_matter") {
      const got = article?.datePublished;
      check(
        t.date,
        got !== undefined && instant(got) === instant(g.date),
        id,
        () => `${got} ≠ ${g.date}`,
      );
    }
    if (g.authors && g.authors.length > 0) {
      const want = goldNames(g);
      const got = article?.byline?.authors.map((a) => a.name) ?? [];
      check(
        t.authors,
        JSON.stringify(got) === JSON.stringify(want),
        id,
        () => `${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`,
      );
    }
    // The shared byline reader on its own, on every byline string the gold splits by hand.
    if (!g.authors_are_handles) {
      for (const byline of g.authors ?? []) {
        const want = CDS_NAMES[byline];
        if (!want) continue;
        const got = parseBylineText(byline)?.authors.map((a) => a.name) ?? [];
        check(
          t.bylineText,
          JSON.stringify(got) === JSON.stringify(want),
          id,
          () => `${JSON.stringify(byline)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`,
        );
      }
    }
    if (g.tags && g.tags.length > 0) {
      const got = new Set(article?.keywords ?? []);
      const missing = g.tags.filter((tag) => !got.has(squash(tag)));
      check(t.keywords, missing.length === 0, id, () => `missing ${JSON.stringify(missing)}`);
    }
    if (g.image) {
      const want = URL.canParse(g.image, base) ? new URL(g.image, base).href : g.image;
      const got = article?.images[0]?.url;
      check(t.image, got === g.image || got === want, id, () => `${got} ≠ ${want}`);
    }
    const description = g.description ?? g.excerpt;
    if (description) {
      check(
        t.description,
        squash(article?.description) === squash(description),
        id,
        () => `${JSON.stringify(article?.description)} ≠ ${JSON.stringify(description)}`,
      );
    }
  }
  const elapsed = performance.now() - started;
  const pct = (x: Tally): string =>
    x.total === 0 ? "n/a" : `${((100 * x.ok) / x.total).toFixed(1)}% (${x.ok}/${x.total})`;
  console.log(`corpus ${name}: ${records.length} posts, base ${base}, ${elapsed.toFixed(0)} ms`);
  console.log(`  headline = title       ${pct(t.headline)}`);
  console.log(`  datePublished = date   ${pct(t.date)}`);
  console.log(
    `  author names = gold    ${pct(t.authors)}${fallbackSplits ? ` (${fallbackSplits} bylines split by the fallback rule)` : ""}`,
  );
  console.log(`  parseBylineText = gold ${pct(t.bylineText)}`);
  console.log(`  keywords ⊇ tags        ${pct(t.keywords)}`);
  console.log(`  images[0].url = image  ${pct(t.image)}`);
  console.log(`  description = gold     ${pct(t.description)}`);
  console.log(`  valid article          ${pct(t.valid)}`);
  console.log(
    `  diagnostics ${diagnostics}: ${[...rules].map(([r, n]) => `${r} ${n}`).join(", ")}`,
  );
  if (verbose) {
    for (const [field, x] of Object.entries(t))
      for (const f of x.fails) console.log(`  FAIL ${field} ${f}`);
  }
}

main();
