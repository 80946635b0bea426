/**
 * The terminal side of every command: where text goes, whether to colour it,
 * and how diagnostics and summaries are printed. Commands receive an `Io`;
 * nothing else prints.
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { speaker, type Speaker } from "./lang.js";

/** Exit codes: 0 success (warnings allowed), 1 the site has errors, 2 usage errors. */
export const EXIT = { ok: 0, siteErrors: 1, usage: 2 } as const;

/** Where output goes; injectable for tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (colour and progress). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Streams watched for their reader going away, and those whose reader has gone (see `guarded`). */
const watched = new Set<NodeJS.WriteStream>();
const closed = new Set<NodeJS.WriteStream>();

/**
 * A reader that stops early (`gazette build --json | head -c 80`) closes the
 * pipe: later output is dropped and the command still finishes its work and
 * exits with its code, instead of dying with a stack trace (or in the middle
 * of replacing the output folder).
 */
function guarded(stream: NodeJS.WriteStream): (text: string) => void {
  if (!watched.has(stream)) stream.on("error", () => closed.add(stream));
  watched.add(stream);
  return (text) => {
    if (!closed.has(stream)) stream.write(text);
  };
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: guarded(process.stdout),
    stderr: guarded(process.stderr),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColour(io: Io): boolean {
  return io.isTTY && !("NO_COLOR" in io.env);
}

/** Prints diagnostics to stderr in the speaker's language, sorted by file and line, one per line. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io, colour: boolean, speak: Speaker): void {
  for (const d of sortDiagnostics(diagnostics)) {
    let line = speak.format(d);
    if (colour) {
      const word = speak.t(d.severity === "error" ? "severity.error" : "severity.warning");
      line = line.replace(`: ${word}: `, `: ${d.severity === "error" ? "\x1b[31m" : "\x1b[33m"}${word}\x1b[0m: `);
    }
    io.stderr(line + "\n");
  }
}

/** `GAZETTE_WORKERS=N` forces N worker threads (0: none), for benchmarks and troubleshooting. */
export function workersFromEnv(io: Io): { workers?: number } {
  const value = io.env.GAZETTE_WORKERS;
  return value !== undefined && /^\d+$/.test(value) ? { workers: Number(value) } : {};
}

/** A bug or an unexpected system failure: one clear line, the stack only when asked for. */
export function internalError(cause: unknown, io: Io, speak: Speaker = speaker("en")): number {
  const message = cause instanceof Error ? cause.message : String(cause);
  io.stderr(speak.t("cli.unexpected", { detail: message }) + "\n");
  if (io.env.GAZETTE_DEBUG && cause instanceof Error && cause.stack) io.stderr(cause.stack + "\n");
  else io.stderr(speak.t("cli.debug-hint") + "\n");
  return EXIT.siteErrors;
}
