// Podium: give Material's search dialog an accessible name (axe: aria-dialog-name).
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
  if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "Search");
});

// Paragraph permalinks: a ¶ link at the end of each numbered block of the text
// (its id is in the page; the link is added here, so that a long speech's page
// does not carry a hundred copies of it).
(function () {
  var text = document.querySelector(".podium-text[data-podium-permalink]");
  if (!text) return;
  var label = text.dataset.podiumPermalink;
  text.querySelectorAll(":scope > p[id], .podium-p[id]").forEach(function (block) {
    var link = document.createElement("a");
    link.className = "podium-pilcrow";
    link.href = "#" + block.id;
    link.title = label.replace("{n}", block.id.replace(/^p/, ""));
    link.textContent = "¶";
    block.append(" ", link);
  });
})();

// Citation downloads: each file is made from the citation shown above its link
// (made again when the citation changes: a paragraph cited).
function podiumCiteFiles() {
  document.querySelectorAll(".podium-cite a[download][type]").forEach(function (link) {
    var code = link.closest(".tabbed-block").querySelector("code");
    var blob = new Blob([code.textContent + "\n"], { type: link.type + ";charset=utf-8" });
    if (link.href.indexOf("blob:") === 0) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(blob);
  });
}

// Cite one paragraph: when the address names a paragraph (#p9), the plain-text
// citation gives its number and that paragraph's permalink. The number is the
// one the source prints ("98." in a UN verbatim record: "¶ 98"), else the
// paragraph's place in the text ("¶ 9"). BibTeX, CSL-JSON and RIS hold no
// paragraph of their own: their URL becomes the paragraph's permalink, so a
// reference manager keeps it (an outside tester found them still citing the page).
function podiumCiteParagraph() {
  var codes = document.querySelectorAll(".podium-cite .tabbed-block code");
  if (!codes.length) return;
  var match = /^#p(\d+)$/.exec(window.location.hash);
  codes.forEach(function (code, i) {
    if (!code.dataset.original) code.dataset.original = code.textContent;
    var text = code.dataset.original.replace(/\s+$/, "");
    if (match && i === 0) {
      var block = document.getElementById("p" + match[1]);
      var printed = block && block.querySelector(".podium-number");
      var number = printed && printed.parentNode === block && block.firstChild === printed
        ? printed.textContent.replace(/[.)\s]+$/, "") : match[1];
      var cut = text.lastIndexOf(" ");
      var url = text.slice(cut + 1);
      if (/^https?:\/\//.test(url)) code.dataset.url = url;
      text = text.slice(0, cut) + " ¶ " + number + ". " + url + "#p" + match[1];
    } else if (match && codes[0].dataset.url) {
      text = text.split(codes[0].dataset.url).join(codes[0].dataset.url + "#p" + match[1]);
    }
    code.textContent = text;
  });
  podiumCiteFiles();
}
podiumCiteParagraph();
window.addEventListener("hashchange", podiumCiteParagraph);

// Search: every Pagefind bundle of the site (one per language and piece,
// listed in pagefind/podium-bundles.json) is loaded as its own Pagefind
// instance (each language's words as written; Chinese, Japanese and the
// other languages written without spaces cut by Pagefind), and the
// results are merged here: by score, or by date (a merge of the bundles'
// date-sorted lists). Everything from the index is inserted as text.
var PODIUM_ROOT = new URL("../../", (document.currentScript && document.currentScript.src) || location.href);
var PODIUM_SEGMENTED = /^(zh|ja|th|km|lo|my)\b/;

// A file the page needs at most once (the search's manifests, the totals):
// fetched on the first call, the same promise for every call after.
function podiumOnce(load) {
  var loading = null;
  return function () { return loading || (loading = load()); };
}

// One Pagefind runtime per bundle, each bundle's own pagefind.js. Pagefind
// 1.5's createInstance would share one runtime and one worker, but its
// instances then share one WebAssembly glue: with three bundles, searches
// failed with "memory access out of bounds" in about one run in three.
var podiumBundles = podiumOnce(function () {
  var index = new URL("pagefind/", PODIUM_ROOT);
  return fetch(new URL("podium-bundles.json", index)).then(function (r) {
    if (!r.ok) throw new Error("no search index");
    return r.json();
  }).then(function (manifest) {
    return Promise.all(manifest.bundles.map(function (b) {
      var base = new URL(b.path, index).href;
      return import(base + "pagefind.js").then(function (pf) {
        // baseUrl "/": result URLs relative to the site, which podium.js joins to
        // its root. Pagefind's default is the path before "pagefind/", and the
        // join then doubled it on a site served under a path (/podium/podium/…).
        return pf.options({ basePath: base, baseUrl: "/", excerptLength: 24 }).then(function () {
          return { pf: pf, language: b.language, superseded: b.superseded || {} };
        });
      });
    }));
  });
});

// The words asked for, as Pagefind's exact search (`"w1 w2"`): a statement
// counts only if its text holds them as whole words, in that order. Without
// the quotes Pagefind also takes every indexed word that begins with the last
// word of the query (`Navalny` found `naval`), and counts those statements.
// Quotes the reader typed are dropped: several words are always a phrase.
// An apostrophe between letters, and a hyphen or dash between letters or digits,
// become a space, as the index cut the word there (search.elisions): `droits
// de l'homme` is the phrase `droits de l homme`, `self-determination` the
// phrase `self determination`. The index has no stemmer (search.EXACT), so
// a word is found as written: `vaccine` does not find `vaccines`. Languages written without spaces are cut into words here, since
// Pagefind segments a query only for the page's own language.
function podiumQuery(query, language, prefix) {
  var text = String(query || "").replace(/["“”„«»]/g, " ")
    .replace(/(\p{L})['’](?=\p{L})/gu, "$1 ")
    .replace(/([\p{L}\p{N}])[-\u2010-\u2015](?=[\p{L}\p{N}])/gu, "$1 ")
    .replace(/(\p{L})\.(?=\p{L})/gu, "$1 ").trim();  // (`U.S.`: search.DOT)
  if (!text) return null;
  if (PODIUM_SEGMENTED.test(language) && typeof Intl.Segmenter !== "undefined") {
    var words = [];
    for (var part of new Intl.Segmenter(language, { granularity: "word" }).segment(text)) {
      if (part.isWordLike) words.push(part.segment);
    }
    text = words.join(" ");
  }
  text = text.split(/\s+/).filter(Boolean).join(" ");
  if (!text) return null;
  return prefix ? text : '"' + text + '"';  // prefix: Pagefind's own search, for words being typed
}

// One search: {total, filters: {key: {value: count}}, next(n)}. A query of one
// word (or none, with filters) is answered by Podium's word index when the site
// has one (podiumWordSearch); a phrase, a word of a language written without
// spaces, or a site without the index, by every Pagefind bundle.
function podiumSearchAll(query, filters, sort, counts, prefix) {
  query = podiumCleanQuery(query);
  return podiumWordIndex().then(function (index) {
    var asked = index && podiumWordAsked(index, query, filters, prefix);
    if (asked) return podiumWordSearch(index, asked, filters, sort);
    return podiumPagefindAll(query, filters, sort, counts, prefix);
  });
}

// A query as searched: invisible characters a copy from a PDF brings along
// (ZERO WIDTH SPACE, WORD JOINER, a byte-order mark, a soft hyphen) taken out,
// and at most 200 characters (a phrase of a thousand words cost 212 requests).
function podiumCleanQuery(query) {
  if (query === null || query === undefined) return query;
  return String(query).replace(/[\u200b\u2060\ufeff\u00ad]/g, "").slice(0, 200);
}

// Every bundle's answer, merged. With counts: Pagefind counts filter values
// only once its filters are loaded.
function podiumPagefindAll(query, filters, sort, counts, prefix) {
  return podiumBundles().then(function (bundles) {
    var options = { filters: filters };
    if (sort) options.sort = { date: sort };
    return Promise.all(bundles.map(function (b) {
      var q = query ? podiumQuery(query, b.language, prefix) : null;
      if (query && !q) return { found: { results: [], filters: {} }, language: b.language, pf: b.pf,
                                query: q, options: options, superseded: b.superseded };
      if (counts && !b.filtersLoaded) b.filtersLoaded = b.pf.filters();
      return Promise.resolve(counts && b.filtersLoaded).then(function () {
        return b.pf.search(q, options);
      }).then(function (found) {
        return { found: found, language: b.language, pf: b.pf, query: q, options: options,
                 superseded: b.superseded };
      });
    }));
  }).then(function (answers) {
    var counts = {}, total = 0;
    answers.forEach(function (a) {
      a.found.results = a.found.results.filter(function (r) {
        var gone = a.superseded[r.id];
        if (gone) podiumUncount(a.found.filters, gone);
        return !gone;
      });
      total += a.found.results.length;
      Object.entries(a.found.filters || {}).forEach(function (entry) {
        var group = counts[entry[0]] = counts[entry[0]] || {};
        Object.entries(entry[1]).forEach(function (v) { group[v[0]] = (group[v[0]] || 0) + v[1]; });
      });
    });
    var lists = answers.map(function (a) {
      return a.found.results.map(function (r) { r.language = a.language; return r; });
    });
    return { total: total, filters: counts,
             next: sort ? podiumByDate(lists, sort === "desc") : podiumByScore(answers, prefix ? null : query) };
  });
}

// Pagefind gives every result of an exact search ("…") the same score, 1:
// "Best match" was the index's order, newest first (an outside tester: the
// speeches that use "apartheid" most were far down the list). The ranking
// comes from Pagefind's own search for the same words without quotes, whose
// scores weigh how often and where they occur; the results stay those of the
// exact search. Null when the order is by date or the search is by prefix.
// Asked for only when results are listed (not for the counts of a chart).
function podiumScores(answer, query) {
  var words = query && answer.found.results.length ? podiumQuery(query, answer.language, true) : null;
  if (!words) return Promise.resolve();
  return answer.pf.search(words, { filters: answer.options.filters }).then(function (ranked) {
    var scores = {};
    ranked.results.forEach(function (r) { scores[r.id] = r.score; });
    answer.found.results.forEach(function (r) { r.score = scores[r.id] || 0; });
  });
}

// In `mkdocs serve`, a page edited since the first build is searched in an
// overlay bundle, and its old copy, listed as superseded in the manifest with
// its filter values, is dropped here: from the results and from the counts
// (podium.outputs.overlay).
function podiumUncount(filters, gone) {
  Object.entries(gone).forEach(function (entry) {
    var group = (filters || {})[entry[0]];
    if (!group) return;
    entry[1].forEach(function (value) { if (group[value]) group[value] -= 1; });
  });
}

// Podium's word index (podium.outputs.wordindex): a manifest (each statement's
// address, length and filter values, newest first) and word files cut by
// alphabetical range, each line a word and its statements (gaps and counts).
// A first search loads the manifest, one word file and the pages of the
// results it shows (their title, facts and excerpt are read from the page);
// Pagefind's 19 bundles of the UN General Debate Corpus cost 223 requests.
var PODIUM_PAGEFIND_SCRIPTS = /[\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\ua9e0-\ua9ff\uaa60-\uaa7f\u{20000}-\u{3134f}]/u;
var PODIUM_LAST = "0123456789abcdefghijklmnopqrstuv";
var PODIUM_MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ+/=!?~";

var podiumWordIndex = podiumOnce(function () {
  return fetch(new URL("search/words/index.json", PODIUM_ROOT)).then(function (r) {
    return r.ok ? r.json() : null;
  }).then(function (index) {
    if (!index || index.version !== 1) return null;
    index.files = {};
    return index;
  }).catch(function () { return null; });
});

// Python's str.casefold where toLowerCase differs for letters of the UN languages' neighbours.
function podiumCasefold(text) { return text.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ"); }

// The index's words of a text, as podium.outputs.wordindex.statement_words
// reads a statement: marks taken off (accents, Arabic vowels), NFKC,
// case-folded, cut at what is not a letter or digit; words of scripts left
// to Pagefind (written without spaces, Indic) left out.
function podiumIndexWords(text) {
  var plain = String(text).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFKD").replace(/\p{M}/gu, "");
  return (podiumCasefold(plain.normalize("NFKC")).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
    return !PODIUM_PAGEFIND_SCRIPTS.test(w);
  });
}

// What the word index can answer of a search: {word} for one word, {prefix}
// for the statements with words that begin with it, {all: true} for filters
// alone; null for a phrase, a word written without spaces, or a filter the
// index does not hold.
function podiumWordAsked(index, query, filters, prefix) {
  if (Object.keys(filters || {}).some(function (k) { return !index.filters[k]; })) return null;
  var text = String(query || "").replace(/["“”„«»]/g, " ");
  if (!text.trim()) return prefix ? null : query ? { none: true } : { all: true };  // (`""`: no word asked)
  if (PODIUM_PAGEFIND_SCRIPTS.test(text)) return null;
  var words = podiumIndexWords(text);
  if (!words.length) return prefix ? null : { none: true };  // (punctuation alone)
  if (words.length !== 1) return null;
  return prefix ? { prefix: words[0] } : { word: words[0] };
}

// The word file that holds a word: the last whose first word is not after it.
function podiumWordFile(index, word) {
  var lo = 0, hi = index.shards.length - 1, found = -1;
  while (lo <= hi) {
    var mid = (lo + hi) >> 1;
    if (index.shards[mid] <= word) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}

function podiumWordText(index, n) {
  if (!index.files[n]) {
    var url = new URL("search/words/" + n + ".txt", PODIUM_ROOT);
    index.files[n] = fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url.pathname);
      return r.text();
    });
  }
  return index.files[n];
}

// A word's line: its statements in the index's order, and the count in each.
function podiumDecode(line, into) {
  var id = -1, n = 0, gap = true;
  for (var k = 0; k < line.length; k++) {
    var ch = line[k], last = PODIUM_LAST.indexOf(ch);
    if (last < 0) { n = n * 32 + PODIUM_MORE.indexOf(ch); continue; }
    n = n * 32 + last;
    if (gap) { id += n; into.ids.push(id); } else { into.counts.push(n + 1); }
    gap = !gap;
    n = 0;
  }
  return into;
}

// {ids, counts} of the statements with the word; with a prefix, of every word
// that begins with it, counts added up (null past three word files).
function podiumPostings(index, asked) {
  var key = asked.word || asked.prefix;
  var from = podiumWordFile(index, key);
  var to = asked.word ? from : podiumWordFile(index, key + "\uffff");
  if (from < 0 && asked.word) return Promise.resolve({ ids: [], counts: [] });
  from = Math.max(from, 0);
  if (to - from > 2) return Promise.resolve(null);
  var files = [];
  for (var n = from; n <= to; n++) files.push(podiumWordText(index, n));
  return Promise.all(files).then(function (texts) {
    var found = { ids: [], counts: [] };
    texts.forEach(function (text) {
      text.split("\n").forEach(function (line) {
        var tab = line.indexOf("\t");
        if (tab < 0) return;
        var word = line.slice(0, tab);
        if (asked.word ? word === key : word.indexOf(key) === 0) podiumDecode(line.slice(tab + 1), found);
      });
    });
    if (asked.word) return found;
    var sum = {};
    found.ids.forEach(function (id, i) { sum[id] = (sum[id] || 0) + found.counts[i]; });
    var ids = Object.keys(sum).map(Number).sort(function (a, b) { return a - b; });
    return { ids: ids, counts: ids.map(function (id) { return sum[id]; }) };
  });
}

// The search over the word index: the statements, filtered; each filter's
// counts; the total; and next(n), the results ranked (BM25 on the counts and
// the statements' lengths) or by date (the index is newest first).
function podiumWordSearch(index, asked, filters, sort) {
  var found;
  if (asked.all) {
    found = { ids: index.pages.map(function (_, i) { return i; }), counts: null };
  } else if (asked.none) {
    found = { ids: [], counts: [] };
  }
  return Promise.resolve(found || podiumPostings(index, asked)).then(function (hits) {
    // A prefix spread over more word files (`con`): said as no statement with
    // the word, not asked of Pagefind, whose every bundle a word being typed
    // would load (the whole corpus: 19 runtimes, over 200 requests).
    if (!hits) return { total: 0, filters: {}, next: function () { return Promise.resolve([]); } };
    var groups = Object.keys(filters || {}).map(function (k) {
      var f = index.filters[k], want = new Set();
      filters[k].any.forEach(function (v) { var i = f.values.indexOf(v); if (i >= 0) want.add(i); });
      return { of: f.of, want: want };
    });
    function has(value, want) {
      return typeof value === "number" ? want.has(value) : value.some(function (v) { return want.has(v); });
    }
    var keep = [], counts = [];
    hits.ids.forEach(function (id, i) {
      if (groups.every(function (g) { return has(g.of[id], g.want); })) {
        keep.push(id);
        counts.push(hits.counts ? hits.counts[i] : 0);
      }
    });
    var tallies = {};
    Object.keys(index.filters).forEach(function (name) {
      var f = index.filters[name], tally = {};
      f.values.forEach(function (v) { tally[v] = 0; });
      keep.forEach(function (id) {
        var of = f.of[id];
        (typeof of === "number" ? [of] : of).forEach(function (v) { tally[f.values[v]] += 1; });
      });
      tallies[name] = tally;
    });
    var order = keep.map(function (id, i) { return i; });
    if (sort === "asc") {
      order.reverse();
    } else if (sort !== "desc" && hits.counts) {
      var total = 0;
      index.words.forEach(function (n) { total += n; });
      var average = total / Math.max(1, index.words.length);
      var score = keep.map(function (id, i) {
        var tf = counts[i], norm = 1.2 * (0.25 + 0.75 * index.words[id] / average);
        return tf * 2.2 / (tf + norm);
      });
      order.sort(function (a, b) { return score[b] - score[a] || keep[a] - keep[b]; });
    }
    var at = 0, word = asked.word || null, prefix = asked.prefix || null;
    return {
      total: keep.length, filters: tallies,
      next: function (n) {
        var chunk = order.slice(at, at + n);
        at += chunk.length;
        return Promise.all(chunk.map(function (i) { return podiumCard(index, keep[i], word, prefix); }));
      }
    };
  });
}

// A result as podiumResult shows it, from the statement's own page: its
// metadata (the block Pagefind indexes: search.attributes) and an excerpt
// around the first paragraph with the word, linked to that paragraph.
function podiumCard(index, id, word, prefix) {
  var url = index.pages[id];
  var address = new URL(url, PODIUM_ROOT);
  return fetch(address).then(function (r) {
    if (!r.ok) throw new Error(r.status + " " + address.pathname);
    return r.text();
  }).then(function (page) {
    var doc = new DOMParser().parseFromString(page, "text/html");  // inert: nothing in it runs or loads
    var record = doc.querySelector('.podium-index [data-pagefind-meta^="record:"]');
    var meta = record ? podiumMeta({ meta: { record: record.getAttribute("data-pagefind-meta").slice(7) } }) : {};
    var text = doc.querySelector(".podium-text");
    var excerpt = text ? podiumWordExcerpt(text, word, prefix) : { html: "", anchor: "" };
    return { url: url + (excerpt.anchor ? "#" + excerpt.anchor : ""), meta: meta, excerpt: excerpt.html,
             content: text ? text.textContent : "", language: meta.language || doc.documentElement.lang };
  });
}

function podiumEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// About 24 words around the first place the word is (or the first words of
// the text, without a word), the word's places marked; and the id of the
// paragraph it is in.
function podiumWordExcerpt(text, word, prefix) {
  var blocks = Array.from(text.querySelectorAll("p, li, td, th, h2, h3, h4, h5, h6, dd, dt, figcaption, pre"))
    .concat([text]);  // (the whole text last: a word outside those elements)
  function matches(token) {
    return podiumIndexWords(token).some(function (w) { return word ? w === word : w.indexOf(prefix) === 0; });
  }
  for (var b = 0; b < blocks.length; b++) {
    var content = blocks[b].textContent.replace(/\s+/g, " ").trim();
    if (!content) continue;
    var tokens = [], re = /[\p{L}\p{N}\p{M}]+/gu, m;
    while ((m = re.exec(content))) tokens.push([m.index, m.index + m[0].length, m[0]]);
    var hit = word || prefix ? tokens.findIndex(function (t) { return matches(t[2]); }) : 0;
    if (hit < 0 || !tokens.length) continue;
    var first = Math.max(0, hit - 10), last = Math.min(tokens.length - 1, first + 23);
    var html = first ? "… " : "", at = tokens[first][0];
    for (var k = first; k <= last; k++) {
      var t = tokens[k];
      html += podiumEscape(content.slice(at, t[0]));
      html += (word || prefix) && matches(t[2]) ? "<mark>" + podiumEscape(t[2]) + "</mark>" : podiumEscape(t[2]);
      at = t[1];
    }
    html += podiumEscape(content.slice(at, last === tokens.length - 1 ? content.length : at)) +
      (last < tokens.length - 1 ? " …" : "");
    var holder = blocks[b].closest("[id]");
    return { html: html, anchor: holder && text.contains(holder) ? holder.id : "" };
  }
  return { html: "", anchor: "" };
}

// A result's metadata is one base64 JSON field (search.attributes), so that
// Pagefind does not search its words; decoded here, used only as text.
function podiumMeta(data) {
  var packed = data.meta && data.meta.record;
  if (!packed) return data.meta || {};
  try {
    var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) { return {}; }
}

function podiumLoad(result) {
  return result.data().then(function (data) {
    data.language = result.language;
    data.meta = podiumMeta(data);
    return data;
  });
}

// Every result holds the words asked for (podiumQuery), so results are
// ranked by score alone (podiumScores); each bundle's scores are its own,
// which is as good a merge as Pagefind's scores allow.
function podiumByScore(answers, query) {
  var ranked = null, at = 0;
  return function (n) {
    if (!ranked) {
      ranked = Promise.all(answers.map(function (a) { return podiumScores(a, query); })).then(function () {
        var all = [];
        answers.forEach(function (a) { a.found.results.forEach(function (r) { all.push(r); }); });
        return all.sort(function (a, b) { return b.score - a.score; });
      });
    }
    return ranked.then(function (all) {
      var chunk = all.slice(at, at + n);
      at += chunk.length;
      return Promise.all(chunk.map(podiumLoad));
    });
  };
}

// The bundles' lists are each in date order: take from the head of the right one.
function podiumByDate(lists, newestFirst) {
  var pos = lists.map(function () { return 0; });
  var heads = lists.map(function () { return null; });
  function head(i) {
    if (heads[i] === null && pos[i] < lists[i].length) heads[i] = podiumLoad(lists[i][pos[i]]);
    return heads[i] || Promise.resolve(undefined);
  }
  function one() {
    return Promise.all(lists.map(function (_, i) { return head(i); })).then(function (loaded) {
      var best = -1;
      loaded.forEach(function (d, i) {
        if (!d) return;
        var key = d.meta.iso || "", top = best < 0 ? null : loaded[best].meta.iso || "";
        if (best < 0 || (newestFirst ? key > top : key < top)) best = i;
      });
      if (best < 0) return undefined;
      pos[best] += 1;
      heads[best] = null;
      return loaded[best];
    });
  }
  return function (n) {
    var out = [];
    function step() {
      if (out.length >= n) return Promise.resolve(out);
      return one().then(function (d) { if (!d) return out; out.push(d); return step(); });
    }
    return step();
  };
}

// An excerpt keeps Pagefind's <mark>s and nothing else; the rest is text.
// Where the index cut a word after its apostrophe or at its hyphen (a WORD
// JOINER and a space: search.elisions), the space is taken out again, and two
// marks on the parts of one word are one. Pagefind marks a whole
// whitespace-delimited token (“apartheid.”): the punctuation around the word
// is moved out of the mark, so that only the words asked for are marked.
function podiumExcerpt(target, excerpt) {
  var template = document.createElement("template");
  template.innerHTML = (excerpt || "").replace(/\u2060<\/mark>\s?<mark>/g, "")
    .replace(/\u2060(<\/mark>)?\s?/g, "$1");  // inert: nothing in a template runs or loads
  template.content.childNodes.forEach(function (node) {
    if (node.nodeName === "MARK") {
      var parts = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(node.textContent);
      if (parts[1]) target.appendChild(document.createTextNode(parts[1]));
      if (parts[2]) {
        var mark = document.createElement("mark");
        mark.textContent = parts[2];
        target.appendChild(mark);
      }
      if (parts[3]) target.appendChild(document.createTextNode(parts[3]));
    } else {
      target.appendChild(document.createTextNode(node.textContent));
    }
  });
  target.normalize();
}

function podiumResult(data) {
  // The statement's own language (a bundle may hold several: indexer.MIXED).
  var language = (data.meta && data.meta.language) || data.language;
  var item = document.createElement("li");
  item.className = "podium-result";
  item.dataset.language = language;
  var link = document.createElement("a");
  link.className = "podium-result__title";
  link.lang = language;  // the title and excerpt are in the statement's language,
  link.dir = "auto";          // the facts line in the site's
  link.href = new URL(String(data.url).replace(/^\/+/, ""), PODIUM_ROOT).href;
  link.textContent = (data.meta && data.meta.title) || data.url;
  item.appendChild(link);
  var facts = [data.meta.date, data.meta.speaker, data.meta.session].filter(Boolean);
  if (facts.length) {
    var meta = document.createElement("p");
    meta.className = "podium-result__meta";
    meta.dir = "auto";
    meta.textContent = facts.join(" · ");
    item.appendChild(meta);
  }
  var excerpt = document.createElement("p");
  excerpt.className = "podium-result__excerpt";
  excerpt.lang = language;
  excerpt.dir = "auto";
  podiumExcerpt(excerpt, data.excerpt);
  item.appendChild(excerpt);
  return item;
}

function podiumStrings(el) {
  try { return JSON.parse(el.getAttribute("data-strings") || "{}"); } catch (e) { return {}; }
}

// Whether a query that no statement holds is worth a search for the words
// that begin with its last word (three letters or more).
function podiumBegun(query) { return /\p{L}{3,}$/u.test(query); }

// "No statement has the word “apar”; 25 have words that begin with it:"
function podiumPrefix(strings, query, n) {
  return (n === 1 ? strings.prefix_one : strings.prefix).replace("{query}", query).replace("{n}", n.toLocaleString());
}

function podiumCount(strings, n) {
  return (n === 1 ? strings.one : strings.other || "{n}").replace("{n}", n.toLocaleString());
}

// Mentions over time: how many statements contain a query, per year, as
// counts or as shares of each year's statements, from the same index the
// search uses (the year filter's counts: no statement's page is loaded). One series,
// or one per value of a filter to compare (delegations, bodies). Drawn as SVG
// with a title and description, and the figures as a table.
var PODIUM_YEAR = "year";
var PODIUM_SVG = "http://www.w3.org/2000/svg";

// Statements per year, in all and per filter value (search.totals): the
// share's denominators. Counted by Pagefind, a count without a query is a
// search with filters alone, which loads every word chunk of every bundle.
var podiumTotals = podiumOnce(function () {
  return fetch(new URL("data/search-totals.json", PODIUM_ROOT)).then(function (r) {
    if (!r.ok) throw new Error("no totals");
    return r.json();
  });
});

// [{label, hits: {year: n}, totals: {year: n}}] for each set of filters; a
// set's `value` ([filter, value]) names the totals it is a share of (of a
// delegation's statements), else it is a share of all the year's statements.
function podiumTrendData(query, sets) {
  return Promise.all([podiumTotals()].concat(sets.map(function (set) {
    return podiumSearchAll(query, set.filters, "", true);
  }))).then(function (answers) {
    var totals = answers[0];
    return sets.map(function (set, i) {
      var of = set.value ? ((totals.by[set.value[0]] || {})[set.value[1]] || {}) : totals.all;
      return { label: set.label, hits: answers[i + 1].filters[PODIUM_YEAR] || {}, totals: of };
    });
  });
}

// Every bundle's filter counts without a query (Pagefind's filters(): only
// the filter chunks are loaded), summed, less the superseded pages of a
// `serve` session.
function podiumFilterCounts() {
  return podiumWordIndex().then(function (index) {
    if (index) return podiumWordSearch(index, { all: true }, {}, "").then(function (found) { return found.filters; });
    return podiumPagefindCounts();
  });
}

function podiumPagefindCounts() {
  return podiumBundles().then(function (bundles) {
    return Promise.all(bundles.map(function (b) {
      return b.pf.filters().then(function (found) {
        Object.keys(b.superseded).forEach(function (id) { podiumUncount(found, b.superseded[id]); });
        return found;
      });
    }));
  }).then(function (all) {
    var counts = {};
    all.forEach(function (found) {
      Object.entries(found || {}).forEach(function (entry) {
        var group = counts[entry[0]] = counts[entry[0]] || {};
        Object.entries(entry[1]).forEach(function (v) { group[v[0]] = (group[v[0]] || 0) + v[1]; });
      });
    });
    return counts;
  });
}

function podiumSvg(name, attrs, parent) {
  var el = document.createElementNS(PODIUM_SVG, name);
  Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
  if (parent) parent.appendChild(el);
  return el;
}

function podiumNice(max) {
  if (max <= 0) return 1;
  var step = Math.pow(10, Math.floor(Math.log10(max)));
  var nice = [1, 2, 2.5, 5, 10].map(function (m) { return m * step; }).find(function (v) { return v >= max; });
  return nice || max;
}

var podiumTrendCount = 0;

// Draw series into `box` (emptied first); share: shares instead of counts.
function podiumTrendDraw(box, strings, query, series, share) {
  var id = "podium-trend-" + (++podiumTrendCount);
  box.textContent = "";
  var years = [];
  series.forEach(function (s) {
    Object.keys(s.totals).forEach(function (y) { if (s.totals[y] > 0 && years.indexOf(y) < 0) years.push(y); });
  });
  years.sort();
  if (!years.length) return;
  var first = +years[0], last = +years[years.length - 1];
  var all = [];
  for (var y = first; y <= last; y++) all.push(String(y));
  // A share of no statements is no value (a gap, "–"), not 0 %: a delegation
  // that did not speak in a year did not stop using a word.
  function value(s, year) {
    var n = s.hits[year] || 0, total = s.totals[year] || 0;
    return share ? (total ? n / total : null) : n;
  }
  function shown(v) {
    if (v === null) return "–";
    return share ? (v * 100).toLocaleString(undefined, { maximumFractionDigits: 1 }) + " %" : v.toLocaleString();
  }
  var top = 0, best = null;
  series.forEach(function (s) {
    all.forEach(function (year) {
      var v = value(s, year);
      if (v !== null && v > top) { top = v; best = [s, year]; }
    });
  });
  var scale = share ? Math.min(1, podiumNice(top * 100) / 100) : podiumNice(top);
  if (!scale) scale = 1;
  // Drawn at the box's own width, so that its 12 px labels stay 12 px on a phone.
  var W = Math.max(300, Math.round(box.clientWidth || 720)), H = W < 500 ? 200 : 240, L = 52, R = 12, T = 12, B = 30;
  var width = (W - L - R) / all.length;
  var heading = strings.trend_summary.replace("{query}", query);
  var label = (share ? strings.trend_share : strings.trend_count);
  var summary = heading + " (" + label + "), " + first + "–" + last +
    (best ? "; " + shown(top) + " · " + best[1] + (series.length > 1 ? " · " + best[0].label : "") : "") + ".";
  var svg = podiumSvg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", class: "podium-trend__chart",
                               "aria-labelledby": id + "-title " + id + "-desc" });
  podiumSvg("title", { id: id + "-title" }, svg).textContent = heading;
  podiumSvg("desc", { id: id + "-desc" }, svg).textContent = summary;
  // Grid lines at 0, half and the top; counts only at whole numbers.
  [0, 0.5, 1].filter(function (f) { return share || Number.isInteger(scale * f); }).forEach(function (f) {
    var yy = T + (H - T - B) * (1 - f);
    podiumSvg("line", { x1: L, x2: W - R, y1: yy, y2: yy, class: "podium-trend__grid" }, svg);
    var text = podiumSvg("text", { x: L - 6, y: yy + 4, "text-anchor": "end", class: "podium-trend__axis" }, svg);
    text.textContent = shown(scale * f);
  });
  // Year labels 44 px apart at least, at round years (every 1, 2, 5, 10, 20…).
  var room = Math.max(1, Math.floor((W - L - R) / 44));
  var every = [1, 2, 5, 10, 20, 25, 50, 100].find(function (n) { return all.length / n <= room; }) || 100;
  all.forEach(function (year, i) {
    if (+year % every && !(all.length <= room)) return;
    var text = podiumSvg("text", { x: L + width * (i + 0.5), y: H - 10, "text-anchor": "middle",
                                   class: "podium-trend__axis" }, svg);
    text.textContent = year;
  });
  function yOf(v) { return T + (H - T - B) * (1 - v / scale); }
  series.forEach(function (s, k) {
    var group = podiumSvg("g", { class: "podium-trend__s" + (k % 6) }, svg);
    if (series.length === 1) {
      all.forEach(function (year, i) {
        var v = value(s, year);
        if (!v) return;
        var bar = podiumSvg("rect", { x: L + width * i + width * 0.15, width: Math.max(1, width * 0.7),
                                      y: yOf(v), height: Math.max(0, H - B - yOf(v)) }, group);
        podiumSvg("title", {}, bar).textContent = year + ": " + shown(v);
      });
    } else {
      // One line per run of years with a value: a year without one is a gap.
      var runs = [[]];
      all.forEach(function (year, i) {
        var v = value(s, year);
        if (v === null) { if (runs[runs.length - 1].length) runs.push([]); return; }
        runs[runs.length - 1].push((L + width * (i + 0.5)) + "," + yOf(v));
        var dot = podiumSvg("circle", { cx: L + width * (i + 0.5), cy: yOf(v), r: 3 }, group);
        podiumSvg("title", {}, dot).textContent = s.label + ", " + year + ": " + shown(v);
      });
      runs.filter(function (run) { return run.length > 1; }).forEach(function (run) {
        podiumSvg("polyline", { points: run.join(" "), fill: "none" }, group);
      });
    }
  });
  box.appendChild(svg);
  if (series.length > 1) {
    var legend = document.createElement("ul");
    legend.className = "podium-trend__legend";
    series.forEach(function (s, k) {
      var item = document.createElement("li");
      item.className = "podium-trend__s" + (k % 6);
      item.textContent = s.label;
      legend.appendChild(item);
    });
    box.appendChild(legend);
  }
  var details = document.createElement("details");
  var caption = document.createElement("summary");
  caption.textContent = strings.trend_table;
  details.appendChild(caption);
  var table = document.createElement("table");
  var head = table.createTHead().insertRow();
  [strings.year].concat(series.map(function (s) { return series.length > 1 ? s.label : label; }))
    .forEach(function (text) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = text;
      head.appendChild(th);
    });
  var tbody = table.createTBody();
  all.forEach(function (year) {
    var row = tbody.insertRow();
    var th = document.createElement("th");
    th.scope = "row";
    th.textContent = year;
    row.appendChild(th);
    series.forEach(function (s) {
      var cell = row.insertCell();
      cell.className = "podium-count";
      cell.textContent = (s.hits[year] || 0).toLocaleString() + " / " + (s.totals[year] || 0).toLocaleString() +
        (share ? " (" + shown(value(s, year)) + ")" : "");
    });
  });
  var wrap = document.createElement("div");
  wrap.className = "md-typeset__table";
  wrap.appendChild(table);
  details.appendChild(wrap);
  box.appendChild(details);
}

// The chart's frame: a heading (on the search page), the count/share choice,
// the drawing. Returns {draw(query, sets), clear()}.
function podiumTrend(section, strings, heading) {
  var id = "podium-trend-mode-" + (++podiumTrendCount);
  if (heading) {
    var h = document.createElement("h2");
    h.textContent = strings.trend_title;
    section.appendChild(h);
  }
  var modes = document.createElement("fieldset");
  modes.className = "podium-trend__modes";
  var legend = document.createElement("legend");
  legend.className = "podium-visually-hidden";
  legend.textContent = strings.trend_title;
  modes.appendChild(legend);
  [["count", strings.trend_count], ["share", strings.trend_share]].forEach(function (pair, i) {
    var label = document.createElement("label");
    var radio = document.createElement("input");
    radio.type = "radio";
    radio.name = id;
    radio.value = pair[0];
    radio.checked = i === 0;
    label.append(radio, " ", pair[1]);
    modes.appendChild(label);
  });
  var box = document.createElement("div");
  box.className = "podium-trend__box";
  section.append(modes, box);
  var hint = document.createElement("p");
  hint.className = "podium-trend__hint";
  hint.hidden = true;
  hint.textContent = strings.trend_compare || "";
  if (heading) section.appendChild(hint);
  var last = null, run = 0, listeners = [];
  function share() { return modes.querySelector("input:checked").value === "share"; }
  modes.addEventListener("change", function () {
    if (last) podiumTrendDraw(box, strings, last.query, last.series, share());
    listeners.forEach(function (f) { f(share()); });
  });
  return {
    draw: function (query, sets) {
      var mine = ++run;
      section.hidden = false;
      return podiumTrendData(query, sets).then(function (series) {
        if (mine !== run) return;
        last = { query: query, series: series };
        podiumTrendDraw(box, strings, query, series, share());
      });
    },
    clear: function () { run++; last = null; box.textContent = ""; hint.hidden = true; },
    hint: function (show) { hint.hidden = !show; },
    share: function (value) {
      if (value === undefined) return share();
      modes.querySelector('input[value="' + (value ? "share" : "count") + '"]').checked = true;
    },
    onMode: function (f) { listeners.push(f); }
  };
}

// The search page: the query, filters, sort, pages shown and chart mode are
// in the address (?query=&sort=&<filter>=…&page=&view=share), restored on
// load and on back/forward; results first, filters beside them on a wide
// screen and in a drawer on a phone.
function podiumSearchPage() {
  var root = document.getElementById("podium-search");
  if (!root) return;
  var strings = podiumStrings(root);
  var input = root.querySelector(".podium-search__query");
  var select = root.querySelector("#podium-sort");
  var status = root.querySelector(".podium-search__status");
  var list = root.querySelector(".podium-results");
  var more = root.querySelector(".podium-search__more");
  var drawer = root.querySelector(".podium-search__filters");
  var panel = root.querySelector(".podium-search__filter-groups");
  var toggle = root.querySelector(".podium-search__toggle");
  var active = root.querySelector(".podium-search__active");
  var close = root.querySelector(".podium-search__close");
  var section = root.querySelector(".podium-trend");
  var trend = podiumTrend(section, strings, true);
  // On a phone the chart follows the results (and "More results"), so that
  // the first result is on the first screen; on a wide screen it is above
  // them. Moved in the page, not only drawn elsewhere: the reading and focus
  // order is the order seen. (The width is podium.css's phone layout.)
  var narrow = window.matchMedia("screen and (max-width: 44.9375em)");
  function place() { if (narrow.matches) more.after(section); else list.before(section); }
  narrow.addEventListener("change", place);
  place();
  var keys = (strings.filters || []).map(function (pair) { return pair[0]; });
  var chosen = {};  // filter key -> set of values
  var pages = 1, run = 0, next = null;

  function read() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("query") || "";
    select.value = params.get("sort") || "";
    chosen = {};
    keys.forEach(function (k) { if (params.getAll(k).length) chosen[k] = new Set(params.getAll(k)); });
    // At most ten pages of results on arrival (a hundred statements): an
    // address with page=999999 fetched 7,550 statements' pages in a minute.
    pages = Math.min(10, Math.max(1, parseInt(params.get("page"), 10) || 1));
    trend.share(params.get("view") === "share");
  }
  function write(push) {
    var url = new URL(location.href);
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("query", input.value.trim());
    if (select.value) params.set("sort", select.value);
    keys.forEach(function (k) { (chosen[k] ? Array.from(chosen[k]) : []).forEach(function (v) { params.append(k, v); }); });
    if (pages > 1) params.set("page", String(pages));
    if (trend.share()) params.set("view", "share");
    url.search = params.toString();
    if (url.href === location.href) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }
  function filters(except) {
    var out = {};
    Object.keys(chosen).forEach(function (k) {
      if (k !== except && chosen[k].size) out[k] = { any: Array.from(chosen[k]) };
    });
    return out;
  }
  // A group's counts leave out the group's own choice (French or Chinese: the
  // count beside Chinese is what choosing it adds), the others' counts keep it.
  function counts(query, found) {
    var groups = Object.keys(filters());
    return Promise.all(groups.map(function (key) {
      return podiumSearchAll(query, filters(key), "", true).then(function (other) {
        found.filters[key] = other.filters[key] || {};
      });
    })).then(function () { return found; });
  }
  function drawFilters(counts) {
    panel.textContent = "";
    var ticked = 0;
    (strings.filters || []).forEach(function (pair) {
      var key = pair[0], values = counts[key] || {};
      // A ticked value stays, first, even when no statement has it (a value
      // from an old address): it can always be seen and unticked.
      var picked = chosen[key] || new Set();
      var names = Object.keys(values).filter(function (v) { return values[v] > 0 || picked.has(v); });
      picked.forEach(function (v) { if (names.indexOf(v) < 0) names.push(v); });
      if (!names.length) return;
      var order = key === PODIUM_YEAR ? function (a, b) { return b.localeCompare(a); }
        : function (a, b) { return (values[b] || 0) - (values[a] || 0) || a.localeCompare(b); };
      names.sort(function (a, b) { return (picked.has(b) ? 1 : 0) - (picked.has(a) ? 1 : 0) || order(a, b); });
      var set = document.createElement("fieldset");
      set.className = "podium-filter";
      set.dataset.filter = key;
      var legend = document.createElement("legend");
      legend.textContent = pair[1];
      set.appendChild(legend);
      names.forEach(function (value) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.value = value;
        box.checked = !!(chosen[key] && chosen[key].has(value));
        if (box.checked) ticked += 1;
        box.addEventListener("change", function () {
          chosen[key] = chosen[key] || new Set();
          if (box.checked) chosen[key].add(value); else chosen[key].delete(value);
          pages = 1;
          search(true);
        });
        var text = document.createElement("span");
        text.textContent = value;
        text.dir = "auto";
        var count = document.createElement("span");
        count.className = "podium-filter__count";
        count.textContent = String(values[value] || 0);
        label.append(box, text, count);
        set.appendChild(label);
      });
      panel.appendChild(set);
    });
    active.textContent = ticked ? "(" + ticked + ")" : "";
  }
  // The chart: one series for the search, or one per value of the first
  // filter group (other than the year) with two or more values ticked.
  function drawTrend(query) {
    if (!query) { trend.clear(); section.hidden = true; return; }
    var base = filters(PODIUM_YEAR), split = null;
    keys.forEach(function (k) { if (!split && k !== PODIUM_YEAR && chosen[k] && chosen[k].size > 1) split = k; });
    // The share is of the year's statements with the one value ticked (a
    // delegation's), or of all of them (search.totals has no other mixes).
    var single = Object.keys(base).filter(function (k) { return base[k].any.length; });
    var one = single.length === 1 && base[single[0]].any.length === 1 ? [single[0], base[single[0]].any[0]] : null;
    var sets = [{ label: one ? one[1] : strings.trend_all, filters: base, value: one }];
    if (split) {
      sets = Array.from(chosen[split]).sort().map(function (v) {
        var f = Object.assign({}, base);
        f[split] = { any: [v] };
        return { label: v, filters: f, value: [split, v] };
      });
    }
    trend.hint(!split);
    trend.draw(query, sets).catch(function (e) { console.warn("Podium: mentions over time:", e); });
  }
  function page() {
    var mine = run;
    more.hidden = true;
    return next(10).then(function (items) {
      if (mine !== run) return;
      items.forEach(function (d) { list.appendChild(podiumResult(d)); });
      more.hidden = list.children.length >= root.dataset.total * 1 || items.length < 10;
    });
  }
  function search(push) {
    var mine = ++run;
    var query = input.value.trim();
    write(push);
    var chosenAny = Object.keys(filters()).length > 0;
    status.textContent = strings.loading || "";
    // Nothing asked yet: the filters' counts alone (a search without a query
    // would load every word chunk of every bundle).
    var asked = query || chosenAny ? podiumSearchAll(query || null, filters(), select.value, true).then(function (found) {
      return counts(query || null, found);
    }) : podiumFilterCounts().then(function (all) { return { total: 0, filters: all, next: null }; });
    asked.then(function (found) {
      if (mine !== run) return;
      drawFilters(found.filters);
      list.textContent = "";
      root.dataset.total = String(found.total);
      drawTrend(query);
      if (!query && !chosenAny) { status.textContent = ""; more.hidden = true; return; }
      status.textContent = found.total ? podiumCount(strings, found.total) : strings.none || "";
      var wanted = pages;
      function fill(n) { return n < 1 || mine !== run ? null : page().then(function () { return more.hidden ? null : fill(n - 1); }); }
      if (found.total || !podiumBegun(query)) { next = found.next; return fill(wanted); }
      // No statement has the word: the statements with words that begin with
      // it, said as such (the counts, filters and chart stay the word's).
      return podiumSearchAll(query, filters(), select.value, false, true).then(function (begun) {
        if (mine !== run || !begun.total) return;
        status.textContent = podiumPrefix(strings, query, begun.total);
        root.dataset.total = String(begun.total);
        next = begun.next;
        return fill(wanted);
      });
    }).catch(function (e) { if (mine === run) status.textContent = String(e.message || e); });
  }
  function openDrawer(open) {
    root.classList.toggle("podium-search--drawer", open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open) drawer.querySelector("input, button").focus(); else toggle.focus();
  }
  toggle.hidden = false;
  toggle.addEventListener("click", function () { openDrawer(!root.classList.contains("podium-search--drawer")); });
  close.addEventListener("click", function () { openDrawer(false); });
  drawer.addEventListener("keydown", function (e) { if (e.key === "Escape") openDrawer(false); });
  // A tap beside the open drawer (the page it covers) closes it, and only that:
  // phones have no Escape key.
  document.addEventListener("click", function (e) {
    if (!root.classList.contains("podium-search--drawer") || drawer.contains(e.target) || toggle.contains(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    openDrawer(false);
  }, true);
  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); pages = 1; search(true); });
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); pages = 1; timer = setTimeout(function () { search(false); }, 250); });
  select.addEventListener("change", function () { pages = 1; search(true); });
  more.addEventListener("click", function () { pages += 1; write(false); page(); });
  trend.onMode(function () { write(false); });
  window.addEventListener("popstate", function () { read(); search(false); });
  read();
  search(false);
}
podiumSearchPage();

// Mentions over time on a term's page (a delegation, a body, a language):
// its own query box; the chart is of this term's statements, and links to
// the search page with the query and this filter.
function podiumTermTrend() {
  var section = document.querySelector(".podium-trend[data-filter]");
  var source = document.querySelector(".podium-header-search__input");
  if (!section || !source) return;
  var strings = podiumStrings(source);
  var form = section.querySelector("form");
  var input = form.querySelector("input");
  section.hidden = false;
  var trend = podiumTrend(section, strings, false);
  var link = document.createElement("a");
  link.className = "podium-trend__link";
  link.hidden = true;
  link.textContent = strings.trend_search_link + " →";
  section.appendChild(link);
  var filter = {};
  filter[section.dataset.filter] = { any: [section.dataset.value] };
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var query = input.value.trim();
    if (!query) return;
    var url = new URL(section.dataset.search, location.href);
    url.searchParams.set("query", query);
    url.searchParams.set(section.dataset.filter, section.dataset.value);
    link.href = url.href;
    link.hidden = false;
    trend.draw(query, [{ label: section.dataset.value, filters: filter,
                         value: [section.dataset.filter, section.dataset.value] }]).catch(function () {});
  });
}
podiumTermTrend();

// The header's search box, on every page: results as you type, and a link
// to the search page with the query.
function podiumHeaderSearch() {
  var box = document.querySelector(".podium-header-search");
  if (!box) return;
  var input = box.querySelector("input");
  var panel = box.querySelector(".podium-header-search__panel");
  var status = panel.querySelector(".podium-search__status");
  var list = panel.querySelector(".podium-results");
  var link = panel.querySelector(".podium-search-more");
  var strings = podiumStrings(input);
  var base = link.href.split("?")[0];
  var run = 0, timer = null;
  function search() {
    var mine = ++run, query = input.value.trim();
    link.href = base + (query ? "?query=" + encodeURIComponent(query) : "");
    if (!query) { panel.hidden = true; return; }
    panel.hidden = false;
    status.textContent = strings.loading || "";
    podiumSearchAll(query, {}, "").then(function (found) {
      // No statement has the word yet (it is being typed): the statements with
      // words that begin with it, said as such.
      if (found.total || !podiumBegun(query)) return [found, false];
      return podiumSearchAll(query, {}, "", false, true).then(function (begun) { return [begun, true]; });
    }).then(function (pair) {
      var found = pair[0];
      if (mine !== run) return;
      status.textContent = !found.total ? strings.none || ""
        : pair[1] ? podiumPrefix(strings, query, found.total) : podiumCount(strings, found.total);
      return found.next(6).then(function (items) {
        if (mine !== run) return;
        list.textContent = "";
        items.forEach(function (d) { list.appendChild(podiumResult(d)); });
      });
    }).catch(function (e) { if (mine === run) status.textContent = String(e.message || e); });
  }
  input.addEventListener("focus", function () {
    podiumWordIndex().then(function (index) { return index || podiumBundles(); }).catch(function () {});
  });
  // Several words wait longer for the typing to stop: a phrase is Pagefind's,
  // and each one asked loads more of every bundle (typing "human rights" at a
  // key every 250 ms searched at each word's every letter).
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, /\S\s+\S/.test(input.value) ? 600 : 150);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { panel.hidden = true; input.blur(); }
  });
  document.addEventListener("click", function (e) { if (!box.contains(e.target)) panel.hidden = true; });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "/" && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
      e.preventDefault();
      input.focus();
    }
  });
}
podiumHeaderSearch();

// An index page's filter box: rows whose name, or one of its other names (a
// delegation's former names and code: `Zaire`, `Burma`, `COD`), has a word
// beginning with what is typed (case and accents aside) stay; a letter's group goes when none of
// its rows is left. A listing spread over pages is filtered whole: its rows
// come from data/<listing>/index.json (render.listing_rows), and the matches
// are shown in place of the page's table, its A–Z links and its pager.
function podiumListingFilter() {
  var form = document.querySelector(".podium-listing-filter");
  var table = document.querySelector(".podium-listing table");
  if (!form || !table) return;
  var input = form.querySelector("input");
  // Words are matched from their start (`viet` finds Viet Nam, not the Union
  // of Soviet Socialist Republics): " " + the words, against " " + what is typed.
  function fold(text) {
    return " " + text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function key(label, also) { return fold(label + (also ? "; " + also : "")); }
  var rows = Array.from(table.querySelectorAll("tbody tr:not(.podium-listing__letter)")).map(function (row) {
    return { row: row, key: key(row.cells[0].textContent, row.dataset.also) };
  });
  var listing = table.closest(".podium-listing");
  var paged = [listing, document.querySelector(".podium-letters"), document.querySelector(".podium-pager")]
    .filter(Boolean);
  var every = form.dataset.every ? new URL(form.dataset.every, location.href) : null;
  var all = null, shown = null;
  function whole(want) {
    all = all || fetch(every).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + every);
      return r.json();
    }).then(function (data) {
      var top = Math.max.apply(null, data.rows.map(function (r) { return r[2]; }).concat([1]));
      return data.rows.map(function (r) {
        return { label: r[0], href: new URL(r[1], PODIUM_ROOT).href, count: r[2], share: r[2] / top,
                 key: key(r[0], r[3]) };
      });
    });
    return all.then(function (items) {
      if (fold(input.value) !== want) return;  // typed on since
      if (shown) shown.remove();
      shown = document.createElement("div");
      shown.className = listing.className;
      var found = document.createElement("table");
      found.appendChild(table.tHead.cloneNode(true));
      var body = found.createTBody();
      items.filter(function (it) { return it.key.indexOf(want) >= 0; }).forEach(function (it) {
        var row = body.insertRow();
        var link = document.createElement("a");
        link.href = it.href;
        link.textContent = it.label;
        row.insertCell().appendChild(link);
        var cell = row.insertCell();
        cell.className = "podium-count";
        var bar = document.createElement("span");
        bar.className = "podium-bar";
        bar.setAttribute("aria-hidden", "true");
        bar.style.setProperty("--share", it.share.toFixed(3));
        var n = document.createElement("span");
        n.className = "podium-bar__n";
        n.textContent = String(it.count);
        cell.append(bar, n);
      });
      shown.appendChild(found);
      if (!body.rows.length) {
        var none = document.createElement("p");
        none.textContent = form.dataset.none || "";
        shown.replaceChildren(none);
      }
      paged.forEach(function (el) { el.hidden = true; });
      listing.after(shown);
    });
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  input.addEventListener("input", function () {
    var want = fold(input.value).trim() ? fold(input.value) : "";
    if (every) {
      if (want) { whole(want).catch(function (e) { console.warn("Podium: the list's filter:", e); }); return; }
      if (shown) { shown.remove(); shown = null; }
      paged.forEach(function (el) { el.hidden = false; });
      return;
    }
    rows.forEach(function (r) { r.row.hidden = !!want && r.key.indexOf(want) < 0; });
    table.querySelectorAll("tbody.podium-listing__group").forEach(function (group) {
      group.hidden = !group.querySelector("tr:not(.podium-listing__letter):not([hidden])");
    });
  });
}
podiumListingFilter();

// The size of each data file linked from the home page, from the server's
// answer to a HEAD request (left out when the server compresses it on the way).
document.querySelectorAll("a[data-podium-size]").forEach(function (link) {
  fetch(link.href, { method: "HEAD" }).then(function (r) {
    return r.arrayBuffer().then(function () { return r; });  // (read to its end: else Chromium reports it aborted)
  }).then(function (r) {
    var size = +r.headers.get("content-length");
    if (!r.ok || !size || r.headers.get("content-encoding")) return;
    var units = ["B", "KB", "MB", "GB"], i = 0;
    while (size >= 1000 && i < units.length - 1) { size /= 1000; i += 1; }
    link.after(" (" + size.toLocaleString(undefined, { maximumFractionDigits: i ? 1 : 0 }) + " " + units[i] + ")");
  }).catch(function () {});
});
