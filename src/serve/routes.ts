/**
 * The served site's route table: the plan stage's table (`plan/routes.ts`)
 * with generated files and derived assets produced when asked for, and kept
 * across rebuilds that change only article bodies.
 */
import type { Diagnostic } from "../diagnostics.js";
import { hasErrors } from "../diagnostics.js";
import type { FoundFile } from "../load/files.js";
import type { SiteModel } from "../model/site.js";
import { planPages, type PagePlan } from "../render/pages.js";
import type { Theme } from "../render/templates.js";
import { planRoutes, type Route, type RouteTable } from "../plan/routes.js";
import { LazySearchIndex, SEARCH_SOURCE, type TermsSource } from "../search/search.js";
import type { ImageStep } from "../images/step.js";

/** What an output path resolves to. */
export type Resolved = { kind: "page"; plan: PagePlan } | { kind: "text"; text: string | Uint8Array } | { kind: "file"; absPath: string };

/** The files a site copies besides the theme's assets. */
export interface CopiedFiles {
  assets: readonly FoundFile[];
  staticFiles: readonly FoundFile[];
}

/** Every output path of one model and theme; paths are POSIX, relative to the output root (`hoi-thao/index.html`). */
export class SiteRoutes {
  private readonly produced = new Map<string, string | Uint8Array>();

  private constructor(
    private readonly model: SiteModel,
    private readonly table: RouteTable,
    /** The page plans, in plan order. */
    readonly pages: PagePlan[],
    /** The search index, built when first asked for (its shards' paths depend on the words). */
    private readonly search: LazySearchIndex | undefined,
    private readonly terms: TermsSource | undefined,
  ) {}

  /** Unknown layouts and output paths claimed twice. */
  get diagnostics(): Diagnostic[] {
    return this.table.diagnostics;
  }

  /**
   * Plans the routes of `model` with `theme`: photos as their derivatives when
   * `images` is given; `terms` feed the search index, built when first asked
   * for (only its fixed files are planned, for the duplicate checks).
   */
  static plan(model: SiteModel, theme: Theme, files: CopiedFiles, cwd: string, terms?: TermsSource, images?: ImageStep): SiteRoutes {
    const table = planRoutes(model, theme, { content: files.assets, static: files.staticFiles }, cwd, { pathsOnly: true, ...(images ? { images } : {}) });
    return new SiteRoutes(model, table, table.plans, terms && new LazySearchIndex(model, terms), terms);
  }

  /**
   * The same routes for `model`, a model of the same shape (same articles and
   * listings; only article bodies differ); undefined when its pages do not line up.
   */
  replan(model: SiteModel): SiteRoutes | undefined {
    // Derived assets may depend on any body: they are planned again (the search index is built anew, lazily, below).
    if (hasErrors(this.table.diagnostics) || this.table.routes.some((r) => r.kind === "derived" && r.source !== SEARCH_SOURCE)) return undefined;
    const pages = planPages(model);
    // Same articles and listings give the same plans in the same order; check the ends cheaply.
    const same = (a: PagePlan | undefined, b: PagePlan | undefined) => a?.outputPath === b?.outputPath && a?.template === b?.template;
    if (pages.length !== this.pages.length || !same(pages[0], this.pages[0]) || !same(pages.at(-1), this.pages.at(-1))) return undefined;
    return new SiteRoutes(model, this.table, pages, this.terms && new LazySearchIndex(model, this.terms), this.terms);
  }

  /** What `path` resolves to; undefined when the site has no such file. */
  get(path: string): Resolved | undefined {
    // The search index's files come from the lazy index (its term shards are in no table).
    const text = this.search?.get(path);
    if (text !== undefined) return { kind: "text", text };
    const route = this.table.byPath.get(path);
    if (!route) return undefined;
    if (route.kind === "page") return { kind: "page", plan: this.pages[route.index]! };
    if (route.kind === "file") return { kind: "file", absPath: route.absPath };
    return { kind: "text", text: this.produce(route) };
  }

  /** Every output path, in the order a build lists its files. */
  paths(): string[] {
    const paths = this.table.routes.map((r) => r.path);
    const planned = new Set(paths);
    for (const path of this.search?.paths() ?? []) if (!planned.has(path)) paths.push(path);
    return paths;
  }

  private produce(route: Extract<Route, { kind: "generated" | "derived" }>): string | Uint8Array {
    let data = this.produced.get(route.path);
    if (data === undefined) {
      data = route.kind === "generated" ? route.render(this.model) : route.produce();
      this.produced.set(route.path, data);
    }
    return data;
  }
}
