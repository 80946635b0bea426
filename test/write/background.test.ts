import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BackgroundWrites, type WrittenFile } from "../../src/write/background.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "gazette-background-"));
  dirs.push(dir);
  return dir;
}

describe("background page writes", () => {
  it("writes through the thread pool while a core is free, and records the file once written", async () => {
    const dir = folder();
    const writes = new BackgroundWrites(() => true);
    const record: WrittenFile = { mtimeMs: 0, ino: 0 };
    expect(writes.write(join(dir, "a.html"), Buffer.from("<p>a</p>"), record)).toBe(true);
    await writes.flush();
    expect(readFileSync(join(dir, "a.html"), "utf8")).toBe("<p>a</p>");
    const stat = statSync(join(dir, "a.html"));
    expect(record).toEqual({ mtimeMs: stat.mtimeMs, ino: stat.ino });
  });

  it("hands the write back to the caller while no core is free, and as soon as one is, takes them again", async () => {
    const dir = folder();
    let spare = false;
    const writes = new BackgroundWrites(() => spare);
    expect(writes.write(join(dir, "busy.html"), Buffer.from("x"))).toBe(false);
    await writes.flush();
    expect(existsSync(join(dir, "busy.html"))).toBe(false);
    spare = true;
    expect(writes.write(join(dir, "free.html"), Buffer.from("y"))).toBe(true);
    await writes.flush();
    expect(readFileSync(join(dir, "free.html"), "utf8")).toBe("y");
  });

  it("hands writes back past its limit of writes in flight", async () => {
    const dir = folder();
    const writes = new BackgroundWrites(() => true, 2);
    const taken = [0, 1, 2].map((i) => writes.write(join(dir, `${i}.html`), Buffer.from(String(i))));
    expect(taken).toEqual([true, true, false]);
    await writes.flush();
    expect(writes.write(join(dir, "3.html"), Buffer.from("3"))).toBe(true);
    await writes.flush();
    expect(existsSync(join(dir, "2.html"))).toBe(false);
    expect(readFileSync(join(dir, "3.html"), "utf8")).toBe("3");
  });

  it("reports the first failed write when flushed, and takes no more writes after it", async () => {
    const dir = folder();
    writeFileSync(join(dir, "taken.html"), "old");
    const writes = new BackgroundWrites(() => true);
    expect(writes.write(join(dir, "taken.html"), Buffer.from("new"))).toBe(true);
    await expect(writes.flush()).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(join(dir, "taken.html"), "utf8")).toBe("old");
    expect(writes.write(join(dir, "next.html"), Buffer.from("n"))).toBe(false);
  });
});
