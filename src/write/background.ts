/**
 * Page files written through libuv's thread pool instead of on the thread
 * that renders them, while a core is free for it: creating a file costs
 * 0.2–0.5 ms on the disks CI runners and containers use, about as long as
 * rendering the page, and the main thread is the build's critical path. When
 * every core is busy (the workers rendering bodies), a write handed to the
 * pool still takes a core, and three hand-overs (open, write, close) cost
 * more than the write itself: then the caller writes synchronously. Measured
 * at 4,000 articles on 2 cores, alternating cold builds: 0.95× the wall time
 * of always writing in the background, on disk and in RAM. At most `limit`
 * writes are in flight; past that a write is done synchronously, which
 * bounds the memory held by pages waiting to be written. `flush()` waits for
 * every write and throws the first failure, so nothing is published before
 * all are on disk.
 */
import { stat, writeFile } from "node:fs";

/** What the build cache records of a page file once written (filled in when the write completes). */
export interface WrittenFile {
  mtimeMs: number;
  ino: number;
}

export class BackgroundWrites {
  private inFlight = 0;
  private failure: Error | undefined;
  private idle: (() => void)[] = [];

  /** `spareCore`: whether a core is free for the thread pool's writes now (else the caller writes itself, which costs less). */
  constructor(
    private readonly spareCore: () => boolean = () => true,
    private readonly limit = 256,
  ) {}

  /**
   * Writes `data` to a new file at `path` (which must not exist), in the
   * background when there is room; `record`, if given, gets the file's
   * modification time and inode once written. Returns false when the caller
   * must write synchronously itself (too many writes in flight, or one failed).
   */
  write(path: string, data: Uint8Array, record?: WrittenFile): boolean {
    if (this.inFlight >= this.limit || this.failure || !this.spareCore()) return false;
    this.inFlight++;
    writeFile(path, data, { flag: "wx" }, (error) => {
      if (error || !record) return this.done(error ?? undefined);
      stat(path, (statError, stats) => {
        if (stats) Object.assign(record, { mtimeMs: stats.mtimeMs, ino: stats.ino });
        this.done(statError ?? undefined);
      });
    });
    return true;
  }

  /** Waits until every write has finished; throws the first that failed. */
  async flush(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.failure) throw this.failure;
  }

  private done(error: Error | undefined): void {
    if (error && !this.failure) this.failure = error;
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
