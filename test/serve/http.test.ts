import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stripClient } from "../../src/serve/reload-client.js";
import { startServe, type ServeHandle, type ServeHooks } from "../../src/serve/serve.js";
import { plainBuild } from "../helpers/reference.js";
import { article, makeSite } from "../helpers/site.js";
import { NOW, newsSiteFiles } from "./helpers.js";

const running: ServeHandle[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
  await Promise.all(blockers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(files: Record<string, string | Uint8Array> = newsSiteFiles(), hooks: ServeHooks = {}, port = 0) {
  const root = makeSite(files);
  const handle = await startServe({ source: root, cwd: root, port, now: () => NOW }, hooks);
  running.push(handle);
  return { root, handle, base: `http://127.0.0.1:${handle.port}` };
}

/** A raw GET (or other method) that sends the path exactly as given. */
function raw(port: number, path: string, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("gazette serve over HTTP", () => {
  it("serves every file of a clean build, with the reload script only in HTML", async () => {
    const { root, handle } = await serve();
    const clean = await plainBuild({ source: root, cwd: root, now: NOW });
    expect(clean.files.size).toBeGreaterThan(20);
    for (const [path, bytes] of clean.files) {
      const res = await raw(handle.port, `/${path.split("/").map(encodeURIComponent).join("/")}`);
      expect(res.status, path).toBe(200);
      const expected = bytes.toString("utf8");
      if (path.endsWith(".html")) {
        expect(res.body).toContain('<script src="/__gazette/client.js"></script></body>');
        expect(stripClient(res.body), path).toBe(expected);
      } else expect(res.body, path).toBe(expected);
    }
  });

  it("sends folder URLs their index.html and adds the missing slash", async () => {
    const { handle } = await serve();
    const page = await raw(handle.port, "/hoi-thao/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Hội thảo “Sinh kế” năm 2024");
    const redirect = await raw(handle.port, "/hoi-thao?x=1");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe("/hoi-thao/?x=1");
  });

  it("answers with correct content types", async () => {
    const { handle } = await serve();
    const type = async (path: string) => (await raw(handle.port, path, "HEAD")).headers["content-type"];
    expect(await type("/")).toBe("text/html; charset=utf-8");
    expect(await type("/assets/style.css")).toBe("text/css; charset=utf-8");
    expect(await type("/feed.xml")).toBe("application/xml; charset=utf-8");
    expect(await type("/robots.txt")).toBe("text/plain; charset=utf-8");
    expect(await type("/images/a-1.png")).toBe("image/png"); // a photo's derivative, made on this first request
    expect(await type("/images/a-1.webp")).toBe("image/webp");
    expect(await type("/files/lich.pdf")).toBe("application/pdf");
    expect(await type("/__gazette/client.js")).toBe("text/javascript; charset=utf-8");
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const { handle } = await serve();
    const head = await raw(handle.port, "/", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(1000);
    const post = await raw(handle.port, "/", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("gives unknown paths the site's 404 page with status 404", async () => {
    const { root, handle } = await serve();
    const res = await raw(handle.port, "/khong-co/");
    expect(res.status).toBe(404);
    const clean = (await plainBuild({ source: root, cwd: root, now: NOW })).files.get("404.html")!;
    expect(stripClient(res.body)).toBe(clean.toString("utf8"));
  });

  it("refuses paths that climb out of the site, however they are written", async () => {
    const outside = mkdtempSync(join(tmpdir(), "gazette-outside-"));
    writeFileSync(join(outside, "secret.txt"), "SECRET\n");
    const refused: string[] = [];
    const { root, handle } = await serve({ ...newsSiteFiles(), "static/inside.txt": "inside\n" }, { refused: (p) => refused.push(p) });
    symlinkSync(join(root, "static", "inside.txt"), join(root, "static", "alias.txt"));
    await handle.session.update([{ event: "add", path: join(root, "static", "alias.txt") }]);
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/.%2E/secret.txt", "/..%2fsecret.txt", "/%2F", "/images%2Fa.png", "/a\\..\\b", "/%5c..", "/x%00.html", "/%c0%ae%c0%ae/", "/%"]) {
      const res = await raw(handle.port, path);
      expect(res.status, path).toBe(400);
      expect(res.body).not.toContain("SECRET");
    }
    expect((await raw(handle.port, "/alias.txt")).body).toBe("inside\n");
    // A link is read from the target it was listed with, even if re-pointed outside since.
    rmSync(join(root, "static", "alias.txt"));
    symlinkSync(join(outside, "secret.txt"), join(root, "static", "alias.txt"));
    expect((await raw(handle.port, "/alias.txt")).body).not.toContain("SECRET");
    // A file replaced by a link out of the site since it was listed is refused when requested.
    rmSync(join(root, "static", "inside.txt"));
    symlinkSync(join(outside, "secret.txt"), join(root, "static", "inside.txt"));
    const moved = await raw(handle.port, "/inside.txt");
    expect(moved.status).toBe(404);
    expect(moved.body).not.toContain("SECRET");
    expect(refused).toEqual([join(root, "static", "inside.txt")]);
    // A link out of the site is never listed: an error (symlink-outside), and nothing is served from it.
    symlinkSync(join(outside, "secret.txt"), join(root, "static", "secret.txt"));
    const report = await handle.session.update([{ event: "add", path: join(root, "static", "secret.txt") }]);
    expect(report.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain("static/secret.txt symlink-outside");
    const link = await raw(handle.port, "/secret.txt");
    expect(link.status).toBe(404);
    expect(link.body).not.toContain("SECRET");
  });

  it("serves a site with a base path under it, and redirects / there", async () => {
    const { handle } = await serve({ ...newsSiteFiles(), "gazette.config.yaml": "title: Tin\nbaseUrl: https://example.org/tin tức/\n" });
    expect(handle.url).toBe(`http://127.0.0.1:${handle.port}/tin%20t%E1%BB%A9c/`);
    expect((await raw(handle.port, "/")).headers.location).toBe("/tin%20t%E1%BB%A9c/");
    expect((await raw(handle.port, "/tin%20t%E1%BB%A9c")).headers.location).toBe("/tin%20t%E1%BB%A9c/");
    const home = await raw(handle.port, "/tin%20t%E1%BB%A9c/");
    expect(home.status).toBe(200);
    expect(home.body).toContain('href="/tin%20t%E1%BB%A9c/hoi-thao/"');
    expect((await raw(handle.port, "/tin%20t%E1%BB%A9c/images/a-1.png")).status).toBe(200);
    expect((await raw(handle.port, "/hoi-thao/")).status).toBe(404);
  });

  it("tries the next port when the one asked for is busy", async () => {
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const busy = (blocker.address() as { port: number }).port;
    const told: number[] = [];
    const { handle } = await serve(newsSiteFiles(), { portBusy: (p) => told.push(p) }, busy);
    expect(told[0]).toBe(busy);
    expect(handle.port).toBeGreaterThan(busy);
    expect(handle.url).toBe(`http://127.0.0.1:${handle.port}/`);
    expect((await raw(handle.port, "/")).status).toBe(200);
  });

  it("shows an error page until a site that never built is fixed", async () => {
    const { root, handle } = await serve({ "content/a.md": "---\ntitle: [A\n---\n" });
    const res = await raw(handle.port, "/");
    expect(res.status).toBe(503);
    expect(res.body).toContain("content/a.md:2:8: error: the [ opened on this line is never closed");
    writeFileSync(join(root, "content", "a.md"), article({ title: "A", date: "2024-01-01" }));
    await handle.session.update([{ event: "change", path: join(root, "content", "a.md") }]);
    expect((await raw(handle.port, "/a/")).status).toBe(200);
  });
});
