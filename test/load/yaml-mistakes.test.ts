import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/load/frontmatter.js";

const FILE = { contentPath: "tin.md", displayPath: "content/tin.md", sitePath: "content/tin.md" };

function firstProblem(text: string) {
  const { diagnostics } = parseArticle(text, FILE, { timezone: "Asia/Ho_Chi_Minh" });
  return diagnostics.find((d) => d.severity === "error");
}

describe("the usual YAML mistakes are explained with what to write instead (issue 14)", () => {
  it("an unquoted colon in a value", () => {
    const d = firstProblem("---\ndate: 2024-01-01\ntitle: Thông báo: lịch nghỉ Tết\n---\nx\n");
    expect(d).toMatchObject({ code: "yaml", key: "yaml.unquoted-colon", line: 3 });
    expect(d!.message).toContain('title: "Thông báo: lịch nghỉ Tết"');
  });

  it("a missing closing ---", () => {
    const d = firstProblem("---\ntitle: Tin\ndate: 2024-01-01\n\nThân bài: có dấu hai chấm.\n");
    expect(d).toMatchObject({ code: "yaml", key: "yaml.unclosed-front-matter", line: 4 });
    expect(d!.message).toContain("add a line with ---");
  });

  it("a tab used for indentation", () => {
    const d = firstProblem("---\ntitle: Tin\ndate: 2024-01-01\ncover:\n\tsrc: a.png\n---\nx\n");
    expect(d).toMatchObject({ key: "yaml.tab", line: 5, column: 1 });
    expect(d!.message).toContain("replace the tab by spaces");
  });

  it("an unclosed quote, named at the line that opens it", () => {
    const d = firstProblem('---\ntitle: "Thông báo\ndate: 2024-01-01\ntags: [a]\n---\nx\n');
    expect(d).toMatchObject({ key: "yaml.unclosed-quote", line: 2, column: 8 });
    expect(d!.message).toContain('end the value with "');
  });

  it("-item without a space, indented or not", () => {
    const indented = firstProblem("---\ntitle: Tin\ndate: 2024-01-01\ntags:\n  -sinh kế\n  -phụ nữ\n---\nx\n");
    expect(indented).toMatchObject({ key: "yaml.dash-space", line: 5 });
    expect(indented!.message).toContain('write "- sinh kế"');
    const flush = firstProblem("---\ntitle: Tin\ndate: 2024-01-01\ntags:\n-sinh kế\n---\nx\n");
    expect(flush).toMatchObject({ key: "yaml.dash-space", line: 5 });
  });

  it("double quotes inside a double-quoted value", () => {
    const d = firstProblem('---\ntitle: "Hội thảo "Giải pháp" năm 2024"\ndate: 2024-01-01\n---\nx\n');
    expect(d).toMatchObject({ key: "yaml.text-after-quote", line: 2 });
    expect(d!.message).toContain(`title: 'Hội thảo "Giải pháp" năm 2024'`);
  });

  it("an unclosed list", () => {
    const d = firstProblem("---\ntitle: Tin\ndate: [2024\n---\nx\n");
    expect(d).toMatchObject({ key: "yaml.unclosed-bracket", line: 3, column: 7 });
  });

  it("a key given twice, and a value starting with @", () => {
    expect(firstProblem("---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\nx\n")).toMatchObject({ key: "yaml.duplicate-key", line: 4 });
    const at = firstProblem("---\ntitle: A\ndate: 2024-01-01\nsource: @ubnd\n---\nx\n");
    expect(at).toMatchObject({ key: "yaml.reserved-start", line: 4 });
    expect(at!.message).toContain('source: "@ubnd"');
  });

  it("keeps exact lines for fields below nested values", () => {
    const text = "---\ntitle: Tin\ncover:\n  src: a.png\n  alt: Ảnh\ndate: 2024-01-01\nimages:\n  - {src: b.png}\ndraft: maybe\n---\nx\n";
    expect(firstProblem(text)).toMatchObject({ code: "front-matter", line: 9 });
  });
});
