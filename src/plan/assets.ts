/**
 * The assets stage: every file the site publishes that is neither a page nor
 * a generated text file enters the route table here, and only here. Today
 * that is copying: the theme's `assets/`, the non-Markdown files under
 * `content/` (images, attachments) and `static/`. Steps that derive files
 * (resized images, a search index) register with `addAssetStep` and add
 * their routes after the copied ones.
 */
import { relative } from "node:path";
import type { FoundFile } from "../load/files.js";
import type { SiteModel } from "../model/site.js";

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

const steps: AssetStep[] = [];

/**
 * Registers a step of the assets stage, run on every plan (build, check, serve)
 * after the copied files, in registration order. This is where image
 * derivatives and the search index plug in: one call at module load.
 */
export function addAssetStep(step: AssetStep): void {
  steps.push(step);
}

/** Every asset route of the site, in the order the output lists them: theme, content, static, then each step's. */
export function planAssets(model: SiteModel, sources: AssetSources, cwd: string): AssetRoute[] {
  const display = (absPath: string) => relative(cwd, absPath);
  const routes: AssetRoute[] = [];
  for (const file of [...sources.theme, ...sources.content, ...sources.static]) {
    routes.push({ kind: "file", path: file.path, source: display(file.absPath), absPath: file.absPath });
  }
  for (const step of steps) routes.push(...step({ model, sources, display }));
  return routes;
}
