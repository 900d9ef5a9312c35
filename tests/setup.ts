import fc from "fast-check";

// Property tests explore new random cases on every local run; CI uses one fixed seed so
// that a landing is reproducible (set FC_SEED to replay a failure reported with its seed).
const seed = process.env["FC_SEED"] ?? (process.env["CI"] ? "20261125" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
