import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "../../src/check/run.js";
import { article, makeSite } from "../helpers/site.js";
import { declaredPng, phonePhoto } from "./photos.js";

const NOW = Date.UTC(2026, 0, 1);

describe("gazette check on photos", () => {
  it("warns about originals over 50 megapixels, reports broken photos where they are used, and writes nothing", async () => {
    const root = makeSite({
      "content/images/toan-canh.jpg": await phonePhoto(300, 200),
      "content/images/ban-quet.png": declaredPng(8000, 7000), // 56 megapixels declared
      "content/images/rong.jpg": Buffer.alloc(0),
      "content/images/bom.png": declaredPng(30000, 30000),
      "content/2024/2024-07-26-hoi-thao.md": article(
        { title: "Hội thảo", date: "2024-07-26", author: "An", summary: "Tóm tắt.", cover: "{src: ../images/rong.jpg, alt: Toàn cảnh hội thảo, caption: Toạ đàm.}" },
        "Mở đầu.\n\n![Bản quét công văn](../images/ban-quet.png \"Công văn số 12.\")\n\n![Quả bom](../images/bom.png \"Ảnh lỗi.\")\n",
      ),
    });
    const result = await checkSite({ source: root, cwd: root, now: NOW });
    const found = result.diagnostics.map((d) => `${d.file}:${d.line ?? ""} ${d.severity} ${d.code}`);
    expect(found).toEqual(expect.arrayContaining([
      "content/images/ban-quet.png: warning image-too-large",
      "content/2024/2024-07-26-hoi-thao.md:6 error bad-image", // the cover field,
      "content/2024/2024-07-26-hoi-thao.md:12 error bad-image", // the decompression bomb,
    ]));
    expect(result.diagnostics.find((d) => d.code === "image-too-large")!.message).toContain("56 megapixels");
    expect(result.diagnostics.filter((d) => d.code === "image-too-large")).toHaveLength(1);
    expect(existsSync(join(root, ".gazette-cache"))).toBe(false);
    expect(existsSync(join(root, "public"))).toBe(false);
  });
});
