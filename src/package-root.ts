/**
 * Where gazette's own files are (package.json, the built-in `templates/`,
 * the compiled `dist/`), found from this module whether it runs from `src/`
 * (tests), `dist/` or the bundle `dist/gazette.js`: they sit at different
 * depths below the package root.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates"))) return dir;
    if (dirname(dir) === dir) return dirname(from);
  }
}

/** The package root: the folder of gazette's package.json. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** Whether this code runs from the TypeScript sources (under vitest) rather than compiled. */
export const FROM_SOURCES = import.meta.url.endsWith(".ts");
