/**
 * The build's article bodies: loading the article files on the pool (cached
 * front-matter where the text is unchanged), and rendering the published
 * bodies with their article pages, the build cache's renders reused.
 */
import { join } from "node:path";
import type { BuildCache } from "../cache/build-cache.js";
import { bodySettings, type LinkTargets } from "../markdown/dependencies.js";
import type { Diagnostic } from "../diagnostics.js";
import type { FoundFile } from "../load/files.js";
import { articleMarkdownFields, articleUrlMap } from "../markdown/inputs.js";
import type { MarkdownOutput } from "../markdown/render.js";
import { FEED_SIZE } from "../render/feeds.js";
import type { PagePlan } from "../render/pages.js";
import type { LoadedArticle, SiteConfig } from "../types.js";
import type { ArticleFeed, PageJob, ProgressFn, TaskRunner } from "./runner.js";
import { htmlDigest } from "../render/page-key.js";
import type { ArticleItem, PageRecord } from "../write/pages.js";
import type { FileToLoad, LoadOptions } from "../load/batch.js";
import type { BodySource, BodyToRender, MarkdownEnv } from "../markdown/bodies.js";
import { imageDigests, type ImageStep } from "../images/step.js";
import type { ArticleTerms } from "../search/terms.js";

/** Reads and parses every article file (cached front-matter where the text is unchanged), in path order. */
export async function loadArticles(
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
  terms?: Map<string, ArticleTerms>,
): Promise<LoadedArticle[]> {
  const search = config.search !== false;
  const toLoad = files.map((file): FileToLoad => {
    const item: FileToLoad = { contentPath: file.path, displayPath: join(contentDisplay, file.path), sitePath: `content/${file.path}`, absPath: file.absPath };
    const known = cache?.known(file.path, config.timezone);
    if (known) Object.assign(item, { knownHash: known.hash, bodyStart: known.bodyStart }, known.stamp ? { knownStamp: known.stamp } : {});
    return item;
  });
  // Large sites read each body again when rendering it rather than keep them all (see `loadFiles`).
  const options: LoadOptions = { timezone: config.timezone, hash: cache !== undefined || !keepBodies, keepBodies };
  if (cache) options.stampsBefore = stampsBefore;
  // Search terms are computed on the pool with each fresh parse; the plan's search step takes them from the cache or `terms`.
  if (search) options.terms = true;
  const loaded = await runner.load(toLoad, options, progress);
  const articles: LoadedArticle[] = [];
  loaded.forEach((result, i) => {
    const file = toLoad[i]!;
    let article = result.article;
    if (result.hit) {
      article = cache?.article(file.contentPath, result.hash, file, result.body ?? "", result.stamp, result.unread);
      if (!article) throw new Error(`the build cache lost the entry of ${file.contentPath}`);
    } else if (article && result.diagnostics.length === 0) {
      cache?.rememberArticle(article, result.hash, config.timezone, result.bodyStart, result.stamp);
      if (result.terms) {
        terms?.set(file.contentPath, result.terms);
        cache?.rememberSearchTerms(file.contentPath, result.terms);
      }
    }
    diagnostics.push(...result.diagnostics);
    if (!article) return;
    // An unread file's body, like every body of a large site, is read again if it has to be rendered.
    if ((!keepBodies || result.unread) && result.bodyStart !== undefined) sources.set(article, { absPath: file.absPath, hash: result.hash, bodyStart: result.bodyStart });
    articles.push(article);
  });
  return articles;
}

/** The bodies of the published articles: their inputs, the build cache's renders, and rendering them. */
export class Bodies {
  private readonly targets: LinkTargets;
  readonly env: MarkdownEnv;
  /** Keep every article's HTML in the model (derived assets may read any), not only the feed's. */
  keepAllHtml = false;

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

  /**
   * One item per article, in order: its body to render, or the cache's. What
   * only the page writer reads (see `completeItems`) is added once the routes
   * are planned: the workers can start on the bodies before that.
   */
  items(): ArticleItem[] {
    const { cache } = this;
    return this.published.map((article, index): ArticleItem => {
      const item: ArticleItem = { index, wantHtml: false };
      const cached = cache?.body(article.contentPath, this.settings(article), this.targets);
      if (cached) item.cached = cached;
      else item.body = this.input(article);
      return item;
    });
  }

  /** Sets on each item whether its HTML comes back, and its page's previous record (before any page is written). */
  completeItems(items: readonly ArticleItem[], plans: readonly PagePlan[], previous: ReadonlyMap<string, PageRecord> | undefined): void {
    for (const item of items) {
      // The cache keeps fresh renders; a cached one comes back only where the model needs its HTML.
      item.wantHtml = (this.cache !== undefined && !item.cached) || item.index < FEED_SIZE || this.keepAllHtml;
      if (previous) item.previous = previous.get(plans[item.index]!.outputPath) ?? null;
    }
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
      if ((index < FEED_SIZE || this.keepAllHtml) && outcome.html !== undefined) job.model.articles[index]!.html = outcome.html;
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
