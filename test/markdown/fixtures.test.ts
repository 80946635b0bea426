import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { MarkdownInput } from "../../src/markdown/render.js";
import { render } from "./helpers.js";

const root = fileURLToPath(new URL("./fixtures/", import.meta.url));
const names = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("Markdown fixtures (input.md → output.html)", () => {
  it("finds the fixture folders", () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
  });

  it.each(names)("%s", (name) => {
    const dir = join(root, name);
    const overridesFile = join(dir, "input.json");
    const overrides: Partial<MarkdownInput> = existsSync(overridesFile)
      ? JSON.parse(readFileSync(overridesFile, "utf8"))
      : {};
    const result = render(readFileSync(join(dir, "input.md"), "utf8"), overrides);
    expect(result.html).toBe(readFileSync(join(dir, "output.html"), "utf8"));
    // diagnostics.txt, when present: one `line:column code message` per expected diagnostic.
    const expected = join(dir, "diagnostics.txt");
    const shown = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(shown).toEqual(existsSync(expected) ? readFileSync(expected, "utf8").split("\n").filter(Boolean) : []);
  });
});
