/**
 * Builds the CLI once before the suite exactly as `npm run build` does (tsc,
 * then the esbuild bundle that `bin/gazette.js` runs), so end-to-end tests run
 * the real command against current sources, never a stale bundle.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

export default function setup(): void {
  const root = join(import.meta.dirname, "..");
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "scripts", "bundle.mjs")], { cwd: root, stdio: "inherit" });
}
