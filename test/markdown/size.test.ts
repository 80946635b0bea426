import { describe, expect, it } from "vitest";
import { checkMarkdownLimits, MAX_BODY_CHARS, MAX_WORK } from "../../src/markdown/guard.js";
import { article, makeSite } from "../helpers/site.js";
import { at, check, errors, tryBuild } from "../safety/helpers.js";
import { render } from "./helpers.js";

const CONFIG = "title: Tin\nbaseUrl: https://example.org/\n";
const PROSE = "Hội thảo **Giải pháp** nâng cao chất lượng mô hình hỗ trợ sinh kế, với *nhiều* đại biểu tham dự và [tài liệu](https://example.org/).\n\n";
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

/** Bodies whose parse costs several times plain prose of the same size (see bench/markdown-limits.mjs). */
const DENSE: Record<string, string> = {
  "crossed emphasis": "*a ".repeat(80) + "x" + " a*".repeat(80) + "\n\n",
  "nested images": "![".repeat(30) + "a" + "](b)".repeat(30) + "\n\n",
  "emphasis pairs": "*a* ".repeat(120) + "\n\n",
  "quotes 32 deep": ">".repeat(32) + " x\n",
  "a flat list": "- x\n",
};

describe("any body up to 1 MB is rendered or refused in bounded time (issue 10)", () => {
  it("refuses a body over the size bound at its first line, before parsing, in build (main thread and a worker) and check", async () => {
    const body = fill(PROSE, 1_000_000);
    const root = makeSite({ "gazette.config.yaml": CONFIG, "content/dai.md": article({ title: "Dài", date: "2024-01-01" }, body), "content/ok.md": article({ title: "Ổn", date: "2024-01-02" }) });
    for (const workers of [0, 1]) {
      const built = await tryBuild(root, { workers, cache: false });
      expect(built.ok).toBe(false);
      expect(errors(built.diagnostics).map(at)).toEqual(["content/dai.md:5 markdown-too-complex"]);
      expect(errors(built.diagnostics)[0]!.key).toBe("markdown-too-complex.size");
    }
    expect(errors(await check(root)).map(at)).toEqual(["content/dai.md:5 markdown-too-complex"]);
  });

  it("renders a long article of ordinary prose, links and emphasis", () => {
    const body = fill(PROSE, 60_000);
    const out = render(body);
    expect(out.diagnostics).toEqual([]);
    expect(out.html.match(/<strong>/g)!.length).toBe(body.split("**Giải pháp**").length - 1);
  });

  it("the size bound and the work bound each refuse what passes the other", () => {
    expect(checkMarkdownLimits("x".repeat(MAX_BODY_CHARS))).toBeUndefined();
    expect(checkMarkdownLimits("x".repeat(MAX_BODY_CHARS + 1))?.key).toBe("markdown-too-complex.size");
    expect(MAX_WORK).toBeGreaterThan(MAX_BODY_CHARS);
  });

  for (const [name, unit] of Object.entries(DENSE)) {
    it(`refuses ${name} filling 256 KB by its parse work, at a line inside the body, and renders a small body of it`, () => {
      const body = fill(unit, 256 * 1024 - 1024);
      const problem = checkMarkdownLimits(body);
      expect(problem?.key).toMatch(/^markdown-too-complex\.(work|list-items)$/);
      const lines = body.split("\n").length;
      expect(problem!.line).toBeGreaterThan(0);
      expect(problem!.line).toBeLessThan(lines);
      const small = render(fill(unit, 6_000));
      expect(small.diagnostics.filter((d) => d.code.startsWith("markdown-too"))).toEqual([]);
      expect(small.html.length).toBeGreaterThan(0);
    });
  }
});
