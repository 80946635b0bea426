/**
 * The key of a page's inputs, for reusing a page rendered before: what the
 * caller adds (code and theme for the build cache), the template, the path
 * and what the page's context is built from (`PagePlan.inputs`). The build's
 * page records and serve's page cache both use it.
 */
import { textHash } from "../digest.js";
import type { PagePlan } from "./pages.js";

/**
 * The key of a page's inputs: `salt` (code and theme in the build), the
 * template, the path and the plan's inputs. An article's HTML enters by its
 * digest: `htmlDigest` when known (the build cache keeps it), else hashed here.
 */
export function pageKey(salt: string, plan: PagePlan, htmlDigest?: string): string {
  return textHash(`${salt}\0${plan.template}\0${plan.outputPath}\0${plan.inputs(htmlDigest)}`);
}

/** A digest of an article's HTML, for page keys and the cache. */
export function htmlDigest(html: string): string {
  return textHash(html);
}
