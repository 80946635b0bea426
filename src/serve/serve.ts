/**
 * `gazette serve` without the terminal: build the site in memory, serve it
 * over HTTP, watch its sources, rebuild incrementally and reload open tabs.
 * Nothing is written to disk; the command decides what to print.
 */
import { randomUUID } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { explained, UsageError, type Diagnostic } from "../diagnostics.js";
import { sitePaths } from "../load/site.js";
import { ReloadHub } from "./events.js";
import { createRequestHandler, errorLines, type BrowserTexts } from "./http.js";
import { listenOnFreePort } from "./listen.js";
import { SiteSession, type RebuildReport, type SessionOptions } from "./session.js";
import { watchSite } from "./watch.js";
import { repairOutput } from "../write/output.js";

/** What to serve and where. */
export interface ServeOptions extends Omit<SessionOptions, "source"> {
  /** Site folder, absolute or relative to `cwd`. */
  source: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4000; 0 lets the system choose. */
  port?: number;
  /** Ports tried, from `port` up, when it is busy; default 10. */
  portAttempts?: number;
  /** Quiet time before a batch of changes is rebuilt; default 30 ms. */
  debounceMs?: number;
  /** What the browser shows about errors (overlay, error page), in the writer's language; English by default. */
  texts?: BrowserTexts;
}

/** What the server tells its caller. */
export interface ServeHooks {
  /** The first build or a rebuild finished (`ok: false`: errors, the last good site stays). */
  built?(report: RebuildReport, initial: boolean): void;
  /** A port was busy; the next one is tried. */
  portBusy?(port: number): void;
  /** A template error found while rendering a requested page. */
  pageProblem?(diagnostic: Diagnostic): void;
  /** A file was not served: its real path is outside the site's folders (a symlink out). */
  refused?(absPath: string): void;
  /** An unexpected failure (a bug) in a rebuild or a request. */
  failure?(cause: unknown): void;
}

/** A running server. */
export interface ServeHandle {
  /** `http://127.0.0.1:4000/news/`: the site's home under its base path. */
  url: string;
  port: number;
  session: SiteSession;
  /** The first build's report. */
  initial: RebuildReport;
  /** Resolves when no rebuild is waiting or running. */
  idle(): Promise<void>;
  /** Stops watching, ends event streams and connections, closes the server. */
  close(): Promise<void>;
}

/**
 * Builds the site, starts watching and listening; throws UsageError for a
 * missing folder, PortError when no port is free, and the abort reason when
 * `options.signal` is aborted before the server is up.
 */
export async function startServe(options: ServeOptions, hooks: ServeHooks = {}): Promise<ServeHandle> {
  const cwd = options.cwd ?? process.cwd();
  const source = resolve(cwd, options.source);
  if (!existsSync(source) || !statSync(source).isDirectory()) throw explained(new UsageError(""), "usage.source-not-found", { source: options.source });
  await repairOutput(join(source, "public"), true); // a build killed mid-swap is repaired by any command
  options.signal?.throwIfAborted(); // stopped while repairing: the listener below would never hear it
  const host = options.host ?? "127.0.0.1";

  let session: SiteSession | undefined;
  const hub = new ReloadHub(randomUUID());
  // Aborted by the caller's signal or by close(): a build under way stops at its next pause.
  const stopping = new AbortController();
  const stop = () => stopping.abort(options.signal?.reason ?? new DOMException("gazette serve stopped", "AbortError"));
  options.signal?.addEventListener("abort", stop, { once: true });
  const failure = (cause: unknown) => {
    if (!stopping.signal.aborted) hooks.failure?.(cause);
  };
  let opened: (s: SiteSession) => void = () => undefined;
  const whenOpen = new Promise<SiteSession>((resolve) => (opened = resolve));
  const watcher = watchSite(
    sitePaths(source),
    async (events) => {
      const current = await whenOpen;
      const report = await current.update(events);
      watcher.watchAlso(current.linkTargets());
      hooks.built?.(report, false);
      if (report.ok) hub.reload();
      else hub.showErrors(errorLines(report.diagnostics, options.texts));
    },
    { debounceMs: options.debounceMs ?? 30, onError: failure },
  );
  try {
    const result = await SiteSession.open({ ...options, source, cwd, signal: stopping.signal });
    session = result.session;
    session.onPageProblem = (diagnostic) => {
      hooks.pageProblem?.(diagnostic);
      hub.showErrors(errorLines(session!.diagnostics, options.texts));
    };
    watcher.watchAlso(session.linkTargets());
    hooks.built?.(result.report, true);
    const server = createServer(createRequestHandler({ session, hub, onRefused: (p) => hooks.refused?.(p), onError: failure, ...(options.texts ? { texts: options.texts } : {}) }));
    server.keepAliveTimeout = 2_000;
    const port = await listenOnFreePort(server, host, options.port ?? 4000, options.portAttempts ?? 10, hooks.portBusy);
    await watcher.ready;
    opened(session);
    return {
      url: `http://${urlHost(host)}:${port}${session.basePath}`,
      port,
      session,
      initial: result.report,
      idle: () => watcher.idle(),
      close: async () => {
        stop();
        options.signal?.removeEventListener("abort", stop);
        await watcher.close();
        hub.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      },
    };
  } catch (cause) {
    stop();
    options.signal?.removeEventListener("abort", stop);
    hub.close();
    await watcher.close();
    throw cause;
  }
}

/** The host part of the URL to announce: a wildcard address is reached as localhost; IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
