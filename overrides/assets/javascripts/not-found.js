/*
 * The 404 page in the language of the address. GitHub Pages answers every
 * missing address with the site's one /404.html, the default language's; a
 * reader who mistyped a Russian address (/ru/...) should get the Russian page,
 * at the address they typed.
 *
 * This script is the last thing in a 404 page's head (overrides/404.html).
 * When the address belongs to another language, it keeps this page hidden and
 * its scripts from running (each script element is disarmed as the parser
 * adds it, before it runs), then, once the page is parsed, writes that
 * language's 404 page in its place, which brings its own scripts (its links
 * are absolute: MkDocs renders 404 pages so). Without script this page stays
 * as it is; if the other page cannot be loaded, this one is shown, readable
 * and with working links, without Material's scripts.
 */
(function () {
  "use strict";
  var pages = JSON.parse(document.currentScript.getAttribute("data-hub-pages") || "{}"); // language -> 404 page
  var root = window.__md_scope; // the site's root (Material's first script)
  if (!root || window.location.href.indexOf(root.href) !== 0) return;
  var path = window.location.href.slice(root.href.length);
  var wanted = null, longest = -1;
  Object.keys(pages).forEach(function (lang) {
    var folder = pages[lang].slice(0, pages[lang].lastIndexOf("/") + 1); // "" or "ru/"
    if (path.indexOf(folder) === 0 && folder.length > longest) {
      wanted = lang;
      longest = folder.length;
    }
  });
  if (!wanted || wanted === document.documentElement.lang) return;

  var page = document.documentElement;
  page.hidden = true;
  var disarm = new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.nodeName === "SCRIPT") node.type = "text/x-hub-disarmed";
      });
    });
  });
  disarm.observe(document, { childList: true, subtree: true });
  var other = window.fetch(new URL(pages[wanted], root).href, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.text();
    });
  document.addEventListener("DOMContentLoaded", function () {
    disarm.disconnect();
    other.then(function (html) {
      document.open();
      document.write(html);
      document.close();
    }, function (error) {
      page.hidden = false;
      window.console.warn("the 404 page of the address's language could not be loaded:", error);
    });
  });
})();
