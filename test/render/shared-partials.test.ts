/**
 * Partials whose HTML is reused: which ones qualify (from their syntax
 * tree), and the memo of a partial that depends only on its context.
 */
import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { contextPartials, partialsCalledInLoops, renderOncePerContext } from "../../src/render/shared-partials.js";
import { article, makeSite, read } from "../helpers/site.js";

const parse = (partials: Record<string, string>) => new Map(Object.entries(partials).map(([name, text]) => [name, Handlebars.parse(text)]));

describe("contextPartials", () => {
  it("finds the built-in article card", () => {
    const card = readFileSync(join(import.meta.dirname, "..", "..", "templates", "partials", "article-card.hbs"), "utf8");
    expect(contextPartials(parse({ "article-card": card }))).toEqual(new Set(["article-card"]));
  });

  it("keeps only partials that read nothing outside their context", () => {
    const verdicts = contextPartials(parse({
      fields: "<a href=\"{{url}}\">{{title}}</a>{{#if lead}}!{{/if}}{{#unless x}}{{else}}{{y}}{{/unless}}",
      ownLoops: "{{#each items}}{{@index}}{{../title}}{{#with cover}}{{../../title}}{{src}}{{/with}}{{/each}}",
      helpers: "{{#if (eq kind \"home\")}}{{join tags \", \"}}{{/if}}",
      parentAtTop: "{{../title}}",
      parentTooFar: "{{#each items}}{{../../title}}{{/each}}",
      ifIsNoLevel: "{{#if a}}{{../title}}{{/if}}",
      loopDataOutside: "{{@index}}",
      loopDataInWith: "{{#with a}}{{@first}}{{/with}}",
      root: "{{@root.site.title}}",
      partial: "{{> other}}",
      blockParams: "{{#each items as |item|}}{{item}}{{/each}}",
      otherHelper: "{{lookup a \"b\"}}",
    }));
    expect([...verdicts].sort()).toEqual(["fields", "helpers", "ownLoops"]);
  });
});

describe("renderOncePerContext", () => {
  const counted = () => {
    const calls: unknown[] = [];
    const fn = ((context: { title?: string }) => {
      calls.push(context);
      return `<h2>${context.title}</h2>#${calls.length}`;
    }) as unknown as Handlebars.TemplateDelegate;
    return { calls, render: renderOncePerContext(fn) };
  };
  const options = (root: object = { page: {} }) => ({ data: { root } }) as never;

  it("renders once per set of values: objects by identity, texts and numbers by value", () => {
    const { calls, render } = counted();
    const date = { iso: "2024-01-01" };
    const first = render({ title: "A", date, lead: true }, options());
    expect(render({ title: "A", date, lead: true }, options())).toBe(first);
    expect(calls).toHaveLength(1);
    render({ title: "A", date, lead: false }, options());
    render({ title: "A", date: { iso: "2024-01-01" }, lead: true }, options());
    render({ title: "B", date, lead: true }, options());
    render({ title: "A", date, lead: true, extra: 1 }, options());
    render({ title: "A", date, lead: "true" }, options());
    expect(calls).toHaveLength(6);
  });

  it("does not confuse values that print alike", () => {
    const { calls, render } = counted();
    render({ a: "1:s1", b: "" }, options());
    render({ a: "1", b: ":s1" }, options());
    render({ a: 1 }, options());
    render({ a: "1" }, options());
    render({ a: null }, options());
    render({ a: undefined }, options());
    expect(calls).toHaveLength(6);
  });

  it("renders the page's own context, or a copy of it with a hash, every time", () => {
    const { calls, render } = counted();
    const root = { page: { title: "P" }, site: {} };
    render(root, options(root));
    render(root, options(root));
    render({ ...root, lead: true }, options(root));
    render({ ...root, lead: true }, options(root));
    expect(calls).toHaveLength(4);
  });

  it("compares symbols and NaN as the values they are", () => {
    const { calls, render } = counted();
    const mark = Symbol("m");
    render({ a: mark }, options());
    render({ a: mark }, options());
    render({ a: Symbol("m") }, options());
    render({ a: NaN }, options());
    render({ a: NaN }, options());
    expect(calls).toHaveLength(3);
  });

  it("tells apart contexts with the same values under other names, or in another order", () => {
    const { calls, render } = counted();
    render({ a: "x", b: "y" }, options());
    render({ a: "x", c: "y" }, options());
    render({ b: "y", a: "x" }, options());
    render({ a: "x", b: "y" }, options());
    expect(calls).toHaveLength(3);
  });
});

describe("partialsCalledInLoops", () => {
  it("names the partials called inside an #each block, in any template", () => {
    const templates = [...parse({
      listing: "{{#each items}}{{> card lead=@first}}{{else}}{{> empty}}{{/each}}{{> pagination listing.pagination}}",
      article: "{{> figure article.cover}}{{#if a}}{{#each b}}{{#with c}}{{> deep}}{{/with}}{{/each}}{{/if}}",
      base: "{{#> layout}}{{#each x}}{{> inBlock}}{{/each}}{{/layout}}",
    }).values()];
    expect([...partialsCalledInLoops(templates)].sort()).toEqual(["card", "deep", "inBlock"]);
  });

  it("finds the card in the built-in listing page", () => {
    const listing = readFileSync(join(import.meta.dirname, "..", "..", "templates", "listing.hbs"), "utf8");
    expect(partialsCalledInLoops([Handlebars.parse(listing)])).toEqual(new Set(["article-card"]));
  });
});

describe("cards in a built site", () => {
  it("show each article's own card, led or not as each listing places it", async () => {
    const root = makeSite({
      "gazette.config.yaml": "title: Tin\nperPage: 2\nbaseUrl: https://example.org/\n",
      "content/a1.md": article({ title: "Một", date: "2024-01-01", category: "Tin tức", tags: "[x]" }, "Một.\n"),
      "content/a2.md": article({ title: "Hai", date: "2024-01-02", category: "Tin tức", tags: "[y]" }, "Hai.\n"),
      "content/a3.md": article({ title: "Ba", date: "2024-01-03", category: "Tin tức", tags: "[x]" }, "Ba.\n"),
    });
    const result = await build({ source: root, now: Date.UTC(2026, 0, 1) });
    expect(result.diagnostics).toEqual([]);
    /** The cards of a listing page: title, and whether it leads. */
    const cards = (path: string) =>
      [...read(`${root}/public`, path).matchAll(/<article class="card( card-lead)?[^"]*">[\s\S]*?<h2 class="card-title"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => `${m[2]}${m[1] ? " (lead)" : ""}`);
    expect(cards("index.html")).toEqual(["Ba (lead)", "Hai"]);
    expect(cards("page/2/index.html")).toEqual(["Một (lead)"]);
    expect(cards("tags/y/index.html")).toEqual(["Hai (lead)"]);
    expect(cards("tags/x/index.html")).toEqual(["Ba (lead)", "Một"]);
    expect(cards("categories/tin-tuc/index.html")).toEqual(["Ba (lead)", "Hai"]);
    expect(cards("categories/tin-tuc/page/2/index.html")).toEqual(["Một (lead)"]);
  });
});
