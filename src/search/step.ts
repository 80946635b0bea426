/**
 * The search index as an asset step (`src/plan/steps.ts`): its files enter
 * the route table like any other output. The index is built when planned
 * (the shards' names depend on the words), from each article's Markdown
 * text, never its HTML; `check` plans only the files known without reading
 * a body (meta and record chunks).
 */
import type { AssetRoute, AssetStep } from "../plan/assets.js";
import { fixedSearchPaths, SEARCH_SOURCE, searchEnabled, searchFiles } from "./search.js";

/** The search index's routes: every index file, or with `pathsOnly` the fixed ones. */
export const searchStep: AssetStep = ({ model, context }) => {
  if (!searchEnabled(model)) return [];
  if (context.pathsOnly) {
    return fixedSearchPaths(model).map((path): AssetRoute => ({ kind: "derived", path, source: SEARCH_SOURCE, produce: () => "", readsHtml: false }));
  }
  const source = context.searchTerms ?? { body: (article) => article.body };
  return searchFiles(model, source, context.timings).map(
    (file): AssetRoute => ({ kind: "derived", path: file.path, source: SEARCH_SOURCE, produce: () => file.data, readsHtml: false }),
  );
};
