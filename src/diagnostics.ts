/**
 * Diagnostics: every problem a user can cause, with a code, a file and a
 * position where known. Stages collect them with a catalog key and its
 * arguments; the commands print them in the writer's language.
 */
import { en } from "./i18n/en.js";
import type { ArgsOf, MessageKey } from "./i18n/catalog.js";

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
  /** The message in English (for logs and tests); commands print it from `key` and `args` in the writer's language. */
  message: string;
  /** The catalog key of the message: the code, or `code.variant`. Absent only for messages not yet in the catalogs. */
  key?: string;
  /** The values the message is made of (file names, URLs, counts). */
  args?: Record<string, unknown>;
}

type Where = Partial<Pick<Diagnostic, "file" | "line" | "column">>;

/** The code of a catalog key: `front-matter.missing` → `front-matter`. */
export function codeOfKey(key: string): string {
  const dot = key.indexOf(".");
  return dot === -1 ? key : key.slice(0, dot);
}

function make(severity: Severity, keyOrCode: string, argsOrMessage: object | string | undefined, where: Where): Diagnostic {
  if (typeof argsOrMessage === "string") return { code: keyOrCode, severity, message: argsOrMessage, ...definedOnly(where) };
  const args = (argsOrMessage ?? {}) as Record<string, unknown>;
  const message = (en as Record<string, (a: unknown) => string>)[keyOrCode]!(args);
  const d: Diagnostic = { code: codeOfKey(keyOrCode), severity, message, ...definedOnly(where), key: keyOrCode };
  if (Object.keys(args).length > 0) d.args = args;
  return d;
}

/**
 * Builds an error diagnostic from a catalog key (`missing-image`,
 * `front-matter.missing`) and its arguments; the code is the key's first part.
 * The older form `error(code, message)` gives a message the catalogs do not
 * know yet: it prints in English whatever the language.
 */
export function error<K extends MessageKey>(key: K, args: ArgsOf<K>, where?: Where): Diagnostic;
export function error(code: string, message: string, where?: Where): Diagnostic;
export function error(keyOrCode: string, argsOrMessage: object | string, where: Where = {}): Diagnostic {
  return make("error", keyOrCode, argsOrMessage, where);
}

/** Builds a warning diagnostic, like `error`. */
export function warning<K extends MessageKey>(key: K, args: ArgsOf<K>, where?: Where): Diagnostic;
export function warning(code: string, message: string, where?: Where): Diagnostic;
export function warning(keyOrCode: string, argsOrMessage: object | string, where: Where = {}): Diagnostic {
  return make("warning", keyOrCode, argsOrMessage, where);
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

/** Formats one diagnostic as `path:line:column: severity: message [code]`, in English (commands use `formatLocalized`). */
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

/** An error that carries a catalog message: commands print it from `key` and `args` in the writer's language. */
export interface ExplainedError extends Error {
  key?: string;
  args?: Record<string, unknown>;
}

/** Gives `err` the catalog message `key` with `args`: its `message` in English, the key and arguments for printing. */
export function explained<E extends Error, K extends MessageKey>(err: E, key: K, args: ArgsOf<K>): E {
  const target = err as E & ExplainedError;
  target.message = (en as Record<string, (a: unknown) => string>)[key]!(args);
  target.key = key;
  target.args = args as Record<string, unknown>;
  return err;
}
