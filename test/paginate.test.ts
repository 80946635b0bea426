import { describe, expect, it } from "vitest";
import { pageUrlPath, pageWindow, paginate } from "../src/model/paginate.js";

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate", () => {
  it("paginates 25 articles at 10 per page into 3 pages of 10, 10 and 5", () => {
    const pages = paginate(range(25), 10);
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages[0]).toEqual(range(10));
    expect(pages[2]).toEqual([21, 22, 23, 24, 25]);
  });

  it("gives one empty page for an empty listing", () => {
    expect(paginate([], 10)).toEqual([[]]);
  });

  it("fills exactly full pages without a trailing empty page", () => {
    expect(paginate(range(20), 10).map((page) => page.length)).toEqual([10, 10]);
  });

  it("puts everything on one page when there are fewer items than perPage", () => {
    expect(paginate(range(3), 10)).toEqual([[1, 2, 3]]);
  });

  it("puts one item per page when perPage is 1", () => {
    expect(paginate(["a", "b"], 1)).toEqual([["a"], ["b"]]);
  });

  it("keeps the order of the items and does not change the input", () => {
    const items = Object.freeze(["c", "a", "b"]);
    expect(paginate(items, 2)).toEqual([["c", "a"], ["b"]]);
    expect(items).toEqual(["c", "a", "b"]);
  });

  it.each([[0], [-1], [2.5], [Number.NaN]])("rejects perPage %j", (perPage) => {
    expect(() => paginate(range(5), perPage)).toThrow(RangeError);
  });
});

describe("pageWindow", () => {
  it("shows a single page as [1]", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
  });

  it("shows both pages when there are two", () => {
    expect(pageWindow(1, 2)).toEqual([1, 2]);
    expect(pageWindow(2, 2)).toEqual([1, 2]);
  });

  it("shows the first pages, a gap and the last page on page 1 of 10", () => {
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, "gap", 10]);
  });

  it("shows the pages around page 4 of 10, with page 1 joined on", () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, "gap", 10]);
  });

  it("shows a skipped single page as its number rather than a gap", () => {
    // Pages 3–7 surround page 5; page 2 alone between 1 and 3 is shown, not hidden behind "…".
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, "gap", 10]);
    expect(pageWindow(6, 10)).toEqual([1, "gap", 4, 5, 6, 7, 8, 9, 10]);
  });

  it("puts gaps on both sides in the middle of a long listing", () => {
    expect(pageWindow(10, 20)).toEqual([1, "gap", 8, 9, 10, 11, 12, "gap", 20]);
  });

  it("never makes a gap that stands for a single page", () => {
    for (let total = 1; total <= 30; total++) {
      for (let current = 1; current <= total; current++) {
        const slots = pageWindow(current, total);
        const numbers = slots.filter((slot): slot is number => slot !== "gap");
        slots.forEach((slot, i) => {
          if (slot !== "gap") return;
          const before = slots[i - 1] as number;
          const after = slots[i + 1] as number;
          expect(after - before).toBeGreaterThan(2);
        });
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(total);
        expect(numbers).toContain(current);
        expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
        expect(new Set(numbers).size).toBe(numbers.length);
      }
    }
  });

  it("shows the last pages near the end of the listing", () => {
    expect(pageWindow(10, 10)).toEqual([1, "gap", 8, 9, 10]);
    expect(pageWindow(9, 10)).toEqual([1, "gap", 7, 8, 9, 10]);
    expect(pageWindow(8, 10)).toEqual([1, "gap", 6, 7, 8, 9, 10]);
    expect(pageWindow(7, 10)).toEqual([1, "gap", 5, 6, 7, 8, 9, 10]);
  });

  it("shows every page of a 7-page listing when the window leaves only single-page holes", () => {
    expect(pageWindow(1, 7)).toEqual([1, 2, 3, "gap", 7]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(7, 7)).toEqual([1, "gap", 5, 6, 7]);
  });

  it("honours a custom radius", () => {
    expect(pageWindow(10, 20, 1)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageWindow(10, 20, 0)).toEqual([1, "gap", 10, "gap", 20]);
    expect(pageWindow(3, 20, 0)).toEqual([1, 2, 3, "gap", 20]);
  });

  it.each([
    [0, 10],
    [11, 10],
    [1, 0],
    [1.5, 10],
  ])("rejects current %j of total %j", (current, total) => {
    expect(() => pageWindow(current, total)).toThrow(RangeError);
  });
});

describe("pageUrlPath", () => {
  it("gives the listing root for page 1", () => {
    expect(pageUrlPath("/categories/tin-tuc/", 1)).toBe("/categories/tin-tuc/");
    expect(pageUrlPath("/", 1)).toBe("/");
  });

  it("gives page/N/ under the listing root for later pages", () => {
    expect(pageUrlPath("/categories/tin-tuc/", 2)).toBe("/categories/tin-tuc/page/2/");
    expect(pageUrlPath("/", 12)).toBe("/page/12/");
  });

  it("adds the missing slash after the listing root", () => {
    expect(pageUrlPath("/tags/sinh-ke", 1)).toBe("/tags/sinh-ke/");
    expect(pageUrlPath("/tags/sinh-ke", 3)).toBe("/tags/sinh-ke/page/3/");
  });

  it("works with an empty, relative listing root", () => {
    expect(pageUrlPath("", 1)).toBe("");
    expect(pageUrlPath("", 2)).toBe("page/2/");
  });

  it.each([[0], [-1], [1.5]])("rejects page %j", (page) => {
    expect(() => pageUrlPath("/", page)).toThrow(RangeError);
  });
});
