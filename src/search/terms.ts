/**
 * What one article gives the search index: the distinct words (accent keys)
 * of its title, those of the rest of its text (summary, body, captions, names
 * of its category, tags, authors and source), and the excerpt results show.
 * Depends only on the article file's text, so the build cache keeps it with
 * the file's front-matter.
 */
import type { LoadedArticle } from "../types.js";
import { accentKey, grown, TokenTable } from "./fold.js";
import { firstParagraphText, markdownWords } from "./text.js";

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

/**
 * Tokens seen so far, and for each the number of its accent key (tokens
 * recur across articles: each is keyed once; "Hóa" and "hóa" share a key).
 * An article's distinct keys are found by marking key numbers, not by sets
 * of strings.
 */
let table = new TokenTable();
let keyOfToken: number[] = [];
let keys: string[] = [];
let keyNumbers = new Map<string, number>();
/** Per key number: the last article (`round`) whose title, or whose other text, gave it. */
let inTitle = new Int32Array(1 << 14);
let inText = new Int32Array(1 << 14);
let round = 0;

function keyNumber(id: number): number {
  let number = keyOfToken[id];
  if (number === undefined) {
    const key = accentKey(table.tokens[id]!);
    number = keyNumbers.get(key);
    if (number === undefined) {
      number = keys.length;
      keys.push(key);
      keyNumbers.set(key, number);
      if (number >= inTitle.length) {
        inTitle = grown(inTitle);
        inText = grown(inText);
      }
    }
    keyOfToken[id] = number;
  }
  return number;
}

/** The keys of tokens `ids[from…to)`, each once: marked in `marks` for this round, and left out when `except` has it. */
function distinctKeys(ids: readonly number[], from: number, to: number, marks: Int32Array, except?: Int32Array): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const number = keyNumber(ids[i]!);
    if (marks[number] === round || except?.[number] === round) continue;
    marks[number] = round;
    out.push(keys[number]!);
  }
  return out;
}

/** The search terms of `article`, whose Markdown body is `body` (`article.body` may be left empty by the loader). */
export function articleTerms(article: LoadedArticle, body: string): ArticleTerms {
  if (table.tokens.length > 1_000_000) {
    table = new TokenTable();
    keyOfToken = [];
    keys = [];
    keyNumbers = new Map();
    // The marks stay: they hold earlier rounds, never the next one.
  }
  round++;
  const ids: number[] = [];
  table.nextGroup();
  table.add(article.title, ids);
  const titleCount = ids.length;
  const title = distinctKeys(ids, 0, titleCount, inTitle);
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
  const text = distinctKeys(ids, titleCount, ids.length, inText, inTitle);
  return { title: title.join(" "), text: text.join(" "), excerpt: excerptOf(article.summary ?? firstParagraphText(body)) };
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
