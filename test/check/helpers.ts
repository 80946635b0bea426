/**
 * Running `gazette check` on small fixture sites, in process or through the
 * real CLI, and picking diagnostics out of the result.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { main, type Io } from "../../src/cli.js";
import { checkSite, type CheckOptions, type CheckResult } from "../../src/check/run.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { makeSite } from "../helpers/site.js";

/** The clock of every fixture check: 29 Nov 2026. */
export const NOW = Date.UTC(2026, 10, 29);

/** Checks a site made of `files`, with messages relative to its folder. */
export async function checkFiles(files: Record<string, string | Uint8Array>, options: Partial<CheckOptions> = {}): Promise<CheckResult & { root: string }> {
  const root = makeSite(files);
  return { ...(await checkSite({ source: root, cwd: root, now: NOW, ...options })), root };
}

/** The diagnostics with one code. */
export function withCode(result: { diagnostics: Diagnostic[] }, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

/** `file:line:column severity` of a diagnostic, for compact assertions. */
export function where(d: Diagnostic): string {
  return `${d.file}:${d.line ?? ""}:${d.column ?? ""} ${d.severity}`;
}

const BIN = join(import.meta.dirname, "..", "..", "bin", "gazette.js");

/** Runs the real CLI (compiled `dist/`) in `cwd` without colour. */
export function gazette(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs the command line's `main` in this process, as `gazette` does, with its
 * output collected: for tests that read what a command prints and its exit
 * code. Starting the real CLI is left to the end-to-end tests (`gazette`).
 */
export async function gazetteInProcess(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: { ...process.env, NO_COLOR: "1", ...env }, cwd };
  const code = await main(["node", "gazette", ...args], io);
  return { code, stdout, stderr };
}

/** Runs the real CLI without blocking this process (needed when this process also serves HTTP). */
export function gazetteAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => (stderr += t));
    child.on("error", reject).on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
