/*
 * gazette search page. Reads the index the build wrote under /search/ (see
 * src/search/): meta.json, then only the term shards of the words typed and
 * the record chunks of the results shown. Tokenising and folding mirror
 * src/search/fold.ts: words are runs of letters, digits and marks; folded,
 * they lose case and marks, đ → d; accent keys keep the marks with the tone
 * on the last vowel. Every piece of data reaches the page as text, never as HTML.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-search-index]");
  if (!root || !window.fetch || !("normalize" in String.prototype)) return;

  var PAGE = 10;
  var MAX_PREFIX_SHARDS = 3;
  var TONES = { "\u0300": 1, "\u0301": 1, "\u0303": 1, "\u0309": 1, "\u0323": 1 };
  var VOWELS = "aăâeêioôơuưy";
  var SHAPED = "ăâêôơư";
  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGITS64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var MARKS = /\p{M}/gu;

  var indexUrl = root.getAttribute("data-search-index");
  var form = root.querySelector(".search-form");
  var input = root.querySelector(".search-input");
  var filters = root.querySelector(".search-filters");
  var categorySelect = root.querySelector(".search-category");
  var yearSelect = root.querySelector(".search-year");
  var orderSelect = root.querySelector(".search-order");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");
  var nojs = root.querySelector(".search-nojs");
  if (nojs) nojs.hidden = true;
  if (filters) filters.hidden = false;

  function label(name) {
    return root.getAttribute("data-label-" + name) || "";
  }

  // Folding and tokenising (mirror of src/search/fold.ts) ---------------------

  /** Per UTF-16 code unit: 0 not seen yet, 1 part of a word, 2 not. */
  var wordUnits = new Uint8Array(0x10000);
  for (var surrogate = 0xd800; surrogate < 0xe000; surrogate++) wordUnits[surrogate] = 2;
  function isWordUnit(code) {
    var known = wordUnits[code];
    if (known === 0) known = wordUnits[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }

  var foldCache = {};
  function foldChar(ch) {
    var known = foldCache[ch];
    if (known === undefined) known = foldCache[ch] = ch.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/đ/g, "d");
    return known;
  }

  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += foldChar(text.charAt(i));
    return out;
  }

  function accentKey(token) {
    var tone = "";
    var base = "";
    var chars = Array.from(token.toLowerCase().normalize("NFD"));
    for (var i = 0; i < chars.length; i++) {
      if (TONES[chars[i]]) tone = chars[i];
      else base += chars[i];
    }
    base = base.normalize("NFC");
    if (tone === "") return base;
    var at = toneVowel(base);
    return (at < 0 ? base + tone : base.slice(0, at + 1) + tone + base.slice(at + 1)).normalize("NFC");
  }

  function isVowel(ch) {
    return ch !== "" && VOWELS.indexOf(ch) >= 0;
  }

  /** Where the tone goes in a toneless syllable (mirror of toneVowel in src/search/fold.ts). */
  function toneVowel(base) {
    var start = 0;
    while (start < base.length && !isVowel(base.charAt(start))) start++;
    if ((base.charAt(start) === "u" && base.charAt(start - 1) === "q") || (base.charAt(start) === "i" && base.charAt(start - 1) === "g" && isVowel(base.charAt(start + 1)))) start++;
    var end = start;
    while (end < base.length && isVowel(base.charAt(end))) end++;
    if (end === start) return -1;
    for (var i = end - 1; i >= start; i--) if (SHAPED.indexOf(base.charAt(i)) >= 0) return i;
    var cluster = base.slice(start, end);
    if (end < base.length || cluster.length === 1 || cluster === "oa" || cluster === "oe" || cluster === "uy") return end - 1;
    return end - 2;
  }

  /** Tokens of `text` with their positions: [{ text, start, end }]. */
  function tokens(text) {
    var source = /[\u0300-\u036f]/.test(text) ? text.normalize("NFC") : text;
    var found = [];
    var start = -1;
    for (var i = 0; i <= source.length; i++) {
      var word = i < source.length && isWordUnit(source.charCodeAt(i));
      if (word && start < 0) start = i;
      else if (!word && start >= 0) {
        found.push({ text: source.slice(start, i), start: start, end: i, source: source });
        start = -1;
      }
    }
    return found;
  }

  /** Digit values by character code: 0–31 for a last digit, 32–63 for another (`MORE`), -1 for none. */
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 32; d++) {
    DIGIT[LAST.charCodeAt(d)] = d;
    DIGIT[MORE.charCodeAt(d)] = 32 + d;
  }

  /** Raises `scores[id]` to `score` for each id `text` encodes (see encodeIds in src/search/postings.ts). */
  function raiseScores(scores, text, score) {
    var previous = -1;
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
        continue;
      }
      previous += value * 32 + digit + 1;
      if (scores[previous] < score) scores[previous] = score;
      value = 0;
    }
  }

  // Loading ------------------------------------------------------------------

  var cache = {};
  function getJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(indexUrl + path, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
      cache[path].catch(function () {
        delete cache[path];
      });
    }
    return cache[path];
  }

  var meta;
  function loadMeta() {
    return getJson("meta.json").then(function (data) {
      if (!data || data.v !== 1) throw new Error("unknown index format");
      meta = data;
      // Each article's category number and year, once: the filters count them for every match.
      meta.catOf = new Uint16Array(data.n);
      meta.yearOf = new Uint16Array(data.n);
      for (var id = 0; id < data.n; id++) meta.catOf[id] = typeof data.cats === "string" ? DIGITS64.indexOf(data.cats.charAt(id)) : data.cats[id];
      data.years.forEach(function (entry, k) {
        var end = k + 1 < data.years.length ? data.years[k + 1][1] : data.n;
        meta.yearOf.fill(entry[0], entry[1], end);
      });
      return data;
    });
  }

  /** Index in meta.shards of the shard holding `word`: the longest key that begins it. */
  function shardOf(word) {
    var best = -1;
    for (var i = 0; i < meta.shards.length; i++) {
      var key = meta.shards[i];
      if (word.lastIndexOf(key, 0) === 0 && (best < 0 || key.length > meta.shards[best].length)) best = i;
    }
    return best;
  }

  /** The shards to load for a word: its own, and for the last word those of longer words it begins (unless too many). */
  function shardsFor(word, prefix) {
    var found = [];
    var own = shardOf(word);
    if (own >= 0) found.push(own);
    if (prefix) {
      var deeper = [];
      for (var i = 0; i < meta.shards.length; i++) {
        if (i !== own && meta.shards[i].length > word.length && meta.shards[i].lastIndexOf(word, 0) === 0) deeper.push(i);
      }
      if (deeper.length <= MAX_PREFIX_SHARDS) found = found.concat(deeper);
    }
    return found;
  }

  function loadShard(index) {
    return getJson("t/" + meta.files[index] + ".json");
  }

  // Matching and ranking -----------------------------------------------------

  function queryWords(query) {
    var seen = {};
    var words = [];
    tokens(query).forEach(function (token) {
      var folded = fold(token.text);
      if (!folded || seen[folded]) return;
      seen[folded] = true;
      var lower = token.text.toLowerCase().normalize("NFC");
      words.push({ folded: folded, key: accentKey(token.text), accented: folded !== lower });
    });
    if (words.length > 0) words[words.length - 1].prefix = true;
    return words;
  }

  /**
   * Scores of one word per article (0: no match): title 3, elsewhere 1;
   * +6 when the query word has accents and the article has it with the same
   * accents; +0.5 for the whole word rather than a longer one it begins.
   */
  function wordScores(word, shards) {
    var scores = new Float32Array(meta.n);
    shards.forEach(function (shard) {
      Object.keys(shard).forEach(function (term) {
        var whole = term === word.folded;
        if (!whole && !(word.prefix && term.lastIndexOf(word.folded, 0) === 0)) return;
        shard[term].forEach(function (variant) {
          var bonus = (word.accented && variant[0] === word.key ? 6 : 0) + (whole ? 0.5 : 0);
          raiseScores(scores, variant[1], 1 + bonus);
          raiseScores(scores, variant[2], 3 + bonus);
        });
      });
    });
    return scores;
  }

  function rank(words, shardsPerWord) {
    var total = null;
    words.forEach(function (word, w) {
      var scores = wordScores(word, shardsPerWord[w]);
      if (total === null) total = scores;
      else for (var i = 0; i < total.length; i++) total[i] = scores[i] > 0 && total[i] > 0 ? total[i] + scores[i] : 0;
    });
    var ids = [];
    if (total) for (var id = 0; id < total.length; id++) if (total[id] > 0) ids.push(id);
    return { ids: ids, scores: total };
  }

  // Rendering ----------------------------------------------------------------

  /** Appends `text` to `parent`, the words matching the query in <mark>. */
  function appendHighlighted(parent, text, words) {
    var source = /[\u0300-\u036f]/.test(text) ? text.normalize("NFC") : text;
    var at = 0;
    tokens(source).forEach(function (token) {
      var folded = fold(token.text);
      var hit = words.some(function (word) {
        return folded === word.folded || (word.prefix && folded.lastIndexOf(word.folded, 0) === 0);
      });
      if (!hit) return;
      if (token.start > at) parent.appendChild(document.createTextNode(source.slice(at, token.start)));
      var mark = document.createElement("mark");
      mark.textContent = token.text;
      parent.appendChild(mark);
      at = token.end;
    });
    if (at < source.length) parent.appendChild(document.createTextNode(source.slice(at)));
  }

  function resultItem(record, words) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result-title";
    var link = document.createElement("a");
    link.href = meta.base + record[1];
    appendHighlighted(link, record[0], words);
    heading.appendChild(link);
    item.appendChild(heading);
    var info = document.createElement("p");
    info.className = "search-result-meta";
    var time = document.createElement("time");
    time.setAttribute("datetime", record[3]);
    time.textContent = record[2];
    info.appendChild(time);
    var category = meta.categories[record[4] - 1];
    if (category) {
      var categoryLink = document.createElement("a");
      categoryLink.href = meta.base + category[1];
      categoryLink.textContent = category[0];
      info.appendChild(categoryLink);
    }
    item.appendChild(info);
    if (record[5]) {
      var excerpt = document.createElement("p");
      excerpt.className = "search-result-excerpt";
      appendHighlighted(excerpt, record[5], words);
      item.appendChild(excerpt);
    }
    return item;
  }

  function fillSelect(select, options, selected, allLabel) {
    while (select.options.length > 1) select.remove(1);
    select.options[0].textContent = allLabel;
    options.forEach(function (option) {
      var element = document.createElement("option");
      element.value = option.value;
      element.textContent = option.label + " (" + option.count + ")";
      if (option.value === selected) element.selected = true;
      select.appendChild(element);
    });
    if (selected && select.value !== selected) {
      var kept = document.createElement("option");
      kept.value = selected;
      kept.textContent = selected + " (0)";
      kept.selected = true;
      select.appendChild(kept);
    }
  }

  // The search itself --------------------------------------------------------

  var state = { query: "", category: "", year: "", order: "" };
  var current = null;
  var run = 0;
  var computeMs = 0;

  /** A count with thousands separated as the page's language writes them (no Intl: it costs more than the search). */
  function thousands(count) {
    var separator = /^(vi|de|id|es|it|pt|nl|tr|da)\b/i.test(document.documentElement.lang) ? "." : ",";
    return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function readState() {
    var params = new URLSearchParams(location.search);
    state.query = params.get("q") || "";
    state.category = params.get("category") || "";
    state.year = params.get("year") || "";
    state.order = params.get("order") === "newest" ? "newest" : "";
    input.value = state.query;
    orderSelect.value = state.order;
  }

  function writeState() {
    var params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    if (state.category) params.set("category", state.category);
    if (state.year) params.set("year", state.year);
    if (state.order) params.set("order", state.order);
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  function timed(work) {
    var started = performance.now();
    try {
      return work();
    } finally {
      computeMs += performance.now() - started;
    }
  }

  function search() {
    var mine = ++run;
    writeState();
    var words = queryWords(state.query);
    list.textContent = "";
    more.hidden = true;
    if (words.length === 0) {
      setStatus(label("prompt"));
      current = null;
      return Promise.resolve();
    }
    setStatus(label("loading"));
    computeMs = 0;
    root.removeAttribute("data-search-ms");
    return loadMeta()
      .then(function () {
        var wanted = words.map(function (word) {
          return shardsFor(word.folded, word.prefix);
        });
        return Promise.all(
          wanted.map(function (indexes) {
            return Promise.all(indexes.map(loadShard));
          }),
        );
      })
      .then(function (shardsPerWord) {
        if (mine !== run) return;
        current = timed(function () {
          var ranked = rank(words, shardsPerWord);
          return { words: words, ids: ranked.ids, scores: ranked.scores, shown: 0 };
        });
        return show(mine);
      })
      .catch(function (error) {
        if (mine !== run) return;
        setStatus(label("failed"));
        if (window.console) console.error(error);
      });
  }

  /**
   * `ids` (ascending) ordered by score, highest first, ties in id order (newest
   * first). Scores take few distinct values, so the ids are grouped by score
   * instead of sorted: linear in the matches, which can be most of the site.
   */
  function byScore(ids, scores) {
    var values = [];
    var counts = [];
    var bucket = new Int32Array(ids.length);
    var last = -1;
    for (var i = 0; i < ids.length; i++) {
      var score = scores[ids[i]];
      var b = last >= 0 && values[last] === score ? last : values.indexOf(score);
      if (b < 0) {
        b = values.length;
        values.push(score);
        counts.push(0);
      }
      bucket[i] = last = b;
      counts[b]++;
    }
    var order = values.map(function (_, k) {
      return k;
    });
    order.sort(function (a, b) {
      return values[b] - values[a];
    });
    var next = new Int32Array(values.length);
    for (var o = 0, at = 0; o < order.length; o++) {
      next[order[o]] = at;
      at += counts[order[o]];
    }
    var sorted = new Array(ids.length);
    for (var j = 0; j < ids.length; j++) sorted[next[bucket[j]]++] = ids[j];
    return sorted;
  }

  /** Applies the filters and order to the current matches and shows the first page (or the next one). */
  function show(mine) {
    var selected = timed(function () {
      var wantedCategory = state.category;
      var wantedYear = state.year ? Number(state.year) : 0;
      var wantedNumber = 0;
      for (var c = 0; c < meta.categories.length; c++) if (meta.categories[c][2] === wantedCategory) wantedNumber = c + 1;
      // Matches per category (by number) and per year, each counted under the other filter, as the selects show them.
      var perCategory = new Int32Array(meta.categories.length + 1);
      var perYear = {};
      var kept = [];
      var ids = current.ids;
      for (var k = 0; k < ids.length; k++) {
        var id = ids[k];
        var category = meta.catOf[id];
        var year = meta.yearOf[id];
        var categoryOk = !wantedCategory || (category > 0 && category === wantedNumber);
        var yearOk = !wantedYear || year === wantedYear;
        if (yearOk && category > 0) perCategory[category]++;
        if (categoryOk) perYear[year] = (perYear[year] || 0) + 1;
        if (categoryOk && yearOk) kept.push(id);
      }
      if (!state.order) kept = byScore(kept, current.scores);
      var categoryOptions = [];
      for (var n = 1; n < perCategory.length; n++) {
        if (perCategory[n] > 0) categoryOptions.push({ value: meta.categories[n - 1][2], label: meta.categories[n - 1][0], count: perCategory[n] });
      }
      fillSelect(categorySelect, categoryOptions, state.category, label("all-categories"));
      fillSelect(
        yearSelect,
        Object.keys(perYear)
          .sort(function (a, b) {
            return b - a;
          })
          .map(function (y) {
            return { value: y, label: y, count: perYear[y] };
          }),
        state.year,
        label("all-years"),
      );
      return kept;
    });
    current.kept = selected;
    current.shown = 0;
    list.textContent = "";
    more.hidden = true;
    return showMore(mine);
  }

  function showMore(mine) {
    var ids = current.kept.slice(current.shown, current.shown + PAGE);
    var chunks = {};
    ids.forEach(function (id) {
      chunks[Math.floor(id / meta.chunk)] = true;
    });
    return Promise.all(
      Object.keys(chunks).map(function (chunk) {
        return getJson("d/" + chunk + ".json").then(function (records) {
          return [chunk, records];
        });
      }),
    ).then(function (loaded) {
      if (mine !== run) return;
      timed(function () {
        var byChunk = {};
        loaded.forEach(function (pair) {
          byChunk[pair[0]] = pair[1];
        });
        var fragment = document.createDocumentFragment();
        ids.forEach(function (id) {
          var record = byChunk[Math.floor(id / meta.chunk)][id % meta.chunk];
          if (record) fragment.appendChild(resultItem(record, current.words));
        });
        list.appendChild(fragment);
        current.shown += ids.length;
        var count = current.kept.length;
        setStatus(count === 0 ? label("none") : label("count").replace("{n}", thousands(count)));
        more.hidden = current.shown >= count;
      });
      root.setAttribute("data-search-ms", computeMs.toFixed(1));
      root.setAttribute("data-search-done", String(mine));
    });
  }

  var typing = 0;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      state.query = input.value;
      search();
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    state.query = input.value;
    search();
  });
  function refilter() {
    state.category = categorySelect.value;
    state.year = yearSelect.value;
    state.order = orderSelect.value;
    writeState();
    if (current && meta) {
      var mine = ++run;
      computeMs = 0;
      show(mine);
    }
  }
  categorySelect.addEventListener("change", refilter);
  yearSelect.addEventListener("change", refilter);
  orderSelect.addEventListener("change", refilter);
  more.addEventListener("click", function () {
    if (current) showMore(run);
  });

  readState();
  search();
})();
