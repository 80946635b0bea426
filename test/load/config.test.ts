import { describe, expect, it } from "vitest";
import { loadConfig, parseBaseUrl } from "../../src/load/config.js";
import { makeSite } from "../helpers/site.js";

describe("loadConfig", () => {
  it("fills every default when there is no config file", () => {
    const root = makeSite({ "content/.keep": "" });
    const { config, diagnostics } = loadConfig(root, "site");
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ language: "vi", timezone: "Asia/Ho_Chi_Minh", perPage: 10, sidebar: { recent: 10 }, related: { count: 5 }, markdown: { allowHtml: false }, basePath: "/" });
    expect(config.baseUrl).toBeUndefined();
  });

  it("reads a YAML config and derives the base path from baseUrl", () => {
    const root = makeSite({ "gazette.config.yaml": "title: Tin Sa Pa\nbaseUrl: https://example.org/news\nperPage: 5\nsidebar:\n  recent: 3\n" });
    const { config, diagnostics } = loadConfig(root, "site");
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ title: "Tin Sa Pa", baseUrl: "https://example.org/news/", basePath: "/news/", perPage: 5, sidebar: { recent: 3 } });
  });

  it("reads a JSON config", () => {
    const root = makeSite({ "gazette.config.json": JSON.stringify({ language: "en", related: { count: 2 } }) });
    expect(loadConfig(root, "site").config).toMatchObject({ language: "en", related: { count: 2 } });
  });

  it("names unknown keys and wrong types with their lines", () => {
    const root = makeSite({ "gazette.config.yaml": "title: A\nperpage: 5\nsidebar:\n  recent: many\n  count: 2\ntimezone: Mars/Olympus\n" });
    const { diagnostics } = loadConfig(root, "site");
    expect(diagnostics.map((d) => [d.file, d.line, /"([\w.]+)"/.exec(d.message)?.[1]])).toEqual([
      ["site/gazette.config.yaml", 2, "perpage"],
      ["site/gazette.config.yaml", 6, "timezone"],
      ["site/gazette.config.yaml", 5, "sidebar.count"],
      ["site/gazette.config.yaml", 4, "sidebar.recent"],
    ]);
  });

  it("reports broken YAML with line and column", () => {
    const root = makeSite({ "gazette.config.yaml": "title: A\nsidebar: {recent: 3\n" });
    const [d] = loadConfig(root, "site").diagnostics;
    expect(d).toMatchObject({ code: "yaml", key: "yaml.unclosed-bracket", file: "site/gazette.config.yaml", line: 2, column: 10 });
  });

  it("lets --base-url override baseUrl", () => {
    const root = makeSite({ "gazette.config.yaml": "baseUrl: https://a.example/\n" });
    expect(loadConfig(root, "site", { baseUrl: "https://b.example/sub" }).config).toMatchObject({ baseUrl: "https://b.example/sub/", basePath: "/sub/" });
  });
});

describe("parseBaseUrl", () => {
  it("rejects relative and non-http URLs", () => {
    expect(parseBaseUrl("/news/")).toEqual({ problem: "not-absolute" });
    expect(parseBaseUrl("ftp://example.org/")).toEqual({ problem: "scheme" });
    expect(parseBaseUrl("https://example.org")).toEqual({ baseUrl: "https://example.org/", basePath: "/" });
  });
});
