/**
 * Parsing and validating an article's front-matter: from the text of one
 * Markdown file to a `LoadedArticle`, or diagnostics naming the field at fault.
 */
import matter from "gray-matter";
import { error, hasErrors, warning, type Diagnostic } from "../diagnostics.js";
import type { ArgsOf, Found, MessageKey } from "../i18n/catalog.js";
import type { AuthorRef, ImageMeta, LoadedArticle, SiteConfig } from "../types.js";
import { parseDate } from "./dates.js";
import { MAX_SLUG_LENGTH, slugify } from "./slug.js";
import { cleanValue, findControlCharacters, hasControlCharacters, normalizeLoneCarriageReturns, stripControlCharacters } from "./text.js";
import { parseYaml, type ParsedYaml, type YamlProblem } from "./yaml.js";

/** Where an article file is, in the three forms the stages need. */
export interface ArticleFile {
  contentPath: string;
  displayPath: string;
  sitePath: string;
}

/** The outcome of parsing one file: the article when it is valid, and every problem found. */
export interface ParsedArticle {
  article?: LoadedArticle;
  diagnostics: Diagnostic[];
}

const KNOWN_KEYS = new Set([
  "title", "date", "updated", "authors", "author", "source", "category", "tags",
  "summary", "cover", "images", "slug", "draft", "layout",
]);

/** Parses front-matter and body of one article file and validates every known field. */
export function parseArticle(text: string, file: ArticleFile, config: Pick<SiteConfig, "timezone">): ParsedArticle {
  const raw = text.replace(/^\uFEFF/, "");
  // Control characters never go further than this; lone CRs end lines, as in the warnings' line numbers.
  // Almost no file has any: the text is scanned once, and only one that has them is scanned again.
  const controls = hasControlCharacters(raw);
  const diagnostics: Diagnostic[] = controls ? controlWarnings(raw, file.displayPath) : [];
  const source = normalizeLoneCarriageReturns(controls ? stripControlCharacters(raw) : raw);
  const unclosed = unclosedFrontMatter(source, file.displayPath);
  if (unclosed) return { diagnostics: [...diagnostics, unclosed] };
  // gray-matter hands its engine the text after the opening `---` (starting with that line's end), so YAML lines are file lines.
  let yamlDoc: ParsedYaml | undefined;
  const engines = { yaml: (block: string) => ((yamlDoc = parseYaml(block)).data ?? {}) as object };
  // gray-matter copies its whole input into a Buffer it never reads again: it gets the front-matter block only.
  const split = splitFrontMatter(source);
  const parsed = matter(split ? source.slice(0, split.end) : source, { engines } as Parameters<typeof matter>[1]);
  const body = split ? source.slice(split.bodyStart) : parsed.content;
  if (yamlDoc?.problem) return { diagnostics: [...diagnostics, yamlDiagnostic(yamlDoc.problem, file.displayPath)] };
  const fm = (parsed.data ?? {}) as Record<string, unknown>;
  const hasFrontMatter = yamlDoc !== undefined;
  const at = (key: string) => ({ file: file.displayPath, line: yamlDoc?.lineOf(key) ?? 1 });
  const fail: Fail = (key, message, args) => diagnostics.push(error(message, args as never, at(key)));

  if (typeof fm !== "object" || fm === null || Array.isArray(fm)) {
    return { diagnostics: [...diagnostics, error("front-matter.not-mapping", {}, { file: file.displayPath, line: 1 })] };
  }
  // Escapes such as "\x0B" in quoted YAML make control characters the text scan cannot see.
  for (const key of Object.keys(fm)) {
    const cleaned = cleanValue(fm[key]);
    if (!cleaned.changed) continue;
    fm[key] = cleaned.value;
    diagnostics.push(warning("control-character.escape", { field: key }, at(key)));
  }

  const text_ = (key: string, required = false): string | undefined => {
    const value = fm[key];
    if (value === undefined || value === null || value === "") {
      if (required) fail(key, "front-matter.missing", { field: key });
      return undefined;
    }
    if (typeof value === "string") return value.trim();
    if (typeof value === "number") return String(value);
    fail(key, "front-matter.not-text", { field: key, found: describe(value) });
    return undefined;
  };
  const textList = (key: string): string[] => {
    const value = fm[key];
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    for (const item of items) {
      if (typeof item === "string" && item.trim() !== "") out.push(item.trim());
      else if (typeof item === "number") out.push(String(item));
      else fail(key, "front-matter.not-names", { field: key, found: describe(item) });
    }
    return [...new Set(out)];
  };
  const date = (key: string, required: boolean): number | undefined => {
    const value = fm[key];
    if (value === undefined || value === null || value === "") {
      if (required) fail(key, "front-matter.missing", { field: key });
      return undefined;
    }
    const result = parseDate(value, config.timezone);
    if (!result.ok) {
      fail(key, "front-matter.date", { field: key, value: result.value, problem: result.problem, ...(result.detail ? { detail: result.detail } : {}) });
      return undefined;
    }
    return result.time;
  };
  const image = (key: string, value: unknown): ImageMeta | undefined => {
    if (typeof value === "string" && value.trim() !== "") return { src: value.trim() };
    if (isObject(value) && typeof value.src === "string" && value.src.trim() !== "") {
      const meta: ImageMeta = { src: value.src.trim() };
      for (const prop of ["alt", "caption"] as const) {
        const v = value[prop];
        if (typeof v === "string") meta[prop] = v.trim();
        else if (v !== undefined && v !== null) fail(key, "front-matter.image-prop", { field: key, prop });
      }
      for (const extra of Object.keys(value)) {
        if (!["src", "alt", "caption"].includes(extra)) fail(key, "front-matter.image-key", { field: key, key: extra });
      }
      return meta;
    }
    fail(key, "front-matter.not-image", { field: key });
    return undefined;
  };

  const title = text_("title", true);
  const published = date("date", true);
  const updated = date("updated", false);
  const authors = readAuthors(fm, fail);
  const source_ = text_("source");
  const category = readCategory(fm, fail);
  const tags = textList("tags");
  const summary = text_("summary");
  const cover = fm.cover === undefined || fm.cover === null ? undefined : image("cover", fm.cover);
  const images: ImageMeta[] = [];
  if (fm.images !== undefined && fm.images !== null) {
    if (!Array.isArray(fm.images)) fail("images", "front-matter.images-not-list", {});
    else for (const item of fm.images) {
      const meta = image("images", item);
      if (meta) images.push(meta);
    }
  }
  let draft = false;
  if (fm.draft !== undefined && fm.draft !== null) {
    if (typeof fm.draft === "boolean") draft = fm.draft;
    else fail("draft", "front-matter.draft", {});
  }
  const layout = text_("layout") ?? "article";
  if (!/^[A-Za-z0-9_-]+$/.test(layout)) fail("layout", "front-matter.layout", { value: layout });

  const slugSource = text_("slug") ?? fileSlugSource(file.contentPath);
  const slug = slugify(slugSource);
  if (slug === "") {
    fail(fm.slug !== undefined ? "slug" : "title", "front-matter.empty-slug", { value: slugSource });
  }
  else if (slug.length > MAX_SLUG_LENGTH) {
    fail(fm.slug !== undefined ? "slug" : "title", "front-matter.slug-too-long", { value: slug.slice(0, 40), length: slug.length, max: MAX_SLUG_LENGTH, set: fm.slug === undefined });
  }
  for (const [name, list] of [["category", category ? [category] : []], ["tags", tags], ["authors", authors.map((a) => a.name)]] as const) {
    for (const value of list) {
      const field = name === "authors" && fm.author !== undefined ? "author" : name;
      const valueSlug = slugify(value);
      if (valueSlug === "") fail(field, "front-matter.empty-name-slug", { field: name, value });
      else if (valueSlug.length > MAX_SLUG_LENGTH) fail(field, "front-matter.name-too-long", { field: name, value: value.slice(0, 40), length: valueSlug.length, max: MAX_SLUG_LENGTH });
    }
  }

  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fm)) if (!KNOWN_KEYS.has(key)) data[key] = value;

  if (hasErrors(diagnostics) || title === undefined || published === undefined) return { diagnostics };
  const bodyLine = split ? countLines(source, split.bodyStart) : source.endsWith(body) ? countLines(source, source.length - body.length) : 1;
  const article: LoadedArticle = {
    ...file,
    slug,
    title,
    date: published,
    authors,
    tags,
    images,
    draft,
    layout,
    data,
    body,
    bodyLine,
    fieldLines: hasFrontMatter ? yamlDoc!.topLevelLines() : {},
  };
  if (updated !== undefined) article.updated = updated;
  if (source_ !== undefined) article.source = source_;
  if (category !== undefined) article.category = category;
  if (summary !== undefined) article.summary = summary;
  if (cover !== undefined) article.cover = cover;
  return { article, diagnostics };
}

/** Reports a problem with a front-matter field: the field, the catalog key and its arguments. */
type Fail = <K extends MessageKey>(key: string, message: K, args: ArgsOf<K>) => void;

function readAuthors(fm: Record<string, unknown>, fail: Fail): AuthorRef[] {
  if (fm.authors !== undefined && fm.author !== undefined) {
    fail("author", "front-matter.author-and-authors", {});
    return [];
  }
  const key = fm.authors !== undefined ? "authors" : "author";
  const value = fm[key];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: AuthorRef[] = [];
  for (const item of items) {
    if (typeof item === "string" && item.trim() !== "") out.push({ name: item.trim() });
    else if (isObject(item) && typeof item.name === "string" && item.name.trim() !== "") {
      const ref: AuthorRef = { name: item.name.trim() };
      if (typeof item.url === "string" && /^https?:\/\//.test(item.url)) ref.url = item.url;
      else if (item.url !== undefined) fail(key, "front-matter.author-url", { field: key, name: ref.name });
      out.push(ref);
    } else fail(key, "front-matter.not-authors", { field: key, found: describe(item) });
  }
  return out.filter((a, i) => out.findIndex((b) => b.name === a.name) === i);
}

function readCategory(fm: Record<string, unknown>, fail: Fail): string | undefined {
  const value = fm.category;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  fail("category", "front-matter.category", { list: Array.isArray(value) });
  return undefined;
}

/** The file name without `.md` and without a leading `YYYY-MM-DD-`, source of the default slug. */
export function fileSlugSource(contentPath: string): string {
  const name = contentPath.slice(contentPath.lastIndexOf("/") + 1).replace(/\.md$/i, "");
  return name.replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

function yamlDiagnostic(problem: YamlProblem, file: string): Diagnostic {
  const where = { file, line: problem.line, column: problem.column };
  if (problem.key === "yaml") return error("yaml.front-matter", { detail: String(problem.args.detail) }, where);
  return error(problem.key as MessageKey, problem.args as never, where);
}

/** A warning per line holding a control character (at most ten, then one for the rest). */
function controlWarnings(text: string, file: string): Diagnostic[] {
  const { found, more } = findControlCharacters(text);
  const out = found.map((c) => warning("control-character", { codePoint: c.codePoint, name: c.name }, { file, line: c.line, column: c.column }));
  if (more > 0) out.push(warning("control-character.more", { more }, { file, line: found[found.length - 1]!.line }));
  return out;
}

/**
 * Where gray-matter ends the front-matter of `source` and starts its body:
 * after the first `\n---` following an opening `---` (not `----`), then one
 * `\r` and one `\n` skipped, as gray-matter does. Undefined when there is no
 * such block (gray-matter then reads the whole text).
 */
export function splitFrontMatter(source: string): { end: number; bodyStart: number } | undefined {
  if (!source.startsWith("---") || source.charCodeAt(3) === 0x2d) return undefined;
  const close = source.indexOf("\n---", 3);
  if (close === -1) return undefined;
  const end = close + 4;
  let bodyStart = end;
  if (source.charCodeAt(bodyStart) === 0x0d) bodyStart++;
  if (source.charCodeAt(bodyStart) === 0x0a) bodyStart++;
  return { end, bodyStart };
}

/**
 * An opening `---` without a closing one: gray-matter would read the whole
 * file as YAML and fail somewhere in the body. Named at the first blank line,
 * where the closing `---` most likely belongs.
 */
function unclosedFrontMatter(source: string, file: string): Diagnostic | undefined {
  if (!/^---[ \t]*\r?\n/.test(source) || source.indexOf("\n---", 3) !== -1) return undefined;
  const lines = source.split("\n");
  const blank = lines.findIndex((line, i) => i > 0 && line.trim() === "");
  const line = blank === -1 ? 1 : blank + 1;
  return error("yaml.unclosed-front-matter", {}, { file, line });
}

function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): Found {
  if (Array.isArray(value)) return { kind: "list" };
  if (value === null) return { kind: "nothing" };
  if (typeof value === "object") return { kind: "mapping" };
  return { kind: typeof value, value: JSON.stringify(value) };
}
