/**
 * The search stage's entry points for the build drivers: the index files of
 * a model (each article's terms taken from a cache where possible), the
 * output paths known without terms (for `check`), and a lazily built index
 * for `serve`. `search: false` in the config turns all of it off.
 */
import { readFileSync } from "node:fs";
import type { ModelArticle, SiteModel } from "../model/site.js";
import type { LoadedArticle } from "../types.js";
import { DOCS_PER_CHUNK, INDEX_DIR, indexFiles, type SearchFile } from "./index-files.js";
import { articleTerms, type ArticleTerms } from "./terms.js";

export type { SearchFile } from "./index-files.js";
export type { ArticleTerms } from "./terms.js";

/** Where the terms of each article come from: a cache, else its Markdown body. */
export interface TermsSource {
  /** The terms cached for this article's current file, if any. */
  cached?(article: ModelArticle): ArticleTerms | undefined;
  /** Keeps freshly computed terms. */
  remember?(article: ModelArticle, terms: ArticleTerms): void;
  /** The Markdown body of the article at `index` in the model. */
  body(article: ModelArticle, index: number): string;
}

/** Source name used in messages about the index's output paths. */
export const SEARCH_SOURCE = "the search index";

/** Whether the site has search (the default; `search: false` turns it off). */
export function searchEnabled(model: SiteModel): boolean {
  return model.config.search !== false;
}

/** Every file of the search index of `model` (none when search is off); the time it took goes to `timings.search` if given. */
export function searchFiles(model: SiteModel, source: TermsSource, timings?: Record<string, number>): SearchFile[] {
  if (!searchEnabled(model)) return [];
  const started = performance.now();
  const terms = model.articles.map((article, index) => {
    const cached = source.cached?.(article);
    if (cached) return cached;
    const fresh = articleTerms(article, source.body(article, index));
    source.remember?.(article, fresh);
    return fresh;
  });
  const files = indexFiles(model, terms);
  if (timings) timings.search = Math.round(performance.now() - started);
  return files;
}

/** The index's output paths that do not depend on the words (meta and record chunks), for `check`. */
export function fixedSearchPaths(model: SiteModel): string[] {
  if (!searchEnabled(model)) return [];
  const chunks = Math.ceil(model.articles.length / DOCS_PER_CHUNK);
  return [`${INDEX_DIR}/meta.json`, ...Array.from({ length: chunks }, (_, i) => `${INDEX_DIR}/d/${i}.json`)];
}

/** Where a body left out of memory by the loader is read again: the file and where its body starts. */
export interface BodyLocation {
  absPath: string;
  bodyStart: number;
}

/**
 * Reads an article's body from its file again (the loader drops bodies of
 * large sites); "" when it cannot: rendering reads it too, and reports that.
 */
export function readBody(location: BodyLocation): string {
  let text: string;
  try {
    text = readFileSync(location.absPath, "utf8");
  } catch {
    return "";
  }
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(location.bodyStart);
}

/** The parts of the build cache that keep search terms. */
export interface TermsCache {
  searchTerms(contentPath: string): ArticleTerms | undefined;
  rememberSearchTerms(contentPath: string, terms: ArticleTerms): void;
}

/**
 * Terms the loader computed (`loaded`, by content path), else from the build
 * cache when there is one, else from each article's body: in memory, or read again from its file when the loader dropped it
 * (`dropped` gives where, by the article's index in the model).
 */
export function buildTermsSource(cache: TermsCache | undefined, dropped: (index: number) => BodyLocation | undefined, loaded?: ReadonlyMap<string, ArticleTerms>): TermsSource {
  const source: TermsSource = {
    body: (article, index) => {
      const location = dropped(index);
      return location ? readBody(location) : article.body;
    },
  };
  // Terms computed by the loader with each fresh parse (by content path), then the cache's.
  source.cached = (article) => loaded?.get(article.contentPath) ?? cache?.searchTerms(article.contentPath);
  if (cache) source.remember = (article, terms) => cache.rememberSearchTerms(article.contentPath, terms);
  return source;
}

/**
 * Terms kept between rebuilds of a serve session, by content path: reused
 * while the article's body and every other field it indexes are unchanged.
 */
export class TermsMemo implements TermsSource {
  private readonly entries = new Map<string, { body: string; fields: string; terms: ArticleTerms }>();

  cached(article: ModelArticle): ArticleTerms | undefined {
    const entry = this.entries.get(article.contentPath);
    return entry && entry.body === article.body && entry.fields === indexedFields(article) ? entry.terms : undefined;
  }

  remember(article: ModelArticle, terms: ArticleTerms): void {
    this.entries.set(article.contentPath, { body: article.body, fields: indexedFields(article), terms });
  }

  body(article: ModelArticle): string {
    return article.body;
  }
}

function indexedFields(a: LoadedArticle): string {
  return JSON.stringify([a.title, a.summary, a.category, a.tags, a.authors, a.source, a.cover, a.images]);
}

/** The index of one model, built on first request (a serve session asks for it only when a reader searches). */
export class LazySearchIndex {
  private files: Map<string, string> | undefined;

  constructor(
    private readonly model: SiteModel,
    private readonly source: TermsSource,
  ) {}

  /** The text of an index file, or undefined when `path` is none. */
  get(path: string): string | undefined {
    if (!path.startsWith(`${INDEX_DIR}/`) || !searchEnabled(this.model)) return undefined;
    return this.all().get(path);
  }

  /** Every index file's path. */
  paths(): string[] {
    return [...this.all().keys()];
  }

  private all(): Map<string, string> {
    this.files ??= new Map(searchFiles(this.model, this.source).map((f) => [f.path, f.data]));
    return this.files;
  }
}
