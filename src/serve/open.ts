/**
 * Opening a URL in the user's browser (`--open`): `open` on macOS, `start`
 * on Windows, `xdg-open` elsewhere. Failures are ignored: the URL is printed anyway.
 */
import { spawn } from "node:child_process";

/** Asks the system to open `url` in the default browser; never throws. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === "darwin" ? ["open", [url]]
    : platform === "win32" ? ["cmd", ["/c", "start", '""', url]]
    : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: "ignore", windowsHide: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // no browser to open: the URL is on the terminal
  }
}
