import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/markdown/render.js";
import { markdownInput, render } from "./helpers.js";

describe("renderMarkdown", () => {
  it("gives the same output for the same input and leaves the input untouched", () => {
    const input = markdownInput("![](../images/a.png)\n\n[x](../2023/x.md)", {
      images: [{ src: "../images/a.png", alt: "A", caption: "Chú thích A." }],
      articleUrls: { "2023/x.md": "/x/" },
      assets: ["images/a.png"],
    });
    const copy = structuredClone(input);
    const first = renderMarkdown(input);
    expect(renderMarkdown(input)).toEqual(first);
    expect(input).toEqual(copy);
    expect(first.html).toContain("<figcaption>Chú thích A.</figcaption>");
  });

  it("uses the Markdown title as caption rather than the front-matter one, without a title attribute", () => {
    const { html } = render('![](../images/a.png "Từ Markdown")', {
      images: [{ src: "../images/a.png", caption: "Từ front-matter" }],
      assets: ["images/a.png"],
    });
    expect(html).toBe(
      '<figure><img src="/images/a.png" alt="" loading="lazy"><figcaption>Từ Markdown</figcaption></figure>\n',
    );
  });

  it("takes alt and caption of a reference-style figure from front-matter, matched by the definition's src", () => {
    const { html } = render("![][ban-do]\n\n[ban-do]: ../images/ban-do.png", {
      images: [{ src: "../images/ban-do.png", alt: "Bản đồ", caption: "Bản đồ hành chính." }],
      assets: ["images/ban-do.png"],
    });
    expect(html).toBe(
      '<figure><img src="/images/ban-do.png" alt="Bản đồ" loading="lazy"><figcaption>Bản đồ hành chính.</figcaption></figure>\n',
    );
  });

  it("escapes a caption from front-matter instead of reading it as HTML", () => {
    const { html } = render("![](a.png)", {
      images: [{ src: "a.png", caption: "<script>x</script> & co" }],
      assets: ["2024/a.png"],
    });
    expect(html).toContain("<figcaption>&#x3C;script>x&#x3C;/script> &#x26; co</figcaption>");
  });

  it("renders tables and strikethrough in the same body", () => {
    const { html } = render("~~cũ~~\n\n| a |\n| - |\n| b |");
    expect(html).toContain("<del>cũ</del>");
    expect(html).toContain("<td>b</td>");
  });

  it("does not turn bare URLs into links (no GFM autolink literals)", () => {
    expect(render("Xem https://example.org nhé.").html).toBe("<p>Xem https://example.org nhé.</p>\n");
  });
});
