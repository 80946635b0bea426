import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    // Messages in English whatever the fixture site's language (tests of other languages set GAZETTE_LANG or --lang).
    env: { GAZETTE_LANG: "en" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at once: vitest's default in a run is one fewer than the cores (one file at a time on
    // two cores), which leaves a core idle while a file waits on a child process, a browser or the disk.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "suite", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"], sequence: { groupOrder: 0 } } },
      // The browser tests measure what a reader sees (layout shifts, timings of requests): they run after the
      // rest, one file at a time, so that no build competes with chromium for the cores.
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"], sequence: { groupOrder: 1 }, fileParallelism: false } },
    ],
  },
});
