/**
 * The plan stage: one route table of every output file of a site — each page,
 * each generated file (feed.xml, sitemap.xml, robots.txt) and each asset —
 * with the source it comes from. The checks on outputs live here and only
 * here: unknown layouts, two sources claiming one output path. `build`
 * renders and writes the table, `check` only plans it, `serve` answers
 * requests from it.
 */
import { error, warning, type Diagnostic } from "../diagnostics.js";
import type { SiteModel } from "../model/site.js";
import { renderFeed, renderRobots, renderSitemap } from "../render/feeds.js";
import { planPages, type PagePlan } from "../render/pages.js";
import type { Theme } from "../render/templates.js";
import { planAssets, type AssetContext, type AssetRoute, type AssetSources } from "./assets.js";

/** A generated text file: its path and how it is rendered from the model. */
export interface GeneratedFile {
  path: string;
  render: (model: SiteModel) => string;
}

/** One output file and where it comes from; `path` is POSIX, relative to the output root (`hoi-thao/index.html`). */
export type Route =
  | { kind: "page"; path: string; source: string; /** index in `RouteTable.plans` */ index: number }
  | { kind: "generated"; path: string; source: string; render: (model: SiteModel) => string }
  | AssetRoute;

/** Every output file of one model, in the order a build lists them, and what planning found wrong. */
export interface RouteTable {
  /** Every page plan of the model, in plan order (a page's index is its place here). */
  plans: PagePlan[];
  /** The routes claimed, in order: pages, generated files, assets. */
  routes: Route[];
  /** Routes by output path. */
  byPath: Map<string, Route>;
  /** Unknown layouts and output paths claimed twice. */
  diagnostics: Diagnostic[];
}

/** The generated files of the site: feed and sitemap need absolute URLs, so they exist only with `baseUrl`. */
export function generatedFiles(model: SiteModel): GeneratedFile[] {
  const all: GeneratedFile[] = [];
  if (model.config.baseUrl) all.push({ path: "feed.xml", render: (m) => renderFeed(m)! }, { path: "sitemap.xml", render: (m) => renderSitemap(m)! });
  all.push({ path: "robots.txt", render: renderRobots });
  return all;
}

/** The warning of a site without `baseUrl` (its feed, sitemap and canonical URLs are left out); undefined when it has one. */
export function missingBaseUrl(model: SiteModel): Diagnostic | undefined {
  if (model.config.baseUrl) return undefined;
  return warning("base-url", {});
}

/** Plans every output file of `model` with `theme` and the site's files; `cwd` is what sources are named relative to; `context` feeds the asset steps. */
export function planRoutes(model: SiteModel, theme: Pick<Theme, "has" | "assets">, files: Omit<AssetSources, "theme">, cwd: string, context: AssetContext = {}): RouteTable {
  const plans = planPages(model);
  const table: RouteTable = { plans, routes: [], byPath: new Map(), diagnostics: [] };
  const claim = (route: Route): void => {
    const other = table.byPath.get(route.path);
    if (other !== undefined) {
      table.diagnostics.push(error("duplicate-url.output", { path: route.path, other: other.source, source: route.source }, { file: route.source }));
      return;
    }
    table.byPath.set(route.path, route);
    table.routes.push(route);
  };
  let layoutLines: Map<string, number | undefined> | undefined;
  plans.forEach((plan, index) => {
    if (!theme.has(plan.template)) {
      layoutLines ??= new Map(model.articles.map((a) => [`${a.path}index.html`, a.fieldLines.layout]));
      table.diagnostics.push(error("layout", { name: plan.template }, {
        file: plan.source,
        line: layoutLines.get(plan.outputPath),
      }));
      return;
    }
    // Two articles with one slug were reported when the articles were selected.
    if (index < model.articles.length && table.byPath.has(plan.outputPath)) return;
    claim({ kind: "page", path: plan.outputPath, source: plan.source, index });
  });
  for (const file of generatedFiles(model)) claim({ kind: "generated", path: file.path, source: `the generated ${file.path}`, render: file.render });
  for (const asset of planAssets(model, { theme: theme.assets, ...files }, cwd, context)) claim(asset);
  return table;
}
