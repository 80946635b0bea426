/**
 * `gazette init`: a new site that builds and checks clean at once, written
 * only into an empty folder (dot-entries such as `.git` aside).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { explained } from "../diagnostics.js";
import type { Lang } from "../i18n/catalog.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { calendarDate } from "../load/dates.js";
import { slugify } from "../load/slug.js";
import { encodePng } from "./png.js";
import { articleText, configText, gitignoreText, packageJsonText, templatesReadme, workflowText, type SiteFacts } from "./site-files.js";
import { ScaffoldError, writeIfAbsent } from "./write.js";

/** The timezone `init` writes into the config, and dates the sample article in. */
const TIMEZONE = "Asia/Ho_Chi_Minh";

/** What `gazette init` is asked to do. */
export interface InitOptions {
  /** The new site's folder (absolute or relative to `cwd`); made when missing. */
  dir: string;
  cwd: string;
  /** The clock, epoch ms (dates the sample article). */
  now: number;
  /** Site title; default the folder name. */
  title?: string;
  /** The language of the config's comments (default English). */
  lang?: Lang;
  /** What package.json depends on instead of `^<version>`: `../gazette-0.1.0.tgz`, `github:owner/gazette`… */
  packageSpec?: string;
}

/** What `initSite` did: files written and dot-files left as they were, relative to `cwd`. */
export interface InitResult {
  root: string;
  written: string[];
  kept: string[];
}

/** gazette's own version, for the new site's package.json. */
function ownVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.1.0";
  } catch {
    return "0.1.0";
  }
}

/**
 * The spec as the new site's package.json needs it: a local path (a tarball
 * or a folder, as typed from `cwd`) becomes `file:` relative to the site;
 * anything else (a git URL, a version range, a tag) is written as given.
 */
export function dependencySpec(spec: string, cwd: string, root: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):/.exec(spec)?.[1];
  const local = scheme === "file" ? spec.slice(5) : scheme === undefined && (/^(\.{1,2}[\\/]|\/|[A-Za-z]:[\\/])/.test(spec) || /\.t(ar\.)?gz$/.test(spec)) ? spec : undefined;
  if (local === undefined) return spec;
  const path = relative(root, resolve(cwd, local)).split("\\").join("/");
  return `file:${path.startsWith(".") ? path : `./${path}`}`;
}

/** A sky-blue banner with green hills and a yellow sun. */
function coverImage(): Buffer {
  return encodePng(480, 270, (x, y) => {
    const hill = 190 + 25 * Math.sin(x / 45) + 10 * Math.sin(x / 13);
    if (y > hill) return [46, 125, 50];
    if ((x - 360) ** 2 + (y - 70) ** 2 < 35 ** 2) return [251, 192, 45];
    const t = y / 270;
    return [Math.round(100 + 80 * t), Math.round(170 + 50 * t), 235];
  });
}

/** Three coloured squares in a row on a light background: the three steps. */
function stepsImage(): Buffer {
  const colours: [number, number, number][] = [[25, 118, 210], [56, 142, 60], [245, 124, 0]];
  return encodePng(480, 160, (x, y) => {
    const box = Math.floor((x - 30) / 150);
    const inBox = box >= 0 && box < 3 && (x - 30) % 150 < 120 && y >= 20 && y < 140;
    return inBox ? colours[box]! : [245, 245, 245];
  });
}

/** Writes a new site into `options.dir`; throws ScaffoldError when the folder is not empty or is a file. */
export function initSite(options: InitOptions): InitResult {
  const root = resolve(options.cwd, options.dir);
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw explained(new ScaffoldError(""), "init.is-file", { dir: options.dir });
    const entries = readdirSync(root).filter((name) => !name.startsWith(".")).sort();
    if (entries.length > 0) {
      const shown = entries.slice(0, 3).join(", ") + (entries.length > 3 ? ", …" : "");
      throw explained(new ScaffoldError(""), "init.not-empty", { dir: options.dir, shown });
    }
  }
  const folder = basename(root);
  const { year, month, day } = calendarDate(options.now, TIMEZONE);
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const facts: SiteFacts = { title: options.title?.trim() || folder, name: slugify(folder) || "gazette-site", date, version: ownVersion(), timezone: TIMEZONE };
  if (options.packageSpec?.trim()) facts.packageSpec = dependencySpec(options.packageSpec.trim(), options.cwd, root);
  const files: [string, string | Uint8Array][] = [
    ["gazette.config.yaml", configText(facts, options.lang)],
    ["package.json", packageJsonText(facts)],
    [`content/${year}/${date}-chao-mung.md`, articleText(facts)],
    [`content/${year}/images/anh-bia.png`, coverImage()],
    [`content/${year}/images/ba-buoc.png`, stepsImage()],
    ["templates/README.md", templatesReadme()],
    [".gitignore", gitignoreText()],
    [".github/workflows/publish.yml", workflowText()],
  ];
  const result: InitResult = { root, written: [], kept: [] };
  for (const [path, data] of files) {
    const shown = relative(options.cwd, join(root, path));
    (writeIfAbsent(join(root, path), data) ? result.written : result.kept).push(shown);
  }
  return result;
}
