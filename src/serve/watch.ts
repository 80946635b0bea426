/**
 * Watching a site's sources with chokidar: content/, templates/, static/ and
 * the config file (dot-entries and everything else ignored), with a burst of
 * saves batched into one rebuild and never two rebuilds at once.
 */
import { statSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { watch } from "chokidar";
import { explained } from "../diagnostics.js";
import type { SitePaths } from "../load/site.js";
import { isInsideSite } from "../load/walk.js";
import { isIgnoredPath, type FileEvent } from "./changes.js";

/** A running watcher. */
export interface SiteWatcher {
  /** Resolves once the initial scan is done and every later change will be seen. */
  ready: Promise<void>;
  /** Resolves when no batch is waiting or running. */
  idle(): Promise<void>;
  /** Also watches these real files and folders (where links in the site lead; see `SiteSources.linkTargets`). */
  watchAlso(targets: readonly string[]): void;
  /** Stops watching; a batch already running finishes. */
  close(): Promise<void>;
}

/** How changes are batched. */
export interface WatchOptions {
  /** Quiet time after the last event before a batch runs; default 30 ms. */
  debounceMs?: number;
  /** Longest a batch waits while events keep coming; default 250 ms. */
  maxWaitMs?: number;
  /** Watcher or batch failures (a rebuild throwing is a bug, not a site error). */
  onError?: (cause: unknown) => void;
}

const FILE_EVENTS = new Set(["add", "change", "unlink", "addDir", "unlinkDir"]);

/** The system refused to watch more files: changes to some files will not be seen. */
export class WatchLimitError extends Error {
  constructor(cause: unknown) {
    super("", { cause });
    this.name = "WatchLimitError";
    explained(this, "serve.watch-limit", {});
  }
}

function explain(cause: unknown): unknown {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOSPC" || code === "EMFILE" ? new WatchLimitError(cause) : cause;
}

/** Watches the site at `paths` and calls `onBatch` with each batch of events, one batch at a time. */
export function watchSite(paths: SitePaths, onBatch: (events: FileEvent[]) => Promise<void>, options: WatchOptions = {}): SiteWatcher {
  const onError = options.onError ?? (() => undefined);
  const batcher = new Batcher(onBatch, options.debounceMs ?? 30, options.maxWaitMs ?? 250, onError);
  // Links are watched as links, never followed: a link out of the site, or back to a folder it is in,
  // would have the watcher list (and hold open) folders the site may not read (see `walkFolder`).
  const also = new Set<string>();
  const ignored = (path: string): boolean => isIgnoredPath(paths, path) && ![...also].some((target) => isInsideSite(path, target));
  const watcher = watch(paths.root, { ignoreInitial: true, followSymlinks: false, ignored });
  const rechecks = new Rechecks((path) => batcher.push({ event: "change", path }));
  watcher.on("all", (event, path, stats) => {
    if (!FILE_EVENTS.has(event)) return;
    batcher.push({ event: event as FileEvent["event"], path });
    if (event === "add" || event === "change") rechecks.schedule(path, stats);
  });
  watcher.on("error", (cause) => onError(explain(cause)));
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    idle: () => batcher.idle(),
    watchAlso: (targets) => {
      const fresh = targets.filter((target) => !also.has(target));
      for (const target of fresh) also.add(target);
      if (fresh.length > 0) watcher.add(fresh);
    },
    close: async () => {
      batcher.stop();
      rechecks.stop();
      await watcher.close();
    },
  };
}

/**
 * Chokidar drops a second `change` of a file that comes within 50 ms of the
 * first, so a save written in two steps (or two saves close together) could go
 * unseen. Each file event is checked again a little later: when the file's
 * size, modification time or inode moved since the event, a change is reported.
 */
class Rechecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly report: (path: string) => void, private readonly delayMs = 75) {}

  /** Checks `path` again after the delay, against `seen` (its stats at the event; read now when absent). */
  schedule(path: string, seen: Stats | undefined): void {
    if (this.stopped) return;
    let before = seen;
    try {
      before ??= statSync(path);
    } catch {
      return; // gone already: its unlink event follows
    }
    clearTimeout(this.timers.get(path));
    const timer = setTimeout(async () => {
      this.timers.delete(path);
      const now = await stat(path).catch(() => undefined);
      if (this.stopped || !now || this.timers.has(path)) return;
      if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) {
        this.report(path);
        this.schedule(path, now);
      }
    }, this.delayMs);
    this.timers.set(path, timer);
  }

  /** Cancels every pending check. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Collects events and runs them in batches: after a quiet spell, or at the latest after `maxWaitMs`; never two at once. */
export class Batcher {
  private pending: FileEvent[] = [];
  private firstAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly run: (events: FileEvent[]) => Promise<void>,
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
    private readonly onError: (cause: unknown) => void,
  ) {}

  /** Adds an event to the next batch. */
  push(event: FileEvent): void {
    if (this.stopped) return;
    if (this.pending.length === 0) this.firstAt = performance.now();
    this.pending.push(event);
    this.schedule();
  }

  /** Resolves when nothing is pending or running. */
  async idle(): Promise<void> {
    while (this.running || (this.pending.length > 0 && !this.stopped)) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, this.debounceMs)));
    }
  }

  /** Drops pending events and runs no more batches. */
  stop(): void {
    this.stopped = true;
    this.pending = [];
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.running) return; // the running batch schedules the next one when it ends
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - performance.now()));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.stopped || this.running || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.running = this.run(batch).catch(this.onError);
    await this.running;
    this.running = undefined;
    if (this.pending.length > 0) this.schedule();
  }
}
