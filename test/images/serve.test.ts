import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SiteSession } from "../../src/serve/session.js";
import { article, makeSite } from "../helpers/site.js";
import { Editor, NOW, expectCleanBuild } from "../serve/helpers.js";
import { phonePhoto } from "./photos.js";

describe("photos in a serve session", () => {
  it("are made on first request, and a replaced photo updates the pages that show it", async () => {
    const root = makeSite({
      "gazette.config.yaml": "title: Ảnh\nimages:\n  widths: [100, 200]\n",
      "content/images/toan-canh.jpg": await phonePhoto(300, 200),
      "content/2024/2024-07-26-hoi-thao.md": article({ title: "Hội thảo", date: "2024-07-26" }, "Mở đầu.\n\n![Toàn cảnh](../images/toan-canh.jpg)\n"),
      "content/2024/2024-07-27-tin.md": article({ title: "Tin", date: "2024-07-27" }, "Không có ảnh.\n"),
    });
    const { session, report } = await SiteSession.open({ source: root, cwd: root, now: () => NOW });
    expect(report.ok).toBe(true);
    const route = session.lookup("images/toan-canh-200.webp");
    expect(route).toMatchObject({ kind: "file" });
    const stored = (route as { absPath: string }).absPath;
    expect(existsSync(stored)).toBe(false); // planned from the header, not made yet
    await session.ensureImage("images/toan-canh-200.webp");
    expect(existsSync(stored)).toBe(true);
    expect(session.lookup("hoi-thao/index.html")).toMatchObject({ html: expect.stringMatching(/width="200" height="133" alt="Toàn cảnh"/) });

    // A portrait replaces it: the article's body is rendered again with the new size, and the site equals a clean build.
    const edit = new Editor(root);
    const updated = await edit.write("content/images/toan-canh.jpg", await phonePhoto(300, 200, 6, 4)).apply(session);
    expect(updated).toMatchObject({ ok: true, bodies: 1 });
    expect(session.lookup("hoi-thao/index.html")).toMatchObject({ html: expect.stringMatching(/width="200" height="300" alt="Toàn cảnh"/) });
    expect(session.lookup("tin/index.html")).toMatchObject({ html: expect.not.stringContaining("toan-canh") });
    for (const path of ["images/toan-canh-100.webp", "images/toan-canh-100.jpg", "images/toan-canh-200.webp", "images/toan-canh-200.jpg"]) await session.ensureImage(path);
    await expectCleanBuild(session, root);
  });
});
