/**
 * parseMarkdown against the remark parse alone, on the same posts, in the same process.
 *
 *   npx tsx scripts/bench-markdown.ts [DIR ...] [--rounds N] [--gfm]
 *
 * DIR: folders of `.md` files (a corpus folder with `posts/` works too); default
 * `examples/` and `tests/fixtures/markdown/`. Each round parses every post with
 * `unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"])` (plus remark-gfm
 * with `--gfm`) `.parse()` and with `parseMarkdown` (claims included), post by post,
 * alternating which goes first; the medians of the per-round totals and of the per-round
 * ratios are printed. The
 * budget (issue #5) is a ratio of at most 1.25.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseMarkdown } from "../src/parse/markdown.js";

function markdownFiles(dir: string): string[] {
  const posts = join(dir, "posts");
  const root = statSync(posts, { throwIfNoEntry: false })?.isDirectory() ? posts : dir;
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...markdownFiles(path));
    else if (/\.(?:md|markdown)$/i.test(name)) out.push(path);
  }
  return out.sort();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function main(): void {
  const args = process.argv.slice(2);
  const gfm = args.includes("--gfm");
  const roundsAt = args.indexOf("--rounds");
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1] ?? 20) : 20;
  const dirs = args.filter((a, i) => !a.startsWith("--") && !(roundsAt >= 0 && i === roundsAt + 1));
  const files = (dirs.length > 0 ? dirs : ["examples", "tests/fixtures/markdown"]).flatMap(
    markdownFiles,
  );
  const posts = files.map((f) => readFileSync(f, "utf8"));
  const bytes = posts.reduce((n, p) => n + p.length, 0);
  const base = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]);
  const frozen = gfm ? base.use(remarkGfm).freeze() : base.freeze();
  const remark = (post: string): void => {
    frozen.parse(post);
  };
  const ours = (post: string): void => {
    parseMarkdown(post, { gfm });
  };
  const noClaims = (post: string): void => {
    parseMarkdown(post, { gfm, claims: false });
  };
  // Warm up both.
  for (let i = 0; i < 3; i++) {
    for (const post of posts) {
      remark(post);
      ours(post);
      noClaims(post);
    }
  }
  // Post by post, alternating which goes first, so that both see the same machine load.
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const ratios: number[] = [];
  const ratiosNoClaims: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let ta = 0;
    let tb = 0;
    let tc = 0;
    posts.forEach((post, i) => {
      const first = (i + r) % 2 === 0;
      const t0 = performance.now();
      if (first) remark(post);
      else ours(post);
      const t1 = performance.now();
      if (first) ours(post);
      else remark(post);
      const t2 = performance.now();
      noClaims(post);
      tc += performance.now() - t2;
      if (first) {
        ta += t1 - t0;
        tb += t2 - t1;
      } else {
        tb += t1 - t0;
        ta += t2 - t1;
      }
    });
    a.push(ta);
    b.push(tb);
    c.push(tc);
    ratios.push(tb / ta);
    ratiosNoClaims.push(tc / ta);
  }
  const ma = median(a);
  const mb = median(b);
  const label = gfm ? "remark-parse + frontmatter + gfm" : "remark-parse + frontmatter";
  console.log(
    `${posts.length} posts, ${(bytes / 1024).toFixed(0)} kB, ${rounds} rounds (median per round)`,
  );
  console.log(
    `  ${label.padEnd(34)} ${ma.toFixed(1)} ms  (${((ma / posts.length) * 1000).toFixed(0)} µs/post)`,
  );
  console.log(
    `  ${"parseMarkdown".padEnd(34)} ${mb.toFixed(1)} ms  (${((mb / posts.length) * 1000).toFixed(0)} µs/post)`,
  );
  const mc = median(c);
  console.log(
    `  ${"parseMarkdown, claims: false".padEnd(34)} ${mc.toFixed(1)} ms  (${((mc / posts.length) * 1000).toFixed(0)} µs/post)`,
  );
  console.log(`  ratio without claims               ${median(ratiosNoClaims).toFixed(3)}`);
  console.log(
    `  ratio parseMarkdown / remark       ${median(ratios).toFixed(3)} median of per-round ratios (budget 1.25)`,
  );
}

main();
