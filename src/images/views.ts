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
  const path = resolveContentPath(article.contentPath, splitHref(image.src).path);
  const entry = path === undefined ? undefined : model.imageSets[path];
  return entry === undefined || isProblem(entry) ? undefined : entry;
}
