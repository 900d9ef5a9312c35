export { toJsonLd, toJsonLdGraph } from "./to-jsonld.js";
export type { JsonLdGraph } from "./to-jsonld.js";
export { toJsonLdScript, serializeJsonLdForScript } from "./script.js";
export { fromJsonLd } from "./from-jsonld.js";
export type { JsonLdOptions } from "./options.js";
export type { ArticleTypeName } from "./vocabulary.js";
