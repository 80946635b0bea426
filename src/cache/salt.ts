/**
 * The cache's salt: what must be equal for cached entries to be trusted.
 * The gazette version, the cache format, Node's serialiser, and the code of
 * the stages whose results are cached (front-matter, Markdown, pages), so an
 * upgrade invalidates everything.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FROM_SOURCES, PACKAGE_ROOT } from "../package-root.js";

/** Bump when the shape of cached entries changes. */
const FORMAT = 2;

/** The modules (relative to this one, without extension) whose output the cache keeps. */
const CACHED_CODE = [
  "../load/frontmatter", "../load/dates", "../load/slug", "../load/yaml", "../load/text", "../load/paths", "../markdown/guard",
  "../markdown/render", "../markdown/collect", "../markdown/figures", "../markdown/processor", "../markdown/urls", "../markdown/video", "../markdown/tables", "../markdown/lost-text",
  "../model/site", "../model/paginate", "../model/related", "../model/select", "../model/sidebar",
  "../render/pages", "../render/views", "../render/templates", "../render/labels", "../render/images", "../render/portal-views", "../render/feeds", "../workers/tasks", "../workers/page-tasks",
  "../search/fold", "../search/text", "../search/terms",
  "../images/markup", "../images/plan", "../images/views",
];

let salt: string | undefined;

/** The salt of this gazette, computed once per process. */
export function cacheSalt(): string {
  if (salt !== undefined) return salt;
  const hash = createHash("sha1").update(`format ${FORMAT}\nnode ${process.versions.v8}\n`);
  hash.update(readOr(join(PACKAGE_ROOT, "package.json")));
  // The compiled modules in dist/ (which the bundle dist/gazette.js is made of), or the sources under tests.
  const [dir, ext] = FROM_SOURCES ? ["src", ".ts"] : ["dist", ".js"];
  for (const module of CACHED_CODE) hash.update(readOr(join(PACKAGE_ROOT, dir, "cache", `${module}${ext}`)));
  return (salt = hash.digest("base64url"));
}

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
