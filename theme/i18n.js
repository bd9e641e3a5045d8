/* The words the scripts show, in the language of the page. A page that loads a script
   hands the translations over in <script type="application/json" id="i18n-words"> (an
   English page has none: each script's own words are used); %(name)s in a message is
   replaced by values.name. Loaded before tracker.js and search.js, which call
   window.scrutinyGettext through their own gettext(). */
(function () {
  "use strict";
  var words = (function () {
    var store = document.getElementById("i18n-words");
    if (!store) { return {}; }
    try { return JSON.parse(store.textContent) || {}; } catch (e) { return {}; }
  })();
  window.scrutinyGettext = function (message, values) {
    var text = Object.prototype.hasOwnProperty.call(words, message) && words[message] ? words[message] : message;
    return text.replace(/%\((\w+)\)s/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };
})();
