/**
 * Debian's headless Chromium (/usr/bin/chromium, never a downloaded browser)
 * for the browser tests: started once per test process and shared by the
 * files that process runs one after the other (see vitest.config.ts); each
 * file closes the pages and contexts it opened when it ends.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian installs Chromium (`apt-get install chromium`; `.ci/run` does). */
export const CHROMIUM = "/usr/bin/chromium";

let launched: Promise<Browser> | undefined;

/** The test process's Chromium, started on first use; it ends with the process. */
export function sharedBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium; .ci/run installs it)`);
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return launched;
}

/** Closes every page and context a test file left open in the shared browser (the files of a process run one at a time). */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  if (browser) await Promise.all(browser.contexts().map((context) => context.close()));
}
