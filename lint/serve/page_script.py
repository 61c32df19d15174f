"""The page's own JS: send the text, show the server's view, apply a fix the server made.

Every position is the server's business. The page sends the whole text and puts the fragment
it gets back in place (HTML the server escaped, from code-point offsets); a quick fix sends
the text and the finding's number and puts the text it gets back in the textarea. Nothing here
slices a string at an offset, so UTF-16 (emoji, astral letters) cannot shift a highlight.

A file is read in the browser (FileReader) and linted exactly as read: a textarea turns CR LF
into LF, so the file's own text is kept aside and sent until the editor types. Findings,
buttons and messages are built with DOM calls (``textContent``), never from strings.
"""

JS = r"""
(function () {
  "use strict";
  var body = document.body;
  var area = document.getElementById("cds-text");
  var view = document.getElementById("cds-view");
  var summary = document.getElementById("cds-summary");
  var formatSel = document.getElementById("cds-format");
  var profileSel = document.getElementById("cds-profile");
  var fileInput = document.getElementById("cds-file");
  var suffixes = JSON.parse(body.getAttribute("data-suffixes") || "{}");
  var maxBody = Number(body.getAttribute("data-max-body") || 0);
  var DEBOUNCE = 300;  // ms after the last keystroke
  var fileText = null;  // a file's text as read (CR LF kept) until the editor edits it
  var seq = 0, timer = null, last = null;

  function text() { return fileText !== null ? fileText : area.value; }

  function say(message, problem) {
    summary.textContent = message;
    summary.classList.toggle("cds-problem", !!problem);
  }

  function post(url, payload) {
    return fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload), credentials: "same-origin", cache: "no-store"
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          throw new Error(data && data.error ? data.error : "HTTP " + response.status);
        }
        return data;
      });
    });
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function describe(counts) {
    if (!counts.total) return "No findings.";
    return [plural(counts.error, "error"), plural(counts.warning, "warning"),
            plural(counts.suggestion, "suggestion")].join(" \u00b7 ");
  }

  function single(v) { return v.fix && v.fix.replacements && v.fix.replacements.length === 1; }

  function addFixButtons(docId, violations) {
    violations.forEach(function (v, i) {
      if (!single(v)) return;
      var note = document.getElementById(docId + "-" + (i + 1) + "-note");
      if (!note) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cds-apply";
      button.setAttribute("data-index", String(i));
      var r = v.fix.replacements[0];
      button.textContent = r.text ? "Apply: \u201c" + r.text + "\u201d" : "Apply: delete";
      note.appendChild(button);
    });
  }

  function showWarnings(warnings, errors) {
    var lines = (warnings || []).concat((errors || []).map(function (e) { return e.message; }));
    if (!lines.length) return;
    var list = document.createElement("ul");
    list.className = "cds-warnings";
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    view.insertBefore(list, view.firstChild);
  }

  function render(data) {
    last = data;
    view.innerHTML = data.html;  // the server's fragment: escaped there, from code points
    var files = data.json.files;
    var violations = files.length ? files[0].violations : [];
    addFixButtons(data.doc_id, violations);
    showWarnings(data.warnings, data.json.errors);
    say(describe(data.counts), data.json.errors.length > 0);
  }

  function request() {
    return { text: text(), format: formatSel.value, profile: profileSel.value };
  }

  function check() {
    clearTimeout(timer);
    var mine = ++seq;
    var payload = request();
    if (maxBody && payload.text.length * 3 > maxBody &&
        new Blob([payload.text]).size > maxBody - 4096) {
      view.setAttribute("data-state", "ready");
      say("This text is over the server's limit of " + maxBody + " bytes.", true);
      return;
    }
    view.setAttribute("data-state", "pending");
    post("/api/check", payload).then(function (data) {
      if (mine !== seq) return;  // an older answer, overtaken by a newer edit
      render(data);
      view.setAttribute("data-state", "ready");
      view.setAttribute("data-seq", String(mine));
    }).catch(function (err) {
      if (mine !== seq) return;
      say(err.message, true);
      view.setAttribute("data-state", "ready");
    });
  }

  function schedule() {
    clearTimeout(timer);
    seq++;  // an answer still on its way is for a text that no longer is
    view.setAttribute("data-state", "pending");
    timer = setTimeout(check, DEBOUNCE);
  }

  function applyFix(index) {
    if (!last) return;
    var files = last.json.files, v = files.length ? files[0].violations[index] : null;
    if (!v) return;
    var payload = request();
    payload.finding = index; payload.rule = v.rule; payload.offset = v.offset;
    view.setAttribute("data-state", "pending");
    post("/api/fix", payload).then(function (data) {
      if (fileText !== null) fileText = data.text;
      area.value = data.text;
      check();
    }).catch(function (err) {
      say(err.message, true);
      check();
    });
  }

  area.addEventListener("input", function () { fileText = null; schedule(); });
  formatSel.addEventListener("change", check);
  profileSel.addEventListener("change", check);
  view.addEventListener("click", onApply);
  document.addEventListener("click", function (e) {
    if (!view.contains(e.target)) onApply(e);  // a button in the note's pop-up copy
  });

  function onApply(e) {
    var t = e.target instanceof Element ? e.target.closest("button.cds-apply") : null;
    if (!t) return;
    e.preventDefault();
    e.stopPropagation();
    applyFix(Number(t.getAttribute("data-index")));
  }

  function guessFormat(name) {
    var dot = name.lastIndexOf(".");
    var fmt = dot >= 0 ? suffixes[name.slice(dot).toLowerCase()] : null;
    return fmt || "text";
  }

  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    if (maxBody && file.size > maxBody) {
      say(file.name + " is over the server's limit of " + maxBody + " bytes.", true);
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var read = String(reader.result);
      if (read.charCodeAt(0) === 0xfeff) read = read.slice(1);  // a BOM, as copydesk drops it
      fileText = read;
      area.value = read;
      formatSel.value = guessFormat(file.name);
      fileInput.value = "";
      check();
    };
    reader.onerror = function () { say("Could not read " + file.name, true); };
    reader.readAsText(file, "utf-8");
  });
})();
"""
