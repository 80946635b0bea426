import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, generateSite, type BuildOptions } from "../../src/build.js";
import { listTree } from "../helpers/site.js";

const GENERATOR = join(import.meta.dirname, "..", "fixtures", "make-corpus.mjs");

/** Every file of a plain in-memory, single-threaded build, by output path. */
function reference(options: BuildOptions): Map<string, Buffer> {
  const site = generateSite(options);
  expect(site.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Map(site.files.map((f) => [f.path, "data" in f ? Buffer.from(f.data) : readFileSync(f.copyFrom)]));
}

/** Asserts that the folder holds exactly the expected files, byte for byte (the write stage's marker aside). */
function expectSameFiles(out: string, expected: Map<string, Buffer>): void {
  const files = listTree(out).filter((f) => f !== ".gazette");
  expect(files).toEqual([...expected.keys()].sort());
  const different = files.filter((f) => !expected.get(f)!.equals(readFileSync(join(out, f))));
  expect(different).toEqual([]);
}

describe("builds on worker threads", () => {
  it("write the same bytes as a plain in-process build of 300 articles, whatever the number of threads", async () => {
    const root = mkdtempSync(join(tmpdir(), "gazette-workers-"));
    execFileSync(process.execPath, [GENERATOR, "--out", root, "--articles", "300"]);
    const options = { source: root, baseUrl: "https://example.org/news/", now: Date.UTC(2026, 0, 1) };
    const expected = reference(options);
    for (const workers of [2, 1, 0]) {
      const out = join(root, `out-${workers}`);
      const result = await build({ ...options, out, workers, cache: false });
      expect(result.stats.threads).toBe(workers);
      expect(result.stats.pages).toBe(expected.size - 40 - 5); // the 40 images, theme assets and feed files aside
      expectSameFiles(out, expected);
    }
  });
});
