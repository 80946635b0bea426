/**
 * Binding the HTTP server: a busy port is reported and the next one tried,
 * a few times, so two previews can run side by side.
 */
import type { Server } from "node:http";
import { explained } from "../diagnostics.js";

/** No port of the range could be used. */
export class PortError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortError";
  }
}

/**
 * Listens on `host`:`port`, or on the next ports when it is busy (`attempts`
 * ports in all; port 0 lets the system choose); `onBusy` hears of each busy
 * port. Resolves to the port used.
 */
export async function listenOnFreePort(server: Server, host: string, port: number, attempts: number, onBusy?: (port: number) => void): Promise<number> {
  const last = port === 0 ? 0 : Math.min(65535, port + Math.max(1, attempts) - 1);
  for (let candidate = port; candidate <= last; candidate++) {
    try {
      return await listenOnce(server, host, candidate);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") {
        onBusy?.(candidate);
        continue;
      }
      if (code === "EACCES") throw explained(new PortError(""), "serve.port-denied", { port: candidate });
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw explained(new PortError(""), "serve.host-unknown", { host });
      throw cause;
    }
  }
  const range = last === port ? `port ${port} is` : `ports ${port}–${last} are all`;
  throw explained(new PortError(""), "serve.ports-busy", { range });
}

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (cause: Error) => {
      server.off("listening", onListening);
      reject(cause);
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}
