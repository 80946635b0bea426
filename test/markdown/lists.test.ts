import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_LIST_ITEMS, MAX_LIST_WORK } from "../../src/markdown/guard.js";
import { article, makeSite, read } from "../helpers/site.js";
import { at, errors, tryBuild } from "../safety/helpers.js";
import { render } from "./helpers.js";

const CONFIG = "title: Tin\nbaseUrl: https://example.org/\n";
/** Where a body of `depth`-deep list lines is refused: the first 0-based line whose closing work passes the bound. */
function refusedLine(depth: number): number {
  let work = 0;
  for (let i = 1; ; i++) {
    work += i + depth * i;
    if (work > MAX_LIST_WORK) return i;
  }
}

describe("long lists (issue 10, Markdown in bounded time)", () => {
  it("renders a long tight list and a loose one as CommonMark does", () => {
    const tight = render("- x\n".repeat(3000));
    expect(tight.diagnostics).toEqual([]);
    expect(tight.html).toBe("<ul>\n" + "<li>x</li>\n".repeat(3000) + "</ul>\n");
    const loose = render("- a\n- b\n\n- c\n" + "- x\n".repeat(2000));
    expect(loose.html.startsWith("<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n<li>\n<p>x</p>\n</li>")).toBe(true);
    const mixed = render("- a\n- b\n\n1. c\n2. d\n\n   e\n");
    expect(mixed.html).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>\n<p>c</p>\n</li>\n<li>\n<p>d</p>\n<p>e</p>\n</li>\n</ol>\n");
  });

  it(`renders up to ${MAX_LIST_ITEMS} items and refuses one more at its line`, () => {
    expect(render("- x\n".repeat(MAX_LIST_ITEMS)).diagnostics).toEqual([]);
    const refused = render("Mở đầu.\n\n" + "- x\n".repeat(MAX_LIST_ITEMS + 5), { bodyLine: 5 });
    expect(refused.html).toBe("");
    expect(refused.diagnostics.map((d) => [d.key, d.file, d.line])).toEqual([["markdown-too-complex.list-items", "content/2024/2024-07-26-hoi-thao.md", 5 + 2 + MAX_LIST_ITEMS]]);
  });

  it("refuses many lines of lists 8 and 32 deep at the line where they cost too much", () => {
    for (const depth of [8, 32]) {
      const out = render(("- ".repeat(depth) + "x\n").repeat(3000), { bodyLine: 4 });
      expect(out.html).toBe("");
      // The list work bound, or the item count or whole body's work when that comes first (32 items a line).
      const [refusal] = out.diagnostics;
      expect(out.diagnostics).toHaveLength(1);
      if (depth === 8) expect([refusal!.key, refusal!.line]).toEqual(["markdown-too-complex.list", 4 + refusedLine(depth)]);
      else {
        expect(refusal!.key).toMatch(/^markdown-too-complex\.(work|list-items)$/);
        expect(refusal!.line).toBeLessThanOrEqual(4 + refusedLine(depth));
      }
    }
    const sublists = render("- a\n  - b\n".repeat(5000));
    expect(sublists.diagnostics.map((d) => d.key)).toEqual(["markdown-too-complex.list"]);
  });

  it("renders articles' nested lists, lists in quotes and deep quotes", () => {
    const nested = render("- a\n  - b\n    - c\n".repeat(150));
    expect(nested.diagnostics).toEqual([]);
    expect(nested.html.match(/<li>/g)).toHaveLength(450);
    const quoted = render("> - a\n> - b\n".repeat(1000));
    expect(quoted.diagnostics).toEqual([]);
    expect(quoted.html.match(/<li>/g)).toHaveLength(2000);
    const quotes = render((">".repeat(32) + " x\n").repeat(300));
    expect(quotes.diagnostics).toEqual([]);
  });

  it("a build refuses a too long list at the file and line, in the main thread and a worker, and builds the other articles", async () => {
    const body = "Mở đầu.\n\n" + ("- ".repeat(8) + "x\n").repeat(2000);
    const root = makeSite({ "gazette.config.yaml": CONFIG, "content/dai.md": article({ title: "Dài", date: "2024-01-01" }, body), "content/ok.md": article({ title: "Ổn", date: "2024-01-02" }, "- a\n- b\n") });
    for (const workers of [0, 1]) {
      const built = await tryBuild(root, { workers, cache: false });
      expect(built.ok).toBe(false);
      expect(errors(built.diagnostics).map(at)).toEqual([`content/dai.md:${7 + refusedLine(8)} markdown-too-complex`]);
    }
  });
});
