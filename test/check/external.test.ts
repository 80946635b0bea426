import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrls } from "../../src/check/external.js";
import { article } from "../helpers/site.js";
import { checkFiles, where, withCode } from "./helpers.js";

/**
 * A local server with one route per behaviour; it logs requests and the most
 * `/hold/` requests in flight at once. `/never` never answers: a link to it
 * times out whatever the machine's load, so the limits below can be generous.
 */
let server: Server;
let origin = "";
const requests: string[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(`${req.method} ${path}`);
    const held = path.startsWith("/hold/");
    if (held) maxInFlight = Math.max(maxInFlight, ++inFlight);
    const end = (status: number, headers: Record<string, string> = {}) => {
      if (held) inFlight--;
      res.writeHead(status, headers).end(req.method === "GET" ? "body" : undefined);
    };
    if (path === "/ok") end(200);
    else if (path === "/missing") end(404);
    else if (path === "/server-error") end(503);
    else if (path === "/moved") end(301, { location: "/ok" });
    else if (path === "/moved-twice") end(302, { location: `${origin}/moved` });
    else if (path === "/moved-to-missing") end(301, { location: "/missing" });
    else if (path === "/loop") end(302, { location: "/loop" });
    else if (path === "/no-head") end(req.method === "HEAD" ? 405 : 200);
    else if (path === "/never") return; // no answer, ever (closed with the server)
    else if (path.startsWith("/hold/")) setTimeout(() => end(200), 40);
    else end(404);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Limits no answering link comes near; only `/never` reaches them. */
const generous = { timeoutMs: 30_000, concurrency: 4 };
/** For checks that include `/never`: long enough for any local answer, paid once per check. */
const withNever = { timeoutMs: 2_000, concurrency: 4 };

describe("checking external URLs", () => {
  it("tells ok, broken, redirected and timed-out links apart", async () => {
    const urls = ["ok", "missing", "server-error", "moved", "moved-twice", "moved-to-missing", "loop", "no-head", "never"].map((p) => `${origin}/${p}`);
    const results = await checkUrls(urls, withNever);
    const get = (p: string) => results.get(`${origin}/${p}`);
    expect(get("ok")).toEqual({ kind: "ok", status: 200 });
    expect(get("missing")).toMatchObject({ kind: "broken", status: 404, reason: "HTTP 404" });
    expect(get("server-error")).toMatchObject({ kind: "broken", status: 503 });
    expect(get("moved")).toEqual({ kind: "redirect", status: 301, finalUrl: `${origin}/ok`, redirects: 1 });
    expect(get("moved-twice")).toEqual({ kind: "redirect", status: 302, finalUrl: `${origin}/ok`, redirects: 2 });
    expect(get("moved-to-missing")).toMatchObject({ kind: "broken", status: 404, finalUrl: `${origin}/missing` });
    expect(get("loop")).toMatchObject({ kind: "broken", reason: "more than 5 redirects" });
    expect(get("no-head")).toEqual({ kind: "ok", status: 200 });
    expect(get("never")).toEqual({ kind: "broken", reason: "no answer within 2 s" });
  });

  it("falls back to GET only when HEAD is refused", async () => {
    requests.length = 0;
    await checkUrls([`${origin}/no-head`, `${origin}/ok`], generous);
    expect(requests.sort()).toEqual(["GET /no-head", "HEAD /no-head", "HEAD /ok"]);
  });

  it("reports a refused connection as broken", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const results = await checkUrls([`http://127.0.0.1:${port}/`], generous);
    expect(results.get(`http://127.0.0.1:${port}/`)).toMatchObject({ kind: "broken", reason: expect.stringMatching(/^cannot connect/) });
  });

  it("keeps no more requests in flight than the concurrency bound", async () => {
    maxInFlight = 0;
    const urls = Array.from({ length: 12 }, (_, i) => `${origin}/hold/${i}`);
    const results = await checkUrls(urls, { timeoutMs: 30_000, concurrency: 3 });
    expect([...results.values()].every((r) => r.kind === "ok")).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });
});

describe("gazette check --external", () => {
  const site = () => ({
    "content/a.md": article({ title: "A", date: "2024-01-01", author: "Tuấn Nguyễn" }, `Xem [trang](${origin}/missing), [trang 2](${origin}/moved) và [trang 3](${origin}/ok#muc).\n`),
    "content/b.md": article({ title: "B", date: "2024-01-01", author: "Tuấn Nguyễn" }, `Mở đầu.\n\nXem [lại](${origin}/missing) hoặc [chậm](${origin}/never).\n`),
  });

  it("checks each URL once and reports it at every place it is used", async () => {
    requests.length = 0;
    const result = await checkFiles(site(), { external: true, http: withNever });
    expect(requests.filter((r) => r.endsWith("/missing"))).toEqual(["HEAD /missing"]);
    const neverColumn = `Xem [lại](${origin}/missing) hoặc `.length + 1;
    const movedColumn = `Xem [trang](${origin}/missing), `.length + 1;
    expect(withCode(result, "external-link").map(where)).toEqual(["content/a.md:6:5 error", "content/b.md:8:5 error", `content/b.md:8:${neverColumn} error`]);
    expect(withCode(result, "external-link")[2]!.message).toContain("no answer within 2 s");
    const redirect = withCode(result, "external-redirect");
    expect(redirect.map(where)).toEqual([`content/a.md:6:${movedColumn} warning`]);
    expect(redirect[0]!.message).toContain(`→ ${origin}/ok`);
    expect(result.external.links.map((l) => [l.url.slice(origin.length), l.uses.length])).toEqual([
      ["/missing", 2],
      ["/moved", 1],
      ["/never", 1],
      ["/ok", 1],
    ]);
  });

  it("lists external links without fetching them unless asked", async () => {
    requests.length = 0;
    const result = await checkFiles(site());
    expect(requests).toEqual([]);
    expect(result.external.links).toHaveLength(4);
    expect(result.external.checked).toBe(false);
    expect(result.diagnostics).toEqual([]);
  });

  it("lets the config lower broken external links to warnings", async () => {
    // Without the link that never answers: the two to /missing are enough, and the check waits for no limit.
    const files = { ...site(), "gazette.config.yaml": "lint:\n  external-link: warning\n  external-redirect: off\n" };
    files["content/b.md"] = files["content/b.md"].replace(`[chậm](${origin}/never)`, "chậm");
    const result = await checkFiles(files, { external: true, http: generous });
    expect(withCode(result, "external-link").map((d) => d.severity)).toEqual(["warning", "warning"]);
    expect(withCode(result, "external-redirect")).toEqual([]);
  });
});
