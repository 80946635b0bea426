/**
 * Fingerprints of plain data (front-matter, view contexts): a SHA-1 of its
 * JSON, where numbers JSON cannot write (`.inf`, `.nan` in YAML) keep their
 * identity instead of all becoming `null`.
 */
import { createHash } from "node:crypto";
import { textHash } from "../digest.js";
import type { LoadedArticle } from "../types.js";

/** A short digest of `value`'s JSON; equal digests mean equal data for templates. */
export function fingerprint(value: unknown): string {
  return createHash("sha1").update(stableJson(value)).digest("base64");
}

/** `value` as JSON, with non-finite numbers written as strings (`"\u0000Infinity"`) so they stay distinct. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, keepNonFinite) ?? "undefined";
}

function keepNonFinite(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? `\u0000${value}` : value;
}

/**
 * Fields of an article its digest leaves out: where the file is, its body and
 * what only messages read; and what the model adds (`ModelArticle`), so that
 * the digest of a model's article is that of the article as loaded.
 */
const NOT_LOADED_DATA = new Set([
  "contentPath", "displayPath", "sitePath", "body", "bodyLine", "fieldLines", "digest",
  "path", "html", "summaryText", "categorySlug", "authorSlugs", "tagSlugs",
]);

/**
 * A digest of what an article file gave besides its body and place: its
 * front-matter fields as loaded. The build cache keeps it with them (see
 * `LoadedArticle.digest`), so that a rebuild need not write out every
 * article's fields again to key its pages. Field by field in name order:
 * an article from the cache has its fields in another order.
 */
export function loadedDigest(article: LoadedArticle): string {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(article).sort()) {
    if (!NOT_LOADED_DATA.has(key)) fields[key] = key === "data" ? stableJson(article.data) : article[key as keyof LoadedArticle];
  }
  return textHash(JSON.stringify(fields));
}
