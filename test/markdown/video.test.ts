import { describe, expect, it } from "vitest";
import { labelVideos, parseVideoUrl } from "../../src/markdown/video.js";
import { render } from "./helpers.js";

const ID = "dQw4w9WgXcQ";

describe("parseVideoUrl", () => {
  it("reads the YouTube addresses writers paste, with a start time", () => {
    for (const url of [`https://www.youtube.com/watch?v=${ID}`, `https://youtu.be/${ID}`, `https://m.youtube.com/watch?v=${ID}&feature=share`, `https://www.youtube.com/shorts/${ID}`, `https://www.youtube.com/embed/${ID}`, `https://www.youtube.com/live/${ID}?si=x`]) {
      expect(parseVideoUrl(url), url).toEqual({ provider: "youtube", url: `https://www.youtube.com/watch?v=${ID}`, embed: `https://www.youtube-nocookie.com/embed/${ID}?autoplay=1` });
    }
    expect(parseVideoUrl(`https://youtu.be/${ID}?t=1m30s`)).toMatchObject({ url: `https://www.youtube.com/watch?v=${ID}&t=90s`, embed: `https://www.youtube-nocookie.com/embed/${ID}?autoplay=1&start=90` });
  });

  it("reads Facebook video pages, watch links, reels and fb.watch", () => {
    expect(parseVideoUrl("https://www.facebook.com/watch/?v=123456789")).toEqual({
      provider: "facebook",
      url: "https://www.facebook.com/watch/?v=123456789",
      embed: "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D123456789&show_text=false&autoplay=true",
    });
    expect(parseVideoUrl("https://www.facebook.com/trungtamsapa/videos/987654321/")?.url).toBe("https://www.facebook.com/trungtamsapa/videos/987654321/");
    expect(parseVideoUrl("https://m.facebook.com/reel/555")?.url).toBe("https://www.facebook.com/reel/555");
    expect(parseVideoUrl("https://fb.watch/aBc12/")?.url).toBe("https://fb.watch/aBc12/");
  });

  it("leaves other addresses alone", () => {
    for (const url of ["https://www.youtube.com/", "https://www.youtube.com/@kenh", "https://youtu.be/short", "https://www.facebook.com/trungtamsapa", "https://vimeo.com/1", "javascript:alert(1)", "xem https://youtu.be/" + ID]) {
      expect(parseVideoUrl(url), url).toBeUndefined();
    }
  });
});

describe("click-to-load videos in bodies", () => {
  it("turns a video URL alone in its paragraph into a figure with a link and no player", () => {
    const { html } = render(`Mở đầu.\n\nhttps://youtu.be/${ID}\n\nKết.\n`);
    expect(html).toContain(
      `<figure class="video video-youtube" data-video-embed="https://www.youtube-nocookie.com/embed/${ID}?autoplay=1"><a class="video-link" href="https://www.youtube.com/watch?v=${ID}"><span class="video-play"></span><span class="video-label"><span class="video-on"></span> YouTube</span><span class="video-address">youtube.com/watch?v=${ID}</span></a></figure>`,
    );
    expect(html).not.toContain("<iframe");
    expect(html).not.toMatch(/src="https?:\/\/[^"]*(youtube|ytimg)/);
  });

  it("splits a paragraph around a video line, and takes <autolinks> and pasted iframes too", () => {
    const { html, diagnostics } = render(
      `Xem video:\nhttps://www.facebook.com/watch/?v=123\nTrước khi đi.\n\n<https://www.youtube.com/watch?v=${ID}>\n\n<iframe src="https://www.youtube.com/embed/${ID}" width="560"></iframe>\n`,
    );
    expect(diagnostics).toEqual([]);
    expect(html.match(/<figure class="video/g)).toHaveLength(3);
    expect(html).toMatch(/^<p>Xem video:<\/p>\n<figure class="video video-facebook"[^]*<\/figure>\n<p>Trước khi đi.<\/p>/);
  });

  it("keeps a video URL inside a sentence or a link as a link or text", () => {
    const { html } = render(`Xem https://youtu.be/${ID} nhé.\n\n[Video](https://youtu.be/${ID})\n`);
    expect(html).not.toContain("<figure");
    expect(html).toContain(`<a href="https://youtu.be/${ID}">Video</a>`);
  });

  it("gives the same embed with raw HTML allowed", () => {
    expect(render(`https://youtu.be/${ID}\n`, { allowHtml: true }).html).toBe(render(`https://youtu.be/${ID}\n`).html);
  });

  it("fills the label in the site's language at render time", () => {
    const { html } = render(`https://youtu.be/${ID}\n`);
    expect(labelVideos(html, "Xem video trên")).toContain('<span class="video-label"><span class="video-on">Xem video trên</span> YouTube</span>');
  });
});

describe("tables", () => {
  it("marks aligned columns with a class instead of the align attribute and wraps the table in a scroll box", () => {
    const { html } = render("| Thôn | Số hộ |\n|:-|-:|\n| Tả Van | 120 |\n");
    expect(html).toContain('<div class="table-scroll" tabindex="0"><table>');
    expect(html).toContain('<th class="align-left">Thôn</th>');
    expect(html).toContain('<td class="align-right">120</td>');
    expect(html).not.toContain("align=");
    const raw = render("| a | b |\n|:-:|--|\n| 1 | 2 |\n", { allowHtml: true }).html;
    expect(raw).toContain('<td class="align-center">1</td>');
    expect(raw).not.toContain("align=");
  });
});
