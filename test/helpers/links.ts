/**
 * Checks that every internal link and image of a built site resolves to a
 * file in it, the way a static host would serve it under a base path.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { listTree } from "./site.js";

/** A link that does not resolve: the page it is on and the URL. */
export interface BrokenLink {
  page: string;
  url: string;
}

/** Every `href`/`src` in the output's HTML (and the feed) that points inside the site but to no file. */
export function findBrokenLinks(outDir: string, basePath = "/"): { checked: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const page of listTree(outDir).filter((p) => p.endsWith(".html"))) {
    const html = readFileSync(join(outDir, page), "utf8");
    const pageUrl = basePath + page.replace(/index\.html$/, "");
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = match[1]!.replace(/&amp;/g, "&");
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("//") || raw.startsWith("#") || raw === "") continue;
      checked++;
      const path = raw.replace(/[?#].*$/, "");
      const absolute = path.startsWith("/") ? path : posix.join(posix.dirname(pageUrl.endsWith("/") ? pageUrl + "x" : pageUrl), path);
      if (!absolute.startsWith(basePath)) {
        broken.push({ page, url: raw });
        continue;
      }
      let file = join(outDir, decodeURIComponent(absolute.slice(basePath.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
      if (!existsSync(file)) broken.push({ page, url: raw });
    }
  }
  return { checked, broken };
}
