import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { SiteSession } from "../../src/serve/session.js";
import { makeSite } from "../helpers/site.js";
import { NOW, expectCleanBuild, newsSiteFiles } from "./helpers.js";

const HOI_THAO = "content/2024/2024-07-26-hoi-thao.md";
const THONG_BAO = "content/2023/2023-05-02-thong-bao.md";

async function builtSite(): Promise<string> {
  const root = makeSite(newsSiteFiles());
  await build({ source: root, cwd: root, now: NOW });
  return root;
}

const open = (root: string) => SiteSession.open({ source: root, cwd: root, now: () => NOW });

/** Each cache file with its modification time and size. */
function cacheState(root: string): string[] {
  const dir = join(root, ".gazette-cache");
  return readdirSync(dir).sort().map((name) => `${name} ${statSync(join(dir, name)).mtimeMs} ${statSync(join(dir, name)).size}`);
}

describe("a serve session on a site already built", () => {
  it("takes every body from the build cache, with the same pages as a clean build", async () => {
    const root = await builtSite();
    const { session, report } = await open(root);
    expect(report).toMatchObject({ ok: true, bodies: 0 });
    await expectCleanBuild(session, root);
  });

  it("renders only the bodies changed since the build, and those linking to an article whose URL changed", async () => {
    const root = await builtSite();
    const edited = join(root, HOI_THAO);
    writeFileSync(edited, readFileSync(edited, "utf8").replace("Đoạn mở đầu của bài.", "Mở đầu đã sửa."));
    const first = await open(root);
    expect(first.report.bodies).toBe(1);
    await expectCleanBuild(first.session, root);
    // Hội thảo links to Thông báo: a new slug changes Thông báo's URL, so both bodies render (and Hội thảo's edit still shows).
    const moved = join(root, THONG_BAO);
    writeFileSync(moved, readFileSync(moved, "utf8").replace("title:", "slug: lich-tiep-dan\ntitle:"));
    const second = await open(root);
    expect(second.report.bodies).toBe(2);
    await expectCleanBuild(second.session, root);
  });

  it("never writes the build cache, and later edits render as without it", async () => {
    const root = await builtSite();
    const before = cacheState(root);
    const { session } = await open(root);
    const edited = join(root, HOI_THAO);
    writeFileSync(edited, readFileSync(edited, "utf8").replace("Đoạn mở đầu của bài.", "Mở đầu mới."));
    const report = await session.update([{ event: "change", path: edited }]);
    expect(report).toMatchObject({ ok: true, bodies: 1 });
    await expectCleanBuild(session, root);
    expect(cacheState(root)).toEqual(before);
  });

  it("renders a stored body again when an article it links to moves during the session", async () => {
    const root = await builtSite();
    const { session } = await open(root);
    const moved = join(root, THONG_BAO);
    writeFileSync(moved, readFileSync(moved, "utf8").replace("title:", "slug: lich-tiep-dan\ntitle:"));
    const report = await session.update([{ event: "change", path: moved }]);
    expect(report).toMatchObject({ ok: true, bodies: 2 }); // its own, and Hội thảo's link to it
    await expectCleanBuild(session, root);
  });
});
