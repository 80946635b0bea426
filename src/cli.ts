/**
 * The command line: parses arguments, runs a command, prints diagnostics and
 * a summary. The only module that prints or decides the exit code.
 */
import { relative } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { build, type BuildResult } from "./build.js";
import { BuildFailure, UsageError, formatDiagnostic, sortDiagnostics, type Diagnostic } from "./diagnostics.js";

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

const defaultIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  cwd: process.cwd(),
});

/** Runs gazette with `argv` (as in `process.argv`) and resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("gazette")
    .description("Static site generator for news sites: Markdown articles in, a complete news portal out.")
    .version(VERSION, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run gazette --help for usage)");

  program
    .command("build")
    .description("build the site into the output folder")
    .option("-s, --source <dir>", "site folder", ".")
    .option("-o, --out <dir>", "output folder (default: <source>/public)")
    .option("--base-url <url>", "absolute URL the site is deployed at (overrides baseUrl)")
    .option("--drafts", "also build articles marked draft: true", false)
    .option("--future", "also build articles dated in the future", false)
    .addOption(new Option("--no-cache", "ignore the build cache (accepted; gazette has no cache yet)"))
    .option("--json", "print one JSON report on stdout", false)
    .option("-q, --quiet", "print errors only", false)
    .addHelpText("after", "\nExamples:\n  gazette build\n  gazette build --source my-site --out dist --base-url https://example.org/news/\n  gazette build --drafts --future")
    .action(async (opts: BuildFlags) => {
      code = await runBuild(opts, io);
    });

  try {
    await program.parseAsync(argv);
  } catch (cause) {
    if (cause instanceof CommanderError) {
      return cause.code === "commander.helpDisplayed" || cause.code === "commander.version" || cause.code === "commander.help" ? EXIT.ok : EXIT.usage;
    }
    throw cause;
  }
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.usage;
  }
  return code;
}

const VERSION = "0.1.0";

interface BuildFlags {
  source: string;
  out?: string;
  baseUrl?: string;
  drafts: boolean;
  future: boolean;
  cache: boolean;
  json: boolean;
  quiet: boolean;
}

async function runBuild(opts: BuildFlags, io: Io): Promise<number> {
  const started = performance.now();
  const colour = io.isTTY && !("NO_COLOR" in io.env) && !opts.json;
  try {
    const result = await build({
      source: opts.source,
      cwd: io.cwd,
      drafts: opts.drafts,
      future: opts.future,
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    });
    const elapsed = performance.now() - started;
    if (opts.json) io.stdout(JSON.stringify(jsonReport(result, result.diagnostics, elapsed, io.cwd)) + "\n");
    else {
      if (!opts.quiet) printDiagnostics(result.diagnostics, io, colour);
      if (!opts.quiet) io.stderr(summary(result, elapsed, io.cwd) + "\n");
    }
    return EXIT.ok;
  } catch (cause) {
    if (cause instanceof BuildFailure) {
      const shown = opts.quiet ? cause.diagnostics.filter((d) => d.severity === "error") : cause.diagnostics;
      if (opts.json) io.stdout(JSON.stringify(jsonReport(undefined, cause.diagnostics, performance.now() - started, io.cwd)) + "\n");
      else {
        printDiagnostics(shown, io, colour);
        const errors = cause.diagnostics.filter((d) => d.severity === "error").length;
        io.stderr(`build failed: ${plural(errors, "error")}; the previous output was left untouched\n`);
      }
      return EXIT.siteErrors;
    }
    if (cause instanceof UsageError) {
      io.stderr(`gazette: ${cause.message}\n`);
      return EXIT.usage;
    }
    return internalError(cause, io);
  }
}

/** A bug or an unexpected system failure: one clear line, the stack only when asked for. */
function internalError(cause: unknown, io: Io): number {
  const message = cause instanceof Error ? cause.message : String(cause);
  io.stderr(`gazette: unexpected error: ${message}\n`);
  if (io.env.GAZETTE_DEBUG && cause instanceof Error && cause.stack) io.stderr(cause.stack + "\n");
  else io.stderr("(set GAZETTE_DEBUG=1 to see where it happened, and please report it)\n");
  return EXIT.siteErrors;
}

function printDiagnostics(diagnostics: Diagnostic[], io: Io, colour: boolean): void {
  for (const d of sortDiagnostics(diagnostics)) {
    let line = formatDiagnostic(d);
    if (colour) line = line.replace(/: (error|warning): /, (_m, s: string) => `: ${s === "error" ? "\x1b[31merror\x1b[0m" : "\x1b[33mwarning\x1b[0m"}: `);
    io.stderr(line + "\n");
  }
}

function summary(result: BuildResult, elapsed: number, cwd: string): string {
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const where = relative(cwd, result.outDir) || ".";
  return `built ${plural(result.stats.articles, "article")}, ${plural(result.stats.pages, "page")} (${plural(result.stats.files, "file")}) into ${where}/ in ${(elapsed / 1000).toFixed(2)} s${warnings ? `, ${plural(warnings, "warning")}` : ""}`;
}

function jsonReport(result: BuildResult | undefined, diagnostics: Diagnostic[], elapsed: number, cwd: string) {
  const sorted = sortDiagnostics(diagnostics);
  return {
    ok: result !== undefined,
    outDir: result ? relative(cwd, result.outDir) || "." : undefined,
    articles: result?.stats.articles ?? 0,
    pages: result?.stats.pages ?? 0,
    files: result?.stats.files ?? 0,
    errors: sorted.filter((d) => d.severity === "error"),
    warnings: sorted.filter((d) => d.severity === "warning"),
    timings: { ...(result?.stats.timings ?? {}), total: Math.round(elapsed) },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
