/**
 * What the model keeps of an article's front-matter must not keep the file:
 * V8 holds a long substring as a view of the string it was cut from, so a
 * caption read out of a 2 MB file would keep all 2 MB alive. Measured in a
 * child process with the collector exposed, on the compiled loader.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/** Heap growth (MB) after parsing `count` articles of ~2 MB each and keeping only their front-matter fields. */
function retainedMb(frontMatter: string, count: number): number {
  const loader = pathToFileURL(join(root, "dist", "load", "frontmatter.js")).href;
  const script = `
    const { parseArticle } = await import(${JSON.stringify(loader)});
    const file = (i) => ({ contentPath: "a" + i + ".md", displayPath: "content/a" + i + ".md", sitePath: "content/a" + i + ".md" });
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    const kept = [];
    for (let i = 0; i < ${count}; i++) {
      // A distinct body each time (nothing shared between files), built as one flat string.
      const body = ("Đoạn văn " + i + " của bài. ").repeat(70000);
      const text = ${JSON.stringify(frontMatter)}.replaceAll("#", String(i)) + body;
      const { article, diagnostics } = parseArticle(text, file(i), { timezone: "Asia/Ho_Chi_Minh" });
      if (!article || diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
      kept.push({ title: article.title, summary: article.summary, authors: article.authors, cover: article.cover, images: article.images, data: article.data });
    }
    globalThis.gc();
    console.log(JSON.stringify({ mb: (process.memoryUsage().heapUsed - before) / 1048576, kept: kept.length }));
  `;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
  const { mb, kept } = JSON.parse(out) as { mb: number; kept: number };
  expect(kept).toBe(count);
  return mb;
}

const lines = [
  "title: Bài số # về lễ hội văn hoá truyền thống của huyện",
  "date: 2024-07-26",
  "summary: Tóm tắt bài số # về lễ hội văn hoá truyền thống",
  "authors: [Nguyễn Thị Hoàng Luyến #, Trần Văn Tuấn #]",
  "cover: {src: images/anh-#.jpg, alt: Toàn cảnh lễ khai mạc số #, caption: Các đại biểu dự lễ khai mạc số #}",
  "images:",
  "  - {src: images/anh-#-1.jpg, alt: Đại biểu phát biểu tại hội nghị #, caption: Bà Bùi Lan Anh phát biểu khai mạc #}",
];

describe("front-matter values", () => {
  // 12 files of ~2 MB: kept as views, the captions would hold ~24 MB of sources; copied out, a few KB.
  it("do not keep the article file alive (fast reader)", () => {
    expect(retainedMb(`---\n${lines.join("\n")}\n---\n`, 12)).toBeLessThan(10);
  });

  it("do not keep the article file alive (full YAML parser)", () => {
    // An anchor and alias: the fast reader declines, the yaml package reads it.
    const full = [...lines.slice(0, 3), "source: &nguon Trung tâm Văn hoá Thông tin huyện số #", "credit: *nguon", ...lines.slice(3)];
    expect(retainedMb(`---\n${full.join("\n")}\n---\n`, 12)).toBeLessThan(10);
  });
});
