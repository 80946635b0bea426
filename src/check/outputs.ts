/**
 * What the render stage of a build validates, found without rendering: page
 * templates named by `layout:` exist, and no two sources claim one output
 * file (a page and a static file, say). Same codes and messages as the build.
 */
import { relative } from "node:path";
import type { Project } from "../build.js";
import { error, type Diagnostic } from "../diagnostics.js";
import type { SiteModel } from "../model/site.js";
import { planPages } from "../render/pages.js";
import { fixedSearchPaths, SEARCH_SOURCE } from "../search/search.js";

/** Problems the build would find while rendering `model`'s pages and collecting its files. */
export function checkOutputs(model: SiteModel, project: Project, cwd: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const theme = project.theme;
  if (!theme) return diagnostics;
  const owners = new Map<string, string>();
  const claim = (path: string, source: string) => {
    const other = owners.get(path);
    if (other !== undefined) diagnostics.push(error("duplicate-url.output", { path, other, source }, { file: source }));
    else owners.set(path, source);
  };
  const lines = new Map(model.articles.map((a) => [`${a.path}index.html`, a.fieldLines.layout]));
  for (const [index, plan] of planPages(model).entries()) {
    if (!theme.has(plan.template)) {
      diagnostics.push(error("layout", { name: plan.template }, {
        file: plan.source,
        line: lines.get(plan.outputPath),
      }));
      continue;
    }
    // Article pages come first: two articles with one slug were reported by the selection already.
    if (index < model.articles.length && owners.has(plan.outputPath)) continue;
    claim(plan.outputPath, plan.source);
  }
  const generated = model.config.baseUrl ? ["feed.xml", "sitemap.xml", "robots.txt"] : ["robots.txt"];
  for (const path of generated) claim(path, `the generated ${path}`);
  for (const asset of [...theme.assets, ...project.loaded.assets, ...project.loaded.staticFiles]) claim(asset.path, relative(cwd, asset.absPath));
  // The term shards' names depend on the words; the rest of the index is known without reading them.
  for (const path of fixedSearchPaths(model)) claim(path, SEARCH_SOURCE);
  return diagnostics;
}
