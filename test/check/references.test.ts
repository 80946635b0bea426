import { describe, expect, it } from "vitest";
import { renderMarkdown, type MarkdownInput } from "../../src/markdown/render.js";

function input(body: string, overrides: Partial<MarkdownInput> = {}): MarkdownInput {
  return {
    body,
    bodyLine: 10,
    contentPath: "2024/a.md",
    displayPath: "content/2024/a.md",
    basePath: "/",
    allowHtml: false,
    images: [],
    articleUrls: { "2024/b.md": "/b/" },
    assets: ["2024/i/a.png"],
    references: true,
    ...overrides,
  };
}

describe("the references renderMarkdown lists for gazette check", () => {
  it("lists images and links in document order with file positions, written and resolved URLs", () => {
    const out = renderMarkdown(input("Xem [bài](b.md) và ![nhỏ](i/a.png).\n\n![Toàn cảnh](i/a.png \"Chú thích.\")\n\n[Cổng](https://example.org/x)\n"));
    expect(out.references).toEqual([
      { kind: "link", url: "b.md", resolved: "/b/", line: 10, column: 5 },
      { kind: "image", url: "i/a.png", resolved: "/2024/i/a.png", alt: "nhỏ", figure: false, line: 10, column: 20 },
      { kind: "image", url: "i/a.png", resolved: "/2024/i/a.png", alt: "Toàn cảnh", figure: true, caption: "Chú thích.", line: 12, column: 1 },
      { kind: "link", url: "https://example.org/x", resolved: "https://example.org/x", line: 14, column: 1 },
    ]);
  });

  it("fills alt and caption from the front-matter images entry, and follows reference definitions", () => {
    const out = renderMarkdown(input("![][anh]\n\nXem [trang][cong].\n\n[anh]: i/a.png\n[cong]: https://example.org/\n", {
      images: [{ src: "i/a.png", alt: "Bà Lan Anh phát biểu", caption: "Phát biểu tại hội thảo." }],
    }));
    expect(out.references).toEqual([
      { kind: "image", url: "i/a.png", resolved: "/2024/i/a.png", alt: "Bà Lan Anh phát biểu", figure: true, caption: "Phát biểu tại hội thảo.", line: 10, column: 1 },
      { kind: "link", url: "https://example.org/", resolved: "https://example.org/", line: 12, column: 5 },
    ]);
  });

  it("lists nothing unless asked, and renders the same HTML either way", () => {
    const body = "![Toàn cảnh](i/a.png)\n";
    const plain = renderMarkdown(input(body, { references: false }));
    expect(plain.references).toBeUndefined();
    expect(renderMarkdown(input(body)).html).toBe(plain.html);
  });
});
