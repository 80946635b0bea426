/**
 * The language of what the CLI prints: `--lang`, else GAZETTE_LANG, else the
 * site's `language`, else English; codes and JSON fields stay English. The
 * first test runs the real command; the others call its `main` in process.
 */
import { describe, expect, it } from "vitest";
import { clientScript } from "../../src/serve/reload-client.js";
import { gazette, gazetteInProcess } from "../check/helpers.js";
import { PNG, article, makeSite } from "../helpers/site.js";

const UNSET = { GAZETTE_LANG: "" };

/** A Vietnamese site with the writer mistakes of the issue: a missing image, a path with spaces, a pasted <br>. */
function mistakes(language = "vi"): string {
  return makeSite({
    "gazette.config.yaml": `title: Tin tức\nlanguage: ${language}\nbaseUrl: https://example.org/\n`,
    "content/2026/hoi-thao.md": article(
      { title: "Hội thảo sinh kế", date: "2026-01-05", author: "Tuấn Nguyễn", summary: "Tóm tắt." },
      "Mở đầu.\n\n![Toàn cảnh](images/khong-co.png \"Toàn cảnh hội thảo\")\n\n![Đại biểu](images/anh hoi thao.png \"Đại biểu dự hội thảo\")\n\nDòng một<br>dòng hai\n",
    ),
    "content/2026/images/anh hoi thao.png": PNG,
  });
}

describe("messages in the writer's language", () => {
  it("speaks Vietnamese on a site whose language is vi: each mistake says what to do", () => {
    const root = mistakes();
    const { code, stderr } = gazette(["check"], root, UNSET);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toEqual([
      "content/2026/hoi-thao.md:9:1: lỗi: Không tìm thấy ảnh: images/khong-co.png; hãy kiểm tra tên tệp và thư mục của ảnh [missing-image]",
      'content/2026/hoi-thao.md:11:1: cảnh báo: chỗ này trông như một ảnh nhưng sẽ hiện ra thành chữ: ![Đại biểu](images/anh hoi thao.png "Đại biểu dự hội thảo"); đường dẫn có dấu cách phải đặt trong dấu < >, ví dụ ![Đại biểu](<images/anh hoi thao.png> "Đại biểu dự hội thảo"), hoặc đổi tên tệp ảnh cho không còn dấu cách [unparsed-image]',
      "content/2026/hoi-thao.md:13:9: cảnh báo: thẻ HTML <br> bị bỏ khỏi trang; muốn xuống dòng thì gõ dấu \\ ở cuối dòng [raw-html]",
      expect.stringMatching(/^đã kiểm tra 1 bài viết: 1 lỗi, 2 cảnh báo; 0 liên kết ngoài trong \d+,\d\d giây$/),
    ]);
    const build = gazette(["build"], root, UNSET);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain("không tạo được trang: 1 lỗi; trang đã tạo lần trước vẫn giữ nguyên");
  });

  it("follows --lang over GAZETTE_LANG over the site's language", async () => {
    const root = mistakes();
    expect((await gazetteInProcess(["check", "--lang", "en"], root, UNSET)).stderr).toContain("error: image not found: images/khong-co.png [missing-image]");
    expect((await gazetteInProcess(["check"], root, { GAZETTE_LANG: "en" })).stderr).toContain("error: image not found");
    expect((await gazetteInProcess(["check", "--lang", "vi"], root, { GAZETTE_LANG: "en" })).stderr).toContain("lỗi: Không tìm thấy ảnh");
    expect((await gazetteInProcess(["check"], mistakes("en"), UNSET)).stderr).toContain("error: image not found");
    expect((await gazetteInProcess(["check"], mistakes("fr"), UNSET)).stderr).toContain("error: image not found");
    const unknown = await gazetteInProcess(["check", "--lang", "fr"], root, UNSET);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('gazette: --lang must be vi or en, not "fr"\n');
  });

  it("keeps codes and JSON fields English, with the message in the writer's language", async () => {
    const { stdout } = await gazetteInProcess(["check", "--json"], mistakes(), UNSET);
    const report = JSON.parse(stdout) as { errors: Record<string, unknown>[]; warnings: Record<string, unknown>[] };
    expect(report.errors).toEqual([
      { code: "missing-image", severity: "error", file: "content/2026/hoi-thao.md", line: 9, column: 1, message: "Không tìm thấy ảnh: images/khong-co.png; hãy kiểm tra tên tệp và thư mục của ảnh" },
    ]);
    expect(report.warnings.map((w) => w.code)).toEqual(["unparsed-image", "raw-html"]);
  });

  it("writes new's skeleton comments and init's config comments in Vietnamese", async () => {
    const root = makeSite({ "gazette.config.yaml": "language: vi\n" });
    const made = await gazetteInProcess(["new", "Thông báo lịch nghỉ Tết"], root, UNSET);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain('đã tạo bản nháp; xoá dòng "draft: true" để đăng bài');
    const init = await gazetteInProcess(["init", "moi", "--lang", "vi"], root, UNSET);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain("đã tạo trang tin gazette");
    const again = await gazetteInProcess(["init", "moi", "--lang", "vi"], root, UNSET);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^gazette: thư mục moi không trống/);
  });

  it("words commander's usage errors in the site's language, before the command line is parsed", async () => {
    const root = mistakes();
    const vi = await gazetteInProcess(["build", "--bogus"], root, UNSET);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe("lỗi: không có tùy chọn '--bogus'\n(gõ gazette --help để xem cách dùng)\n");
    expect((await gazetteInProcess(["biuld", "--lang", "vi"], root, { GAZETTE_LANG: "en" })).stderr).toBe("lỗi: không có lệnh 'biuld'\n(có phải là build?)\n(gõ gazette --help để xem cách dùng)\n");
    expect((await gazetteInProcess(["build", "--bogus", "--lang=en"], root, UNSET)).stderr).toBe("error: unknown option '--bogus'\n(run gazette --help for usage)\n");
  });

  it("puts the overlay's texts into the live-reload script", () => {
    const script = clientScript({ title: "gazette: trang tin đang có lỗi </script>", hide: "Ẩn" });
    expect(script).toContain('title.textContent = "gazette: trang tin đang có lỗi \\u003c/script>"');
    expect(script).toContain('close.textContent = "Ẩn"');
    expect(clientScript()).toContain('close.textContent = "Hide"');
  });
});
