/**
 * Diagnostics: every problem a user can cause, with a code, a file and a
 * position where known. Stages collect them; only `cli.ts` prints them.
 */

/** How bad a diagnostic is: errors fail the build, warnings do not. */
export type Severity = "error" | "warning";

/** One problem found in the user's site, in the style of a compiler message. */
export interface Diagnostic {
  /** Stable identifier of the kind of problem, e.g. `yaml`, `missing-image`. */
  code: string;
  severity: Severity;
  /** Path as the user knows it, relative to the working directory when possible. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  message: string;
  /** The message's stable key for translations (`yaml.unquoted-colon`), when it has one beyond the code. */
  key?: string;
  /** The values the message is made of, for translations. */
  args?: Record<string, unknown>;
}

/** Builds an error diagnostic. */
export function error(code: string, message: string, where: Partial<Pick<Diagnostic, "file" | "line" | "column">> = {}): Diagnostic {
  return { code, severity: "error", message, ...definedOnly(where) };
}

/** Builds a warning diagnostic. */
export function warning(code: string, message: string, where: Partial<Pick<Diagnostic, "file" | "line" | "column">> = {}): Diagnostic {
  return { code, severity: "warning", message, ...definedOnly(where) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, line, column, then message, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.message.localeCompare(b.message),
  );
}

/** Formats one diagnostic as `path:line:column: severity: message [code]`. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? "gazette";
  if (d.file && d.line !== undefined) {
    where += `:${d.line}`;
    if (d.column !== undefined) where += `:${d.column}`;
  }
  return `${where}: ${d.severity}: ${d.message} [${d.code}]`;
}

/**
 * Thrown when a stage cannot go on; carries every diagnostic gathered so far.
 * The CLI prints them without a stack trace.
 */
export class BuildFailure extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(`${errors.length} error${errors.length === 1 ? "" : "s"}`);
    this.name = "BuildFailure";
    this.diagnostics = diagnostics;
  }
}

/** Thrown for misuse of the command line (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
