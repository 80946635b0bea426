/**
 * Image settings (`images:` in the config): which derivatives a photo gets.
 * Plain data, part of every derivative's cache key.
 */

/** A modern format made besides the original's (JPEG or PNG). */
export type ExtraFormat = "webp" | "avif";

/** `images:` in the config, every key filled in. */
export interface ImageSettings {
  /** Derivative widths in px, ascending; none wider than the original is made. */
  widths: number[];
  /** Formats made besides the original's, best first in `<picture>` (avif before webp). */
  formats: ExtraFormat[];
  /** Encoder quality (1–100) of JPEG, WebP and AVIF. */
  quality: number;
  /** Also publish each original (metadata stripped, orientation applied). */
  originals: boolean;
}

/** The defaults: three widths, WebP plus the original's format, originals not published. */
export const DEFAULT_IMAGE_SETTINGS: ImageSettings = { widths: [480, 960, 1600], formats: ["webp"], quality: 80, originals: false };

/** Pixels an original may declare (width × height) before it is refused as a decompression bomb. */
export const MAX_INPUT_PIXELS = 120_000_000;

/** Bump when the derivative code changes its output: every cached derivative is made again. */
export const DERIVATIVE_CODE_VERSION = 2;

/** What a bad `images` value is reported as: a catalog key of `src/i18n/` and the config key at fault. */
export type ImageSettingProblem =
  | "config.images-not-mapping"
  | "config.images-widths"
  | "config.images-formats"
  | "config.images-quality"
  | "config.not-boolean"
  | "config.unknown-subkey";

/** Reads `images:` of a parsed config; `report(configKey, problem)` for each bad value. */
export function readImageSettings(value: unknown, report: (key: string, problem: ImageSettingProblem) => void): ImageSettings {
  const settings: ImageSettings = { ...DEFAULT_IMAGE_SETTINGS, widths: [...DEFAULT_IMAGE_SETTINGS.widths], formats: [...DEFAULT_IMAGE_SETTINGS.formats] };
  if (value === undefined || value === null) return settings;
  if (typeof value !== "object" || Array.isArray(value)) {
    report("images", "config.images-not-mapping");
    return settings;
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!["widths", "formats", "quality", "originals"].includes(key)) report(`images.${key}`, "config.unknown-subkey");
  }
  if (raw.widths !== undefined && raw.widths !== null) {
    const widths = raw.widths;
    if (!Array.isArray(widths) || widths.length === 0 || !widths.every((w) => Number.isInteger(w) && w >= 16 && w <= 8192)) {
      report("images.widths", "config.images-widths");
    } else settings.widths = [...new Set(widths as number[])].sort((a, b) => a - b);
  }
  if (raw.formats !== undefined && raw.formats !== null) {
    const formats = raw.formats;
    if (!Array.isArray(formats) || !formats.every((f) => f === "webp" || f === "avif")) {
      report("images.formats", "config.images-formats");
    } else settings.formats = (["avif", "webp"] as const).filter((f) => formats.includes(f));
  }
  if (raw.quality !== undefined && raw.quality !== null) {
    if (Number.isInteger(raw.quality) && (raw.quality as number) >= 1 && (raw.quality as number) <= 100) settings.quality = raw.quality as number;
    else report("images.quality", "config.images-quality");
  }
  if (raw.originals !== undefined && raw.originals !== null) {
    if (typeof raw.originals === "boolean") settings.originals = raw.originals;
    else report("images.originals", "config.not-boolean");
  }
  return settings;
}
