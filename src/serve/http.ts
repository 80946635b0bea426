/**
 * Answering HTTP requests from a serve session: GET and HEAD only, paths
 * checked before any lookup, the site under its base path, `index.html` for
 * folders, a redirect to add the slash, the site's own 404 page, files
 * served from their source path only when their real path is inside the
 * site's folders, and the live-reload script added to every HTML page.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { contentTypeOf } from "./content-type.js";
import type { ReloadHub } from "./events.js";
import { CLIENT_PATH, clientScript, ENGLISH_OVERLAY, EVENTS_PATH, injectClient, type OverlayTexts } from "./reload-client.js";
import { isInsideSite } from "../load/walk.js";
import { decodeSitePath, isInside, parseRequestTarget } from "./request-path.js";
import type { SiteSession } from "./session.js";

/** What serve shows in the browser about errors, in the writer's language. */
export interface BrowserTexts {
  /** `<html lang>` of the error page. */
  lang: string;
  /** One diagnostic as a line of the overlay and the error page. */
  format(d: Diagnostic): string;
  overlay: OverlayTexts;
  page: { title: string; heading: string; hint: string };
}

/** The English texts. */
export const ENGLISH_TEXTS: BrowserTexts = {
  lang: "en",
  format: formatDiagnostic,
  overlay: ENGLISH_OVERLAY,
  page: { title: "gazette: the site has errors", heading: "The site has errors", hint: "Fix them and save; this page reloads by itself." },
};

/** What the request handler needs. */
export interface HandlerContext {
  session: SiteSession;
  hub: ReloadHub;
  /** Texts of the overlay and the error page; English by default. */
  texts?: BrowserTexts;
  /** Called when a file is not served because its real path is outside the site's folders. */
  onRefused?: (absPath: string) => void;
  /** Called on an unexpected failure (a bug) while answering. */
  onError?: (cause: unknown) => void;
}

/** The request listener of a serve session's HTTP server. */
export function createRequestHandler(context: HandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    answer(req, res, context).catch((cause: unknown) => {
      context.onError?.(cause);
      if (!res.headersSent) plain(res, 500, "500 Internal Server Error\n", req.method === "HEAD");
      else res.destroy();
    });
  };
}

/** The current errors of the session, formatted one per line, for the overlay. */
export function errorLines(diagnostics: readonly Diagnostic[], texts: BrowserTexts = ENGLISH_TEXTS): string[] {
  return diagnostics.filter((d) => d.severity === "error").map((d) => texts.format(d));
}

const scripts = new WeakMap<BrowserTexts, string>();

async function answer(req: IncomingMessage, res: ServerResponse, { session, hub, onRefused, texts = ENGLISH_TEXTS }: HandlerContext): Promise<void> {
  const errorPage = (diagnostics: readonly Diagnostic[]) => errorPageOf(diagnostics, texts);
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    res.setHeader("allow", "GET, HEAD");
    return plain(res, 405, "405 Method Not Allowed\n", false);
  }
  const target = parseRequestTarget(req.url ?? "");
  if (!target) return plain(res, 400, "400 Bad Request: this path is not allowed\n", head);
  if (target.path === EVENTS_PATH && !head) return hub.connect(req, res, errorLines(session.diagnostics, texts));
  if (target.path === CLIENT_PATH) {
    let script = scripts.get(texts);
    if (script === undefined) scripts.set(texts, (script = clientScript(texts.overlay)));
    return send(res, 200, "text/javascript; charset=utf-8", script, head);
  }
  if (!session.ready) return send(res, 503, "text/html; charset=utf-8", injectClient(errorPage(session.diagnostics)), head);

  const base = session.basePath;
  const decodedBase = decodeSitePath(base);
  if (!target.path.startsWith(decodedBase)) {
    if (target.path === "/" || `${target.path}/` === decodedBase) return redirect(res, base + target.query);
    return notFound(res, session, head);
  }
  const rel = target.path.slice(decodedBase.length);
  const isFolder = rel === "" || rel.endsWith("/");
  const path = isFolder ? `${rel}index.html` : rel;
  await session.ensureImage(path); // a photo's derivatives are made on first request
  const served = session.lookup(path);
  if (!served) {
    if (!isFolder && session.has(`${rel}/index.html`)) return redirect(res, `${target.rawPath}/${target.query}`);
    return notFound(res, session, head);
  }
  if (served.kind === "page") {
    const html = served.status === 200 ? served.html : errorPage(session.diagnostics);
    return send(res, served.status, "text/html; charset=utf-8", injectClient(html), head);
  }
  if (served.kind === "text") return send(res, 200, contentTypeOf(path), served.text, head);
  return sendFile(res, path, served.absPath, session, head, onRefused);
}

async function sendFile(res: ServerResponse, path: string, absPath: string, session: SiteSession, head: boolean, onRefused?: (absPath: string) => void): Promise<void> {
  let real: string;
  try {
    real = await realpath(absPath);
  } catch {
    return notFound(res, session, head);
  }
  if (!session.servableRoots().some((root) => isInsideSite(real, root))) {
    onRefused?.(absPath);
    return notFound(res, session, head);
  }
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return notFound(res, session, head);
  res.writeHead(200, { "content-type": contentTypeOf(path), "content-length": info.size, "cache-control": "no-store" });
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(real);
    stream.on("error", () => {
      res.destroy();
      resolve();
    });
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

function notFound(res: ServerResponse, session: SiteSession, head: boolean): void {
  const page = session.lookup("404.html");
  if (page?.kind === "page" && page.status === 200) return send(res, 404, "text/html; charset=utf-8", injectClient(page.html), head);
  return plain(res, 404, "404 Not Found\n", head);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(`Found: ${location}\n`);
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, head: boolean): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { "content-type": type, "content-length": bytes.length, "cache-control": "no-store" });
  res.end(head ? undefined : bytes);
}

function plain(res: ServerResponse, status: number, text: string, head: boolean): void {
  send(res, status, "text/plain; charset=utf-8", text, head);
}

/** A page standing in for the site while it has errors and no good build to show. */
function errorPageOf(diagnostics: readonly Diagnostic[], texts: BrowserTexts): string {
  const lines = errorLines(diagnostics, texts).map(escapeHtml).join("\n");
  const { title, heading, hint } = texts.page;
  return `<!doctype html>
<html lang="${escapeHtml(texts.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(hint)}</p><pre>${lines}</pre></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
