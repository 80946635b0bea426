/**
 * `gazette serve`: flags, what the terminal shows (the URL, one line per
 * rebuild, problems as diagnostics), `--open`, and stopping on Ctrl-C.
 */
import { relative } from "node:path";
import type { Command } from "commander";
import { UsageError, type Diagnostic } from "../diagnostics.js";
import type { BrowserTexts } from "../serve/http.js";
import { PortError } from "../serve/listen.js";
import { openBrowser } from "../serve/open.js";
import type { RebuildReport } from "../serve/session.js";
import { startServe } from "../serve/serve.js";
import { WatchLimitError } from "../serve/watch.js";
import { EXIT, internalError, printDiagnostics, useColour, type Io } from "./io.js";
import { chooseLanguage, langOption, speaker, UnknownLanguage, type Speaker } from "./lang.js";

interface ServeFlags {
  source: string;
  port: string;
  host: string;
  drafts: boolean;
  future: boolean;
  open: boolean;
  lang?: string;
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
    .addOption(langOption())
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
  let speak: Speaker;
  try {
    speak = speaker(chooseLanguage(opts.lang, io.env, io.cwd, opts.source));
  } catch (cause) {
    if (!(cause instanceof UnknownLanguage)) throw cause;
    io.stderr(`gazette: ${cause.message}\n`);
    return EXIT.usage;
  }
  const port = /^\d{1,5}$/.test(opts.port) ? Number(opts.port) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    io.stderr(speak.t("cli.usage-error", { detail: speak.t("usage.port", { value: opts.port }) }) + "\n");
    return EXIT.usage;
  }
  const terminal = new ServeTerminal(io, speak);
  io.stderr(speak.t("serve.building") + "\n");
  try {
    const handle = await startServe(
      { source: opts.source, cwd: io.cwd, host: opts.host, port, drafts: opts.drafts, future: opts.future, signal: stop, texts: browserTexts(speak) },
      {
        built: (report, initial) => terminal.built(report, initial),
        portBusy: (busy) => io.stderr(speak.t("serve.port-busy", { port: busy, next: busy + 1 }) + "\n"),
        pageProblem: (diagnostic) => printDiagnostics([diagnostic], io, terminal.colour, speak),
        refused: (absPath) => terminal.refused(absPath),
        failure: (cause) => (cause instanceof WatchLimitError ? io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n") : internalError(cause, io, speak)),
      },
    );
    io.stderr(speak.t("serve.serving", { url: terminal.colour ? `\x1b[1;36m${handle.url}\x1b[0m` : handle.url }) + "\n");
    if (opts.open) openBrowser(handle.url);
    if (!stop.aborted) await new Promise((resolve) => stop.addEventListener("abort", resolve, { once: true }));
    await handle.close();
    io.stderr(speak.t("serve.stopped") + "\n");
    return EXIT.ok;
  } catch (cause) {
    if (stop.aborted) {
      io.stderr(speak.t("serve.stopped") + "\n");
      return EXIT.ok;
    }
    if (cause instanceof UsageError || cause instanceof PortError) {
      io.stderr(speak.t("cli.usage-error", { detail: speak.error(cause) }) + "\n");
      return EXIT.usage;
    }
    return internalError(cause, io, speak);
  }
}

/** The overlay and error page in the speaker's language. */
function browserTexts(speak: Speaker): BrowserTexts {
  return {
    lang: speak.lang,
    format: (d) => speak.format(d),
    overlay: { title: speak.t("overlay.title"), hide: speak.t("overlay.hide") },
    page: { title: speak.t("overlay.page-title"), heading: speak.t("overlay.page-heading"), hint: speak.t("overlay.page-hint") },
  };
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

  constructor(
    private readonly io: Io,
    private readonly speak: Speaker,
  ) {
    this.colour = useColour(io);
  }

  built(report: RebuildReport, initial: boolean): void {
    const fresh = report.diagnostics.filter((d) => d.severity === "error" || !this.seen.has(this.speak.format(d)));
    printDiagnostics(fresh, this.io, this.colour, this.speak);
    this.seen = new Set(report.diagnostics.map((d) => this.speak.format(d)));
    this.io.stderr(summary(report, initial, this.speak) + "\n");
  }

  refused(absPath: string): void {
    if (this.refusedPaths.has(absPath)) return;
    this.refusedPaths.add(absPath);
    this.io.stderr(this.speak.t("serve.refused", { path: relative(this.io.cwd, absPath) }) + "\n");
  }
}

function summary(report: RebuildReport, initial: boolean, speak: Speaker): string {
  const errors = report.diagnostics.filter((d: Diagnostic) => d.severity === "error").length;
  if (!report.ok) return speak.t("serve.failed", { initial, errors });
  const time = duration(report.ms, speak);
  if (initial) return speak.t("serve.built", { articles: report.articles, pages: report.totalPages, time });
  const { changed } = report;
  const articles = changed.articles || (!changed.config && !changed.theme && !changed.files);
  return speak.t("serve.rebuilt", {
    config: Boolean(changed.config),
    theme: Boolean(changed.theme),
    ...(articles ? { articles: changed.articles } : {}),
    ...(changed.files ? { files: changed.files } : {}),
    pages: report.pages,
    time,
  });
}

function duration(ms: number, speak: Speaker): string {
  if (speak.lang === "vi") return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2).replace(".", ",")} giây`;
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}
