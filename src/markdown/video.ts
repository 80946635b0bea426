/**
 * Click-to-load videos: a YouTube or Facebook video URL alone on its line
 * (or such a site's pasted `<iframe>`) becomes a figure holding a link to the
 * video with a neutral, local poster and a play button. The page requests
 * nothing from the video host until the reader clicks: then the theme's
 * script swaps the link for the player (youtube-nocookie.com for YouTube).
 * Without JavaScript the link simply opens the video on its site.
 */
import type { ElementContent } from "hast";
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";

/** A recognised video: where it lives and the player address to load on click. */
export interface VideoLink {
  provider: "youtube" | "facebook";
  /** The video's page, for the link (and readers without JavaScript). */
  url: string;
  /** The embeddable player, loaded only after the click. */
  embed: string;
}

/** The provider names shown to readers. */
const PROVIDER_NAMES: Record<VideoLink["provider"], string> = { youtube: "YouTube", facebook: "Facebook" };

/**
 * An empty element in each embed's label that the render stage fills with
 * the site language's "play the video on" text (`labelVideos`): bodies are
 * rendered once for every language, and cached so.
 */
export const VIDEO_LABEL_SLOT = '<span class="video-on"></span>';

/** Fills every embed's label slot in rendered body HTML with `text` ("Xem video trên"). */
export function labelVideos(html: string, text: string): string {
  if (!html.includes(VIDEO_LABEL_SLOT)) return html;
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return html.replaceAll(VIDEO_LABEL_SLOT, `<span class="video-on">${escaped}</span>`);
}

/** True when rendered body HTML holds a click-to-load video. */
export function hasVideo(html: string): boolean {
  return html.includes('class="video-link"');
}

/** Parses a YouTube or Facebook video URL; undefined for anything else. */
export function parseVideoUrl(text: string): VideoLink | undefined {
  if (!/^https?:\/\/\S+$/i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|web|music)\./, "");
  if (host === "youtu.be" || host === "youtube.com" || host === "youtube-nocookie.com") return youtube(url, host);
  if (host === "facebook.com" || host === "fb.watch") return facebook(url, host);
  return undefined;
}

function youtube(url: URL, host: string): VideoLink | undefined {
  let id: string | null | undefined;
  if (host === "youtu.be") id = url.pathname.split("/")[1];
  else if (url.pathname === "/watch" || url.pathname === "/watch/") id = url.searchParams.get("v");
  else id = /^\/(?:shorts|embed|live|v)\/([^/?#]+)/.exec(url.pathname)?.[1];
  if (!id || !/^[\w-]{11}$/.test(id)) return undefined;
  const start = seconds(url.searchParams.get("t") ?? url.searchParams.get("start"));
  return {
    provider: "youtube",
    url: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ""}`,
    embed: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1${start ? `&start=${start}` : ""}`,
  };
}

function facebook(url: URL, host: string): VideoLink | undefined {
  let page: string | undefined;
  if (host === "fb.watch") page = /^\/[\w-]+\/?$/.test(url.pathname) ? `https://fb.watch${url.pathname}` : undefined;
  else if (/^\/watch\/?$/.test(url.pathname) || url.pathname === "/video.php") {
    const v = url.searchParams.get("v");
    page = v && /^\d+$/.test(v) ? `https://www.facebook.com/watch/?v=${v}` : undefined;
  } else if (/^\/plugins\/video\.php$/.test(url.pathname)) {
    const href = url.searchParams.get("href");
    return href && !href.includes("/plugins/") ? parseVideoUrl(href) : undefined;
  } else if (/^\/(?:[\w.-]+\/videos\/(?:[\w.-]+\/)?\d+|reel\/\d+)\/?$/.test(url.pathname)) {
    page = `https://www.facebook.com${url.pathname}`;
  }
  if (!page) return undefined;
  return { provider: "facebook", url: page, embed: `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(page)}&show_text=false&autoplay=true` };
}

/** `90`, `90s`, `1m30s`, `1h2m` → seconds; 0 when absent or unreadable. */
function seconds(value: string | null): number {
  if (!value) return 0;
  if (/^\d+s?$/.test(value)) return parseInt(value, 10);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : 0;
}

/**
 * Replaces, in the flow content of `tree` (top level, quotes, list items),
 * each line that is a video URL alone (plain or `<autolink>`) by an embed,
 * splitting its paragraph around it, and each pasted video `<iframe>` block.
 * Runs before anything looks at links or raw HTML. Returns the embeds made.
 */
export function embedVideos(tree: Root): number {
  let made = 0;
  const walk = (parent: Extract<Nodes, { children: unknown[] }>): void => {
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      let replacement: RootContent[] | undefined;
      if (node.type === "paragraph") replacement = splitParagraph(node);
      else if (node.type === "html") {
        const video = iframeVideo(node.value);
        if (video) replacement = [embedNode(video, node)];
      } else if (node.type === "blockquote" || node.type === "list" || node.type === "listItem") walk(node);
      if (!replacement) continue;
      made += replacement.filter(isEmbed).length;
      children.splice(i, 1, ...replacement);
      i += replacement.length - 1;
    }
  };
  walk(tree);
  return made;
}

const MAYBE_VIDEO = /youtu|facebook\.com|fb\.watch/i;

/** The paragraph's lines, with each video line made an embed; undefined when it has none. */
function splitParagraph(paragraph: Paragraph): RootContent[] | undefined {
  if (!paragraph.children.some((c) => (c.type === "text" || c.type === "link") && MAYBE_VIDEO.test(c.type === "text" ? c.value : c.url))) return undefined;
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type !== "text") {
      lines[lines.length - 1]!.push(child);
      if (child.type === "break") lines.push([]);
      continue;
    }
    child.value.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part === "") return;
      const start = child.position?.start;
      const piece: PhrasingContent = { type: "text", value: part };
      if (start) piece.position = { start: { line: start.line + i, column: i === 0 ? start.column : 1 }, end: { line: start.line + i, column: (i === 0 ? start.column : 1) + part.length } };
      lines[lines.length - 1]!.push(piece);
    });
  }
  const videos = lines.map(lineVideo);
  if (!videos.some(Boolean)) return undefined;
  const out: RootContent[] = [];
  let pending: PhrasingContent[][] = [];
  const flush = () => {
    const kept = pending.filter((line) => line.length > 0);
    pending = [];
    if (kept.length === 0) return;
    const children: PhrasingContent[] = [];
    kept.forEach((line, i) => {
      if (i > 0 && children[children.length - 1]?.type !== "break") children.push({ type: "text", value: "\n" });
      children.push(...line);
    });
    out.push({ type: "paragraph", children });
  };
  lines.forEach((line, i) => {
    const video = videos[i];
    if (!video) return void pending.push(line);
    flush();
    out.push(embedNode(video, line.find((n) => n.position) ?? paragraph));
  });
  flush();
  return out;
}

/** The video a line holds when it is only a video URL (text or autolink), whitespace aside. */
function lineVideo(line: PhrasingContent[]): VideoLink | undefined {
  const content = line.filter((n) => n.type !== "break" && !(n.type === "text" && n.value.trim() === ""));
  if (content.length !== 1) return undefined;
  const node = content[0]!;
  if (node.type === "text") return parseVideoUrl(node.value.trim());
  if (node.type === "link" && node.children.length === 1 && node.children[0]!.type === "text" && node.children[0]!.value === node.url) return parseVideoUrl(node.url);
  return undefined;
}

/** A pasted `<iframe src="…">` player of a known video site, alone in its HTML block. */
function iframeVideo(html: string): VideoLink | undefined {
  const match = /^\s*<iframe\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>\s*<\/iframe>\s*$/i.exec(html);
  const src = match?.[1] ?? match?.[2];
  return src ? parseVideoUrl(src.replace(/&amp;/g, "&").replace(/^\/\//, "https://")) : undefined;
}

function isEmbed(node: RootContent): boolean {
  return node.type === "paragraph" && node.data?.hName === "figure" && node.children.length === 0;
}

/** The embed: `<figure class="video"><a class="video-link" href="…">play button, label, address</a></figure>`. */
function embedNode(video: VideoLink, at: { position?: Paragraph["position"] }): Paragraph {
  const name = PROVIDER_NAMES[video.provider];
  const address = video.url.replace(/^https:\/\/(www\.)?/, "");
  const span = (className: string, children: ElementContent[]): ElementContent => ({ type: "element", tagName: "span", properties: { className: [className] }, children });
  const node: Paragraph = {
    type: "paragraph",
    children: [],
    data: {
      hName: "figure",
      hProperties: { className: ["video", `video-${video.provider}`], dataVideoEmbed: video.embed },
      hChildren: [
        {
          type: "element",
          tagName: "a",
          properties: { className: ["video-link"], href: video.url },
          children: [
            span("video-play", []),
            span("video-label", [span("video-on", []), { type: "text", value: ` ${name}` }]),
            span("video-address", [{ type: "text", value: address }]),
          ],
        },
      ],
    },
  };
  if (at.position) node.position = at.position;
  return node;
}
