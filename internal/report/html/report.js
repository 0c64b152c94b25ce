// The report's behavior: sorting the route table, opening a route's query
// list, filtering the findings, copying statements. The page is whole
// without it: every query list is open and every finding shown.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function say(el, text) {
    if (el) { el.textContent = text; }
  }

  // Route table: one <tbody> per route (its row and its query list), so
  // that sorting moves both together.
  function setupRoutes(table) {
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    table.parentNode.insertBefore(status, table.nextSibling);
    var headers = table.querySelectorAll("thead th");

    function sortRoutes(key, dir) {
      var sign = dir === "ascending" ? 1 : -1;
      var bodies = Array.prototype.slice.call(table.tBodies);
      bodies.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var c = key === "name" ? (x < y ? -1 : x > y ? 1 : 0) : parseFloat(x) - parseFloat(y);
        // Ties keep the report's order, whichever the direction.
        return c !== 0 ? sign * c : parseFloat(a.dataset.order) - parseFloat(b.dataset.order);
      });
      bodies.forEach(function (b) { table.appendChild(b); });
    }

    table.querySelectorAll("thead button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.closest("th");
        var now = th.getAttribute("aria-sort");
        var dir = now === "descending" ? "ascending" : now === "ascending" ? "descending" : (button.dataset.first || "descending");
        sortRoutes(button.dataset.sort, dir);
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        say(status, "Routes sorted by " + button.textContent.trim() + ", " + dir + ".");
      });
    });

    table.querySelectorAll("button.expand").forEach(function (button) {
      var list = document.getElementById(button.getAttribute("aria-controls"));
      if (!list) { return; }
      function set(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        list.hidden = !open;
      }
      set(false);
      button.addEventListener("click", function () {
        set(button.getAttribute("aria-expanded") !== "true");
      });
    });

    // A link to a route (#route-3) opens its query list.
    function openTarget() {
      var id = decodeURIComponent(location.hash.slice(1));
      var body = id && document.getElementById(id);
      if (body && body.tagName === "TBODY") {
        var button = body.querySelector("button.expand");
        if (button && button.getAttribute("aria-expanded") !== "true") { button.click(); }
      }
    }
    window.addEventListener("hashchange", openTarget);
    openTarget();
  }

  // Findings: shown when both their check and their severity are ticked.
  function setupFilters(form) {
    var cards = document.querySelectorAll("article.finding");
    var shown = document.getElementById("findings-shown");
    function apply() {
      var on = { check: {}, severity: {} };
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        on[box.name][box.value] = box.checked;
      });
      var n = 0;
      cards.forEach(function (card) {
        var show = on.check[card.dataset.check] !== false && on.severity[card.dataset.severity] !== false;
        card.hidden = !show;
        if (show) { n++; }
      });
      say(shown, n === cards.length ? "Showing all " + n + " findings." : "Showing " + n + " of " + cards.length + " findings.");
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  // Copy buttons: the clipboard API where the page may use it (opened
  // from disk it often may not), else a selection and execCommand.
  function setupCopy(button) {
    var label = button.textContent;
    function done(ok) {
      button.textContent = ok ? "Copied" : "Press Ctrl+C to copy";
      setTimeout(function () { button.textContent = label; }, 2000);
    }
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      if (!source) { return; }
      function fallback() {
        var range = document.createRange();
        range.selectNodeContents(source);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
  }

  var table = document.getElementById("route-table");
  if (table) { setupRoutes(table); }
  var form = document.querySelector("form.filters");
  if (form) { setupFilters(form); }
  document.querySelectorAll("button.copy").forEach(setupCopy);
})();
