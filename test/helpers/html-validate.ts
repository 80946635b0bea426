/** html-validate as the theme's output is held to: the settings and helpers of scripts/validate-html.mjs. */
// @ts-expect-error: a plain JavaScript module of the repository's scripts, without type declarations.
import { htmlErrors as errorsOf, htmlErrorsInFolder as errorsIn } from "../../scripts/validate-html.mjs";

/** The errors html-validate reports for one document, as `name:line: message [rule]`. */
export const htmlErrors: (html: string, name: string) => Promise<string[]> = errorsOf;

/** The number of `.html` files under `dir` and their errors. */
export const htmlErrorsInFolder: (dir: string) => Promise<{ files: number; errors: string[] }> = errorsIn;
