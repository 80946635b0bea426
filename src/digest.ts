/**
 * The digest of a text the stages key things by (SHA-1, URL-safe base64): an
 * article file's text (the build cache's key for its front-matter and body),
 * an article's loaded fields, a page's inputs (`render/page-key.ts`).
 */
import { createHash } from "node:crypto";

/** A short digest of `text`. */
export function textHash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
