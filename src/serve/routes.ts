/**
 * The served site's table of output paths, planned without rendering: every
 * page plan, the generated feed, sitemap and robots.txt (rendered when asked
 * for), and the files served from their source paths. It is built in the
 * order `renderSite` adds output files and reports the same problems: unknown
 * layouts and two sources claiming one output path.
 */
import { relative } from "node:path";
import { error, type Diagnostic } from "../diagnostics.js";
import type { FoundFile } from "../load/files.js";
import type { ModelArticle, SiteModel } from "../model/site.js";
import { renderFeed, renderRobots, renderSitemap } from "../render/feeds.js";
import { planPages, type PagePlan } from "../render/pages.js";
import type { Theme } from "../render/templates.js";
import { LazySearchIndex, type TermsSource } from "../search/search.js";

/** How one output path is made; independent of the model's data, so models of one shape share it. */
type Route =
  | { kind: "page"; index: number }
  | { kind: "generated"; render: (model: SiteModel) => string | undefined }
  | { kind: "file"; absPath: string };

/** What an output path resolves to. */
export type Resolved = { kind: "page"; plan: PagePlan } | { kind: "text"; text: string } | { kind: "file"; absPath: string };

/** The files a site copies besides the theme's assets. */
export interface CopiedFiles {
  assets: readonly FoundFile[];
  staticFiles: readonly FoundFile[];
}

/** Every output path of one model and theme; paths are POSIX, relative to the output root (`hoi-thao/index.html`). */
export class SiteRoutes {
  private readonly generated = new Map<string, string | undefined>();
  /** The search index, built when first asked for (its paths depend on the words). */
  private readonly search: LazySearchIndex | undefined;

  private constructor(
    private readonly model: SiteModel,
    private readonly routes: Map<string, Route>,
    /** The page plans, in plan order. */
    readonly pages: PagePlan[],
    /** Unknown layouts and output paths claimed twice. */
    readonly diagnostics: Diagnostic[],
    private readonly terms: TermsSource | undefined,
  ) {
    if (terms) this.search = new LazySearchIndex(model, terms);
  }

  /** Plans the routes of `model` with `theme`, in the order a build adds its output files; `terms` feed the search index. */
  static plan(model: SiteModel, theme: Theme, files: CopiedFiles, cwd: string, terms?: TermsSource): SiteRoutes {
    const diagnostics: Diagnostic[] = [];
    const routes = new Map<string, Route>();
    const pages: PagePlan[] = [];
    const site = new SiteRoutes(model, routes, pages, diagnostics, terms);
    const owners = new Map<string, string>();
    const add = (path: string, route: Route, source: string): void => {
      const other = owners.get(path);
      const existing = routes.get(path);
      const absent = existing?.kind === "generated" && site.text(path, existing) === undefined;
      if (other !== undefined && !absent) {
        diagnostics.push(error("duplicate-url.output", { path, other, source }, { file: source }));
        return;
      }
      owners.set(path, source);
      routes.set(path, route);
    };

    let byPage: Map<string, ModelArticle> | undefined;
    for (const plan of planPages(model)) {
      if (!theme.has(plan.template)) {
        byPage ??= new Map(model.articles.map((a) => [`${a.path}index.html`, a]));
        diagnostics.push(error("layout", { name: plan.template }, {
          file: plan.source,
          line: byPage.get(plan.outputPath)?.fieldLines.layout,
        }));
        continue;
      }
      add(plan.outputPath, { kind: "page", index: pages.length }, plan.source);
      pages.push(plan);
    }
    for (const [path, render] of [["feed.xml", renderFeed], ["sitemap.xml", renderSitemap], ["robots.txt", renderRobots]] as const) {
      add(path, { kind: "generated", render }, `the generated ${path}`);
    }
    for (const file of [...theme.assets, ...files.assets, ...files.staticFiles]) {
      add(file.path, { kind: "file", absPath: file.absPath }, relative(cwd, file.absPath));
    }
    return site;
  }

  /**
   * The same routes for `model`, a model of the same shape (same articles and
   * listings; only article bodies differ); undefined when its pages do not line up.
   */
  replan(model: SiteModel): SiteRoutes | undefined {
    if (this.diagnostics.length > 0) return undefined;
    const pages = planPages(model);
    // Same articles and listings give the same plans in the same order; check the ends cheaply.
    const same = (a: PagePlan | undefined, b: PagePlan | undefined) => a?.outputPath === b?.outputPath && a?.template === b?.template;
    if (pages.length !== this.pages.length || !same(pages[0], this.pages[0]) || !same(pages.at(-1), this.pages.at(-1))) return undefined;
    return new SiteRoutes(model, this.routes, pages, [], this.terms);
  }

  /** What `path` resolves to; undefined when the site has no such file. */
  get(path: string): Resolved | undefined {
    const route = this.routes.get(path);
    if (!route) {
      const text = this.search?.get(path);
      return text === undefined ? undefined : { kind: "text", text };
    }
    if (route.kind === "page") return { kind: "page", plan: this.pages[route.index]! };
    if (route.kind === "file") return route;
    const text = this.text(path, route);
    return text === undefined ? undefined : { kind: "text", text };
  }

  /** Every output path, in the order a build lists its files. */
  *paths(): IterableIterator<string> {
    yield* this.routes.keys();
    for (const path of this.search?.paths() ?? []) if (!this.routes.has(path)) yield path;
  }

  private text(path: string, route: Extract<Route, { kind: "generated" }>): string | undefined {
    if (!this.generated.has(path)) this.generated.set(path, route.render(this.model));
    return this.generated.get(path);
  }
}
