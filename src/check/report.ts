/**
 * What `gazette check` tells its user: the one-line summary, the JSON
 * report, and the exit status (`--strict` makes warnings fail).
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { LinkResult } from "./external.js";
import type { CheckResult } from "./run.js";
import type { ArgsOf } from "../i18n/catalog.js";

/** Counts of a check's diagnostics and external links. */
export interface CheckCounts {
  errors: number;
  warnings: number;
  /** Distinct external URLs, and how many places use them. */
  links: number;
  uses: number;
  /** With --external: URLs checked, and how many were broken or redirected. */
  checked: number;
  broken: number;
  redirected: number;
}

/** Tallies a check's results. */
export function countResult(result: CheckResult): CheckCounts {
  const results = [...result.external.results.values()];
  return {
    errors: result.diagnostics.filter((d) => d.severity === "error").length,
    warnings: result.diagnostics.filter((d) => d.severity === "warning").length,
    links: result.external.links.length,
    uses: result.external.links.reduce((n, l) => n + l.uses.length, 0),
    checked: results.length,
    broken: results.filter((r) => r.kind === "broken").length,
    redirected: results.filter((r) => r.kind === "redirect").length,
  };
}

/** True when the check passes: no errors, and no warnings either under `--strict`. */
export function checkPassed(result: CheckResult, strict: boolean): boolean {
  const counts = countResult(result);
  return counts.errors === 0 && (!strict || counts.warnings === 0);
}

/** `checked 12 articles: 1 error, 3 warnings; 4 external links (not fetched: use --external) in 0.31 s`, in the speaker's language. */
export function summaryLine(result: CheckResult, elapsedMs: number, speak: { t: (key: "check.summary", args: ArgsOf<"check.summary">) => string }): string {
  const c = countResult(result);
  return speak.t("check.summary", {
    articles: result.articles,
    errors: c.errors,
    warnings: c.warnings,
    links: c.links,
    fetched: result.external.checked,
    broken: c.broken,
    redirected: c.redirected,
    seconds: (elapsedMs / 1000).toFixed(2),
  });
}

/** One external URL in the JSON report: where it is used and, with --external, what checking it gave. */
export interface ExternalLinkJson {
  url: string;
  uses: { file: string; line: number; column?: number }[];
  result?: LinkResult;
}

/** The object `gazette check --json` prints. */
export interface CheckJson {
  ok: boolean;
  articles: number;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  external: { links: number; uses: number; fetched: boolean; checked: number; broken: number; redirected: number; urls: ExternalLinkJson[] };
  timings: Record<string, number>;
}

/** The JSON report of a check. */
export function checkJson(result: CheckResult, strict: boolean, elapsedMs: number, show: (d: Diagnostic) => Diagnostic = (d) => d): CheckJson {
  const sorted = sortDiagnostics(result.diagnostics).map(show);
  const c = countResult(result);
  return {
    ok: checkPassed(result, strict),
    articles: result.articles,
    errors: sorted.filter((d) => d.severity === "error"),
    warnings: sorted.filter((d) => d.severity === "warning"),
    external: {
      links: c.links,
      uses: c.uses,
      fetched: result.external.checked,
      checked: c.checked,
      broken: c.broken,
      redirected: c.redirected,
      urls: result.external.links.map((link) => {
        const entry: ExternalLinkJson = { url: link.url, uses: link.uses };
        const outcome = result.external.results.get(link.url);
        if (outcome) entry.result = outcome;
        return entry;
      }),
    },
    timings: { ...result.timings, total: Math.round(elapsedMs) },
  };
}
