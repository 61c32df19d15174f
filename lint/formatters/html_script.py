"""The JS of the HTML report and of the serve page: move from finding to finding, show notes.

Inlined (no network). Keys: ``j``/``n`` next finding, ``k``/``p`` previous, Escape hides the
note. Marks are also Tab stops (each finding's first piece has ``tabindex="0"``). Focusing
or clicking a mark outlines every piece of its finding, shows its note beside the mark (a
copy built with DOM calls from the note already on the page: never from strings) and marks
the note in the margin. The findings are read from the DOM at each key, so a page that
replaces its documents needs no re-initialisation; ``window.copydeskFindings`` exposes
``show(index)``, ``next()``, ``prev()`` and ``current()`` for it.
"""

JS = r"""
(function () {
  "use strict";
  if (window.copydeskFindings) return;
  var cur = -1, tip = null;
  var hovered = false;  // the note shown is the pointer's, not the focused finding's
  function notes() {
    var found = document.querySelectorAll(".cd-notes > li.cd-note[data-finding]");
    return Array.prototype.slice.call(found);
  }
  function pieces(id) { return document.querySelectorAll('mark[data-finding~="' + id + '"]'); }
  function indexOf(id) {
    var list = notes();
    for (var i = 0; i < list.length; i++) if (list[i].getAttribute("data-finding") === id) return i;
    return -1;
  }
  function clear() {
    document.querySelectorAll(".cd-current, .cd-note.cd-active").forEach(function (el) {
      el.classList.remove("cd-current", "cd-active");
    });
  }
  function hideTip() { if (tip) tip.hidden = true; }
  function showTip(anchor, ids) {
    if (!anchor) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "cd-tip"; tip.id = "cd-tip"; tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    ids.forEach(function (id) {
      var note = document.getElementById(id + "-note");
      if (!note) return;
      var copy = note.cloneNode(true);
      copy.removeAttribute("id");
      copy.removeAttribute("data-finding");  // a copy, not one of the findings
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      copy.classList.remove("cd-active");
      tip.appendChild(copy);
    });
    tip.hidden = false;
    var r = anchor.getBoundingClientRect();
    var width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function show(i, focus) {
    var list = notes();
    if (!list.length) return;
    i = Math.max(0, Math.min(i, list.length - 1));
    clear();
    cur = i;
    var id = list[i].getAttribute("data-finding"), ps = pieces(id);
    ps.forEach(function (el) { el.classList.add("cd-current"); });
    list[i].classList.add("cd-active");
    var margin = list[i].closest(".cd-margin");
    if (margin && margin.scrollHeight > margin.clientHeight) {
      margin.scrollTop = Math.max(0, list[i].offsetTop - 40);  // the margin scrolls by itself
    }
    var first = ps[0];
    if (focus && first) {
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center", inline: "nearest" });
    }
    hovered = false;
    showTip(first, [id]);
  }
  function firstId(mark) {
    var ids = mark.getAttribute("data-first") || mark.getAttribute("data-finding") || "";
    return ids.split(" ")[0];
  }
  document.addEventListener("focusin", function (e) {
    var t = e.target;
    if (!(t instanceof Element) || !t.matches("mark.cd-finding")) return;
    var ids = (t.getAttribute("data-finding") || "").split(" ");
    // the keys moved focus here for the current finding: keep it (two may start here)
    var listed = notes()[cur], id = listed ? listed.getAttribute("data-finding") : null;
    if (id && ids.indexOf(id) >= 0 && t === pieces(id)[0]) return;
    var i = indexOf(firstId(t));
    if (i >= 0) show(i, false);
  });
  document.addEventListener("click", function (e) {
    var t = e.target instanceof Element ? e.target : null;
    var mark = t && t.closest("mark.cd-finding");
    if (mark) { var i = indexOf(firstId(mark)); if (i >= 0) show(i, true); return; }
    var link = t && t.closest("a.cd-note-n");
    if (link) {
      e.preventDefault();
      var note = link.closest("li.cd-note");
      var j = note ? indexOf(note.getAttribute("data-finding")) : -1;
      if (j >= 0) show(j, true);
      return;
    }
    if (!(t && t.closest(".cd-tip"))) hideTip();
  });
  document.addEventListener("mouseover", function (e) {
    var t = e.target instanceof Element ? e.target.closest("mark.cd-finding") : null;
    if (!t) return;
    hovered = true;
    showTip(t, (t.getAttribute("data-finding") || "").split(" "));
  });
  document.addEventListener("mouseout", function (e) {
    var from = e.target instanceof Element ? e.target.closest("mark.cd-finding") : null;
    var to = e.relatedTarget instanceof Element ? e.relatedTarget : null;
    if (!from || !hovered || (to && to.closest(".cd-tip, mark.cd-finding"))) return;
    hovered = false;
    var list = notes();  // back to the focused finding's note, or none
    if (cur >= 0 && list[cur]) {
      var id = list[cur].getAttribute("data-finding");
      showTip(pieces(id)[0], [id]);
    } else hideTip();
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/;
    if (t instanceof Element && (t.isContentEditable || typing.test(t.tagName))) return;
    if (e.key === "j" || e.key === "n") { e.preventDefault(); show(cur + 1, true); }
    else if (e.key === "k" || e.key === "p") {
      e.preventDefault(); show(cur < 0 ? 0 : cur - 1, true);
    }
    else if (e.key === "Escape") { hideTip(); }
  });
  window.copydeskFindings = {
    show: function (i) { show(i, true); },
    next: function () { show(cur + 1, true); },
    prev: function () { show(cur - 1, true); },
    current: function () { return cur; }
  };
})();
"""
