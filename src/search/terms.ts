/**
 * What one article gives the search index: the distinct words (accent keys)
 * of its title, those of the rest of its text (summary, body, captions, names
 * of its category, tags, authors and source), and the excerpt results show.
 * Depends only on the article file's text, so the build cache keeps it with
 * the file's front-matter.
 */
import type { LoadedArticle } from "../types.js";
import { accentKey, TokenTable } from "./fold.js";
import { markdownText, markdownWords } from "./text.js";

/** An article's words, as space-separated accent keys, and its excerpt. */
export interface ArticleTerms {
  /** Words of the title. */
  title: string;
  /** Words found elsewhere in the article and not in its title. */
  text: string;
  /** The summary, else the body's first paragraph, cut to `EXCERPT_LENGTH`. */
  excerpt: string;
}

/** Longest excerpt, in characters (a summary longer than the lint rule's 300 is cut). */
export const EXCERPT_LENGTH = 300;

/** Tokens seen so far and their accent keys (tokens recur across articles: each is keyed once). */
let table = new TokenTable();
let keys: string[] = [];

function keyOf(id: number): string {
  return (keys[id] ??= accentKey(table.tokens[id]!));
}

/** The search terms of `article`, whose Markdown body is `body` (`article.body` may be left empty by the loader). */
export function articleTerms(article: LoadedArticle, body: string): ArticleTerms {
  if (table.tokens.length > 1_000_000) {
    table = new TokenTable();
    keys = [];
  }
  const ids: number[] = [];
  table.nextGroup();
  table.add(article.title, ids);
  const title = new Set(ids.map(keyOf));
  const titleCount = ids.length;
  const add = (value: string | undefined) => value && table.add(value, ids);
  add(article.summary);
  add(markdownWords(body));
  add(article.category);
  article.tags.forEach((tag) => add(tag));
  article.authors.forEach((author) => add(author.name));
  add(article.source);
  for (const image of [article.cover, ...article.images]) {
    add(image?.alt);
    add(image?.caption);
  }
  const text = new Set<string>();
  for (let i = titleCount; i < ids.length; i++) {
    const key = keyOf(ids[i]!);
    if (!title.has(key)) text.add(key);
  }
  return { title: [...title].join(" "), text: [...text].join(" "), excerpt: excerptOf(article.summary ?? markdownText(body).firstParagraph) };
}

/** Text cut to `EXCERPT_LENGTH` at a word boundary, control characters removed. */
function excerptOf(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/\s+/g, " ").trim();
  if (clean.length <= EXCERPT_LENGTH) return clean;
  const cut = clean.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
