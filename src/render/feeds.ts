/**
 * The machine-read files of the site: Atom feed, sitemap and robots.txt.
 * Feed and sitemap need absolute URLs, so they exist only with `baseUrl`.
 */
import { formatRfc3339 } from "../load/dates.js";
import { stripControlCharacters } from "../load/text.js";
import { pageUrlPath } from "../model/paginate.js";
import { labelVideos } from "../markdown/video.js";
import { labelsFor } from "./labels.js";
import { absoluteUrl } from "./pages.js";
import type { SiteModel } from "../model/site.js";

/** Number of entries in the Atom feed. */
export const FEED_SIZE = 20;

/** The Atom feed of the newest articles, or undefined without `baseUrl`. */
export function renderFeed(model: SiteModel): string | undefined {
  if (!model.config.baseUrl) return undefined;
  const latest = model.articles.slice(0, FEED_SIZE);
  const playVideoOn = labelsFor(model.config.language).playVideoOn ?? "Play the video on";
  const updated = latest.reduce((max, a) => Math.max(max, a.updated ?? a.date), 0);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(model.config.language)}" xml:base="${xml(model.config.baseUrl)}">`,
    `  <title>${xml(model.config.title)}</title>`,
    // Atom needs an author for every entry: the site stands for articles that name none.
    `  <author><name>${xml(model.config.title)}</name><uri>${xml(model.config.baseUrl)}</uri></author>`,
  ];
  if (model.config.description) lines.push(`  <subtitle>${xml(model.config.description)}</subtitle>`);
  lines.push(
    `  <id>${xml(model.config.baseUrl)}</id>`,
    `  <link rel="self" href="${xml(absoluteUrl(model, "feed.xml"))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(absoluteUrl(model, ""))}"/>`,
    `  <updated>${formatRfc3339(updated)}</updated>`,
    `  <generator>gazette</generator>`,
  );
  for (const article of latest) {
    const url = absoluteUrl(model, article.path);
    lines.push(
      `  <entry>`,
      `    <title>${xml(article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <id>${xml(url)}</id>`,
      `    <published>${formatRfc3339(article.date)}</published>`,
      `    <updated>${formatRfc3339(article.updated ?? article.date)}</updated>`,
      ...article.authors.map((a) => `    <author><name>${xml(a.name)}</name></author>`),
      ...(article.category !== undefined ? [`    <category term="${xml(article.categorySlug!)}" label="${xml(article.category)}"/>`] : []),
      `    <summary>${xml(article.summaryText)}</summary>`,
      `    <content type="html">${xml(labelVideos(article.html, playVideoOn))}</content>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}

/** The sitemap of every article and listing page, or undefined without `baseUrl`. */
export function renderSitemap(model: SiteModel): string | undefined {
  if (!model.config.baseUrl) return undefined;
  const lines = [`<?xml version="1.0" encoding="utf-8"?>`, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`];
  for (const listing of model.listings) {
    const newest = listing.pages[0]?.[0];
    const lastmod = newest ? model.bySlug.get(newest)!.date : undefined;
    listing.pages.forEach((_, i) => {
      lines.push(`  <url><loc>${xml(absoluteUrl(model, pageUrlPath(listing.path, i + 1)))}</loc>${lastmod && i === 0 ? `<lastmod>${formatRfc3339(lastmod)}</lastmod>` : ""}</url>`);
    });
  }
  for (const article of model.articles) {
    lines.push(`  <url><loc>${xml(absoluteUrl(model, article.path))}</loc><lastmod>${formatRfc3339(article.updated ?? article.date)}</lastmod></url>`);
  }
  lines.push(`</urlset>`, "");
  return lines.join("\n");
}

/** robots.txt allowing everything, pointing at the sitemap when there is one. */
export function renderRobots(model: SiteModel): string {
  const lines = ["User-agent: *", "Allow: /"];
  if (model.config.baseUrl) lines.push(`Sitemap: ${absoluteUrl(model, "sitemap.xml")}`);
  return lines.join("\n") + "\n";
}

/** Escapes text for XML content and attribute values; characters XML does not allow are left out. */
export function xml(text: string): string {
  return stripControlCharacters(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}
