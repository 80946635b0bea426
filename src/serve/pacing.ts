/**
 * Long loops of a rebuild (parsing or rendering thousands of articles) give
 * the event loop a turn now and then, so the server keeps answering requests
 * while the first build of a large site runs, and stop there once aborted
 * (Ctrl-C), so that stopping never waits for a long build.
 */

/**
 * Returns `pace()`: awaiting it yields to the event loop once `budgetMs` of
 * work has passed since the last yield, and rejects with the abort reason
 * once `signal` is aborted.
 */
export function createPacer(signal?: AbortSignal, budgetMs = 50): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs && !signal?.aborted) return undefined;
    return new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        since = performance.now();
        if (signal?.aborted) reject(signal.reason);
        else resolve();
      }),
    );
  };
}
