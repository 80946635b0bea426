/**
 * `build()` as the CLI runs it: load, bodies, model, the route table
 * (`plan/routes.ts`), then pages rendered over a pool of worker threads (in
 * the main thread for small sites) with the build cache, straight into the
 * write stage's staging folder instead of being held in memory.
 */
import { join, relative } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { BuildCache, CACHE_DIR_NAME, themeDigest, type CacheStats } from "../cache/build-cache.js";
import { cacheSalt } from "../cache/salt.js";
import { hasErrors, BuildFailure, type Diagnostic } from "../diagnostics.js";
import { loadConfig } from "../load/config.js";
import { isMarkdown } from "../load/files.js";
import { checkCover, listSourceFiles, type SitePaths } from "../load/site.js";
import { selectArticles } from "../model/select.js";
import { buildSite, type SiteModel } from "../model/site.js";
import { missingBaseUrl, planRoutes } from "../plan/routes.js";
import { loadTheme } from "../render/templates.js";
import { createStopwatch } from "../timings.js";
import type { LoadedArticle } from "../types.js";
import { TaskRunner, threadsFor, type ArticleFeed, type PageJob, type ProgressFn } from "./runner.js";
import type { BodySource } from "../markdown/bodies.js";
import { coverImageProblems, runImageStep, type ImageStep } from "../images/step.js";
import { buildTermsSource, type ArticleTerms } from "../search/search.js";
import { writeOutput, type OutputFile } from "../write/output.js";
import { writeIfChangedSync } from "../write/replace.js";
import { Bodies, loadArticles } from "./bodies.js";

/**
 * How long before the build an article file must have last changed for its
 * stamp to be trusted by the next build instead of its hash: well beyond any
 * file system's clock tick, and some clock skew.
 */
const STAMP_MARGIN_MS = 3000;

/** Articles from which bodies are read again when rendered instead of being kept in memory. */
const REREAD_BODIES_FROM = 8000;

/** What a build run needs to know beyond the folders. */
export interface BuildRunOptions {
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
  /** Articles per chunk of bodies (default 25; see `TaskRunner`). */
  articleChunk?: number;
  /** See `STAMP_MARGIN_MS`. */
  stampMarginMs?: number;
  /** Articles from which bodies are read again when rendered rather than kept (default 8,000). */
  rereadBodiesFrom?: number;
}

/** What a build run gives back. */
export interface BuildRunResult {
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
export async function runBuild(options: BuildRunOptions): Promise<BuildRunResult> {
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
  const runner = new TaskRunner(threadsFor(toRender, options.workers), { sharedPagesFrom: options.sharedPagesFrom, articleChunk: options.articleChunk });
  const stampsBefore = Date.now() - (options.stampMarginMs ?? STAMP_MARGIN_MS);
  // The image step runs beside loading (sharp decodes and resizes on its own threads): derivatives made
  // or found in the image store, SVGs checked; the derivatives enter the route table as files in the store.
  // The bodies need the photos' derivative sets, so they start once both are done.
  const imageStep = runImageStep(assets, config, { cacheDir: cache?.dir, decode: true, stampsBefore });
  imageStep.catch(() => undefined); // awaited below, or in `finally` when loading fails first
  let images: ImageStep | undefined;
  try {
    const sources = new Map<LoadedArticle, BodySource>();
    const keepBodies = markdownFiles.length < (options.rereadBodiesFrom ?? REREAD_BODIES_FROM);
    const loadedTerms = new Map<string, ArticleTerms>();
    const articles = await loadArticles(runner, markdownFiles, display(paths.content), config, cache, diagnostics, options.onProgress, sources, keepBodies, stampsBefore, loadedTerms);
    const assetPaths = new Set(assets.map((a) => a.path));
    for (const article of articles) diagnostics.push(...checkCover(article, assetPaths));
    const staticFiles = listSourceFiles(paths, paths.static, cwd, diagnostics);
    const themeSource = { builtinDir: options.builtinTemplates, overrideDir: paths.templates, displayBase: cwd };
    // The theme is compiled once the workers have bodies to render (below); its problems are reported in this place.
    const themeAt = diagnostics.length;
    lap("load");

    const selected = selectArticles(articles, { drafts: options.drafts, future: options.future, now: options.now, timezone: config.timezone });
    diagnostics.push(...selected.diagnostics);
    const { published } = selected;
    images = await imageStep;
    diagnostics.push(...coverImageProblems(published, images.entries));
    lap("images");
    const bodies = new Bodies(config, published, assets, cache, sources, images);
    // Without problems so far, the workers start on the bodies now, while the main thread compiles the theme,
    // builds the model, plans the routes and prepares the output folder (the bodies need only the link targets
    // and the photos' derivatives).
    const feed = hasErrors(diagnostics) ? undefined : runner.startArticles(bodies.items(), bodies.env);
    const { theme, diagnostics: themeDiagnostics, texts: compiled } = loadTheme(themeSource.builtinDir, themeSource.overrideDir, themeSource.displayBase, cache?.templates());
    cache?.rememberTemplates(compiled);
    diagnostics.splice(themeAt, 0, ...themeDiagnostics);
    // With problems so far, the bodies' own are reported too, and nothing is rendered.
    if (!feed || hasErrors(diagnostics) || !theme) {
      feed?.stop();
      throw new BuildFailure([...diagnostics, ...(await bodies.problems(runner, options.onProgress))]);
    }

    // The model is built before the bodies are rendered: it needs none of their HTML, and the default
    // summaries (first paragraphs) are filled in once every body is rendered, before any listing.
    const model = buildSite(published, published.map(() => ({ html: "", firstParagraph: "" })), config);
    model.imageSets = images.entries;
    const late: Diagnostic[] = [];
    const noBaseUrl = missingBaseUrl(model);
    if (noBaseUrl) late.push(noBaseUrl);
    lap("model");
    await lettingWorkersOn(feed);

    // Every output path is planned up front: the route table (and its problems) of every driver.
    const searchTerms = buildTermsSource(cache, (i) => sources.get(published[i]!), loadedTerms);
    const table = planRoutes(model, theme, { content: assets, static: staticFiles }, cwd, { images, searchTerms, timings });
    late.push(...table.diagnostics);
    await lettingWorkersOn(feed);
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
    // Derived assets are produced once every body is rendered, from the complete model: every article's HTML kept.
    bodies.keepAllHtml = table.routes.some((r) => r.kind === "derived" && r.readsHtml !== false);
    if (hasErrors(late)) {
      feed.stop();
      const problems = await bodies.problems(runner, options.onProgress);
      throw new BuildFailure([...diagnostics, ...problems, ...(hasErrors(problems) ? [] : late)]);
    }

    const previous = cache ? { dir: options.outDir, records: cache.pages(options.outDir) } : undefined;
    bodies.completeItems(feed.items, plans, previous?.records);
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
            const produced = produce();
            const data = typeof produced === "string" ? Buffer.from(produced) : produced;
            // In a recycled output, a file an edit did not change (most search index files) stays as it is.
            writeIfChangedSync(join(dir, path), data);
            bytes += data.byteLength;
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
    // Only now that the build succeeded: derivatives no build has used for a month leave the image store.
    images.store.prune();
    const result: BuildRunResult = { files, diagnostics, model, articles: published.length, pages, written: pages + texts.length + files.length, timings, threads: runner.threads };
    if (cache) result.cache = cache.stats;
    result.images = images.prepared.stats;
    return result;
  } finally {
    (images ?? (await imageStep.catch(() => undefined)))?.store.dispose();
    await runner.close();
  }
}

/** Lets the workers' answers in between long stretches of the main thread's own work, so that they take their next bodies. */
function lettingWorkersOn(feed: ArticleFeed): Promise<void> {
  return feed.shared ? nextTurn() : Promise.resolve();
}
