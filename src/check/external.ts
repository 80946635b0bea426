/**
 * Checking external links over HTTP: HEAD (GET when the server refuses HEAD
 * with 405 or 501), redirects followed by hand up to a limit so they can be
 * reported, one time limit per link, and a bound on requests in flight.
 */

/** How external links are checked. */
export interface ExternalCheckOptions {
  /** Time limit per link, redirects included, in ms; default 10 000. */
  timeoutMs?: number;
  /** Links checked at once; default 8. */
  concurrency?: number;
  /** Redirects followed before giving up; default 5. */
  maxRedirects?: number;
  /** Called after each link is done. */
  onProgress?: (done: number, total: number) => void;
  /** The fetch to use; default the global one. */
  fetch?: typeof fetch;
}

/** What checking one URL found. */
export type LinkResult =
  | { kind: "ok"; status: number }
  | { kind: "redirect"; status: number; finalUrl: string; redirects: number }
  | { kind: "broken"; reason: string; status?: number; finalUrl?: string };

/** Defaults of `ExternalCheckOptions`. */
export const EXTERNAL_DEFAULTS = { timeoutMs: 10_000, concurrency: 8, maxRedirects: 5 } as const;

const HEADERS = { "user-agent": "gazette-link-checker/0.1", accept: "*/*" };

/** Checks each URL once (at most `concurrency` at a time) and returns the results by URL. */
export async function checkUrls(urls: readonly string[], options: ExternalCheckOptions = {}): Promise<Map<string, LinkResult>> {
  const unique = [...new Set(urls)];
  const results = new Map<string, LinkResult>();
  const limit = Math.max(1, options.concurrency ?? EXTERNAL_DEFAULTS.concurrency);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++]!;
      results.set(url, await checkUrl(url, options));
      options.onProgress?.(++done, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, unique.length) }, worker));
  return results;
}

/** Checks one http(s) URL, following redirects by hand within the time limit. */
export async function checkUrl(url: string, options: ExternalCheckOptions = {}): Promise<LinkResult> {
  const timeoutMs = options.timeoutMs ?? EXTERNAL_DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? EXTERNAL_DEFAULTS.maxRedirects;
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = url;
  let redirects = 0;
  let firstStatus = 0;
  try {
    for (;;) {
      const request = async (method: string) => {
        const response = await doFetch(current, { method, redirect: "manual", signal: controller.signal, headers: HEADERS });
        await response.body?.cancel().catch(() => {});
        return response;
      };
      let response = await request("HEAD");
      if (response.status === 405 || response.status === 501) response = await request("GET");
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        if (redirects === maxRedirects) return { kind: "broken", reason: `more than ${maxRedirects} redirects`, finalUrl: current };
        redirects++;
        firstStatus ||= response.status;
        current = new URL(location, current).href;
        continue;
      }
      const moved = redirects > 0 ? { finalUrl: current } : {};
      if (response.status >= 400) return { kind: "broken", reason: `HTTP ${response.status}`, status: response.status, ...moved };
      if (redirects > 0) return { kind: "redirect", status: firstStatus, finalUrl: current, redirects };
      return { kind: "ok", status: response.status };
    }
  } catch (cause) {
    if (controller.signal.aborted) return { kind: "broken", reason: `no answer within ${formatSeconds(timeoutMs)}` };
    return { kind: "broken", reason: `cannot connect: ${describeFailure(cause)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** `10 s`, `0.3 s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The most telling part of a fetch failure: the system error code, else the message. */
function describeFailure(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } })?.cause;
  if (inner?.code) return inner.code;
  if (inner?.message) return inner.message;
  return cause instanceof Error ? cause.message : String(cause);
}
