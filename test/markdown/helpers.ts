/** Shared defaults for Markdown stage tests. */
import { renderMarkdown, type MarkdownInput, type MarkdownOutput } from "../../src/markdown/render.js";

/** A MarkdownInput for an article at `content/2024/2024-07-26-hoi-thao.md`, with overrides. */
export function markdownInput(body: string, overrides: Partial<MarkdownInput> = {}): MarkdownInput {
  const contentPath = overrides.contentPath ?? "2024/2024-07-26-hoi-thao.md";
  return {
    body,
    bodyLine: 1,
    contentPath,
    displayPath: `content/${contentPath}`,
    basePath: "/",
    allowHtml: false,
    images: [],
    articleUrls: {},
    assets: [],
    ...overrides,
  };
}

/** Renders `body` with the defaults of `markdownInput`. */
export function render(body: string, overrides: Partial<MarkdownInput> = {}): MarkdownOutput {
  return renderMarkdown(markdownInput(body, overrides));
}
