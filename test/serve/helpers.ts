/**
 * Helpers for serve tests: a small news site, an editor that changes its
 * files and reports the events a watcher would, and the check that a session
 * serves exactly what a clean build of the same sources gives.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../../src/diagnostics.js";
import type { FileEvent } from "../../src/serve/changes.js";
import type { SiteSession } from "../../src/serve/session.js";
import type { OutputFile } from "../../src/write/output.js";
import { plainBuild } from "../helpers/reference.js";
import { PNG, article } from "../helpers/site.js";

/** The clock of every serve test. */
export const NOW = Date.UTC(2026, 10, 29);

/** A news site with categories, authors, tags, images, links between articles, a draft and a future article; 2 per page. */
export function newsSiteFiles(): Record<string, string | Uint8Array> {
  return {
    "gazette.config.yaml": "title: Tin Sa Pa\nbaseUrl: https://example.org/\nperPage: 2\nsidebar:\n  recent: 3\nrelated:\n  count: 2\n",
    "content/images/a.png": PNG,
    "content/2024/images/b.png": PNG,
    "content/2024/2024-07-26-hoi-thao.md": article(
      {
        title: "Hội thảo “Sinh kế” năm 2024",
        date: "2024-07-26T09:00:00+07:00",
        authors: "[Tuấn Nguyễn, Hoàng Luyến]",
        category: "Tin tức",
        tags: "[sinh kế, phụ nữ]",
        cover: "{src: ../images/a.png, alt: Toàn cảnh, caption: Toạ đàm.}",
      },
      "Đoạn mở đầu của bài.\n\n![](images/b.png)\n\nXem thêm [thông báo](../2023/2023-05-02-thong-bao.md).\n",
    ),
    "content/2023/2023-05-02-thong-bao.md": article({ title: "Thông báo lịch tiếp dân", date: "2023-05-02", author: "Đặng Văn Đức", category: "Thông báo", tags: "[phụ nữ]" }),
    "content/2023/2023-01-10-le-hoi.md": article({ title: "Lễ hội Xuân", date: '"2023-01-10 08:30"', author: "Tuấn Nguyễn", category: "Văn hóa - Du lịch" }),
    "content/2022/2022-12-01-huong-dan.md": article({ title: "Hướng dẫn thủ tục", date: "2022-12-01", author: "Tuấn Nguyễn", category: "Tin tức" }, "Hướng dẫn.\n\n[Hội thảo](../2024/2024-07-26-hoi-thao.md)\n"),
    "content/2022/2022-06-01-nhap.md": article({ title: "Bản nháp", date: "2022-06-01", draft: "true" }),
    "content/2027/2027-03-01-sap-toi.md": article({ title: "Sắp tới", date: "2027-03-01", category: "Tin tức" }),
    "static/files/lich.pdf": "%PDF-1.4 lịch\n",
  };
}

/** Changes files of a site and collects the events a watcher would report, for `session.update`. */
export class Editor {
  private events: FileEvent[] = [];

  constructor(readonly root: string) {}

  /** Writes a file: `change` when it existed, else `add` (and `addDir` for new folders). */
  write(path: string, content: string | Uint8Array): this {
    const abs = join(this.root, path);
    this.addDirs(dirname(abs));
    const existed = existsSync(abs);
    writeFileSync(abs, content);
    this.events.push({ event: existed ? "change" : "add", path: abs });
    return this;
  }

  /** Deletes a file or folder. */
  remove(path: string): this {
    const abs = join(this.root, path);
    rmSync(abs, { recursive: true });
    this.events.push({ event: "unlink", path: abs });
    return this;
  }

  /** Renames a file. */
  rename(from: string, to: string): this {
    const absTo = join(this.root, to);
    this.addDirs(dirname(absTo));
    renameSync(join(this.root, from), absTo);
    this.events.push({ event: "unlink", path: join(this.root, from) }, { event: "add", path: absTo });
    return this;
  }

  /** Hands the events so far to the session and clears them. */
  async apply(session: SiteSession) {
    const events = this.events;
    this.events = [];
    return session.update(events);
  }

  private addDirs(dir: string): void {
    if (existsSync(dir)) return;
    this.addDirs(dirname(dir));
    mkdirSync(dir);
    this.events.push({ event: "addDir", path: dir });
  }
}

/** Options shared by the session and the clean build in a comparison. */
export interface CompareOptions {
  drafts?: boolean;
  future?: boolean;
}

/**
 * Asserts that the session serves what a clean build of the same sources
 * writes (`plainBuild`): the same files with the same bytes and the same
 * problems; when the clean build fails, the same problems and `previous` still served.
 */
export async function expectCleanBuild(session: SiteSession, root: string, options: CompareOptions = {}, previous?: OutputFile[]): Promise<OutputFile[]> {
  const clean = await plainBuild({ source: root, cwd: root, now: NOW, ...options });
  expect(lines(session.diagnostics)).toEqual(lines(clean.diagnostics));
  const served = session.output();
  if (clean.failed) {
    if (previous) expect(served).toEqual(previous);
    return served;
  }
  expect(served.map((f) => f.path).sort()).toEqual([...clean.files.keys()].sort());
  for (const file of served) {
    // Photos' derivatives are made on first request, as a browser's would ask for them.
    if ("copyFrom" in file) await session.ensureImage(file.path);
    const bytes = "data" in file ? Buffer.from(file.data) : readFileSync(file.copyFrom);
    expect(bytes.equals(clean.files.get(file.path)!), `${file.path} differs from a clean build`).toBe(true);
  }
  return served;
}

/** Diagnostics as sorted `path:line:col: severity: message [code]` lines. */
export function lines(diagnostics: readonly Diagnostic[]): string[] {
  return sortDiagnostics(diagnostics).map(formatDiagnostic);
}
