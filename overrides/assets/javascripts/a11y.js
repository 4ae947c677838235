/*
 * Accessibility repairs for parts Material builds in the browser: each code
 * block's action bar is a <nav> landmark without a name, and several on a page
 * are indistinguishable (axe: landmark-unique). Give each a unique name in the
 * page's language: the word the page gives this script (data/ui.yml: code_actions).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = (script && script.getAttribute("data-code-actions")) || "Code actions";
  var count = 0;
  function name(root) {
    var navs = root.querySelectorAll ? root.querySelectorAll(".md-code__nav:not([aria-label])") : [];
    Array.prototype.forEach.call(navs, function (nav) {
      count += 1;
      nav.setAttribute("aria-label", label + " " + count);
    });
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.nodeType === 1) name(node.parentNode || node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
  name(document);
})();
