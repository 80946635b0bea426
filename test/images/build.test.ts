import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { article, listTree, makeSite, read, writeFiles } from "../helpers/site.js";
import { declaredPng, failedBuild, phonePhoto } from "./photos.js";

const NOW = Date.UTC(2026, 0, 1);
const CONFIG = "title: Ảnh\nimages:\n  widths: [100, 200, 400]\n";
let landscape: Buffer;
let portrait: Buffer;

beforeAll(async () => {
  landscape = await phonePhoto(600, 400, 1, 1);
  portrait = await phonePhoto(600, 400, 6, 2); // stored sideways: 400 × 600 upright
});

function photoSite(extra: Record<string, string | Uint8Array> = {}, config = CONFIG): string {
  return makeSite({
    "gazette.config.yaml": config,
    "content/images/toan-canh.jpg": landscape,
    "content/2024/images/chan-dung.jpg": portrait,
    "content/2024/2024-07-26-hoi-thao.md": article(
      { title: "Hội thảo", date: "2024-07-26", cover: "{src: ../images/toan-canh.jpg, alt: Toàn cảnh, caption: Toạ đàm.}" },
      "Mở đầu.\n\n![Bà Lan Anh](images/chan-dung.jpg \"Bà Lan Anh phát biểu.\")\n\nXem [ảnh gốc](images/chan-dung.jpg).\n",
    ),
    "content/2024/2024-07-27-tin.md": article({ title: "Tin không ảnh bìa", date: "2024-07-27" }, "Ảnh đầu bài:\n\n![Toàn cảnh](../images/toan-canh.jpg)\n"),
    ...extra,
  });
}

async function metadataOf(path: string) {
  return sharp(readFileSync(path)).metadata();
}

describe("photos", () => {
  it("are published as derivatives only, upright, with every metadata block stripped", async () => {
    const root = photoSite();
    await build({ source: root, now: NOW });
    const out = join(root, "public");
    const images = listTree(out).filter((f) => /\.(jpe?g|png|webp|avif|gif)$/.test(f));
    expect(images).toEqual([
      "2024/images/chan-dung-100.jpg", "2024/images/chan-dung-100.webp", "2024/images/chan-dung-200.jpg", "2024/images/chan-dung-200.webp",
      "2024/images/chan-dung-400.jpg", "2024/images/chan-dung-400.webp",
      "images/toan-canh-100.jpg", "images/toan-canh-100.webp", "images/toan-canh-200.jpg", "images/toan-canh-200.webp",
      "images/toan-canh-400.jpg", "images/toan-canh-400.webp",
    ]);
    for (const file of images) {
      const meta = await metadataOf(join(out, file));
      expect(meta.exif, `${file} has EXIF`).toBeUndefined();
      expect(meta.xmp, `${file} has XMP`).toBeUndefined();
      expect(meta.iptc, `${file} has IPTC`).toBeUndefined();
      expect(meta.orientation, `${file} has an orientation`).toBeUndefined();
      // No GPS or camera strings anywhere in the bytes.
      const bytes = readFileSync(join(out, file)).toString("latin1");
      expect(bytes).not.toContain("samsung");
      expect(bytes).not.toContain("SM-A515F");
      expect(bytes).not.toContain("GPS");
    }
    // The portrait was stored sideways: published upright, taller than wide.
    const upright = await metadataOf(join(out, "2024/images/chan-dung-400.jpg"));
    expect([upright.width, upright.height]).toEqual([400, 600]);
    const wide = await metadataOf(join(out, "images/toan-canh-400.webp"));
    expect([wide.width, wide.height]).toEqual([400, 267]);
  });

  it("show with srcset, sizes, width and height; the lead image first, the others lazily; figures link to their largest derivative", async () => {
    const root = photoSite();
    await build({ source: root, now: NOW, baseUrl: "https://example.org/news/" });
    const out = join(root, "public");
    const page = read(out, "hoi-thao/index.html");
    // Cover: the lead image, from the theme's figure partial.
    expect(page).toMatch(
      /<figure class="figure article-cover">\s*<a class="figure-link" href="\/news\/images\/toan-canh-400.jpg"><picture><source type="image\/webp" srcset="\/news\/images\/toan-canh-100.webp 100w, \/news\/images\/toan-canh-200.webp 200w, \/news\/images\/toan-canh-400.webp 400w" sizes="[^"]+"><img src="\/news\/images\/toan-canh-400.jpg" srcset="\/news\/images\/toan-canh-100.jpg 100w, \/news\/images\/toan-canh-200.jpg 200w, \/news\/images\/toan-canh-400.jpg 400w" sizes="[^"]+" width="400" height="267" alt="Toàn cảnh" fetchpriority="high"><\/picture><\/a>/,
    );
    // Body figure: lazy, with the portrait's upright size; its caption from the title.
    expect(page).toMatch(
      /<figure><a href="\/news\/2024\/images\/chan-dung-400.jpg"><picture><source type="image\/webp" srcset="[^"]*chan-dung-100.webp 100w[^"]*" sizes="[^"]+"><img src="\/news\/2024\/images\/chan-dung-400.jpg" srcset="[^"]+" sizes="[^"]+" width="400" height="600" alt="Bà Lan Anh" loading="lazy" decoding="async"><\/picture><\/a><figcaption>Bà Lan Anh phát biểu.<\/figcaption><\/figure>/,
    );
    // A link to the photo goes to its largest derivative (the original is not published).
    expect(page).toContain('<a href="/news/2024/images/chan-dung-400.jpg">ảnh gốc</a>');
    expect(page).toContain('<meta property="og:image" content="https://example.org/news/images/toan-canh-400.jpg">');
    expect(page).toContain('<meta property="og:image:width" content="400">');
    // Without a cover, the first photo of the body is the lead image.
    expect(read(out, "tin/index.html")).toMatch(/<img [^>]*alt="Toàn cảnh" fetchpriority="high">/);
    // Listing cards: small sizes, width and height.
    const home = read(out, "index.html");
    expect(home).toMatch(/<div class="card-media"><picture><source type="image\/webp" srcset="[^"]+" sizes="\(max-width: 720px\) 116px, 240px"><img src="[^"]+" srcset="[^"]+" sizes="\(max-width: 720px\) 116px, 240px" width="400" height="267" alt="Toàn cảnh" loading="lazy" decoding="async"><\/picture><\/div>/);
    expect(home).not.toContain("toan-canh.jpg");
  });

  it("are never made again: a warm build decodes no photo, and every output folder shares the derivatives", async () => {
    const root = photoSite();
    const first = await build({ source: root, now: NOW });
    expect(first.stats.images).toEqual({ photos: 2, decoded: 2, cached: 0 });
    const again = await build({ source: root, now: NOW, stampMarginMs: 0 });
    expect(again.stats.images).toEqual({ photos: 2, decoded: 0, cached: 2 });
    const other = await build({ source: root, now: NOW, out: join(root, "elsewhere") });
    expect(other.stats.images?.decoded).toBe(0);
    expect(listTree(join(root, "elsewhere")).filter((f) => f.endsWith(".webp"))).toHaveLength(6);
    // A replaced photo is made again, with its new size in the pages.
    writeFileSync(join(root, "content/images/toan-canh.jpg"), await phonePhoto(300, 300, 1, 3));
    const replaced = await build({ source: root, now: NOW, stampMarginMs: 0 });
    expect(replaced.stats.images).toEqual({ photos: 2, decoded: 1, cached: 1 });
    expect(read(join(root, "public"), "hoi-thao/index.html")).toMatch(/src="\/images\/toan-canh-300.jpg"[^>]*width="300" height="300"/);
    expect(existsSync(join(root, "public/images/toan-canh-400.jpg"))).toBe(false);
    expect(existsSync(join(root, "public/images/toan-canh-300.jpg"))).toBe(true);
  });

  it("give byte-identical output across runs, thread counts and with or without the cache", async () => {
    const root = photoSite();
    const outputs: Map<string, Buffer>[] = [];
    for (const [workers, cache] of [[0, true], [2, false], [1, true]] as const) {
      const out = join(root, `out-${workers}-${cache}`);
      rmSync(join(root, ".gazette-cache"), { recursive: true, force: true });
      await build({ source: root, now: NOW, out, workers, cache });
      outputs.push(new Map(listTree(out).map((f) => [f, readFileSync(join(out, f))])));
    }
    for (const other of outputs.slice(1)) {
      expect([...other.keys()]).toEqual([...outputs[0]!.keys()]);
      for (const [path, bytes] of other) expect(bytes.equals(outputs[0]!.get(path)!), path).toBe(true);
    }
  });

  it("publish the originals too with images.originals, stripped and upright", async () => {
    const root = photoSite({}, `${CONFIG}  originals: true\n  formats: [webp, avif]\n`);
    await build({ source: root, now: NOW });
    const out = join(root, "public");
    const original = await metadataOf(join(out, "2024/images/chan-dung.jpg"));
    expect([original.width, original.height, original.exif, original.orientation]).toEqual([400, 600, undefined, undefined]);
    expect(existsSync(join(out, "images/toan-canh-400.avif"))).toBe(true);
    const page = read(out, "hoi-thao/index.html");
    expect(page).toContain('<a href="/2024/images/chan-dung.jpg"><picture><source type="image/avif"');
  });

  it("copy GIFs and safe SVGs as they are, and refuse an SVG with a script", async () => {
    const safe = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const gif = Buffer.from("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b", "hex");
    const root = photoSite({ "content/images/logo.svg": safe, "content/images/dong.gif": gif, "content/images/van-ban.svg": safe });
    await build({ source: root, now: NOW });
    expect(readFileSync(join(root, "public/images/logo.svg"), "utf8")).toBe(safe);
    expect(readFileSync(join(root, "public/images/dong.gif")).equals(gif)).toBe(true);

    for (const [svg, found] of [
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>', "event handler"],
      ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>', "another site"],
      ['<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "foreignObject"],
      ['<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(x.css);</style></svg>', "@import"],
    ]) {
      writeFiles(root, {
        "content/images/logo.svg": svg!,
        "content/2024/2024-08-01-bieu-trung.md": article({ title: "Biểu trưng", date: "2024-08-01" }, "Biểu trưng mới:\n\n![Biểu trưng](../images/logo.svg)\n"),
      });
      const problems = await failedBuild(root, NOW);
      expect(problems).toEqual([expect.objectContaining({ code: "unsafe-svg", file: "content/2024/2024-08-01-bieu-trung.md", line: 7 })]);
      expect(problems[0]!.message).toContain("content/images/logo.svg");
      expect(problems[0]!.message).toContain(found);
    }
  });
});

describe("broken photos", () => {
  it("are errors naming the article, its line and the file, and leave the previous output untouched", async () => {
    const root = photoSite();
    await build({ source: root, now: NOW, cwd: root });
    const before = new Map(listTree(join(root, "public")).map((f) => [f, readFileSync(join(root, "public", f))]));
    const truncated = landscape.subarray(0, Math.floor(landscape.length / 2));
    const cases: [string, Uint8Array, string][] = [
      ["truncated", truncated, "cannot be decoded"],
      ["not an image", Buffer.from("<html>Trang lỗi</html>"), "not a readable image"],
      ["empty", Buffer.alloc(0), "empty (0 bytes)"],
      ["decompression bomb", declaredPng(30000, 30000), "30000 × 30000"],
    ];
    for (const [what, bytes, message] of cases) {
      writeFiles(root, { "content/2024/images/chan-dung.jpg": bytes });
      const problems = await failedBuild(root, NOW);
      // The figure and the link to the photo.
      expect(problems, what).toEqual([
        expect.objectContaining({ code: "bad-image", file: "content/2024/2024-07-26-hoi-thao.md", line: 8, column: 1 }),
        expect.objectContaining({ code: "bad-image", file: "content/2024/2024-07-26-hoi-thao.md", line: 10, column: 5 }),
      ]);
      expect(problems[0]!.message, what).toContain("content/2024/images/chan-dung.jpg");
      expect(problems[0]!.message, what).toContain(message);
      const after = listTree(join(root, "public"));
      expect(after, what).toEqual([...before.keys()]);
      for (const file of after) expect(readFileSync(join(root, "public", file)).equals(before.get(file)!), `${what}: ${file}`).toBe(true);
    }
    // A broken cover is reported at the cover field.
    writeFiles(root, { "content/2024/images/chan-dung.jpg": portrait, "content/images/toan-canh.jpg": Buffer.alloc(0) });
    const problems = await failedBuild(root, NOW);
    expect(problems).toEqual([
      expect.objectContaining({ code: "bad-image", file: "content/2024/2024-07-26-hoi-thao.md", line: 4 }),
      expect.objectContaining({ code: "bad-image", file: "content/2024/2024-07-27-tin.md", line: 7 }),
    ]);
  });
});
