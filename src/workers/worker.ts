/**
 * The worker-thread side of the build's pool: runs the tasks of
 * `./tasks.ts` on the messages the main thread posts, one at a time.
 */
import { parentPort } from "node:worker_threads";
import type { SiteModel } from "../model/site.js";
import { loadFiles, pageRenderer, renderArticleChunk, renderBodyChunk, renderPageChunk, setSummaries, type MarkdownEnv, type PageRenderer } from "./tasks.js";
import type { TaskMessage, TaskReply } from "./pool.js";

let env: MarkdownEnv = { articleUrls: {}, assets: [] };
let renderer: PageRenderer | undefined;

function run(message: TaskMessage): unknown {
  const input = message.input as never;
  switch (message.kind) {
    case "load": {
      const { files, timezone } = message.input as { files: Parameters<typeof loadFiles>[0]; timezone: string };
      return loadFiles(files, timezone);
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
    case "articles":
      if (!renderer) throw new Error("articles asked for before the model");
      return renderArticleChunk(renderer, input, env);
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
    reply = { id: message.id, ok: false, message: err.message, stack: err.stack ?? "" };
  }
  parentPort!.postMessage(reply);
});
