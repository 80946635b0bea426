import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../src/build.js";
import { htmlErrorsInFolder } from "../helpers/html-validate.js";
import { findBrokenLinks } from "../helpers/links.js";
import { read } from "../helpers/site.js";

const REPO = join(import.meta.dirname, "..", "..");

/** The sample site built once for the tests of this file, into a temp folder. */
let built: Promise<{ out: string; result: BuildResult }> | undefined;
function sampleSite(): Promise<{ out: string; result: BuildResult }> {
  built ??= (async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gazette-sample-")), "public");
    return { out, result: await build({ source: REPO, out, now: Date.UTC(2026, 10, 29), cache: false }) };
  })();
  return built;
}

describe("the sample site in this repository", () => {
  it("builds without errors, with only the future article skipped, and every link resolving", async () => {
    const { out, result } = await sampleSite();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["future"]);
    const model = result.model!;
    expect(model.articles.length).toBeGreaterThanOrEqual(25);
    expect(model.categories.length).toBeGreaterThanOrEqual(4);
    expect(model.authors.length).toBeGreaterThanOrEqual(4);
    expect(new Set(model.articles.map((a) => new Date(a.date).getUTCFullYear())).size).toBeGreaterThanOrEqual(3);
    expect(findBrokenLinks(out, "/").broken).toEqual([]);
    const workshop = model.articles.find((a) => a.title.startsWith("Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế”"));
    expect(workshop).toBeDefined();
    const html = read(out, `${workshop!.path}index.html`);
    expect(html).toContain("Bà Bùi Lan Anh phát biểu tại Hội thảo.");
    expect(html.match(/<figcaption>/g)!.length).toBeGreaterThanOrEqual(4);
  });

  // html-validate's recommended preset, as scripts/validate-html.mjs applies it (see test/helpers/html-validate.ts).
  it("passes html-validate on every page", async () => {
    const { out } = await sampleSite();
    const { files, errors } = await htmlErrorsInFolder(out);
    expect(files).toBeGreaterThan(60);
    expect(errors).toEqual([]);
  }, 180_000);
});
