/**
 * A small pool of worker threads: tasks go to the least busy worker, a few at
 * a time each so that none waits for its next message; `broadcast` sends
 * shared data to every worker. It knows no task: the script each worker runs
 * (given by the caller, see `build/worker.ts`) answers messages by kind.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** The kind of a task, which the worker script maps to a function. */
export type TaskKind = string;

/** A message to a worker. */
export interface TaskMessage {
  id: number;
  kind: TaskKind;
  input: unknown;
}

/** A worker's answer to one message. */
export type TaskReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string; stack: string; code?: string };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  pending: Map<number, Pending>;
  failed?: Error;
}

/**
 * Tasks in flight per worker: one running, the others waiting, so that a
 * worker never idles between messages, not even while the main thread is in
 * a long stretch of its own work (a chunk of bodies: ~100 ms) and cannot
 * hand out the next task. With 2, the worker idled ~1.5 s of a 4,000-article
 * build; with 4, 0.8 s (`--cpu-prof`), and the build took 8.3–9.5 s against
 * 9.1–11.7 s (4 alternating runs each).
 */
export const DEPTH = 4;

/** The number of workers worth starting beside the main thread, which works too: one per other core, at most 7. */
export function defaultPoolSize(): number {
  return Math.max(0, Math.min(7, availableParallelism() - 1));
}

/** Worker threads running build tasks. */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: { message: TaskMessage; pending: Pending }[] = [];
  private nextId = 1;
  private closed = false;
  /** Settles when every worker has loaded its modules (or failed). */
  readonly ready: Promise<void>;

  /** Starts `size` workers running `script`; they load their modules while the main thread goes on. */
  constructor(
    readonly size: number,
    script: URL,
  ) {
    const readiness: Promise<unknown>[] = [];
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(script), busy: 0, pending: new Map() };
      // Message 0 is the worker saying its modules are loaded.
      readiness.push(new Promise((resolve) => slot.pending.set(0, { resolve, reject: resolve })));
      slot.worker.on("message", (reply: TaskReply) => this.settle(slot, reply));
      slot.worker.on("error", (err) => this.fail(slot, err));
      slot.worker.on("exit", (code) => {
        if (!this.closed) this.fail(slot, new Error(`a build worker stopped unexpectedly (exit code ${code})`));
      });
      return slot;
    });
    this.ready = Promise.all(readiness).then(() => undefined);
  }

  /** Whether no worker has a task in flight (its core is free for other work). */
  get idle(): boolean {
    return this.queue.length === 0 && this.slots.every((slot) => slot.busy === 0);
  }

  /** Runs one task on whichever worker is free first. */
  run<T>(kind: TaskKind, input: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, kind, input }, pending: { resolve: resolve as (v: unknown) => void, reject } });
      this.pump();
    });
  }

  /** Sends the same task to every worker (ahead of the tasks queued after it) and waits for all. */
  broadcast(kind: TaskKind, input: unknown): Promise<unknown[]> {
    return Promise.all(
      this.slots.map(
        (slot) =>
          new Promise((resolve, reject) => {
            if (slot.failed) return reject(slot.failed);
            this.post(slot, { id: this.nextId++, kind, input }, { resolve, reject }, false);
          }),
      ),
    );
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.filter((s) => !s.failed && s.busy < DEPTH).sort((a, b) => a.busy - b.busy)[0];
      if (!slot) {
        if (this.slots.every((s) => s.failed)) for (const task of this.queue.splice(0)) task.pending.reject(this.slots[0]!.failed);
        return;
      }
      const task = this.queue.shift()!;
      this.post(slot, task.message, task.pending, true);
    }
  }

  private post(slot: Slot, message: TaskMessage, pending: Pending, counted: boolean): void {
    if (counted) slot.busy++;
    const done = () => {
      if (counted) slot.busy--;
    };
    slot.pending.set(message.id, {
      resolve: (value) => (done(), pending.resolve(value)),
      reject: (reason) => (done(), pending.reject(reason)),
    });
    slot.worker.postMessage(message);
  }

  private settle(slot: Slot, reply: TaskReply): void {
    const pending = slot.pending.get(reply.id);
    if (!pending) return;
    slot.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.result);
    else {
      // A file-system error keeps its code, so the write stage reports it in plain words.
      const err: NodeJS.ErrnoException = new Error(reply.message);
      err.stack = reply.stack;
      if (reply.code !== undefined) err.code = reply.code;
      pending.reject(err);
    }
    this.pump();
  }

  private fail(slot: Slot, err: Error): void {
    slot.failed ??= err;
    for (const pending of slot.pending.values()) pending.reject(err);
    slot.pending.clear();
    this.pump();
  }
}
