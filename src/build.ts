/**
 * `gazette build`: load → markdown → model → plan → render → write, run by
 * `build/run.ts` (worker threads for large sites, the build cache, pages
 * rendered straight to disk). Every problem of the site is collected before
 * the build gives up; nothing is written then. Also the project loading that
 * `check` shares.
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CacheStats } from "./cache/build-cache.js";
import { explained, UsageError, type Diagnostic } from "./diagnostics.js";
import { loadSite, sitePaths, type LoadedSite, type SitePaths } from "./load/site.js";
import { articleMarkdownFields, articleUrlMap } from "./markdown/inputs.js";
import type { MarkdownOutput } from "./markdown/render.js";
import { selectArticles } from "./model/select.js";
import type { SiteModel } from "./model/site.js";
import { builtinTemplatesDir, loadTheme, type Theme } from "./render/templates.js";
import { runBuild } from "./build/run.js";
import type { LoadedArticle } from "./types.js";
import type { ProgressFn, TaskRunner } from "./build/runner.js";
import { repairOutput, type OutputFile } from "./write/output.js";
import type { ImageStep } from "./images/step.js";

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
  /** `build` only: articles per chunk of bodies given to a thread (default 25; tests lower it to spread a small site over every thread). */
  articleChunk?: number;
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

/** The outcome of `gazette build`; its `files` are the copied files (pages and generated files went straight to disk). */
export interface BuildResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  stats: BuildStats;
  model?: SiteModel;
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
  const staged = await runBuild({
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
    ...(options.articleChunk !== undefined ? { articleChunk: options.articleChunk } : {}),
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

/** Renders every published article's Markdown on `runner` (worker threads too for large sites), in order; with `references`, its links and images listed; `images` gives the photos' derivative sets. Diagnostics join `diagnostics`. */
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
