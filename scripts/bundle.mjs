#!/usr/bin/env node
// `npm run build`, second step: bundles the compiled CLI (dist/cli.js) into dist/gazette.js and
// the worker thread's script (dist/workers/worker.js) into dist/worker.js, each with its
// dependencies. Node then loads one file per thread instead of ~250 small modules: `gazette`
// starts in ~0.2 s instead of ~0.45 s, and each build worker is ready that much sooner.
// dist/worker.js sits where the bundled pool looks for it (`./worker.js` next to the
// bundle); the unbundled dist/ stays as tsc wrote it (tests and the cache salt read it).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // sharp loads its native binary from its own npm package: never bundled.
  external: ["sharp"],
  // CommonJS dependencies (handlebars, gray-matter…) call require() for Node's own modules.
  banner: { js: 'import { createRequire as gazetteRequire } from "node:module"; const require = gazetteRequire(import.meta.url);' },
};
await build({ ...common, entryPoints: [join(root, "dist", "cli.js")], outfile: join(root, "dist", "gazette.js") });
await build({ ...common, entryPoints: [join(root, "dist", "workers", "worker.js")], outfile: join(root, "dist", "worker.js") });
