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
import { planPages } from "../render/pages.js";
import type { Theme } from "../render/templates.js";
import { defaultPoolSize, WorkerPool } from "./pool.js";
import {
  renderArticleChunk, renderPageChunk, setSummaries,
  type ArticleChunk, type ArticleChunkResult, type ArticleItem, type PageChunk, type PageChunkResult, type PageRecord, type PageRenderer, type ThemeSource,
} from "./page-tasks.js";
import { loadFiles, renderBodyChunk, type BodyToRender, type FileToLoad, type LoadedFile, type LoadOptions, type MarkdownEnv } from "./tasks.js";

/**
 * From how many articles a build uses worker threads by default. A worker
 * costs its start and its own JIT warm-up (~3 s of CPU at 4,000 articles on
 * these 2-core machines), so it pays only on sites of some size. Measured at
 * 4,000 articles on a quiet 2-core machine: 9.0–9.8 s with one worker against
 * 11.6–12.3 s without. The choice does not read the load average: that
 * includes the user's own previous builds and would make the thread count
 * (not the output) depend on timing. `GAZETTE_WORKERS=N` overrides it.
 */
export const WORKERS_FROM = 2000;

/**
 * From how many listing pages workers share them. A worker first needs a copy
 * of the model and its own compiled theme; measured at 4,000 articles (2,138
 * listing pages) on 2 cores, listings took 0.70 s on the main thread alone
 * against 1.0 s shared.
 */
const SHARED_PAGES_FROM = 4000;

/** Chunks of rendered bodies that may wait for the main thread to write their pages. */
const MAX_RETURNED = 4;

/** Reports work done: stage name, units done, units in all. */
export type ProgressFn = (stage: string, done: number, total: number) => void;

/** The pages of a build: the model (article HTML filled in as bodies are rendered), the theme, where to write. */
export interface PageJob {
  model: SiteModel;
  theme: Theme;
  themeSource: ThemeSource;
  dir: string;
  /** With the build cache: see `PageChunk.keySalt`. */
  keySalt?: string;
  /** With the build cache: the previous build's output folder and its page records by output path. */
  previous?: { dir: string; records: ReadonlyMap<string, PageRecord> };
}

/** How many worker threads a build of `articles` articles should start; the output is the same whatever the number. */
export function threadsFor(articles: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  return articles < WORKERS_FROM ? 0 : defaultPoolSize();
}

/** Runs build tasks on the main thread and `threads` workers. */
export class TaskRunner {
  private readonly pool: WorkerPool | undefined;
  private renderer: PageRenderer | undefined;
  private modelSent: Promise<unknown> | undefined;

  /** `sharedPagesFrom`: see `SHARED_PAGES_FROM` (tests lower it to cover the workers' side). */
  constructor(
    readonly threads: number,
    private readonly sharedPagesFrom = SHARED_PAGES_FROM,
  ) {
    this.pool = threads > 0 ? new WorkerPool(threads) : undefined;
  }

  /** Reads and parses article files. */
  load(files: FileToLoad[], options: LoadOptions, progress?: ProgressFn): Promise<LoadedFile[]> {
    return this.chunked(files, 50, "load", progress, (chunk) => loadFiles(chunk, options), (pool, chunk) => pool.run<LoadedFile[]>("load", { files: chunk, options }));
  }

  /** Renders bodies alone (when the build will fail anyway and only their problems matter). */
  async markdown(bodies: BodyToRender[], env: MarkdownEnv, progress?: ProgressFn): Promise<MarkdownOutput[]> {
    const sent = this.sendEnv(env, bodies.length);
    return this.chunked(bodies, 25, "markdown", progress, (chunk) => renderBodyChunk(chunk, env), async (pool, chunk) => {
      await sent;
      return pool.run<MarkdownOutput[]>("markdown", chunk);
    }, sent === undefined);
  }

  /**
   * Renders the articles' bodies and writes their pages; one outcome per item,
   * in order. With workers, they render bodies (Markdown is most of the work,
   * and each thread warming up its own compiled parser costs much), and the
   * main thread renders and writes the pages of what they return, taking
   * whole chunks itself only when it has nothing else to do.
   */
  async articles(job: PageJob, items: ArticleItem[], env: MarkdownEnv, progress?: ProgressFn): Promise<ArticleChunkResult> {
    const envSent = this.sendEnv(env, items.length);
    const inline = (chunk: ArticleItem[]): ArticleChunkResult => renderArticleChunk(this.rendererOf(job), this.articleChunk(job, chunk), env);
    if (!envSent || !this.pool) {
      const results = await this.chunked(items, 25, "articles", progress, (chunk) => [inline(chunk)], () => Promise.resolve([]), true);
      return { ...mergePageResults(results), outcomes: results.flatMap((r) => r.outcomes) };
    }
    const pool = this.pool;
    const size = 25;
    const chunkCount = Math.ceil(items.length / size);
    const results: ArticleChunkResult[] = [];
    let next = 0;
    let done = 0;
    const take = (): [number, ArticleItem[]] | undefined => (next < chunkCount ? [next, items.slice(next * size, ++next * size)] : undefined);
    const finish = (index: number, result: ArticleChunkResult, count: number) => {
      results[index] = result;
      done += count;
      progress?.("articles", done, items.length);
    };
    // Chunks whose bodies a worker rendered, waiting for the main thread to write their pages.
    // At most a few: a worker waits rather than pile up HTML the main thread has not written yet.
    const returned: { index: number; chunk: ArticleItem[] }[] = [];
    let wake: (() => void) | undefined;
    const drained: (() => void)[] = [];
    let lanesLeft = pool.size * 2;
    const lane = async () => {
      try {
        await Promise.all([pool.ready, envSent]);
        for (let job = take(); job; job = take()) {
          while (returned.length >= MAX_RETURNED) await new Promise<void>((resolve) => drained.push(resolve));
          const [index, chunk] = job;
          const toRender = chunk.filter((item) => item.body !== undefined && !item.cached);
          if (toRender.length > 0) {
            const outputs = await pool.run<MarkdownOutput[]>("markdown", toRender.map((item) => item.body!));
            toRender.forEach((item, k) => (item.rendered = outputs[k]!));
          }
          returned.push({ index, chunk });
          wake?.();
        }
      } finally {
        lanesLeft--;
        wake?.();
      }
    };
    // Handled from the start: a worker failing while the main thread works must not go unhandled.
    const lanesDone = Promise.all(Array.from({ length: lanesLeft }, lane));
    lanesDone.catch(() => undefined);
    for (;;) {
      const back = returned.shift();
      for (const resolve of drained.splice(0)) resolve();
      if (back) {
        finish(back.index, inline(back.chunk), back.chunk.length);
        for (const item of back.chunk) delete item.rendered; // written: the HTML need not stay
      } else {
        const job = take();
        if (job) finish(job[0], inline(job[1]), job[1].length);
        else if (lanesLeft === 0 && next >= chunkCount) break;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
      await nextTurn(); // let the workers' answers in
    }
    await lanesDone;
    return { ...mergePageResults(results), outcomes: results.flatMap((r) => r.outcomes) };
  }

  /** Gives every thread the default summaries, once all bodies are rendered (listings show them). */
  async summaries(job: PageJob, summaries: Record<string, string>): Promise<void> {
    setSummaries(this.rendererOf(job), summaries);
    if (this.modelSent) await this.pool!.broadcast("summaries", summaries);
  }

  /** Renders the planned pages `indexes` and writes them; records by output path when keyed. */
  async pages(job: PageJob, indexes: number[], progress?: ProgressFn): Promise<PageChunkResult & { pageRecords: Map<string, PageRecord> }> {
    const plans = this.rendererOf(job).plans;
    const modelSent = indexes.length >= this.sharedPagesFrom ? this.sendModel(job) : undefined;
    const chunkOf = (pages: number[]): PageChunk => {
      const chunk: PageChunk = { pages, dir: job.dir };
      if (job.keySalt === undefined) return chunk;
      chunk.keySalt = job.keySalt;
      if (job.previous) chunk.reuse = { fromDir: job.previous.dir, records: pages.map((i) => job.previous!.records.get(plans[i]!.outputPath) ?? null) };
      return chunk;
    };
    const results = await this.chunked(indexes, 50, "render", progress, (chunk) => [renderPageChunk(this.rendererOf(job), chunkOf(chunk))], async (pool, chunk) => {
      await modelSent;
      return [await pool.run<PageChunkResult>("pages", chunkOf(chunk))];
    }, modelSent === undefined);
    const merged = { ...mergePageResults(results), pageRecords: new Map<string, PageRecord>() };
    const records = results.flatMap((r) => r.records ?? []);
    if (job.keySalt !== undefined) indexes.forEach((index, k) => records[k] && merged.pageRecords.set(plans[index]!.outputPath, records[k]));
    return merged;
  }

  /** Stops the worker threads, if any. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  private rendererOf(job: PageJob): PageRenderer {
    if (this.renderer?.model !== job.model) this.renderer = { plans: planPages(job.model), model: job.model, theme: job.theme };
    return this.renderer;
  }

  private articleChunk(job: PageJob, items: ArticleItem[]): ArticleChunk {
    const chunk: ArticleChunk = { items, dir: job.dir };
    if (job.keySalt !== undefined) chunk.keySalt = job.keySalt;
    if (job.previous) chunk.fromDir = job.previous.dir;
    return chunk;
  }

  /** Sends the link targets to the workers, when there is enough work to share. */
  private sendEnv(env: MarkdownEnv, items: number): Promise<unknown> | undefined {
    return this.pool && items > 50 ? this.pool.broadcast("env", env) : undefined;
  }

  /** Sends the model (without bodies or HTML) and the theme's location to the workers, once. */
  private sendModel(job: PageJob): Promise<unknown> | undefined {
    if (!this.pool) return undefined;
    if (!this.modelSent) {
      const light = job.model.articles.map((a) => ({ ...a, body: "", html: "" }));
      const model: SiteModel = { ...job.model, articles: light, bySlug: new Map(light.map((a) => [a.slug, a])) };
      this.modelSent = this.pool.broadcast("model", { model, theme: job.themeSource });
    }
    return this.modelSent;
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
    // Handled from the start: a worker failing while the main thread works must not go unhandled.
    const lanesDone = Promise.all(lanes);
    lanesDone.catch(() => undefined);
    for (let job = take(); job; job = take()) {
      finish(job[0], job[1], inline(job[1]));
      if (pool) await nextTurn(); // let the workers' answers in, and their lanes take more
    }
    await lanesDone;
    return results.flat();
  }
}

function mergePageResults(results: readonly PageChunkResult[]): PageChunkResult {
  const merged: PageChunkResult = { written: 0, reused: 0, bytes: 0, diagnostics: [] };
  const seen = new Set<string>();
  for (const result of results) {
    merged.written += result.written;
    merged.reused += result.reused;
    merged.bytes += result.bytes;
    for (const d of result.diagnostics) {
      const key = `${d.file}:${d.message}`;
      if (!seen.has(key)) merged.diagnostics.push(d);
      seen.add(key);
    }
  }
  return merged;
}
