/**
 * `gazette build`: flags, the summary line, the JSON report.
 */
import { relative } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Option, type Command } from "commander";
import { build, type BuildResult } from "../build.js";
import { BuildFailure, UsageError, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { EXIT, internalError, printDiagnostics, useColour, workersFromEnv, type Io } from "./io.js";
import { chooseLanguage, langOption, speaker, UnknownLanguage, type Speaker } from "./lang.js";
import { createProgress } from "./progress.js";

interface BuildFlags {
  source: string;
  out?: string;
  baseUrl?: string;
  drafts: boolean;
  future: boolean;
  cache: boolean;
  json: boolean;
  quiet: boolean;
  lang?: string;
}

/** Adds `gazette build` to the program; `done` receives the exit code. */
export function registerBuildCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("build")
    .description("build the site into the output folder")
    .option("-s, --source <dir>", "site folder", ".")
    .option("-o, --out <dir>", "output folder (default: <source>/public)")
    .option("--base-url <url>", "absolute URL the site is deployed at (overrides baseUrl)")
    .option("--drafts", "also build articles marked draft: true", false)
    .option("--future", "also build articles dated in the future", false)
    .addOption(new Option("--no-cache", "ignore the build cache"))
    .option("--json", "print one JSON report on stdout", false)
    .option("-q, --quiet", "print errors only", false)
    .addOption(langOption())
    .addHelpText("after", "\nExamples:\n  gazette build\n  gazette build --source my-site --out dist --base-url https://example.org/news/\n  gazette build --drafts --future")
    .action(async (opts: BuildFlags) => done(await runBuild(opts, io)));
}

/**
 * A build makes garbage fast and keeps little: let V8's heap grow by half
 * between full collections instead of its default (up to four times), which
 * keeps peak memory of large sites within bounds for a few percent of time.
 */
const HEAP_GROWTH = "--heap-growing-percent=50";

async function runBuild(opts: BuildFlags, io: Io): Promise<number> {
  const started = performance.now();
  let speak: Speaker;
  try {
    speak = speaker(chooseLanguage(opts.lang, io.env, io.cwd, opts.source));
  } catch (cause) {
    if (!(cause instanceof UnknownLanguage)) throw cause;
    io.stderr(`gazette: ${cause.message}\n`);
    return EXIT.usage;
  }
  setFlagsFromString(HEAP_GROWTH);
  const colour = useColour(io) && !opts.json;
  const progress = createProgress(io, io.isTTY && !opts.json && !opts.quiet, undefined, undefined, speak.lang);
  try {
    const result = await build({
      onProgress: progress.report,
      source: opts.source,
      cwd: io.cwd,
      drafts: opts.drafts,
      future: opts.future,
      cache: opts.cache,
      removeOldInBackground: true,
      ...workersFromEnv(io),
      ...(opts.out !== undefined ? { out: opts.out } : {}),
      ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    }).finally(() => progress.stop());
    const elapsed = performance.now() - started;
    if (opts.json) io.stdout(JSON.stringify(jsonReport(result, result.diagnostics, elapsed, io.cwd, speak)) + "\n");
    else if (!opts.quiet) {
      printDiagnostics(result.diagnostics, io, colour, speak);
      io.stderr(summary(result, elapsed, io.cwd, speak) + "\n");
    }
    return EXIT.ok;
  } catch (cause) {
    if (cause instanceof BuildFailure) {
      if (opts.json) io.stdout(JSON.stringify(jsonReport(undefined, cause.diagnostics, performance.now() - started, io.cwd, speak)) + "\n");
      else {
        printDiagnostics(opts.quiet ? cause.diagnostics.filter((d) => d.severity === "error") : cause.diagnostics, io, colour, speak);
        const errors = cause.diagnostics.filter((d) => d.severity === "error").length;
        io.stderr(speak.t("build.failed", { errors }) + "\n");
      }
      return EXIT.siteErrors;
    }
    if (cause instanceof UsageError) {
      io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n");
      return EXIT.usage;
    }
    return internalError(cause, io, speak);
  }
}

/** The closing line; when the build cache saved work, how much: `; from the cache: 3999 of 4000 bodies, 6137 of 6138 pages`. */
function summary(result: BuildResult, elapsed: number, cwd: string, speak: Speaker): string {
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const cache = result.stats.cache;
  const saved = cache && cache.bodies.hits + cache.pages.hits > 0
    ? { bodies: [cache.bodies.hits, cache.bodies.hits + cache.bodies.misses] as [number, number], cachedPages: [cache.pages.hits, cache.pages.hits + cache.pages.misses] as [number, number] }
    : {};
  return speak.t("build.summary", {
    articles: result.stats.articles,
    pages: result.stats.pages,
    files: result.stats.files,
    where: relative(cwd, result.outDir) || ".",
    seconds: (elapsed / 1000).toFixed(2),
    warnings,
    ...saved,
  });
}

function jsonReport(result: BuildResult | undefined, diagnostics: Diagnostic[], elapsed: number, cwd: string, speak: Speaker) {
  const sorted = sortDiagnostics(diagnostics).map(speak.json);
  return {
    ok: result !== undefined,
    outDir: result ? relative(cwd, result.outDir) || "." : undefined,
    articles: result?.stats.articles ?? 0,
    pages: result?.stats.pages ?? 0,
    files: result?.stats.files ?? 0,
    threads: result?.stats.threads ?? 0,
    errors: sorted.filter((d) => d.severity === "error"),
    warnings: sorted.filter((d) => d.severity === "warning"),
    timings: { ...(result?.stats.timings ?? {}), total: Math.round(elapsed) },
    ...(result?.stats.cache ? { cache: result.stats.cache } : {}),
    ...(result?.stats.images ? { images: result.stats.images } : {}),
  };
}
