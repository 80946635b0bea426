/**
 * The asset step for images: every JPEG and PNG under content/ gets its
 * derivative set (header read, derivatives made or found in the store), every
 * SVG is checked. Runs before the bodies are rendered, so that pages know the
 * size of every photo. Returns plain data; problems are reported where an
 * article uses the image (see `imageProblems` and the Markdown stage).
 */
import { readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { readHeader, makeDerivatives, ImageFaultError, type ImageHeader } from "./derive.js";
import { bytesHash, entryHas, storeName, type ImageStore } from "./cache.js";
import { faultProblem, isRaster, isSvg, planImageSet, type ImageEntry, type ImageProblem, type ImageSet } from "./plan.js";
import type { ImageSettings } from "./settings.js";
import { unsafeSvgReason } from "./svg.js";

/** A file under content/: its content path and absolute path. */
export interface ContentFile {
  path: string;
  absPath: string;
}

/** How to prepare: make missing derivatives (`build`) or only read headers (`check`, `serve` until requested). */
export interface PrepareOptions {
  decode: boolean;
  /** Stamps of files changed after this (ms since the epoch) are not trusted (see the article loader's). */
  stampsBefore: number;
  /** Photos worked on at once (default: two per core, at most 4, the size of Node's thread pool that runs sharp). */
  concurrency?: number;
}

/** A file to publish from the store. */
export interface StoredOutput {
  /** Output path (content path of the derivative). */
  path: string;
  /** Absolute path of the file in the store. */
  copyFrom: string;
  /** Content path of the photo it comes from. */
  source: string;
}

/** Sizes `check` looks at. */
export interface OriginalSize {
  bytes: number;
  pixels: number;
}

/** What the asset step found and made. */
export interface PreparedImages {
  /** Raster images by content path: their set, or their problem. */
  entries: Record<string, ImageEntry>;
  /** Unsafe SVGs by content path: what was found in them. */
  unsafeSvgs: Record<string, string>;
  /** Derivatives (and originals, when published) to copy into the output. */
  outputs: StoredOutput[];
  /** The originals' sizes, by content path. */
  sizes: Record<string, OriginalSize>;
  /** Without `decode`: the photos whose derivatives are not in the store yet (listed in `outputs` all the same; see `makePending`). */
  pending: Record<string, ContentFile>;
  /** Photos decoded by this step, and photos whose derivatives were all in the store. */
  stats: { photos: number; decoded: number; cached: number };
}

/** True for files the asset step handles rather than copying them as they are. */
export function isImageAsset(path: string): boolean {
  return isRaster(path) || isSvg(path);
}

/** Reads, checks and (with `decode`) makes the derivatives of every image among `files`. */
export async function prepareImages(files: readonly ContentFile[], settings: ImageSettings, store: ImageStore, options: PrepareOptions): Promise<PreparedImages> {
  const result: PreparedImages = { entries: {}, unsafeSvgs: {}, outputs: [], sizes: {}, pending: {}, stats: { photos: 0, decoded: 0, cached: 0 } };
  const rasters = files.filter((f) => isRaster(f.path));
  for (const file of files) {
    if (!isSvg(file.path)) continue;
    const reason = unsafeSvgReason(readFileSync(file.absPath, "utf8"));
    if (reason !== undefined) result.unsafeSvgs[file.path] = reason;
  }
  result.stats.photos = rasters.length;
  const prepared: (ImageEntry | undefined)[] = new Array(rasters.length);
  let next = 0;
  const lane = async () => {
    while (next < rasters.length) {
      const index = next++;
      prepared[index] = await prepareOne(rasters[index]!, settings, store, options, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? Math.min(4, availableParallelism() * 2)) }, lane));
  // In path order whatever finished first: the output lists are the same on every run.
  rasters.forEach((file, index) => {
    const entry = prepared[index]!;
    result.entries[file.path] = entry;
  });
  result.outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  store.save();
  return result;
}

async function prepareOne(file: ContentFile, settings: ImageSettings, store: ImageStore, options: PrepareOptions, result: PreparedImages): Promise<ImageEntry> {
  const known = store.knownHash(file.path, file.absPath, options.stampsBefore);
  let bytes: Buffer | undefined;
  let hash = known.hash;
  if (hash === undefined) {
    try {
      bytes = readFileSync(file.absPath);
    } catch (cause) {
      return faultProblem({ kind: "unreadable", code: (cause as NodeJS.ErrnoException).code ?? String(cause) });
    }
    hash = bytesHash(bytes);
  }
  const entryDir = store.entryDir(hash, settings);
  let header = store.header(entryDir);
  if (header) {
    const set = planImageSet(file.path, header.width, header.height, header.format, settings);
    if (entryHas(entryDir, storedNames(set))) {
      store.markUsed(entryDir);
      store.rememberHash(file.path, hash, known.stamp);
      result.stats.cached++;
      return publish(file, set, header, entryDir, result, known.stamp?.size);
    }
  }
  bytes ??= readFileSync(file.absPath);
  const read = await readHeader(bytes);
  if ("problem" in read) return read;
  header = read;
  const set = planImageSet(file.path, header.width, header.height, header.format, settings);
  if (!options.decode) {
    result.pending[file.path] = file;
    return publish(file, set, header, entryDir, result, bytes.byteLength);
  }
  let made;
  try {
    made = await makeDerivatives(bytes, set, settings);
  } catch (cause) {
    return decodeProblem(cause);
  }
  result.stats.decoded++;
  const names = new Map(storedFiles(set).map((f) => [f.path, f.name]));
  store.commit(entryDir, made.map((m) => ({ name: names.get(m.path)!, data: m.data })), header);
  store.markUsed(entryDir);
  store.rememberHash(file.path, hash, known.stamp);
  return publish(file, set, header, entryDir, result, bytes.byteLength);
}

/** Records a set's outputs and the original's size; returns the set. */
function publish(file: ContentFile, set: ImageSet, header: ImageHeader, entryDir: string, result: PreparedImages, bytes: number | undefined): ImageSet {
  result.sizes[file.path] = { bytes: bytes ?? statSync(file.absPath).size, pixels: header.pixels };
  for (const stored of storedFiles(set)) result.outputs.push({ path: stored.path, copyFrom: join(entryDir, stored.name), source: file.path });
  return set;
}

/**
 * Makes the derivatives of a photo left pending by a `prepareImages` without
 * `decode` (serve makes them when first requested). Resolves to the problem
 * when the photo cannot be decoded after all.
 */
export async function makePending(file: ContentFile, settings: ImageSettings, store: ImageStore): Promise<ImageProblem | undefined> {
  const bytes = readFileSync(file.absPath);
  const header = await readHeader(bytes);
  if ("problem" in header) return header;
  const entryDir = store.entryDir(bytesHash(bytes), settings);
  const set = planImageSet(file.path, header.width, header.height, header.format, settings);
  if (store.header(entryDir) && entryHas(entryDir, storedNames(set))) {
    store.markUsed(entryDir);
    return undefined;
  }
  try {
    const made = await makeDerivatives(bytes, set, settings);
    const names = new Map(storedFiles(set).map((f) => [f.path, f.name]));
    store.commit(entryDir, made.map((m) => ({ name: names.get(m.path)!, data: m.data })), header);
    store.markUsed(entryDir);
  } catch (cause) {
    return decodeProblem(cause);
  }
  return undefined;
}

function decodeProblem(cause: unknown): ImageProblem {
  return cause instanceof ImageFaultError ? faultProblem(cause.fault) : { problem: (cause as Error).message };
}

/** Each output file of a set with its name in the store. */
export function storedFiles(set: ImageSet): { path: string; name: string }[] {
  const files = set.formats.flatMap((format) => format.files.map((d) => ({ path: d.path, name: storeName(d.width, format.format) })));
  if (set.original) files.push({ path: set.original, name: storeName("original", set.formats[set.formats.length - 1]!.format) });
  return files;
}

function storedNames(set: ImageSet): string[] {
  return storedFiles(set).map((f) => f.name);
}
