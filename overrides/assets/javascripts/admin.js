/*
 * The browser editor's page (/admin/, /ru/admin/): runs before the editor (Sveltia CMS).
 *
 * 1. The editor speaks the page's language: the address chooses it, as everywhere on the
 *    site (data-editor-locale, one of the editor's own interface languages).
 * 2. The editor fetches its interface words from a CDN; they are the site's own copies
 *    (engine/editor.py writes them beside the editor), so those requests are sent there.
 * 3. Nothing else leaves for a third party: any other request to a host that is neither
 *    the site nor the Git host's API fails at once, as if offline (the editor's update
 *    check and the Git host's status page are left out). The page's policy blocks such
 *    requests anyway (hubcore/csp.py: editor_policy); this keeps them from being made.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var locale = root.getAttribute("data-editor-locale");
  var files = new URL(root.getAttribute("data-editor-files"), document.baseURI);
  var PREFS = "sveltia-cms.prefs";
  var ALLOWED = [location.origin, root.getAttribute("data-editor-api")];
  var WORDS = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\/([A-Za-z-]+\.json)$/;

  try {
    var prefs = JSON.parse(localStorage.getItem(PREFS) || "{}") || {};
    prefs.locale = locale;
    localStorage.setItem(PREFS, JSON.stringify(prefs));
  } catch (error) {
    /* storage refused (private mode): the editor follows the browser's language */
  }

  var original = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var address = typeof input === "string" || input instanceof URL ? String(input) : input.url;
    var url = new URL(address, document.baseURI);
    var words = WORDS.exec(url.href);
    if (words) {
      return original(new URL("locales/" + words[1], files).href, init);
    }
    if (url.protocol === "blob:" || url.protocol === "data:" || ALLOWED.indexOf(url.origin) !== -1) {
      return original(input, init);
    }
    return Promise.reject(new TypeError("not fetched: " + url.origin + " is not this site or the Git host"));
  };
})();
