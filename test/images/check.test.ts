import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSite } from "../../src/check/run.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { article, makeSite } from "../helpers/site.js";
import { declaredPng, failedBuild, phonePhoto } from "./photos.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "gazette.js");


const shown = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, message: d.message });

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

  it("gives the build's duplicate-output error for a file whose path is a photo's derivative's", async () => {
    const photo = await phonePhoto(600, 400);
    const site = (extra: Record<string, string | Uint8Array>) => makeSite({
      "gazette.config.yaml": "title: Ảnh\nimages:\n  widths: [480, 960]\n",
      "content/images/anh.jpg": photo,
      "content/2024/2024-07-26-hoi-thao.md": article({ title: "Hội thảo", date: "2024-07-26", author: "An" }, "Mở đầu.\n\n![Toàn cảnh hội trường](../images/anh.jpg \"Toạ đàm.\")\n"),
      ...extra,
    });
    // anh.jpg (600 px wide) becomes anh-480 and anh-600, in WebP and JPEG.
    for (const [extra, file, other] of [
      [{ "static/images/anh-480.webp": "not a photo" }, "static/images/anh-480.webp", "content/images/anh.jpg"],
      [{ "content/images/anh-600.webp": "not a photo" }, "content/images/anh.jpg", "content/images/anh-600.webp"],
    ] as const) {
      const root = site(extra);
      // Twice: with no derivative made yet (headers only), and once the build has filled the image store.
      const cold = (await checkSite({ source: root, cwd: root, now: NOW })).diagnostics.filter((d) => d.code === "duplicate-url");
      const built = (await failedBuild(root, NOW)).filter((d) => d.code === "duplicate-url");
      const warm = (await checkSite({ source: root, cwd: root, now: NOW })).diagnostics.filter((d) => d.code === "duplicate-url");
      expect(cold.map(shown), file).toEqual([expect.objectContaining({ code: "duplicate-url", file })]);
      expect(cold[0]!.message).toContain(other);
      expect(built.map(shown), file).toEqual(cold.map(shown));
      expect(warm.map(shown), file).toEqual(cold.map(shown));
    }
  });

  it("exits by itself when run as the command on a site with photos", async () => {
    const root = makeSite({
      "content/images/anh.jpg": await phonePhoto(300, 200),
      "content/images/rong.jpg": Buffer.alloc(0),
      "content/2024/2024-07-26-hoi-thao.md": article({ title: "Hội thảo", date: "2024-07-26", author: "An" }, "![Toàn cảnh hội trường](../images/anh.jpg)\n\n![Ảnh lỗi](../images/rong.jpg)\n"),
    });
    for (const args of [["check"], ["build"], ["check"]]) {
      const child = spawn(process.execPath, [BIN, ...args, "--source", root], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      // The broken photo is an error either way; the command ends on its own, with its exit code.
      expect(code, `${args.join(" ")}: ${stderr}`).toBe(1);
      expect(stderr).toContain("bad-image");
    }
  }, 60_000);

  it("warns where a draft or an article dated in the future uses a photo no published article uses (every build publishes it)", async () => {
    const photo = await phonePhoto(300, 200);
    const root = makeSite({
      "content/images/dung-chung.jpg": photo,
      "content/images/bi-mat.jpg": await phonePhoto(300, 200, 1, 2),
      "content/images/hen-gio.jpg": await phonePhoto(300, 200, 1, 3),
      "content/images/khong-ai-dung.jpg": await phonePhoto(300, 200, 1, 4),
      "content/2024/2024-07-26-hoi-thao.md": article({ title: "Hội thảo", date: "2024-07-26", author: "An" }, "![Toàn cảnh hội trường](../images/dung-chung.jpg \"Toạ đàm.\")\n"),
      "content/2024/2024-07-27-nhap.md": article(
        { title: "Bài nháp", date: "2024-07-27", author: "An", draft: "true", cover: "{src: ../images/dung-chung.jpg, alt: Toàn cảnh hội trường, caption: Toạ đàm.}" },
        "Mở đầu.\n\n![Nhân chứng giấu mặt][anh]\n\n[anh]: <../images/bi-mat.jpg>\n",
      ),
      "content/2027/2027-01-05-hen-gio.md": article({ title: "Bài hẹn giờ", date: "2027-01-05", author: "An", cover: "{src: ../images/hen-gio.jpg, alt: Lễ khánh thành cầu, caption: Cầu mới.}" }),
    });
    const warnings = async (drafts: boolean) =>
      (await checkSite({ source: root, cwd: root, now: NOW, drafts })).diagnostics.filter((d) => d.code === "unpublished-image").map((d) => `${d.file}:${d.line} ${d.message}`);
    const found = await warnings(false);
    expect(found).toHaveLength(2);
    // The draft's photo at its reference definition; the scheduled article's at its cover field. The photo a published article uses, and the one nobody uses, are not reported.
    expect(found[0]).toMatch(/^content\/2024\/2024-07-27-nhap\.md:12 the photo content\/images\/bi-mat\.jpg is used by this draft and by no published article/);
    expect(found[1]).toMatch(/^content\/2027\/2027-01-05-hen-gio\.md:5 the photo content\/images\/hen-gio\.jpg is used by this article dated in the future/);
    // With --drafts the draft is checked as published: only the scheduled article's photo is left.
    expect(await warnings(true)).toEqual([found[1]]);
  });
});

