/**
 * Planning the pages of the site and building each page's view object from
 * the model. A plan is cheap; its context is built only when it is rendered.
 */
import { calendarDate, formatDate, isoDateTime } from "../load/dates.js";
import { siteUrl } from "../load/paths.js";
import { pageWindow, pageUrlPath } from "../model/paginate.js";
import type { Listing, ModelArticle, SiteModel, Term } from "../model/site.js";
import type { ImageMeta } from "../types.js";
import { resolveImageSrc } from "./images.js";
import { coverSet } from "../images/views.js";
import type { ImageSet } from "../images/plan.js";
import { pictureView, shareImage, SIZES } from "../images/markup.js";
import { labelsFor } from "./labels.js";
import { hasVideo, labelVideos } from "../markdown/video.js";
import { navState, navView, portalSiteFields, relatedPagerPlace, relatedPagerView, sidebarView, type NavPlace } from "./portal-views.js";
import { htmlDigest } from "./page-key.js";
import { loadedDigest, stableJson } from "../model/fingerprint.js";
import { textHash } from "../digest.js";
import type {
  ArticleCardView, ArticleLinkView, ArticleView, AuthorView, DateView, FigureView, LinkView,
  ListingView, NavView, PageView, PaginationView, SiteView, TemplateContext,
} from "./views.js";

/** One HTML page to render: where it goes, which template, and how to build its context. */
export interface PagePlan {
  /** Output path: `hoi-thao/index.html`. */
  outputPath: string;
  /** Who asked for this page, for messages: a file or a listing name. */
  source: string;
  template: string;
  /** Listings: the slugs of the articles it shows a card of (cards show summaries). */
  shows?: readonly string[];
  context(): TemplateContext;
  /**
   * What the page's context is built from, as text, for its key
   * (`render/page-key.ts`): the shared views and the config by digest, and of
   * each article as much as the page shows of it (all of it on its own page,
   * its card on a listing, its link elsewhere), with the other parts of the
   * model the context reads. Much cheaper than building the context (the key
   * of every unchanged page is computed on each rebuild); equal inputs give
   * an equal context. `htmlDigest`: that of the article's HTML, when known.
   */
  inputs(htmlDigest?: string): string;
}

/** Plans every HTML page of the site: articles, listings and 404. */
export function planPages(model: SiteModel): PagePlan[] {
  const memo = memoOf(model);
  const shared = sharedViews(model, memo);
  const plans: PagePlan[] = [];
  for (const article of model.articles) {
    plans.push({
      outputPath: `${article.path}index.html`,
      source: article.displayPath,
      template: article.layout,
      context: () => articleContext(model, shared, article, memo),
      inputs: (digest) => articleInputs(model, shared, article, memo, digest),
    });
  }
  for (const listing of model.listings) {
    listing.pages.forEach((_, index) => {
      const path = pageUrlPath(listing.path, index + 1);
      plans.push({
        outputPath: `${path}index.html`,
        source: listing.kind === "home" ? "the home listing" : `the ${listing.kind} listing "${listing.name}"`,
        template: "listing",
        shows: listing.pages[index] ?? [],
        context: () => listingContext(model, shared, listing, index + 1, memo),
        inputs: () => listingInputs(model, shared, listing, index + 1, memo),
      });
    });
  }
  plans.push({
    outputPath: "404.html",
    source: "the 404 page",
    template: "404",
    context: () => {
      const page = pageView(model, { kind: "404", title: shared.labels.notFoundTitle ?? "404", path: "404.html", description: "" });
      return { ...shared, page, nav: navOf(shared, memo, { pageUrl: page.url }) };
    },
    inputs: () => sharedInputs(model, shared, memo),
  });
  if (model.config.search !== false) {
    plans.push({
      outputPath: "search/index.html",
      source: "the search page",
      template: "search",
      context: () => {
        const page = pageView(model, { kind: "search", title: shared.labels.search ?? "Search", path: "search/", description: model.config.description });
        return { ...shared, page, nav: navOf(shared, memo, { pageUrl: page.url }), search: { indexUrl: cachedUrl(model, "search/", memo) } };
      },
      inputs: () => sharedInputs(model, shared, memo),
    });
  }
  return plans;
}

type Shared = Pick<TemplateContext, "site" | "labels" | "sidebar">;

/**
 * Views built once per plan set and shared by every page that shows them:
 * an article's link and card appear on many listings, the same dates and
 * URLs recur. Templates only read their context, so sharing is safe.
 */
class ViewMemo {
  readonly dates = new Map<number, DateView>();
  readonly links = new Map<ModelArticle, ArticleLinkView>();
  readonly cards = new Map<ModelArticle, ArticleCardView>();
  readonly urls = new Map<string, string>();
  /** Image URLs by the folder of the Markdown file and the src as written. */
  readonly images = new Map<string, string>();
  /** Derivative sets of front-matter images (undefined: not a photo), by image: a cover is shown on many pages. */
  readonly photoSets = new Map<ImageMeta, ImageSet | undefined>();
  /** Category bar views by state (see `navView`). */
  readonly navs = new Map<string, NavView>();
  /** For page inputs: the digest of the shared views and the config, of each article's data (`articleData`) and card, of each cover's derivatives. */
  sharedDigest: string | undefined;
  readonly articleData = new Map<ModelArticle, string>();
  readonly cardInputs = new Map<ModelArticle, string>();
  readonly covers = new Map<ModelArticle, string>();
  readonly setJson = new Map<object, string>();
}

/** The category bar's view for a page, one object per state. */
function navOf(shared: Shared, memo: ViewMemo, place: NavPlace): NavView {
  const state = navState(shared.site, place);
  const key = `${state.home}:${state.current}:${state.active}`;
  let nav = memo.navs.get(key);
  if (!nav) memo.navs.set(key, (nav = navView(shared.site, state)));
  return nav;
}

/** The views of a model are only read, never changed, once built: one memo per model object. */
const memos = new WeakMap<SiteModel, ViewMemo>();

function memoOf(model: SiteModel): ViewMemo {
  let memo = memos.get(model);
  if (!memo) memos.set(model, (memo = new ViewMemo()));
  return memo;
}

function sharedViews(model: SiteModel, memo: ViewMemo): Shared {
  const { config } = model;
  const newest = model.articles[0];
  const site: SiteView = {
    title: config.title,
    description: config.description,
    language: config.language,
    homeUrl: config.basePath,
    categories: [...model.categories]
      .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, config.language))
      .map((term) => ({ ...termLink(model, term), count: term.articles.length })),
    assetsUrl: `${config.basePath}assets/`,
    // The newest article's year, not the clock: the same sources give the same bytes.
    year: newest ? calendarDate(newest.date, config.timezone).year : 1970,
    ...portalSiteFields(config),
  };
  if (config.baseUrl) site.feedUrl = siteUrl(config.basePath, "feed.xml");
  if (config.search !== false) site.searchUrl = siteUrl(config.basePath, "search/");
  const labels = labelsFor(config.language);
  const items = model.recent.map((slug) => articleLink(model, model.bySlug.get(slug)!, memo));
  return { site, labels, sidebar: sidebarView(model, items, labels, (path) => cachedUrl(model, path, memo)) };
}

function articleContext(model: SiteModel, shared: Shared, article: ModelArticle, memo: ViewMemo): TemplateContext {
  const page = pageView(model, { kind: "article", title: article.title, path: article.path, description: article.summaryText });
  const view = articleView(model, article, memo, shared.labels);
  const context: TemplateContext = {
    ...shared,
    page: { ...page, data: article.data, ...ogImage(model, article) },
    nav: navOf(shared, memo, { pageUrl: page.url, categoryUrl: view.category?.url }),
    article: view,
    related: (model.related.get(article.slug) ?? []).map((slug) => articleLink(model, model.bySlug.get(slug)!, memo)),
  };
  const pager = context.related!.length > 0 ? relatedPagerView(model, article, shared.labels, (path) => cachedUrl(model, path, memo)) : undefined;
  if (pager) context.relatedPager = pager;
  return context;
}

function listingContext(model: SiteModel, shared: Shared, listing: Listing, page: number, memo: ViewMemo): TemplateContext {
  const labels = shared.labels;
  const heading =
    listing.kind === "author" ? `${labels.authorHeading ?? "Author"}: ${listing.name}`
    : listing.kind === "tag" ? `${labels.tagHeading ?? "Tag"}: ${listing.name}`
    : listing.kind === "home" ? labels.latestNews ?? listing.name
    : listing.kind === "featured" ? labels.featured ?? "Featured"
    : listing.name;
  const view: ListingView = {
    kind: listing.kind,
    name: listing.name,
    heading,
    items: (listing.pages[page - 1] ?? []).map((slug) => articleCard(model, model.bySlug.get(slug)!, memo)),
    pagination: paginationView(model, listing, page),
  };
  const isHomeFirst = listing.kind === "home" && page === 1;
  const title = isHomeFirst ? "" : page > 1 ? `${heading} – ${labels.page ?? "Page"} ${page}` : heading;
  const shown = pageView(model, { kind: "listing", title, path: pageUrlPath(listing.path, page), description: model.config.description });
  return { ...shared, page: shown, nav: navOf(shared, memo, { pageUrl: shown.url, listing: view }), listing: view };
}

/**
 * The inputs of an article's page (see `PagePlan.inputs`): the article's data,
 * summary, HTML and cover derivatives, its tags' names, its related articles'
 * data (for their links) and where its pager points.
 */
function articleInputs(model: SiteModel, shared: Shared, article: ModelArticle, memo: ViewMemo, digest: string | undefined): string {
  const inputs: (string | number)[] = [sharedInputs(model, shared, memo), articleData(article, memo), article.summaryText, digest ?? htmlDigest(article.html), coverInputs(model, article, memo)];
  for (const slug of article.tagSlugs) {
    const term = model.terms.get(`tag:${slug}`)!;
    inputs.push(term.name, term.path);
  }
  const related = model.related.get(article.slug) ?? [];
  for (const slug of related) inputs.push(articleData(model.bySlug.get(slug)!, memo));
  const pager = related.length > 0 ? relatedPagerPlace(model, article) : undefined;
  if (pager) inputs.push(pager.listing.name, pager.listing.path, pager.listing.pages.length, pager.from);
  return JSON.stringify(inputs);
}

/** The inputs of a listing page (see `PagePlan.inputs`): the listing's place and size, and its cards' (`cardInputs`). */
function listingInputs(model: SiteModel, shared: Shared, listing: Listing, page: number, memo: ViewMemo): string {
  const inputs: (string | number)[] = [sharedInputs(model, shared, memo), listing.kind, listing.name, listing.path, listing.pages.length, page];
  for (const slug of listing.pages[page - 1] ?? []) inputs.push(cardInputs(model, model.bySlug.get(slug)!, memo));
  return JSON.stringify(inputs);
}

/**
 * The digest of what an article's card shows: its data, summary and cover
 * derivatives. Like the card itself (`articleCard`), computed once the
 * summaries are known, and kept: a card recurs on several listings.
 */
function cardInputs(model: SiteModel, article: ModelArticle, memo: ViewMemo): string {
  let digest = memo.cardInputs.get(article);
  if (digest === undefined) {
    digest = textHash(`${articleData(article, memo)}\0${coverInputs(model, article, memo)}\0${article.summaryText}`);
    memo.cardInputs.set(article, digest);
  }
  return digest;
}

/** The digest of what every page reads: the shared views and the config. */
function sharedInputs(model: SiteModel, shared: Shared, memo: ViewMemo): string {
  memo.sharedDigest ??= textHash(`${stableJson(shared)}\0${stableJson(model.config)}`);
  return memo.sharedDigest;
}

/**
 * A digest of an article's data: its fields as loaded (`loadedDigest`, kept by
 * the build cache), its place and the slugs derived from them; not its body,
 * HTML or summary (pages that show them take them apart).
 */
function articleData(article: ModelArticle, memo: ViewMemo): string {
  let digest = memo.articleData.get(article);
  if (digest === undefined) {
    const place = JSON.stringify([article.contentPath, article.sitePath, article.path, article.categorySlug ?? null, article.authorSlugs, article.tagSlugs]);
    digest = textHash(`${article.digest ?? loadedDigest(article)}\0${place}`);
    memo.articleData.set(article, digest);
  }
  return digest;
}

/** The derivatives of an article's cover photo, as JSON ("" without one). */
function coverInputs(model: SiteModel, article: ModelArticle, memo: ViewMemo): string {
  let json = memo.covers.get(article);
  if (json === undefined) {
    const set = article.cover && photoSet(model, article, article.cover);
    if (set) {
      // Several articles often share a photo: its set is written once.
      json = memo.setJson.get(set);
      if (json === undefined) memo.setJson.set(set, (json = JSON.stringify(set)));
    }
    memo.covers.set(article, (json ??= ""));
  }
  return json;
}

function pageView(model: SiteModel, page: { kind: PageView["kind"]; title: string; path: string; description: string }): PageView {
  const view: PageView = { kind: page.kind, title: page.title, url: cachedUrl(model, page.path, memoOf(model)), description: page.description, data: {} };
  if (model.config.baseUrl && page.kind !== "404") view.canonical = absoluteUrl(model, page.path);
  return view;
}

function articleView(model: SiteModel, article: ModelArticle, memo: ViewMemo, labels: Record<string, string>): ArticleView {
  const { config } = model;
  const view: ArticleView = {
    title: article.title,
    url: cachedUrl(model, article.path, memo),
    date: dateView(model, article.date, memo),
    authors: authorViews(model, article, memo),
    tags: article.tagSlugs.map((slug) => termLink(model, model.terms.get(`tag:${slug}`)!)),
    html: labelVideos(article.html, labels.playVideoOn ?? "Play the video on"),
    summary: article.summaryText,
    hasVideo: hasVideo(article.html),
    data: article.data,
  };
  if (article.updated !== undefined) view.updated = dateView(model, article.updated, memo);
  if (article.source !== undefined) view.source = article.source;
  const category = categoryLink(model, article);
  if (category) view.category = category;
  const cover = figure(model, article, article.cover, SIZES.figure);
  if (cover) view.cover = cover;
  if (config.editUrl) view.editUrl = config.editUrl.replace("{path}", article.sitePath.split("/").map(encodeURIComponent).join("/"));
  return view;
}

function articleCard(model: SiteModel, article: ModelArticle, memo: ViewMemo): ArticleCardView {
  let card = memo.cards.get(article);
  if (card) return card;
  card = { ...articleLink(model, article, memo), summary: article.summaryText, authors: authorViews(model, article, memo) };
  const category = categoryLink(model, article);
  if (category) card.category = category;
  const cover = figure(model, article, article.cover, SIZES.card);
  if (cover) card.cover = cover.srcset ? { ...cover, leadSizes: SIZES.lead } : cover;
  memo.cards.set(article, card);
  return card;
}

function articleLink(model: SiteModel, article: ModelArticle, memo: ViewMemo): ArticleLinkView {
  let link = memo.links.get(article);
  if (!link) memo.links.set(article, (link = { title: article.title, url: cachedUrl(model, article.path, memo), date: dateView(model, article.date, memo) }));
  return link;
}

function authorViews(model: SiteModel, article: ModelArticle, memo: ViewMemo): AuthorView[] {
  return article.authors.map((author, i) => {
    const view: AuthorView = { name: author.name, url: cachedUrl(model, `authors/${article.authorSlugs[i]}/`, memo) };
    if (author.url) view.profileUrl = author.url;
    return view;
  });
}

function categoryLink(model: SiteModel, article: ModelArticle): LinkView | undefined {
  if (article.categorySlug === undefined) return undefined;
  return { name: article.category!, url: cachedUrl(model, `categories/${article.categorySlug}/`, memoOf(model)) };
}

function termLink(model: SiteModel, term: Term): LinkView {
  return { name: term.name, url: cachedUrl(model, term.path, memoOf(model)) };
}

function figure(model: SiteModel, article: ModelArticle, image: ImageMeta | undefined, sizes: string): FigureView | undefined {
  if (!image) return undefined;
  const set = photoSet(model, article, image);
  if (set) {
    const view: FigureView = { ...pictureView(set, model.config.basePath, sizes), alt: image.alt ?? "" };
    if (image.caption) view.caption = image.caption;
    return view;
  }
  const images = memoOf(model).images;
  const key = `${article.contentPath.slice(0, article.contentPath.lastIndexOf("/") + 1)}\0${image.src}`;
  let src = images.get(key);
  if (src === undefined) images.set(key, (src = resolveImageSrc(article.contentPath, image.src, model.config.basePath)));
  const view: FigureView = { src, alt: image.alt ?? "" };
  if (image.caption) view.caption = image.caption;
  return view;
}

/** The derivative set of a front-matter image of `article` (see `coverSet`), looked up once per model. */
function photoSet(model: SiteModel, article: ModelArticle, image: ImageMeta): ImageSet | undefined {
  const sets = memoOf(model).photoSets;
  if (sets.has(image)) return sets.get(image);
  const set = coverSet(model, article, image);
  sets.set(image, set);
  return set;
}

/** `og:image` of an article: its cover photo's largest derivative. */
function ogImage(model: SiteModel, article: ModelArticle): Pick<PageView, "image"> {
  const set = article.cover && photoSet(model, article, article.cover);
  if (!set) return {};
  const image = shareImage(set);
  const url = model.config.baseUrl ? absoluteUrl(model, image.path) : siteUrl(model.config.basePath, image.path);
  return { image: { url, width: image.width, height: image.height } };
}

function dateView(model: SiteModel, time: number, memo: ViewMemo): DateView {
  let view = memo.dates.get(time);
  if (!view) {
    view = { iso: isoDateTime(time, model.config.timezone), display: formatDate(time, model.config.timezone, model.config.language) };
    memo.dates.set(time, view);
  }
  return view;
}

/** The URL of a site path under the base path, computed once per path. */
function cachedUrl(model: SiteModel, path: string, memo: ViewMemo): string {
  let value = memo.urls.get(path);
  if (value === undefined) memo.urls.set(path, (value = siteUrl(model.config.basePath, path)));
  return value;
}

function paginationView(model: SiteModel, listing: Listing, current: number): PaginationView {
  const total = listing.pages.length;
  const memo = memoOf(model);
  const url = (n: number) => cachedUrl(model, pageUrlPath(listing.path, n), memo);
  const view: PaginationView = {
    current,
    total,
    show: total > 1,
    first: { number: 1, url: url(1) },
    last: { number: total, url: url(total) },
    slots: pageWindow(current, total).map((slot) =>
      slot === "gap" ? { gap: true as const } : { gap: false as const, number: slot, url: url(slot), current: slot === current },
    ),
  };
  if (current > 1) view.prev = { number: current - 1, url: url(current - 1) };
  if (current < total) view.next = { number: current + 1, url: url(current + 1) };
  return view;
}

/** Absolute URL of a site path; only called when `baseUrl` is set. */
export function absoluteUrl(model: SiteModel, path: string): string {
  return new URL(siteUrl(model.config.basePath, path), model.config.baseUrl).href;
}
