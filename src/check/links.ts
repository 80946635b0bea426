/**
 * External links of a site: every http(s) URL its articles link to or show
 * (body links and images, covers), grouped so each is checked once, and the
 * results turned into diagnostics at every place the URL is used.
 */
import { error, warning, type Diagnostic } from "../diagnostics.js";
import type { LinkResult } from "./external.js";
import type { CheckedArticle } from "./lint.js";

/** One place an external URL is used. */
export interface ExternalUse {
  file: string;
  line: number;
  column?: number;
}

/** An external URL (fragment removed) and every place it is used. */
export interface ExternalLink {
  url: string;
  uses: ExternalUse[];
}

/** The URL to fetch for an href, or undefined when it is not an http(s) link. */
export function fetchableUrl(href: string): string | undefined {
  const absolute = href.startsWith("//") ? `https:${href}` : href;
  if (!/^https?:\/\//i.test(absolute)) return undefined;
  try {
    const url = new URL(absolute);
    url.hash = "";
    return url.href;
  } catch {
    return absolute.replace(/#.*$/, "");
  }
}

/** Every external URL of the articles, sorted, each with its uses in file and line order. */
export function collectExternalLinks(articles: readonly CheckedArticle[]): ExternalLink[] {
  const links = new Map<string, ExternalUse[]>();
  const add = (href: string, use: ExternalUse) => {
    const url = fetchableUrl(href);
    if (url === undefined) return;
    const uses = links.get(url) ?? [];
    uses.push(use);
    links.set(url, uses);
  };
  for (const { article, references } of articles) {
    if (article.cover) add(article.cover.src, { file: article.displayPath, line: article.fieldLines.cover ?? 1 });
    for (const ref of references) add(ref.url, { file: article.displayPath, line: ref.line, column: ref.column });
  }
  return [...links.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([url, uses]) => ({ url, uses: uses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0)) }));
}

/** One diagnostic per use of each broken or redirected URL (`external-link`, `external-redirect`). */
export function externalDiagnostics(links: readonly ExternalLink[], results: ReadonlyMap<string, LinkResult>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const link of links) {
    const result = results.get(link.url);
    if (!result || result.kind === "ok") continue;
    for (const use of link.uses) {
      if (result.kind === "redirect") {
        out.push(warning("external-redirect", { status: result.status, url: link.url, finalUrl: result.finalUrl }, use));
      } else {
        out.push(error("external-link", { reason: result.reason, url: link.url, ...(result.finalUrl ? { finalUrl: result.finalUrl } : {}) }, use));
      }
    }
  }
  return out;
}
