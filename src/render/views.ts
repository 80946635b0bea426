/**
 * View objects: the plain data every template receives. Templates never see
 * internal classes; every URL here is final (base path applied, ready for href).
 */

import type { PictureView } from "../images/markup.js";

/** A date ready for a `<time>` element. */
export interface DateView {
  /** ISO 8601 with the site timezone's offset: `2024-07-26T09:00:00+07:00`. */
  iso: string;
  /** As shown to readers: `26/07/2024` in `vi`. */
  display: string;
}

/** A named link: a category, author or tag. */
export interface LinkView {
  name: string;
  url: string;
}

/**
 * The category bar (and its phone menu) as one page shows it: the home link
 * and a link per category of `site.categories`, each knowing whether it is
 * the page shown (`current`) or the category the page belongs to (`active`).
 * Pages in the same state share one view, so a partial that reads only
 * `site`, `labels`, `sidebar` and `nav` renders once per state.
 */
export interface NavView {
  /** The page shown is the home page. */
  home: boolean;
  items: NavItemView[];
}

/** A category in the category bar. */
export interface NavItemView extends LinkView {
  /** The link is the page shown (the first page of the category's listing). */
  current: boolean;
  /** The page shown belongs to the category: an article in it, or a page of its listing. */
  active: boolean;
}

/** An author on an article: links to their listing page; `profileUrl` from front-matter if given. */
export interface AuthorView extends LinkView {
  profileUrl?: string;
}

/** An image with its text, for `<figure>`; a photo also has its derivatives (srcset, sizes, width, height, sources, full). */
export interface FigureView extends Partial<Omit<PictureView, "src">> {
  src: string;
  alt: string;
  caption?: string;
  /** Cards: `sizes` for the home page's lead card. */
  leadSizes?: string;
}

/** A short entry in the sidebar or the "other news" list. */
export interface ArticleLinkView {
  title: string;
  url: string;
  date: DateView;
}

/** An article card in a listing. */
export interface ArticleCardView extends ArticleLinkView {
  summary: string;
  category?: LinkView;
  cover?: FigureView;
  authors: AuthorView[];
}

/** Everything about one article for its own page. */
export interface ArticleView {
  title: string;
  url: string;
  date: DateView;
  updated?: DateView;
  authors: AuthorView[];
  source?: string;
  category?: LinkView;
  tags: LinkView[];
  cover?: FigureView;
  /** Rendered body HTML (use triple braces in templates). */
  html: string;
  summary: string;
  /** "Edit this article" link when `editUrl` is configured. */
  editUrl?: string;
  /** True when the body holds a click-to-load video (the theme then loads its player script). */
  hasVideo: boolean;
  /** Front-matter keys gazette does not know. */
  data: Record<string, unknown>;
}

/** One slot of the pagination bar: a numbered page or a `…` gap. */
export type PageSlotView =
  | { gap: false; number: number; url: string; current: boolean }
  | { gap: true };

/** The pagination bar of a listing. */
export interface PaginationView {
  current: number;
  total: number;
  /** True when there is more than one page (templates hide the bar otherwise). */
  show: boolean;
  first: { number: 1; url: string };
  last: { number: number; url: string };
  prev?: { number: number; url: string };
  next?: { number: number; url: string };
  slots: PageSlotView[];
}

/**
 * A row of page links leading into a listing from another page (the sidebar,
 * "other news"): no current page, each link labelled with the listing's name.
 */
export interface PagerView {
  /** Accessible name of the `<nav>`: `Thông báo: các trang`. */
  label: string;
  slots: ({ gap: false; number: number; url: string; label: string } | { gap: true })[];
}

/** The sidebar, the same on every page. */
export interface SidebarView {
  /** The articles it lists (the name stays from when it listed only recent articles). */
  recent: ArticleLinkView[];
  /** `recent`, `featured` or `category`: where the articles come from (`sidebar.source`). */
  kind: "recent" | "featured" | "category";
  /** Its title: the category's name, or the label for recent or featured news. */
  heading: string;
  /** First page of the listing it comes from, when there is one. */
  url?: string;
  /** Links to the pages of that listing, when it has more than one. */
  pager?: PagerView;
}

/** The footer's lines from `footer:` in the config; each only when set. */
export interface FooterView {
  organisation?: string;
  address?: string;
  phone?: { text: string; href: string };
  email?: { text: string; href: string };
  editor?: string;
  licence?: string;
}

/** A listing page: home, category, author, tag or the featured articles. */
export interface ListingView {
  kind: "home" | "category" | "author" | "tag" | "featured";
  /** Name of the category/author/tag; the site title for home. */
  name: string;
  /** Heading to show, e.g. `Tin tức` or `Tác giả: Tuấn Nguyễn`. */
  heading: string;
  items: ArticleCardView[];
  pagination: PaginationView;
}

/** Data shared by every page of the site. */
export interface SiteView {
  title: string;
  description: string;
  language: string;
  /** Home page URL (the base path). */
  homeUrl: string;
  /** Atom feed URL, when the feed is built (needs `baseUrl`). */
  feedUrl?: string;
  /** Categories for the navigation, in order of article count (then name). */
  categories: (LinkView & { count: number })[];
  /** URL of a theme asset folder, ending in `/`: `{{site.assetsUrl}}style.css`. */
  assetsUrl: string;
  /** Current year in the site timezone, for the footer's copyright line. */
  year: number;
  /** The "log in" link of the header (`login.url`), when configured. */
  loginUrl?: string;
  /** GoatCounter site URL without a trailing slash (`analytics.goatcounter`), when configured. */
  goatcounter?: string;
  /** The footer's organisation lines, when any is configured. */
  footer?: FooterView;
  /** URL of the search page, when the site has search (the header's search box sends its query there). */
  searchUrl?: string;
}

/** The page being rendered. */
export interface PageView {
  kind: "article" | "listing" | "404" | "search";
  /** Text for `<title>` (without the site name). */
  title: string;
  /** URL of this page. */
  url: string;
  /** Absolute canonical URL, when `baseUrl` is set. */
  canonical?: string;
  description: string;
  /** Front-matter extras of an article page; empty elsewhere. */
  data: Record<string, unknown>;
  /** `og:image` of an article with a cover photo: the largest derivative in the original's format (absolute URL when `baseUrl` is set). */
  image?: { url: string; width: number; height: number };
}

/** What every template receives at its root. */
export interface TemplateContext {
  site: SiteView;
  page: PageView;
  /** The category bar's state on this page (see `NavView`). */
  nav: NavView;
  /** UI labels in the site language (see `src/render/labels.ts`). */
  labels: Record<string, string>;
  /** The sidebar, computed once per build. */
  sidebar: SidebarView;
  /** Set on article pages. */
  article?: ArticleView;
  /** "Other news" on article pages. */
  related?: ArticleLinkView[];
  /** Article pages: links to the pages of the listing "other news" continues in (the article's category, else home). */
  relatedPager?: PagerView;
  /** Set on listing pages. */
  listing?: ListingView;
  /** Set on the search page: where its script finds the index (a folder URL ending in `/`). */
  search?: { indexUrl: string };
}
