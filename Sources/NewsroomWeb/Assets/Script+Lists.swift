extension Assets {
    /// Sorting, "Xem thêm bình luận" and "Xem thêm trả lời" without a reload, and the event wiring; the second half
    /// of the page script (it closes the function `scriptCore` opens).
    static let scriptLists = #"""
          /* Sorting and "Xem thêm": fetch the same page the link names and take the parts that change. */
          function loadComments(link, append) {
            link.setAttribute("aria-busy", "true");
            fetch(link.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
              .then(function (response) { return response.text(); })
              .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var list = document.getElementById("danh-sach-binh-luan");
                var fresh = page.getElementById("danh-sach-binh-luan");
                if (!list || !fresh) { window.location.href = link.href; return; }
                if (append) {
                  Array.prototype.slice.call(fresh.children).forEach(function (child) { list.appendChild(document.adoptNode(child)); });
                } else {
                  list.replaceWith(document.adoptNode(fresh));
                  var toolbar = document.getElementById("thanh-binh-luan");
                  var freshToolbar = page.getElementById("thanh-binh-luan");
                  if (toolbar && freshToolbar) toolbar.replaceWith(document.adoptNode(freshToolbar));
                  history.replaceState(null, "", link.href.split("#")[0]);
                }
                var more = document.getElementById("xem-them");
                var freshMore = page.getElementById("xem-them");
                if (more && freshMore) more.replaceWith(document.adoptNode(freshMore));
                else if (more) more.remove();
                else if (freshMore) document.getElementById("danh-sach-binh-luan").after(document.adoptNode(freshMore));
              })
              .catch(function () { window.location.href = link.href; });
          }

          function loadReplies(link) {
            var thread = link.closest(".thread");
            fetch(link.href, { credentials: "same-origin" })
              .then(function (response) { return response.text(); })
              .then(function (html) {
                var page = new DOMParser().parseFromString(html, "text/html");
                var top = thread.querySelector(".comment");
                var fresh = page.getElementById(top.id);
                var replies = fresh && fresh.closest(".thread").querySelector(".replies");
                if (!replies) { window.location.href = link.href; return; }
                thread.querySelector(".replies").replaceWith(document.adoptNode(replies));
              })
              .catch(function () { window.location.href = link.href; });
          }

          section.addEventListener("input", function (event) {
            var form = event.target.closest("[data-comment-form]");
            if (form && event.target.tagName === "TEXTAREA") updateCounter(form);
          });
          section.addEventListener("submit", function (event) {
            var form = event.target;
            if (form.hasAttribute("data-comment-form")) { event.preventDefault(); submitComment(form); }
            else if (form.classList.contains("like-form")) { event.preventDefault(); like(form); }
          });
          section.addEventListener("click", function (event) {
            var link = event.target.closest("a");
            if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            if (link.classList.contains("reply-link")) { event.preventDefault(); openReplyForm(link); }
            else if (link.closest(".sort")) { event.preventDefault(); loadComments(link, false); }
            else if (link.closest("#xem-them")) { event.preventDefault(); loadComments(link, true); }
            else if (link.closest(".more-replies")) { event.preventDefault(); loadReplies(link); }
          });
          section.querySelectorAll("[data-comment-form]").forEach(function (form) {
            if (form.querySelector("textarea").value) updateCounter(form);
          });

          /* Live: comments published, corrected, removed or liked anywhere arrive without a reload. EventSource
             reconnects by itself after a drop and sends Last-Event-ID, so the server replays what was missed. */
          function sortedNewest() {
            var current = section.querySelector('.sort [aria-current="true"]');
            return !current || current.getAttribute("href").indexOf("sort=") === -1;
          }
          function commentNode(id) { return document.getElementById("binh-luan-" + id); }
          var events = section.getAttribute("data-events");
          if (events && window.EventSource) {
            /* Screen readers hear who just commented, without losing their place. */
            var announcer = element("p", "visually-hidden");
            announcer.setAttribute("role", "status");
            section.appendChild(announcer);
            var source = new EventSource(events);
            source.addEventListener("comment", function (event) {
              var data = JSON.parse(event.data);
              if (!commentNode(data.comment.id) && (data.comment.parentId !== null || sortedNewest())) {
                insertComment(data.comment, true);
                announcer.textContent = fill(T.liveComment, { author: data.comment.author });
              }
              setCount(data.count);
            });
            source.addEventListener("edited", function (event) {
              var data = JSON.parse(event.data);
              var node = commentNode(data.comment.id);
              var body = node && node.querySelector(".comment-body");
              if (body) commentBody(body, data.comment.body);
            });
            source.addEventListener("removed", function (event) {
              var data = JSON.parse(event.data);
              var node = commentNode(data.id);
              if (node) {
                var thread = node.parentElement;
                (thread && thread.classList.contains("thread") ? thread : node).remove();
              }
              setCount(data.count);
            });
            source.addEventListener("likes", function (event) {
              var data = JSON.parse(event.data);
              var node = commentNode(data.id);
              var button = node && node.querySelector("button.like");
              if (!button) return;
              button.textContent = likeLabel(data.likes);
              button.setAttribute("aria-label", T.like + " (" + data.likes + ")");
            });
            /* Too far behind for a replay (a long sleep, say): the list is loaded again, the form left as it is. */
            source.addEventListener("reset", function () {
              var current = section.querySelector('.sort [aria-current="true"]');
              if (current) loadComments(current, false);
            });
          }
        })();
        """#
}
