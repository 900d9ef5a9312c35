import { ARTICLE_TYPES, ORGANIZATION_TYPES, PERSON_TYPES } from "./vocabulary.js";

/** A JSON object as read from input. */
export type JsonObject = Record<string, unknown>;

/** Whether `value` is a non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SCHEMA_PREFIXES = ["schema:", "https://schema.org/", "http://schema.org/"] as const;

/** `schema:NewsArticle`, `https://schema.org/NewsArticle` → `NewsArticle`. */
export function stripSchema(term: string): string {
  for (const prefix of SCHEMA_PREFIXES)
    if (term.startsWith(prefix)) return term.slice(prefix.length);
  return term;
}

/** A property under any of the spellings a schema.org context allows. */
export function get(node: JsonObject, name: string): unknown {
  const own = Object.prototype.hasOwnProperty;
  if (own.call(node, name)) return node[name];
  for (const prefix of SCHEMA_PREFIXES) {
    const key = prefix + name;
    if (own.call(node, key)) return node[key];
  }
  return undefined;
}

/** The schema.org type names of a node (`@type` as a string or an array). */
export function typesOf(node: JsonObject): string[] {
  const raw = node["@type"];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: string[] = [];
  for (const t of list) if (typeof t === "string") out.push(stripSchema(t.trim()));
  return out;
}

const ARTICLE_TYPE_SET: ReadonlySet<string> = new Set(ARTICLE_TYPES);
const PERSON_TYPE_SET: ReadonlySet<string> = new Set(PERSON_TYPES);
const ORGANIZATION_TYPE_SET: ReadonlySet<string> = new Set(ORGANIZATION_TYPES);
const ROLE_TYPES: ReadonlySet<string> = new Set([
  "Role",
  "OrganizationRole",
  "EmployeeRole",
  "PerformanceRole",
  "LinkRole",
]);
const CLAIM_TYPES: ReadonlySet<string> = new Set(["Claim"]);

/** Whether one of the node's types is in `set`, without allocating for the common cases. */
function hasTypeIn(node: JsonObject, set: ReadonlySet<string>): boolean {
  const raw = node["@type"];
  if (typeof raw === "string") return set.has(raw) || set.has(stripSchema(raw.trim()));
  if (!Array.isArray(raw)) return false;
  for (const t of raw)
    if (typeof t === "string" && (set.has(t) || set.has(stripSchema(t.trim())))) return true;
  return false;
}

/** Whether a node is an Article (or any subtype). */
export const isArticleNode = (node: JsonObject): boolean => hasTypeIn(node, ARTICLE_TYPE_SET);
/** Whether a node is a Person (or subtype). */
export const isPersonNode = (node: JsonObject): boolean => hasTypeIn(node, PERSON_TYPE_SET);
/** Whether a node is an Organization (or subtype). */
export const isOrganizationNode = (node: JsonObject): boolean =>
  hasTypeIn(node, ORGANIZATION_TYPE_SET);
/** Whether a node is a schema.org Role (the wrapper that adds `roleName`). */
export const isRoleNode = (node: JsonObject): boolean => hasTypeIn(node, ROLE_TYPES);
/** Whether a node is a schema.org Claim. */
export const isClaimNode = (node: JsonObject): boolean => hasTypeIn(node, CLAIM_TYPES);

/** Values of a property as a list (a single value becomes a one-item list). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value["@list"])) return value["@list"];
  if (isObject(value) && Array.isArray(value["@set"])) return value["@set"];
  return [value];
}

/**
 * Every node object of a JSON-LD document, in breadth-first (document-level first)
 * order, and the nodes by `@id`. Built iteratively; shared and cyclic objects are
 * visited once; nodes that share an `@id` are merged (first value of a key wins).
 */
export class NodeIndex {
  readonly nodes: JsonObject[] = [];
  readonly byId = new Map<string, JsonObject>();

  constructor(root: unknown) {
    const queue: unknown[] = [root];
    const seen = new Set<object>();
    for (let i = 0; i < queue.length; i++) {
      const value = queue[i];
      queue[i] = undefined; // let the queue's items be collected as we go
      if (typeof value !== "object" || value === null || seen.has(value)) continue;
      seen.add(value);
      if (Array.isArray(value)) {
        for (const item of value) if (typeof item === "object" && item !== null) queue.push(item);
        continue;
      }
      const node = value as JsonObject;
      const keys = Object.keys(node);
      const id = node["@id"];
      const isReference = keys.length === 1 && keys[0] === "@id";
      if (!isReference && !Object.hasOwn(node, "@value")) {
        this.nodes.push(node);
        if (typeof id === "string") this.add(id, node, keys);
      }
      for (const key of keys) {
        const child = node[key];
        if (typeof child === "object" && child !== null) queue.push(child);
      }
    }
  }

  private add(id: string, node: JsonObject, keys: string[]): void {
    const existing = this.byId.get(id);
    if (existing === undefined) {
      this.byId.set(id, node);
      return;
    }
    let merged = existing;
    if (!Object.hasOwn(existing, MERGED)) {
      merged = Object.create(null) as JsonObject;
      for (const k of Object.keys(existing)) merged[k] = existing[k];
      Object.defineProperty(merged, MERGED, { value: true });
      this.byId.set(id, merged);
    }
    for (const k of keys) if (!Object.hasOwn(merged, k)) merged[k] = node[k];
  }

  /** The full node a value stands for: a `{"@id"}` reference resolved, else itself. */
  resolve(value: unknown): unknown {
    if (!isObject(value)) return value;
    const id = value["@id"];
    if (typeof id !== "string") return value;
    return this.byId.get(id) ?? value;
  }

  /** Whether `value` is a reference to an `@id` that no node in the document has. */
  isDangling(value: unknown): boolean {
    return (
      isObject(value) &&
      typeof value["@id"] === "string" &&
      Object.keys(value).length === 1 &&
      !this.byId.has(value["@id"])
    );
  }
}

const MERGED = "@@merged";
