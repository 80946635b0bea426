/**
 * Building `renderMarkdown`'s input from a loaded article: one place for the
 * build, the cached/staged build, `check` and `serve`.
 */
import { siteUrl } from "../load/paths.js";
import type { LoadedArticle, SiteConfig } from "../types.js";
import type { MarkdownInput } from "./render.js";

/** The fields of a Markdown input that come from the article and the config. */
export type ArticleMarkdownFields = Pick<MarkdownInput, "body" | "bodyLine" | "contentPath" | "displayPath" | "basePath" | "allowHtml" | "images" | "leadImage">;

/** The article's own part of its Markdown input: body, positions, settings, and its images with the cover. */
export function articleMarkdownFields(article: LoadedArticle, config: Pick<SiteConfig, "basePath" | "markdown">): ArticleMarkdownFields {
  return {
    body: article.body,
    bodyLine: article.bodyLine,
    contentPath: article.contentPath,
    displayPath: article.displayPath,
    basePath: config.basePath,
    allowHtml: config.markdown.allowHtml,
    images: article.cover ? [...article.images, article.cover] : article.images,
    leadImage: !article.cover,
  };
}

/** Content path → final URL of every published article, for `.md` link rewriting. */
export function articleUrlMap(published: readonly LoadedArticle[], basePath: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const article of published) urls[article.contentPath] = siteUrl(basePath, `${article.slug}/`);
  return urls;
}
