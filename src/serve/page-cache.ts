/**
 * Rendered pages kept between rebuilds. A page's HTML is a function of the
 * theme, its page template and its view context, so it is rendered again only
 * when the theme changed or the page's key (`render/page-key.ts`, as the
 * build cache keys pages) did.
 */
import { pageKey } from "../render/page-key.js";
import type { PagePlan } from "../render/pages.js";
import type { Theme } from "../render/templates.js";

interface Entry {
  theme: Theme;
  key: string;
  html: string;
}

/** The page cache of one serve session, by output path. */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  /** The page's HTML, rendered only when its theme or context changed; throws what `theme.render` throws. */
  render(plan: PagePlan, theme: Theme): { html: string; fresh: boolean } {
    const key = pageKey("", plan);
    const entry = this.entries.get(plan.outputPath);
    if (entry && entry.theme === theme && entry.key === key) return { html: entry.html, fresh: false };
    const html = theme.render(plan.template, plan.context());
    this.entries.set(plan.outputPath, { theme, key, html });
    return { html, fresh: true };
  }

  /** The last HTML rendered for `path`, from whatever theme and context; undefined when never rendered. */
  last(path: string): string | undefined {
    return this.entries.get(path)?.html;
  }

  /** Forgets the pages of paths that are no longer in the site. */
  prune(keep: (path: string) => boolean): void {
    for (const path of [...this.entries.keys()]) if (!keep(path)) this.entries.delete(path);
  }
}
