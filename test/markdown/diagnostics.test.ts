import { describe, expect, it } from "vitest";
import { render } from "./helpers.js";

const file = "content/2024/2024-07-26-hoi-thao.md";

describe("diagnostics of renderMarkdown", () => {
  it("reports a missing image with its code, file, line (offset by bodyLine) and column", () => {
    const body = "Đoạn mở đầu.\n\nẢnh: ![Toàn cảnh](../images/khong-co.png)\n";
    const { diagnostics, html } = render(body, { bodyLine: 8, assets: ["images/co.png"] });
    expect(diagnostics).toEqual([
      {
        code: "missing-image",
        severity: "error",
        file,
        line: 10,
        column: 6,
        message: "image not found: ../images/khong-co.png",
        key: "missing-image",
        args: { url: "../images/khong-co.png", outside: false },
      },
    ]);
    expect(html).toContain('src="../images/khong-co.png"');
  });

  it("reports a link to a missing article as broken-link", () => {
    const body = "Xem\n  [bài cũ](../2023/x.md#muc-2).";
    const { diagnostics } = render(body, { bodyLine: 5, articleUrls: { "2023/y.md": "/y/" } });
    expect(diagnostics).toEqual([
      {
        code: "broken-link",
        severity: "error",
        file,
        line: 6,
        column: 3,
        message: "link to missing article: ../2023/x.md#muc-2",
        key: "broken-link.article",
        args: { url: "../2023/x.md#muc-2" },
      },
    ]);
  });

  it("reports a relative link to a file that is not under content/ as broken-link", () => {
    const { diagnostics } = render("[kế hoạch](../files/ke-hoach.pdf)", { assets: ["files/khac.pdf"] });
    expect(diagnostics.map((d) => [d.code, d.message, d.line, d.column])).toEqual([
      ["broken-link", "link to missing file: ../files/ke-hoach.pdf", 1, 1],
    ]);
  });

  it("treats paths climbing out of content/ as missing", () => {
    const { diagnostics } = render("![a](../../../etc/a.png) [b](../../b.md)", {
      assets: ["etc/a.png"],
      articleUrls: { "b.md": "/b/" },
    });
    expect(diagnostics.map((d) => d.code)).toEqual(["missing-image", "broken-link"]);
    expect(diagnostics[0]?.message).toBe("image not found: ../../../etc/a.png (outside content/)");
  });

  it("reports a missing reference-style target at its definition", () => {
    const body = "![ảnh][a]\n\n[a]: ../images/khong-co.png\n";
    const { diagnostics } = render(body, { bodyLine: 3 });
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["missing-image", 5, 1]]);
  });

  it("reports every problem of a file, in document order", () => {
    const body = [
      "[đầu][ref] và ![x](x.png)", // line 1: definition below is reported on line 9
      "",
      "| Ảnh | Liên kết |",
      "| --- | --- |",
      "| ![y](../images/y.png) | [z](z.md) |", // line 5
      "",
      "- [tệp](tep.docx)", // line 7
      "",
      "[ref]: ../2022/khong-co.md",
    ].join("\n");
    const { diagnostics } = render(body, { bodyLine: 11, assets: ["images/co.png"] });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      "11:15 missing-image image not found: x.png",
      "15:3 missing-image image not found: ../images/y.png",
      "15:27 broken-link link to missing article: z.md",
      "17:3 broken-link link to missing file: tep.docx",
      "19:1 broken-link link to missing article: ../2022/khong-co.md",
    ]);
    expect(diagnostics.every((d) => d.file === file && d.severity === "error")).toBe(true);
  });

  it("reports nothing for fragments, external, root-relative, existing and code-only URLs", () => {
    const body = [
      "[a](#muc) [b](https://example.org/x.md) [c](/lien-he/) [d](mailto:a@b.vn)",
      "![e](/logo.png) ![f](data:image/png;base64,AA==) ![g](../images/co.png?v=2)",
      "[h](../2023/x.md) `![i](khong-co.png)`",
    ].join("\n");
    const result = render(body, { assets: ["images/co.png"], articleUrls: { "2023/x.md": "/x/" } });
    expect(result.diagnostics).toEqual([]);
  });

  it("does not carry an asset index over to a call with a different asset list", () => {
    const body = "![a](../images/a.png)";
    expect(render(body, { assets: ["images/a.png"] }).diagnostics).toEqual([]);
    expect(render(body, { assets: ["images/b.png"] }).diagnostics.map((d) => d.code)).toEqual(["missing-image"]);
  });
});
