import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/commands/progress.js";
import type { Io } from "../../src/commands/io.js";

function fakeIo(): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => undefined, stderr: (t) => void err.push(t), isTTY: true, env: {}, cwd: "/" };
}

describe("the build's progress line", () => {
  it("appears after a second, redraws in place at most ten times a second, and is erased at the end", () => {
    const io = fakeIo();
    let clock = 0;
    const progress = createProgress(io, true, 1000, () => clock);
    progress.report("markdown", 10, 100);
    expect(io.err).toEqual([]);
    clock = 1200;
    progress.report("markdown", 50, 100);
    clock = 1250;
    progress.report("markdown", 60, 100);
    clock = 1400;
    progress.report("render", 100, 100);
    expect(io.err).toEqual(["\r\x1b[2Krendering Markdown… 50/100 (50%)", "\r\x1b[2Kwriting listings… 100/100 (100%)"]);
    progress.stop();
    expect(io.err.at(-1)).toBe("\r\x1b[2K");
  });

  it("prints nothing when disabled (not a terminal, --json or --quiet), nor for a build under a second", () => {
    const io = fakeIo();
    const off = createProgress(io, false, 0, () => 5000);
    off.report("load", 1, 2);
    off.stop();
    const quick = createProgress(io, true, 1000, () => 10);
    quick.report("load", 1, 2);
    quick.stop();
    expect(io.err).toEqual([]);
  });
});
