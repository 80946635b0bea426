/**
 * The live-reload client: a small script the server adds to every HTML page
 * it sends (never to the built site). It listens to the server's events:
 * `reload` reloads the page, `errors` shows them over the page, `hello`
 * carries the server's id so a restarted server reloads its tabs too.
 */

/** Where the browser listens for events (Server-Sent Events). */
export const EVENTS_PATH = "/__gazette/events";

/** Where the client script is served. */
export const CLIENT_PATH = "/__gazette/client.js";

/** The id of the overlay element that lists errors. */
export const OVERLAY_ID = "gazette-error-overlay";

const TAG = `<script src="${CLIENT_PATH}"></script>`;

/** Adds the client script to an HTML page, before its last `</body>` (at the end when there is none). */
export function injectClient(html: string): string {
  const at = html.toLowerCase().lastIndexOf("</body");
  return at === -1 ? html + TAG : html.slice(0, at) + TAG + html.slice(at);
}

/** Removes what `injectClient` added. */
export function stripClient(html: string): string {
  return html.split(TAG).join("");
}

/** The texts of the error overlay, in the writer's language. */
export interface OverlayTexts {
  title: string;
  hide: string;
}

/** The overlay's English texts. */
export const ENGLISH_OVERLAY: OverlayTexts = {
  title: "gazette: the site has errors. The page shows the last good build; fix the files and save.",
  hide: "Hide",
};

/** The client script (JavaScript) with the overlay's texts. */
export function clientScript(texts: OverlayTexts = ENGLISH_OVERLAY): string {
  return CLIENT_SCRIPT.replace("__GAZETTE_TITLE__", () => JSON.stringify(texts.title).slice(1, -1).replace(/</g, "\\u003c")).replace("__GAZETTE_HIDE__", () => JSON.stringify(texts.hide).slice(1, -1).replace(/</g, "\\u003c"));
}

const CLIENT_SCRIPT = `// gazette serve: live reload and error overlay (not part of the built site)
(function () {
  if (!window.EventSource) return;
  var id = null;
  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("hello", function (event) {
    var next = JSON.parse(event.data).id;
    if (id !== null && id !== next) location.reload();
    id = next;
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("errors", function (event) { show(JSON.parse(event.data)); });
  function hide() {
    var old = document.getElementById(${JSON.stringify(OVERLAY_ID)});
    if (old) old.remove();
  }
  function show(lines) {
    hide();
    var box = document.createElement("div");
    box.id = ${JSON.stringify(OVERLAY_ID)};
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:24px 32px;" +
      "background:rgba(24,24,27,.94);color:#f4f4f5;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left";
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 12px;font-weight:bold;color:#fca5a5";
    title.textContent = "__GAZETTE_TITLE__";
    var list = document.createElement("pre");
    list.style.cssText = "margin:0;white-space:pre-wrap;word-break:break-word";
    list.textContent = lines.join("\\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "__GAZETTE_HIDE__";
    close.style.cssText = "position:absolute;top:12px;right:16px;font:inherit;cursor:pointer";
    close.addEventListener("click", hide);
    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(list);
    document.body.appendChild(box);
  }
})();
`;
