export { fromJsonLd } from "./from-jsonld.js";
export type { JsonLdOptions } from "./options.js";
export { serializeJsonLdForScript, toJsonLdScript } from "./script.js";
export type { JsonLdGraph } from "./to-jsonld.js";
export { toJsonLd, toJsonLdGraph } from "./to-jsonld.js";
export type { ArticleTypeName } from "./vocabulary.js";
