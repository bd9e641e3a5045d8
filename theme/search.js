/* Search page: a small, keyboard-friendly UI over Pagefind's JavaScript API.
   Without JavaScript (or when opened from files, where browsers refuse to load the
   index) the page keeps its message pointing to the tracker and the list of reports.

   What a result shows comes from the page it links to: its title, its kind, for a
   recommendation the decision and status its page states (Pagefind metadata, see
   templates/recommendation.html.j2), and an excerpt of its visible text. The radios
   narrow the results: "Recommendations" with Pagefind's "kind" filter over the shards of
   reports, "Reports" with their bundles of report pages alone; the count is announced in
   the polite live region. */
(function () {
  "use strict";

  /* The words shown to the reader, in the language of the page (theme/i18n.js). */
  var gettext = window.scrutinyGettext;

  var box = document.querySelector("[data-search]");
  if (!box) { return; }
  var form = box.querySelector("[data-search-form]");
  var unavailable = box.querySelector("[data-search-unavailable]");
  var reason = box.querySelector("[data-search-reason]");
  var input = form.querySelector("input[type=search]");
  var kinds = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
  var status = document.getElementById("search-status");
  var list = box.querySelector("[data-search-results]");
  var more = box.querySelector("[data-search-more]");
  var moreButton = more ? more.querySelector("button") : null;
  var root = new URL(box.getAttribute("data-root") || "./", location.href);
  var timer = null;
  var latest = 0;
  var current = null; /* {results, shown, ticket} of the search on screen */
  var PAGE = 20;

  function siteUrl(url) {
    /* Pagefind gives site-absolute paths ("/reports/x/"); keep links relative to the
       site's folder so it works wherever it is published. */
    return new URL(url.replace(/^\//, ""), root).href;
  }

  function chosen() {
    for (var i = 0; i < kinds.length; i++) {
      if (kinds[i].checked) { return kinds[i]; }
    }
    return null;
  }

  function fact(dl, term, words) {
    if (!words) { return; }
    var row = document.createElement("div");
    var dt = document.createElement("dt");
    var dd = document.createElement("dd");
    row.className = "search__fact";
    dt.textContent = term;
    dd.textContent = words;
    row.appendChild(dt);
    row.appendChild(dd);
    dl.appendChild(row);
  }

  function item(data) {
    var meta = data.meta || {};
    var li = document.createElement("li");
    li.className = "search__result";
    var a = document.createElement("a");
    a.className = "search__result-title";
    a.href = siteUrl(data.url);
    a.textContent = meta.title || data.url;
    li.appendChild(a);
    if (meta.kind) {
      var kind = document.createElement("span");
      kind.className = "search__result-kind";
      kind.textContent = meta.kind;
      li.appendChild(kind);
    }
    if (meta.decision || meta.status) {
      /* The words the recommendation's own page shows: never a status it does not state. */
      var dl = document.createElement("dl");
      dl.className = "search__facts";
      fact(dl, gettext("Decision"), meta.decision);
      fact(dl, gettext("Status"), [meta.status, meta.flags].filter(Boolean).join(", "));
      li.appendChild(dl);
    }
    /* The best section of the page, unless that is its top (the part under its h1): then the
       excerpt of the whole page, which is not cut short by the first subheading. */
    var sub = (data.sub_results || [])[0];
    if (sub && (!sub.anchor || sub.anchor.element === "h1")) { sub = null; }
    var p = document.createElement("p");
    p.className = "search__excerpt";
    p.innerHTML = (sub || data).excerpt; /* Pagefind escapes the page text and adds <mark> */
    li.appendChild(p);
    if (sub && sub.url !== data.url && sub.title) {
      var where = document.createElement("p");
      var link = document.createElement("a");
      where.className = "search__result-where";
      where.appendChild(document.createTextNode(gettext("Found in:") + " "));
      link.href = siteUrl(sub.url);
      link.textContent = sub.title;
      where.appendChild(link);
      li.appendChild(where);
    }
    return li;
  }

  function announce(term) {
    if (!current || !term) { status.textContent = ""; return; }
    var total = current.results.length;
    var kind = chosen();
    var words = kind && kind.getAttribute("data-words");
    var n = { count: total, term: term, words: words, shown: current.shown };
    var message = total === 1 ? gettext("1 result for \u201c%(term)s\u201d", n) : gettext("%(count)s results for \u201c%(term)s\u201d", n);
    n.results = message;
    if (words === "reports") {
      message = gettext("%(results)s, reports only", n);
    } else if (words === "recommendations") {
      message = gettext("%(results)s, recommendations only", n);
    } else if (words) {
      message = gettext("%(results)s, %(words)s only", n);
    }
    n.results = message;
    if (total > current.shown) { message = gettext("%(results)s (showing the first %(shown)s)", n); }
    status.textContent = message;
  }

  function showNext(focusFirst) {
    var search = current;
    var slice = search.results.slice(search.shown, search.shown + PAGE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
      if (search !== current) { return; }
      var first = null;
      datas.forEach(function (data) {
        var li = item(data);
        first = first || li;
        list.appendChild(li);
      });
      search.shown += datas.length;
      if (more) { more.hidden = search.shown >= search.results.length; }
      announce(search.term);
      if (focusFirst && first) { first.querySelector("a").focus(); }
    });
  }

  function remember(term) {
    if (!window.history || !history.replaceState) { return; }
    var params = new URLSearchParams();
    var kind = chosen();
    if (term) { params.set("q", term); }
    if (kind && kind.value) { params.set("kind", kind.value); }
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function run() {
    var term = input.value.trim();
    var ticket = ++latest;
    var kind = chosen();
    var filter = kind && kind.getAttribute("data-filter");
    remember(term);
    if (!term) {
      current = null;
      list.textContent = "";
      if (more) { more.hidden = true; }
      announce("");
      return;
    }
    bundle((kind || kinds[0]).getAttribute("data-bundles")).then(function (index) {
      return index.search(term, filter ? { filters: { kind: filter } } : {});
    }).then(function (search) {
      if (ticket !== latest) { return; }
      current = { results: search.results, shown: 0, term: term };
      list.textContent = "";
      return showNext(false);
    }, function () {
      if (ticket === latest) { status.textContent = gettext("Search is not available at the moment."); }
    });
  }

  function ready() {
    unavailable.hidden = true;
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); window.clearTimeout(timer); run(); });
    input.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(run, 300); });
    kinds.forEach(function (radio) {
      radio.addEventListener("change", function () { window.clearTimeout(timer); run(); });
    });
    if (moreButton) {
      moreButton.addEventListener("click", function () { if (current) { showNext(true); } });
    }
    var params = new URLSearchParams(location.search);
    var wanted = params.get("kind") || "";
    kinds.forEach(function (radio) { if (radio.value === wanted) { radio.checked = true; } });
    var q = params.get("q");
    if (q) { input.value = q; run(); }
  }

  function failed() {
    if (reason) {
      reason.textContent = location.protocol === "file:"
        ? gettext("Search does not work when the website is opened from files on a computer; it needs a web server.")
        : gettext("Search is not available at the moment.");
    }
  }

  /* A recommendation's number forms ("aliases" metadata: "R3", "Rec 3") weigh like a title, and
     a term close to the query in length ranks above longer words it begins ("1" above "10"). */
  /* baseUrl "/": result URLs from the site's own root (siteUrl makes them relative), not
     from the server's: a bilingual site's second language has its bundle in cy/pagefind/. */
  var OPTIONS = { baseUrl: "/", excerptLength: 24, ranking: { termSimilarity: 5, metaWeights: { title: 5, aliases: 20 } } };
  var bundles = {};
  var NONE = { search: function () { return Promise.resolve({ results: [] }); } };

  function bundle(folders) {
    /* The Pagefind bundles a choice searches (its radio's data-bundles: the site's pages
       and each shard of reports, see scrutiny/site/search.py), loaded once: the first is
       imported and the others merged into it, so that one search covers them all. */
    var list = (folders || "").split(" ").filter(Boolean);
    var key = list.join(" ");
    if (!list.length) { return Promise.resolve(NONE); }
    if (!bundles[key]) {
      bundles[key] = import(new URL(list[0] + "pagefind.js", root).href).then(function (module) {
        return Promise.resolve(module.options ? module.options(OPTIONS) : null).then(function () {
          return Promise.all(list.slice(1).map(function (folder) {
            return module.mergeIndex(new URL(folder, root).href, OPTIONS);
          }));
        }).then(function () { return module; });
      });
    }
    return bundles[key];
  }

  bundle(kinds.length ? kinds[0].getAttribute("data-bundles") : "").then(ready, failed);
})();
