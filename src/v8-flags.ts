/**
 * V8 settings for a gazette process, set by `bin/gazette.js` before any of
 * the CLI's code is loaded (worker threads share them).
 *
 * V8's optimising compiler runs on background threads beside the build's own
 * and competes with them for the cores: at 4,000 articles it took ~4 s of
 * CPU, for a build of ~16 s of CPU on 2 cores. Two settings halve that:
 *
 * - mdast-util-from-markdown builds its whole compiler (a function creating
 *   ~100 closures) for every document it parses; V8 finds it hot and spends
 *   ~1 s optimising it, in each thread, for code that runs once per document.
 *   It is left to the baseline tiers (by name: `test/markdown/v8-flags.test.ts`
 *   checks that the name still reaches it).
 * - A smaller inlining budget per optimised function (300 bytes of bytecode
 *   instead of 920): less to compile, and the hot paths (Markdown, templates)
 *   run no slower.
 *
 * Measured with 4,000 articles, alternating runs on 2 cores: 0.92× the wall
 * time and 0.91× the CPU of a build without them; the output is the same.
 */
import { setFlagsFromString } from "node:v8";

/** The function of mdast-util-from-markdown that is never optimised. */
export const UNOPTIMISED_FUNCTION = "compiler";

export const V8_FLAGS: readonly string[] = [`--turbo-filter=-${UNOPTIMISED_FUNCTION}`, "--max-inlined-bytecode-size-cumulative=300"];

/** Applies `V8_FLAGS` to this process. */
export function tuneV8(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
