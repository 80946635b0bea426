/**
 * The assets stage: every file the site publishes that is neither a page nor
 * a generated text file enters the route table here, and only here. Today
 * that is copying: the theme's `assets/`, the non-Markdown files under
 * `content/` (images, attachments) and `static/`. Steps that derive files
 * (resized images, a search index) are listed in `./steps.ts` and add their
 * routes after the copied ones.
 */
import { relative } from "node:path";
import type { FoundFile } from "../load/files.js";
import type { SiteModel } from "../model/site.js";
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
  | { kind: "derived"; path: string; source: string; produce: () => string | Uint8Array };

/** What an asset step sees: the complete model, the source files, and how to name a file in messages. */
export interface AssetStepInput {
  model: SiteModel;
  sources: AssetSources;
  display: (absPath: string) => string;
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
export function planAssets(model: SiteModel, sources: AssetSources, cwd: string): AssetRoute[] {
  const display = (absPath: string) => relative(cwd, absPath);
  const routes: AssetRoute[] = [];
  for (const file of [...sources.theme, ...sources.content, ...sources.static]) {
    routes.push({ kind: "file", path: file.path, source: display(file.absPath), absPath: file.absPath });
  }
  for (const step of [...ASSET_STEPS, ...added]) routes.push(...step({ model, sources, display }));
  return routes;
}
