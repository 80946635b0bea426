/**
 * The views of the portal's parts: the sidebar with its pager, the pager
 * under "other news", and the site-wide extras from the config (footer
 * lines, login link, visitor counter).
 */
import { siteUrl } from "../load/paths.js";
import { pageUrlPath, pageWindow } from "../model/paginate.js";
import type { Listing, ModelArticle, SiteModel } from "../model/site.js";
import type { SiteConfig } from "../types.js";
import type { ArticleLinkView, FooterView, NavView, PagerView, SidebarView, SiteView } from "./views.js";

/**
 * Links to the pages of `listing` from outside it, around page `from`
 * (`1 2 3 … 12`); undefined when the listing has a single page.
 */
export function pagerView(listing: Listing, name: string, label: string, from: number, labels: Record<string, string>, url: (path: string) => string): PagerView | undefined {
  const total = listing.pages.length;
  if (total < 2) return undefined;
  const page = (labels.page ?? "Page").toLocaleLowerCase();
  return {
    label,
    slots: pageWindow(Math.min(Math.max(from, 1), total), total).map((slot) =>
      slot === "gap" ? { gap: true as const } : { gap: false as const, number: slot, url: url(pageUrlPath(listing.path, slot)), label: `${name}, ${page} ${slot}` },
    ),
  };
}

/** Where a page stands in the category bar: its URL, its article's category, its listing. */
export interface NavPlace {
  pageUrl: string;
  /** The URL of the category of the article shown. */
  categoryUrl?: string | undefined;
  /** The listing shown, if any: a category listing makes its category active. */
  listing?: { kind: string; name: string } | undefined;
}

/**
 * The category bar's state on a page: whether it is the home page, and the
 * positions in `site.categories` (-1: none) of the category whose listing it
 * is and of the one it belongs to. Each category has its own name and URL.
 */
export function navState(site: SiteView, place: NavPlace): { home: boolean; current: number; active: number } {
  const listingCategory = place.listing?.kind === "category" ? place.listing.name : undefined;
  return {
    home: place.pageUrl === site.homeUrl,
    current: site.categories.findIndex((c) => c.url === place.pageUrl),
    active: site.categories.findIndex((c) => c.url === place.categoryUrl || c.name === listingCategory),
  };
}

/** The category bar as a page in `state` shows it (see `NavView`). */
export function navView(site: SiteView, state: ReturnType<typeof navState>): NavView {
  return {
    home: state.home,
    items: site.categories.map((c, i) => ({ name: c.name, url: c.url, current: i === state.current, active: i === state.active })),
  };
}

/** The sidebar every page shows: its articles, its heading and a pager into the listing they come from. */
export function sidebarView(model: SiteModel, items: ArticleLinkView[], labels: Record<string, string>, url: (path: string) => string): SidebarView {
  const { sidebar } = model;
  const heading =
    sidebar.kind === "category" ? sidebar.name
    : sidebar.kind === "featured" ? labels.featured ?? "Featured"
    : labels.recentNews ?? "Recent news";
  const view: SidebarView = { recent: items, kind: sidebar.kind, heading };
  if (sidebar.listing) {
    view.url = url(pageUrlPath(sidebar.listing.path, 1));
    const pager = pagerView(sidebar.listing, heading, `${heading}: ${labels.pages ?? "pages"}`, 1, labels, url);
    if (pager) view.pager = pager;
  }
  return view;
}

const positions = new WeakMap<Listing, Map<string, number>>();

/**
 * Where the pager under an article's "other news" points: its category's
 * listing (the home listing without a category), and the page of it that
 * holds the article just older than it, where the list continues.
 */
export function relatedPagerPlace(model: SiteModel, article: ModelArticle): { listing: Listing; from: number } | undefined {
  const listing = model.listings.find((l) => (article.categorySlug === undefined ? l.kind === "home" : l.kind === "category" && l.term === article.categorySlug));
  if (!listing) return undefined;
  let index = positions.get(listing);
  if (!index) {
    index = new Map(listing.pages.flat().map((slug, i) => [slug, i]));
    positions.set(listing, index);
  }
  const next = (index.get(article.slug) ?? 0) + 1;
  return { listing, from: Math.floor(next / model.config.perPage) + 1 };
}

/** The pager under an article's "other news" (see `relatedPagerPlace`). */
export function relatedPagerView(model: SiteModel, article: ModelArticle, labels: Record<string, string>, url: (path: string) => string): PagerView | undefined {
  const place = relatedPagerPlace(model, article);
  if (!place) return undefined;
  const name = article.categorySlug === undefined ? labels.latestNews ?? "Latest news" : place.listing.name;
  const otherNews = labels.otherNews ?? "Other news";
  return pagerView(place.listing, name, `${otherNews}: ${labels.pages ?? "pages"}`, place.from, labels, url);
}

/** The site-wide extras of `site` from the config: login link, GoatCounter, footer lines. */
export function portalSiteFields(config: SiteConfig): Pick<SiteView, "loginUrl" | "goatcounter" | "footer"> {
  const fields: Pick<SiteView, "loginUrl" | "goatcounter" | "footer"> = {};
  if (config.login) fields.loginUrl = config.login.url.startsWith("/") ? siteUrl(config.basePath, config.login.url.slice(1)) : config.login.url;
  if (config.analytics?.goatcounter) fields.goatcounter = config.analytics.goatcounter;
  if (config.footer) {
    const { phone, email, ...lines } = config.footer;
    const footer: FooterView = { ...lines };
    // Non-breaking spaces and hyphens: a phone number never wraps across lines.
    if (phone) footer.phone = { text: phone.replace(/ /g, "\u00a0").replace(/-/g, "\u2011"), href: `tel:${phone.replace(/[^\d+]/g, "")}` };
    if (email) footer.email = { text: email, href: `mailto:${email}` };
    fields.footer = footer;
  }
  return fields;
}
