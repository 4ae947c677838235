/*
 * Runs before Material's bundle (overrides/main.html) and changes two of its
 * network habits, two things about its search and what it remembers of the
 * colour scheme; nothing else.
 *
 * 1. No sitemap downloads. Material fetches sitemap.xml on every page, and one
 *    more relative to every <link rel="alternate"> in the head, expecting those
 *    to be language roots. The hub's alternates are the page's hreflang
 *    counterparts (/about/, /ru/about/), so those requests end in 404 errors,
 *    and the sitemap itself grows with the site. Material only uses them for
 *    instant navigation (off here) and to remap clicks on alternate links
 *    (which already lead to the right page), and it treats a failed request as
 *    an empty sitemap: the request is answered with that failure at once,
 *    without touching the network.
 *
 * 2. Search costs nothing until it is used. Material starts its search worker and
 * downloads the whole search index on every page load; on a slow mobile network
 * that is most of a page's weight, for readers who mostly never search. This
 * script runs before Material's and defers both (the worker script and the
 * index request) until the reader opens search: a click or focus on the search
 * field, or one of Material's search keys (/, s, f). A page opened from a search
 * result (its address has ?h=, the words to highlight) starts at once: Material
 * highlights those words only when the index has arrived.
 *
 * 3. One word pipeline for the index and the query. The search worker started
 *    is workers/hub-search.js, which loads Material's own worker and makes the
 *    index and the query go through the same steps (see that file).
 *
 * 4. Every query typed is run. Material reads the search field on a key's
 *    release, on focus and once when the index is ready; text that arrives
 *    without a key release (an input method or on-screen keyboard, dictation,
 *    pasting with the mouse) was not searched until the next key, so a query
 *    typed that way while the index was loading stayed unanswered. An input
 *    event in the field now counts as a key release.
 *
 * 5. The colour scheme follows the system's until the reader chooses one.
 *    Material picks the scheme whose media query matches on a first visit
 *    (mkdocs.yml) but then stores it as if the reader had chosen it, so a
 *    later change of the system's setting was ignored. The stored scheme is
 *    kept only once the reader has used the toggle.
 */
(function () {
  "use strict";
  var started = /[?&]h=/.test(window.location.search);  // opened from a search result
  var waiting = [];

  // The index request: held until search starts.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__hubSearchIndex = /search\/search_index\.json(?:[?#]|$)/.test(String(url));
    this.__hubSitemap = /\/sitemap\.xml(?:[?#]|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__hubSitemap) {
      var failed = this;
      window.setTimeout(function () { failed.dispatchEvent(new ProgressEvent("error")); }, 0);
      return undefined;
    }
    if (this.__hubSearchIndex && !started) {
      var request = this, args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // The search worker: a stand-in that starts the real one when search starts.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    this.url = url;
    this.options = options;
    this.worker = null;
    this.listeners = [];
    this.messages = [];
    var self = this;
    waiting.push(function () { self.start(); });
  }
  LazyWorker.prototype.start = function () {
    var worker = this.worker = new RealWorker(this.url, this.options);
    this.listeners.forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]); });
    this.messages.forEach(function (m) { worker.postMessage.apply(worker, m); });
    this.listeners = this.messages = [];
  };
  LazyWorker.prototype.addEventListener = function (type, listener, options) {
    if (this.worker) this.worker.addEventListener(type, listener, options);
    else this.listeners.push([type, listener, options]);
  };
  LazyWorker.prototype.removeEventListener = function (type, listener, options) {
    if (this.worker) this.worker.removeEventListener(type, listener, options);
    else this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
  };
  LazyWorker.prototype.postMessage = function () {
    if (this.worker) this.worker.postMessage.apply(this.worker, arguments);
    else this.messages.push(Array.prototype.slice.call(arguments));
  };
  LazyWorker.prototype.terminate = function () { if (this.worker) this.worker.terminate(); };
  var MATERIAL_WORKER = /(^|\/)(search\.[0-9a-f]+\.min\.js)$/;
  window.Worker = function (url, options) {
    if (!MATERIAL_WORKER.test(String(url))) return new RealWorker(url, options);
    var hub = String(url).replace(MATERIAL_WORKER, "$1hub-search.js#$2");
    return started ? new RealWorker(hub, options) : new LazyWorker(hub, options);
  };

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (event) { if (inSearch(event.target)) start(); }, true);
  document.addEventListener("pointerdown", function (event) { if (inSearch(event.target)) start(); }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" || event.key === "s" || event.key === "f" || inSearch(event.target)) start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") start();
  }, true);

  var palette = window.__md_scope ? window.__md_scope.pathname + ".__palette" : null;
  try {
    if (palette && !window.localStorage.getItem(palette + ".chosen")) window.localStorage.removeItem(palette);
  } catch (error) { /* no storage: Material keeps nothing either */ }
  document.addEventListener("change", function (event) {
    if (!palette || !event.target || event.target.name !== "__palette") return;
    try { window.localStorage.setItem(palette + ".chosen", "1"); } catch (error) { /* no storage */ }
  }, true);

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.matches && field.matches(".md-search__input")) {
      field.dispatchEvent(new KeyboardEvent("keyup"));
    }
  }, true);
})();
