/**
 * The steps of the assets stage, in the order their routes enter the route
 * table (after the copied files). This list is the hook for files derived
 * from the sources: image derivatives (`src/images/`) and the search index
 * (`src/search/`) each add one import and one entry here. Photos' derivatives are
 * made before the bodies render (they need `imageSets`) and enter through
 * `AssetContext.images` instead.
 */
import { searchStep } from "../search/step.js";
import type { AssetStep } from "./assets.js";

/** Every asset step of the site, in order. */
export const ASSET_STEPS: readonly AssetStep[] = [searchStep];
