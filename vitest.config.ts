import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig, type Plugin } from "vitest/config";

/** Test files that change what the others would see: mocked node:fs modules, the process's timezone. */
const ISOLATED = ["test/write/output.test.ts", "test/dates.test.ts"];

/**
 * The dependencies' production builds, as in the shipped bundle (esbuild resolves no "development"
 * condition): vitest would otherwise load the development builds of micromark and the mdast
 * utilities, with their assertions and debug logging, which the CLI never runs (and which made
 * Markdown about twice as slow in the tests).
 */
function dependenciesAsShipped(): Plugin {
  const strip = (resolve?: { conditions?: string[] }) => {
    if (resolve?.conditions) resolve.conditions = resolve.conditions.filter((c) => c !== "development" && c !== "development|production");
  };
  return {
    name: "gazette:dependencies-as-shipped",
    configResolved(config) {
      strip(config.resolve);
      strip(config.ssr?.resolve);
      for (const environment of Object.values(config.environments ?? {})) strip(environment.resolve);
    },
  };
}

/**
 * Files in vitest's order (the slowest of the last run first), except that a browser test file
 * comes after two other files at least: two at once would leave the cores to two Chromiums while
 * both wait on the pages, where a browser file beside a build keeps both cores busy.
 */
class SpreadBrowserFiles extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBrowser = (file: TestSpecification) => file.moduleId.includes("/test/browser/");
    const browser = sorted.filter(isBrowser);
    const others = sorted.filter((file) => !isBrowser(file));
    const order: TestSpecification[] = [];
    for (const [i, file] of others.entries()) {
      order.push(file);
      if (i % 2 === 1 && browser.length > 0) order.push(browser.shift()!);
    }
    return [...order, ...browser];
  }
}

export default defineConfig({
  plugins: [dependenciesAsShipped()],
  test: {
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // Messages in English whatever the fixture site's language (tests of other languages set GAZETTE_LANG or --lang).
    env: { GAZETTE_LANG: "en" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at once: vitest's default in a run is one fewer than the cores (one file at a time on
    // two cores), which leaves a core idle while a file waits on a child process, a browser or the disk.
    maxWorkers: 2,
    // A larger young generation: the builds allocate a lot of short-lived strings, and the default
    // (16 MB) spent about 5% of a test process's CPU time in the collector, half of it saved here.
    execArgv: ["--max-semi-space-size=64"],
    sequence: { sequencer: SpreadBrowserFiles },
    projects: [
      // The files of a worker share one module graph (no fresh import of the sources and their
      // dependencies for each file, and code stays warm): about a third of the suite's CPU time.
      // Each file still gets its own temp folders (test/setup.ts) and its own browser contexts.
      { extends: true, test: { name: "suite", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
