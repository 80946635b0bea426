/**
 * Choosing what gets published: drafts and future articles are left out
 * unless asked for (each skipped future article is a warning), and two
 * articles claiming one URL are an error naming both files.
 */
import { error, warning, type Diagnostic } from "../diagnostics.js";
import { isoDateTime } from "../load/dates.js";
import type { LoadedArticle } from "../types.js";

/** Which articles a build publishes. */
export interface SelectOptions {
  drafts: boolean;
  future: boolean;
  /** The build's clock, epoch ms (read once by the caller). */
  now: number;
  /** Site timezone, for messages. */
  timezone: string;
}

/** The published articles, newest first (ties by slug), and what was reported about the rest. */
export function selectArticles(articles: readonly LoadedArticle[], options: SelectOptions): { published: LoadedArticle[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const published: LoadedArticle[] = [];
  for (const article of articles) {
    if (article.draft && !options.drafts) continue;
    if (article.date > options.now && !options.future) {
      diagnostics.push(
        warning("future", { date: isoDateTime(article.date, options.timezone) }, {
          file: article.displayPath,
          line: article.fieldLines.date,
        }),
      );
      continue;
    }
    published.push(article);
  }
  published.sort(newestFirst);
  const claimed = new Map<string, LoadedArticle>();
  for (const article of [...published].sort((a, b) => (a.contentPath < b.contentPath ? -1 : 1))) {
    const other = claimed.get(article.slug);
    if (other) {
      diagnostics.push(
        error("duplicate-url.article", { url: `/${article.slug}/`, other: other.displayPath }, {
          file: article.displayPath,
          line: article.fieldLines.slug ?? 1,
        }),
      );
    } else claimed.set(article.slug, article);
  }
  return { published, diagnostics };
}

/** Sort order of every article list: newest first, then by slug. */
export function newestFirst(a: { date: number; slug: string }, b: { date: number; slug: string }): number {
  return b.date - a.date || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
