/**
 * Server-Sent Events to every open tab: one long-lived response per tab,
 * `reload` and `errors` broadcasts, a comment now and then to keep it open.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The tabs listening for reloads. */
export class ReloadHub {
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;

  /** `id` identifies this server run: tabs that saw another id reload when they reconnect. */
  constructor(private readonly id: string) {}

  /** Answers an EventSource request and keeps it; `errors` (formatted lines) are sent at once when there are any. */
  connect(req: IncomingMessage, res: ServerResponse, errors: readonly string[]): void {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    res.write("retry: 500\n\n");
    send(res, "hello", { id: this.id });
    if (errors.length > 0) send(res, "errors", errors);
    this.clients.add(res);
    req.on("close", () => this.clients.delete(res));
    this.heartbeat ??= setInterval(() => {
      for (const client of this.clients) client.write(": ping\n\n");
    }, 15_000).unref();
  }

  /** Tells every tab to reload. */
  reload(): void {
    for (const client of this.clients) send(client, "reload", {});
  }

  /** Shows these errors (formatted lines) over every tab. */
  showErrors(errors: readonly string[]): void {
    for (const client of this.clients) send(client, "errors", errors);
  }

  /** Number of tabs listening. */
  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function send(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
