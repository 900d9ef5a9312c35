import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    schema: "src/schema-only.ts",
    cli: "src/cli/index.ts",
    "cli-worker": "src/cli/worker.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: {
    entry: { index: "src/index.ts", schema: "src/schema-only.ts" },
    compilerOptions: { ignoreDeprecations: "6.0" },
  },
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  // Ship the Article JSON Schema as a file: `article-model/schema.json`.
  async onSuccess() {
    const { articleJsonSchema } = (await import(
      `${pathToFileURL(resolve("dist/schema.js")).href}?t=${Date.now()}`
    )) as {
      articleJsonSchema: unknown;
    };
    await writeFile("dist/article.schema.json", `${JSON.stringify(articleJsonSchema, null, 2)}\n`);
  },
});
