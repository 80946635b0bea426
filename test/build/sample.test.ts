import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { findBrokenLinks } from "../helpers/links.js";
import { read } from "../helpers/site.js";

const REPO = join(import.meta.dirname, "..", "..");

describe("the sample site in this repository", () => {
  it("builds without errors, with only the future article skipped, and every link resolving", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gazette-sample-")), "public");
    const result = await build({ source: REPO, out, now: Date.UTC(2026, 10, 29) });
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
});
