/**
 * The progress line of a long build on a terminal: drawn on stderr once the
 * build has run for a second, redrawn in place at most ten times a second,
 * and erased when the build ends, so only the summary stays.
 */
import type { ProgressFn } from "../build/runner.js";
import type { Io } from "./io.js";
import { message, type Lang } from "../i18n/catalog.js";

/** A progress display: the callback to hand to the build, and `stop` to erase it. */
export interface Progress {
  report: ProgressFn;
  stop(): void;
}

const STAGES = ["load", "markdown", "articles", "render"] as const;

/** A progress line on `io.stderr` when `enabled` (a terminal, neither --json nor --quiet); otherwise a no-op. */
export function createProgress(io: Io, enabled: boolean, delayMs = 1000, now: () => number = () => performance.now(), lang: Lang = "en"): Progress {
  const labels = new Map<string, string>(STAGES.map((stage) => [stage, message(lang, `build.progress-${stage}`)]));
  if (!enabled) return { report: () => undefined, stop: () => undefined };
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    report(stage, done, total) {
      const t = now();
      if (t - started < delayMs || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      drawn = true;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      io.stderr(`\r\x1b[2K${labels.get(stage) ?? stage}… ${done}/${total} (${percent}%)`);
    },
    stop() {
      if (drawn) io.stderr("\r\x1b[2K");
      drawn = false;
    },
  };
}
