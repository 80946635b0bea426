import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sitePaths } from "../../src/load/site.js";
import { classifyChanges, isIgnoredPath } from "../../src/serve/changes.js";
import { contentTypeOf } from "../../src/serve/content-type.js";
import { injectClient, stripClient } from "../../src/serve/reload-client.js";
import { parseRequestTarget } from "../../src/serve/request-path.js";

describe("request paths", () => {
  it("decodes a path to NFC and keeps the query apart", () => {
    expect(parseRequestTarget("/tin-t%E1%BB%A9c/?page=2")).toEqual({ path: "/tin-tức/", rawPath: "/tin-t%E1%BB%A9c/", query: "?page=2" });
    expect(parseRequestTarget("/a%CC%81/")?.path).toBe("/á/"); // decomposed, as macOS writes names
  });

  it("refuses anything that could climb out or be read two ways", () => {
    for (const url of ["/../x", "/a/../../x", "/%2e%2e/x", "/%2E./x", "/..%2fx", "/%2F", "/a%5cb", "/a\\b", "/%00", "/a\u0000", "/%", "/%c0%ae/", "http://host/x", "*"]) {
      expect(parseRequestTarget(url), url).toBeUndefined();
    }
  });
});

describe("the reload client", () => {
  it("goes before the last </body>, or at the end without one", () => {
    expect(injectClient("<p>a</p></BODY></html>")).toBe('<p>a</p><script src="/__gazette/client.js"></script></BODY></html>');
    expect(injectClient("<p>a</p>")).toBe('<p>a</p><script src="/__gazette/client.js"></script>');
    expect(stripClient(injectClient("<body></body>"))).toBe("<body></body>");
  });
});

describe("content types", () => {
  it("are UTF-8 for text and right for images and documents", () => {
    expect(contentTypeOf("index.html")).toBe("text/html; charset=utf-8");
    expect(contentTypeOf("feed.xml")).toBe("application/xml; charset=utf-8");
    expect(contentTypeOf("data/x.JSON")).toBe("application/json; charset=utf-8");
    expect(contentTypeOf("images/a.JPG")).toBe("image/jpeg");
    expect(contentTypeOf("files/lich.pdf")).toBe("application/pdf");
    expect(contentTypeOf("v1.2/README")).toBe("application/octet-stream");
  });
});

describe("sorting file events", () => {
  const paths = sitePaths("/site");
  it("tells articles, files, the theme and the config apart", () => {
    const change = classifyChanges(paths, [
      { event: "change", path: "/site/content/2024/a.md" },
      { event: "add", path: "/site/content/2024/images/b.png" },
      { event: "change", path: "/site/static/x.css" },
      { event: "change", path: "/site/templates/partials/footer.hbs" },
      { event: "change", path: "/site/public/index.html" },
    ]);
    expect(change).toEqual({ config: false, templates: true, articles: new Set(["2024/a.md"]), contentStructure: true, staticStructure: false, files: 2 });
    expect(classifyChanges(paths, [{ event: "unlink", path: "/site/gazette.config.yml" }]).config).toBe(true);
  });

  it("watches only the site's sources, never dot-entries or the output", () => {
    const ignored = (p: string) => isIgnoredPath(paths, join("/site", p));
    expect(["content", "content/2024/a.md", "templates/x.hbs", "static/a.css", "gazette.config.yaml"].filter(ignored)).toEqual([]);
    expect(["public", "public/index.html", "node_modules", ".git", "content/.a.md.swp", "content/.drafts/x.md", "README.md"].every(ignored)).toBe(true);
  });
});
