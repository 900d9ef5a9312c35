import type { Graph, NewsArticle, WithContext } from "schema-dts";
import type { Article, Paragraph } from "../schema/article.js";
import type { Author } from "../schema/author.js";
import { isWhitespace } from "../util/chars.js";
import { createReport, type JsonLdOptions, type Report } from "./options.js";
import { type CreditProperty, classifyRole } from "./roles.js";
import { toAbsoluteUrl } from "./urls.js";
import { ARTICLE_TYPES, type ArticleTypeName, CLASS_PARENTS } from "./vocabulary.js";

/** A JSON-LD node under construction: plain data, typed at the boundary. */
type Node = Record<string, unknown>;

/**
 * schema.org `@graph` output of {@link toJsonLdGraph} (and of {@link toJsonLd} with
 * `includeClaims: true`): schema-dts `Graph`.
 *
 * @example
 *   const graph: JsonLdGraph = toJsonLdGraph(article);
 *   graph["@graph"][0]; //=> the NewsArticle node, then one Claim node per claim
 */
export type JsonLdGraph = Graph;

/** Google's old (AMP-era) headline limit, still worth a note. */
const LONG_HEADLINE = 110;

const ARTICLE_TYPE_SET: ReadonlySet<string> = new Set(ARTICLE_TYPES);

function isA(type: string, ancestor: string): boolean {
  const queue = [type];
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i] as string;
    if (t === ancestor) return true;
    for (const p of CLASS_PARENTS[t] ?? []) queue.push(p);
  }
  return false;
}

/** Article types on which `dateline` (a NewsArticle property) is allowed. */
const NEWS_TYPES: ReadonlySet<string> = new Set(ARTICLE_TYPES.filter((t) => isA(t, "NewsArticle")));

/** Count words (runs of non-space characters) without allocating. */
function countWords(text: string, count: number): number {
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = isWhitespace(c);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}

/** `articleBody` (non-empty paragraphs joined with blank lines) and its word count. */
function bodyOf(paragraphs: readonly Paragraph[]): { body: string; words: number } {
  const texts: string[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    if (!hasText(paragraph.text)) continue;
    texts.push(paragraph.text);
    words = countWords(paragraph.text, words);
  }
  return { body: texts.join("\n\n"), words };
}

function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** The state of one conversion: base URL, diagnostics, node ids. */
class Builder {
  readonly base: string | undefined;
  readonly idBase: string | undefined;
  readonly report: Report;
  /** How often claims name each person/organisation key as their speaker. */
  readonly speakerCounts = new Map<string, number>();
  /** The person/organisation nodes of each key (type and name), in order of first credit. */
  readonly agents = new Map<string, Agent[]>();
  /** Nodes numbered so far, per kind of `@id` (`person`, `organization`, `agent`). */
  readonly kindCounts = new Map<string, number>();

  constructor(article: Article, options: JsonLdOptions | null | undefined) {
    this.report = createReport(options?.onDiagnostic);
    let base: string | undefined;
    if (article.url !== undefined) {
      const r = toAbsoluteUrl(article.url, undefined);
      if (r.ok) base = r.url;
      else
        this.report(
          "jsonld-invalid-url",
          "warning",
          `Unexpected article url \`${article.url}\`, expected an absolute http(s) URL; left out`,
        );
    }
    this.base = base;
    this.idBase = base?.split("#")[0];
  }

  url(value: string | undefined, what: string): string | undefined {
    if (value === undefined) return undefined;
    const r = toAbsoluteUrl(value, this.base);
    if (r.ok) {
      if (r.resolved)
        this.report(
          "jsonld-relative-url",
          "info",
          `Resolved relative ${what} \`${value}\` against the article url`,
        );
      return r.url;
    }
    const why =
      r.reason === "relative"
        ? "a relative URL and no article url to resolve it against"
        : r.reason === "scheme"
          ? "a URL with a scheme other than http(s)"
          : "not a URL";
    this.report(
      r.reason === "relative" ? "jsonld-relative-url" : "jsonld-invalid-url",
      "warning",
      `Unexpected ${what} \`${value}\`: ${why}; left out`,
    );
    return undefined;
  }

  nodeId(kind: string, n: number): string {
    return this.idBase === undefined ? `_:${kind}-${n}` : `${this.idBase}#${kind}-${n}`;
  }

  countSpeaker(key: string): void {
    this.speakerCounts.set(key, (this.speakerCounts.get(key) ?? 0) + 1);
  }

  /**
   * The node of `key` that `node` is the same person as (no contradicting field), with
   * `node`'s fields merged in; a new node when every node of that name contradicts it.
   * A claim's speaker (a node with a name only) is always the first node of its key, so
   * the speakers counted before are that node's references. Only the first
   * {@link MAX_NAMESAKES} nodes of a key are candidates: past them a credit is a node
   * of its own (nothing is lost, it is just not merged).
   */
  agentFor(key: string, node: Node): Agent {
    let list = this.agents.get(key);
    if (list === undefined) {
      list = [];
      this.agents.set(key, list);
    }
    // compare with a few nodes of the name only: linear time on a byline of 10,000 namesakes
    const candidates = Math.min(list.length, MAX_NAMESAKES);
    for (let i = 0; i < candidates; i++) {
      const agent = list[i] as Agent;
      if (isSameAgent(agent, node)) {
        mergeAgent(agent, node);
        return agent;
      }
    }
    const agent: Agent = {
      node: {},
      sameAs: new Set(),
      refs: list.length === 0 ? (this.speakerCounts.get(key) ?? 0) : 0,
    };
    mergeAgent(agent, node);
    list.push(agent);
    return agent;
  }

  /**
   * The full node the first time an agent is emitted (with an `@id` when it is
   * referenced more than once), a reference after.
   */
  ref(agent: Agent): Node {
    if (agent.id !== undefined) return { "@id": agent.id };
    const node = agent.node;
    const type = node["@type"];
    const out: Node = type === undefined ? {} : { "@type": type };
    if (agent.refs >= 2) {
      const kind =
        type === "Person" ? "person" : type === "Organization" ? "organization" : "agent";
      const n = (this.kindCounts.get(kind) ?? 0) + 1;
      this.kindCounts.set(kind, n);
      agent.id = this.nodeId(kind, n);
      out["@id"] = agent.id;
    }
    for (const k of new Set<string>([...AGENT_KEYS, ...Object.keys(node)])) {
      if (k !== "@type" && node[k] !== undefined) out[k] = node[k];
    }
    if (agent.sameAs.size > 0) out.sameAs = [...agent.sameAs];
    return out;
  }

  agent(author: Author, jobTitle: string | undefined): Node {
    const node: Node = { "@type": author.type, name: author.name };
    if (jobTitle !== undefined) {
      if (author.type === "Person") node.jobTitle = jobTitle;
      else
        this.report(
          "jsonld-dropped-role",
          "info",
          `Left out role \`${jobTitle}\` of organization \`${author.name}\`: schema.org jobTitle applies to a Person`,
        );
    }
    if (hasText(author.affiliation)) {
      node[author.type === "Person" ? "affiliation" : "memberOf"] = {
        "@type": "Organization",
        name: author.affiliation,
      };
    }
    const url = this.url(author.url, `url of \`${author.name}\``);
    if (url !== undefined) node.url = url;
    if (author.sameAs !== undefined) {
      const sameAs: string[] = [];
      for (const s of author.sameAs) {
        const u = this.url(s, `sameAs of \`${author.name}\``);
        if (u !== undefined && !sameAs.includes(u)) sameAs.push(u);
      }
      if (sameAs.length > 0) node.sameAs = sameAs;
    }
    return node;
  }
}

/** How many different people of one name are merged into; more are kept apart. */
const MAX_NAMESAKES = 8;

/** A person or organisation node of the output and how often it is referenced. */
interface Agent {
  /** Its properties (`@type`, `name`, `jobTitle`, …) but `sameAs` and `@id`. */
  readonly node: Node;
  /** Its `sameAs` URLs, in order. */
  readonly sameAs: Set<string>;
  /** References to it: credits and claims; two or more give it an `@id`. */
  refs: number;
  /** Its `@id`, once the full node was emitted. */
  id?: string;
}

/** Properties of an agent node but `sameAs`, in output order (any other follows them). */
const AGENT_KEYS = ["@type", "name", "jobTitle", "affiliation", "memberOf", "url"] as const;

/**
 * Whether `node` (of the agent's key: type and trimmed name) is the same person as
 * `agent`: no property that both have differs (`url`, `jobTitle`, the affiliation),
 * and when both have `sameAs`, the lists share a URL.
 */
function isSameAgent(agent: Agent, node: Node): boolean {
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === "@type" || key === "name" || value === undefined) continue;
    if (key === "sameAs") {
      if (agent.sameAs.size > 0 && !(value as string[]).some((u) => agent.sameAs.has(u)))
        return false;
    } else {
      const existing = agent.node[key];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(value))
        return false;
    }
  }
  return true;
}

/** Add what `node` knows to `agent`: properties it lacks, and `sameAs` URLs. */
function mergeAgent(agent: Agent, node: Node): void {
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === "sameAs") for (const u of value as string[]) agent.sameAs.add(u);
    else if (agent.node[key] === undefined) agent.node[key] = value;
  }
}

function withoutType(node: Node): Node {
  const { "@type": _type, ...rest } = node;
  return rest;
}

function agentKey(type: string | undefined, name: string): string {
  return `${type ?? ""}\u0000${name.trim()}`;
}

function articleNode(article: Article, type: ArticleTypeName, b: Builder): Node {
  const node: Node = { "@type": type };
  node.headline = article.headline;
  if ([...article.headline].length > LONG_HEADLINE) {
    b.report(
      "jsonld-long-headline",
      "info",
      `Headline is ${[...article.headline].length} characters; Google: "Consider using a concise title" (older guidance capped headlines at ${LONG_HEADLINE})`,
    );
  }
  if (hasText(article.alternativeHeadline)) node.alternativeHeadline = article.alternativeHeadline;
  if (hasText(article.description)) node.description = article.description;

  const images: Node[] = [];
  for (const image of article.images) {
    const url = b.url(image.url, "image url");
    if (url === undefined) continue;
    const img: Node = { "@type": "ImageObject", url };
    if (hasText(image.caption)) img.caption = image.caption;
    if (image.width !== undefined) img.width = image.width;
    if (image.height !== undefined) img.height = image.height;
    images.push(img);
  }
  if (images.length > 0) node.image = images;
  if (hasText(article.datePublished)) node.datePublished = article.datePublished;
  if (hasText(article.dateModified)) node.dateModified = article.dateModified;

  const byline = article.byline;
  if (byline !== undefined) {
    // every credit first, so that a person credited twice is one node with every field
    const credits: { author: Author; property: CreditProperty; agent: Agent }[] = [];
    for (const author of byline.authors) {
      if (!hasText(author.name)) continue;
      const { property, jobTitle } = classifyRole(author.role);
      const agent = b.agentFor(agentKey(author.type, author.name), b.agent(author, jobTitle));
      agent.refs++;
      credits.push({ author, property, agent });
    }
    const groups: Record<CreditProperty, Node[]> = { author: [], contributor: [], editor: [] };
    for (const { author, property, agent } of credits) {
      const person = b.ref(agent);
      if (property === "author") groups.author.push(person);
      else groups[property].push({ "@type": "Role", roleName: author.role, [property]: person });
    }
    for (const property of ["author", "contributor", "editor"] as const) {
      if (groups[property].length > 0) node[property] = groups[property];
    }
    if (hasText(byline.text)) node.creditText = byline.text;
  }

  const publisher = article.publisher;
  if (publisher !== undefined && hasText(publisher.name)) {
    const org: Node = { "@type": "Organization", name: publisher.name };
    const url = b.url(publisher.url, "publisher url");
    if (url !== undefined) org.url = url;
    const logo = b.url(publisher.logo, "publisher logo");
    if (logo !== undefined) org.logo = { "@type": "ImageObject", url: logo };
    node.publisher = org;
  }

  const dateline = article.dateline;
  if (dateline !== undefined) {
    if (hasText(dateline.text) && NEWS_TYPES.has(type)) node.dateline = dateline.text;
    if (hasText(dateline.place)) {
      const place: Node = { "@type": "Place", name: dateline.place };
      const address: Node = { "@type": "PostalAddress" };
      if (hasText(dateline.locality)) address.addressLocality = dateline.locality;
      if (hasText(dateline.region)) address.addressRegion = dateline.region;
      if (hasText(dateline.country)) address.addressCountry = dateline.country;
      if (Object.keys(address).length > 1) place.address = address;
      node.locationCreated = place;
    }
  }

  if (hasText(article.section)) node.articleSection = article.section;
  const keywords = article.keywords.filter(hasText);
  if (keywords.length > 0) node.keywords = keywords;
  if (hasText(article.language)) node.inLanguage = article.language;
  if (b.base !== undefined) {
    node.url = b.base;
    node.mainEntityOfPage = b.base;
  }

  const { body, words } = bodyOf(article.body);
  if (words > 0) node.wordCount = words;
  if (body !== "") node.articleBody = body;
  return node;
}

function claimNodes(article: Article, articleId: string, b: Builder): Node[] {
  const nodes: Node[] = [];
  article.claims.forEach((claim, index) => {
    if (!hasText(claim.text)) return;
    const node: Node = { "@type": "Claim", "@id": b.nodeId("claim", index + 1), text: claim.text };
    const speaker = claim.speaker;
    if (speaker !== undefined && hasText(speaker.name)) {
      const key = speakerKey(article, speaker.name, speaker.type);
      const agent: Node = {};
      if (speaker.type !== undefined) agent["@type"] = speaker.type;
      agent.name = speaker.name;
      node.author = b.ref(b.agentFor(key, agent));
    }
    node.appearance = { "@id": articleId };
    node.firstAppearance = { "@id": articleId };
    nodes.push(node);
  });
  return nodes;
}

/** A speaker is the byline author of the same name when there is one. */
function speakerKey(article: Article, name: string, type: string | undefined): string {
  const trimmed = name.trim();
  for (const author of article.byline?.authors ?? []) {
    if (author.name.trim() === trimmed && (type === undefined || type === author.type))
      return agentKey(author.type, author.name);
  }
  return agentKey(type, name);
}

/**
 * Convert an article to schema.org JSON-LD: a `NewsArticle` (or the Article type
 * chosen with `options.type`) with `@context` `https://schema.org`. Only what the
 * article knows is emitted: no empty strings or arrays, no URL that is not absolute,
 * one node per distinct person. With `includeClaims: true` the result is an `@graph`
 * of the article and one `Claim` node per claim, linked by `@id`, typed as
 * {@link JsonLdGraph} (the same as {@link toJsonLdGraph}).
 *
 * @param article
 *   A valid article.
 * @param options
 *   Type, claims and a diagnostics callback (optional).
 * @returns
 *   JSON-LD data, ready for `JSON.stringify` (or {@link toJsonLdScript}).
 * @throws {TypeError}
 *   When `options.type` is not a schema.org Article type.
 * @example
 *   toJsonLd({ headline: "Budget passes", keywords: [], images: [], body: [], claims: [] })
 *   //=> { "@context": "https://schema.org", "@type": "NewsArticle", headline: "Budget passes" }
 */
export function toJsonLd(
  article: Article,
  options?: (JsonLdOptions & { includeClaims?: false | undefined }) | null,
): WithContext<NewsArticle>;
export function toJsonLd(
  article: Article,
  options: JsonLdOptions & { includeClaims: true },
): JsonLdGraph;
export function toJsonLd(
  article: Article,
  options?: JsonLdOptions | null,
): WithContext<NewsArticle> | JsonLdGraph;
export function toJsonLd(
  article: Article,
  options?: JsonLdOptions | null,
): WithContext<NewsArticle> | JsonLdGraph {
  return buildJsonLd(article, options);
}

/**
 * The article and its claims as a schema.org `@graph`: {@link toJsonLd} with
 * `includeClaims: true`, typed as schema-dts `Graph`. The first node is the article
 * (with an `@id`), then one `Claim` node per claim (`text`, `author` = the speaker,
 * `appearance` and `firstAppearance` = the article's `@id`). `@id`s derive from the
 * article url (`https://…#article`, `https://…#claim-1`), else are blank nodes
 * (`_:article`, `_:claim-1`).
 *
 * @param article
 *   A valid article.
 * @param options
 *   Type and diagnostics callback (optional).
 * @returns
 *   `{"@context": "https://schema.org", "@graph": [article, ...claims]}`.
 * @example
 *   toJsonLdGraph(article)["@graph"].map((node) => (node as { "@type": string })["@type"])
 *   //=> ["NewsArticle", "Claim", "Claim"]
 */
export function toJsonLdGraph(
  article: Article,
  options?: Omit<JsonLdOptions, "includeClaims"> | null,
): JsonLdGraph {
  return buildJsonLd(article, { ...options, includeClaims: true }) as JsonLdGraph;
}

/**
 * {@link toJsonLd} and {@link toJsonLdGraph}: the article's JSON-LD, an `@graph` with claims.
 *
 * @internal
 */
export function buildJsonLd(
  article: Article,
  options: JsonLdOptions | null | undefined,
): WithContext<NewsArticle> | JsonLdGraph {
  const type = options?.type ?? "NewsArticle";
  if (!ARTICLE_TYPE_SET.has(type)) {
    throw new TypeError(
      `Cannot \`toJsonLd\` with type \`${String(type)}\`, expected a schema.org Article type`,
    );
  }
  const b = new Builder(article, options);
  const graph = options?.includeClaims === true;
  // count speakers first, so that an author who is also quoted is one node with an @id
  if (graph) {
    for (const claim of article.claims) {
      if (claim.speaker !== undefined && hasText(claim.speaker.name) && hasText(claim.text)) {
        b.countSpeaker(speakerKey(article, claim.speaker.name, claim.speaker.type));
      }
    }
  }
  const node = articleNode(article, type, b);
  if (!graph) {
    return { "@context": "https://schema.org", ...node } as unknown as WithContext<NewsArticle>;
  }
  const articleId = b.idBase === undefined ? "_:article" : `${b.idBase}#article`;
  const main: Node = { "@type": type, "@id": articleId, ...withoutType(node) };
  const graphNodes = [main, ...claimNodes(article, articleId, b)];
  return { "@context": "https://schema.org", "@graph": graphNodes } as unknown as JsonLdGraph;
}
