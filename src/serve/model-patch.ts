/**
 * Updating the site model in place of `buildSite` when only article bodies
 * changed. With every article's front-matter as before, the published list,
 * taxonomies, listings, related lists and sidebar are as before too; only
 * what an article derives from its body (HTML, default summary) differs.
 */
import { buildSite, type ModelArticle, type SiteModel } from "../model/site.js";
import type { LoadedArticle, RenderedBody, SiteConfig } from "../types.js";
import { stableJson } from "../model/fingerprint.js";

/** One published article whose body changed: its index in the published list, old and new inputs. */
export interface BodyChange {
  index: number;
  before: { article: LoadedArticle; body: RenderedBody };
  after: { article: LoadedArticle; body: RenderedBody };
}

/**
 * The model `buildSite` would give after `changes`, made from `model` without
 * rebuilding it. Each changed article takes the fields that differ between
 * `buildSite` of its old and of its new version alone; fields that come from
 * the rest of the site stay as they are.
 */
export function patchModel(model: SiteModel, changes: readonly BodyChange[], config: SiteConfig): SiteModel {
  if (changes.length === 0) return model;
  const articles = model.articles.slice();
  const bySlug = new Map(model.bySlug);
  for (const change of changes) {
    const before = alone(change.before.article, change.before.body, config);
    const after = alone(change.after.article, change.after.body, config);
    const item: Record<string, unknown> = { ...articles[change.index]! };
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const value = (after as unknown as Record<string, unknown>)[key];
      if (stableJson((before as unknown as Record<string, unknown>)[key]) === stableJson(value)) continue;
      if (key in after) item[key] = value;
      else delete item[key];
    }
    const patched = item as unknown as ModelArticle;
    articles[change.index] = patched;
    bySlug.set(patched.slug, patched);
  }
  return { ...model, articles, bySlug };
}

function alone(article: LoadedArticle, body: RenderedBody, config: SiteConfig): ModelArticle {
  return buildSite([article], [{ html: body.html, firstParagraph: body.firstParagraph }], config).articles[0]!;
}
