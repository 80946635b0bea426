/**
 * `build()` as the CLI runs it: load, bodies, model, the route table
 * (`plan/routes.ts`), then pages rendered over a pool of worker threads (in
 * the main thread for small sites) with the build cache, straight into the
 * write stage's staging folder instead of being held in memory.
 */
import { createStopwatch } from "./timings.js";
import { articleMarkdownFields, articleUrlMap } from "./markdown/inputs.js";
import { join, relative } from "node:path";
import { bodySettings, BuildCache, CACHE_DIR_NAME, themeDigest, type CacheStats, type LinkTargets } from "./cache/build-cache.js";
import { cacheSalt } from "./cache/salt.js";
import { hasErrors, BuildFailure, type Diagnostic } from "./diagnostics.js";
import { loadConfig } from "./load/config.js";
import { isMarkdown, listFiles, type FoundFile } from "./load/files.js";
import { checkCover, type SitePaths } from "./load/site.js";
import type { MarkdownOutput } from "./markdown/render.js";
import { selectArticles } from "./model/select.js";
import { buildSite, type SiteModel } from "./model/site.js";
import { FEED_SIZE } from "./render/feeds.js";
import type { PagePlan } from "./render/pages.js";
import { missingBaseUrl, planRoutes } from "./plan/routes.js";
import { loadTheme } from "./render/templates.js";
import type { LoadedArticle, SiteConfig } from "./types.js";
import { TaskRunner, threadsFor, type ArticleFeed, type PageJob, type ProgressFn } from "./workers/runner.js";
import { htmlDigest, type ArticleItem, type PageRecord } from "./workers/page-tasks.js";
import type { BodySource, BodyToRender, FileToLoad, LoadOptions, MarkdownEnv } from "./workers/tasks.js";
import { writeOutput, type OutputFile } from "./write/output.js";
import { replaceFileSync } from "./write/replace.js";

/**
 * How long before the build an article file must have last changed for its
 * stamp to be trusted by the next build instead of its hash: well beyond any
 * file system's clock tick, and some clock skew.
 */
const STAMP_MARGIN_MS = 3000;

/** Articles from which bodies are read again when rendered instead of being kept in memory. */
const REREAD_BODIES_FROM = 8000;

/** What the staged build needs to know beyond the folders. */
export interface StagedOptions {
  paths: SitePaths;
  outDir: string;
  cwd: string;
  builtinTemplates: string;
  baseUrl?: string;
  drafts: boolean;
  future: boolean;
  now: number;
  /** Read and write the build cache (default folder `<site>/.gazette-cache`). */
  cache: boolean;
  cacheDir?: string;
  /** Worker threads beside the main thread; default: see `threadsFor`. */
  workers?: number;
  onProgress?: ProgressFn;
  /** See `WriteOptions.removeOld`. */
  removeOld?: "wait" | "background";
  /** From how many listing pages workers share them (default: see `TaskRunner`). */
  sharedPagesFrom?: number;
  /** See `STAMP_MARGIN_MS`. */
  stampMarginMs?: number;
  /** Articles from which bodies are read again when rendered rather than kept (default 8,000). */
  rereadBodiesFrom?: number;
}

/** What the staged build gives back. */
export interface StagedResult {
  /** Output files other than the HTML pages (those went straight to disk). */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  model: SiteModel;
  articles: number;
  pages: number;
  /** Every file written: pages, generated feeds and robots.txt, copied files. */
  written: number;
  timings: Record<string, number>;
  cache?: CacheStats;
  threads: number;
}

/** Builds the site and writes it; throws BuildFailure with every diagnostic when the site has errors. */
export async function stagedBuild(options: StagedOptions): Promise<StagedResult> {
  const { paths, cwd } = options;
  const { timings, lap } = createStopwatch();
  const display = (abs: string) => relative(cwd, abs) || ".";
  const { config, diagnostics } = loadConfig(paths.root, display(paths.root), options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {});
  const found = listFiles(paths.content);
  const markdownFiles = found.filter((f) => isMarkdown(f.path));
  const assets = found.filter((f) => !isMarkdown(f.path));
  const cache = options.cache ? BuildCache.open(options.cacheDir ?? join(paths.root, CACHE_DIR_NAME)) : undefined;
  // Threads pay for rendering bodies; with most of them cached there is little to share.
  const toRender = markdownFiles.length - (cache?.cachedBodies ?? 0);
  const runner = new TaskRunner(threadsFor(toRender, options.workers), options.sharedPagesFrom);
  try {
    const sources = new Map<LoadedArticle, BodySource>();
    const keepBodies = markdownFiles.length < (options.rereadBodiesFrom ?? REREAD_BODIES_FROM);
    const stampsBefore = Date.now() - (options.stampMarginMs ?? STAMP_MARGIN_MS);
    const articles = await loadArticles(runner, markdownFiles, display(paths.content), config, cache, diagnostics, options.onProgress, sources, keepBodies, stampsBefore);
    const assetPaths = new Set(assets.map((a) => a.path));
    for (const article of articles) diagnostics.push(...checkCover(article, assetPaths));
    const staticFiles = listFiles(paths.static);
    const themeSource = { builtinDir: options.builtinTemplates, overrideDir: paths.templates, displayBase: cwd };
    const { theme, diagnostics: themeDiagnostics } = loadTheme(themeSource.builtinDir, themeSource.overrideDir, themeSource.displayBase);
    diagnostics.push(...themeDiagnostics);
    lap("load");

    const selected = selectArticles(articles, { drafts: options.drafts, future: options.future, now: options.now, timezone: config.timezone });
    diagnostics.push(...selected.diagnostics);
    const { published } = selected;
    const bodies = new Bodies(config, published, assets, cache, sources);
    // With problems so far, the bodies' own are reported too, and nothing is rendered.
    if (hasErrors(diagnostics) || !theme) throw new BuildFailure([...diagnostics, ...(await bodies.problems(runner, options.onProgress))]);

    // The model is built before the bodies are rendered: it needs none of their HTML, and the default
    // summaries (first paragraphs) are filled in once every body is rendered, before any listing.
    const model = buildSite(published, published.map(() => ({ html: "", firstParagraph: "" })), config);
    const late: Diagnostic[] = [];
    const noBaseUrl = missingBaseUrl(model);
    if (noBaseUrl) late.push(noBaseUrl);
    lap("model");

    // Every output path is planned up front: the route table (and its problems) of every driver.
    const table = planRoutes(model, theme, { content: assets, static: staticFiles }, cwd);
    late.push(...table.diagnostics);
    const plans = table.plans;
    const articleCount = model.articles.length;
    const listingIndexes: number[] = [];
    const pagePaths: string[] = [];
    const texts: { path: string; produce: () => string | Uint8Array }[] = [];
    const files: OutputFile[] = [];
    for (const route of table.routes) {
      if (route.kind === "page") {
        pagePaths.push(route.path);
        if (route.index >= articleCount) listingIndexes.push(route.index);
      } else if (route.kind === "file") files.push({ path: route.path, copyFrom: route.absPath });
      else if (route.kind === "generated") texts.push({ path: route.path, produce: () => route.render(model) });
      else texts.push({ path: route.path, produce: route.produce });
    }
    if (hasErrors(late)) {
      const problems = await bodies.problems(runner, options.onProgress);
      throw new BuildFailure([...diagnostics, ...problems, ...(hasErrors(problems) ? [] : late)]);
    }

    // The workers start on the bodies now, while the output folder is prepared.
    const previous = cache ? { dir: options.outDir, records: cache.pages(options.outDir) } : undefined;
    const feed = runner.startArticles(bodies.items(plans, previous?.records), bodies.env);
    let pages = 0;
    await writeOutput(files, {
      outDir: options.outDir,
      sourceDir: paths.root,
      protectedDirs: [paths.content, paths.templates, paths.static],
      removeOld: options.removeOld ?? "wait",
      ...(cache ? { spare: cache.spareFor(options.outDir) } : {}),
      external: {
        paths: [...pagePaths, ...texts.map((t) => t.path)],
        write: async (dir, fresh) => {
          const job: PageJob = { model, theme, themeSource, dir, fresh };
          if (cache) job.keySalt = `${cacheSalt()}:${themeDigest([themeSource.builtinDir, themeSource.overrideDir])}`;
          if (previous) job.previous = previous;
          // Bodies and article pages together, so that no article's HTML waits in memory for the others;
          // listing pages in between when their summaries are known.
          const written = await bodies.renderWithPages(runner, job, feed, plans, listingIndexes, options.onProgress);
          diagnostics.push(...written.diagnostics);
          if (hasErrors(written.diagnostics)) throw new BuildFailure(diagnostics);
          lap("articles");
          await runner.summaries(job, written.summaries);
          const listings = await runner.pages(job, listingIndexes, options.onProgress, written.listed);
          let bytes = written.bytes + listings.bytes;
          // Generated files and derived assets, once the model has every summary and the feed's bodies.
          for (const { path, produce } of texts) {
            const data = produce();
            replaceFileSync(join(dir, path), data);
            bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
          }
          const reported = new Set(written.templateProblems.map((d) => `${d.file}:${d.message}`));
          late.push(...written.templateProblems, ...listings.diagnostics.filter((d) => !reported.has(`${d.file}:${d.message}`)));
          diagnostics.push(...late);
          if (hasErrors(late)) throw new BuildFailure(diagnostics);
          pages = written.pages + listings.written;
          cache?.rememberPages(options.outDir, new Map([...written.pageRecords, ...listings.pageRecords]), written.reused + listings.reused);
          return bytes;
        },
      },
    });
    lap("listings");
    cache?.save();
    cache?.dropOtherSpares(options.outDir);
    const result: StagedResult = { files, diagnostics, model, articles: published.length, pages, written: pages + texts.length + files.length, timings, threads: runner.threads };
    if (cache) result.cache = cache.stats;
    return result;
  } finally {
    await runner.close();
  }
}

/** Reads and parses every article file (cached front-matter where the text is unchanged), in path order. */
async function loadArticles(
  runner: TaskRunner,
  files: readonly FoundFile[],
  contentDisplay: string,
  config: SiteConfig,
  cache: BuildCache | undefined,
  diagnostics: Diagnostic[],
  progress: ProgressFn | undefined,
  sources: Map<LoadedArticle, BodySource>,
  keepBodies: boolean,
  stampsBefore: number,
): Promise<LoadedArticle[]> {
  const toLoad = files.map((file): FileToLoad => {
    const item: FileToLoad = { contentPath: file.path, displayPath: join(contentDisplay, file.path), sitePath: `content/${file.path}`, absPath: file.absPath };
    const known = cache?.known(file.path, config.timezone);
    if (known) Object.assign(item, { knownHash: known.hash, bodyStart: known.bodyStart }, known.stamp ? { knownStamp: known.stamp } : {});
    return item;
  });
  // Large sites read each body again when rendering it rather than keep them all (see `loadFiles`).
  const options: LoadOptions = { timezone: config.timezone, hash: cache !== undefined || !keepBodies, keepBodies };
  if (cache) options.stampsBefore = stampsBefore;
  const loaded = await runner.load(toLoad, options, progress);
  const articles: LoadedArticle[] = [];
  loaded.forEach((result, i) => {
    const file = toLoad[i]!;
    let article = result.article;
    if (result.hit) {
      article = cache?.article(file.contentPath, result.hash, file, result.body ?? "", result.stamp, result.unread);
      if (!article) throw new Error(`the build cache lost the entry of ${file.contentPath}`);
    } else if (article && result.diagnostics.length === 0) cache?.rememberArticle(article, result.hash, config.timezone, result.bodyStart, result.stamp);
    diagnostics.push(...result.diagnostics);
    if (!article) return;
    // An unread file's body, like every body of a large site, is read again if it has to be rendered.
    if ((!keepBodies || result.unread) && result.bodyStart !== undefined) sources.set(article, { absPath: file.absPath, hash: result.hash, bodyStart: result.bodyStart });
    articles.push(article);
  });
  return articles;
}

/** The bodies of the published articles: their inputs, the build cache's renders, and rendering them. */
class Bodies {
  private readonly targets: LinkTargets;
  readonly env: MarkdownEnv;

  constructor(
    private readonly config: SiteConfig,
    private readonly published: readonly LoadedArticle[],
    assets: readonly FoundFile[],
    private readonly cache: BuildCache | undefined,
    private readonly sources: ReadonlyMap<LoadedArticle, BodySource>,
  ) {
    const articleUrls = articleUrlMap(published, config.basePath);
    this.targets = { articleUrls, assets: new Set(assets.map((a) => a.path)) };
    this.env = { articleUrls, assets: assets.map((a) => a.path) };
  }

  /** Renders every body only for its problems, in article order (the build is failing). */
  async problems(runner: TaskRunner, progress: ProgressFn | undefined): Promise<Diagnostic[]> {
    const outputs = await runner.markdown(this.published.map((a) => this.input(a)), this.env, progress);
    return outputs.flatMap((output) => output.diagnostics);
  }

  /** One item per article, in order: its body to render, or the cache's, and its page's previous record. */
  items(plans: readonly PagePlan[], previous: ReadonlyMap<string, PageRecord> | undefined): ArticleItem[] {
    const { cache } = this;
    return this.published.map((article, index): ArticleItem => {
      const item: ArticleItem = { index, wantHtml: cache !== undefined || index < FEED_SIZE };
      const cached = cache?.body(article.contentPath, this.settings(article), this.targets);
      if (cached) item.cached = cached;
      else item.body = this.input(article);
      if (previous) item.previous = previous.get(plans[index]!.outputPath) ?? null;
      return item;
    });
  }

  /**
   * Renders each body (or takes it from the cache: see `items`) and writes its
   * article's page right away, with listing pages in between (see
   * `TaskRunner.articles`). Returns the bodies' problems in article order, the
   * template problems, the default summaries, the pages' records and the
   * listing pages rendered.
   */
  async renderWithPages(runner: TaskRunner, job: PageJob, feed: ArticleFeed, plans: readonly PagePlan[], listings: number[], progress: ProgressFn | undefined) {
    const { cache, published } = this;
    const items = feed.items;
    const result = await runner.articles(job, feed, progress, listings);
    const diagnostics: Diagnostic[] = [];
    const summaries: Record<string, string> = {};
    const pageRecords = new Map<string, PageRecord>();
    result.outcomes.forEach((outcome, index) => {
      const article = published[index]!;
      diagnostics.push(...outcome.diagnostics);
      if (article.summary === undefined) summaries[article.slug] = outcome.firstParagraph;
      if (index < FEED_SIZE && outcome.html !== undefined) job.model.articles[index]!.html = outcome.html;
      if (outcome.record) pageRecords.set(plans[index]!.outputPath, outcome.record);
      if (!items[index]!.cached && outcome.html !== undefined) {
        const output: MarkdownOutput = { html: outcome.html, firstParagraph: outcome.firstParagraph, diagnostics: outcome.diagnostics };
        if (outcome.dependencies) output.dependencies = outcome.dependencies;
        cache?.rememberBody(article.contentPath, this.settings(article), output, outcome.digest ?? htmlDigest(outcome.html), this.targets);
      }
    });
    return { diagnostics, templateProblems: result.diagnostics, summaries, pageRecords, pages: result.written, reused: result.reused, bytes: result.bytes, listed: result.listed };
  }

  private settings(article: LoadedArticle): string {
    return bodySettings(this.config.basePath, this.config.markdown.allowHtml, article.displayPath);
  }

  private input(article: LoadedArticle): BodyToRender {
    const source = this.sources.get(article);
    return {
      ...(source ? { source } : {}),
      ...articleMarkdownFields(article, this.config),
    };
  }
}
