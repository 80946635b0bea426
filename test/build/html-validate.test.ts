/** The sample site's pages pass html-validate's recommended preset (see test/helpers/html-validate.ts). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { htmlErrorsInFolder } from "../helpers/html-validate.js";

const REPO = join(import.meta.dirname, "..", "..");

describe("html-validate on the sample site", () => {
  it("reports no error on any page", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "gazette-html-")), "public");
    const result = await build({ source: REPO, out, now: Date.UTC(2026, 10, 29), cache: false });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["future"]);
    const { files, errors } = await htmlErrorsInFolder(out);
    expect(files).toBeGreaterThan(60);
    expect(errors).toEqual([]);
  }, 180_000);
});
