/**
 * Long loops of a rebuild (parsing or rendering thousands of articles) give
 * the event loop a turn now and then, so the server keeps answering requests
 * and Ctrl-C while the first build of a large site runs.
 */

/** Returns `pace()`: awaiting it yields to the event loop once `budgetMs` of work has passed since the last yield. */
export function createPacer(budgetMs = 50): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
