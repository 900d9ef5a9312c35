// Measures what `import { ArticleSchema } from "article-model"` costs in a consumer's
// browser bundle (esbuild, minified, gzip) and fails above the budget or when the bundle
// pulls in the parsers (unified, micromark). Run after `npm run build`.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BUDGET = 20 * 1024;
const cases = [
  ["import { ArticleSchema } from 'article-model'", "ArticleSchema.safeParse({})"],
  ["import { ArticleSchema } from 'article-model/schema'", "ArticleSchema.safeParse({})"],
  ["import { fromJson } from 'article-model/schema'", "fromJson('{}')"],
];
let failed = false;
for (const [imp, use] of cases) {
  const result = await build({
    stdin: { contents: `${imp};\nconsole.log(${use});`, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  // Modules that contribute bytes to the output (tree-shaken modules are listed with 0).
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => file);
  const leaked = inputs.filter((f) =>
    /node_modules\/(unified|micromark|remark-|mdast-|yaml|date-fns)/.test(f),
  );
  const ok = gz < BUDGET && leaked.length === 0;
  if (!ok) failed = true;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${imp}: ${(code.length / 1024).toFixed(1)} kB min, ${(gz / 1024).toFixed(1)} kB min+gzip (budget ${BUDGET / 1024} kB)${leaked.length ? `; pulls in ${leaked.slice(0, 3).join(", ")}` : ""}`,
  );
}
process.exit(failed ? 1 : 0);
