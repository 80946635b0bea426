/**
 * `gazette serve`: flags, what the terminal shows (the URL, one line per
 * rebuild, problems as diagnostics), `--open`, and stopping on Ctrl-C.
 */
import { relative } from "node:path";
import type { Command } from "commander";
import { formatDiagnostic, UsageError, type Diagnostic } from "../diagnostics.js";
import { PortError } from "../serve/listen.js";
import { openBrowser } from "../serve/open.js";
import type { RebuildReport } from "../serve/session.js";
import { startServe } from "../serve/serve.js";
import { WatchLimitError } from "../serve/watch.js";
import { EXIT, internalError, plural, printDiagnostics, useColour, type Io } from "./io.js";

interface ServeFlags {
  source: string;
  port: string;
  host: string;
  drafts: boolean;
  future: boolean;
  open: boolean;
}

/** Adds `gazette serve` to the program; `done` receives the exit code once the server has stopped. */
export function registerServeCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("serve")
    .description("build the site in memory, serve it, rebuild on every change and reload open browsers")
    .option("-s, --source <dir>", "site folder", ".")
    .option("-p, --port <port>", "port to listen on (the next free one when busy)", "4000")
    .option("--host <host>", "address to listen on (0.0.0.0: every network interface)", "127.0.0.1")
    .option("--drafts", "also serve articles marked draft: true", false)
    .option("--future", "also serve articles dated in the future", false)
    .option("--open", "open the site in the default browser", false)
    .addHelpText("after", "\nExamples:\n  gazette serve\n  gazette serve --source my-site --drafts --open\n  gazette serve --port 8080 --host 0.0.0.0")
    .action(async (opts: ServeFlags) => {
      const stop = stopOnSignals();
      try {
        done(await runServe(opts, io, stop.signal));
      } finally {
        stop.dispose();
      }
    });
}

/** Serves until `stop` is aborted (also while the first build runs); returns the exit code. */
export async function runServe(opts: ServeFlags, io: Io, stop: AbortSignal): Promise<number> {
  const port = /^\d{1,5}$/.test(opts.port) ? Number(opts.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    io.stderr(`gazette: --port must be a number from 0 to 65535, not "${opts.port}"\n`);
    return EXIT.usage;
  }
  const terminal = new ServeTerminal(io);
  io.stderr("building the site in memory…\n");
  try {
    const handle = await startServe(
      { source: opts.source, cwd: io.cwd, host: opts.host, port, drafts: opts.drafts, future: opts.future, signal: stop },
      {
        built: (report, initial) => terminal.built(report, initial),
        portBusy: (busy) => io.stderr(`port ${busy} is in use; trying ${busy + 1}\n`),
        pageProblem: (diagnostic) => printDiagnostics([diagnostic], io, terminal.colour),
        refused: (absPath) => terminal.refused(absPath),
        failure: (cause) => (cause instanceof WatchLimitError ? io.stderr(`gazette: ${cause.message}\n`) : internalError(cause, io)),
      },
    );
    io.stderr(`serving ${terminal.colour ? `\x1b[1;36m${handle.url}\x1b[0m` : handle.url} (Ctrl-C to stop)\n`);
    if (opts.open) openBrowser(handle.url);
    if (!stop.aborted) await new Promise((resolve) => stop.addEventListener("abort", resolve, { once: true }));
    await handle.close();
    io.stderr("stopped\n");
    return EXIT.ok;
  } catch (cause) {
    if (stop.aborted) {
      io.stderr("stopped\n");
      return EXIT.ok;
    }
    if (cause instanceof UsageError || cause instanceof PortError) {
      io.stderr(`gazette: ${cause.message}\n`);
      return EXIT.usage;
    }
    return internalError(cause, io);
  }
}

/** An abort signal for the first SIGINT or SIGTERM (a second one stops the process the usual way); `dispose` stops listening. */
function stopOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (name: string) => {
    dispose();
    controller.abort(new DOMException(`stopped by ${name}`, "AbortError"));
  };
  const dispose = () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return { signal: controller.signal, dispose };
}

/** What serve prints: one line per rebuild, each problem once (errors again while they last). */
class ServeTerminal {
  readonly colour: boolean;
  private seen = new Set<string>();
  private refusedPaths = new Set<string>();

  constructor(private readonly io: Io) {
    this.colour = useColour(io);
  }

  built(report: RebuildReport, initial: boolean): void {
    const fresh = report.diagnostics.filter((d) => d.severity === "error" || !this.seen.has(formatDiagnostic(d)));
    printDiagnostics(fresh, this.io, this.colour);
    this.seen = new Set(report.diagnostics.map(formatDiagnostic));
    this.io.stderr(summary(report, initial) + "\n");
  }

  refused(absPath: string): void {
    if (this.refusedPaths.has(absPath)) return;
    this.refusedPaths.add(absPath);
    this.io.stderr(`gazette: not serving ${relative(this.io.cwd, absPath)}: it leads outside the site's folders\n`);
  }
}

function summary(report: RebuildReport, initial: boolean): string {
  const errors = report.diagnostics.filter((d: Diagnostic) => d.severity === "error").length;
  if (!report.ok) {
    const keeps = initial ? "serving an error page until they are fixed" : "still serving the last good site";
    return `${initial ? "build" : "rebuild"} failed: ${plural(errors, "error")}; ${keeps}`;
  }
  if (initial) return `built ${plural(report.articles, "article")}, ${plural(report.totalPages, "page")} in ${duration(report.ms)}`;
  const { changed } = report;
  const what = [
    ...(changed.config ? ["the config"] : []),
    ...(changed.theme ? ["the theme"] : []),
    ...(changed.articles || (!changed.config && !changed.theme && !changed.files) ? [plural(changed.articles, "article")] : []),
    ...(changed.files ? [plural(changed.files, "file")] : []),
  ];
  return `rebuilt ${what.join(", ")}, ${plural(report.pages, "page")} in ${duration(report.ms)}`;
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}
