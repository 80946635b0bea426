/**
 * The search index as files, from the model and each article's terms: a
 * small `search/meta.json` (shard keys, categories, years, each article's
 * category), term shards `search/t/<key>.json` holding the postings of the
 * folded words that start with their key, and article records in chunks
 * `search/d/<n>.json` (title, URL, date, category, excerpt), fetched only for
 * the results shown. Pure: the same model and terms give the same bytes.
 */
import { calendarDate, formatDate, isoDateTime } from "../load/dates.js";
import type { SiteModel } from "../model/site.js";
import { fold, TokenTable } from "./fold.js";
import { encodeIds, type Posting, type PostingTable } from "./postings.js";
import type { ArticleTerms } from "./terms.js";

/** A file of the search index: path under the output root, and its text. */
export interface SearchFile {
  path: string;
  data: string;
}

/** Version of the index format; the browser refuses others. */
export const INDEX_VERSION = 1;

/** Folder of the index under the output root. */
export const INDEX_DIR = "search";

/** Articles per record chunk: results are shown ten at a time, rarely from more than a few chunks. */
export const DOCS_PER_CHUNK = 20;

/**
 * Most encoded characters in one term shard: above it a shard is split by
 * one more letter of its words (one word alone may exceed it). Runs of
 * neighbouring ids gzip well, so shards travel at a fraction of this.
 */
export const SHARD_BUDGET = 48_000;

/** Base-64 digits for per-article category numbers. */
const DIGITS64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/** The index files of `model`, whose articles' terms are `terms` (same order). */
export function indexFiles(model: SiteModel, terms: readonly ArticleTerms[]): SearchFile[] {
  const table = postingTable(terms);
  const shards = shardTerms(table);
  const files: SearchFile[] = [];
  const keys = [...shards.keys()].sort();
  files.push({ path: `${INDEX_DIR}/meta.json`, data: metaJson(model, keys) });
  for (const key of keys) files.push({ path: `${INDEX_DIR}/t/${shardFileName(key)}.json`, data: shardJson(shards.get(key)!, table) });
  for (let start = 0; start < model.articles.length; start += DOCS_PER_CHUNK) {
    files.push({ path: `${INDEX_DIR}/d/${start / DOCS_PER_CHUNK}.json`, data: docsJson(model, terms, start) });
  }
  return files;
}

/**
 * Gathers the postings of every accent key, grouped by folded word; ids are
 * article indexes, ascending. The terms' words are numbered as they are met
 * (`TokenTable.addWords`): no string is made per occurrence, and only the
 * distinct keys are looked up by string.
 */
export function postingTable(terms: readonly ArticleTerms[]): PostingTable {
  const words = new TokenTable();
  const docs: number[][] = [];
  const titles: number[][] = [];
  const ids: number[] = [];
  terms.forEach((article, id) => {
    ids.length = 0;
    words.addWords(article.title, ids);
    for (const word of ids) {
      (docs[word] ??= []).push(id);
      (titles[word] ??= []).push(id);
    }
    ids.length = 0;
    words.addWords(article.text, ids);
    for (const word of ids) (docs[word] ??= []).push(id);
  });
  const order = words.tokens.map((_, word) => word).sort((a, b) => (words.tokens[a]! < words.tokens[b]! ? -1 : 1));
  const table: PostingTable = new Map();
  for (const word of order) {
    const key = words.tokens[word]!;
    const folded = fold(key);
    let variants = table.get(folded);
    if (!variants) table.set(folded, (variants = new Map()));
    variants.set(key, { docs: docs[word]!, title: titles[word] ?? [] });
  }
  return table;
}

/**
 * Splits the folded words into shards: all in one while it fits the budget,
 * else by their first letter, then two, and so on for the shards still too
 * big. A word shorter than its shard's depth gets a shard of its own key.
 * The browser finds a word's shard as the longest key that begins the word.
 */
export function shardTerms(table: PostingTable): Map<string, string[]> {
  const sizes = new Map<string, number>();
  for (const [folded, variants] of table) sizes.set(folded, termSize(folded, variants));
  const shards = new Map<string, string[]>();
  const place = (key: string, words: string[], depth: number) => {
    const size = words.reduce((sum, w) => sum + sizes.get(w)!, 0);
    if (size <= SHARD_BUDGET || words.length === 1) {
      shards.set(key, words);
      return;
    }
    const groups = new Map<string, string[]>();
    for (const word of words) {
      const chars = [...word];
      const sub = chars.length <= depth ? key : chars.slice(0, depth + 1).join("");
      let group = groups.get(sub);
      if (!group) groups.set(sub, (group = []));
      group.push(word);
    }
    // The word equal to the key (if any) keeps the key; the others go one letter deeper.
    for (const [sub, group] of groups) {
      if (sub === key) shards.set(key, group);
      else place(sub, group, depth + 1);
    }
  };
  place("", [...table.keys()], 0);
  return shards;
}

/** Encoded size of a folded word's entry, roughly as `shardJson` writes it. */
function termSize(folded: string, variants: Map<string, Posting>): number {
  let size = folded.length + 6;
  for (const [key, p] of variants) size += key.length + encodeIds(p.docs).length + encodeIds(p.title).length + 12;
  return size;
}

/** A shard's key as a file name: ASCII letters and digits as they are, anything else as `~` and its hex code; "" is `_`. */
export function shardFileName(key: string): string {
  if (key === "") return "_";
  let name = "";
  for (const ch of key) name += /[a-z0-9]/.test(ch) ? ch : `~${ch.codePointAt(0)!.toString(16)}`;
  return name;
}

/** A shard: `{ folded: [[accent key, ids, title ids], …], … }`. */
function shardJson(words: readonly string[], table: PostingTable): string {
  const entries: Record<string, [string, string, string][]> = {};
  for (const word of [...words].sort()) {
    entries[word] = [...table.get(word)!].map(([key, p]) => [key, encodeIds(p.docs), encodeIds(p.title)]);
  }
  return JSON.stringify(entries);
}

/** The index's entry point: format, base path, shard keys, categories, years and each article's category. */
function metaJson(model: SiteModel, shardKeys: readonly string[]): string {
  const { config } = model;
  const categories = model.categories.map((c) => c.slug);
  const number = new Map(categories.map((slug, i) => [slug, i + 1]));
  const cats = model.articles.map((a) => (a.categorySlug !== undefined ? number.get(a.categorySlug)! : 0));
  const years: [number, number][] = [];
  model.articles.forEach((a, id) => {
    const year = calendarDate(a.date, config.timezone).year;
    if (years.at(-1)?.[0] !== year) years.push([year, id]);
  });
  const meta = {
    v: INDEX_VERSION,
    base: config.basePath,
    n: model.articles.length,
    chunk: DOCS_PER_CHUNK,
    shards: shardKeys,
    files: shardKeys.map(shardFileName),
    categories: model.categories.map((c) => [c.name, c.path, c.slug]),
    // One digit per article while the categories fit in 63, else a list.
    cats: categories.length < DIGITS64.length ? cats.map((c) => DIGITS64[c]).join("") : cats,
    years,
  };
  return JSON.stringify(meta);
}

/** A chunk of article records: `[title, path, displayed date, ISO date, category number (0: none), excerpt]`. */
function docsJson(model: SiteModel, terms: readonly ArticleTerms[], start: number): string {
  const { config } = model;
  const number = new Map(model.categories.map((c, i) => [c.slug, i + 1]));
  const records = model.articles.slice(start, start + DOCS_PER_CHUNK).map((a, k) => [
    a.title,
    a.path,
    formatDate(a.date, config.timezone, config.language),
    isoDateTime(a.date, config.timezone),
    a.categorySlug !== undefined ? number.get(a.categorySlug)! : 0,
    terms[start + k]!.excerpt,
  ]);
  return JSON.stringify(records);
}
