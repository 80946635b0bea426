/**
 * Planning derivatives (pure): which files a photo of a given size becomes,
 * and where they go. Names depend on the source path, the width and the
 * format only, so pages do not change when a photo is replaced by another of
 * the same size.
 */
import { posix } from "node:path";
import { imageFaultText, type ImageFault } from "../i18n/en.js";
import type { ImageSettings } from "./settings.js";

/** A format a derivative is written in. */
export type OutFormat = "jpeg" | "png" | "webp" | "avif";

/** One derivative file: its content path (relative to content/, like the original's) and its size. */
export interface Derivative {
  path: string;
  width: number;
  height: number;
}

/** The derivatives of one format, widths ascending. */
export interface FormatSet {
  format: OutFormat;
  /** MIME type, for `<source type>`. */
  type: string;
  files: Derivative[];
}

/** What a published photo becomes: plain data, for the views and the Markdown stage. */
export interface ImageSet {
  /** Size of the original, upright (EXIF orientation applied). */
  width: number;
  height: number;
  /** Modern formats first (avif, webp), the original's format (the `<img>` fallback) last. */
  formats: FormatSet[];
  /** Content path of the published original (stripped), with `images.originals: true`. */
  original?: string;
}

/** An image that cannot be published: why (for messages naming the article that uses it). */
export interface ImageProblem {
  problem: string;
  /** The diagnostic code: `bad-image` (default) or `unsafe-svg`. */
  code?: string;
  /** Of a `bad-image`: the cause, which the messages word in each language (`problem` is its English text). */
  fault?: ImageFault;
}

/** The problem of a photo that cannot be published because of `fault`. */
export function faultProblem(fault: ImageFault): ImageProblem {
  return { problem: imageFaultText(fault), fault };
}

/** What the asset step knows of a raster image: its set, or its problem. */
export type ImageEntry = ImageSet | ImageProblem;

const TYPES: Record<OutFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif" };

/** True for the files published as derivatives: JPEG and PNG. */
export function isRaster(path: string): boolean {
  return /\.(jpe?g|png)$/i.test(path);
}

/** True for the files copied as they are after a safety check: SVG. */
export function isSvg(path: string): boolean {
  return /\.svg$/i.test(path);
}

/** The original's format, from its detected type. */
export function fallbackFormat(detected: string): "jpeg" | "png" {
  return detected === "png" ? "png" : "jpeg";
}

/**
 * The widths a photo `width` px wide gets: every configured width it reaches,
 * plus its own width when a configured one is wider (never upscaled).
 */
export function derivativeWidths(width: number, widths: readonly number[]): number[] {
  const fit = widths.filter((w) => w <= width);
  if (fit.length < widths.length && !fit.includes(width)) fit.push(width);
  return fit;
}

/** The derivative set of the image at `path` (content path), `width` × `height` upright, in `original` format. */
export function planImageSet(path: string, width: number, height: number, original: "jpeg" | "png", settings: ImageSettings): ImageSet {
  const dir = posix.dirname(path);
  const base = posix.basename(path);
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const originalExt = dot > 0 ? base.slice(dot + 1).toLowerCase() : original;
  const sizes = derivativeWidths(width, settings.widths).map((w) => ({ width: w, height: Math.max(1, Math.round((w * height) / width)) }));
  const formats: OutFormat[] = [...settings.formats, original];
  const set: ImageSet = {
    width,
    height,
    formats: formats.map((format) => {
      const ext = format === original ? originalExt : format;
      return {
        format,
        type: TYPES[format],
        files: sizes.map((size) => ({ path: `${dir === "." ? "" : `${dir}/`}${stem}-${size.width}.${ext}`, ...size })),
      };
    }),
  };
  if (settings.originals) set.original = path;
  return set;
}

/** True when the entry is a problem rather than a set. */
export function isProblem(entry: ImageEntry | undefined): entry is ImageProblem {
  return entry !== undefined && "problem" in entry;
}

/** The original format's derivatives (the `<img>` fallback). */
export function fallbackSet(set: ImageSet): FormatSet {
  return set.formats[set.formats.length - 1]!;
}

/** Every output file of a set: derivatives, then the original when published. */
export function setFiles(set: ImageSet): string[] {
  const files = set.formats.flatMap((f) => f.files.map((d) => d.path));
  if (set.original) files.push(set.original);
  return files;
}
