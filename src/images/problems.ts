/**
 * The diagnostic of an image that cannot be published, made where an article
 * uses it (a cover field, a body image or link): `unsafe-svg`, or `bad-image`
 * with its fault, which each language words on its own.
 */
import { error, type Diagnostic } from "../diagnostics.js";
import type { ImageProblem } from "./plan.js";

/** The error for `entry` (the image at content path `path`, written `src`), at `at`; `field` for a front-matter field. */
export function imageProblemDiagnostic(entry: ImageProblem, path: string, src: string, at: Partial<Pick<Diagnostic, "file" | "line" | "column">>, field?: string): Diagnostic {
  const where = field === undefined ? {} : { field };
  if (entry.code === "unsafe-svg") return error("unsafe-svg", { path, src, detail: entry.problem, ...where }, at);
  return error("bad-image", { path, src, problem: entry.problem, ...(entry.fault ? { fault: entry.fault } : {}), ...where }, at);
}
