/*
 * gazette — click-to-load videos. Each video in an article is a link to the
 * video's page, with a local poster: nothing is requested from the video
 * host until the reader clicks. Then the link makes way for the player.
 * A click with a modifier key (new tab, new window) keeps the plain link.
 */
document.addEventListener("click", function (event) {
  var target = event.target;
  var link = target && target.closest ? target.closest("figure.video a.video-link") : null;
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  var figure = link.parentNode;
  var src = figure.getAttribute("data-video-embed");
  if (!src || !/^https:\/\//.test(src)) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = src;
  frame.title = link.querySelector(".video-label") ? link.querySelector(".video-label").textContent : link.textContent;
  frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  figure.replaceChild(frame, link);
  figure.classList.add("is-playing");
  frame.focus();
});
