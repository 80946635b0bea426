/**
 * `gazette check`: flags, the printed report, the JSON report, exit codes.
 */
import { InvalidArgumentError, type Command } from "commander";
import { EXTERNAL_DEFAULTS } from "../check/external.js";
import { checkJson, checkPassed, summaryLine } from "../check/report.js";
import { LINT_RULES } from "../load/lint-rules.js";
import { checkSite } from "../check/run.js";
import { UsageError } from "../diagnostics.js";
import { EXIT, internalError, printDiagnostics, useColour, workersFromEnv, type Io } from "./io.js";
import { commandSpeaker, langOption } from "./lang.js";

interface CheckFlags {
  source: string;
  drafts: boolean;
  future: boolean;
  json: boolean;
  strict: boolean;
  external: boolean;
  timeout: number;
  concurrency: number;
  quiet: boolean;
  lang?: string;
}

function positive(kind: "number" | "integer") {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (kind === "integer" && !Number.isInteger(n))) {
      throw new InvalidArgumentError(kind === "integer" ? "expected a whole number of at least 1" : "expected a positive number");
    }
    return n;
  };
}

const HELP = `
Errors (exit 1): everything a build rejects — config, front-matter, template
syntax, unknown layouts, broken internal links, missing images, two sources for
one URL. Warnings (exit 0 unless --strict): the lint rules below, each set to
off, warning or error under "lint:" in gazette.config.yaml.

Rules:
${LINT_RULES.map((r) => `  ${r.id.padEnd(20)} ${r.severity.padEnd(8)} ${r.finds}`).join("\n")}

Examples:
  gazette check
  gazette check --source my-site --strict
  gazette check --drafts                  # also the drafts, as build --drafts
  gazette check --external --timeout 5    # fetch external links, 5 s each
  gazette check --json > report.json`;

/** Adds `gazette check` to the program; `done` receives the exit code. */
export function registerCheckCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("check")
    .description("check the site like a build does, plus links, images and content lint, without writing output")
    .option("-s, --source <dir>", "site folder", ".")
    .option("--drafts", "also check articles marked draft: true", false)
    .option("--future", "also check articles dated in the future", false)
    .option("--strict", "fail (exit 1) on warnings too", false)
    .option("--external", "check external links over HTTP", false)
    .option("--timeout <seconds>", "time limit per external link", positive("number"), EXTERNAL_DEFAULTS.timeoutMs / 1000)
    .option("--concurrency <n>", "external links checked at once", positive("integer"), EXTERNAL_DEFAULTS.concurrency)
    .option("--json", "print one JSON report on stdout", false)
    .option("-q, --quiet", "print only what fails the check", false)
    .addOption(langOption())
    .addHelpText("after", HELP)
    .action(async (opts: CheckFlags) => done(await runCheck(opts, io)));
}

async function runCheck(opts: CheckFlags, io: Io): Promise<number> {
  const started = performance.now();
  const progress = io.isTTY && !opts.json && !opts.quiet;
  const speak = commandSpeaker(opts.lang, io, opts.source);
  if (!speak) return EXIT.usage;
  try {
    const result = await checkSite({
      ...workersFromEnv(io),
      source: opts.source,
      cwd: io.cwd,
      drafts: opts.drafts,
      future: opts.future,
      external: opts.external,
      http: {
        timeoutMs: Math.round(opts.timeout * 1000),
        concurrency: opts.concurrency,
        ...(progress ? { onProgress: (n: number, total: number) => io.stderr(`\r\x1b[K${speak.t("check.progress", { done: n, total })}${n === total ? "\r\x1b[K" : ""}`) } : {}),
      },
    });
    const elapsed = performance.now() - started;
    const passed = checkPassed(result, opts.strict);
    if (opts.json) io.stdout(JSON.stringify(checkJson(result, opts.strict, elapsed, speak.json)) + "\n");
    else {
      const shown = opts.quiet ? result.diagnostics.filter((d) => d.severity === "error" || opts.strict) : result.diagnostics;
      printDiagnostics(shown, io, useColour(io), speak);
      const strictFailure = opts.strict && !passed && !result.diagnostics.some((d) => d.severity === "error");
      if (!opts.quiet) io.stderr(summaryLine(result, elapsed, speak) + (strictFailure ? speak.t("check.strict") : "") + "\n");
    }
    return passed ? EXIT.ok : EXIT.siteErrors;
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n");
      return EXIT.usage;
    }
    return internalError(cause, io, speak);
  }
}
