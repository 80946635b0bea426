import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";
import { PNG, article, makeSite } from "../helpers/site.js";
import { NOW, checkFiles, where } from "./helpers.js";
import { checkSite } from "../../src/check/run.js";

const ok = { title: "Tin", date: "2024-01-01", author: "Tuấn Nguyễn" };

/** The errors a real build of the same files reports. */
async function buildErrors(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const root = makeSite(files);
  try {
    await build({ source: root, cwd: root, now: NOW });
  } catch (cause) {
    if (cause instanceof BuildFailure) return cause.diagnostics.filter((d) => d.severity === "error").map((d) => `${where(d)} ${d.code}`).sort();
    throw cause;
  }
  return [];
}

const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === "error").map((d) => `${where(d)} ${d.code}`).sort();

describe("gazette check validates what build validates", () => {
  it("reports broken links, missing images and front-matter errors like the build, and writes nothing", async () => {
    const files = {
      "gazette.config.yaml": "title: A\ncolour: blue\n",
      "content/ok.md": article(ok, "Xem [bài](missing.md) và ![ảnh lỗi](images/nope.png)\n"),
      "content/yaml.md": "---\ntitle: A\ndate: [2024\n---\n",
      "content/cover.md": article({ ...ok, title: "C", cover: "{src: images/none.png, alt: x}" }),
    };
    const result = await checkFiles(files);
    expect(errorsOf(result.diagnostics)).toEqual(await buildErrors(files));
    expect(errorsOf(result.diagnostics)).toHaveLength(5);
    expect(existsSync(join(result.root, "public"))).toBe(false);
  });

  it("reports a template syntax error with its file and line", async () => {
    const result = await checkFiles({ "content/a.md": article(ok), "templates/partials/footer.hbs": "<footer>\n{{ foo bar= }}\n</footer>\n" });
    expect(result.diagnostics.find((d) => d.code === "template")).toMatchObject({ file: "templates/partials/footer.hbs", line: 2 });
  });

  it("reports an unknown layout and a page claimed by a static file, as the build does", async () => {
    const files = {
      "content/a.md": article({ ...ok, layout: "nope" }),
      "content/tin.md": article({ ...ok, title: "Tin khác" }),
      "static/tin/index.html": "x",
    };
    const result = await checkFiles(files);
    expect(errorsOf(result.diagnostics)).toEqual(await buildErrors(files));
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["duplicate-url", "layout"]);
  });

  it("reports two articles with one URL once", async () => {
    const result = await checkFiles({
      "content/2023/2023-01-01-tin.md": article({ ...ok, title: "A" }),
      "content/2024/2024-01-01-tin.md": article({ ...ok, title: "B" }),
    });
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(["content/2024/2024-01-01-tin.md duplicate-url"]);
  });

  it("checks drafts and future articles only when asked, and warns about skipped future ones", async () => {
    const files = {
      "content/draft.md": article({ ...ok, title: "Nháp", draft: "true" }, "![](x.png)\n"),
      "content/future.md": article({ ...ok, title: "Sắp tới", date: "2027-01-01" }, "Mở đầu.\n"),
    };
    const plain = await checkFiles(files);
    expect(plain.articles).toBe(0);
    expect(plain.diagnostics.map((d) => d.code)).toEqual(["future"]);
    const all = await checkFiles(files, { drafts: true, future: true });
    expect(all.articles).toBe(2);
    expect(all.diagnostics.map((d) => d.code).sort()).toEqual(["image-alt", "image-caption", "missing-image", "summary-length"]);
  });

  it("fails with a usage error for a missing folder", async () => {
    await expect(checkSite({ source: "/nowhere/at/all", now: NOW })).rejects.toThrow("source folder not found");
  });

  it("passes a clean site with images", async () => {
    const result = await checkFiles({
      "content/a.md": article(ok, "Mở đầu.\n\n![Đại biểu phát biểu](i/a.png \"Đại biểu phát biểu tại hội thảo.\")\n\nXem [bài khác](b.md).\n"),
      "content/b.md": article({ ...ok, title: "Bài khác" }),
      "content/i/a.png": PNG,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.articles).toBe(2);
  });
});
