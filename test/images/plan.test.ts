import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/load/config.js";
import { derivativeWidths, planImageSet } from "../../src/images/plan.js";
import { pictureView, shareImage } from "../../src/images/markup.js";
import { DEFAULT_IMAGE_SETTINGS } from "../../src/images/settings.js";
import { unsafeSvgReason } from "../../src/images/svg.js";

describe("derivative widths", () => {
  it("are the configured widths a photo reaches, plus its own width when a configured one is wider", () => {
    expect(derivativeWidths(4000, [480, 960, 1600])).toEqual([480, 960, 1600]);
    expect(derivativeWidths(1200, [480, 960, 1600])).toEqual([480, 960, 1200]);
    expect(derivativeWidths(960, [480, 960, 1600])).toEqual([480, 960]);
    expect(derivativeWidths(300, [480, 960, 1600])).toEqual([300]);
  });
});

describe("a photo's derivative set", () => {
  it("names files by width and format beside the original, modern formats first", () => {
    const set = planImageSet("2024/images/anh.JPG", 4000, 3000, "jpeg", { ...DEFAULT_IMAGE_SETTINGS, formats: ["avif", "webp"] });
    expect(set.formats.map((f) => f.format)).toEqual(["avif", "webp", "jpeg"]);
    expect(set.formats[2]!.files).toEqual([
      { path: "2024/images/anh-480.jpg", width: 480, height: 360 },
      { path: "2024/images/anh-960.jpg", width: 960, height: 720 },
      { path: "2024/images/anh-1600.jpg", width: 1600, height: 1200 },
    ]);
    expect(set.original).toBeUndefined();
    const view = pictureView(set, "/news/", "100vw");
    expect(view).toMatchObject({ src: "/news/2024/images/anh-960.jpg", width: 1600, height: 1200, full: "/news/2024/images/anh-1600.jpg" });
    expect(view.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(shareImage(set)).toEqual({ path: "2024/images/anh-1600.jpg", width: 1600, height: 1200 });
  });
});

describe("images config", () => {
  const read = (raw: unknown) => {
    const problems: string[] = [];
    const config = validateConfig(raw, "site", { report: (key, message) => problems.push(`${key}: ${message}`) });
    return { images: config.images, problems };
  };
  it("reads widths (sorted, unique), formats, quality and originals", () => {
    expect(read({ images: { widths: [960, 320, 960], formats: ["webp", "avif"], quality: 70, originals: true } })).toEqual({
      images: { widths: [320, 960], formats: ["avif", "webp"], quality: 70, originals: true },
      problems: [],
    });
  });
  it("reports bad values and unknown keys by name", () => {
    const { problems } = read({ images: { widths: [0], formats: ["gif"], quality: 101, originals: "yes", sizes: 1 } });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["images.sizes", "images.widths", "images.formats", "images.quality", "images.originals"]);
  });
});

describe("SVG safety", () => {
  it("accepts plain drawings and finds scripts, handlers and outside references", () => {
    expect(unsafeSvgReason('<svg xmlns="http://www.w3.org/2000/svg"><text>one = two</text><use href="#a"/></svg>')).toBeUndefined();
    expect(unsafeSvgReason("<svg><script>x()</script></svg>")).toContain("script");
    expect(unsafeSvgReason('<svg><a onclick = "x()"/></svg>')).toContain("event handler");
    expect(unsafeSvgReason('<svg><use href="https://evil.example/s.svg#a"/></svg>')).toContain("another site");
    expect(unsafeSvgReason('<svg><image xlink:href="//evil.example/p.png"/></svg>')).toContain("another site");
    expect(unsafeSvgReason('<svg><rect style="fill:url(https://x.example/f)"/></svg>')).toContain("url()");
  });
});
