import { readFileSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RebuildReport } from "../../src/serve/session.js";
import { startServe, type ServeHandle } from "../../src/serve/serve.js";
import { makeSite } from "../helpers/site.js";
import { NOW, newsSiteFiles } from "./helpers.js";

const running: ServeHandle[] = [];
const streams: IncomingMessage[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.destroy();
  await Promise.all(running.splice(0).map((h) => h.close()));
});

/** The events of `/__gazette/events`, as a queue to wait on. */
async function events(port: number) {
  const res = await new Promise<IncomingMessage>((resolve) => get({ host: "127.0.0.1", port, path: "/__gazette/events", agent: false }, resolve));
  streams.push(res);
  const queue: { event: string; data: unknown }[] = [];
  let wake: (() => void) | undefined;
  let buffer = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      if (event) queue.push({ event, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) });
      wake?.();
    }
  });
  return {
    /** Waits for the next event named `name`, dropping others before it. */
    async next(name: string, timeoutMs = 10_000): Promise<unknown> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const at = queue.findIndex((e) => e.event === name);
        if (at !== -1) return queue.splice(0, at + 1).pop()!.data;
        if (Date.now() > until) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
  };
}

async function text(url: string): Promise<string> {
  return (await fetch(url)).text();
}

const HOI_THAO = "content/2024/2024-07-26-hoi-thao.md";

describe("gazette serve while files change", () => {
  it("rebuilds on save and tells open tabs to reload", async () => {
    const root = makeSite(newsSiteFiles());
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
    running.push(handle);
    const tab = await events(handle.port);
    expect(await tab.next("hello")).toMatchObject({ id: expect.any(String) });
    const file = join(root, HOI_THAO);
    writeFileSync(file, readFileSync(file, "utf8").replace("Xem thêm", "Đã lưu từ trình soạn thảo"));
    await tab.next("reload");
    expect(await text(`${handle.url}hoi-thao/`)).toContain("Đã lưu từ trình soạn thảo");
  });

  it("keeps the last good page and sends the errors while a save is broken, then reloads when fixed", async () => {
    const root = makeSite(newsSiteFiles());
    const built: RebuildReport[] = [];
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW }, { built: (r) => built.push(r) });
    running.push(handle);
    const tab = await events(handle.port);
    const file = join(root, HOI_THAO);
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("title: Hội thảo", "title: [Hội thảo"));
    const errors = (await tab.next("errors")) as string[];
    expect(errors).toEqual([
      "content/2022/2022-12-01-huong-dan.md:9:1: error: link to missing article: ../2024/2024-07-26-hoi-thao.md [broken-link]",
      "content/2024/2024-07-26-hoi-thao.md:2:8: error: the [ opened on this line is never closed: end the list with ] on the same line [yaml]",
    ]);
    expect(await text(`${handle.url}hoi-thao/`)).toContain("Hội thảo “Sinh kế” năm 2024");
    // A tab opened now hears about the errors at once.
    const late = await events(handle.port);
    expect(await late.next("errors")).toEqual(errors);
    writeFileSync(file, original.replace("Xem thêm", "Đã sửa lỗi"));
    await tab.next("reload");
    expect(await text(`${handle.url}hoi-thao/`)).toContain("Đã sửa lỗi");
    expect(built.at(-1)).toMatchObject({ ok: true });
  });

  it("sees a second save that comes right after the first", async () => {
    const root = makeSite(newsSiteFiles());
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW });
    running.push(handle);
    const file = join(root, HOI_THAO);
    const original = readFileSync(file, "utf8");
    for (const gap of [10, 35, 45, 60]) {
      writeFileSync(file, original.replace("Xem thêm", `Bản nháp ${gap}`));
      await new Promise((resolve) => setTimeout(resolve, gap));
      writeFileSync(file, original.replace("Xem thêm", `Bản cuối ${gap}`));
      let html = "";
      for (const until = Date.now() + 10_000; !html.includes(`Bản cuối ${gap}`) && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
        await handle.idle();
        html = await text(`${handle.url}hoi-thao/`);
      }
      expect(html).toContain(`Bản cuối ${gap}`);
    }
  });

  it("batches a burst of saves into fewer rebuilds", async () => {
    const root = makeSite(newsSiteFiles());
    const built: RebuildReport[] = [];
    const handle = await startServe({ source: root, cwd: root, port: 0, now: () => NOW }, { built: (r) => built.push(r) });
    running.push(handle);
    const tab = await events(handle.port);
    const paths = ["content/2024/2024-07-26-hoi-thao.md", "content/2023/2023-05-02-thong-bao.md", "content/2023/2023-01-10-le-hoi.md", "content/2022/2022-12-01-huong-dan.md"];
    for (const [i, path] of paths.entries()) writeFileSync(join(root, path), readFileSync(join(root, path), "utf8") + `\nLần lưu ${i}.\n`);
    await tab.next("reload");
    const saved = () => built.reduce((n, r) => n + r.changed.articles, 0);
    for (const until = Date.now() + 10_000; saved() < paths.length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    await handle.idle();
    expect(saved()).toBe(paths.length);
    expect(built.length).toBeLessThan(paths.length);
    expect(await text(`${handle.url}huong-dan/`)).toContain("Lần lưu 3.");
  });
});
