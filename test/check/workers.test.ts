import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "../../src/check/run.js";

const GENERATOR = join(import.meta.dirname, "..", "fixtures", "make-corpus.mjs");
const NOW = Date.UTC(2026, 0, 1);

describe("gazette check on worker threads", () => {
  it("finds the same problems and links as on the main thread alone", async () => {
    const root = mkdtempSync(join(tmpdir(), "gazette-check-workers-"));
    execFileSync(process.execPath, [GENERATOR, "--out", root, "--articles", "60"]);
    // Problems for both runs to find: a missing image, a broken link, an image without alt text, an external link.
    const year = readdirSync(join(root, "content")).find((d) => /^\d{4}$/.test(d))!;
    const file = join(root, "content", year, readdirSync(join(root, "content", year))[0]!);
    writeFileSync(file, `${readFileSync(file, "utf8")}\n![](../images/khong-co.png)\n\n[Bài cũ](../2001/khong-co.md) và [trang ngoài](https://example.org/tin).\n`);
    const alone = await checkSite({ source: root, cwd: root, now: NOW, workers: 0 });
    const shared = await checkSite({ source: root, cwd: root, now: NOW, workers: 1 });
    expect(alone.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["missing-image", "broken-link"]));
    expect(shared.diagnostics).toEqual(alone.diagnostics);
    expect(shared.external.links).toEqual(alone.external.links);
    expect(shared.external.links.map((l) => l.url)).toContain("https://example.org/tin");
  });
});
