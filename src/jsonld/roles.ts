/** Where a credited person goes in JSON-LD. */
export type CreditProperty = "author" | "contributor" | "editor";

/** Credit-line roles of editors: "Editing", "Edited by", "Copy editing". */
const EDITOR_ROLE = /^(?:(?:additional|further|copy)[\s-]*)?edit(?:ing|ed)(?:\s+by)?$/i;

/** Credit-line roles of contributors: "Additional reporting", "Research", "Photos by". */
const CONTRIBUTOR_ROLE =
  /^(?:(?:additional|further|extra)\s+(?:reporting|writing|research|contributions?|contributors?)|contributing|contributions?|contributed|compiled|compiling|compilation|research(?:ed|ing)?|fact[\s-]*check(?:ing|ed)?|photos?|photography|photographs?|photographed|graphics|illustrations?|illustrated|translat(?:ion|ed|ing)|video|production|produced)(?:\s+by)?$/i;

/** Credit-line roles of authors that are activities, not job titles: "Reporting", "Writing". */
const AUTHOR_ACTIVITY = /^(?:reporting|reported|writing|written|words|story|text)(?:\s+by)?$/i;

/**
 * Classify a byline role: credit-line roles ("Reporting", "Additional reporting",
 * "Editing") choose the property; any other role is a job title of an author.
 */
export function classifyRole(role: string | undefined): {
  property: CreditProperty;
  jobTitle?: string;
} {
  if (role === undefined) return { property: "author" };
  const r = role.trim().replace(/[:\s]+$/, "");
  if (EDITOR_ROLE.test(r)) return { property: "editor" };
  if (CONTRIBUTOR_ROLE.test(r)) return { property: "contributor" };
  if (AUTHOR_ACTIVITY.test(r)) return { property: "author" };
  return { property: "author", jobTitle: role };
}
