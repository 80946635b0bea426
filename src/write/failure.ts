/**
 * Errors of the write stage as diagnostics: code `output`, file = the output
 * folder as the user named it, and file-system errors in plain words.
 */
import { BuildFailure, error, type Diagnostic } from "../diagnostics.js";
import type { ArgsOf } from "../i18n/catalog.js";

/** True for errors raised by the file system (they carry a string `code` such as `ENOENT`). */
export function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string";
}

/** A file-system error in plain words without Node's internal paths: `no such file or directory (ENOENT)`. */
export function describeSystemError(err: NodeJS.ErrnoException): string {
  const match = /^([A-Z][A-Z0-9_]*): (.+?)(?:, \w+(?: '.*)?)?$/s.exec(err.message);
  return match ? `${match[2]} (${match[1]})` : err.message;
}

/** An `output` error diagnostic about the output folder as the user named it; the detail stays as the system or the write stage wrote it. */
export function outputError(shown: string, message: string): Diagnostic {
  return error("output", { detail: message }, { file: shown });
}

/** The output folder cannot be replaced: why, in the writer's language. */
export function refusal<K extends "output.refuse-symlink" | "output.refuse-file" | "output.refuse-foreign">(shown: string, key: K, args: ArgsOf<K>, cause?: unknown): BuildFailure {
  return failureOf([error(key, args, { file: shown })], cause);
}

/** A BuildFailure holding the given diagnostics, keeping the underlying error as `cause`. */
export function failureOf(diagnostics: Diagnostic[], cause?: unknown): BuildFailure {
  const failure = new BuildFailure(diagnostics);
  if (cause !== undefined) failure.cause = cause;
  return failure;
}

/** A BuildFailure with one `output` error about the output folder. */
export function outputFailure(shown: string, message: string, cause?: unknown): BuildFailure {
  return failureOf([outputError(shown, message)], cause);
}

/**
 * Runs one I/O step; a file-system error becomes a BuildFailure saying what
 * was being done (`could not copy a.png to images/a.png: …`). Other errors
 * (bugs) pass through untouched, stack and all.
 */
export async function attempt<T>(shown: string, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (isSystemError(err)) throw outputFailure(shown, `${what}: ${describeSystemError(err)}`, err);
    throw err;
  }
}

/** As `attempt`, for a synchronous step (the swap's, which must not yield to the event loop). */
export function attemptSync<T>(shown: string, what: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (isSystemError(err)) throw outputFailure(shown, `${what}: ${describeSystemError(err)}`, err);
    throw err;
  }
}
