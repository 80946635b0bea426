/**
 * `gazette build`: load → markdown → model → render → write. Every problem
 * of the site is collected before the build gives up; nothing is written then.
 * `generateSite` runs the stages in memory, in one thread (the reference,
 * and what `serve` and tests build on); `build` runs the same stages through
 * `staged-build.ts`: worker threads for large sites, the build cache, and
 * pages rendered straight to disk. Both give the same bytes.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { CacheStats } from "./cache/build-cache.js";
import { error, explained, hasErrors, warning, UsageError, type Diagnostic } from "./diagnostics.js";
import { loadSite, sitePaths, type LoadedSite, type SitePaths } from "./load/site.js";
import { articleMarkdownFields, articleUrlMap } from "./markdown/inputs.js";
import { renderMarkdown, type MarkdownOutput } from "./markdown/render.js";
import { createStopwatch } from "./timings.js";
import { selectArticles } from "./model/select.js";
import { buildSite, type SiteModel } from "./model/site.js";
import { renderFeed, renderRobots, renderSitemap } from "./render/feeds.js";
import { planPages } from "./render/pages.js";
import { builtinTemplatesDir, loadTheme, TemplateError, type Theme } from "./render/templates.js";
import { SEARCH_SOURCE, searchFiles } from "./search/search.js";
import { stagedBuild } from "./staged-build.js";
import type { LoadedArticle } from "./types.js";
import type { ProgressFn, TaskRunner } from "./workers/runner.js";
import { repairOutput, type OutputFile } from "./write/output.js";
import { readFileSync } from "node:fs";
import { CACHE_DIR_NAME } from "./cache/build-cache.js";
import { coverImageProblems, publishedAssets, runImageStep, type ImageStep } from "./images/step.js";

/** The built-in theme shipped with gazette (`templates/` at the package root). */
export const BUILTIN_TEMPLATES = builtinTemplatesDir();

/** What a build is asked to do. */
export interface BuildOptions {
  /** Site folder (absolute or relative to `cwd`). */
  source: string;
  /** Output folder; default `<source>/public`. */
  out?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  /** The build's clock, epoch ms; default `Date.now()` read once. */
  now?: number;
  /** Folder that messages are relative to; default `process.cwd()`. */
  cwd?: string;
  /** Built-in theme folder; default the one shipped with gazette. */
  builtinTemplates?: string;
  /** `build` only: use the build cache (default true; `--no-cache` sets false). */
  cache?: boolean;
  /** `build` only: the cache folder; default `<source>/.gazette-cache`. */
  cacheDir?: string;
  /** `build` only: worker threads beside the main thread (0: none); default one per other core for large sites (see `threadsFor`). */
  workers?: number;
  /** `build` only: called as work gets done (stage, units done, units in all), for a progress display. */
  onProgress?: ProgressFn;
  /** `build` only: delete the previous output in a detached process once the new one is in place (the CLI does), instead of waiting. */
  removeOldInBackground?: boolean;
  /** `build` only: from how many listing pages workers share them (tests lower it to cover that path). */
  sharedPagesFrom?: number;
  /** `build` only: how long before the build a file must have last changed for its stamp to be trusted by the next (default 3 s; tests lower it). */
  stampMarginMs?: number;
}

/** Counts and timings of a build. */
export interface BuildStats {
  articles: number;
  pages: number;
  files: number;
  timings: Record<string, number>;
  /** `build` only: build cache hits and misses (absent with `cache: false`). */
  cache?: CacheStats;
  /** `build` only: worker threads used (0: all in the main thread). */
  threads?: number;
  /** Photos: how many, how many decoded by this build, how many found complete in the image store. */
  images?: { photos: number; decoded: number; cached: number };
}

/** The generated site in memory: every output file, what was found, and counts. */
export interface GeneratedSite {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  stats: BuildStats;
  model?: SiteModel;
}

/** The outcome of `gazette build`; its `files` are the outputs other than HTML pages, which went straight to disk. */
export interface BuildResult extends GeneratedSite {
  outDir: string;
  written: boolean;
}

/** Builds the site and writes it; throws BuildFailure (site errors) or UsageError (bad folders). */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.source);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw explained(new UsageError(""), "usage.source-not-found", { source: options.source });
  if (options.out !== undefined && options.out.trim() === "") throw explained(new UsageError(""), "usage.out-empty", {});
  const outDir = resolve(cwd, options.out ?? join(root, "public"));
  await repairOutput(outDir);
  const started = performance.now();
  const staged = await stagedBuild({
    paths: sitePaths(root),
    outDir,
    cwd,
    builtinTemplates: options.builtinTemplates ?? BUILTIN_TEMPLATES,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now ?? Date.now(),
    cache: options.cache ?? true,
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: resolve(cwd, options.cacheDir) } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    removeOld: options.removeOldInBackground ? "background" : "wait",
    ...(options.stampMarginMs !== undefined ? { stampMarginMs: options.stampMarginMs } : {}),
    ...(options.sharedPagesFrom !== undefined ? { sharedPagesFrom: options.sharedPagesFrom } : {}),
  });
  const timings = { ...staged.timings, total: Math.round(performance.now() - started) };
  const stats: BuildStats = { articles: staged.articles, pages: staged.pages, files: staged.written, timings, threads: staged.threads };
  if (staged.cache) stats.cache = staged.cache;
  if (staged.images) stats.images = staged.images;
  return { files: staged.files, diagnostics: staged.diagnostics, stats, model: staged.model, outDir, written: true };
}

/** A site folder read from disk: config, articles, files and theme. */
export interface Project {
  paths: SitePaths;
  loaded: LoadedSite;
  theme?: Theme;
  diagnostics: Diagnostic[];
}

/** Reads the site at `options.source`: config, articles, assets, static files and theme. */
export function loadProject(options: BuildOptions): Project {
  const cwd = options.cwd ?? process.cwd();
  const paths = sitePaths(resolve(cwd, options.source));
  const loaded = loadSite(paths, options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}, cwd);
  const themeResult = loadTheme(options.builtinTemplates ?? BUILTIN_TEMPLATES, paths.templates, cwd);
  const project: Project = { paths, loaded, diagnostics: [...loaded.diagnostics, ...themeResult.diagnostics] };
  if (themeResult.theme) project.theme = themeResult.theme;
  return project;
}

/** The articles this build publishes (drafts and future ones only when asked), newest first. */
export function publishedArticles(project: Project, options: BuildOptions): { published: LoadedArticle[]; diagnostics: Diagnostic[] } {
  return selectArticles(project.loaded.articles, {
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    now: options.now ?? Date.now(),
    timezone: project.loaded.config.timezone,
  });
}

/**
 * Generates the whole site in memory from the folder `options.source`, without
 * writing the output. Photos' derivatives are made in the site's image store
 * (`.gazette-cache/images/`, as `build` does), or with `cache: false` in
 * memory (the files then carry their bytes).
 */
export async function generateSite(options: BuildOptions): Promise<GeneratedSite> {
  const cwd = options.cwd ?? process.cwd();
  const { timings, lap } = createStopwatch();
  const project = loadProject(options);
  const diagnostics = [...project.diagnostics];
  lap("load");
  const selected = publishedArticles(project, options);
  diagnostics.push(...selected.diagnostics);
  // ◆ images (src/images/): the asset step
  const cacheDir = options.cache === false ? undefined : resolve(cwd, options.cacheDir ?? join(project.paths.root, CACHE_DIR_NAME));
  const images = await runImageStep(project.loaded.assets, project.loaded.config, { cacheDir, decode: true });
  try {
    diagnostics.push(...coverImageProblems(selected.published, images.entries));
    return generateWithImages(project, selected.published, diagnostics, images, cwd, timings, lap);
  } finally {
    images.store.dispose();
  }
}

function generateWithImages(
  project: Project,
  published: LoadedArticle[],
  diagnostics: Diagnostic[],
  images: ImageStep,
  cwd: string,
  timings: Record<string, number>,
  lap: (name: string) => void,
): GeneratedSite {
  const selected = { published };
  const bodies = renderBodies(project.loaded, selected.published, diagnostics, false, images);
  lap("markdown");
  const stats: BuildStats = { articles: selected.published.length, pages: 0, files: 0, timings };
  if (hasErrors(diagnostics) || !project.theme) return { files: [], diagnostics, stats };

  const model = buildSite(selected.published, bodies, project.loaded.config);
  model.imageSets = images.entries; // ◆ images
  if (!model.config.baseUrl) {
    diagnostics.push(warning("base-url", {}));
  }
  lap("model");
  const rendered = renderSite(model, project, cwd, images);
  diagnostics.push(...rendered.diagnostics);
  stats.pages = rendered.pages;
  stats.files = rendered.files.length;
  lap("render");
  return { files: rendered.files, diagnostics, stats, model };
}

/** Renders the model into every output file: pages, feeds, theme assets, content assets, static files. */
export function renderSite(model: SiteModel, project: Project, cwd = process.cwd(), images?: ImageStep): { files: OutputFile[]; pages: number; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files = new OutputSet(diagnostics);
  const pages = renderPages(model, project.theme!, files, diagnostics);
  for (const [path, text] of [["feed.xml", renderFeed(model)], ["sitemap.xml", renderSitemap(model)], ["robots.txt", renderRobots(model)]] as const) {
    if (text !== undefined) files.add({ path, data: text }, `the generated ${path}`);
  }
  for (const asset of project.theme!.assets) files.add({ path: asset.path, copyFrom: asset.absPath }, relative(cwd, asset.absPath));
  // ◆ images: photos as their derivatives (kept in memory when the store is temporary), unsafe SVGs left out.
  const assets = images ? publishedAssets(project.loaded.assets, images) : project.loaded.assets.map((a) => ({ ...a, source: a.absPath }));
  for (const asset of assets) {
    const inStore = images !== undefined && asset.absPath !== asset.source;
    const file: OutputFile = inStore && !images.store.persistent ? { path: asset.path, data: readFileSync(asset.absPath) } : { path: asset.path, copyFrom: asset.absPath };
    files.add(file, relative(cwd, asset.source));
  }
  for (const file of project.loaded.staticFiles) files.add({ path: file.path, copyFrom: file.absPath }, relative(cwd, file.absPath));
  for (const file of searchFiles(model, { body: (article) => article.body })) files.add(file, SEARCH_SOURCE);
  return { files: files.list, pages, diagnostics };
}

/** Renders every published article's Markdown (with its links and images listed when `references`); its diagnostics join the build's. */
export function renderBodies(loaded: LoadedSite, published: readonly LoadedArticle[], diagnostics: Diagnostic[], references = false, images?: ImageStep): MarkdownOutput[] {
  const { env, inputs } = bodyInputs(loaded, published, references, images);
  return inputs.map((input) => {
    const out = renderMarkdown({ ...input, ...env });
    diagnostics.push(...out.diagnostics);
    return out;
  });
}

/** As `renderBodies`, on `runner`'s worker threads too (for large sites); the same outputs, in order. */
export async function renderBodiesOn(runner: TaskRunner, loaded: LoadedSite, published: readonly LoadedArticle[], diagnostics: Diagnostic[], references = false, images?: ImageStep): Promise<MarkdownOutput[]> {
  const { env, inputs } = bodyInputs(loaded, published, references, images);
  const outputs = await runner.markdown(inputs, env);
  for (const out of outputs) diagnostics.push(...out.diagnostics);
  return outputs;
}

/** The Markdown inputs of the published bodies, and what they all resolve against. */
function bodyInputs(loaded: LoadedSite, published: readonly LoadedArticle[], references: boolean, images?: ImageStep) {
  const { config } = loaded;
  const env = { articleUrls: articleUrlMap(published, config.basePath), assets: loaded.assets.map((a) => a.path), ...(images ? { imageSets: images.entries } : {}) };
  const inputs = published.map((article) => ({ ...articleMarkdownFields(article, config), ...(references ? { references } : {}) }));
  return { env, inputs };
}

/** Renders each planned page into `files`; returns the number of pages. */
function renderPages(model: SiteModel, theme: Theme, files: OutputSet, diagnostics: Diagnostic[]): number {
  const reported = new Set<string>();
  let pages = 0;
  for (const plan of planPages(model)) {
    if (!theme.has(plan.template)) {
      const article = model.articles.find((a) => `${a.path}index.html` === plan.outputPath);
      diagnostics.push(error("layout", { name: plan.template }, {
        file: plan.source,
        line: article?.fieldLines.layout,
      }));
      continue;
    }
    try {
      files.add({ path: plan.outputPath, data: theme.render(plan.template, plan.context()) }, plan.source);
      pages++;
    } catch (cause) {
      if (!(cause instanceof TemplateError)) throw cause;
      const key = `${cause.diagnostic.file}:${cause.diagnostic.message}`;
      if (!reported.has(key)) diagnostics.push(cause.diagnostic);
      reported.add(key);
    }
  }
  return pages;
}

/** The output files, refusing two sources for one path with an error naming both. */
class OutputSet {
  readonly list: OutputFile[] = [];
  private readonly owners = new Map<string, string>();
  constructor(private readonly diagnostics: Diagnostic[]) {}

  add(file: OutputFile, source: string): void {
    const other = this.owners.get(file.path);
    if (other !== undefined) {
      this.diagnostics.push(error("duplicate-url.output", { path: file.path, other, source }, { file: source }));
      return;
    }
    this.owners.set(file.path, source);
    this.list.push(file);
  }
}
