/**
 * Sorting file events into what they can change: the config (everything),
 * the theme, one article, or a file copied verbatim; and whether files or
 * folders appeared or went away, so their folder must be listed again.
 */
import { isAbsolute, join, relative, sep } from "node:path";
import { CONFIG_FILES } from "../load/config.js";
import { isMarkdown } from "../load/files.js";
import type { SitePaths } from "../load/site.js";

/** One event from the watcher, for an absolute path. */
export interface FileEvent {
  event: "add" | "change" | "unlink" | "addDir" | "unlinkDir";
  path: string;
}

/** What a batch of file events touches. */
export interface ChangeSet {
  /** A config file changed, appeared or went away: reload everything. */
  config: boolean;
  /** Something under templates/ changed: reload the theme. */
  templates: boolean;
  /** Content paths (NFC, POSIX) of Markdown files under content/ that changed, appeared or went away. */
  articles: Set<string>;
  /** Files or folders under content/ appeared or went away. */
  contentStructure: boolean;
  /** Files or folders under static/ appeared or went away. */
  staticStructure: boolean;
  /** Files served verbatim (content assets, static files) that changed, appeared or went away. */
  files: number;
}

/** Classifies watcher events for the site at `paths`; events outside its folders are ignored. */
export function classifyChanges(paths: SitePaths, events: readonly FileEvent[]): ChangeSet {
  const change: ChangeSet = { config: false, templates: false, articles: new Set(), contentStructure: false, staticStructure: false, files: 0 };
  for (const { event, path } of events) {
    const structural = event !== "change";
    const isFile = event !== "addDir" && event !== "unlinkDir";
    const content = within(paths.content, path);
    const statics = within(paths.static, path);
    if (content !== undefined) {
      if (structural) change.contentStructure = true;
      if (isFile && isMarkdown(content)) change.articles.add(content);
      else if (isFile) change.files++;
    } else if (statics !== undefined) {
      if (structural) change.staticStructure = true;
      if (isFile) change.files++;
    } else if (within(paths.templates, path) !== undefined) change.templates = true;
    else if (CONFIG_FILES.some((name) => join(paths.root, name) === path)) change.config = true;
  }
  return change;
}

/** True for the paths the watcher should skip: dot-entries, and at the top of the site everything but its source folders and config. */
export function isIgnoredPath(paths: SitePaths, path: string): boolean {
  const rel = relative(paths.root, path);
  if (rel === "") return false;
  const parts = rel.split(sep);
  if (parts[0] === ".." || isAbsolute(rel) || parts.some((p) => p.startsWith("."))) return true;
  const watched = [paths.content, paths.templates, paths.static, ...CONFIG_FILES.map((name) => join(paths.root, name))];
  return !watched.some((dir) => within(dir, path) !== undefined);
}

/** `path` relative to `dir` (POSIX, NFC; "" for `dir` itself), or undefined when it is not inside. */
function within(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join("/").normalize("NFC");
}
