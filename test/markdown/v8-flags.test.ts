/**
 * The V8 settings `bin/gazette.js` applies (`src/v8-flags.ts`): the function
 * they keep from being optimised is found by name, so these check that the
 * name still reaches mdast-util-from-markdown's compiler — in the package as
 * Markdown is parsed, and in both bundles the CLI runs — and that the filter
 * stops its optimisation. Run in child processes, on the compiled code, with
 * V8's optimisation trace.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { UNOPTIMISED_FUNCTION, V8_FLAGS } from "../../src/v8-flags.js";

const root = join(import.meta.dirname, "..", "..");

/** Names of the functions V8 optimised while parsing 1,500 small documents, with or without our flags. */
function optimised(tuned: boolean): string[] {
  const processor = pathToFileURL(join(root, "dist", "markdown", "processor.js")).href;
  const flags = pathToFileURL(join(root, "dist", "v8-flags.js")).href;
  const script = `
    if (${tuned}) (await import(${JSON.stringify(flags)})).tuneV8();
    const { parseMarkdown } = await import(${JSON.stringify(processor)});
    for (let i = 0; i < 1500; i++) parseMarkdown("# Tiêu đề " + i + "\\n\\nĐoạn *một* với [liên kết](/a/) và **đậm**.\\n\\n- mục\\n- mục hai\\n");
  `;
  const out = execFileSync(process.execPath, ["--trace-opt", "--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return [...out.matchAll(/^\[completed optimizing \S+ <JSFunction (\S+) /gm)].map((m) => m[1]!);
}

describe("V8 settings", () => {
  it("keep mdast-util-from-markdown's compiler from being optimised, not the parsing code", () => {
    const plain = optimised(false);
    // Without the flags V8 optimises it: the name is the one the filter gives.
    expect(plain).toContain(UNOPTIMISED_FUNCTION);
    const tuned = optimised(true);
    expect(tuned).not.toContain(UNOPTIMISED_FUNCTION);
    // The hot parsing code is still optimised.
    expect(tuned.length).toBeGreaterThan(20);
  });

  it("name a function both bundles define once, under that name", () => {
    for (const bundle of ["gazette.js", "worker.js"]) {
      const text = readFileSync(join(root, "dist", bundle), "utf8");
      expect(text.match(new RegExp(`^function ${UNOPTIMISED_FUNCTION}\\(`, "gm"))).toHaveLength(1);
    }
  });

  it("are set by the CLI before it loads", () => {
    const bin = readFileSync(join(root, "bin", "gazette.js"), "utf8");
    expect(bin.indexOf("tuneV8()")).toBeGreaterThan(-1);
    expect(bin.indexOf("tuneV8()")).toBeLessThan(bin.indexOf('import("../dist/gazette.js")'));
    expect(V8_FLAGS).toContain(`--turbo-filter=-${UNOPTIMISED_FUNCTION}`);
  });
});
