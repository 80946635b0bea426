import { describe, expect, it } from "vitest";
import { PNG, article } from "../helpers/site.js";
import { checkFiles, where, withCode } from "./helpers.js";

const base = { title: "Tin mẫu", date: "2024-01-01", author: "Tuấn Nguyễn" };

describe("lint rule image-alt", () => {
  it("reports a body image without alt text at its line and column", async () => {
    const result = await checkFiles({
      "content/a.md": article(base, "Đoạn mở đầu.\n\n![](images/toan-canh.png \"Toàn cảnh hội thảo.\")\n"),
      "content/images/toan-canh.png": PNG,
    });
    const found = withCode(result, "image-alt");
    expect(found.map(where)).toEqual(["content/a.md:8:1 warning"]);
    expect(found[0]!.message).toContain("image has no alt text");
  });

  it("reports placeholder alt texts, compared without case, accents or trailing numbers, and the file name", async () => {
    const body = ["Mở đầu.", "", "![ẢNH](i/a.png \"Một.\")", "", "![Hinh anh 3](i/a.png \"Hai.\")", "", "![anh tin bai](i/a.png \"Ba.\")", "", "![a.png](i/a.png \"Bốn.\")", "", "![IMG_2041](i/a.png \"Năm.\")", ""].join("\n");
    const result = await checkFiles({ "content/a.md": article(base, body), "content/i/a.png": PNG });
    expect(withCode(result, "image-alt").map((d) => d.line)).toEqual([8, 10, 12, 14, 16]);
  });

  it("accepts a descriptive alt, also when it comes from the images entry", async () => {
    const result = await checkFiles({
      "content/a.md": article({ ...base, images: "[{src: i/b.png, alt: Bà Bùi Lan Anh phát biểu, caption: Phát biểu tại hội thảo.}]" }, "Mở đầu.\n\n![Ảnh: toàn cảnh hội thảo](i/a.png \"Toàn cảnh.\")\n\n![](i/b.png)\n"),
      "content/i/a.png": PNG,
      "content/i/b.png": PNG,
    });
    expect(withCode(result, "image-alt")).toEqual([]);
  });

  it("reports a cover with a placeholder alt on the cover line", async () => {
    const result = await checkFiles({
      "content/a.md": article({ ...base, cover: "{src: i/a.png, alt: Ảnh minh họa, caption: Toàn cảnh hội thảo.}" }, "Mở đầu.\n"),
      "content/i/a.png": PNG,
    });
    expect(withCode(result, "image-alt").map(where)).toEqual(["content/a.md:5: warning"]);
  });
});

describe("lint rule image-caption", () => {
  it("reports a figure without a caption, not an image inside text", async () => {
    const result = await checkFiles({
      "content/a.md": article(base, "Mở đầu với ảnh nhỏ ![Biểu tượng huyện](i/a.png) trong câu.\n\n![Toàn cảnh hội thảo](i/a.png)\n"),
      "content/i/a.png": PNG,
    });
    const found = withCode(result, "image-caption");
    expect(found.map(where)).toEqual(["content/a.md:8:1 warning"]);
    expect(found[0]!.message).toBe("image has no caption: i/a.png");
  });

  it("takes the caption from the images entry", async () => {
    const result = await checkFiles({
      "content/a.md": article({ ...base, images: "[{src: i/a.png, caption: Toàn cảnh hội thảo.}]" }, "Mở đầu.\n\n![Toàn cảnh hội thảo](i/a.png)\n"),
      "content/i/a.png": PNG,
    });
    expect(withCode(result, "image-caption")).toEqual([]);
  });

  it("reports a cover without a caption", async () => {
    const result = await checkFiles({
      "content/a.md": article({ ...base, cover: "{src: i/a.png, alt: Toàn cảnh hội thảo}" }, "Mở đầu.\n"),
      "content/i/a.png": PNG,
    });
    expect(withCode(result, "image-caption").map(where)).toEqual(["content/a.md:5: warning"]);
  });
});

describe("lint rule placeholder-caption", () => {
  it("reports placeholder captions in the body and on the cover", async () => {
    const result = await checkFiles({
      "content/a.md": article(
        { ...base, cover: "{src: i/a.png, alt: Toàn cảnh hội thảo, caption: Caption}" },
        "Mở đầu.\n\n![Toàn cảnh hội thảo](i/a.png \"Chú thích ảnh\")\n\n![Đại biểu phát biểu](i/a.png \"Đại biểu phát biểu tại hội thảo.\")\n",
      ),
      "content/i/a.png": PNG,
    });
    expect(withCode(result, "placeholder-caption").map(where).sort()).toEqual(["content/a.md:5: warning", "content/a.md:9:1 warning"]);
  });
});

describe("lint rule title-length", () => {
  it("reports a title over 150 characters, counting Vietnamese letters once", async () => {
    const long = "Hội thảo sinh kế ".repeat(9) + "Sa Pa"; // 158 characters
    const ok = "ạ".normalize("NFD").repeat(150); // 300 code units in NFD, 150 characters
    const result = await checkFiles({
      "content/a.md": article({ ...base, title: JSON.stringify(long) }, "Mở đầu.\n"),
      "content/b.md": article({ ...base, title: JSON.stringify(ok) }, "Mở đầu.\n"),
    });
    expect(long.length).toBe(158);
    const found = withCode(result, "title-length");
    expect(found.map(where)).toEqual(["content/a.md:2: warning"]);
    expect(found[0]!.message).toContain("158 characters");
  });

  it("reports an empty title", async () => {
    const result = await checkFiles({ "content/a.md": article({ ...base, title: '"   "' }, "Mở đầu.\n") });
    expect(withCode(result, "title-length").map((d) => d.message)).toEqual(['field "title" is empty']);
  });
});

describe("lint rule summary-length", () => {
  it("reports a summary over 300 characters on its line", async () => {
    const result = await checkFiles({ "content/a.md": article({ ...base, summary: JSON.stringify("x".repeat(301)) }, "Mở đầu.\n") });
    expect(withCode(result, "summary-length").map(where)).toEqual(["content/a.md:5: warning"]);
  });

  it("reports an article with no summary and no first paragraph", async () => {
    const result = await checkFiles({
      "content/a.md": article(base, "## Chỉ có tiêu đề\n"),
      "content/b.md": article({ ...base, title: "Khác" }, "Có đoạn văn.\n"),
    });
    expect(withCode(result, "summary-length").map(where)).toEqual(["content/a.md:1: warning"]);
  });
});

describe("lint rule missing-author", () => {
  it("reports an article without author or authors", async () => {
    const result = await checkFiles({
      "content/a.md": article({ title: "Không tác giả", date: "2024-01-01" }, "Mở đầu.\n"),
      "content/b.md": article({ title: "Có tác giả", date: "2024-01-01", authors: "[Hoàng Luyến]" }, "Mở đầu.\n"),
    });
    expect(withCode(result, "missing-author").map(where)).toEqual(["content/a.md:1: warning"]);
  });
});

describe("lint rule name-variant", () => {
  it("reports the less used spelling of a category at its field, naming the shown one", async () => {
    const result = await checkFiles({
      "content/a.md": article({ ...base, title: "A", category: "Văn hóa" }, "Mở đầu.\n"),
      "content/b.md": article({ ...base, title: "B", category: "Văn hóa" }, "Mở đầu.\n"),
      "content/c.md": article({ ...base, title: "C", category: "Văn hoá" }, "Mở đầu.\n"),
    });
    const found = withCode(result, "name-variant");
    expect(found.map(where)).toEqual(["content/c.md:5: warning"]);
    expect(found[0]!.message).toContain('category "Văn hoá" differs from "Văn hóa" (content/a.md and 1 more)');
    expect(found[0]!.message).toContain("/categories/van-hoa/");
  });

  it("reports tag and author variants that differ by case, on their own lines", async () => {
    const result = await checkFiles({
      "content/a.md": article({ title: "A", date: "2024-01-01", authors: "[Tuấn Nguyễn]", tags: "[Du lịch, sinh kế]" }, "Mở đầu.\n"),
      "content/b.md": article({ title: "B", date: "2024-01-01", author: "tuấn nguyễn", tags: "[du lịch]" }, "Mở đầu.\n"),
    });
    // One use each: the site shows the first spelling in code-point order ("Du lịch", "Tuấn Nguyễn"), so b.md is told.
    expect(withCode(result, "name-variant").map(where).sort()).toEqual(["content/b.md:4: warning", "content/b.md:5: warning"]);
  });
});

describe("lint rule duplicate-title", () => {
  it("reports both articles, each naming the other", async () => {
    const result = await checkFiles({
      "content/a.md": article({ ...base, title: "Hội nghị sơ kết" }, "Mở đầu.\n"),
      "content/b.md": article({ ...base, title: "hội nghị  sơ kết" }, "Mở đầu.\n"),
      "content/c.md": article({ ...base, title: "Hội nghị tổng kết" }, "Mở đầu.\n"),
    });
    const found = withCode(result, "duplicate-title");
    expect(found.map(where)).toEqual(["content/a.md:2: warning", "content/b.md:2: warning"]);
    expect(found[0]!.message).toContain("content/b.md");
    expect(found[1]!.message).toContain("content/a.md");
  });
});

describe("a clean article", () => {
  it("gets no lint findings", async () => {
    const result = await checkFiles({
      "content/a.md": article(
        { ...base, category: "Tin tức", cover: "{src: i/a.png, alt: Toàn cảnh hội thảo, caption: Toàn cảnh hội thảo tại Sa Pa.}" },
        "Mở đầu.\n\n![Đại biểu phát biểu](i/a.png \"Đại biểu phát biểu tại hội thảo.\")\n",
      ),
      "content/i/a.png": PNG,
    });
    expect(result.diagnostics).toEqual([]);
  });
});
