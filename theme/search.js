/* Search page: a small, keyboard-friendly UI over Pagefind's JavaScript API.
   Without JavaScript (or when opened from files, where browsers refuse to load the
   index) the page keeps its message pointing to the tracker and the list of reports. */
(function () {
  "use strict";

  var box = document.querySelector("[data-search]");
  if (!box) { return; }
  var form = box.querySelector("[data-search-form]");
  var unavailable = box.querySelector("[data-search-unavailable]");
  var reason = box.querySelector("[data-search-reason]");
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = box.querySelector("[data-search-results]");
  var root = new URL(box.getAttribute("data-root") || "./", location.href);
  var pagefind = null;
  var timer = null;
  var latest = 0;
  var MAX = 20;

  function siteUrl(url) {
    /* Pagefind gives site-absolute paths ("/reports/x/"); keep links relative to the
       site's folder so it works wherever it is published. */
    return new URL(url.replace(/^\//, ""), root).href;
  }

  function plural(n) { return n === 1 ? "1 result" : n + " results"; }

  function render(results, total, term) {
    list.textContent = "";
    results.forEach(function (data) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = "search__result-title";
      a.href = siteUrl(data.url);
      a.textContent = (data.meta && data.meta.title) || data.url;
      li.appendChild(a);
      if (data.meta && data.meta.kind) {
        var kind = document.createElement("span");
        kind.className = "search__result-kind";
        kind.textContent = data.meta.kind;
        li.appendChild(kind);
      }
      var sub = (data.sub_results || [])[0];
      var p = document.createElement("p");
      p.innerHTML = (sub || data).excerpt; /* Pagefind escapes the page text and adds <mark> */
      li.appendChild(p);
      if (sub && sub.url !== data.url && sub.title) {
        var where = document.createElement("p");
        var link = document.createElement("a");
        where.className = "search__result-where";
        where.appendChild(document.createTextNode("Found in: "));
        link.href = siteUrl(sub.url);
        link.textContent = sub.title;
        where.appendChild(link);
        li.appendChild(where);
      }
      list.appendChild(li);
    });
    var shown = total > results.length ? " (showing the first " + results.length + ")" : "";
    status.textContent = term ? plural(total) + " for \u201c" + term + "\u201d" + shown : "";
  }

  function run() {
    var term = input.value.trim();
    var ticket = ++latest;
    if (!term) { render([], 0, ""); return; }
    pagefind.search(term).then(function (search) {
      return Promise.all(search.results.slice(0, MAX).map(function (r) { return r.data(); }))
        .then(function (datas) { if (ticket === latest) { render(datas, search.results.length, term); } });
    });
  }

  function ready(module) {
    pagefind = module;
    unavailable.hidden = true;
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); window.clearTimeout(timer); run(); });
    input.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(run, 300); });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; run(); }
  }

  function failed() {
    if (reason) {
      reason.textContent = location.protocol === "file:"
        ? "Search does not work when the website is opened from files on a computer; it needs a web server."
        : "Search is not available at the moment.";
    }
  }

  import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
    return Promise.resolve(module.options ? module.options({ excerptLength: 24 }) : null).then(function () {
      ready(module);
    });
  }, failed);
})();
