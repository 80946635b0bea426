/**
 * The reference the other paths are compared with: the shipped build (what
 * `gazette build` runs), on the main thread alone and without the cache,
 * into a temp folder that is read back and removed.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type BuildOptions } from "../../src/build.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";
import { listTree } from "./site.js";

/** What a plain build gave: its files by output path (none when it failed) and every diagnostic. */
export interface Reference {
  files: Map<string, Buffer>;
  diagnostics: Diagnostic[];
  failed: boolean;
}

/** Builds `options.source` as `gazette build --no-cache` would, with no worker thread, and reads the output back. */
export async function plainBuild(options: BuildOptions): Promise<Reference> {
  const out = join(mkdtempSync(join(tmpdir(), "gazette-reference-")), "out");
  try {
    const result = await build({ ...options, out, cache: false, workers: 0 });
    const files = new Map(listTree(out).filter((f) => f !== ".gazette").map((f) => [f, readFileSync(join(out, f))]));
    return { files, diagnostics: result.diagnostics, failed: false };
  } catch (cause) {
    if (!(cause instanceof BuildFailure)) throw cause;
    return { files: new Map(), diagnostics: cause.diagnostics, failed: true };
  } finally {
    rmSync(join(out, ".."), { recursive: true, force: true });
  }
}
