import { describe, expect, it } from "vitest";
import { relatedArticles } from "../../src/model/related.js";

// Newest first, as the model keeps them.
const sorted = [
  { slug: "a9", category: "x" },
  { slug: "a8", category: "y" },
  { slug: "a7", category: "x" },
  { slug: "a6", category: "x" },
  { slug: "a5", category: "y" },
  { slug: "a4" },
  { slug: "a3", category: "x" },
  { slug: "a2", category: "y" },
  { slug: "a1", category: "x" },
];

describe("relatedArticles", () => {
  it("lists the articles published just before it in the same category", () => {
    expect(relatedArticles(sorted, 3).get("a9")).toEqual(["a7", "a6", "a3"]);
  });

  it("fills up with the articles just before it in any category when the category has too few", () => {
    expect(relatedArticles(sorted, 3).get("a5")).toEqual(["a2", "a4", "a3"]);
  });

  it("never lists newer articles or the article itself", () => {
    expect(relatedArticles(sorted, 5).get("a2")).toEqual(["a1"]);
    expect(relatedArticles(sorted, 5).get("a1")).toEqual([]);
  });

  it("uses any category for an article without one", () => {
    expect(relatedArticles(sorted, 2).get("a4")).toEqual(["a3", "a2"]);
  });

  it("gives empty lists when count is 0", () => {
    expect(relatedArticles(sorted, 0).get("a9")).toEqual([]);
  });
});
