/*
 * The search worker: Material's own worker, with one word pipeline for the
 * index and for the query (before-material.js starts this file instead of
 * Material's, whose name it passes after the "#").
 *
 * Material builds the lunr index in the browser and, with its default
 * settings, removes the stemmers; it also adds a trailing wildcard to every
 * word typed, and lunr runs no pipeline at all on a wildcard word. So a query
 * found only the word forms the text happens to use ("услуг", not "услуги").
 * Here every word, in the pages and in the query, goes through the same steps:
 *
 *   1. trim: punctuation around the word goes ("услуги," -> "услуги");
 *   2. fold: Unicode NFC, then ё -> е ("отчёт" and "отчет" are one word);
 *   3. stop words (index only, as in lunr): the word's own language's list;
 *   4. stem with the word's own language's Snowball stemmer: Cyrillic words
 *      with lunr-languages' Russian stemmer, Latin words with lunr's English
 *      (Porter) stemmer, so a Russian page's English names and an English
 *      page's Russian quotations are handled as what they are.
 *
 * A word typed with a trailing wildcard (Material adds one to every word, so
 * that results appear while typing) is stemmed too, then matched as a prefix:
 * "услуги" looks for words beginning with "услуг", "цифровизацию" for
 * "цифровизац". Both indexes name both languages (engine/search_index.py), so
 * Material loads the Russian stemmer (lunr.ru) into this worker.
 */
(function () {
  "use strict";
  var material = decodeURIComponent(self.location.hash.slice(1));
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("hub-search.js: unexpected search worker " + JSON.stringify(material));
  }
  importScripts(material); // Material's worker: sets self.lunr and answers Material's messages
  var lunr = self.lunr;
  var CYRILLIC = /[\u0400-\u04ff]/;
  var queryPipeline = null;

  function trim(token) {
    return token.update(function (word) {
      return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    });
  }
  function fold(token) {
    return token.update(function (word) { return word.normalize("NFC").replace(/ё/g, "е"); });
  }
  function russian(word) { return CYRILLIC.test(word) && lunr.ru; }
  function stopWords(token, i, tokens) {
    var word = token.toString();
    if (!word) return undefined;
    return russian(word) ? lunr.ru.stopWordFilter(token, i, tokens) : lunr.stopWordFilter(token, i, tokens);
  }
  function stem(token, i, tokens) {
    var word = token.toString();
    if (!word) return undefined;
    return russian(word) ? lunr.ru.stemmer(token, i, tokens) : lunr.stemmer(token, i, tokens);
  }
  lunr.Pipeline.registerFunction(trim, "hub-trim");
  lunr.Pipeline.registerFunction(fold, "hub-fold");
  lunr.Pipeline.registerFunction(stopWords, "hub-stop-words");
  lunr.Pipeline.registerFunction(stem, "hub-stem");

  // The index: set the pipelines when the first page is added, after Material
  // has set up (and pruned) its own.
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.hubPipeline) {
      this.hubPipeline = true;
      this.pipeline.reset();
      this.pipeline.add(trim, fold, stopWords, stem);
      this.searchPipeline.reset();
      this.searchPipeline.add(trim, fold, stem);
      queryPipeline = this.searchPipeline;
    }
    return add.call(this, doc, attributes);
  };

  // The query: lunr passes a word with a wildcard through no pipeline; stem
  // the word before its trailing wildcard with the same steps as the index.
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    var match = queryPipeline && spec.usePipeline === false && /^([^*]+)\*$/.exec(spec.term || "");
    if (match) {
      var words = queryPipeline.runString(match[1]);
      if (words.length === 1 && words[0]) spec.term = words[0] + "*";
    }
    return clause.call(this, spec);
  };
})();
