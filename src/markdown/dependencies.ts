/**
 * What a rendered body depends on beyond its own inputs: the articles and
 * files its links and images looked up (`a:<content path>`, `f:<content
 * path>`, listed by `renderMarkdown` with `dependencies`). A render stays
 * valid while each of them resolves as it did; the build cache and serve's
 * body cache both check it this way.
 */

/** The link targets a body can resolve against: article URLs by content path, and the files under content/. */
export interface LinkTargets {
  articleUrls: Record<string, string>;
  assets: ReadonlySet<string>;
  /** Digest of each image's derivative set (`i:` dependencies; see `src/images/step.ts`). */
  images?: Readonly<Record<string, string>>;
}

/** What the dependencies resolve to against `targets`, as one comparable string. */
export function dependencyState(dependencies: readonly string[], targets: LinkTargets): string {
  return dependencies.length === 0 ? "[]" : JSON.stringify(dependencies.map((dep) => targetState(dep, targets)));
}

/** The settings a body's render reads besides its text: base path, raw HTML, and the file name messages use. */
export function bodySettings(basePath: string, allowHtml: boolean, displayPath: string): string {
  return JSON.stringify([basePath, allowHtml, displayPath]);
}

/** An article's URL (or null when there is none), or whether a file exists. */
function targetState(dep: string, targets: LinkTargets): string | boolean | null {
  const path = dep.slice(2);
  if (dep.startsWith("a:")) return Object.hasOwn(targets.articleUrls, path) ? targets.articleUrls[path]! : null;
  if (dep.startsWith("i:")) return targets.images && Object.hasOwn(targets.images, path) ? targets.images[path]! : null; // images: src/images/
  return targets.assets.has(path);
}
