/**
 * A page's key is computed from its plan's inputs (`PagePlan.inputs`), not
 * from its context: a rebuild reuses every page whose inputs are unchanged.
 * So whatever the context reads must be in the inputs. Checked here on a
 * small real site's model by changing every value in it, one at a time, and
 * comparing every page's context and inputs before and after.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runImageStep } from "../../src/images/step.js";
import { loadSite, sitePaths } from "../../src/load/site.js";
import { loadedDigest, stableJson } from "../../src/model/fingerprint.js";
import { selectArticles } from "../../src/model/select.js";
import { buildSite, type SiteModel } from "../../src/model/site.js";
import { pageKey } from "../../src/render/page-key.js";
import { planPages } from "../../src/render/pages.js";
import { PNG, article, makeSite } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);

/** Six articles in two categories, with tags, authors, covers (one a photo with derivatives), summaries given or not, extras. */
async function smallModel(): Promise<SiteModel> {
  const root = makeSite({
    "gazette.config.yaml": "title: Tin phường\ndescription: Trang tin.\nbaseUrl: https://example.org/tin/\nperPage: 2\neditUrl: https://git.example.org/edit/{path}\nsidebar:\n  recent: 3\nrelated:\n  count: 2\n",
    "content/2024/a.md": article({ title: "Hội thảo", date: "2024-07-26", category: "Tin tức", tags: "[nông nghiệp, sinh kế]", authors: "[Lan, Minh]", cover: "{ src: anh.png, alt: Ảnh, caption: Chú thích }", featured: "true", muc: "1" }),
    "content/2024/anh.png": PNG,
    "content/2024/b.md": article({ title: "Thông báo", date: "2024-06-02", category: "Tin tức", tags: "[nông nghiệp]", summary: "Tóm tắt.", updated: "2024-06-03" }),
    "content/2024/c.md": article({ title: "Tập huấn", date: "2024-05-02", category: "Hướng dẫn", authors: "[Lan]", source: "Báo tỉnh", cover: "{ src: https://example.com/x.jpg, alt: X }" }),
    "content/2023/d.md": article({ title: "Lễ hội", date: "2023-05-02", category: "Hướng dẫn", tags: "[lễ hội]" }),
    "content/2023/e.md": article({ title: "Họp dân", date: "2023-04-02", tags: "[sinh kế]" }),
    "content/2023/f.md": article({ title: "Ngày hội", date: "2023-03-02" }),
  });
  const loaded = loadSite(sitePaths(root), {}, root);
  const { published } = selectArticles(loaded.articles, { drafts: false, future: false, now: NOW, timezone: loaded.config.timezone });
  const model = buildSite(published, published.map((a, i) => ({ html: `<p>Đoạn ${i} của ${a.slug}.</p>`, firstParagraph: `Đoạn ${i} của ${a.slug}.` })), loaded.config);
  const images = await runImageStep(loaded.assets, loaded.config, { cacheDir: join(root, ".gazette-cache"), decode: true });
  images.store.dispose();
  model.imageSets = images.entries;
  withDigests(model);
  return model;
}

/** Each article's digest of its loaded fields, as the build cache sets it when it records them. */
function withDigests(model: SiteModel): SiteModel {
  for (const article of model.articles) article.digest = loadedDigest(article);
  return model;
}

type Path = (string | number)[];

/** Every value in `value` that is not an object: its path, and the objects' keys (to delete them). */
function leaves(value: unknown, path: Path = [], out: { path: Path; remove: boolean }[] = []): typeof out {
  if (value instanceof Map) for (const [key, item] of value) leaves(item, [...path, key], out);
  else if (Array.isArray(value)) value.forEach((item, i) => leaves(item, [...path, i], out));
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push({ path: [...path, key], remove: true });
      leaves(item, [...path, key], out);
    }
  } else out.push({ path, remove: false });
  return out;
}

function changed(value: unknown): unknown {
  return typeof value === "string" ? `${value}x` : typeof value === "number" ? value + 1 : typeof value === "boolean" ? !value : "x";
}

/** A copy of `model` with the value at `path` changed, or its key deleted. */
function mutated(model: SiteModel, path: Path, remove: boolean): SiteModel {
  const copy = structuredClone(model);
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = parent instanceof Map ? parent.get(step) : (parent as Record<string | number, unknown>)[step];
  const last = path[path.length - 1]!;
  if (parent instanceof Map) parent.set(last, changed(parent.get(last)));
  else if (remove) delete (parent as Record<string | number, unknown>)[last];
  else (parent as Record<string | number, unknown>)[last] = changed((parent as Record<string | number, unknown>)[last]);
  return copy;
}

/** Each page's context (as JSON) and key, by output path; a page whose context cannot be built has none. */
function pages(model: SiteModel): Map<string, { context?: string; key: string }> {
  const out = new Map<string, { context?: string; key: string }>();
  for (const plan of planPages(model)) {
    let context: string | undefined;
    try {
      context = stableJson(plan.context());
    } catch {
      context = undefined; // a broken model (a slug no article has): nothing to compare
    }
    out.set(plan.outputPath, context === undefined ? { key: pageKey("", plan) } : { context, key: pageKey("", plan) });
  }
  return out;
}

describe("page inputs", () => {
  it("change whenever the page's context does, for a change of any value in the model", async () => {
    const model = await smallModel();
    const before = pages(model);
    expect(before.size).toBeGreaterThan(15);
    const missed: string[] = [];
    let contextChanges = 0;
    const all = leaves(model);
    for (const { path, remove } of all) {
      for (const del of remove ? [true] : [false]) {
        let after: Map<string, { context?: string; key: string }>;
        try {
          // A changed article file gives changed fields and their new digest.
          after = pages(withDigests(mutated(model, path, del)));
        } catch {
          continue; // the plans themselves need the value (a listing's slug): no page to compare
        }
        for (const [outputPath, page] of after) {
          const old = before.get(outputPath);
          if (!old || page.context === undefined || page.context === old.context) continue;
          contextChanges++;
          if (page.key === old.key) missed.push(`${del ? "deleting" : "changing"} ${path.join(".")}: ${outputPath}`);
        }
      }
    }
    expect(missed).toEqual([]);
    // The walk reached the values pages show: most changes show on some page.
    expect(all.length).toBeGreaterThan(500);
    expect(contextChanges).toBeGreaterThan(1000);
  });

  it("are the same for a copy of the model, whatever the order of an article's fields", async () => {
    const model = await smallModel();
    const copy = structuredClone(model);
    copy.articles = copy.articles.map((a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a);
    for (const article of copy.articles) expect(loadedDigest(article)).toBe(article.digest);
    copy.bySlug = new Map(copy.articles.map((a) => [a.slug, a]));
    const keys = (m: SiteModel) => [...pages(m)].map(([path, page]) => `${path} ${page.key}`);
    expect(keys(copy)).toEqual(keys(model));
  });
});
