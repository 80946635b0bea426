/**
 * Runs the build's chunked tasks on the main thread and, for sites large
 * enough to repay starting them, on worker threads beside it: chunks wait in
 * one queue, each worker keeps two in flight, and the main thread takes the
 * next one whenever it is free. Results come back in input order whichever
 * thread did the work, so the output does not depend on the split.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { MarkdownOutput } from "../markdown/render.js";
import type { SiteModel } from "../model/site.js";
import type { Theme } from "../render/templates.js";
import { defaultPoolSize, WorkerPool } from "./pool.js";
import {
  loadFiles, pageRenderer, renderBodyChunk, renderPageChunk,
  type BodyToRender, type FileToLoad, type LoadedFile, type MarkdownEnv, type PageChunkResult, type PageRenderer, type ThemeSource,
} from "./tasks.js";

/** Articles below which a build stays in one thread (a worker costs ~0.2 s of CPU to start). */
export const WORKER_THRESHOLD = 300;

/** Reports work done: stage name, units done, units in all. */
export type ProgressFn = (stage: string, done: number, total: number) => void;

/** The pages of a build to render and write. */
export interface PageJob {
  /** The model with every article's HTML. */
  model: SiteModel;
  theme: Theme;
  themeSource: ThemeSource;
  /** Plan indexes (into `planPages(model)`) to render. */
  plans: number[];
  dir: string;
}

/** How many worker threads a build of `articles` articles should start (0 below the threshold). */
export function threadsFor(articles: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  return articles >= WORKER_THRESHOLD ? defaultPoolSize() : 0;
}

/** Runs build tasks on the main thread and `threads` workers. */
export class TaskRunner {
  private readonly pool: WorkerPool | undefined;

  constructor(readonly threads: number) {
    this.pool = threads > 0 ? new WorkerPool(threads) : undefined;
  }

  /** Reads and parses article files. */
  load(files: FileToLoad[], timezone: string, progress?: ProgressFn): Promise<LoadedFile[]> {
    return this.chunked(files, 50, "load", progress, (chunk) => loadFiles(chunk, timezone), (pool, chunk) => pool.run<LoadedFile[]>("load", { files: chunk, timezone }));
  }

  /** Renders bodies against the build's link targets. */
  async markdown(bodies: BodyToRender[], env: MarkdownEnv, progress?: ProgressFn): Promise<MarkdownOutput[]> {
    if (bodies.length === 0) return [];
    const sent = this.pool && bodies.length > 50 ? this.pool.broadcast("env", env) : undefined;
    return this.chunked(bodies, 25, "markdown", progress, (chunk) => renderBodyChunk(chunk, env), async (pool, chunk) => {
      await sent;
      return pool.run<MarkdownOutput[]>("markdown", chunk);
    }, sent === undefined);
  }

  /** Renders the planned pages and writes them under `job.dir`. */
  async pages(job: PageJob, progress?: ProgressFn): Promise<PageChunkResult> {
    const { model } = job;
    let renderer: PageRenderer | undefined;
    let sent: Promise<unknown> | undefined;
    if (this.pool && job.plans.length > 200) {
      // Workers get the model without bodies or HTML; each chunk lends the HTML of the articles it shows in full.
      const light = model.articles.map((a) => ({ ...a, body: "", html: "" }));
      sent = this.pool.broadcast("model", { model: { ...model, articles: light, bySlug: new Map(light.map((a) => [a.slug, a])) }, theme: job.themeSource });
    }
    const articleCount = model.articles.length;
    const results = await this.chunked(
      job.plans,
      50,
      "render",
      progress,
      (chunk) => [renderPageChunk((renderer ??= pageRenderer(model, job.theme)), { pages: chunk, html: {}, dir: job.dir })],
      async (pool, chunk) => {
        await sent;
        const html: Record<string, string> = {};
        for (const index of chunk) if (index < articleCount) html[model.articles[index]!.slug] = model.articles[index]!.html;
        return [await pool.run<PageChunkResult>("pages", { pages: chunk, html, dir: job.dir })];
      },
      sent === undefined,
    );
    return mergePageResults(results);
  }

  /** Stops the worker threads, if any. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  /**
   * Splits `items` into chunks and runs them on whichever thread is free:
   * each worker keeps two chunks in flight, the main thread runs one at a
   * time and lets the workers' answers in between. Results are joined in order.
   */
  private async chunked<T, R>(
    items: readonly T[],
    size: number,
    stage: string,
    progress: ProgressFn | undefined,
    inline: (chunk: T[]) => R[],
    remote: (pool: WorkerPool, chunk: T[]) => Promise<R[]>,
    mainOnly = false,
  ): Promise<R[]> {
    const results: R[][] = [];
    let next = 0;
    let done = 0;
    const chunkCount = Math.ceil(items.length / size);
    const take = (): [number, T[]] | undefined => (next < chunkCount ? [next, items.slice(next * size, ++next * size)] : undefined);
    const finish = (index: number, chunk: T[], result: R[]) => {
      results[index] = result;
      done += chunk.length;
      progress?.(stage, done, items.length);
    };
    const lanes: Promise<void>[] = [];
    const pool = mainOnly ? undefined : this.pool;
    if (pool) {
      const lane = async () => {
        await pool.ready;
        for (let job = take(); job; job = take()) finish(job[0], job[1], await remote(pool, job[1]));
      };
      for (let i = 0; i < pool.size * 2; i++) lanes.push(lane());
    }
    for (let job = take(); job; job = take()) {
      finish(job[0], job[1], inline(job[1]));
      if (pool) await nextTurn(); // let the workers' answers in, and their lanes take more
    }
    await Promise.all(lanes);
    return results.flat();
  }
}

function mergePageResults(results: readonly PageChunkResult[]): PageChunkResult {
  const merged: PageChunkResult = { written: 0, bytes: 0, diagnostics: [] };
  const seen = new Set<string>();
  for (const result of results) {
    merged.written += result.written;
    merged.bytes += result.bytes;
    for (const d of result.diagnostics) {
      const key = `${d.file}:${d.message}`;
      if (!seen.has(key)) merged.diagnostics.push(d);
      seen.add(key);
    }
  }
  return merged;
}
