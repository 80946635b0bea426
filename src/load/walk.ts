/**
 * The one file-system policy of every command (build, check, serve, the
 * theme): listing a source folder. Dot-entries are skipped. A symbolic link
 * whose target resolves inside the site folder is followed like the file or
 * folder it points to; a link that leads outside the site (or to one of its
 * hidden entries, such as `.git/`) is never read and is an error
 * `symlink-outside` naming the link and its target; a link back to a folder
 * it is in is a loop, reported (`symlink-loop`) and skipped.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { error, warning, type Diagnostic } from "../diagnostics.js";
import { MARKER_NAME } from "../write/marker.js";

/** A file found under a folder: its POSIX path relative to that folder (NFC) and the absolute path to read it from. */
export interface FoundFile {
  path: string;
  absPath: string;
}

/** Where a walk may lead and how it names paths in its messages. */
export interface WalkPolicy {
  /** The folder no link may lead out of: the site folder (for the built-in theme, its own folder). */
  boundary: string;
  /** Folder that messages are relative to; default `process.cwd()`. */
  cwd?: string;
}

/** What a walk found: the files, sorted by path, and the problems with links. */
export interface WalkResult {
  files: FoundFile[];
  diagnostics: Diagnostic[];
  /** Folders entered through a symbolic link: the absolute path the link shows it at, and its real path. */
  linkedFolders: { shown: string; real: string }[];
}

/** How many times one real folder may be entered in one walk (through links) before it counts as a loop: bounds link fan-out. */
const MAX_VISITS = 64;

/** Every regular file under `dir` by the site's policy (see the module comment); an absent folder gives no files. */
export function walkFolder(dir: string, policy: WalkPolicy): WalkResult {
  const walker = new Walker(policy);
  walker.start(resolve(dir));
  walker.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: walker.files, diagnostics: walker.diagnostics, linkedFolders: walker.linkedFolders };
}

/** True when the real path `real` may be read for the site whose real folder is `realBoundary`: inside it, and in none of its hidden entries. */
export function isInsideSite(real: string, realBoundary: string): boolean {
  const rel = relative(realBoundary, real);
  if (rel === "") return true;
  if (isAbsolute(rel)) return false;
  return !rel.split(sep).some((part) => part === ".." || part.startsWith("."));
}

/** True when the absolute path `child` is `parent` itself or lies inside it. */
function isSameOrInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

/** The real path of a folder, or the path as given when it cannot be resolved (it does not exist). */
export function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

class Walker {
  readonly files: FoundFile[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly linkedFolders: { shown: string; real: string }[] = [];
  private readonly boundary: string;
  private readonly cwd: string;
  private readonly visits = new Map<string, number>();

  constructor(policy: WalkPolicy) {
    this.boundary = realFolder(policy.boundary);
    this.cwd = policy.cwd ?? process.cwd();
  }

  /** Walks the folder `abs` itself, which may be a link too (`static -> …`). */
  start(abs: string): void {
    const info = lstatSync(abs, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      this.enter(abs, abs, realFolder(abs), "", []);
      return;
    }
    if (!info.isSymbolicLink()) return;
    const target = this.follow(abs);
    if (!target?.isDir) return;
    this.linkedFolders.push({ shown: abs, real: target.real });
    this.enter(abs, target.real, target.real, "", []);
  }

  /** Lists the folder shown as `shown`, read from `readDir` (real path `real`), below the real folders `stack`. */
  private enter(shown: string, readDir: string, real: string, prefix: string, stack: readonly string[]): void {
    const visits = (this.visits.get(real) ?? 0) + 1;
    this.visits.set(real, visits);
    if (visits > MAX_VISITS) {
      if (visits === MAX_VISITS + 1) this.diagnostics.push(warning("symlink-loop.visits", { max: MAX_VISITS }, { file: this.show(shown) }));
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(readDir, { withFileTypes: true });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return;
      this.diagnostics.push(error("read.folder", { detail: (cause as Error).message }, { file: this.show(shown) }));
      return;
    }
    const inside = [...stack, real];
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const childShown = join(shown, entry.name);
      const childRead = join(readDir, entry.name);
      const path = prefix + entry.name.normalize("NFC");
      if (entry.isDirectory()) this.enter(childShown, childRead, join(real, entry.name), `${path}/`, inside);
      else if (entry.isFile()) this.files.push({ path, absPath: childRead });
      else if (entry.isSymbolicLink()) {
        const target = this.follow(childShown);
        if (!target) continue;
        if (!target.isDir) {
          this.files.push({ path, absPath: target.real });
          continue;
        }
        if (inside.some((dir) => isSameOrInside(dir, target.real))) {
          this.diagnostics.push(warning("symlink-loop", { link: this.linkText(childShown) }, { file: this.show(childShown) }));
          continue;
        }
        if (lstatSync(join(target.real, MARKER_NAME), { throwIfNoEntry: false })?.isFile()) {
          // An output folder of gazette (the default public/): publishing it would feed each build into the next.
          this.diagnostics.push(warning("symlink-loop.output", { link: this.linkText(childShown), marker: MARKER_NAME }, { file: this.show(childShown) }));
          continue;
        }
        this.linkedFolders.push({ shown: childShown, real: target.real });
        this.enter(childShown, target.real, target.real, `${path}/`, inside);
      }
      // Sockets, pipes and devices are never published.
    }
  }

  /** Where the link `abs` leads, when it may be followed: its real path, and whether it is a folder (undefined: skipped, reported when it must be). */
  private follow(abs: string): { real: string; isDir: boolean } | undefined {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "ELOOP") this.diagnostics.push(warning("symlink-loop.never", { link: this.linkText(abs) }, { file: this.show(abs) }));
      return undefined; // a dangling link: nothing to publish
    }
    if (!isInsideSite(real, this.boundary)) {
      const link = this.linkText(abs);
      const where = { file: this.show(abs) };
      this.diagnostics.push(
        isSameOrInside(real, this.boundary)
          ? error("symlink-outside.hidden", { link, entry: relative(this.boundary, real).split(sep).join("/") }, where)
          : error("symlink-outside", { link, target: real }, where),
      );
      return undefined;
    }
    let isDir: boolean;
    try {
      const info = statSync(real);
      if (!info.isDirectory() && !info.isFile()) return undefined;
      isDir = info.isDirectory();
    } catch {
      return undefined;
    }
    return { real, isDir };
  }

  private linkText(abs: string): string {
    try {
      return readlinkSync(abs);
    } catch {
      return "?";
    }
  }

  private show(abs: string): string {
    const rel = relative(this.cwd, abs);
    return rel === "" ? "." : isAbsolute(rel) ? abs : rel;
  }
}
