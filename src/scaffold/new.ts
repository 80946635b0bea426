/**
 * `gazette new`: an article skeleton named after its title and today's date
 * in the site timezone, with every front-matter field present or commented.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { BuildFailure, UsageError, explained, hasErrors } from "../diagnostics.js";
import { loadConfig } from "../load/config.js";
import { calendarDate, isoDateTime } from "../load/dates.js";
import { slugify } from "../load/slug.js";
import { ScaffoldError, writeIfAbsent } from "./write.js";
import { messageFromKey, type Lang, type MessageKey } from "../i18n/catalog.js";

/** What the skeleton is made from. */
export interface SkeletonInput {
  title: string;
  /** The clock, epoch ms. */
  now: number;
  timezone: string;
  category?: string;
  author?: string;
  /** The language of the comments (default English). */
  lang?: Lang;
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
  if (slug === "") throw explained(new UsageError(""), "new.no-slug", { title: input.title });
  const { year, month, day } = calendarDate(input.now, input.timezone);
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const minute = Math.floor(input.now / 60_000) * 60_000;
  const optional = (key: string, value: string | undefined, example: string, note: string) =>
    value !== undefined && value.trim() !== "" ? `${key}: ${yamlString(value.trim())}${note ? `  # ${note}` : ""}` : `# ${key}: ${example}${note ? `  # ${note}` : ""}`;
  const lang = input.lang ?? "en";
  const t = (key: `new.c-${string}` & MessageKey) => messageFromKey(lang, key, {}) ?? "";
  const photo = t("new.c-photo");
  const caption = t("new.c-caption");
  const text = [
    "---",
    `title: ${yamlString(title)}`,
    `date: ${isoDateTime(minute, input.timezone)}  # ${t("new.c-date")}`,
    `draft: true  # ${t("new.c-draft")}`,
    optional("author", input.author, "Tuấn Nguyễn", t("new.c-author")),
    `# source: Trung tâm VH,TT-TT Sa Pa  # ${t("new.c-source")}`,
    optional("category", input.category, "Tin tức", t("new.c-category")),
    "# tags: [sinh kế, phụ nữ]",
    `# summary: ${t("new.c-summary")}`,
    `# cover: {src: images/anh-bia.jpg, alt: ${photo}, caption: ${caption}}`,
    `# images:  # ${t("new.c-images")}`,
    `#   - {src: images/anh-1.jpg, alt: ${photo}, caption: ${caption}}`,
    `# updated: ${date}  # ${t("new.c-updated")}`,
    `# slug: my-url  # ${t("new.c-slug")}`,
    `# layout: article  # ${t("new.c-layout")}`,
    "---",
    "",
    `<!-- ${t("new.c-body")}`,
    `     ![${photo}](images/anh-1.jpg "${caption}") -->`,
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
  lang?: Lang;
}

/**
 * Writes a new article into the site at `options.source` and returns its path
 * relative to `cwd`. Throws UsageError (no such folder, no usable title),
 * BuildFailure (a broken config) or ScaffoldError (the file exists).
 */
export function createArticle(options: NewArticleOptions): string {
  const root = resolve(options.cwd, options.source);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw explained(new UsageError(""), "usage.source-not-found", { source: options.source });
  const config = loadConfig(root, relative(options.cwd, root) || ".");
  if (hasErrors(config.diagnostics)) throw new BuildFailure(config.diagnostics);
  const skeleton = articleSkeleton({ ...options, timezone: config.config.timezone });
  const path = join(root, skeleton.path);
  const shown = relative(options.cwd, path);
  if (!writeIfAbsent(path, skeleton.text)) throw explained(new ScaffoldError(""), "new.exists", { path: shown });
  return shown;
}
