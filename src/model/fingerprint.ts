/**
 * Fingerprints of plain data (front-matter, view contexts): a SHA-1 of its
 * JSON, where numbers JSON cannot write (`.inf`, `.nan` in YAML) keep their
 * identity instead of all becoming `null`.
 */
import { createHash } from "node:crypto";

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
