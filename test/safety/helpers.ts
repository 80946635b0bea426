/**
 * Building and checking hostile sites in process, and reading their XML
 * strictly: what the safety tests share.
 */
import { SaxesParser } from "saxes";
import { build, type BuildOptions, type BuildResult } from "../../src/build.js";
import { checkSite } from "../../src/check/run.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";

/** The clock of every safety test: 29 Nov 2026. */
export const NOW = Date.UTC(2026, 10, 29);

/** A build's outcome: its result, or the diagnostics it failed with. */
export type Outcome = { ok: true; result: BuildResult; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Builds `root` (messages relative to it), catching a BuildFailure; anything else thrown is a crash and fails the test. */
export async function tryBuild(root: string, options: Partial<BuildOptions> = {}): Promise<Outcome> {
  try {
    const result = await build({ source: root, cwd: root, now: NOW, ...options });
    return { ok: true, result, diagnostics: result.diagnostics };
  } catch (cause) {
    if (cause instanceof BuildFailure) return { ok: false, diagnostics: cause.diagnostics };
    throw cause;
  }
}

/** Runs `check` on `root` in process. */
export async function check(root: string, workers?: number): Promise<Diagnostic[]> {
  return (await checkSite({ source: root, cwd: root, now: NOW, ...(workers !== undefined ? { workers } : {}) })).diagnostics;
}

/** `file:line code` of a diagnostic. */
export function at(d: Diagnostic): string {
  return `${d.file ?? ""}:${d.line ?? ""} ${d.code}`;
}

/** The errors among diagnostics. */
export function errors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

/** Parses `text` as XML 1.0 with a strict, non-validating parser; throws on anything not well-formed (control characters included). */
export function parseXmlStrictly(text: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.write(text).close();
  if (failure) throw failure;
}

/** Characters that must not reach HTML or XML output (see src/load/text.ts). */
export const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
