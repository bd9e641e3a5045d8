/* Tracker: progressive enhancement of a table that is complete without JavaScript.
   Shows the filter form, filters rows by their data-* values and by text, announces the
   count in an aria-live region, keeps the counts above the table in step with the rows
   shown, and sorts by the column headers that carry data-sort (with aria-sort).
   At 20,000 rows: each row's values are read once into an array, only the rows
   shown are in the document, and after a filter or sort at most LIMIT matching rows are
   shown (with a button to show them all): laying out thousands of table rows is what
   takes a browser seconds, not finding them. */
(function () {
  "use strict";

  /* The words shown to the reader, in the language of the page (theme/i18n.js). */
  var gettext = window.scrutinyGettext;

  var table = document.querySelector("table[data-tracker]");
  var form = document.querySelector("form[data-tracker-filters]");
  var count = document.getElementById("tracker-count");
  if (!table || !form || !count || !table.tBodies.length) { return; }

  var tbody = table.tBodies[0];
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-key]"));
  var keys = selects.map(function (s) { return s.getAttribute("data-key"); });
  var search = form.querySelector("input[type=search]");
  var LIMIT = 1000;
  var limit = Infinity; /* no window until the reader filters or sorts */
  var timer = null;
  var last = count.textContent;

  /* One entry per row, in the original order: the row, its filter values, its text. */
  var entries = Array.prototype.map.call(tbody.rows, function (row, index) {
    var values = {};
    keys.forEach(function (key) { values[key] = row.getAttribute("data-" + key) || ""; });
    return { row: row, index: index, values: values, due: row.getAttribute("data-due") || "9999-99-99",
             lu: row.getAttribute("data-lu") || "", flags: row.getAttribute("data-f") || "", text: null };
  });
  var order = entries.slice();

  function words() {
    return search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
  }

  function matches(entry, wanted, terms) {
    for (var k = 0; k < wanted.length; k++) {
      var have = entry.values[wanted[k].key];
      if (wanted[k].key === "o") {
        if (("|" + have + "|").indexOf("|" + wanted[k].value + "|") === -1) { return false; }
      } else if (have !== wanted[k].value) {
        return false;
      }
    }
    if (terms.length) {
      if (entry.text === null) {
        var more = folded[entry.index];
        entry.text = (entry.row.textContent + (more ? " " + more.text.join(" ") + " " + more.updates.join(" ") : "")).toLowerCase();
      }
      for (var w = 0; w < terms.length; w++) {
        if (entry.text.indexOf(terms[w]) === -1) { return false; }
      }
    }
    return true;
  }

  /* The body holds only the rows shown, in order: rows filtered out are taken out of the
     document (not hidden in it), so a filter or sort lays out at most LIMIT rows. The
     body is detached while its rows change: one layout when it returns, not one per row. */
  var current = Array.prototype.slice.call(tbody.rows);
  function render(rows) {
    if (rows.length === current.length && rows.every(function (row, i) { return row === current[i]; })) { return; }
    var next = tbody.nextSibling;
    table.removeChild(tbody);
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    for (var i = 0; i < rows.length; i++) { tbody.appendChild(rows[i]); toggles(rows[i]); }
    table.insertBefore(tbody, next);
    current = rows;
  }

  /* Each row's full words and updates (tracker-words, in row order): searched by the word
     filter, shown behind a button that the row gets when it is first shown. */
  var folded = [];
  var store = document.getElementById("tracker-words");
  if (store) {
    try { folded = JSON.parse(store.textContent) || []; } catch (e) { folded = []; }
  }
  var rowIndex = new Map();

  function toggles(row) {
    var entry = rowIndex ? rowIndex.get(row) : null;
    var more = entry ? folded[entry.index] : null;
    if (!more || entry.button) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "more__toggle";
    button.setAttribute("aria-expanded", "false");
    button.textContent = more.label;
    var of = document.createElement("span");
    of.className = "visually-hidden";
    of.textContent = " " + more.of;
    button.appendChild(of);
    var cell = row.querySelector(".c-rec");
    if (cell) { cell.appendChild(button); entry.button = button; }
  }

  function unfold(button, entry) {
    var more = folded[entry.index];
    var box = document.createElement("div");
    box.className = "more";
    more.text.forEach(function (para) {
      var p = document.createElement("p");
      p.textContent = para;
      box.appendChild(p);
    });
    if (more.updates.length) {
      var list = document.createElement("ul");
      list.className = "more__updates";
      more.updates.forEach(function (words) {
        var li = document.createElement("li");
        li.textContent = words;
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    button.parentNode.insertBefore(box, button.nextSibling);
    return box;
  }

  tbody.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".more__toggle") : null;
    if (!button) { return; }
    var entry = rowIndex.get(button.closest("tr"));
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var box = button.nextElementSibling && button.nextElementSibling.className === "more" ? button.nextElementSibling : null;
    if (open && !box) { box = unfold(button, entry); }
    if (box) { box.hidden = !open; }
  });

  function apply(keepLimit) {
    if (!keepLimit && entries.length > LIMIT) { limit = LIMIT; }
    var terms = words();
    var wanted = selects.filter(function (s) { return s.value; })
      .map(function (s) { return { key: s.getAttribute("data-key"), value: s.value }; });
    var matched = 0;
    var shown = 0;
    var visible = [];
    var counted = { o: 0, l: 0, a: 0, r: 0, c: 0 };
    for (var i = 0; i < order.length; i++) {
      var entry = order[i];
      var ok = matches(entry, wanted, terms);
      if (ok) {
        matched++;
        for (var f = 0; f < entry.flags.length; f++) {
          if (counted[entry.flags[f]] !== undefined) { counted[entry.flags[f]]++; }
        }
      }
      if (ok && shown < limit) { visible[shown++] = entry.row; }
    }
    render(visible);
    announce(matched, shown, wanted.length || terms.length);
    recount(counted);
    fold.update(wanted.length + (terms.length ? 1 : 0));
    remember();
  }

  /* The counts above the table follow the filters: they count the matching rows. */
  var numbers = Array.prototype.slice.call(document.querySelectorAll(".stats [data-count]"));
  function recount(counted) {
    numbers.forEach(function (el) {
      var n = counted[el.getAttribute("data-count")];
      if (n === undefined) { return; }
      if (el.textContent !== String(n)) { el.textContent = String(n); }
      var alert = el.getAttribute("data-count") === "l" || el.getAttribute("data-count") === "r";
      if (alert && el.parentNode) { el.parentNode.classList.toggle("stats__item--alert", n > 0); }
    });
  }

  function announce(matched, shown, filtered) {
    var total = entries.length;
    var message;
    var n = { shown: shown, matched: matched, total: total };
    /* each message a whole sentence, for one and for more (Welsh puts the noun after a
       number in the singular, so no language here needs more forms than these) */
    if (filtered && matched === 0) {
      message = gettext("No recommendations match these filters (%(total)s in all)", n);
    } else if (shown < matched) {
      message = matched === 1
        ? gettext("Showing %(shown)s of 1 matching recommendation (%(total)s in all)", n)
        : gettext("Showing %(shown)s of %(matched)s matching recommendations (%(total)s in all)", n);
    } else if (filtered) {
      message = total === 1
        ? gettext("Showing %(shown)s of 1 recommendation", n)
        : gettext("Showing %(shown)s of %(total)s recommendations", n);
    } else {
      message = total === 1 ? gettext("1 recommendation", n) : gettext("%(total)s recommendations", n);
    }
    if (message !== last) { count.textContent = message; last = message; }
    more.hidden = shown >= matched;
    more.textContent = matched === 1
      ? gettext("Show all 1 matching recommendation", n)
      : gettext("Show all %(matched)s matching recommendations", n);
  }

  /* The "show all" button under the table, for a windowed result. */
  var more = document.createElement("button");
  more.type = "button";
  more.className = "button button--secondary tracker-more";
  more.hidden = true;
  table.parentNode.insertAdjacentElement("afterend", more);
  more.addEventListener("click", function () {
    limit = Infinity;
    apply(true);
  });

  function remember() {
    if (!window.history || !window.URLSearchParams) { return; }
    var params = new URLSearchParams();
    selects.forEach(function (s) { if (s.value) { params.set(s.name, s.value); } });
    if (search && search.value.trim()) { params.set(search.name, search.value.trim()); }
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) {
      /* some browsers refuse on file:// pages; the filters still work */
    }
  }

  function restore() {
    if (!window.URLSearchParams) { return; }
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) { s.value = v; }
    });
    if (search && params.get(search.name)) { search.value = params.get(search.name); }
  }

  /* --- sorting ------------------------------------------------------------------------- */

  var headers = Array.prototype.slice.call(table.querySelectorAll("th[data-sort]"));

  function compare(kind) {
    if (kind === "due") {
      return function (a, b) { return a.due < b.due ? -1 : a.due > b.due ? 1 : a.index - b.index; };
    }
    if (kind === "lu") { /* most recently updated first; never updated last */
      return function (a, b) {
        if (a.lu === b.lu) { return a.index - b.index; }
        if (!a.lu || !b.lu) { return a.lu ? -1 : 1; }
        return a.lu > b.lu ? -1 : 1;
      };
    }
    return function (a, b) { return a.index - b.index; };
  }

  function sortBy(th, direction) {
    order = entries.slice().sort(compare(th.getAttribute("data-sort")));
    if (direction === "descending") { order.reverse(); }
    if (entries.length > LIMIT) { limit = LIMIT; }
    apply(true);
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
      sortBy(th, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
    });
  });

  /* --- folding the filters on a small screen ------------------------------------------- */

  /* On a phone the filters fold behind one button (with how many are in use), so the
     rows come first; on a wider screen they are always open and the button is hidden. */
  var fold = (function () {
    var grid = form.querySelector(".filters__grid");
    var actions = form.querySelector(".filters__actions");
    var narrow = window.matchMedia ? window.matchMedia("(max-width: 40em)") : null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary filters__toggle";
    button.setAttribute("aria-controls", grid.id);
    form.insertBefore(button, grid);
    var open = !(narrow && narrow.matches);
    var active = 0;
    function render() {
      var folded = narrow && narrow.matches && !open;
      button.hidden = !(narrow && narrow.matches);
      button.setAttribute("aria-expanded", folded ? "false" : "true");
      var n = { active: active };
      button.textContent = active
        ? (folded ? gettext("Show filters (%(active)s in use)", n) : gettext("Hide filters (%(active)s in use)", n))
        : (folded ? gettext("Show filters") : gettext("Hide filters"));
      grid.hidden = folded;
      if (actions) { actions.hidden = folded; }
    }
    button.addEventListener("click", function () { open = !open; render(); });
    if (narrow) {
      var changed = function () { if (!narrow.matches) { open = true; } render(); };
      if (narrow.addEventListener) { narrow.addEventListener("change", changed); } else { narrow.addListener(changed); }
    }
    render();
    return { update: function (n) { if (n !== active) { active = n; render(); } } };
  })();

  /* --- wiring ----------------------------------------------------------------------------- */

  if (rowIndex) { entries.forEach(function (entry) { rowIndex.set(entry.row, entry); }); }
  for (var t = 0; t < Math.min(current.length, LIMIT); t++) { toggles(current[t]); }
  form.hidden = false;
  function refilter() { apply(false); }
  form.addEventListener("submit", function (event) { event.preventDefault(); window.clearTimeout(timer); refilter(); });
  form.addEventListener("change", function (event) {
    if (event.target !== search) { refilter(); }
  });
  if (search) {
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refilter, 250);
    });
  }
  form.addEventListener("reset", function () { window.setTimeout(refilter, 0); });
  restore();
  if (location.search) { refilter(); }
})();
