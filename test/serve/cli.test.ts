import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { article, makeSite } from "../helpers/site.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "gazette.js");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts `gazette serve` in `cwd` and resolves once it prints its URL. */
function startCli(args: string[], cwd: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  children.push(child);
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      stderr += chunk;
      const url = /serving (http:\/\/\S+) \(Ctrl-C to stop\)/.exec(stderr)?.[1];
      if (url) resolve({ child, url, stderr: () => stderr });
    });
    child.on("exit", (code) => reject(new Error(`gazette serve exited with ${code} before serving:\n${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

const site = () => makeSite({ "content/2024-01-01-tin-mot.md": article({ title: "Tin một", date: "2024-01-01" }) });

describe("the gazette serve command", () => {
  it("builds, prints the URL and serves the site", async () => {
    const { url, stderr } = await startCli(["--port", "0"], site());
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(stderr()).toMatch(/^building the site in memory…\n(.*\n)?built 1 article, \d+ pages in [\d.]+ m?s\n/);
    const res = await fetch(`${url}tin-mot/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Tin một");
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`stops on ${signal} within two seconds with exit code 0`, async () => {
      const { child, url } = await startCli(["--port", "0"], site());
      const events = await fetch(`${url.replace(/\/$/, "")}/__gazette/events`); // an open tab
      const started = Date.now();
      child.kill(signal);
      expect(await exited(child)).toBe(0);
      expect(Date.now() - started).toBeLessThan(2000);
      await events.body?.cancel().catch(() => undefined);
    });
  }

  it("stops within two seconds even while the first build of a large site runs", async () => {
    const files: Record<string, string> = {};
    const body = "Đoạn văn về hội thảo sinh kế, với *nhấn mạnh* và [liên kết](https://example.org/).\n\n".repeat(40);
    for (let i = 0; i < 1500; i++) files[`content/${2000 + (i % 20)}/bai-${i}.md`] = article({ title: `Bài ${i}`, date: `${2000 + (i % 20)}-01-01`, tags: `[thẻ ${i % 30}]` }, body);
    const root = makeSite(files);
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    children.push(child);
    let stderr = "";
    await new Promise<void>((resolve) =>
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        if (stderr.startsWith("building")) resolve();
      }),
    );
    const started = Date.now();
    child.kill("SIGINT");
    expect(await exited(child)).toBe(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(stderr).toBe("building the site in memory…\nstopped\n"); // it never got to serving
  });

  it("exits 2 on a bad port or a missing folder", () => {
    const root = site();
    const port = spawnSync(process.execPath, [BIN, "serve", "--port", "http"], { cwd: root, encoding: "utf8" });
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port must be a number from 0 to 65535, not "http"');
    const missing = spawnSync(process.execPath, [BIN, "serve", "--source", "nowhere"], { cwd: root, encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("source folder not found: nowhere");
  });
});
