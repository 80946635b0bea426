/**
 * feed.xml against the rules of Atom (RFC 4287) that feed readers and the
 * W3C validator enforce, parsed by a real XML parser (Chromium's DOMParser):
 * well-formed, and every entry has an author, its own or the feed's.
 */
import { type Browser } from "playwright-core";
import { closeContexts, sharedBrowser } from "../helpers/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { article, makeSite, read } from "../helpers/site.js";

const NOW = Date.UTC(2026, 10, 29);
let browser: Browser;

beforeAll(async () => {
  browser = await sharedBrowser();
});

afterAll(async () => {
  await closeContexts(browser);
});

/** The Atom rules broken by `text`, as parsed by the browser's XML parser; [] when the feed is valid. */
async function atomProblems(text: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    return await page.evaluate((source) => {
      const problems: string[] = [];
      const doc = new DOMParser().parseFromString(source, "application/xml");
      const error = doc.getElementsByTagName("parsererror")[0];
      if (error) return [`not well-formed: ${error.textContent}`];
      const ATOM = "http://www.w3.org/2005/Atom";
      const feed = doc.documentElement;
      if (feed.namespaceURI !== ATOM || feed.localName !== "feed") problems.push("the root is not atom:feed");
      const children = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
      const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
      const authored = (el: Element) => children(el, "author").some((a) => children(a, "name").length === 1 && children(a, "name")[0]!.textContent!.trim() !== "");
      for (const [el, what] of [[feed, "feed"], ...children(feed, "entry").map((e, i) => [e, `entry ${i + 1}`] as const)] as [Element, string][]) {
        for (const name of ["id", "title", "updated"]) if (children(el, name).length !== 1) problems.push(`${what} needs exactly one atom:${name}`);
        const updated = children(el, "updated")[0]?.textContent ?? "";
        if (!date.test(updated)) problems.push(`${what}: atom:updated is not an RFC 3339 date: ${updated}`);
        try {
          new URL(children(el, "id")[0]?.textContent ?? "");
        } catch {
          problems.push(`${what}: atom:id is not an IRI`);
        }
        if (el !== feed && children(el, "content").length === 0 && !children(el, "link").some((l) => (l.getAttribute("rel") ?? "alternate") === "alternate")) {
          problems.push(`${what} has neither content nor an alternate link`);
        }
      }
      const entries = children(feed, "entry");
      if (!authored(feed) && !entries.every(authored)) problems.push("an entry has no atom:author and the feed has none either (RFC 4287, 4.1.1)");
      return problems;
    }, text);
  } finally {
    await page.close();
  }
}

describe("feed.xml", () => {
  it("is valid Atom when an article names no author: the site is the feed's author", async () => {
    const root = makeSite({
      "gazette.config.yaml": 'title: "Tin tức Sa Pa & vùng cao"\nbaseUrl: https://example.org/tin/\n',
      "content/a.md": article({ title: "Thông báo lịch nghỉ Tết", date: "2026-01-05" }, "Nội dung <không> có tác giả.\n"),
      "content/b.md": article({ title: "Hội thảo sinh kế", date: "2026-01-06", author: "Tuấn Nguyễn" }),
    });
    await build({ source: root, now: NOW });
    const feed = read(`${root}/public`, "feed.xml");
    expect(await atomProblems(feed)).toEqual([]);
    expect(feed).toContain("<author><name>Tin tức Sa Pa &amp; vùng cao</name><uri>https://example.org/tin/</uri></author>");
    expect(feed).toContain("<author><name>Tuấn Nguyễn</name></author>");
  });

  it("is reported invalid by this check when no author is anywhere (the check can fail)", async () => {
    const broken = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>https://e.org/</id><updated>2026-01-01T00:00:00Z</updated>
<entry><title>A</title><id>https://e.org/a/</id><updated>2026-01-01T00:00:00Z</updated><link href="https://e.org/a/"/></entry></feed>`;
    expect(await atomProblems(broken)).toEqual(["an entry has no atom:author and the feed has none either (RFC 4287, 4.1.1)"]);
    expect((await atomProblems("<feed><title>x</feed>"))[0]).toMatch(/^not well-formed/);
  });
});
