/**
 * `build()` as the CLI runs it: the stages of `generateSite` over a pool of
 * worker threads (in the main thread for small sites) and the build cache,
 * with pages rendered straight into the write stage's staging folder instead
 * of being held in memory. Same sources, same bytes as `generateSite`.
 */
import { join, relative } from "node:path";
import { bodySettings, BuildCache, CACHE_DIR_NAME, type CacheStats, type LinkTargets } from "./cache/build-cache.js";
import { error, hasErrors, warning, BuildFailure, type Diagnostic } from "./diagnostics.js";
import { loadConfig } from "./load/config.js";
import { isMarkdown, listFiles, type FoundFile } from "./load/files.js";
import { siteUrl } from "./load/paths.js";
import { checkCover, type SitePaths } from "./load/site.js";
import type { MarkdownOutput } from "./markdown/render.js";
import { selectArticles } from "./model/select.js";
import { buildSite, type SiteModel } from "./model/site.js";
import { renderFeed, renderRobots, renderSitemap } from "./render/feeds.js";
import { planPages } from "./render/pages.js";
import { loadTheme } from "./render/templates.js";
import type { LoadedArticle, RenderedBody, SiteConfig } from "./types.js";
import { TaskRunner, threadsFor, type ProgressFn } from "./workers/runner.js";
import type { BodyToRender, FileToLoad } from "./workers/tasks.js";
import { writeOutput, type OutputFile } from "./write/output.js";

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
  /** Worker threads; default: one per core for sites of 300 articles or more, none below. */
  workers?: number;
  onProgress?: ProgressFn;
}

/** What the staged build gives back. */
export interface StagedResult {
  /** Output files other than the HTML pages (those went straight to disk). */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  model: SiteModel;
  articles: number;
  pages: number;
  timings: Record<string, number>;
  cache?: CacheStats;
  threads: number;
}

/** Builds the site and writes it; throws BuildFailure with every diagnostic when the site has errors. */
export async function stagedBuild(options: StagedOptions): Promise<StagedResult> {
  const { paths, cwd } = options;
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    clock = now;
  };
  const display = (abs: string) => relative(cwd, abs) || ".";
  const { config, diagnostics } = loadConfig(paths.root, display(paths.root), options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {});
  const found = listFiles(paths.content);
  const markdownFiles = found.filter((f) => isMarkdown(f.path));
  const assets = found.filter((f) => !isMarkdown(f.path));
  const runner = new TaskRunner(threadsFor(markdownFiles.length, options.workers));
  try {
    const cache = options.cache ? BuildCache.open(options.cacheDir ?? join(paths.root, CACHE_DIR_NAME)) : undefined;
    const articles = await loadArticles(runner, markdownFiles, display(paths.content), config, cache, diagnostics, options.onProgress);
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
    const bodies = await renderBodies(runner, config, published, assets, cache, diagnostics, options.onProgress);
    lap("markdown");
    if (hasErrors(diagnostics) || !theme) throw new BuildFailure(diagnostics);

    const model = buildSite(published, bodies, config);
    if (!model.config.baseUrl) {
      diagnostics.push(warning("base-url", "baseUrl is not set: feed.xml, sitemap.xml and canonical URLs are left out (set baseUrl in the config or pass --base-url)"));
    }
    for (const article of model.articles) article.body = ""; // rendered: the Markdown is no longer needed
    lap("model");

    // Every output path is claimed up front, in the order generateSite adds files, so problems are the same.
    const claims = new PathClaims(diagnostics);
    const plans = planPages(model);
    const pageIndexes: number[] = [];
    const pagePaths: string[] = [];
    plans.forEach((plan, index) => {
      if (!theme.has(plan.template)) {
        const article = model.articles.find((a) => `${a.path}index.html` === plan.outputPath);
        diagnostics.push(error("layout", `unknown layout "${plan.template}": no templates/${plan.template}.hbs in the site or the built-in theme`, {
          file: plan.source,
          line: article?.fieldLines.layout,
        }));
      } else if (claims.claim(plan.outputPath, plan.source)) {
        pageIndexes.push(index);
        pagePaths.push(plan.outputPath);
      }
    });
    const files: OutputFile[] = [];
    const add = (file: OutputFile, source: string) => claims.claim(file.path, source) && files.push(file);
    for (const [path, text] of [["feed.xml", renderFeed(model)], ["sitemap.xml", renderSitemap(model)], ["robots.txt", renderRobots(model)]] as const) {
      if (text !== undefined) add({ path, data: text }, `the generated ${path}`);
    }
    for (const asset of theme.assets) add({ path: asset.path, copyFrom: asset.absPath }, relative(cwd, asset.absPath));
    for (const asset of assets) add({ path: asset.path, copyFrom: asset.absPath }, relative(cwd, asset.absPath));
    for (const file of staticFiles) add({ path: file.path, copyFrom: file.absPath }, relative(cwd, file.absPath));
    if (hasErrors(diagnostics)) throw new BuildFailure(diagnostics);

    let pages = 0;
    await writeOutput(files, {
      outDir: options.outDir,
      sourceDir: paths.root,
      protectedDirs: [paths.content, paths.templates, paths.static],
      external: {
        paths: pagePaths,
        write: async (dir) => {
          const result = await runner.pages({ model, theme, themeSource, plans: pageIndexes, dir }, options.onProgress);
          diagnostics.push(...result.diagnostics);
          if (hasErrors(diagnostics)) throw new BuildFailure(diagnostics);
          pages = result.written;
          return result.bytes;
        },
      },
    });
    lap("write");
    cache?.save();
    const result: StagedResult = { files, diagnostics, model, articles: published.length, pages, timings, threads: runner.threads };
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
): Promise<LoadedArticle[]> {
  const toLoad = files.map((file): FileToLoad => {
    const item: FileToLoad = { contentPath: file.path, displayPath: join(contentDisplay, file.path), sitePath: `content/${file.path}`, absPath: file.absPath };
    const known = cache?.known(file.path);
    if (known) Object.assign(item, { knownHash: known.hash, bodyStart: known.bodyStart });
    return item;
  });
  const loaded = await runner.load(toLoad, config.timezone, progress);
  const articles: LoadedArticle[] = [];
  loaded.forEach((result, i) => {
    const file = toLoad[i]!;
    let article = result.article;
    if (result.body !== undefined) article = cache?.article(file.contentPath, result.hash, file, result.body);
    else if (article && result.diagnostics.length === 0) cache?.rememberArticle(article, result.hash, result.bodyStart);
    diagnostics.push(...result.diagnostics);
    if (article) articles.push(article);
  });
  return articles;
}

/** Renders the published bodies (cached ones reused when every link target is as it was); diagnostics in article order. */
async function renderBodies(
  runner: TaskRunner,
  config: SiteConfig,
  published: readonly LoadedArticle[],
  assets: readonly FoundFile[],
  cache: BuildCache | undefined,
  diagnostics: Diagnostic[],
  progress: ProgressFn | undefined,
): Promise<RenderedBody[]> {
  const articleUrls: Record<string, string> = {};
  for (const article of published) articleUrls[article.contentPath] = siteUrl(config.basePath, `${article.slug}/`);
  const targets: LinkTargets = { articleUrls, assets: new Set(assets.map((a) => a.path)) };
  const outputs: (Pick<MarkdownOutput, "html" | "firstParagraph" | "diagnostics"> | undefined)[] = [];
  const misses: number[] = [];
  const todo: BodyToRender[] = [];
  published.forEach((article, i) => {
    const settings = bodySettings(config.basePath, config.markdown.allowHtml, article.displayPath);
    outputs.push(cache?.body(article.contentPath, settings, targets));
    if (outputs[i]) return;
    misses.push(i);
    todo.push({
      body: article.body,
      bodyLine: article.bodyLine,
      contentPath: article.contentPath,
      displayPath: article.displayPath,
      basePath: config.basePath,
      allowHtml: config.markdown.allowHtml,
      images: article.cover ? [...article.images, article.cover] : article.images,
    });
  });
  const rendered = await runner.markdown(todo, { articleUrls, assets: assets.map((a) => a.path) }, progress);
  rendered.forEach((output, k) => {
    const article = published[misses[k]!]!;
    outputs[misses[k]!] = output;
    cache?.rememberBody(article.contentPath, bodySettings(config.basePath, config.markdown.allowHtml, article.displayPath), output, targets);
  });
  return outputs.map((output) => {
    diagnostics.push(...output!.diagnostics);
    return { html: output!.html, firstParagraph: output!.firstParagraph };
  });
}

/** Output paths claimed so far; a second claim is an error naming both sources. */
class PathClaims {
  private readonly owners = new Map<string, string>();
  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** Claims `path` for `source`; false (and an error) when it is taken. */
  claim(path: string, source: string): boolean {
    const other = this.owners.get(path);
    if (other !== undefined) {
      this.diagnostics.push(error("duplicate-url", `output file ${path} is claimed by both ${other} and ${source}`, { file: source }));
      return false;
    }
    this.owners.set(path, source);
    return true;
  }
}
