/**
 * The `unpublished-image` rule of `gazette check`. Every photo under content/
 * is published (as its derivatives, metadata stripped) whether an article
 * uses it or not; a photo that only a draft or an article dated in the future
 * uses is therefore public before its article. This rule says so, at the
 * place the unpublished article uses it.
 */
import { warning, type Diagnostic } from "../diagnostics.js";
import type { ImageStep } from "../images/step.js";
import { isProblem, isRaster } from "../images/plan.js";
import { isExternal, resolveContentPath, splitHref } from "../load/paths.js";
import type { LoadedArticle } from "../types.js";
import type { CheckedArticle } from "./lint.js";

/** Inline link and image destinations (`](dest`, `](<dest>`) and reference definitions (`[x]: dest`). */
const DESTINATIONS = /\]\(\s*(<[^>\n]*>|[^)\s]+)|^\s{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm;

/** One warning per JPEG or PNG under content/ used by an unpublished article (draft, or dated in the future) and by no published one. */
export function lintUnpublishedImages(checked: readonly CheckedArticle[], all: readonly LoadedArticle[], images: ImageStep): Diagnostic[] {
  const sourceOf = new Map(images.prepared.outputs.map((o) => [o.path, o.source]));
  const photo = (from: string, url: string): string | undefined => {
    if (isExternal(url)) return undefined;
    const href = splitHref(url).path;
    const path = href.startsWith("/") ? resolveContentPath("index.md", href.slice(1)) : resolveContentPath(from, href);
    if (path === undefined) return undefined;
    const source = sourceOf.get(path) ?? path;
    const entry = images.entries[source];
    return isRaster(source) && entry !== undefined && !isProblem(entry) ? source : undefined;
  };
  const used = new Set<string>();
  const published = new Set<LoadedArticle>();
  for (const { article, references } of checked) {
    published.add(article);
    for (const src of [article.cover?.src, ...article.images.map((i) => i.src), ...references.map((r) => r.url)]) {
      const path = src === undefined ? undefined : photo(article.contentPath, src);
      if (path !== undefined) used.add(path);
    }
  }
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  const report = (article: LoadedArticle, url: string, line: number | undefined) => {
    const path = photo(article.contentPath, url);
    if (path === undefined || used.has(path) || reported.has(path)) return;
    reported.add(path);
    out.push(warning("unpublished-image", { path, draft: article.draft }, { file: article.displayPath, ...(line !== undefined ? { line } : {}) }));
  };
  for (const article of all) {
    if (published.has(article)) continue;
    if (article.cover) report(article, article.cover.src, article.fieldLines.cover);
    for (const image of article.images) report(article, image.src, article.fieldLines.images);
    article.body.split("\n").forEach((text, index) => {
      for (const match of text.matchAll(DESTINATIONS)) report(article, (match[1] ?? match[2]!).replace(/^<|>$/g, ""), article.bodyLine + index);
    });
  }
  return out;
}
