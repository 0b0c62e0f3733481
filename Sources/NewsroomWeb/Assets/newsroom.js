(function () {
  "use strict";
  /* The ids, data- attributes, URLs and query keys the page uses: declared in ScriptHooks.swift, which the server puts
     before this file as NEWSROOM_PAGE. */
  var H = NEWSROOM_PAGE;
  /* A video in an article: nothing of the video site loads until the reader clicks its placeholder. */
  document.querySelectorAll("a.video-link[data-player]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      var player = link.getAttribute("data-player");
      if (!/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(player)) return;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = player;
      frame.title = link.textContent;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video-frame";
      link.replaceWith(frame);
      frame.focus();
    });
  });
  var section = document.getElementById(H.ids.section);
  if (!section || !window.fetch) return;
  var T = JSON.parse(document.getElementById(H.ids.strings).textContent);
  var articleId = section.getAttribute(H.data.articleID);
  var articlePath = section.getAttribute(H.data.articlePath);
  var numberFormat = new Intl.NumberFormat("vi-VN");
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter("vi", { granularity: "grapheme" }) : null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function number(n) { return numberFormat.format(n); }

  /* Visible characters of the text the server will store: NFC, trimmed, counted in grapheme clusters. */
  function visibleLength(text) {
    var stored = text.replace(/\r\n?/g, "\n").normalize("NFC").trim();
    if (!segmenter) return Array.from(stored).length;
    var count = 0;
    for (var it = segmenter.segment(stored)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) count++;
    return count;
  }

  function formError(form, message) {
    var box = form.querySelector(".form-error");
    if (!message) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("p");
      box.className = "form-error";
      box.setAttribute("role", "alert");
      form.insertBefore(box, form.firstChild);
    }
    box.textContent = message;
  }

  function updateCounter(form) {
    var textarea = form.querySelector("textarea");
    var counter = form.querySelector("[" + H.data.counter + "]");
    var button = form.querySelector("button[type=submit]");
    var limit = parseInt(textarea.getAttribute(H.data.maxLength), 10);
    var length = visibleLength(textarea.value);
    var remaining = limit - length;
    var over = remaining < 0;
    /* Nothing typed: the line reads "Tối đa: 1500 ký tự" alone, as the page does without JavaScript. */
    counter.textContent = length === 0 ? "" :
      over ? fill(T.over, { n: number(-remaining) }) : fill(T.remaining, { n: number(remaining) });
    counter.classList.toggle("over", over);
    button.disabled = over;
    textarea.setAttribute("aria-invalid", over ? "true" : "false");
    var hint = form.querySelector("[" + H.data.limitMessage + "]");
    if (over) {
      if (!hint) {
        hint = document.createElement("p");
        hint.className = "form-error";
        hint.setAttribute(H.data.limitMessage, "");
        hint.setAttribute("role", "alert");
        form.querySelector(".form-footer").before(hint);
      }
      hint.textContent = fill(T.tooLong, { n: number(length), max: number(limit) });
    } else if (hint) {
      hint.remove();
    }
  }

  function shortTime(iso) {
    /* "2026-11-29T16:41:05+07:00" is already in GMT+7: "16:41 29/11/2026". */
    return iso.slice(11, 16) + " " + iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function likeLabel(count) { return T.like + " · " + number(count); }

  /* Web addresses in a comment become links marked ugc nofollow, as the server renders them. */
  function commentBody(node, text) {
    node.textContent = "";
    var pattern = /https?:\/\/[^\s<>"]+/gi, last = 0, match;
    while ((match = pattern.exec(text))) {
      var url = match[0].replace(/[.,;:!?)\]}'\u2026]+$/, "");
      if (match.index > 0 && /\p{L}/u.test(text.charAt(match.index - 1)) || url.length <= 8) continue;
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = element("a", null, url);
      link.href = url;
      link.rel = "ugc nofollow noopener";
      node.appendChild(link);
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  function renderComment(c) {
    var isReply = c.parentId !== null;
    var article = element("article", isReply ? "comment comment-reply" : "comment");
    article.id = H.ids.comment + c.id;
    var header = element("header", "comment-header");
    header.appendChild(element("strong", "comment-author", c.author));
    if (c.verified) {
      var badge = element("span", "comment-verified", "✓ " + T.verified);
      badge.title = T.verifiedTitle;
      header.appendChild(badge);
    }
    var time = element("a", "comment-time");
    time.href = "#" + H.ids.comment + c.id;
    var stamp = element("time", null, shortTime(c.createdAt));
    stamp.setAttribute("datetime", c.createdAt);
    time.appendChild(stamp);
    header.appendChild(time);
    article.appendChild(header);
    if (isReply && c.replyTo && c.replyTo.id !== c.parentId) {
      var to = element("p", "comment-reply-to", T.replyingTo + " ");
      var link = element("a", null, "@" + c.replyTo.author);
      link.href = "#" + H.ids.comment + c.replyTo.id;
      to.appendChild(link);
      article.appendChild(to);
    }
    article.appendChild(commentBody(element("p", "comment-body"), c.body));
    var footer = element("footer", "comment-actions");
    var like = element("form", "like-form");
    like.method = "post";
    like.action = fill(H.routes.like, { id: c.id });
    var button = element("button", "like", likeLabel(c.likes));
    button.type = "submit";
    button.setAttribute("aria-label", T.like + " (" + c.likes + ")");
    like.appendChild(button);
    footer.appendChild(like);
    /* As the server renders it: a comment shown in place can be reported like any other. */
    var report = element("a", "report-link", T.report);
    report.href = fill(H.routes.report, { id: c.id });
    report.rel = "nofollow";
    footer.appendChild(report);
    var reply = element("a", "reply-link", T.reply);
    reply.href = articlePath + "?" + H.query.replyTo + "=" + c.id + "#" + H.ids.replyForm + c.id;
    footer.appendChild(reply);
    article.appendChild(footer);
    return article;
  }

  function listContainer() {
    var list = document.getElementById(H.ids.list);
    if (list) return list;
    /* The first comment: the empty-state line gives way to the count and the list. */
    var toolbar = element("div", "comments-toolbar");
    toolbar.id = H.ids.toolbar;
    toolbar.appendChild(element("p", "comments-count"));
    list = element("div", "comment-list");
    list.id = H.ids.list;
    var empty = section.querySelector(".comments-empty");
    if (empty) empty.replaceWith(toolbar); else section.appendChild(toolbar);
    toolbar.after(list);
    return list;
  }

  function setCount(total) {
    var count = section.querySelector(".comments-count");
    section.setAttribute(H.data.total, String(total));
    if (count) count.textContent = fill(T.commentCount, { n: number(total) });
  }

  function bumpCount() { setCount(parseInt(section.getAttribute(H.data.total) || "0", 10) + 1); }

  /* `live`: sent by another reader, so the page neither counts it (the event carries the count) nor
     scrolls away from what this reader is reading. */
  function insertComment(c, live) {
    /* The stream and this reader's own post can both bring the same comment; it is shown once. */
    if (document.getElementById(H.ids.comment + c.id)) return;
    var node = renderComment(c);
    if (c.parentId === null) {
      var thread = element("div", "thread");
      thread.appendChild(node);
      var list = listContainer();
      /* The featured comments stay first. */
      var featured = list.querySelector(":scope > .featured-comments");
      list.insertBefore(thread, featured ? featured.nextSibling : list.firstChild);
    } else {
      var top = document.getElementById(H.ids.comment + c.parentId);
      if (!top) return;
      var threadNode = top.closest(".thread");
      var replies = threadNode.querySelector(".replies");
      if (!replies) { replies = element("div", "replies"); threadNode.appendChild(replies); }
      replies.appendChild(node);
    }
    node.classList.add("is-new");
    if (live) return;
    bumpCount();
    node.scrollIntoView({ block: "nearest" });
  }

  function showNotice(form, message) {
    var notice = form.previousElementSibling;
    if (!notice || !notice.hasAttribute(H.data.notice)) {
      notice = element("p", "notice");
      notice.setAttribute(H.data.notice, "");
      notice.setAttribute("role", "status");
      form.before(notice);
    }
    notice.textContent = message;
  }

  function submitComment(form) {
    var data = new FormData(form);
    var button = form.querySelector("button[type=submit]");
    var parent = data.get("parentId");
    var payload = {
      author: data.get("author") || "", email: data.get("email") || "", body: data.get("body") || "",
      parentId: parent ? parseInt(parent, 10) : null, website: data.get("website") || "",
      formToken: data.get("formToken") || ""
    };
    /* Set by embed-frame.js when the host site of an embedded section signed its reader in. */
    if (window.NEWSROOM_SIGN_IN) payload.signIn = window.NEWSROOM_SIGN_IN;
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    fetch(fill(H.routes.comments, { id: articleId }), {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload), credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) {
        formError(form, result.body.error ? result.body.error.message : T.networkError);
        return;
      }
      formError(form, null);
      showNotice(form, result.body.notice);
      if (result.body.comment.status === "published") insertComment(result.body.comment);
      form.querySelector("textarea").value = "";
      updateCounter(form);
      if (form.classList.contains("reply-form")) form.remove();
    }).catch(function () {
      formError(form, T.networkError);
    }).then(function () {
      form.removeAttribute("aria-busy");
      if (document.body.contains(form)) updateCounter(form);
    });
  }

  function openReplyForm(link) {
    var comment = link.closest(".comment");
    var id = comment.id.replace(H.ids.comment, "");
    var existing = document.getElementById(H.ids.replyForm + id);
    if (existing) { existing.querySelector("textarea").focus(); return; }
    var main = document.getElementById(H.ids.newComment);
    var form = main.cloneNode(true);
    form.id = H.ids.replyForm + id;
    form.classList.add("reply-form");
    form.querySelectorAll("[id]").forEach(function (node) { node.id = node.id.replace(H.ids.newComment, H.ids.replyForm + id); });
    form.querySelectorAll("[for]").forEach(function (node) {
      node.setAttribute("for", node.getAttribute("for").replace(H.ids.newComment, H.ids.replyForm + id));
    });
    form.querySelectorAll("[aria-describedby]").forEach(function (node) {
      node.setAttribute("aria-describedby", node.getAttribute("aria-describedby").split(H.ids.newComment).join(H.ids.replyForm + id));
    });
    form.querySelectorAll(".form-error, [" + H.data.notice + "]").forEach(function (node) { node.remove(); });
    var parent = document.createElement("input");
    parent.type = "hidden";
    parent.name = "parentId";
    parent.value = id;
    form.insertBefore(parent, form.firstChild);
    var textarea = form.querySelector("textarea");
    textarea.value = "";
    textarea.rows = 3;
    form.querySelector("label[for$='-body']").textContent = T.reply + " " + comment.querySelector(".comment-author").textContent;
    form.querySelector("button[type=submit]").textContent = T.submitReply;
    ["author", "email"].forEach(function (name) { form.elements[name].value = main.elements[name].value; });
    comment.appendChild(form);
    updateCounter(form);
    textarea.focus();
  }

  function like(form) {
    var id = form.closest(".comment").id.replace(H.ids.comment, "");
    var button = form.querySelector("button");
    button.disabled = true;
    fetch(fill(H.routes.likes, { id: id }), {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" }, body: "{}",
      credentials: "same-origin"
    })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (result) {
        if (!result.ok) return;
        button.textContent = likeLabel(result.body.likes);
        button.setAttribute("aria-label", T.like + " (" + result.body.likes + ")");
        button.setAttribute("aria-pressed", "true");
      })
      .catch(function () {})
      .then(function () { button.disabled = false; });
  }
  /* Sorting and "Xem thêm": fetch the same page the link names and take the parts that change. */
  function loadComments(link, append) {
    link.setAttribute("aria-busy", "true");
    fetch(link.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var list = document.getElementById(H.ids.list);
        var fresh = page.getElementById(H.ids.list);
        if (!list || !fresh) { window.location.href = link.href; return; }
        if (append) {
          Array.prototype.slice.call(fresh.children).forEach(function (child) { list.appendChild(document.adoptNode(child)); });
        } else {
          list.replaceWith(document.adoptNode(fresh));
          var toolbar = document.getElementById(H.ids.toolbar);
          var freshToolbar = page.getElementById(H.ids.toolbar);
          if (toolbar && freshToolbar) toolbar.replaceWith(document.adoptNode(freshToolbar));
          history.replaceState(null, "", link.href.split("#")[0]);
        }
        var more = document.getElementById(H.ids.more);
        var freshMore = page.getElementById(H.ids.more);
        if (more && freshMore) more.replaceWith(document.adoptNode(freshMore));
        else if (more) more.remove();
        else if (freshMore) document.getElementById(H.ids.list).after(document.adoptNode(freshMore));
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
    var form = event.target.closest("[" + H.data.commentForm + "]");
    if (form && event.target.tagName === "TEXTAREA") updateCounter(form);
  });
  section.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute(H.data.commentForm)) { event.preventDefault(); submitComment(form); }
    else if (form.classList.contains("like-form")) { event.preventDefault(); like(form); }
  });
  section.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (link.classList.contains("reply-link")) { event.preventDefault(); openReplyForm(link); }
    else if (link.closest(".sort")) { event.preventDefault(); loadComments(link, false); }
    else if (link.closest("#" + H.ids.more)) { event.preventDefault(); loadComments(link, true); }
    else if (link.closest(".more-replies")) { event.preventDefault(); loadReplies(link); }
  });
  section.querySelectorAll("[" + H.data.commentForm + "]").forEach(function (form) {
    if (form.querySelector("textarea").value) updateCounter(form);
  });

  /* Live: comments published, corrected, removed or liked anywhere arrive without a reload. EventSource
     reconnects by itself after a drop and sends Last-Event-ID, so the server replays what was missed. */
  function sortedNewest() {
    var current = section.querySelector('.sort [aria-current="true"]');
    return !current || current.getAttribute("href").indexOf("sort=") === -1;
  }
  function commentNode(id) { return document.getElementById(H.ids.comment + id); }
  var events = section.getAttribute(H.data.events);
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
      var copy = document.getElementById("noi-bat-" + data.id);
      if (copy) copy.parentElement.remove();
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
