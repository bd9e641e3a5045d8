/* Tracker: progressive enhancement of a table that is complete without JavaScript.
   Shows the filter form, filters rows by their data-* values and by text (toggling
   `hidden`, so 20,000 rows stay quick), announces the count in an aria-live region,
   and sorts by the column headers that carry data-sort (with aria-sort). */
(function () {
  "use strict";

  var table = document.querySelector("table[data-tracker]");
  var form = document.querySelector("form[data-tracker-filters]");
  var count = document.getElementById("tracker-count");
  if (!table || !form || !count || !table.tBodies.length) { return; }

  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var original = rows.slice();
  var texts = null;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-key]"));
  var search = form.querySelector("input[type=search]");
  var timer = null;
  var last = count.textContent;

  function words() {
    return search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
  }

  function rowText(i) {
    if (texts === null) {
      texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    }
    return texts[i];
  }

  function matchesSelect(row, select) {
    var want = select.value;
    if (!want) { return true; }
    var have = row.getAttribute("data-" + select.getAttribute("data-key")) || "";
    if (select.getAttribute("data-key") === "o") {
      return have.split("|").indexOf(want) !== -1;
    }
    return have === want;
  }

  function matches(row, i, terms, active) {
    for (var s = 0; s < active.length; s++) {
      if (!matchesSelect(row, active[s])) { return false; }
    }
    if (terms.length) {
      var text = rowText(i);
      for (var w = 0; w < terms.length; w++) {
        if (text.indexOf(terms[w]) === -1) { return false; }
      }
    }
    return true;
  }

  function plural(n) { return n === 1 ? "recommendation" : "recommendations"; }

  function apply() {
    var terms = words();
    var active = selects.filter(function (s) { return s.value; });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = matches(rows[i], i, terms, active);
      if (rows[i].hidden === ok) { rows[i].hidden = !ok; }
      if (ok) { shown++; }
    }
    var filtered = active.length || terms.length;
    var message = filtered
      ? "Showing " + shown + " of " + rows.length + " " + plural(rows.length)
      : rows.length + " " + plural(rows.length);
    if (message !== last) { count.textContent = message; last = message; }
    remember();
  }

  function remember() {
    if (!window.history || !window.URLSearchParams) { return; }
    var params = new URLSearchParams();
    selects.forEach(function (s) { if (s.value) { params.set(s.name, s.value); } });
    if (search && search.value.trim()) { params.set(search.name, search.value.trim()); }
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    try { history.replaceState(null, "", url); } catch (e) { /* file:// may refuse: filters still work */ }
  }

  function restore() {
    if (!window.URLSearchParams) { return; }
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && s.querySelector('option[value="' + v.replace(/["\\]/g, "") + '"]')) { s.value = v; }
    });
    if (search && params.get(search.name)) { search.value = params.get(search.name); }
  }

  /* --- sorting ------------------------------------------------------------------------- */

  var headers = Array.prototype.slice.call(table.querySelectorAll("th[data-sort]"));

  function sortKey(kind) {
    if (kind === "due") {
      return function (row) { return row.getAttribute("data-due") || "9999-99-99"; };
    }
    return null;
  }

  function sortBy(th, direction) {
    var kind = th.getAttribute("data-sort");
    var key = sortKey(kind);
    var index = new Map(original.map(function (row, i) { return [row, i]; }));
    var sorted = original.slice();
    if (key) {
      sorted.sort(function (a, b) {
        var ka = key(a), kb = key(b);
        return ka < kb ? -1 : ka > kb ? 1 : index.get(a) - index.get(b);
      });
    }
    if (direction === "descending") { sorted.reverse(); }
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (row) { fragment.appendChild(row); });
    tbody.appendChild(fragment);
    rows = sorted;
    texts = null;
    headers.forEach(function (other) {
      if (other === th) { other.setAttribute("aria-sort", direction); } else { other.removeAttribute("aria-sort"); }
    });
  }

  headers.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      sortBy(th, next);
    });
  });
  if (headers.length) { headers[0].setAttribute("aria-sort", "ascending"); }

  /* --- wiring ----------------------------------------------------------------------------- */

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("change", function (event) {
    if (event.target !== search) { apply(); }
  });
  if (search) {
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, 250);
    });
  }
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  restore();
  apply();
})();
