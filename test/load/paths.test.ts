/**
 * Site URLs: a path is encoded segment by segment; the shortcut for paths
 * that need no encoding must give exactly what encoding would.
 */
import { describe, expect, it } from "vitest";
import { encodePath, siteUrl } from "../../src/load/paths.js";
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
