/**
 * Which pages a rebuild renders at once, before telling browsers to reload:
 * the pages of the articles that changed and the listing pages that show
 * them, or, when the theme changed, one page of each template and listing
 * kind (so template errors show at once). The others render when requested.
 */
import type { Listing, SiteModel } from "../model/site.js";
import { pageUrlPath } from "../model/paginate.js";
import type { PagePlan } from "../render/pages.js";

/** Where plans are found by output path. */
export interface PlanLookup {
  /** Page plans in plan order. */
  pages: readonly PagePlan[];
  get(path: string): { kind: string; plan?: PagePlan } | undefined;
}

/** The plans to render now: for the articles `changed` (slugs) and, with `sample`, one page of each template and listing kind. */
export function pagesToRenderNow(model: SiteModel, routes: PlanLookup, changed: ReadonlySet<string>, sample: boolean): PagePlan[] {
  const wanted = new Set<string>();
  for (const slug of changed) {
    const article = model.bySlug.get(slug);
    if (article) wanted.add(`${article.path}index.html`);
    for (const path of listingPagesOf(model.listings).get(slug) ?? []) wanted.add(path);
  }
  if (sample) {
    const kinds = new Set<string>();
    for (const listing of model.listings) {
      if (kinds.has(listing.kind)) continue;
      kinds.add(listing.kind);
      wanted.add(`${pageUrlPath(listing.path, 1)}index.html`);
    }
    const templates = new Set<string>();
    for (const plan of routes.pages) {
      if (templates.has(plan.template)) continue;
      templates.add(plan.template);
      wanted.add(plan.outputPath);
    }
  }
  const plans: PagePlan[] = [];
  for (const path of wanted) {
    const plan = routes.get(path)?.plan;
    if (plan) plans.push(plan);
  }
  return plans;
}

const byListings = new WeakMap<readonly Listing[], Map<string, string[]>>();

/** The output paths of the listing pages showing each article, by slug (kept per listings array). */
function listingPagesOf(listings: readonly Listing[]): Map<string, string[]> {
  let index = byListings.get(listings);
  if (index) return index;
  index = new Map();
  for (const listing of listings) {
    listing.pages.forEach((slugs, i) => {
      const path = `${pageUrlPath(listing.path, i + 1)}index.html`;
      for (const slug of slugs) {
        const paths = index!.get(slug);
        if (paths) paths.push(path);
        else index!.set(slug, [path]);
      }
    });
  }
  byListings.set(listings, index);
  return index;
}
