/**
 * Files written into a recycled output, whose files may be hard links shared
 * with the live output: a changed file is replaced (never written through),
 * an unchanged one left as it is.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeIfChangedSync } from "../../src/write/replace.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder with `live/a.json` and `staging/a.json` hard-linked to it, as after a build into a spare. */
function linkedPair(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "gazette-replace-"));
  dirs.push(dir);
  const live = join(dir, "live.json");
  const staged = join(dir, "staged.json");
  writeFileSync(live, text);
  linkSync(live, staged);
  return { live, staged };
}

describe("writeIfChangedSync", () => {
  it("leaves a file holding the same bytes as it is", () => {
    const { live, staged } = linkedPair('{"a":"đường"}');
    const before = statSync(staged).ino;
    expect(writeIfChangedSync(staged, '{"a":"đường"}')).toBe(false);
    expect(statSync(staged).ino).toBe(before);
    expect(statSync(live).nlink).toBe(2);
  });

  it("replaces a changed file without writing through a hard link, even at the same size", () => {
    for (const next of ['{"a":"duong"}x', '{"a":"đườnG"}']) {
      const { live, staged } = linkedPair('{"a":"đường"}');
      expect(writeIfChangedSync(staged, Buffer.from(next))).toBe(true);
      expect(readFileSync(staged, "utf8")).toBe(next);
      expect(readFileSync(live, "utf8")).toBe('{"a":"đường"}');
      expect(statSync(staged).ino).not.toBe(statSync(live).ino);
    }
  });

  it("writes a file that is not there", () => {
    const { staged } = linkedPair("x");
    const path = `${staged}.new`;
    expect(writeIfChangedSync(path, "y")).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("y");
  });
});
