/**
 * `gazette new`: an article skeleton named after its title and today's date
 * in the site timezone, with every front-matter field present or commented.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { BuildFailure, UsageError, hasErrors } from "../diagnostics.js";
import { loadConfig } from "../load/config.js";
import { calendarDate, isoDateTime } from "../load/dates.js";
import { slugify } from "../load/slug.js";
import { ScaffoldError, writeIfAbsent } from "./write.js";

/** What the skeleton is made from. */
export interface SkeletonInput {
  title: string;
  /** The clock, epoch ms. */
  now: number;
  timezone: string;
  category?: string;
  author?: string;
}

/** Longest slug put in a file name, in characters. */
const MAX_SLUG = 80;

/** A slug short enough for a file name, cut at a word boundary. */
function fileSlug(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG);
}

/** A YAML scalar holding `text` exactly (a JSON string is valid YAML). */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** The path (relative to the site folder) and text of a new article; throws UsageError for a title without letters. */
export function articleSkeleton(input: SkeletonInput): { path: string; text: string } {
  const title = input.title.trim();
  const slug = fileSlug(title);
  if (slug === "") throw new UsageError(`cannot make a file name from the title "${input.title}": it has no letters or digits`);
  const { year, month, day } = calendarDate(input.now, input.timezone);
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const minute = Math.floor(input.now / 60_000) * 60_000;
  const optional = (key: string, value: string | undefined, example: string, note: string) =>
    value !== undefined && value.trim() !== "" ? `${key}: ${yamlString(value.trim())}${note ? `  # ${note}` : ""}` : `# ${key}: ${example}${note ? `  # ${note}` : ""}`;
  const text = [
    "---",
    `title: ${yamlString(title)}`,
    `date: ${isoDateTime(minute, input.timezone)}  # publication time; a future date is built only with --future`,
    "draft: true  # built only with --drafts: delete this line to publish",
    optional("author", input.author, "Tuấn Nguyễn", "or authors: [Tuấn Nguyễn, Hoàng Luyến]; items may be {name, url}"),
    "# source: Trung tâm VH,TT-TT Sa Pa  # organisation shown with the authors",
    optional("category", input.category, "Tin tức", "one category"),
    "# tags: [sinh kế, phụ nữ]",
    "# summary: One or two sentences for listings and search engines (default: the first paragraph).",
    "# cover: {src: images/anh-bia.jpg, alt: What the photo shows, caption: The caption under it.}",
    "# images:  # alt text and captions of the photos in the body, matched by src",
    "#   - {src: images/anh-1.jpg, alt: What the photo shows, caption: The caption under it.}",
    `# updated: ${date}  # date of the last significant change`,
    "# slug: my-url  # the article's URL is /<slug>/; default: from the file name",
    "# layout: article  # another page template: templates/<layout>.hbs",
    "---",
    "",
    "<!-- The first paragraph is the summary unless `summary:` is set. A photo alone in its",
    "     paragraph becomes a figure; the text in quotes is its caption:",
    '     ![What the photo shows](images/anh-1.jpg "The caption under it.") -->',
    "",
  ].join("\n");
  return { path: `content/${date.slice(0, 4)}/${date}-${slug}.md`, text };
}

/** What `gazette new` is asked to do. */
export interface NewArticleOptions {
  source: string;
  cwd: string;
  title: string;
  now: number;
  category?: string;
  author?: string;
}

/**
 * Writes a new article into the site at `options.source` and returns its path
 * relative to `cwd`. Throws UsageError (no such folder, no usable title),
 * BuildFailure (a broken config) or ScaffoldError (the file exists).
 */
export function createArticle(options: NewArticleOptions): string {
  const root = resolve(options.cwd, options.source);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`source folder not found: ${options.source}`);
  const config = loadConfig(root, relative(options.cwd, root) || ".");
  if (hasErrors(config.diagnostics)) throw new BuildFailure(config.diagnostics);
  const skeleton = articleSkeleton({ ...options, timezone: config.config.timezone });
  const path = join(root, skeleton.path);
  const shown = relative(options.cwd, path);
  if (!writeIfAbsent(path, skeleton.text)) throw new ScaffoldError(`${shown} already exists; not overwriting it (edit it, or choose another title)`);
  return shown;
}
