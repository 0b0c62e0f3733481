/* Newsroom's comments in another site's page. The page carries
     <div data-newsroom-comments data-url="CANONICAL_URL" data-title="TITLE"><a href="…/nhung/trang?url=…">Bình luận</a></div>
     <script src="https://COMMENTS.HOST/embed.js" async></script>
   and this script puts the comment section there in a frame served by the comments host: the host page's CSS and
   scripts cannot reach into it, nor it into them. The frame says how tall it is (postMessage) and grows with it.
   A reader the host site signed in is passed as data-token (a JWT the host signs); it travels in the frame's
   fragment, which is never sent to a server. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL) return;
  var host = new URL(script.src, location.href);
  var frames = [];

  function mount(slot) {
    if (slot.getAttribute("data-newsroom-mounted")) return;
    slot.setAttribute("data-newsroom-mounted", "true");
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = slot.getAttribute("data-url") || (canonical && canonical.href) || location.href.split("#")[0];
    var title = slot.getAttribute("data-title") || document.title;
    var src = host.origin + "/nhung?url=" + encodeURIComponent(url) + "&title=" + encodeURIComponent(title);
    var token = slot.getAttribute("data-token");
    if (token) src += "#dang-nhap=" + encodeURIComponent(token);
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = slot.getAttribute("data-frame-title") || "Bình luận";
    frame.setAttribute("loading", "lazy");
    frame.style.cssText = "display:block;width:100%;min-height:360px;border:0;overflow:hidden;color-scheme:normal";
    frame.setAttribute("scrolling", "no");
    while (slot.firstChild) slot.removeChild(slot.firstChild);
    slot.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== host.origin || !event.data || event.data.type !== "newsroom:height") return;
    var height = Math.max(0, Math.min(Number(event.data.height) || 0, 200000));
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = height + "px";
    });
  });

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-newsroom-comments]"), mount);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
