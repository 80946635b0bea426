import { describe, expect, it } from "vitest";
import { render } from "./helpers.js";

const firstParagraph = (body: string, allowHtml = false) => render(body, { allowHtml }).firstParagraph;

describe("firstParagraph", () => {
  it("skips headings and image-only paragraphs", () => {
    const body = "# Tiêu đề\n\n![ảnh](https://example.org/a.png)\n\nĐoạn đầu tiên.\n\nĐoạn thứ hai.";
    expect(firstParagraph(body)).toBe("Đoạn đầu tiên.");
  });

  it("strips markup but keeps the text of emphasis, links and code", () => {
    const body = "Hội thảo **“Sinh kế”** tại *Sa Pa* theo [kế hoạch](https://example.org/) số `12/KH`.";
    expect(firstParagraph(body)).toBe("Hội thảo “Sinh kế” tại Sa Pa theo kế hoạch số 12/KH.");
  });

  it("leaves out inline images and raw HTML, even when HTML is allowed", () => {
    expect(firstParagraph("Cờ ![cờ](https://example.org/c.png) và <b>chữ</b> đậm.", true)).toBe("Cờ và chữ đậm.");
  });

  it("collapses line breaks and runs of whitespace into single spaces", () => {
    expect(firstParagraph("  Dòng một,\ndòng   hai,  \ndòng ba\\\ndòng bốn.  ")).toBe("Dòng một, dòng hai, dòng ba dòng bốn.");
  });

  it("is empty when no paragraph has text", () => {
    expect(firstParagraph("## Chỉ có tiêu đề\n\n![](https://example.org/a.png)\n\n```\nmã\n```")).toBe("");
  });

  it("takes the first paragraph in document order, also inside a quote or list", () => {
    expect(firstParagraph("> Trích dẫn mở đầu.\n\nĐoạn văn.")).toBe("Trích dẫn mở đầu.");
  });
});
