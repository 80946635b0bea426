import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/load/config.js";
import { article, makeSite } from "../helpers/site.js";
import { checkFiles, withCode } from "./helpers.js";

const noAuthor = article({ title: "Không tác giả", date: "2024-01-01" }, "Mở đầu.\n");

describe("lint rule configuration", () => {
  it("drops the findings of a rule set to off", async () => {
    const result = await checkFiles({ "gazette.config.yaml": "lint:\n  missing-author: off\n", "content/a.md": noAuthor });
    expect(withCode(result, "missing-author")).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it("raises a rule set to error", async () => {
    const result = await checkFiles({ "gazette.config.yaml": "lint:\n  missing-author: error\n", "content/a.md": noAuthor });
    expect(withCode(result, "missing-author").map((d) => d.severity)).toEqual(["error"]);
  });

  it("keeps the default severity of rules not set", async () => {
    const result = await checkFiles({ "gazette.config.yaml": "lint:\n  image-alt: off\n", "content/a.md": noAuthor });
    expect(withCode(result, "missing-author").map((d) => d.severity)).toEqual(["warning"]);
  });

  it("rejects an unknown rule id, naming the key and its line", () => {
    const root = makeSite({ "gazette.config.yaml": "title: A\nlint:\n  image-alt: off\n  image-colour: error\n" });
    const { diagnostics, config } = loadConfig(root, ".");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "config", severity: "error", file: "gazette.config.yaml", line: 4 });
    expect(diagnostics[0]!.message).toContain('"lint.image-colour"');
    expect(config.lint).toEqual({ "image-alt": "off" });
  });

  it("rejects a level other than off, warning or error", () => {
    const root = makeSite({ "gazette.config.yaml": "lint:\n  image-alt: loud\n" });
    const { diagnostics } = loadConfig(root, ".");
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[2, 'config key "lint.image-alt" must be off, warning or error']]);
  });

  it("reports a config error from check as the build does", async () => {
    const result = await checkFiles({ "gazette.config.yaml": "lint:\n  nope: off\n", "content/a.md": noAuthor });
    expect(withCode(result, "config").map((d) => d.severity)).toEqual(["error"]);
  });
});
