/**
 * Runs the build's chunked tasks on the main thread and, for sites large
 * enough to repay starting them, on worker threads beside it: chunks wait in
 * one queue, each worker keeps a few in flight, and the main thread takes the
 * next one whenever it is free. Results come back in input order whichever
 * thread did the work, so the output does not depend on the split.
 */
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { FROM_SOURCES, PACKAGE_ROOT } from "../package-root.js";
import { BackgroundWrites } from "../write/background.js";
import type { MarkdownOutput } from "../markdown/render.js";
import type { SiteModel } from "../model/site.js";
import { planPages } from "../render/pages.js";
import type { Theme } from "../render/templates.js";
import { defaultPoolSize, DEPTH, WorkerPool } from "../workers/pool.js";
import {
  renderArticleChunk, renderPageChunk, setSummaries, writePagesInBackground,
  type ArticleChunk, type ArticleChunkResult, type ArticleItem, type PageChunk, type PageChunkResult, type PageRecord, type PageRenderer, type ThemeSource,
} from "../write/pages.js";
import { loadFiles, type FileToLoad, type LoadedFile, type LoadOptions } from "../load/batch.js";
import { renderBodyChunk, type BodyToRender, type MarkdownEnv } from "../markdown/bodies.js";

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

/**
 * Chunks of rendered bodies that may wait for the main thread to write their
 * pages: enough for the workers to go on while the main thread plans the
 * routes and prepares the output folder (~1 s at 4,000 articles on a disk)
 * or renders listings, few enough that HTML cannot pile up (48 chunks of 25
 * bodies: ~10 MB).
 */
const MAX_RETURNED = 48;

/** Articles per chunk of bodies and pages (tests lower it to spread a small site over every lane). */
const ARTICLE_CHUNK = 25;

/**
 * Chunks in each lane's first task: the feed starts before the main thread
 * compiles the theme, builds the model and plans the routes (~0.7 s at
 * 4,000 articles, with a turn of the event loop between them only), and a
 * worker given one chunk per lane ran out of bodies during those stretches.
 */
const FIRST_TASK_CHUNKS = 3;

/** Listing pages per chunk. */
const PAGE_CHUNK = 50;

/**
 * The build's worker script (`./worker.ts`) next to this module:
 * `dist/build/worker.js` beside `dist/build/runner.js`, and the bundle
 * `dist/worker.js` beside the bundled CLI `dist/gazette.js` (see
 * scripts/bundle.mjs); from TypeScript sources (tests, whose setup compiles
 * and bundles first), the bundle too: one file to load instead of ~250
 * modules, about a second less for each worker started.
 */
function workerScript(): URL {
  return FROM_SOURCES ? pathToFileURL(join(PACKAGE_ROOT, "dist", "worker.js")) : new URL("./worker.js", import.meta.url);
}

/** Reports work done: stage name, units done, units in all. */
export type ProgressFn = (stage: string, done: number, total: number) => void;

/** The pages of a build: the model (article HTML filled in as bodies are rendered), the theme, where to write. */
export interface PageJob {
  model: SiteModel;
  theme: Theme;
  themeSource: ThemeSource;
  dir: string;
  /** See `PageChunk.fresh`. */
  fresh?: boolean;
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

/** Listing pages `TaskRunner.articles` rendered: how many (the first of those it was given) and their results. */
export interface ListedPages {
  count: number;
  results: PageChunkResult[];
}

/**
 * Article bodies on their way through the workers to the main thread, which
 * writes their pages (see `TaskRunner.startArticles`). Bodies are taken in
 * chunks, in order, by the workers' lanes (`DEPTH` per worker) and by the main
 * thread when it is free; results are put back in input order.
 */
export class ArticleFeed {
  private next = 0;
  private readonly chunkCount: number;
  /** Chunks whose bodies a worker rendered, waiting for the main thread to write their pages. */
  private readonly returned: { index: number; chunk: ArticleItem[] }[] = [];
  private readonly drained: (() => void)[] = [];
  private wake: (() => void) | undefined;
  private lanesLeft: number;
  /** Whether workers render bodies (else the main thread does all). */
  readonly shared: boolean;
  /** Settles when the workers' lanes have ended; rejects if a worker failed. */
  readonly lanesDone: Promise<unknown>;

  constructor(
    readonly items: ArticleItem[],
    readonly env: MarkdownEnv,
    pool: WorkerPool | undefined,
    envSent: Promise<unknown> | undefined,
    private readonly chunkSize = ARTICLE_CHUNK,
  ) {
    this.chunkCount = Math.ceil(items.length / chunkSize);
    this.lanesLeft = pool && envSent ? pool.size * DEPTH : 0;
    this.shared = this.lanesLeft > 0;
    this.lanesDone = Promise.all(Array.from({ length: this.lanesLeft }, () => this.lane(pool!, envSent!)));
    // Handled from the start: a worker failing while the main thread works must not go unhandled.
    this.lanesDone.catch(() => undefined);
  }

  /** The next chunk nobody has taken yet, with its position. */
  take(): [number, ArticleItem[]] | undefined {
    if (this.next >= this.chunkCount) return undefined;
    const index = this.next++;
    return [index, this.items.slice(index * this.chunkSize, (index + 1) * this.chunkSize)];
  }

  /** Up to `count` next chunks (none when all are taken). */
  private takeSome(count: number): [number, ArticleItem[]][] {
    const jobs: [number, ArticleItem[]][] = [];
    for (let job; jobs.length < count && (job = this.take()); ) jobs.push(job);
    return jobs;
  }

  /** Takes no more chunks (the build is failing and will not write pages). */
  stop(): void {
    this.next = this.chunkCount;
  }

  /** A chunk a worker has rendered, if one waits. */
  shift(): { index: number; chunk: ArticleItem[] } | undefined {
    const back = this.returned.shift();
    for (const resolve of this.drained.splice(0)) resolve();
    return back;
  }

  /** Every chunk was taken, and those the workers took have been shifted. */
  get finished(): boolean {
    return this.lanesLeft === 0 && this.next >= this.chunkCount && this.returned.length === 0;
  }

  /** Waits until a worker returns a chunk or a lane ends. */
  wait(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  private async lane(pool: WorkerPool, envSent: Promise<unknown>): Promise<void> {
    try {
      // The first chunks are posted at once, behind the link targets, without waiting for the workers
      // to be ready: they work while the main thread is busy with stretches that let no message in.
      for (let jobs = this.takeSome(FIRST_TASK_CHUNKS); jobs.length > 0; jobs = this.takeSome(1)) {
        while (this.returned.length >= MAX_RETURNED) await new Promise<void>((resolve) => this.drained.push(resolve));
        const toRender = jobs.flatMap(([, chunk]) => chunk.filter((item) => item.body !== undefined && !item.cached));
        if (toRender.length > 0) {
          const [outputs] = await Promise.all([pool.run<MarkdownOutput[]>("markdown", toRender.map((item) => item.body!)), envSent]);
          toRender.forEach((item, k) => (item.rendered = outputs[k]!));
        }
        for (const [index, chunk] of jobs) this.returned.push({ index, chunk });
        this.wake?.();
      }
    } finally {
      this.lanesLeft--;
      this.wake?.();
    }
  }
}

/**
 * The listing pages the main thread renders while workers render bodies, in
 * plan order: a page waits until every article it shows a card of has its
 * summary, from its front-matter or (the first paragraph) from its rendered
 * body. Cards are built once and shared, so none may be built before that.
 */
class ListingQueue {
  /** Per listing page: the highest article index whose body it waits for (-1: none). */
  private readonly needs: number[];
  private readonly done: boolean[];
  /** Articles 0…prefix-1 are done. */
  private prefix = 0;
  private position = 0;

  constructor(renderer: PageRenderer, private readonly indexes: readonly number[]) {
    const { model, plans } = renderer;
    const indexOf = new Map(model.articles.map((article, i) => [article.slug, i]));
    this.done = model.articles.map(() => false);
    this.needs = indexes.map((planIndex) => {
      let need = -1;
      for (const slug of plans[planIndex]!.shows ?? []) {
        const i = indexOf.get(slug)!;
        if (model.articles[i]!.summary === undefined) need = Math.max(need, i);
      }
      return need;
    });
  }

  /** Notes the articles whose pages (and summaries) are done. */
  markDone(items: readonly ArticleItem[]): void {
    for (const item of items) this.done[item.index] = true;
    while (this.prefix < this.done.length && this.done[this.prefix]) this.prefix++;
  }

  /** The next pages (up to a chunk) that can be rendered now, or undefined. */
  next(): number[] | undefined {
    let end = this.position;
    while (end < this.indexes.length && end - this.position < PAGE_CHUNK && this.needs[end]! < this.prefix) end++;
    if (end === this.position) return undefined;
    const pages = this.indexes.slice(this.position, end);
    this.position = end;
    return pages;
  }
}

/** Sizes the build's defaults fix, lowered by tests: from how many listing pages workers share them, and articles per chunk. */
export interface RunnerTuning {
  sharedPagesFrom?: number;
  articleChunk?: number;
}

/** Runs build tasks on the main thread and `threads` workers. */
export class TaskRunner {
  private readonly pool: WorkerPool | undefined;
  /**
   * Whether a core is free for the I/O thread pool's page writes: with
   * workers (one per other core), only while none has work in flight; without,
   * when the machine has other cores (the pool the build would use there).
   */
  private readonly spareCore: () => boolean;
  private renderer: PageRenderer | undefined;
  private modelSent: Promise<unknown> | undefined;

  /** `tuning`: see `SHARED_PAGES_FROM` and `ARTICLE_CHUNK` (tests lower them to cover the workers' side on small sites). */
  constructor(
    readonly threads: number,
    private readonly tuning: RunnerTuning = {},
  ) {
    const pool = (this.pool = threads > 0 ? new WorkerPool(threads, workerScript()) : undefined);
    const otherCores = defaultPoolSize() > 0;
    this.spareCore = pool ? () => pool.idle : () => otherCores;
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
   * Starts rendering the articles' bodies on the workers, if any, as soon as
   * the link targets are known: they work while the main thread prepares the
   * output folder. `articles` then writes the pages. With no worker, nothing
   * starts before `articles`.
   */
  startArticles(items: ArticleItem[], env: MarkdownEnv): ArticleFeed {
    const envSent = this.sendEnv(env, items.length);
    return new ArticleFeed(items, env, this.pool, envSent, this.tuning.articleChunk);
  }

  /**
   * Renders the articles' bodies and writes their pages; one outcome per item,
   * in order. With workers, they render bodies (Markdown is most of the work,
   * and each thread warming up its own compiled parser costs much), and the
   * main thread renders and writes the pages of what they return. When it has
   * nothing else to do it renders the listing pages `listings` (in order, and
   * only those whose cards' summaries are known: see `ListingQueue`), else it
   * takes whole chunks of bodies itself. It stops when the bodies are done.
   * Returns how many listing pages (a prefix of `listings`) it rendered, and
   * their results, for `pages`.
   */
  async articles(job: PageJob, feed: ArticleFeed, progress?: ProgressFn, listings: number[] = []): Promise<ArticleChunkResult & { listed: ListedPages }> {
    return inBackground(() => this.renderArticles(job, feed, progress, listings), this.spareCore);
  }

  private async renderArticles(job: PageJob, feed: ArticleFeed, progress: ProgressFn | undefined, listings: number[]): Promise<ArticleChunkResult & { listed: ListedPages }> {
    const renderer = this.rendererOf(job);
    const inline = (chunk: ArticleItem[]): ArticleChunkResult => renderArticleChunk(renderer, this.articleChunk(job, chunk), feed.env);
    const results: ArticleChunkResult[] = [];
    const listed: ListedPages = { count: 0, results: [] };
    const queue = feed.shared ? new ListingQueue(renderer, listings) : undefined;
    let done = 0;
    const finish = (index: number, chunk: ArticleItem[], result: ArticleChunkResult) => {
      results[index] = result;
      done += chunk.length;
      queue?.markDone(chunk);
      progress?.("articles", done, feed.items.length);
    };
    for (;;) {
      const back = feed.shift();
      if (back) {
        finish(back.index, back.chunk, inline(back.chunk));
        for (const item of back.chunk) delete item.rendered; // written: the HTML need not stay
      } else if (feed.finished) {
        break; // the listing pages left go to `pages`, which shares them with the workers when there are many
      } else {
        const pages = queue?.next();
        const taken = pages ? undefined : feed.take();
        if (pages) {
          listed.results.push(renderPageChunk(renderer, this.pageChunk(job, pages)));
          listed.count += pages.length;
        } else if (taken) finish(taken[0], taken[1], inline(taken[1]));
        else await feed.wait();
      }
      if (feed.shared) await nextTurn(); // let the workers' answers in
    }
    await feed.lanesDone;
    return { ...mergePageResults(results), outcomes: results.flatMap((r) => r.outcomes), listed };
  }

  /** Gives every thread the default summaries, once all bodies are rendered (listings show them). */
  async summaries(job: PageJob, summaries: Record<string, string>): Promise<void> {
    setSummaries(this.rendererOf(job), summaries);
    if (this.modelSent) await this.pool!.broadcast("summaries", summaries);
  }

  /**
   * Renders the planned pages `indexes` and writes them; records by output
   * path when keyed. `listed`: the first of them, already rendered by `articles`.
   */
  async pages(job: PageJob, indexes: number[], progress?: ProgressFn, listed: ListedPages = { count: 0, results: [] }): Promise<PageChunkResult & { pageRecords: Map<string, PageRecord> }> {
    return inBackground(() => this.renderPages(job, indexes, progress, listed), this.spareCore);
  }

  private async renderPages(job: PageJob, indexes: number[], progress: ProgressFn | undefined, listed: ListedPages): Promise<PageChunkResult & { pageRecords: Map<string, PageRecord> }> {
    const plans = this.rendererOf(job).plans;
    const rest = indexes.slice(listed.count);
    const modelSent = rest.length >= (this.tuning.sharedPagesFrom ?? SHARED_PAGES_FROM) ? this.sendModel(job) : undefined;
    const results = await this.chunked(rest, PAGE_CHUNK, "render", progress, (chunk) => [renderPageChunk(this.rendererOf(job), this.pageChunk(job, chunk))], async (pool, chunk) => {
      await modelSent;
      return [await pool.run<PageChunkResult>("pages", this.pageChunk(job, chunk))];
    }, modelSent === undefined);
    const all = [...listed.results, ...results];
    const merged = { ...mergePageResults(all), pageRecords: new Map<string, PageRecord>() };
    const records = all.flatMap((r) => r.records ?? []);
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
    if (job.fresh) chunk.fresh = true;
    if (job.keySalt !== undefined) chunk.keySalt = job.keySalt;
    if (job.previous) chunk.fromDir = job.previous.dir;
    return chunk;
  }

  /** A chunk of pages, with what the build cache needs to key and reuse them. */
  private pageChunk(job: PageJob, pages: number[]): PageChunk {
    const chunk: PageChunk = { pages, dir: job.dir };
    if (job.fresh) chunk.fresh = true;
    if (job.keySalt === undefined) return chunk;
    chunk.keySalt = job.keySalt;
    if (job.previous) {
      const plans = this.rendererOf(job).plans;
      chunk.reuse = { fromDir: job.previous.dir, records: pages.map((i) => job.previous!.records.get(plans[i]!.outputPath) ?? null) };
    }
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
   * each worker keeps `DEPTH` chunks in flight, the main thread runs one at a
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
      for (let i = 0; i < pool.size * DEPTH; i++) lanes.push(lane());
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

/**
 * Runs `work` with the main thread's page files written in the background
 * while `spareCore` says a core is free for it (see `BackgroundWrites`), and
 * returns once every one is on disk.
 */
async function inBackground<T>(work: () => Promise<T>, spareCore: () => boolean): Promise<T> {
  const writes = new BackgroundWrites(spareCore);
  writePagesInBackground(writes);
  try {
    const result = await work();
    await writes.flush();
    return result;
  } catch (cause) {
    await writes.flush().catch(() => undefined); // the work's own failure is the one to report
    throw cause;
  } finally {
    writePagesInBackground(undefined);
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
