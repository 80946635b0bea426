/**
 * What the sidebar lists (`sidebar.source`): every article newest first, the
 * articles marked `featured: true`, or one category. By default the featured
 * articles when there are any, else the largest category when the site has
 * several, so that the home page's sidebar is not a copy of its main list.
 */
import { slugify } from "../load/slug.js";
import type { Listing, Term } from "./site.js";

/** The sidebar of every page: where its articles come from and which it shows. */
export interface SidebarModel {
  kind: "recent" | "featured" | "category";
  /** The category's name (its most used spelling, else as configured); the listing name otherwise. */
  name: string;
  /** The listing the sidebar's pager leads to; undefined when there is none (a category with no article yet). */
  listing?: Listing;
  /** Slugs of the articles shown, newest first. */
  slugs: string[];
}

/** The sidebar for `source` (`recent`, `featured`, a category name or slug; undefined: automatic), showing up to `count` articles. */
export function chooseSidebar(source: string | undefined, count: number, home: Listing, featured: Listing | undefined, categories: readonly Term[], categoryListings: ReadonlyMap<string, Listing>): SidebarModel {
  const fromListing = (kind: SidebarModel["kind"], listing: Listing, name = listing.name): SidebarModel => ({
    kind,
    name,
    listing,
    slugs: listing.pages.flat().slice(0, count),
  });
  const wanted = source?.trim().toLowerCase();
  if (wanted === "recent") return fromListing("recent", home);
  if (wanted === "featured") return featured ? fromListing("featured", featured) : { kind: "featured", name: "", slugs: [] };
  if (source !== undefined) {
    const slug = slugify(source);
    const term = categories.find((c) => c.slug === slug);
    const listing = term && categoryListings.get(term.slug);
    return listing ? fromListing("category", listing, term.name) : { kind: "category", name: source.trim(), slugs: [] };
  }
  if (featured) return fromListing("featured", featured);
  if (categories.length >= 2) {
    const largest = [...categories].sort((a, b) => b.articles.length - a.articles.length || (a.slug < b.slug ? -1 : 1))[0]!;
    return fromListing("category", categoryListings.get(largest.slug)!, largest.name);
  }
  return fromListing("recent", home);
}
