(function () {
  "use strict";
  /* The ids, data- attributes and URLs the desk uses: declared in ScriptHooks.swift, which the server puts before this
     file as NEWSROOM_DESK. */
  var H = NEWSROOM_DESK;
  var meta = document.querySelector("meta[name=" + H.meta.csrf + "]");
  if (!meta || !window.fetch) return;
  var csrf = meta.content;
  var baseTitle = document.title;

  function refreshCounts() {
    fetch(H.routes.counts, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (counts) {
        if (!counts) return;
        document.querySelectorAll("[" + H.data.count + "]").forEach(function (badge) {
          var value = counts[badge.getAttribute(H.data.count)];
          if (value !== undefined) badge.textContent = String(value);
        });
        document.title = (counts.pending > 0 ? "(" + counts.pending + ") " : "") + baseTitle;
      })
      .catch(function () {});
  }
  refreshCounts();
  setInterval(refreshCounts, 15000);

  var items = function () { return Array.prototype.slice.call(document.querySelectorAll(".desk-item")); };
  var current = null;

  function select(item) {
    if (current) current.classList.remove("is-current");
    current = item;
    if (!item) return;
    item.classList.add("is-current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var list = items();
    if (!list.length) return;
    var index = current ? list.indexOf(current) : -1;
    select(list[Math.max(0, Math.min(list.length - 1, index + step))] || list[0]);
  }

  function announce(text) {
    var box = document.getElementById(H.ids.status);
    if (!box) {
      box = document.createElement("p");
      box.id = H.ids.status;
      box.className = "notice";
      box.setAttribute("role", "status");
      var list = document.querySelector(".desk-list");
      if (list) list.parentNode.insertBefore(box, list);
      else document.getElementById(H.ids.photoUpload).appendChild(box);
    }
    box.textContent = text;
  }

  function act(action) {
    if (!current) return;
    var item = current;
    var id = item.getAttribute(H.data.commentID);
    var button = item.querySelector("[" + H.data.action + "=" + action + "]");
    fetch(H.routes.act.replace("{id}", id).replace("{action}", action), {
      method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf, "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      var list = items();
      var next = list[list.indexOf(item) + 1] || list[list.indexOf(item) - 1] || null;
      announce(button.textContent + ": " + item.querySelector(".comment-author").textContent);
      item.remove();
      select(next);
      refreshCounts();
    }).catch(function () { if (button) button.click(); });
  }

  function toggleHelp() {
    var dialog = document.getElementById(H.ids.shortcuts);
    if (!dialog) return;
    if (dialog.open) dialog.close(); else dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    var handled = true;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": act("approve"); break;
      case "r": act("reject"); break;
      case "s": act("spam"); break;
      case "x": if (current) { var box = current.querySelector("input[type=checkbox]"); box.checked = !box.checked; } break;
      case "e":
        if (current) {
          var details = current.querySelector("details.desk-edit");
          details.open = true;
          details.querySelector("textarea").focus();
        }
        break;
      case "?": toggleHelp(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });
  document.querySelectorAll(".desk-item").forEach(function (item) {
    item.addEventListener("click", function (event) { if (!event.target.closest("a, button, summary, textarea, input")) select(item); });
  });
  if (items().length) select(items()[0]);

  /* The article form: a photo is uploaded on its own and its Markdown line put where the cursor is. */
  var upload = document.getElementById(H.ids.photoUpload);
  var markdown = document.getElementById(H.ids.markdown);
  if (upload && markdown) {
    upload.querySelector("button").addEventListener("click", function (event) {
      var file = upload.querySelector("input[type=file]");
      if (!file.files.length) return;
      event.preventDefault();
      var data = new FormData();
      data.append("photo", file.files[0]);
      data.append("photo_alt", upload.querySelector("[name=photo_alt]").value);
      data.append("photo_caption", upload.querySelector("[name=photo_caption]").value);
      fetch(H.routes.uploadPhoto, { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf }, body: data })
        .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
        .then(function (result) {
          if (!result.ok) { announce(result.body.error.message); return; }
          var start = markdown.selectionStart, end = markdown.selectionEnd, text = markdown.value;
          var before = text.slice(0, start), after = text.slice(end);
          var line = (before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "") + result.body.markdown + "\n\n";
          markdown.value = before + line + after;
          markdown.selectionStart = markdown.selectionEnd = before.length + line.length;
          markdown.focus();
          file.value = "";
          upload.querySelector("[name=photo_alt]").value = "";
          upload.querySelector("[name=photo_caption]").value = "";
          announce("Đã chèn ảnh vào nội dung.");
        })
        .catch(function () { upload.closest("form").requestSubmit(event.target); });
    });
  }
})();
