/**
 * The script the build's worker threads run (see `./runner.ts`): the stage functions
 * (`load/batch.ts`, `markdown/bodies.ts`, `write/pages.ts`) on the messages
 * the main thread posts, one at a time.
 */
import { parentPort } from "node:worker_threads";
import type { SiteModel } from "../model/site.js";
import { pageRenderer, renderPageChunk, setSummaries, type PageRenderer } from "../write/pages.js";
import { loadFiles } from "../load/batch.js";
import { renderBodyChunk, type MarkdownEnv } from "../markdown/bodies.js";
import type { TaskMessage, TaskReply } from "../workers/pool.js";

let env: MarkdownEnv = { articleUrls: {}, assets: [] };
let renderer: PageRenderer | undefined;

function run(message: TaskMessage): unknown {
  const input = message.input as never;
  switch (message.kind) {
    case "load": {
      const { files, options } = message.input as { files: Parameters<typeof loadFiles>[0]; options: Parameters<typeof loadFiles>[1] };
      return loadFiles(files, options);
    }
    case "env":
      env = input;
      return undefined;
    case "markdown":
      return renderBodyChunk(input, env);
    case "model": {
      const { model, theme } = message.input as { model: SiteModel; theme: Parameters<typeof pageRenderer>[1] };
      renderer = pageRenderer(model, theme);
      return undefined;
    }
    case "summaries":
      if (!renderer) throw new Error("summaries sent before the model");
      return setSummaries(renderer, input);
    case "pages":
      if (!renderer) throw new Error("pages asked for before the model");
      return renderPageChunk(renderer, input);
  }
}

parentPort!.postMessage({ id: 0, ok: true, result: "ready" } satisfies TaskReply);
parentPort!.on("message", (message: TaskMessage) => {
  let reply: TaskReply;
  try {
    reply = { id: message.id, ok: true, result: run(message) };
  } catch (cause) {
    const err = cause instanceof Error ? cause : new Error(String(cause));
    const code = (err as NodeJS.ErrnoException).code;
    reply = { id: message.id, ok: false, message: err.message, stack: err.stack ?? "", ...(typeof code === "string" ? { code } : {}) };
  }
  parentPort!.postMessage(reply);
});
