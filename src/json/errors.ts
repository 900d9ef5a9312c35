/** One problem found while validating article data. */
export interface ValidationIssue {
  /** Where the problem is: keys and array indices from the root (`["claims", 0, "span"]`). */
  path: (string | number)[];
  /** Machine-readable kind (`invalid_type`, `invalid_format`, `custom`, `invalid_json`, …). */
  code: string;
  /** A human sentence. */
  message: string;
}

/** Format a path as `claims[0].span.end` (`<root>` for the empty path). */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "<root>";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * Thrown by {@link fromJson} when its input is not JSON or not a valid article.
 * `issues` lists every problem with its path; `message` is a readable summary.
 */
export class ArticleValidationError extends Error {
  /** Every problem, with its path. */
  readonly issues: ValidationIssue[];

  /**
   * @param issues
   *   The problems found (at least one).
   */
  constructor(issues: ValidationIssue[]) {
    const head = `Invalid article: ${issues.length} issue${issues.length === 1 ? "" : "s"}`;
    const lines = issues
      .slice(0, 20)
      .map((i) => `  ✖ ${i.message}\n    → at ${formatPath(i.path)}`);
    if (issues.length > 20) lines.push(`  … and ${issues.length - 20} more`);
    super(`${head}\n${lines.join("\n")}`);
    this.name = "ArticleValidationError";
    this.issues = issues;
  }
}
