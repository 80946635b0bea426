/**
 * Finding the derivative set of a front-matter image (a cover) for the views.
 */
import { isExternal, resolveContentPath, splitHref } from "../load/paths.js";
import type { SiteModel } from "../model/site.js";
import type { ImageMeta } from "../types.js";
import { isProblem, type ImageSet } from "./plan.js";

/** The derivative set of `image` written in the front-matter of `article`, when it is a photo. */
export function coverSet(model: Pick<SiteModel, "imageSets">, article: { contentPath: string }, image: ImageMeta): ImageSet | undefined {
  if (!model.imageSets || isExternal(image.src) || image.src.startsWith("/")) return undefined;
  const path = coverPath(article.contentPath, image);
  const entry = path === undefined ? undefined : model.imageSets[path];
  return entry === undefined || isProblem(entry) ? undefined : entry;
}

/** Cover paths found, by front-matter image: every page showing an article's card or cover looks its cover up again. */
const coverPaths = new WeakMap<ImageMeta, { from: string; src: string; path: string | undefined }>();

function coverPath(from: string, image: ImageMeta): string | undefined {
  const known = coverPaths.get(image);
  if (known && known.from === from && known.src === image.src) return known.path;
  const path = resolveContentPath(from, splitHref(image.src).path);
  coverPaths.set(image, { from, src: image.src, path });
  return path;
}
