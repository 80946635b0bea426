import { describe, expect, it } from "vitest";
import { sharpFault } from "../../src/images/derive.js";
import { gazetteInProcess } from "../check/helpers.js";
import { article, makeSite, writeFiles } from "../helpers/site.js";
import { declaredPng, phonePhoto } from "./photos.js";

/** Words of the English texts of image problems (ours and the image library's): none may be left in a Vietnamese message. */
const ENGLISH = /\b(the|a|an|is|it|of|or|not|no|image|file|cannot|be|read|readable|decoded|decode|truncated|premature|end|input|buffer|contains|unsupported|format|empty|bytes|data|damaged|copy|again|from|original|error|vipsjpeg|vipspng|libpng|header|field)\b/i;

/** Runs the command's `main` in process (the language's way from --lang and GAZETTE_LANG through the real command: test/i18n/cli.test.ts). */
async function run(root: string, args: string[], env: Record<string, string> = {}, code = "bad-image"): Promise<{ status: number; lines: string[] }> {
  const result = await gazetteInProcess([...args, "--source", root], root, { GAZETTE_LANG: "", ...env });
  return { status: result.code, lines: result.stderr.split("\n").filter((line) => line.includes(`[${code}]`)) };
}

/** A message line without its file names and paths (`content/images/rong.jpg`, `../images/rong.jpg`) and its code. */
function words(line: string): string {
  return line.replace(/\[bad-image\]/, "").replace(/\S*[/.]\S*/g, " ");
}

describe("bad-image in Vietnamese", () => {
  it("words an empty file, a text file named .jpg and a truncated JPEG without English", async () => {
    const photo = await phonePhoto(300, 200);
    const root = makeSite({
      "content/images/cat-cut.jpg": photo.subarray(0, Math.floor(photo.length / 2)),
      "content/images/rong.jpg": Buffer.alloc(0),
      "content/images/trang-loi.jpg": "<html><body>Trang lỗi 404</body></html>\n",
      "content/2024/2024-07-26-hoi-thao.md": article(
        { title: "Hội thảo", date: "2024-07-26", author: "An" },
        "![Toàn cảnh hội trường](../images/cat-cut.jpg)\n\n![Bà Lan Anh phát biểu](../images/rong.jpg)\n\n![Đại biểu dự hội thảo](../images/trang-loi.jpg)\n",
      ),
    });
    const built = await run(root, ["build", "--lang", "vi"]);
    expect(built.status).toBe(1);
    expect(built.lines).toHaveLength(3);
    const [truncated, empty, text] = built.lines as [string, string, string];
    expect(truncated).toContain("content/images/cat-cut.jpg");
    // libjpeg reports a cut JPEG as ending early or as damaged data, depending on where the decode stops
    // (which varies when several photos decode at once): either cause, worded in Vietnamese.
    expect(truncated).toMatch(/bị cắt cụt|dữ liệu ảnh bị hỏng/);
    expect(empty).toContain("content/images/rong.jpg");
    expect(empty).toContain("tệp rỗng");
    expect(text).toContain("content/images/trang-loi.jpg");
    expect(text).toContain("không phải ảnh JPEG hay PNG");
    for (const line of built.lines) expect(words(line), line).not.toMatch(ENGLISH);

    // check reads headers only: the empty file and the text file, in the language GAZETTE_LANG names.
    const checked = await run(root, ["check"], { GAZETTE_LANG: "vi" });
    expect(checked.lines).toEqual([empty, text]);

    // A scan of 56 megapixels (declared): check's warning counts in Vietnamese too.
    writeFiles(root, { "content/images/ban-quet.png": declaredPng(8000, 7000) });
    const heavy = (await run(root, ["check", "--lang", "vi"], {}, "image-too-large")).lines;
    expect(heavy).toEqual(["content/images/ban-quet.png: cảnh báo: ảnh có 56 megapixel (quá 20 MB hoặc 50 megapixel): dựng trang chậm; hãy thu nhỏ ảnh trước khi đưa lên [image-too-large]"]);

    // In English, the same causes in English words.
    const english = (await run(root, ["build"])).lines;
    expect(english[0]).toMatch(/the file is truncated|the image data is damaged/);
    expect(english[1]).toContain("the file is empty (0 bytes)");
    expect(english[2]).toContain("not a JPEG or PNG");
  }, 60_000);
});

describe("the image library's errors", () => {
  it("are sorted into the causes the messages word, its own text kept only for the others", () => {
    expect(sharpFault(new Error("Input buffer contains unsupported image format"), false)).toEqual({ kind: "not-image" });
    expect(sharpFault(new Error("VipsJpeg: premature end of JPEG image"), true)).toEqual({ kind: "truncated" });
    expect(sharpFault(new Error("vipspng: libpng read error"), true)).toEqual({ kind: "corrupt" });
    expect(sharpFault(new Error("Input buffer has corrupt header: VipsJpeg: Corrupt JPEG data"), false)).toEqual({ kind: "corrupt" });
    expect(sharpFault(new Error("Input file is missing\nmore"), true)).toEqual({ kind: "unknown", detail: "is missing", decoding: true });
  });
});

