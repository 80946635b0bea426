/**
 * The data shapes that flow between stages: config and articles as loaded,
 * then rendered. Plain data only, so that stages can run in worker threads.
 */

import type { ImageSettings } from "./images/settings.js";

/** Site configuration, every key filled in with its default. */
export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute URL of the deployed site, ending in `/`; undefined when not set. */
  baseUrl?: string;
  /** Path prefix for every URL, from `baseUrl`: `/` or `/news/`. */
  basePath: string;
  language: string;
  timezone: string;
  perPage: number;
  /** `recent`: how many articles the sidebar lists; `source`: which (see `SidebarSource`), automatic when unset. */
  sidebar: { recent: number; source?: string };
  related: { count: number };
  markdown: { allowHtml: boolean };
  /** Pattern with `{path}`, e.g. `https://git.example.org/site/edit/main/{path}`. */
  editUrl?: string;
  /** `images:` — derivative widths, formats, quality, originals (see `src/images/settings.ts`); the defaults when absent. */
  images?: ImageSettings;
  /** `analytics.goatcounter`: the GoatCounter site URL (no trailing slash), for the count script and the visitor counter. */
  analytics?: { goatcounter?: string };
  /** `footer:` — the organisation's details shown in the footer, each when set. */
  footer?: FooterConfig;
  /** `login.url`: where the header's "log in" link goes: an http(s) URL, or a site path such as `/admin/` (under the base path). */
  login?: { url: string };
  /** `lint:` — severity of `gazette check` rules by id (`off`, `warning`, `error`); only the rules set. */
  lint?: Record<string, "off" | "warning" | "error">;
  /** `search:` — build the search page and index (default true; only `false` turns it off). */
  search?: boolean;
}

/** The footer's lines, as configured under `footer:`. */
export interface FooterConfig {
  organisation?: string;
  address?: string;
  phone?: string;
  email?: string;
  editor?: string;
  licence?: string;
}

/** A person credited on an article. */
export interface AuthorRef {
  name: string;
  /** External profile URL given in front-matter, if any. */
  url?: string;
}

/** An image with its alternative text and caption, as declared in front-matter. */
export interface ImageMeta {
  src: string;
  alt?: string;
  caption?: string;
}

/** An article after its front-matter was read and validated (body still Markdown). */
export interface LoadedArticle {
  /** Path relative to the content folder, POSIX separators, NFC: `2024/2024-07-26-hoi-thao.md`. */
  contentPath: string;
  /** Path to show in messages, relative to the working directory: `content/2024/…md`. */
  displayPath: string;
  /** Path relative to the site root, for `editUrl`: `content/2024/…md`. */
  sitePath: string;
  slug: string;
  title: string;
  /** Publication instant, milliseconds since the epoch. */
  date: number;
  updated?: number;
  authors: AuthorRef[];
  source?: string;
  category?: string;
  tags: string[];
  summary?: string;
  cover?: ImageMeta;
  images: ImageMeta[];
  draft: boolean;
  layout: string;
  /** Front-matter keys gazette does not know, passed to templates as `page.data`. */
  data: Record<string, unknown>;
  /** Markdown body, front-matter removed. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** 1-based file line of each top-level front-matter key, for messages found after loading. */
  fieldLines: Record<string, number>;
  /** `loadedDigest` of these fields, set by the build cache when it records or gives them (else computed when needed). */
  digest?: string;
}

/** The result of rendering one article's Markdown: HTML plus what was found in it. */
export interface RenderedBody {
  html: string;
  /** Plain text of the first paragraph, for the default summary. */
  firstParagraph: string;
}
