/**
 * The image asset step as the build orchestrators call it (build, check,
 * serve): a small API over `prepareImages`, so the step can be moved as a
 * whole when the orchestrators change.
 */
import { createHash } from "node:crypto";
import { warning, type Diagnostic } from "../diagnostics.js";
import type { FoundFile } from "../load/files.js";
import { isExternal, resolveContentPath, splitHref } from "../load/paths.js";
import type { LoadedArticle, SiteConfig } from "../types.js";
import { isImageAsset, prepareImages, type PreparedImages } from "./assets.js";
import { ImageStore, type StoreAccess } from "./cache.js";
import { isProblem, isSvg, type ImageEntry } from "./plan.js";
import { imageProblemDiagnostic } from "./problems.js";
import { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from "./settings.js";

/** What the step gives the rest of the build. */
export interface ImageStep {
  prepared: PreparedImages;
  store: ImageStore;
  settings: ImageSettings;
  /** Raster images and SVGs by content path, with unsafe SVGs as problems: what the Markdown stage and views read. */
  entries: Record<string, ImageEntry>;
}

/** Options of the step: the build cache folder (undefined: a temporary store), whether to make derivatives now. */
export interface ImageStepOptions {
  cacheDir: string | undefined;
  decode: boolean;
  /** Stamps newer than this are not trusted (default: 3 s before now). */
  stampsBefore?: number;
  /** What may be written to the store (see `ImageStore.open`); default "write". */
  access?: StoreAccess;
}

/** The image settings of a config (defaults when it has none). */
export function imageSettings(config: SiteConfig): ImageSettings {
  return config.images ?? DEFAULT_IMAGE_SETTINGS;
}

/** Runs the asset step on the files under content/. Call `store.dispose()` when the build is done. */
export async function runImageStep(assets: readonly FoundFile[], config: SiteConfig, options: ImageStepOptions): Promise<ImageStep> {
  const settings = imageSettings(config);
  const store = ImageStore.open(options.cacheDir, options.access);
  const prepared = await prepareImages(assets, settings, store, { decode: options.decode, stampsBefore: options.stampsBefore ?? Date.now() - 3000 });
  const entries: Record<string, ImageEntry> = { ...prepared.entries };
  for (const [path, reason] of Object.entries(prepared.unsafeSvgs)) entries[path] = { problem: reason, code: "unsafe-svg" };
  return { prepared, store, settings, entries };
}

/** One file to publish: its output path, and the file to copy. */
export interface PublishedAsset {
  path: string;
  absPath: string;
  /** The file under content/ it comes from (absolute), for messages. */
  source: string;
}

/**
 * The files under content/ the output gets, in path order: every file that
 * is not an image as it is, safe SVGs as they are, and photos as their
 * derivatives (never their originals, unless `images.originals`).
 */
export function publishedAssets(assets: readonly FoundFile[], step: ImageStep): PublishedAsset[] {
  const copied = assets.filter((a) => !isImageAsset(a.path) || (isSvg(a.path) && !isProblem(step.entries[a.path])));
  const byPath = new Map(assets.map((a) => [a.path, a.absPath]));
  const made = step.prepared.outputs.map((o) => ({ path: o.path, absPath: o.copyFrom, source: byPath.get(o.source) ?? o.copyFrom }));
  return [...copied.map((a) => ({ path: a.path, absPath: a.absPath, source: a.absPath })), ...made].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Errors for covers that name an image which cannot be published (body images are reported by the Markdown stage). */
export function coverImageProblems(articles: readonly LoadedArticle[], entries: Readonly<Record<string, ImageEntry>>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  // Usually no photo has a problem: then no cover path need be resolved (serve calls this on every edit).
  if (!Object.values(entries).some(isProblem)) return problems;
  for (const article of articles) {
    const src = article.cover?.src;
    if (src === undefined || isExternal(src) || src.startsWith("/")) continue;
    const path = resolveContentPath(article.contentPath, splitHref(src).path);
    const entry = path === undefined ? undefined : entries[path];
    if (!isProblem(entry)) continue;
    const at = { file: article.displayPath, line: article.fieldLines.cover };
    problems.push(imageProblemDiagnostic(entry, path!, src, at, "cover"));
  }
  return problems;
}

/** `check`'s warnings for originals over 20 MB or 50 megapixels. */
export function largeImageWarnings(step: ImageStep, contentDisplay: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const [path, size] of Object.entries(step.prepared.sizes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const mb = size.bytes > 20 * 1024 * 1024 ? (size.bytes / 1024 / 1024).toFixed(1) : undefined;
    const megapixels = size.pixels > 50_000_000 ? Math.round(size.pixels / 1e6) : undefined;
    if (mb === undefined && megapixels === undefined) continue;
    const detail = [mb !== undefined ? `${mb} MB` : "", megapixels !== undefined ? `${megapixels} megapixels` : ""].filter(Boolean).join(" + ");
    warnings.push(warning("image-too-large", { detail, ...(mb !== undefined ? { mb } : {}), ...(megapixels !== undefined ? { megapixels } : {}) }, { file: `${contentDisplay}/${path}` }));
  }
  return warnings;
}

/** A digest of each image's entry: a cached body that used an image is reused only while its digest is the same. */
export function imageDigests(entries: Readonly<Record<string, ImageEntry>>): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [path, entry] of Object.entries(entries)) digests[path] = createHash("sha1").update(JSON.stringify(entry)).digest("base64url");
  return digests;
}
