/**
 * Rewrites the hrefs and image srcs written in one Markdown file into output
 * URLs, reporting those that point at nothing.
 */
import type { Nodes } from "mdast";
import { error, type Diagnostic } from "../diagnostics.js";
import { isExternal, resolveContentPath, siteUrl, splitHref } from "../load/paths.js";
import { isProblem, type ImageEntry, type ImageSet } from "../images/plan.js";
import { pictureView, SIZES } from "../images/markup.js";
import { imageProblemDiagnostic } from "../images/problems.js";

/** The parts of a render's input that URL rewriting needs. */
export interface UrlContext {
  contentPath: string;
  displayPath: string;
  basePath: string;
  bodyLine: number;
  articleUrls: Record<string, string>;
  assets: readonly string[];
  /** Photos (derivative sets) and images that cannot be published, by content path (see `src/images/`). */
  imageSets?: Readonly<Record<string, ImageEntry>> | undefined;
}

/** A missing image or link target, as a catalog key and its arguments. */
type MissingTarget =
  | { key: "missing-image"; args: { url: string; outside: boolean } }
  | { key: "broken-link.article" | "broken-link.file"; args: { url: string } };

/** Where a URL was written: an mdast node's position. */
export type Where = Nodes["position"];

/** Turns URLs as written into output URLs; each call may append a diagnostic. */
export interface UrlRewriter {
  /** Rewrites an image src; a relative one must name a file under content/. */
  image(url: string, where: Where): string;
  /** Rewrites a link href; a relative one must name an article (`.md`) or a file under content/. */
  link(url: string, where: Where): string;
  /** The derivative set of the photo an image src (as written) names, if it is one. */
  setOf(url: string): ImageSet | undefined;
}

// The asset list is the same large array for every article of a build: index it once.
const assetSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function assetSet(assets: readonly string[]): ReadonlySet<string> {
  let set = assetSets.get(assets);
  if (!set) {
    set = new Set(assets);
    assetSets.set(assets, set);
  }
  return set;
}

/**
 * Creates the rewriter for one file, reporting problems into `diagnostics`.
 * With `dependencies`, each content path whose presence shaped a URL is
 * appended to it: `a:2023/x.md` for an article looked up, `f:images/a.png`
 * for a file (so a cached output can be checked against a later build).
 */
export function createUrlRewriter(context: UrlContext, diagnostics: Diagnostic[], dependencies?: string[]): UrlRewriter {
  const { contentPath, basePath, articleUrls } = context;
  let assets: ReadonlySet<string> | undefined;
  const hasAsset = (path: string | undefined): path is string => {
    if (path === undefined) return false;
    dependencies?.push(`f:${path}`);
    return (assets ??= assetSet(context.assets)).has(path);
  };

  const report = (problem: MissingTarget, where: Where): void => {
    diagnostics.push(
      error(problem.key, problem.args as never, {
        file: context.displayPath,
        line: where ? where.start.line + context.bodyLine - 1 : undefined,
        column: where?.start.column,
      }),
    );
  };

  /** Handles what never needs checking; returns undefined for a relative path. */
  const passThrough = (url: string): string | undefined => {
    if (url === "" || url.startsWith("#") || url.startsWith("?") || isExternal(url)) return url;
    if (url.startsWith("/")) return basePath + url.slice(1);
    return undefined;
  };

  // Images: a photo is published as derivatives (its original only with `images.originals`); a broken one is an error here, where it is used.
  const imageEntry = (path: string, url: string, where: Where): ImageSet | undefined | false => {
    const entry = Object.hasOwn(context.imageSets ?? {}, path) ? context.imageSets![path] : undefined;
    if (entry === undefined) return undefined;
    dependencies?.push(`i:${path}`);
    if (!isProblem(entry)) return entry;
    const at = { file: context.displayPath, line: where ? where.start.line + context.bodyLine - 1 : undefined, column: where?.start.column };
    diagnostics.push(imageProblemDiagnostic(entry, path, url, at));
    return false;
  };
  const setOf = (url: string): ImageSet | undefined => {
    if (passThrough(url) !== undefined) return undefined;
    const resolved = resolveContentPath(contentPath, splitHref(url).path);
    const entry = resolved === undefined ? undefined : context.imageSets?.[resolved];
    return entry === undefined || isProblem(entry) ? undefined : entry;
  };

  return {
    setOf,
    image(url, where) {
      const fixed = passThrough(url);
      if (fixed !== undefined) return fixed;
      const { path, suffix } = splitHref(url);
      const resolved = resolveContentPath(contentPath, path);
      if (hasAsset(resolved)) {
        const set = imageEntry(resolved, url, where);
        if (set) return pictureView(set, basePath, SIZES.figure).src;
        return siteUrl(basePath, resolved) + suffix;
      }
      report({ key: "missing-image", args: { url, outside: resolved === undefined } }, where);
      return url;
    },
    link(url, where) {
      const fixed = passThrough(url);
      if (fixed !== undefined) return fixed;
      const { path, suffix } = splitHref(url);
      const resolved = resolveContentPath(contentPath, path);
      if (/\.md$/i.test(path)) {
        if (resolved !== undefined) dependencies?.push(`a:${resolved}`);
        const target = resolved !== undefined && Object.hasOwn(articleUrls, resolved) ? articleUrls[resolved] : undefined;
        if (target !== undefined) return target + suffix;
        report({ key: "broken-link.article", args: { url } }, where);
        return url;
      }
      if (hasAsset(resolved)) {
        const set = imageEntry(resolved, url, where);
        if (set) return pictureView(set, basePath, SIZES.figure).full;
        return siteUrl(basePath, resolved) + suffix;
      }
      report({ key: "broken-link.file", args: { url } }, where);
      return url;
    },
  };
}
