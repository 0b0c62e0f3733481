(function () {
  "use strict";
  /* An embedded comment section's frame (EmbedPage), beside newsroom.js, which runs the section itself. The ids and
     data- attributes are NEWSROOM_PAGE's (ScriptHooks.swift), which the server puts before this file. */
  var H = NEWSROOM_PAGE;
  var embed = document.querySelector("[" + H.data.embedOrigins + "]");
  var section = document.getElementById(H.ids.section);
  if (!embed || !section) return;
  var T = JSON.parse(document.getElementById(H.ids.strings).textContent);

  /* The host site may sign its reader in: a JWT in the frame's fragment, which no request carries. The name and e-mail
     fields give way to the name it vouches for; the server checks the signature when the comment is sent. */
  function readSignIn() {
    var match = /(?:^#|&)dang-nhap=([^&]+)/.exec(location.hash);
    if (!match) return null;
    try {
      var token = decodeURIComponent(match[1]);
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      var bytes = Uint8Array.from(atob(part), function (ch) { return ch.charCodeAt(0); });
      var claims = JSON.parse(new TextDecoder().decode(bytes));
      return typeof claims.name === "string" && claims.name ? { token: token, name: claims.name, email: claims.email || "" } : null;
    } catch (error) {
      return null;
    }
  }
  var signIn = readSignIn();
  if (signIn) {
    window.NEWSROOM_SIGN_IN = signIn.token;
    /* Reply forms are copies of the main form, so they carry the same. */
    section.querySelectorAll("[" + H.data.commentForm + "]").forEach(function (form) {
      form.elements.author.value = signIn.name;
      if (form.elements.email) form.elements.email.value = signIn.email;
      var row = form.querySelector(".form-row");
      if (!row || form.querySelector(".signed-in")) return;
      row.hidden = true;
      var note = document.createElement("p");
      note.className = "signed-in";
      note.textContent = T.signedIn.replace("{name}", signIn.name);
      row.before(note);
    });
  }

  /* A report is a form of its own on the comments host: it opens in a tab, not inside the frame. */
  section.addEventListener("click", function (event) {
    var link = event.target.closest("a.report-link");
    if (link) { link.target = "_blank"; link.rel = "nofollow noopener"; }
  }, true);

  /* Tell the host page how tall the section is, so its frame grows and shrinks with it. */
  if (window.parent === window) return;
  var origins = embed.getAttribute(H.data.embedOrigins).split(" ").filter(Boolean);
  var lastHeight = 0;
  function tellHeight() {
    var height = Math.ceil(embed.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    origins.forEach(function (origin) { window.parent.postMessage({ type: "newsroom:height", height: height }, origin); });
  }
  if (window.ResizeObserver) new ResizeObserver(tellHeight).observe(embed);
  window.addEventListener("load", tellHeight);
  tellHeight();
})();
