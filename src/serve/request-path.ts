/**
 * Reading the path of a request safely: anything that could climb out of the
 * site or be read two ways (`..`, `%2e%2e`, encoded `/` or `\`, backslashes,
 * NUL, bad escapes) is refused before any lookup; what remains is decoded
 * and NFC-normalised, as output paths are.
 */
import { isAbsolute, relative, sep } from "node:path";

/** A request target that passed the checks. */
export interface RequestTarget {
  /** Decoded, NFC path starting with `/`: `/tin-tức/`. */
  path: string;
  /** The path as sent (still percent-encoded), for redirects. */
  rawPath: string;
  /** The query with its `?`, or "". */
  query: string;
}

/** Parses `req.url`; undefined when it must be refused (400). */
export function parseRequestTarget(url: string): RequestTarget | undefined {
  if (!url.startsWith("/")) return undefined;
  const cut = url.search(/[?#]/);
  const rawPath = cut === -1 ? url : url.slice(0, cut);
  const query = cut === -1 ? "" : url.slice(cut).replace(/#.*$/, "");
  if (/[\\\u0000-\u001f]|%(2f|5c|00)/i.test(rawPath)) return undefined;
  const segments: string[] = [];
  for (const raw of rawPath.split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === "." || segment === ".." || /[\\/\u0000-\u001f]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return { path: segments.join("/").normalize("NFC"), rawPath, query };
}

/** Decodes a URL path that gazette produced (a base path such as `/tin%20t%E1%BB%A9c/`), NFC. */
export function decodeSitePath(path: string): string {
  try {
    return decodeURIComponent(path).normalize("NFC");
  } catch {
    return path;
  }
}

/** True when the real path `file` is `root` or inside it. */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
