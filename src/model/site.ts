/**
 * The site model: every article with its rendered body, the taxonomies,
 * listings, related lists and the sidebar — complete before any template runs.
 * Articles refer to each other by slug.
 */
import type { ImageEntry } from "../images/plan.js";
import { slugify } from "../load/slug.js";
import type { LoadedArticle, RenderedBody, SiteConfig } from "../types.js";
import { paginate } from "./paginate.js";
import { relatedArticles } from "./related.js";
import { chooseSidebar, type SidebarModel } from "./sidebar.js";

/** An article ready for the templates: loaded fields, rendered body, and its place in the site. */
export interface ModelArticle extends LoadedArticle {
  /** Site path of the page, relative to the base path: `hoi-thao-sinh-ke/`. */
  path: string;
  html: string;
  /** Front-matter summary, else the first paragraph's text. */
  summaryText: string;
  categorySlug?: string;
  authorSlugs: string[];
  tagSlugs: string[];
}

/** A category, author or tag, with its articles newest first. */
export interface Term {
  kind: "category" | "author" | "tag";
  slug: string;
  /** Display name: the spelling most articles use (ties: the first in sort order). */
  name: string;
  /** Site path of its listing: `categories/tin-tuc/`. */
  path: string;
  articles: string[];
}

/** One paginated listing: its root path and the article slugs on each page. */
export interface Listing {
  /** `featured`: the articles marked `featured: true`, at `/featured/`, when there are any. */
  kind: "home" | "category" | "author" | "tag" | "featured";
  /** The term's slug; undefined for home. */
  term?: string;
  name: string;
  path: string;
  pages: string[][];
}

/** The whole site, as data. */
export interface SiteModel {
  config: SiteConfig;
  /** Newest first, ties by slug. */
  articles: ModelArticle[];
  bySlug: Map<string, ModelArticle>;
  categories: Term[];
  authors: Term[];
  tags: Term[];
  /** Every term by `kind:slug`, e.g. `tag:sinh-ke`. */
  terms: Map<string, Term>;
  listings: Listing[];
  related: Map<string, string[]>;
  /** Slugs of the sidebar's articles (see `sidebar`). */
  recent: string[];
  /** Photos' derivative sets (and unusable images) by content path, set by the asset step (`src/images/`) after `buildSite`. */
  imageSets?: Record<string, ImageEntry>;
  /** What the sidebar lists and the listing its pager leads to. */
  sidebar: SidebarModel;
}

/** Where each kind of listing lives. */
export const TERM_ROOTS = { category: "categories", author: "authors", tag: "tags" } as const;

/** Builds the site model from published articles (newest first) and their rendered bodies (same order). */
export function buildSite(articles: readonly LoadedArticle[], bodies: readonly RenderedBody[], config: SiteConfig): SiteModel {
  const modelArticles: ModelArticle[] = articles.map((article, i) => {
    const body = bodies[i]!;
    const item: ModelArticle = {
      ...article,
      path: `${article.slug}/`,
      html: body.html,
      summaryText: article.summary ?? body.firstParagraph,
      authorSlugs: article.authors.map((a) => slugify(a.name)),
      tagSlugs: article.tags.map((t) => slugify(t)),
    };
    if (article.category !== undefined) item.categorySlug = slugify(article.category);
    return item;
  });
  const categories = collectTerms("category", modelArticles, (a) => (a.category !== undefined ? [[a.categorySlug!, a.category]] : []));
  const authors = collectTerms("author", modelArticles, (a) => a.authors.map((au, i) => [a.authorSlugs[i]!, au.name]));
  const tags = collectTerms("tag", modelArticles, (a) => a.tags.map((t, i) => [a.tagSlugs[i]!, t]));
  const home: Listing = { kind: "home", name: config.title, path: "", pages: paginate(modelArticles.map((a) => a.slug), config.perPage) };
  const termListings = [...categories, ...authors, ...tags].map(
    (term): Listing => ({ kind: term.kind, term: term.slug, name: term.name, path: term.path, pages: paginate(term.articles, config.perPage) }),
  );
  const featuredSlugs = modelArticles.filter((a) => a.data.featured === true).map((a) => a.slug);
  const featured: Listing | undefined =
    featuredSlugs.length > 0 ? { kind: "featured", name: "featured", path: "featured/", pages: paginate(featuredSlugs, config.perPage) } : undefined;
  const categoryListings = new Map(termListings.filter((l) => l.kind === "category").map((l) => [l.term!, l]));
  const sidebar = chooseSidebar(config.sidebar.source, config.sidebar.recent, home, featured, categories, categoryListings);
  return {
    config,
    articles: modelArticles,
    bySlug: new Map(modelArticles.map((a) => [a.slug, a])),
    categories,
    authors,
    tags,
    terms: new Map([...categories, ...authors, ...tags].map((t) => [`${t.kind}:${t.slug}`, t])),
    listings: featured ? [home, ...termListings, featured] : [home, ...termListings],
    related: relatedArticles(modelArticles.map((a) => ({ slug: a.slug, category: a.categorySlug })), config.related.count),
    recent: sidebar.slugs,
    sidebar,
  };
}

/** Groups articles by term slug; names that differ only in case or accents share one term. */
function collectTerms(kind: Term["kind"], articles: readonly ModelArticle[], termsOf: (a: ModelArticle) => [string, string][]): Term[] {
  const groups = new Map<string, { articles: string[]; names: Map<string, number> }>();
  for (const article of articles) {
    for (const [slug, name] of termsOf(article)) {
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { articles: [], names: new Map() }));
      if (group.articles[group.articles.length - 1] !== article.slug) group.articles.push(article.slug);
      group.names.set(name, (group.names.get(name) ?? 0) + 1);
    }
  }
  return [...groups.entries()]
    .map(([slug, group]): Term => ({
      kind,
      slug,
      name: [...group.names.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      path: `${TERM_ROOTS[kind]}/${slug}/`,
      articles: group.articles,
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
