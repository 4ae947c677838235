/*
 * The library's facets: turns the facet links (which, without script, lead to
 * each value's static page, or to the library filtered on it) into filters. The
 * facets' names are read from the page: no facet is named here. The choice lives in the URL
 * (?country=uz&topic=open-data, several values comma-separated), so a filtered
 * list can be shared and survives back/forward; the language switch carries it
 * to the other language's library (the values are ids, the same in every
 * language). No dependencies.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-hub-library]");
  if (!root) return;

  // The facets the page shows, in its order (declared in data/taxonomies.yml); each item
  // carries its values of each as data-<facet>.
  var FACETS = Array.prototype.map.call(root.querySelectorAll(".hub-facet[data-facet]"), function (facet) {
    return facet.getAttribute("data-facet");
  });
  var items = Array.prototype.slice.call(root.querySelectorAll(".hub-catalogue .hub-item"));
  var links = Array.prototype.slice.call(root.querySelectorAll("a.hub-facet__value"));
  var status = root.querySelector(".hub-catalogue__status");
  var empty = root.querySelector(".hub-catalogue__empty");
  var clear = root.querySelector(".hub-facets__clear");
  var showing = root.getAttribute("data-showing") || "{shown} / {total}";
  var switches = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));
  switches.forEach(function (link) { link.setAttribute("data-hub-href", link.getAttribute("href")); });

  function read() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet).join(",").split(",").filter(Boolean);
      if (values.length) state[facet] = values;
    });
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) {
      if (state[facet] && state[facet].length) params.set(facet, state[facet].join(","));
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function url(state) {
    return window.location.pathname + query(state);
  }

  function values(item, facet) {
    return (item.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
  }

  // Within a facet the values are alternatives (or); across facets all must hold (and).
  function matches(item, state, except) {
    return FACETS.every(function (facet) {
      var chosen = state[facet];
      if (!chosen || facet === except) return true;
      var own = values(item, facet);
      return chosen.some(function (value) { return own.indexOf(value) !== -1; });
    });
  }

  function apply(state) {
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, state);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    links.forEach(function (link) {
      var facet = link.getAttribute("data-facet");
      var value = link.getAttribute("data-value");
      var pressed = !!(state[facet] && state[facet].indexOf(value) !== -1);
      link.setAttribute("aria-pressed", pressed ? "true" : "false");
      var count = items.filter(function (item) {
        return matches(item, state, facet) && values(item, facet).indexOf(value) !== -1;
      }).length;
      var badge = link.querySelector(".hub-facet__count");
      if (badge) badge.textContent = "(" + count + ")";
    });
    status.textContent = showing.replace("{shown}", shown).replace("{total}", items.length);
    empty.hidden = shown !== 0;
    clear.hidden = Object.keys(state).length === 0;
    switches.forEach(function (link) {
      link.setAttribute("href", link.getAttribute("data-hub-href") + query(state));
    });
  }

  function toggle(link) {
    var state = read();
    var facet = link.getAttribute("data-facet");
    var value = link.getAttribute("data-value");
    var chosen = state[facet] || [];
    var at = chosen.indexOf(value);
    if (at === -1) chosen.push(value); else chosen.splice(at, 1);
    if (chosen.length) state[facet] = chosen; else delete state[facet];
    window.history.pushState(null, "", url(state));
    apply(state);
  }

  links.forEach(function (link) {
    link.setAttribute("role", "button");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      toggle(link);
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        toggle(link);
      }
    });
  });
  clear.addEventListener("click", function (event) {
    event.preventDefault();
    window.history.pushState(null, "", url({}));
    apply({});
  });
  window.addEventListener("popstate", function () { apply(read()); });
  apply(read());
})();
