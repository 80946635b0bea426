/**
 * The sharp side of the asset step: reading a photo's header, and making all
 * its derivatives from one decode. sharp's errors are sorted into the faults
 * the messages word in each language (`ImageFault`).
 */
import type { Sharp, SharpOptions } from "sharp";
import type { ImageFault } from "../i18n/catalog.js";
import { fallbackFormat, faultProblem, type ImageProblem, type ImageSet, type OutFormat } from "./plan.js";
import { MAX_INPUT_PIXELS, type ImageSettings } from "./settings.js";

type SharpModule = (typeof import("sharp"))["default"];
let loaded: Promise<SharpModule> | undefined;

/**
 * sharp, loaded on first use (a site without photos never pays for it), with
 * its memory bounded: libvips' operation cache off (each photo is decoded
 * once, nothing is reused) and at most `threads` libvips threads per pipeline.
 */
export function loadSharp(): Promise<SharpModule> {
  loaded ??= import("sharp").then((module) => {
    const sharp = module.default;
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

/** What the header of an image says, orientation applied. */
export interface ImageHeader {
  width: number;
  height: number;
  format: "jpeg" | "png";
  /** width × height as declared. */
  pixels: number;
}

const INPUT: SharpOptions = { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true };

/** Reads the header of `bytes` (no pixels decoded): its upright size and format, or why it is not a usable photo. */
export async function readHeader(bytes: Uint8Array): Promise<ImageHeader | ImageProblem> {
  if (bytes.byteLength === 0) return faultProblem({ kind: "empty" });
  const sharp = await loadSharp();
  let meta: Awaited<ReturnType<Sharp["metadata"]>>;
  try {
    meta = await sharp(bytes, { failOn: "none", limitInputPixels: false }).metadata();
  } catch (cause) {
    return faultProblem(sharpFault(cause, false));
  }
  if (meta.format !== "jpeg" && meta.format !== "png") return faultProblem(meta.format ? { kind: "other-format", format: meta.format } : { kind: "not-image" });
  const { width, height } = meta;
  if (!width || !height) return faultProblem({ kind: "no-size" });
  const pixels = width * height;
  if (pixels > MAX_INPUT_PIXELS) return faultProblem({ kind: "too-many-pixels", width, height, limit: MAX_INPUT_PIXELS / 1e6 });
  const turned = (meta.orientation ?? 1) >= 5;
  return { width: turned ? height : width, height: turned ? width : height, format: fallbackFormat(meta.format), pixels };
}

/** An image that could not be decoded, and why. */
export class ImageFaultError extends Error {
  constructor(readonly fault: ImageFault) {
    super(faultProblem(fault).problem);
  }
}

/**
 * The fault behind an error of sharp (libvips): the common causes by their
 * wording in libvips, libjpeg and libpng; otherwise its own first line.
 */
export function sharpFault(cause: unknown, decoding: boolean): ImageFault {
  const detail = reason(cause);
  if (/unsupported image format/i.test(detail)) return { kind: "not-image" };
  if (/premature end|truncated|unexpected end|end of (?:file|data|stream)|not enough (?:data|image data)|short read/i.test(detail)) return { kind: "truncated" };
  if (/corrupt|invalid|bad (?:huffman|marker|seek|data)|damaged|crc error|read error|decode error|vipsjpeg|vipspng|libpng|libspng|jpeg datastream/i.test(detail)) return { kind: "corrupt" };
  return { kind: "unknown", detail, decoding };
}

/** A made derivative: its content path and bytes. */
export interface MadeFile {
  path: string;
  data: Buffer;
}

/**
 * Makes every file of `set` from `bytes`: one decode, shrunk on load to the
 * largest width needed and turned upright, then each width resized from that
 * and encoded in each format. Metadata (EXIF, GPS, XMP, IPTC, ICC) is not
 * written: sharp keeps none unless asked. Throws an `ImageFaultError` saying what is wrong with the image.
 */
export async function makeDerivatives(bytes: Uint8Array, set: ImageSet, settings: ImageSettings): Promise<MadeFile[]> {
  const sharp = await loadSharp();
  const largest = Math.max(...set.formats.flatMap((f) => f.files.map((d) => d.width)));
  const made: MadeFile[] = [];
  try {
    // With the original published, decode at full size; otherwise at the largest derivative's.
    const decodeWidth = set.original ? set.width : largest;
    const decoded = await sharp(bytes, INPUT)
      .rotate()
      .resize({ width: decodeWidth, withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { info, data } = decoded;
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
    for (const format of set.formats) {
      for (const file of format.files) {
        let pipeline = sharp(data, raw);
        if (file.width !== info.width || file.height !== info.height) pipeline = pipeline.resize(file.width, file.height, { fit: "fill" });
        made.push({ path: file.path, data: await encode(pipeline, format.format, settings).toBuffer() });
      }
    }
    if (set.original) {
      const format = set.formats[set.formats.length - 1]!.format;
      made.push({ path: set.original, data: await encode(sharp(data, raw), format, settings).toBuffer() });
    }
  } catch (cause) {
    let fault = sharpFault(cause, true);
    // libvips may lose its message when several photos decode at once ("Unknown error"): decode again, one at a time.
    for (let attempt = 0; fault.kind === "unknown" && attempt < 3; attempt++) fault = (await decodeAlone(bytes)) ?? fault;
    throw new ImageFaultError(fault);
  }
  return made;
}

/** Decodes are checked again one after the other, never two at once. */
let alone: Promise<unknown> = Promise.resolve();

/** The fault of decoding `bytes` on its own (undefined if it decodes, or fails for a reason still unknown). */
async function decodeAlone(bytes: Uint8Array): Promise<ImageFault | undefined> {
  const sharp = await loadSharp();
  const run = alone.then(async () => {
    try {
      await sharp(bytes, INPUT).raw().toBuffer();
      return undefined;
    } catch (cause) {
      const fault = sharpFault(cause, true);
      return fault.kind === "unknown" ? undefined : fault;
    }
  });
  alone = run.catch(() => undefined);
  return run;
}

function encode(pipeline: Sharp, format: OutFormat, settings: ImageSettings): Sharp {
  const quality = settings.quality;
  switch (format) {
    case "jpeg":
      return pipeline.jpeg({ quality });
    case "png":
      return pipeline.png({ compressionLevel: 9, adaptiveFiltering: false });
    case "webp":
      return pipeline.webp({ quality, effort: 4 });
    case "avif":
      return pipeline.avif({ quality: Math.max(1, quality - 30), effort: 2 });
  }
}

function reason(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split("\n")[0]!.replace(/^Input (buffer|file) /, "").trim();
}
