/**
 * `gazette check`: everything a build validates (config, front-matter,
 * templates, links, images, layouts, output paths) without rendering pages or
 * writing, plus the lint rules and, when asked, external links over HTTP.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { loadProject, publishedArticles, renderBodiesOn } from "../build.js";
import { CACHE_DIR_NAME } from "../cache/build-cache.js";
import { coverImageProblems, largeImageWarnings, runImageStep, type ImageStep } from "../images/step.js";
import { explained, UsageError, type Diagnostic } from "../diagnostics.js";
import type { LoadedSite } from "../load/site.js";
import { buildSite } from "../model/site.js";
import type { MarkdownOutput } from "../markdown/render.js";
import type { LoadedArticle } from "../types.js";
import { TaskRunner, threadsFor } from "../build/runner.js";
import { checkUrls, type ExternalCheckOptions, type LinkResult } from "./external.js";
import { createStopwatch } from "../timings.js";
import { applyLintLevels, lintArticle, type CheckedArticle } from "./lint.js";
import { collectExternalLinks, externalDiagnostics, type ExternalLink } from "./links.js";
import { lintDuplicateTitles, lintNameVariants } from "./names.js";
import { lintUnpublishedImages } from "./unpublished-images.js";
import { planRoutes } from "../plan/routes.js";
import { repairOutput } from "../write/output.js";

/** What `gazette check` is asked to do. */
export interface CheckOptions {
  /** Site folder (absolute or relative to `cwd`). */
  source: string;
  /** Folder that messages are relative to; default `process.cwd()`. */
  cwd?: string;
  /** Check what `build --drafts` / `--future` would publish. */
  drafts?: boolean;
  future?: boolean;
  /** The clock, epoch ms; default `Date.now()` read once. */
  now?: number;
  /** Check external links over HTTP. */
  external?: boolean;
  /** How external links are checked (time limit, concurrency, progress). */
  http?: ExternalCheckOptions;
  /** Built-in theme folder; default the one shipped with gazette. */
  builtinTemplates?: string;
  /** Worker threads parsing bodies beside the main thread; default as `gazette build` (see `threadsFor`). */
  workers?: number;
}

/** External links found, and what checking them gave (when they were checked). */
export interface ExternalReport {
  links: ExternalLink[];
  /** Results by URL; empty unless `--external`. */
  results: Map<string, LinkResult>;
  checked: boolean;
}

/** The outcome of `gazette check`. */
export interface CheckResult {
  /** Articles checked (those a build would publish). */
  articles: number;
  diagnostics: Diagnostic[];
  external: ExternalReport;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
}

/** Checks the site at `options.source`; throws UsageError when the folder does not exist. */
export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.source);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw explained(new UsageError(""), "usage.source-not-found", { source: options.source });
  await repairOutput(join(root, "public"), true); // a build killed mid-swap is repaired by any command
  const { timings, lap } = createStopwatch();

  const buildOptions = { source: root, cwd, drafts: options.drafts ?? false, future: options.future ?? false, now: options.now ?? Date.now(), ...(options.builtinTemplates ? { builtinTemplates: options.builtinTemplates } : {}) };
  const project = loadProject(buildOptions);
  const selected = publishedArticles(project, buildOptions);
  const diagnostics: Diagnostic[] = [...project.diagnostics, ...selected.diagnostics];
  // Images (src/images/): headers read (derivatives the build made are consulted), nothing decoded or written.
  const images = await runImageStep(project.loaded.assets, project.loaded.config, { cacheDir: join(root, CACHE_DIR_NAME), decode: false, access: "read" });
  try {
    diagnostics.push(...coverImageProblems(selected.published, images.entries), ...largeImageWarnings(images, relative(cwd, project.paths.content) || "."));
    lap("load");
    const checked = await readBodies(project.loaded, selected.published, diagnostics, options.workers, images);
    lap("markdown");
    const model = buildSite(selected.published, checked.map((c) => ({ html: "", firstParagraph: c.firstParagraph })), project.loaded.config);
    // The plan stage's checks (layouts, output paths), without rendering a page: photos as the derivatives their headers
    // give (what the build publishes); of the search index only the files known without reading the bodies.
    if (project.theme) diagnostics.push(...planRoutes(model, project.theme, { content: project.loaded.assets, static: project.loaded.staticFiles }, cwd, { pathsOnly: true, images }).diagnostics);
    const lint = checked.flatMap(lintArticle);
    lint.push(...lintNameVariants(selected.published), ...lintDuplicateTitles(selected.published), ...lintUnpublishedImages(checked, project.loaded.articles, images));
    lap("lint");

    const links = collectExternalLinks(checked);
    let results = new Map<string, LinkResult>();
    if (options.external && links.length > 0) {
      results = await checkUrls(links.map((l) => l.url), options.http);
      lint.push(...externalDiagnostics(links, results));
      lap("external");
    }
    diagnostics.push(...applyLintLevels(lint, project.loaded.config.lint));
    return { articles: selected.published.length, diagnostics, external: { links, results, checked: options.external === true }, timings };
  } finally {
    images.store.dispose();
  }
}

/** Parses every article body as the build does (on worker threads too for large sites), keeping its diagnostics and what it links to. */
async function readBodies(loaded: LoadedSite, published: readonly LoadedArticle[], diagnostics: Diagnostic[], workers: number | undefined, images: ImageStep): Promise<CheckedArticle[]> {
  // With no worker threads (small sites) the runner renders on the main thread alone.
  const runner = new TaskRunner(threadsFor(published.length, workers));
  let outputs: MarkdownOutput[];
  try {
    outputs = await renderBodiesOn(runner, loaded, published, diagnostics, true, images);
  } finally {
    await runner.close();
  }
  return outputs.map((out, i) => ({ article: published[i]!, references: out.references ?? [], firstParagraph: out.firstParagraph }));
}
