/**
 * `build()` as the CLI runs it: the stages of `generateSite` over a pool of
 * worker threads (in the main thread for small sites) and the build cache,
 * with pages rendered straight into the write stage's staging folder instead
 * of being held in memory. Same sources, same bytes as `generateSite`.
 */
import { createStopwatch } from "./timings.js";
import { articleMarkdownFields, articleUrlMap } from "./markdown/inputs.js";
import { join, relative } from "node:path";
import { bodySettings, BuildCache, CACHE_DIR_NAME, themeDigest, type CacheStats, type LinkTargets } from "./cache/build-cache.js";
import { cacheSalt } from "./cache/salt.js";
import { error, hasErrors, warning, BuildFailure, type Diagnostic } from "./diagnostics.js";
import { loadConfig } from "./load/config.js";
import { isMarkdown, type FoundFile } from "./load/files.js";
import { checkCover, listSourceFiles, type SitePaths } from "./load/site.js";
import type { MarkdownOutput } from "./markdown/render.js";
import { selectArticles } from "./model/select.js";
import { buildSite, type SiteModel } from "./model/site.js";
import { FEED_SIZE, renderFeed, renderRobots, renderSitemap } from "./render/feeds.js";
import { planPages, type PagePlan } from "./render/pages.js";
import { loadTheme } from "./render/templates.js";
import { buildTermsSource, SEARCH_SOURCE, searchFiles } from "./search/search.js";
import type { LoadedArticle, SiteConfig } from "./types.js";
import { TaskRunner, threadsFor, type ArticleFeed, type PageJob, type ProgressFn } from "./workers/runner.js";
import { htmlDigest, type ArticleItem, type PageRecord } from "./workers/page-tasks.js";
import type { BodySource, BodyToRender, FileToLoad, LoadOptions, MarkdownEnv } from "./workers/tasks.js";
import { writeOutput, type OutputFile } from "./write/output.js";
import { replaceFileSync } from "./write/replace.js";
import { coverImageProblems, imageDigests, publishedAssets, runImageStep, type ImageStep } from "./images/step.js";

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
  /** Photos: how many, how many decoded by this build, how many found complete in the store. */
  images?: { photos: number; decoded: number; cached: number };
}

/** Builds the site and writes it; throws BuildFailure with every diagnostic when the site has errors. */
export async function stagedBuild(options: StagedOptions): Promise<StagedResult> {
  const { paths, cwd } = options;
  const { timings, lap } = createStopwatch();
  const display = (abs: string) => relative(cwd, abs) || ".";
  const { config, diagnostics } = loadConfig(paths.root, display(paths.root), options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {});
  const found = listSourceFiles(paths, paths.content, cwd, diagnostics);
  const markdownFiles = found.filter((f) => isMarkdown(f.path));
  const assets = found.filter((f) => !isMarkdown(f.path));
  const cache = options.cache ? BuildCache.open(options.cacheDir ?? join(paths.root, CACHE_DIR_NAME)) : undefined;
  // Threads pay for rendering bodies; with most of them cached there is little to share.
  const toRender = markdownFiles.length - (cache?.cachedBodies ?? 0);
  const runner = new TaskRunner(threadsFor(toRender, options.workers), options.sharedPagesFrom);
  let images: ImageStep | undefined;
  try {
    const sources = new Map<LoadedArticle, BodySource>();
    const keepBodies = markdownFiles.length < (options.rereadBodiesFrom ?? REREAD_BODIES_FROM);
    const stampsBefore = Date.now() - (options.stampMarginMs ?? STAMP_MARGIN_MS);
    const articles = await loadArticles(runner, markdownFiles, display(paths.content), config, cache, diagnostics, options.onProgress, sources, keepBodies, stampsBefore);
    const assetPaths = new Set(assets.map((a) => a.path));
    for (const article of articles) diagnostics.push(...checkCover(article, assetPaths));
    const staticFiles = listSourceFiles(paths, paths.static, cwd, diagnostics);
    const themeSource = { builtinDir: options.builtinTemplates, overrideDir: paths.templates, displayBase: cwd };
    const { theme, diagnostics: themeDiagnostics } = loadTheme(themeSource.builtinDir, themeSource.overrideDir, themeSource.displayBase);
    diagnostics.push(...themeDiagnostics);
    lap("load");

    const selected = selectArticles(articles, { drafts: options.drafts, future: options.future, now: options.now, timezone: config.timezone });
    diagnostics.push(...selected.diagnostics);
    const { published } = selected;
    // ◆ images (src/images/): the asset step — photos' derivatives made or found in the store, SVGs checked.
    images = await runImageStep(assets, config, { cacheDir: cache?.dir, decode: true, stampsBefore });
    diagnostics.push(...coverImageProblems(published, images.entries));
    lap("images");
    const bodies = new Bodies(config, published, assets, cache, sources, images);
    // As in generateSite: with problems so far, the bodies' own are reported too, and nothing is rendered.
    if (hasErrors(diagnostics) || !theme) throw new BuildFailure([...diagnostics, ...(await bodies.problems(runner, options.onProgress))]);

    // The model is built before the bodies are rendered: it needs none of their HTML, and the default
    // summaries (first paragraphs) are filled in once every body is rendered, before any listing.
    const model = buildSite(published, published.map(() => ({ html: "", firstParagraph: "" })), config);
    model.imageSets = images.entries; // ◆ images
    const late: Diagnostic[] = [];
    if (!model.config.baseUrl) {
      late.push(warning("base-url", {}));
    }
    lap("model");

    // Every output path is claimed up front, in the order generateSite adds files, so problems are the same.
    const claims = new PathClaims(late);
    const plans = planPages(model);
    const articleCount = model.articles.length;
    const listingIndexes: number[] = [];
    const pagePaths: string[] = [];
    plans.forEach((plan, index) => {
      if (!theme.has(plan.template)) {
        const article = model.articles.find((a) => `${a.path}index.html` === plan.outputPath);
        late.push(error("layout", { name: plan.template }, {
          file: plan.source,
          line: article?.fieldLines.layout,
        }));
      } else if (claims.claim(plan.outputPath, plan.source)) {
        pagePaths.push(plan.outputPath);
        if (index >= articleCount) listingIndexes.push(index);
      }
    });
    const generated = (["feed.xml", "sitemap.xml", "robots.txt"] as const).filter((path) => path === "robots.txt" || model.config.baseUrl);
    const files: OutputFile[] = [];
    const add = (file: OutputFile, source: string) => claims.claim(file.path, source) && files.push(file);
    for (const path of generated) claims.claim(path, `the generated ${path}`);
    for (const asset of theme.assets) add({ path: asset.path, copyFrom: asset.absPath }, relative(cwd, asset.absPath));
    for (const asset of publishedAssets(assets, images)) add({ path: asset.path, copyFrom: asset.absPath }, relative(cwd, asset.source)); // ◆ images
    for (const file of staticFiles) add({ path: file.path, copyFrom: file.absPath }, relative(cwd, file.absPath));
    for (const file of searchFiles(model, buildTermsSource(cache, (i) => sources.get(published[i]!)), timings)) add(file, SEARCH_SOURCE);
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
        paths: [...pagePaths, ...generated],
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
          for (const [path, text] of [["feed.xml", renderFeed(model)], ["sitemap.xml", renderSitemap(model)], ["robots.txt", renderRobots(model)]] as const) {
            if (text === undefined) continue;
            replaceFileSync(join(dir, path), text);
            bytes += Buffer.byteLength(text);
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
    const result: StagedResult = { files, diagnostics, model, articles: published.length, pages, written: pages + generated.length + files.length, timings, threads: runner.threads };
    if (cache) result.cache = cache.stats;
    result.images = images.prepared.stats;
    return result;
  } finally {
    images?.store.dispose();
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
    images: ImageStep,
  ) {
    const articleUrls = articleUrlMap(published, config.basePath);
    this.targets = { articleUrls, assets: new Set(assets.map((a) => a.path)), images: imageDigests(images.entries) };
    this.env = { articleUrls, assets: assets.map((a) => a.path), imageSets: images.entries };
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

/** Output paths claimed so far; a second claim is an error naming both sources. */
class PathClaims {
  private readonly owners = new Map<string, string>();
  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** Claims `path` for `source`; false (and an error) when it is taken. */
  claim(path: string, source: string): boolean {
    const other = this.owners.get(path);
    if (other !== undefined) {
      this.diagnostics.push(error("duplicate-url.output", { path, other, source }, { file: source }));
      return false;
    }
    this.owners.set(path, source);
    return true;
  }
}
