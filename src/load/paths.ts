/**
 * Paths inside the content folder and the URLs they get in the output.
 * Content paths are POSIX, relative to `content/`, NFC-normalised.
 */
import { posix } from "node:path";

/** True for hrefs that leave the site: `https:`, `mailto:`, `//host`, `data:`… */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");
}

/** Splits `a/b.md#x?y` into the path and the `#…`/`?…` suffix. */
export function splitHref(href: string): { path: string; suffix: string } {
  const cut = href.search(/[?#]/);
  return cut === -1 ? { path: href, suffix: "" } : { path: href.slice(0, cut), suffix: href.slice(cut) };
}

/**
 * Resolves a relative href written in the Markdown file `fromContentPath`
 * to a content path, or returns undefined when it climbs out of `content/`.
 * Percent-escapes in the href are decoded (`%20` is a space).
 */
export function resolveContentPath(fromContentPath: string, hrefPath: string): string | undefined {
  let decoded = hrefPath;
  try {
    decoded = decodeURI(hrefPath);
  } catch {
    // keep it as written
  }
  const joined = posix.join(posix.dirname(fromContentPath), decoded.normalize("NFC"));
  if (joined === ".." || joined.startsWith("../") || posix.isAbsolute(joined)) return undefined;
  return joined;
}

/** Encodes each segment of a site path for use in an href (keeps `/`). */
export function encodePath(path: string): string {
  // Most paths (slugs, derivative names) hold nothing `encodeURIComponent` would change: every page has dozens.
  if (URL_SAFE.test(path)) return path;
  return path.split("/").map((s) => encodeURIComponent(s)).join("/");
}

/** Paths made only of what `encodeURIComponent` leaves as it is, and slashes. */
const URL_SAFE = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** URL of a site path under the base path: `("/news/", "images/a.png")` → `/news/images/a.png`. */
export function siteUrl(basePath: string, path: string): string {
  return basePath + encodePath(path.charCodeAt(0) === 47 ? path.replace(/^\/+/, "") : path);
}
