/**
 * A serve session: the site built in memory once, then updated from file
 * events doing only the work they call for. Sources are re-read file by file,
 * bodies come from a cache, the model is patched when only bodies changed,
 * and pages render when requested, each cached by the fingerprint of its
 * view context. What it serves always equals a clean build of the same
 * sources; while the sources have errors it keeps serving the last good site.
 */
import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { BUILTIN_TEMPLATES } from "../build.js";
import { BuildCache, CACHE_DIR_NAME } from "../cache/build-cache.js";
import { articleUrlMap } from "../markdown/inputs.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { sitePaths, type SitePaths } from "../load/site.js";
import { selectArticles } from "../model/select.js";
import { buildSite, type SiteModel } from "../model/site.js";
import type { PagePlan } from "../render/pages.js";
import { loadTheme, TemplateError, type Theme } from "../render/templates.js";
import type { MarkdownOutput } from "../markdown/render.js";
import type { LoadedArticle } from "../types.js";
import type { OutputFile } from "../write/output.js";
import { pagesToRenderNow } from "./affected.js";
import { BodyCache, bodyDiagnostics, type BodyTargets, type StoredBodies } from "./bodies.js";
import { classifyChanges, type ChangeSet, type FileEvent } from "./changes.js";
import { patchModel, type BodyChange } from "./model-patch.js";
import { PageCache } from "./page-cache.js";
import { TermsMemo } from "../search/search.js";
import { SiteRoutes } from "./routes.js";
import { missingBaseUrl } from "../plan/routes.js";
import { SiteSources, type ArticleSource, type SourceDelta } from "./sources.js";
import { makePending, type ContentFile } from "../images/assets.js";
import { imageProblemDiagnostic } from "../images/problems.js";
import { coverImageProblems, imageDigests, runImageStep, type ImageStep } from "../images/step.js";
import type { ImageEntry } from "../images/plan.js";

/** How a session builds the site. */
export interface SessionOptions {
  /** Absolute site folder. */
  source: string;
  /** Folder that messages are relative to; default `process.cwd()`. */
  cwd?: string;
  drafts?: boolean;
  future?: boolean;
  baseUrl?: string;
  /** The clock, read once per rebuild; default `Date.now`. */
  now?: () => number;
  /** Built-in theme folder; default the one shipped with gazette. */
  builtinTemplates?: string;
  /** Stops a build or rebuild under way (it rejects with the abort reason). */
  signal?: AbortSignal;
}

/** What one build or rebuild did. */
export interface RebuildReport {
  /** True when the served site was replaced; false when errors kept the last good one. */
  ok: boolean;
  /** What changed: article files, files served verbatim, the theme, the config. */
  changed: { articles: number; files: number; theme: boolean; config: boolean };
  /** Published articles. */
  articles: number;
  /** Article bodies rendered (the others came from the cache). */
  bodies: number;
  /** Pages rendered by this rebuild; the others render when requested. */
  pages: number;
  /** Pages the site has. */
  totalPages: number;
  ms: number;
  /** Every problem of the current sources, warnings included, sorted. */
  diagnostics: Diagnostic[];
}

/** What the server sends for one output path. */
export type Served =
  | { kind: "page"; html: string; status: number }
  | { kind: "text"; text: string | Uint8Array }
  | { kind: "file"; absPath: string };

/** The last good build: what a body-only change is patched against. */
interface GoodBuild {
  published: LoadedArticle[];
  /** The sources of the published articles, same order. */
  sources: ArticleSource[];
  /** Index of each published article by content path. */
  indexOf: Map<string, number>;
  bodies: MarkdownOutput[];
  selectDiagnostics: Diagnostic[];
  /** Earliest date of a valid article still in the future at the last selection. */
  nextDue: number;
  /** Shape fingerprint of every valid article at the last selection. */
  shapes: Map<string, string>;
  model: SiteModel;
  theme: Theme;
  routes: SiteRoutes;
}

/** The published articles of a rebuild, and whether they were patched from the last good build. */
interface Selection extends Pick<GoodBuild, "published" | "sources" | "selectDiagnostics" | "nextDue" | "shapes"> {
  patch: boolean;
}

/** A site kept in memory and updated incrementally. */
export class SiteSession {
  readonly paths: SitePaths;
  /** The problems of the current sources (and of pages rendered since), sorted. */
  diagnostics: Diagnostic[] = [];
  /** Called with a template error found while rendering a page on request. */
  onPageProblem: ((diagnostic: Diagnostic) => void) | undefined;
  private readonly sources: SiteSources;
  private readonly bodies: BodyCache;
  private readonly pages = new PageCache();
  private readonly searchTerms = new TermsMemo();
  private readonly cwd: string;
  private theme: { theme?: Theme; diagnostics: Diagnostic[] } = { diagnostics: [] };
  private good: GoodBuild | undefined;
  private forceFull = true;
  private lateProblems = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private roots: string[] | undefined;
  private targets: { key: string; value: BodyTargets } | undefined;
  /** The photos' sets; derivatives are made when first requested (see `ensureImage`). */
  private images: ImageStep | undefined;
  private readonly making = new Map<string, Promise<void>>();

  private constructor(private readonly options: SessionOptions) {
    this.cwd = options.cwd ?? process.cwd();
    this.paths = sitePaths(options.source);
    this.sources = new SiteSources(this.paths, this.cwd, options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}, options.signal);
    this.bodies = new BodyCache(options.signal, storedBodies(this.paths.root));
  }

  /** Builds the site at `options.source` in memory; the report says whether it has errors. */
  static async open(options: SessionOptions): Promise<{ session: SiteSession; report: RebuildReport }> {
    const started = performance.now();
    const session = new SiteSession(options);
    const delta = await session.sources.loadAll();
    session.loadTheme();
    const change: ChangeSet = { config: true, templates: true, articles: delta.articles, contentStructure: true, staticStructure: true, files: 0 };
    try {
      return { session, report: await session.rebuild(delta, change, started) };
    } finally {
      session.bodies.dropStored();
    }
  }

  /** Applies a batch of file events: re-reads what changed and rebuilds what depends on it (one batch at a time). */
  update(events: readonly FileEvent[]): Promise<RebuildReport> {
    const result = this.queue.then(() => this.apply(events));
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async apply(events: readonly FileEvent[]): Promise<RebuildReport> {
    const started = performance.now();
    const change = classifyChanges(this.paths, [...events, ...this.sources.throughLinks(events)]);
    let delta: SourceDelta;
    if (change.config) {
      delta = await this.sources.loadAll();
      this.loadTheme();
    } else {
      if (change.templates) this.loadTheme();
      delta = await this.sources.refresh(change.articles, change.contentStructure, change.staticStructure);
    }
    return this.rebuild(delta, change, started);
  }

  /** True once a build without errors is being served. */
  get ready(): boolean {
    return this.good !== undefined;
  }

  /** The base path the served site lives under: `/` or `/news/`. */
  get basePath(): string {
    return this.good?.model.config.basePath ?? this.sources.config.basePath;
  }

  /** Folders whose files may be served from their source path (real paths): the site folder (by the policy of `isInsideSite`) and the built-in theme. */
  servableRoots(): string[] {
    const store = this.images?.store.dir; // derivatives are served from the image store
    this.roots ??= [this.paths.root, this.options.builtinTemplates ?? BUILTIN_TEMPLATES, ...(store ? [store] : [])].flatMap((dir) => {
      try {
        return [realpathSync(dir)];
      } catch {
        return [];
      }
    });
    return this.roots;
  }

  /**
   * Makes the derivatives of the photo that output `path` comes from, when it
   * is one not made yet (serve makes them on first request, into the build
   * cache's image store). A photo that cannot be decoded is reported.
   */
  async ensureImage(path: string): Promise<void> {
    const images = this.images;
    const output = images && Object.keys(images.prepared.pending).length > 0 ? images.prepared.outputs.find((o) => o.path === path) : undefined;
    const file: ContentFile | undefined = output && images!.prepared.pending[output.source];
    if (!images || !output || !file) return;
    let making = this.making.get(file.path);
    if (!making) {
      making = makePending(file, images.settings, images.store).then((problem) => {
        delete images.prepared.pending[file.path];
        this.making.delete(file.path);
        this.roots = undefined; // the store's folder may be new
        if (problem !== undefined) this.reportLate(imageProblemDiagnostic(problem, file.path, file.path, { file: `content/${file.path}` }));
      });
      this.making.set(file.path, making);
    }
    await making;
  }

  /** Real files and folders outside the watched folders that the site's links lead to (to watch them too). */
  linkTargets(): string[] {
    return this.sources.linkTargets();
  }

  /** True when the served site has the output path (`hoi-thao/index.html`). */
  has(path: string): boolean {
    return this.good?.routes.get(path) !== undefined;
  }

  /** What to serve for an output path, rendering a page if needed; undefined when the site has no such file. */
  lookup(path: string): Served | undefined {
    const good = this.good;
    const route = good?.routes.get(path);
    if (!good || !route) return undefined;
    if (route.kind !== "page") return route;
    try {
      return { kind: "page", html: this.pages.render(route.plan, good.theme).html, status: 200 };
    } catch (cause) {
      if (!(cause instanceof TemplateError)) throw cause;
      this.reportLate(cause.diagnostic);
      const last = this.pages.last(path);
      return last !== undefined ? { kind: "page", html: last, status: 200 } : { kind: "page", html: "", status: 500 };
    }
  }

  /** Every output file of the served site, in the order a build lists them (pages rendered as needed). */
  output(): OutputFile[] {
    const files: OutputFile[] = [];
    for (const path of this.good?.routes.paths() ?? []) {
      const served = this.lookup(path);
      if (served?.kind === "file") files.push({ path, copyFrom: served.absPath });
      else if (served?.kind === "text") files.push({ path, data: served.text });
      else if (served) files.push({ path, data: served.html });
    }
    return files;
  }

  private loadTheme(): void {
    this.theme = loadTheme(this.options.builtinTemplates ?? BUILTIN_TEMPLATES, this.paths.templates, this.cwd);
  }

  private async rebuild(delta: SourceDelta, change: ChangeSet, started: number): Promise<RebuildReport> {
    const { config } = this.sources;
    const theme = this.theme.theme;
    const good = this.good;
    // Images: the asset step without decoding, again when files under content/ or the config changed.
    const imagesChanged = !this.images || change.config || delta.assets || change.files > 0;
    if (imagesChanged) {
      this.images = await runImageStep(this.sources.assets, config, { cacheDir: join(this.paths.root, CACHE_DIR_NAME), decode: false, access: "derivatives" });
    }
    const images = this.images!;
    const selection = this.select(delta, change);
    const { published, sources } = selection;
    // Every body is reused while its text, settings and link targets (images included) are unchanged.
    const targets = this.bodyTargets(published, config.basePath, this.sources.assetPaths, selection.patch, images.entries);
    const { bodies, rendered: renderedBodies } = await this.bodies.renderAll(sources, config, targets);
    const diagnostics = [...this.sources.diagnostics(), ...this.theme.diagnostics, ...selection.selectDiagnostics, ...coverImageProblems(published, images.entries), ...bodyDiagnostics(bodies)];
    const report = (ok: boolean, pages: number, totalPages: number): RebuildReport => ({
      ok,
      changed: { articles: change.config ? 0 : delta.articles.size, files: change.files, theme: change.templates && !change.config, config: change.config },
      articles: published.length,
      bodies: renderedBodies,
      pages,
      totalPages,
      ms: Math.round(performance.now() - started),
      diagnostics: this.diagnostics,
    });
    if (hasErrors(diagnostics) || !theme) return this.fail(diagnostics, report);

    const changed = new Set<string>();
    let model: SiteModel;
    if (selection.patch && good) {
      const changes: BodyChange[] = [];
      published.forEach((article, index) => {
        if (article === good.published[index] && bodies[index] === good.bodies[index]) return;
        changes.push({ index, before: { article: good.published[index]!, body: good.bodies[index]! }, after: { article, body: bodies[index]! } });
        changed.add(article.slug);
      });
      model = patchModel(good.model, changes, config);
    } else {
      model = buildSite(published, bodies, config);
      // After a config change every page may differ: like a first build, render samples only.
      if (good && !change.config) {
        const before = new Map(good.published.map((a, i) => [a.contentPath, good.bodies[i]]));
        published.forEach((a, i) => {
          if (delta.articles.has(a.contentPath) || before.get(a.contentPath) !== bodies[i]) changed.add(a.slug);
        });
      }
    }
    model.imageSets = images.entries;
    const noBaseUrl = missingBaseUrl(model);
    if (noBaseUrl) diagnostics.push(noBaseUrl);
    const sameFiles = selection.patch && !change.templates && !delta.assets && !delta.staticFiles && !imagesChanged;
    const routes = (sameFiles && good ? good.routes.replan(model) : undefined) ?? SiteRoutes.plan(model, theme, this.sources, this.cwd, this.searchTerms, images);
    diagnostics.push(...routes.diagnostics);
    const sample = !good || change.templates || change.config;
    const pages = this.renderNow(pagesToRenderNow(model, routes, changed, sample), theme, diagnostics);
    if (hasErrors(diagnostics)) return this.fail(diagnostics, report);

    const indexOf = selection.patch && good ? good.indexOf : new Map(published.map((a, i) => [a.contentPath, i]));
    this.good = { ...selection, indexOf, bodies, model, theme, routes };
    this.roots = undefined;
    this.forceFull = false;
    this.lateProblems.clear();
    this.diagnostics = sortDiagnostics(diagnostics);
    if (!selection.patch) {
      this.bodies.prune((path) => this.sources.articles.has(path));
      this.pages.prune((path) => routes.get(path) !== undefined);
    }
    return report(true, pages, routes.pages.length);
  }

  /** What bodies resolve links and images against: the published articles' URLs and the content files (kept while unchanged). */
  private bodyTargets(published: readonly LoadedArticle[], basePath: string, assetList: string[], samePublished: boolean, imageSets: Record<string, ImageEntry>): BodyTargets {
    const last = this.targets;
    // A patched selection has the same articles at the same URLs.
    let key = last?.key ?? "";
    if (!samePublished || !last) {
      key = basePath;
      for (const a of published) key += `\n${a.contentPath}\u0000${a.slug}`;
    }
    if (last?.key === key && last.value.assetList === assetList && last.value.imageSets === imageSets) return last.value;
    const articleUrls = last?.key === key ? last.value.articleUrls : articleUrlMap(published, basePath);
    const assets = last?.value.assetList === assetList ? last.value.assets : new Set(assetList);
    const images = last?.value.imageSets === imageSets ? last.value.images : imageDigests(imageSets);
    this.targets = { key, value: { articleUrls, assets, assetList, images, imageSets } };
    return this.targets.value;
  }

  /** The published articles: the last ones with changed bodies swapped in when no front-matter changed, else selected anew. */
  private select(delta: SourceDelta, change: ChangeSet): Selection {
    const now = (this.options.now ?? Date.now)();
    const good = this.good;
    const patch =
      good !== undefined && !this.forceFull && !change.config && !delta.articlesAddedOrRemoved && now < good.nextDue &&
      [...delta.articles].every((path) => {
        const source = this.sources.articles.get(path);
        return source?.article !== undefined && good.shapes.get(path) === source.shape;
      });
    if (patch) {
      const published = good.published.slice();
      const sources = good.sources.slice();
      for (const path of delta.articles) {
        const i = good.indexOf.get(path);
        if (i === undefined) continue;
        sources[i] = this.sources.articles.get(path)!;
        published[i] = sources[i].article!;
      }
      return { published, sources, selectDiagnostics: good.selectDiagnostics, nextDue: good.nextDue, shapes: good.shapes, patch };
    }
    const valid = this.sources.validArticles();
    const selected = selectArticles(valid, {
      drafts: this.options.drafts ?? false,
      future: this.options.future ?? false,
      now,
      timezone: this.sources.config.timezone,
    });
    const shapes = new Map<string, string>();
    for (const [path, source] of this.sources.articles) if (source.article) shapes.set(path, source.shape);
    const nextDue = valid.reduce((min, a) => (a.date > now && a.date < min ? a.date : min), Infinity);
    const sources = selected.published.map((a) => this.sources.articles.get(a.contentPath)!);
    return { published: selected.published, sources, selectDiagnostics: selected.diagnostics, nextDue, shapes, patch: false };
  }

  /** Renders `plans` into the page cache; template errors join `diagnostics` once each. Returns how many pages changed. */
  private renderNow(plans: readonly PagePlan[], theme: Theme, diagnostics: Diagnostic[]): number {
    const reported = new Set<string>();
    let fresh = 0;
    for (const plan of plans) {
      try {
        if (this.pages.render(plan, theme).fresh) fresh++;
      } catch (cause) {
        if (!(cause instanceof TemplateError)) throw cause;
        const key = `${cause.diagnostic.file}:${cause.diagnostic.message}`;
        if (!reported.has(key)) diagnostics.push(cause.diagnostic);
        reported.add(key);
      }
    }
    return fresh;
  }

  private fail(diagnostics: Diagnostic[], report: (ok: boolean, pages: number, totalPages: number) => RebuildReport): RebuildReport {
    this.forceFull = true;
    this.diagnostics = sortDiagnostics(diagnostics);
    return report(false, 0, 0);
  }

  private reportLate(diagnostic: Diagnostic): void {
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.message}`;
    if (this.lateProblems.has(key)) return;
    this.lateProblems.add(key);
    this.diagnostics = sortDiagnostics([...this.diagnostics, diagnostic]);
    this.onPageProblem?.(diagnostic);
  }
}

/**
 * The bodies the site's last `gazette build` left in its cache
 * (`.gazette-cache/`), read once for the session's first build, which then
 * renders only the bodies changed since; undefined when there is no cache.
 * The cache is never written from here.
 */
function storedBodies(root: string): StoredBodies | undefined {
  const dir = join(root, CACHE_DIR_NAME);
  if (!existsSync(dir)) return undefined;
  const cache = BuildCache.open(dir);
  return (source, settings, targets) => {
    const article = source.article;
    if (!article || source.textHash === undefined) return undefined;
    const body = cache.storedBody(article.contentPath, source.textHash, settings, targets);
    if (!body) return undefined;
    return { output: { html: body.html, firstParagraph: body.firstParagraph, diagnostics: [] }, dependencies: body.dependencies };
  };
}
