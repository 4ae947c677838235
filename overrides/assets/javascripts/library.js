/*
 * The library as a finder (overrides/hub/library.html). Without this script the page is
 * complete: every item is listed and every facet value links to its term's page, or to
 * the library filtered on it. With it:
 *
 * - the facet values become checkboxes (role="checkbox" on the links) that narrow the list
 *   at once; within a facet the values are alternatives (or), across facets all must hold
 *   (and); each value counts the items it would show given the other choices, and a value
 *   that would show none is disabled;
 * - the chosen filters are chips, each a button that removes it, with "clear all";
 * - a words filter over titles and summaries (see fold and matches), an order (newest
 *   first, as the page lists them, or by title in the reader's language's collation) and a
 *   list or grid view (the reader's choice, kept in localStorage);
 * - the number shown is announced politely (role="status"), once typing pauses;
 * - the state lives in the address (?country=kz,ge&format=offline&words=open+data&sort=title), so a
 *   filtered list can be shared and survives back/forward; the language switch carries it
 *   to the other language's library (values are ids, the same in every language).
 *
 * Nothing here names a facet, a parameter or a word: the facets are the page's
 * [data-facet] groups, each item's values its data-<facet> attributes, the parameters the
 * names of the page's form fields, the words the page's data-* texts (data/ui.yml).
 *
 * Large libraries: the page holds its first batch of items in the list and the rest in
 * <noscript> batches, which a browser running this script keeps as text. They are parsed
 * here (as the page's own escaped HTML, which is what the browser would have parsed without
 * script), one batch per task, so no long task holds the page. While the address asks for
 * the default list, the first batch shows at once and the others follow below it; any
 * other state keeps the results hidden (their space is kept) until every batch is in,
 * so the list never jumps. No dependencies.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-hub-library]");
  if (!root) return;
  root.setAttribute("data-started", "");  // the script runs: the stylesheet's fallback is not needed

  var lang = document.documentElement.lang || undefined;
  var slice = function (list) { return Array.prototype.slice.call(list); };
  var list = root.querySelector(".hub-catalogue__results > .hub-items");
  var pending = slice(root.querySelectorAll("noscript.hub-items__more"));
  var FACETS = slice(root.querySelectorAll(".hub-facet[data-facet]")).map(function (facet) {
    return facet.getAttribute("data-facet");
  });
  var links = slice(root.querySelectorAll("a.hub-facet__value"));
  var words = root.querySelector(".hub-tools__words input");
  var sort = root.querySelector(".hub-tools__sort select");
  var ORDERS = slice(sort.options).map(function (option) { return option.value; });
  var views = slice(root.querySelectorAll("button[data-view]"));
  var status = root.querySelector(".hub-catalogue__status");
  var empty = root.querySelector(".hub-catalogue__empty");
  var chips = root.querySelector(".hub-chips");
  var chipList = root.querySelector(".hub-chips__list");
  var chipTemplate = root.querySelector("template.hub-chip-template");
  var heading = root.querySelector("#hub-catalogue-title");
  var toggle = root.querySelector(".hub-library__toggle");
  var text = {
    showing: root.getAttribute("data-showing") || "{shown} / {total}",
    remove: root.getAttribute("data-remove") || "{label}",
    wordsChip: root.getAttribute("data-words-chip") || "{words}",
    filtersChosen: root.getAttribute("data-filters-chosen") || "{n}",
    filters: toggle.textContent
  };
  var labels = {};  // facet -> value -> label, as the page writes it
  links.forEach(function (link) {
    var facet = link.getAttribute("data-facet");
    (labels[facet] = labels[facet] || {})[link.getAttribute("data-value")] = link.firstChild.nodeValue.trim();
  });
  // A text of data/ui.yml with its {name} filled in (as it is: "$&" in a label or in what a
  // reader types is text, not a replacement pattern).
  function fill(template, name, value) {
    return template.split("{" + name + "}").join(String(value));
  }
  var switches = slice(document.querySelectorAll("a.md-select__link[hreflang]"));
  switches.forEach(function (link) { link.setAttribute("data-hub-href", link.getAttribute("href")); });
  var VIEW_KEY = "hub.library.view";
  var collator = null;  // made when a reader first sorts by title (it costs time to make)

  // --- Words --------------------------------------------------------------------------
  // What a reader types is compared with what the page says, both folded the same way:
  // letter case ignored (in the page's language), accents dropped, so "ё" reads as "е" and
  // "é" as "e" (but "й" stays itself), punctuation and dashes read as spaces.
  function fold(value) {
    return value.toLocaleLowerCase(lang).normalize("NFD")
      .replace(/\u0438\u0306/g, "\u0439")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  // Every word typed must begin a word of the title or summary, in any order, so results
  // come while typing. A word of more than five letters may also differ in its last two
  // (keeping at least five): the ending of a form the text does not use ("семинаре" finds
  // "семинар", "отчетов" "отчёт", "services" "service").
  function stems(value) {
    return fold(value).split(" ").filter(Boolean).map(function (word) {
      return word.length > 5 ? word.slice(0, Math.max(5, word.length - 2)) : word;
    });
  }

  function matches(record, wanted) {
    return wanted.every(function (stem) {
      return wordsOf(record).some(function (word) { return word.lastIndexOf(stem, 0) === 0; });
    });
  }

  // --- Items --------------------------------------------------------------------------
  var records = [];

  function record(node) {
    var values = {};
    FACETS.forEach(function (facet) {
      values[facet] = (node.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
    });
    var title = node.querySelector(".hub-item__title");
    var summary = node.querySelector(".hub-item__summary");
    var titleText = title ? title.textContent : "";
    return {node: node, index: records.length, values: values, title: titleText,
            text: titleText + " " + (summary ? summary.textContent : ""), words: null};
  }

  // An item's words, folded when the words filter first needs them (not while the page loads).
  function wordsOf(rec) {
    if (rec.words === null) rec.words = fold(rec.text).split(" ");
    return rec.words;
  }

  var byNode = new Map();  // an item's element -> its record
  function keep(rec) {
    records.push(rec);
    byNode.set(rec.node, rec);
  }
  slice(list.querySelectorAll(".hub-item")).forEach(function (node) { keep(record(node)); });
  var total = Number(root.getAttribute("data-total")) || records.length;

  // --- State and address --------------------------------------------------------------
  function read() {
    var params = new URLSearchParams(window.location.search);
    var state = {facets: {}, words: params.get(words.name) || "", order: params.get(sort.name) || ORDERS[0]};
    if (ORDERS.indexOf(state.order) === -1) state.order = ORDERS[0];
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet).join(",").split(",").filter(Boolean);
      if (values.length) state.facets[facet] = values;
    });
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) {
      if (state.facets[facet]) params.set(facet, state.facets[facet].join(","));
    });
    if (state.words.trim()) params.set(words.name, state.words.trim());
    if (state.order !== ORDERS[0]) params.set(sort.name, state.order);
    var encoded = params.toString();
    return encoded ? "?" + encoded : "";
  }

  function chosenCount(state) {
    return FACETS.reduce(function (sum, facet) { return sum + (state.facets[facet] || []).length; }, 0);
  }

  function isDefault(state) {
    return chosenCount(state) === 0 && !state.words.trim() && state.order === ORDERS[0];
  }

  // --- Showing a state ----------------------------------------------------------------
  var current = read();
  var announceTimer = 0;

  // How an item stands with a state: the facets it fails (and the last one), and whether
  // it holds the words (``wanted``: their stems).
  function standing(rec, state, wanted) {
    var failed = null, failures = 0;
    FACETS.forEach(function (facet) {
      var chosen = state.facets[facet];
      if (chosen && !chosen.some(function (value) { return rec.values[facet].indexOf(value) !== -1; })) {
        failures += 1;
        failed = facet;
      }
    });
    return {failures: failures, failed: failed, words: !wanted.length || matches(rec, wanted)};
  }

  // Which items a state shows, and each facet value's count: the items it would show given
  // the state's other facets and words (a value's own facet set aside).
  function evaluate(state) {
    var wanted = stems(state.words);
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet] = {}; });
    var shown = 0;
    records.forEach(function (rec) {
      var stand = standing(rec, state, wanted);
      rec.visible = stand.words && stand.failures === 0;
      if (rec.visible) shown += 1;
      if (!stand.words || stand.failures > 1) return;
      FACETS.forEach(function (facet) {
        if (stand.failures === 1 && stand.failed !== facet) return;
        rec.values[facet].forEach(function (value) { counts[facet][value] = (counts[facet][value] || 0) + 1; });
      });
    });
    return {shown: shown, counts: counts};
  }

  // The records in an order, newest first (the page's own) or by title; kept until more
  // records arrive.
  var orderings = {};
  function ordering(order) {
    var known = orderings[order];
    if (known && known.length === records.length) return known;
    var sorted = records.slice();
    if (order === "title") {
      collator = collator || new Intl.Collator(lang, {numeric: true, sensitivity: "base"});
      sorted.sort(function (a, b) { return collator.compare(a.title, b.title) || a.index - b.index; });
    }
    return (orderings[order] = sorted);
  }

  // The list holds the items a state shows, in its order, and nothing else: an item that
  // does not match is taken out of the page rather than hidden in it (hiding hundreds of
  // items costs the browser far more than taking them out, and they come back as they were).
  // A filter only takes out and puts back; a new order lays the list out anew.
  var listed = ORDERS[0];
  function arrange(state) {
    var wanted = ordering(state.order).filter(function (rec) { return rec.visible; });
    if (state.order !== listed) {
      var fragment = document.createDocumentFragment();
      wanted.forEach(function (rec) { fragment.appendChild(rec.node); });
      list.textContent = "";
      list.appendChild(fragment);
      listed = state.order;
      return;
    }
    var cursor = list.firstElementChild;
    function drop() {
      var gone = cursor;
      cursor = cursor.nextElementSibling;
      list.removeChild(gone);
    }
    wanted.forEach(function (rec) {
      while (cursor && !byNode.get(cursor).visible) drop();
      if (cursor === rec.node) cursor = cursor.nextElementSibling;
      else list.insertBefore(rec.node, cursor);
    });
    while (cursor) drop();
  }

  function chip(label, accessible, remove) {
    var item = chipTemplate.content.firstElementChild.cloneNode(true);
    var button = item.querySelector("button");
    button.querySelector(".hub-chip__label").textContent = label;
    button.setAttribute("aria-label", accessible);
    button.addEventListener("click", function () {
      var at = slice(chipList.children).indexOf(item);
      remove();
      var left = chipList.querySelectorAll("button");
      (left[Math.min(at, left.length - 1)] || heading).focus();
    });
    return item;
  }

  function renderChips(state) {
    var fragment = document.createDocumentFragment();
    FACETS.forEach(function (facet) {
      (state.facets[facet] || []).forEach(function (value) {
        var label = (labels[facet] || {})[value] || value;
        fragment.appendChild(chip(label, fill(text.remove, "label", label), function () {
          change(without(current, facet, value));
        }));
      });
    });
    var typed = state.words.trim();
    if (typed) {
      var label = fill(text.wordsChip, "words", typed);
      fragment.appendChild(chip(label, fill(text.remove, "label", label), function () {
        change(withWords(current, ""));
      }));
    }
    chipList.textContent = "";
    chipList.appendChild(fragment);
    chips.hidden = !chipList.children.length;
  }

  // The live region changes only when its words do: a screen reader announces each change.
  function announce(shown) {
    var said = fill(fill(text.showing, "shown", shown), "total", total);
    if (status.textContent !== said) status.textContent = said;
  }

  // Show a state; its count is announced "now", or "later" (while typing: once the reader pauses).
  function show(state, when) {
    var result = evaluate(state);
    arrange(state);
    links.forEach(function (link) {
      var facet = link.getAttribute("data-facet");
      var value = link.getAttribute("data-value");
      var chosen = !!(state.facets[facet] && state.facets[facet].indexOf(value) !== -1);
      var count = result.counts[facet][value] || 0;
      link.setAttribute("aria-checked", chosen ? "true" : "false");
      var off = !chosen && count === 0;
      if (off) {
        link.setAttribute("aria-disabled", "true");
        link.setAttribute("tabindex", "-1");
      } else {
        link.removeAttribute("aria-disabled");
        link.removeAttribute("tabindex");
      }
      var badge = link.querySelector(".hub-facet__count");
      if (badge) badge.textContent = "(" + count + ")";
    });
    renderChips(state);
    var chosen = chosenCount(state);
    toggle.textContent = chosen ? fill(text.filtersChosen, "n", chosen) : text.filters;
    empty.hidden = result.shown !== 0;
    if (words.value !== state.words && document.activeElement !== words) words.value = state.words;
    sort.value = state.order;
    switches.forEach(function (link) {
      link.setAttribute("href", link.getAttribute("data-hub-href") + query(state));
    });
    window.clearTimeout(announceTimer);
    if (when === "later") {
      announceTimer = window.setTimeout(function () { announce(result.shown); }, 700);
    } else {
      announce(result.shown);
    }
  }

  // --- Changes ------------------------------------------------------------------------
  function copy(state) {
    var facets = {};
    FACETS.forEach(function (facet) { if (state.facets[facet]) facets[facet] = state.facets[facet].slice(); });
    return {facets: facets, words: state.words, order: state.order};
  }

  function without(state, facet, value) {
    var next = copy(state);
    var chosen = (next.facets[facet] || []).filter(function (v) { return v !== value; });
    if (chosen.length) next.facets[facet] = chosen; else delete next.facets[facet];
    return next;
  }

  function withWords(state, typed) {
    var next = copy(state);
    next.words = typed;
    return next;
  }

  // A change the reader made: shown, and kept in the address (a new history entry, except
  // while typing, which replaces the current one once the reader pauses).
  var addressTimer = 0;
  function change(state, typing) {
    current = state;
    show(state, typing ? "later" : "now");
    window.clearTimeout(addressTimer);
    var address = window.location.pathname + query(state) + window.location.hash;
    if (typing) {
      addressTimer = window.setTimeout(function () { window.history.replaceState(null, "", address); }, 300);
    } else {
      window.history.pushState(null, "", address);
    }
  }

  function flip(link) {
    if (link.getAttribute("aria-disabled") === "true") return;
    var facet = link.getAttribute("data-facet");
    var value = link.getAttribute("data-value");
    var chosen = current.facets[facet] || [];
    if (chosen.indexOf(value) !== -1) {
      change(without(current, facet, value));
    } else {
      var next = copy(current);
      next.facets[facet] = chosen.concat([value]);
      change(next);
    }
  }

  links.forEach(function (link) {
    link.setAttribute("role", "checkbox");
    link.addEventListener("click", function (event) {
      // A modified click still opens the value's page (a new tab, a window).
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      flip(link);
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        flip(link);
      }
    });
  });
  words.addEventListener("input", function () { change(withWords(current, words.value), true); });
  sort.addEventListener("change", function () {
    var next = copy(current);
    next.order = sort.value;
    change(next);
  });
  slice(root.querySelectorAll("button.hub-clear")).forEach(function (button) {
    button.addEventListener("click", function () {
      var next = copy(current);
      next.facets = {};
      next.words = "";
      change(next);
      heading.focus();
    });
  });
  toggle.addEventListener("click", function () {
    toggle.setAttribute("aria-expanded", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
  });

  // --- The view: a list or a grid, the reader's choice ----------------------------------
  function setView(name, keep) {
    if (!views.some(function (button) { return button.getAttribute("data-view") === name; })) return;
    root.setAttribute("data-view", name);
    views.forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-view") === name ? "true" : "false");
    });
    if (keep) {
      try { window.localStorage.setItem(VIEW_KEY, name); } catch (error) { /* storage refused: not kept */ }
    }
  }
  views.forEach(function (button) {
    button.addEventListener("click", function () { setView(button.getAttribute("data-view"), true); });
  });
  try { setView(window.localStorage.getItem(VIEW_KEY) || "", false); } catch (error) { /* no storage */ }

  window.addEventListener("popstate", function () {
    current = read();
    words.value = current.words;
    show(current, "now");
  });

  // --- The rest of a large library, one batch per task ----------------------------------
  function ready() {
    root.setAttribute("data-ready", "");
  }

  function next() {
    var batch = pending.shift();
    var holder = document.createElement("template");
    holder.innerHTML = batch.textContent;
    var wanted = stems(current.words);
    var fragment = document.createDocumentFragment();
    slice(holder.content.querySelectorAll(".hub-item")).forEach(function (node) {
      var rec = record(node);
      var stand = standing(rec, current, wanted);
      keep(rec);
      rec.visible = stand.words && stand.failures === 0;  // as the state stands; settled at the end
      if (rec.visible) fragment.appendChild(node);
    });
    if (listed !== ORDERS[0]) listed = null;  // added out of order: laid out anew at the end
    list.appendChild(fragment);
    // Emptied, not removed: removing an element beside the list would make the browser
    // restyle every item in the list, each batch costing more than the one before.
    batch.textContent = "";
    if (pending.length) {
      window.setTimeout(next, 0);
    } else {
      show(current, "now");
      ready();
    }
  }

  if (isDefault(current)) {
    // The page as built is this state: nothing to change but the checkboxes' state.
    links.forEach(function (link) { link.setAttribute("aria-checked", "false"); });
  } else {
    show(current, "now");
  }
  if (isDefault(current) || !pending.length) ready();
  if (pending.length) window.setTimeout(next, 0);
})();
