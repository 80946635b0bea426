/**
 * The URL of a front-matter image (cover) as the templates need it.
 */
import { isExternal, resolveContentPath, siteUrl, splitHref } from "../load/paths.js";

/** Resolves an image src written in front-matter of `contentPath` to its URL in the output. */
export function resolveImageSrc(contentPath: string, src: string, basePath: string): string {
  if (isExternal(src)) return src;
  if (src.startsWith("/")) return basePath + src.slice(1);
  const { path, suffix } = splitHref(src);
  const resolved = resolveContentPath(contentPath, path);
  return resolved === undefined ? src : siteUrl(basePath, resolved) + suffix;
}
