/**
 * Stage timings of a build or check: milliseconds per named stage.
 */

/** A stopwatch whose `lap(name)` records the time since the previous lap into `timings`. */
export function createStopwatch(): { timings: Record<string, number>; lap(name: string): void } {
  const timings: Record<string, number> = {};
  let clock = performance.now();
  return {
    timings,
    lap(name: string) {
      const now = performance.now();
      timings[name] = Math.round(now - clock);
      clock = now;
    },
  };
}
