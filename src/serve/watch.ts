/**
 * Watching a site's sources with chokidar: content/, templates/, static/ and
 * the config file (dot-entries and everything else ignored), with a burst of
 * saves batched into one rebuild and never two rebuilds at once.
 */
import { watch } from "chokidar";
import type { SitePaths } from "../load/site.js";
import { isIgnoredPath, type FileEvent } from "./changes.js";

/** A running watcher. */
export interface SiteWatcher {
  /** Resolves once the initial scan is done and every later change will be seen. */
  ready: Promise<void>;
  /** Resolves when no batch is waiting or running. */
  idle(): Promise<void>;
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

/** Watches the site at `paths` and calls `onBatch` with each batch of events, one batch at a time. */
export function watchSite(paths: SitePaths, onBatch: (events: FileEvent[]) => Promise<void>, options: WatchOptions = {}): SiteWatcher {
  const onError = options.onError ?? (() => undefined);
  const batcher = new Batcher(onBatch, options.debounceMs ?? 30, options.maxWaitMs ?? 250, onError);
  const watcher = watch(paths.root, { ignoreInitial: true, ignored: (path: string) => isIgnoredPath(paths, path) });
  watcher.on("all", (event, path) => {
    if (FILE_EVENTS.has(event)) batcher.push({ event: event as FileEvent["event"], path });
  });
  watcher.on("error", onError);
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    idle: () => batcher.idle(),
    close: async () => {
      batcher.stop();
      await watcher.close();
    },
  };
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
