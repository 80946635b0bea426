import { describe, expect, it } from "vitest";
import { speaker } from "../../src/commands/lang.js";
import { render } from "./helpers.js";

const vi = speaker("vi");

function lost(body: string, bodyLine = 1, allowHtml = false) {
  return render(body, { bodyLine, allowHtml, assets: ["2024/images/anh hoi thao.png"] }).diagnostics.filter((d) => d.code === "unparsed-image" || d.code === "raw-html");
}

describe("text that would be lost silently", () => {
  it("warns at its line when an image with a space in its path stays text, with the fix", () => {
    const body = "Đoạn mở đầu.\n\n![Toàn cảnh](images/anh hoi thao.png \"Toàn cảnh hội thảo\")\n";
    const [d, ...rest] = lost(body, 7);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "unparsed-image", severity: "warning", file: "content/2024/2024-07-26-hoi-thao.md", line: 9, column: 1 });
    expect(d!.message).toContain('![Toàn cảnh](<images/anh hoi thao.png> "Toàn cảnh hội thảo")');
    expect(vi.format(d!)).toBe(
      'content/2024/2024-07-26-hoi-thao.md:9:1: cảnh báo: chỗ này trông như một ảnh nhưng sẽ hiện ra thành chữ: ![Toàn cảnh](images/anh hoi thao.png "Toàn cảnh hội thảo"); ' +
        'đường dẫn có dấu cách phải đặt trong dấu < >, ví dụ ![Toàn cảnh](<images/anh hoi thao.png> "Toàn cảnh hội thảo"), hoặc đổi tên tệp ảnh cho không còn dấu cách [unparsed-image]',
    );
  });

  it("accepts the fix: the angle-bracket path is an image, and nothing is reported", () => {
    const out = render('![Toàn cảnh](<images/anh hoi thao.png> "Chú thích")', { contentPath: "2024/a.md", assets: ["2024/images/anh hoi thao.png"] });
    expect(out.diagnostics).toEqual([]);
    expect(out.html).toContain("<figure>");
  });

  it("finds the image in the middle of a paragraph, on a later line, and a link with spaces", () => {
    const body = "Dòng một\nxem ảnh ![a](b c.png) và [tài liệu](files/ke hoach.pdf).";
    expect(lost(body).map((d) => [d.line, d.column, d.key])).toEqual([
      [2, 9, "unparsed-image"],
      [2, 26, "unparsed-image.link"],
    ]);
  });

  it("leaves ordinary brackets, code and working images alone", () => {
    expect(lost("Theo điều [1] (xem dưới), `![a](b c.png)`, ![ảnh](x.png).\n\n    ![a](b c.png)\n")).toEqual([]);
  });

  it("names each raw HTML element dropped, with advice for <br> and <iframe>", () => {
    const body = [
      "Dòng một<br>dòng hai",
      "",
      '<p style="color:red">Chữ đỏ</p>',
      "",
      '<iframe src="https://www.youtube.com/embed/x"></iframe>',
      "",
      "Chữ <span class=\"x\">thường</span> <!-- ghi chú --> <img src=\"a.png\">",
    ].join("\n");
    const found = lost(body, 3);
    expect(found.map((d) => [d.line, d.key, d.args?.tag])).toEqual([
      [3, "raw-html.br", undefined],
      [5, "raw-html.block", "p"],
      [7, "raw-html.iframe", undefined],
      [9, "raw-html", "span"],
      [9, "raw-html.img", undefined],
    ]);
    expect(vi.text(found[0]!)).toBe("thẻ HTML <br> bị bỏ khỏi trang; muốn xuống dòng thì gõ dấu \\ ở cuối dòng");
    expect(vi.text(found[2]!)).toContain("dán đường link YouTube hoặc Facebook thành một dòng riêng");
    expect(found[0]!.message).toContain("end the line with a backslash");
  });

  it("reports no raw HTML when markdown.allowHtml keeps it", () => {
    expect(lost("a<br>b\n\n<div>x</div>", 1, true)).toEqual([]);
  });

  it("says nothing about HTML comments, such as the one in new's skeleton", () => {
    expect(lost("<!-- The first paragraph…\n     ![What](images/anh-1.jpg \"Cap.\") -->\n")).toEqual([]);
  });
});
