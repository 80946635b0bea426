/**
 * Site URLs: a path is encoded segment by segment; the shortcut for paths
 * that need no encoding must give exactly what encoding would.
 */
import { describe, expect, it } from "vitest";
import { encodePath, resolveContentPath, siteUrl } from "../../src/load/paths.js";
import { mulberry32, randomCases } from "../helpers/random.js";

const encodedBySegment = (path: string) => path.split("/").map((s) => encodeURIComponent(s)).join("/");

describe("encodePath", () => {
  it("encodes what needs it, segment by segment, and keeps the slashes", () => {
    expect(encodePath("tin-tuc/bai-1/")).toBe("tin-tuc/bai-1/");
    expect(encodePath("ảnh/hội thảo.jpg")).toBe("%E1%BA%A3nh/h%E1%BB%99i%20th%E1%BA%A3o.jpg");
    expect(encodePath("a?b#c&d/e%f")).toBe("a%3Fb%23c%26d/e%25f");
    expect(encodePath("(x)!~*'._-")).toBe("(x)!~*'._-");
  });

  it("gives what encoding each segment gives, for random paths (seeded)", () => {
    const alphabet = [..."aZ09-_.!~*'()/ /?#&%+=:;,@$[]\"<>^`{|}\\"].concat(["ả", "Đ", "é", "\u00a0", "😀"]);
    const random = mulberry32(20261207);
    for (let n = 0; n < randomCases(2000); n++) {
      const length = Math.floor(random() * 12);
      let path = "";
      for (let i = 0; i < length; i++) path += alphabet[Math.floor(random() * alphabet.length)];
      expect(encodePath(path), JSON.stringify(path)).toBe(encodedBySegment(path));
    }
  });
});

describe("siteUrl", () => {
  it("puts the path under the base path, without its leading slashes", () => {
    expect(siteUrl("/news/", "images/a.png")).toBe("/news/images/a.png");
    expect(siteUrl("/news/", "//images/ả.png")).toBe("/news/images/%E1%BA%A3.png");
    expect(siteUrl("/", "")).toBe("/");
  });
});

describe("resolveContentPath", () => {
  it("resolves an href from the file it is written in, every time alike", () => {
    for (let round = 0; round < 2; round++) {
      expect(resolveContentPath("2024/bai.md", "../images/h%E1%BB%99i%20th%E1%BA%A3o.png")).toBe("images/hội thảo.png");
      expect(resolveContentPath("2024/bai.md", "../images/a.png")).toBe("images/a.png");
      expect(resolveContentPath("bai.md", "../images/a.png")).toBeUndefined(); // out of content/
      expect(resolveContentPath("2024/bai.md", "./a/../b.png")).toBe("2024/b.png");
      // Decomposed letters (as macOS writes names) and a malformed escape, kept as written.
      expect(resolveContentPath("2024/bai.md", "a\u0300nh.png")).toBe("2024/\u00e0nh.png");
      expect(resolveContentPath("2024/bai.md", "100%.png")).toBe("2024/100%.png");
    }
    // A source path holding a line feed is its own path, not a prefix of another's href.
    expect(resolveContentPath("a\nb.md", "c.png")).toBe("c.png");
    expect(resolveContentPath("a", "b.md\nc.png")).toBe("b.md\nc.png");
  });
});
