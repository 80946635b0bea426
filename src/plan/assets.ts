/**
 * The assets stage: every file the site publishes that is neither a page nor
 * a generated text file enters the route table here, and only here. Today
 * that is copying: the theme's `assets/`, the non-Markdown files under
 * `content/` (images, attachments) and `static/`. Steps that derive files
 * (resized images, a search index) are listed in `./steps.ts` and add their
 * routes after the copied ones.
 */
import { relative } from "node:path";
import { publishedAssets, type ImageStep } from "../images/step.js";
import type { FoundFile } from "../load/files.js";
import type { SiteModel } from "../model/site.js";
import type { TermsSource } from "../search/search.js";
import { ASSET_STEPS } from "./steps.js";

/** The source files the assets stage starts from. */
export interface AssetSources {
  /** The theme's asset files (`assets/…`, site overrides already applied). */
  theme: readonly FoundFile[];
  /** Non-Markdown files under `content/`, published at the same path. */
  content: readonly FoundFile[];
  /** Files under `static/`, published at the output root. */
  static: readonly FoundFile[];
}

/** One asset in the route table: copied from a source file, or made by a step (bytes produced when written or served). */
export type AssetRoute =
  | { kind: "file"; path: string; source: string; absPath: string }
  | {
      kind: "derived";
      path: string;
      source: string;
      produce: () => string | Uint8Array;
      /** False when `produce` reads no body's HTML (the build then keeps only the feed's in memory). */
      readsHtml?: false;
    };

/** What the drivers give the asset steps beyond the model and the files (each optional). */
export interface AssetContext {
  /** The photos' derivatives, made before the bodies rendered (`src/images/`): photos are published as these. */
  images?: ImageStep;
  /** Where the search step takes each article's terms (default: the model's Markdown bodies). */
  searchTerms?: TermsSource;
  /** Plan only the outputs known without reading any body: the search index's fixed files (`check`; `serve` builds the index when asked). */
  pathsOnly?: boolean;
  /** Where steps record how long they took (`timings.search`). */
  timings?: Record<string, number>;
}

/** What an asset step sees: the complete model, the source files, and how to name a file in messages. */
export interface AssetStepInput {
  model: SiteModel;
  sources: AssetSources;
  display: (absPath: string) => string;
  context: AssetContext;
}

/** A step of the assets stage: returns the routes it adds (claims are checked by the route table like any other). */
export type AssetStep = (input: AssetStepInput) => AssetRoute[];

const added: AssetStep[] = [];

/**
 * Adds a step after those of `ASSET_STEPS` (`./steps.ts`, where the site's
 * own steps are listed) until the returned function removes it: for tests
 * and embedders.
 */
export function addAssetStep(step: AssetStep): () => void {
  added.push(step);
  return () => {
    const at = added.indexOf(step);
    if (at >= 0) added.splice(at, 1);
  };
}

/** Every asset route of the site, in order: theme, content, static, then each step's (the hook for derived files). */
export function planAssets(model: SiteModel, sources: AssetSources, cwd: string, context: AssetContext = {}): AssetRoute[] {
  const display = (absPath: string) => relative(cwd, absPath);
  const routes: AssetRoute[] = [];
  const copy = (file: { path: string; absPath: string; source?: string }) => {
    routes.push({ kind: "file", path: file.path, source: display(file.source ?? file.absPath), absPath: file.absPath });
  };
  sources.theme.forEach(copy);
  // With the image step's results, photos are published as their derivatives in the image store, unsafe SVGs left out.
  (context.images ? publishedAssets(sources.content, context.images) : sources.content).forEach(copy);
  sources.static.forEach(copy);
  for (const step of [...ASSET_STEPS, ...added]) routes.push(...step({ model, sources, display, context }));
  return routes;
}
