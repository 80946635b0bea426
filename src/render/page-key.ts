/**
 * The key of a page's inputs, for reusing a page rendered before: what the
 * caller adds (code and theme for the build cache), the shared views, the
 * template, the path and the page's own view. The build's page records and
 * serve's page cache both use it.
 */
import { createHash } from "node:crypto";
import { stableJson } from "../model/fingerprint.js";
import type { PagePlan } from "./pages.js";
import type { TemplateContext } from "./views.js";

/** Where the key of the views all pages of one model share is kept once computed. */
export interface PageKeyMemo {
  sharedKey?: string;
}

/**
 * The key of a page's inputs: `salt` (code and theme in the build), the shared views, the
 * template, the path and the page's own view. An article's HTML enters by its
 * digest when one is known (hashing it again for every page costs as much as
 * the rest). Front-matter extras are the only values that may hold numbers
 * JSON cannot tell from null (NaN, ±Infinity): they are hashed apart.
 */
export function pageKey(renderer: PageKeyMemo, salt: string, plan: PagePlan, context: TemplateContext, htmlDigest: string | undefined): string {
  // The category bar's state follows from what the key holds (the site's categories, the page's URL, article and listing).
  const { site, labels, sidebar, nav: _derived, ...own } = context;
  renderer.sharedKey ??= createHash("sha1").update(stableJson({ site, labels, sidebar })).digest("base64url");
  let view: object = own;
  if (htmlDigest !== undefined && own.article) view = { ...own, article: { ...own.article, html: htmlDigest } };
  // A listing's cards recur on several listings (home, category, tags…): each is serialised and hashed once.
  else if (own.listing) view = { ...own, listing: { ...own.listing, items: own.listing.items.map(cardDigest) } };
  const hash = createHash("sha1").update(`${salt}\0${renderer.sharedKey}\0${plan.template}\0${plan.outputPath}\0`).update(JSON.stringify(view));
  if (Object.keys(own.page.data).length > 0) hash.update(stableJson(own.page.data));
  return hash.digest("base64url");
}

const cardDigests = new WeakMap<object, string>();

/** The digest of a card view (the same object on every listing that shows it). */
function cardDigest(card: object): string {
  let digest = cardDigests.get(card);
  if (digest === undefined) cardDigests.set(card, (digest = createHash("sha1").update(JSON.stringify(card)).digest("base64url")));
  return digest;
}

/** A digest of an article's HTML, for page keys and the cache. */
export function htmlDigest(html: string): string {
  return createHash("sha1").update(html).digest("base64url");
}
