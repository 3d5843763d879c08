// Types of server-build.mjs for the TypeScript that imports it (test helpers, benchmarks).
export const SERVER_BUNDLE: string;
export const SERVER_NODE_FLAGS: readonly string[];
export function bundle(opts: { entry?: string; contents?: string; outfile: string }): string;
export function ensureServerBuilt(opts?: { force?: boolean }): string;
