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

// Citation downloads: each file is made from the citation shown above its link.
document.querySelectorAll(".podium-cite a[download][type]").forEach(function (link) {
  var code = link.closest(".tabbed-block").querySelector("code");
  var blob = new Blob([code.textContent + "\n"], { type: link.type + ";charset=utf-8" });
  link.href = URL.createObjectURL(blob);
});

// Cite one paragraph: when the address names a paragraph (#p9), the plain-text
// citation gives "¶ 9" and that paragraph's permalink.
function podiumCiteParagraph() {
  var code = document.querySelector(".podium-cite .tabbed-block code");
  if (!code) return;
  if (!code.dataset.original) code.dataset.original = code.textContent;
  var text = code.dataset.original.replace(/\s+$/, "");
  var match = /^#p(\d+)$/.exec(window.location.hash);
  if (match) {
    var cut = text.lastIndexOf(" ");
    text = text.slice(0, cut) + " ¶ " + match[1] + ". " + text.slice(cut + 1) + "#p" + match[1];
  }
  code.textContent = text;
}
podiumCiteParagraph();
window.addEventListener("hashchange", podiumCiteParagraph);

// Search: every Pagefind bundle of the site (one per language and piece,
// listed in pagefind/podium-bundles.json) is loaded as its own Pagefind
// instance, so that each answers with its own language's stemmer, and the
// results are merged here: by score, or by date (a merge of the bundles'
// date-sorted lists). Everything from the index is inserted as text.
var PODIUM_ROOT = new URL("../../", (document.currentScript && document.currentScript.src) || location.href);
var PODIUM_SEGMENTED = /^(zh|ja|th|km|lo|my)\b/;

var podiumBundles = (function () {
  var loading = null;
  return function () {
    if (!loading) {
      var index = new URL("pagefind/", PODIUM_ROOT);
      loading = fetch(new URL("podium-bundles.json", index)).then(function (r) {
        if (!r.ok) throw new Error("no search index");
        return r.json();
      }).then(function (manifest) {
        return Promise.all(manifest.bundles.map(function (b) {
          var base = new URL(b.path, index).href;
          return import(base + "pagefind.js").then(function (pf) {
            return pf.options({ basePath: base, excerptLength: 24 }).then(function () {
              return { pf: pf, language: b.language, superseded: b.superseded || {} };
            });
          });
        }));
      });
    }
    return loading;
  };
})();

// The words asked for, as Pagefind's exact search (`"w1 w2"`): a statement
// counts only if its text holds them as whole words, in that order (each
// word as the bundle's stemmer reduces it: `rights` finds `right`). Without
// the quotes Pagefind also takes every indexed word that begins with the last
// word of the query (`Navalny` found `naval`), and counts those statements.
// Quotes the reader typed are dropped: several words are always a phrase.
// An apostrophe between letters becomes a space, as the index cut the word
// there (search.elisions): `droits de l'homme` is the phrase `droits de l
// homme`. Languages written without spaces are cut into words here, since
// Pagefind segments a query only for the page's own language.
function podiumQuery(query, language) {
  var text = String(query || "").replace(/["“”„«»]/g, " ")
    .replace(/(\p{L})['’](?=\p{L})/gu, "$1 ").trim();
  if (!text) return null;
  if (PODIUM_SEGMENTED.test(language) && typeof Intl.Segmenter !== "undefined") {
    var words = [];
    for (var part of new Intl.Segmenter(language, { granularity: "word" }).segment(text)) {
      if (part.isWordLike) words.push(part.segment);
    }
    text = words.join(" ");
  }
  text = text.split(/\s+/).filter(Boolean).join(" ");
  return text ? '"' + text + '"' : null;
}

// One search over every bundle: {total, filters: {key: {value: count}}, next(n)}.
// With counts: Pagefind counts filter values only once its filters are loaded.
function podiumSearchAll(query, filters, sort, counts) {
  return podiumBundles().then(function (bundles) {
    var options = { filters: filters };
    if (sort) options.sort = { date: sort };
    return Promise.all(bundles.map(function (b) {
      var q = query ? podiumQuery(query, b.language) : null;
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
    return { total: total, filters: counts, next: sort ? podiumByDate(lists, sort === "desc") : podiumByScore(answers) };
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

// A result's metadata is one base64 JSON field (search.attributes), so that
// Pagefind does not search its words; decoded here, used only as text.
function podiumMeta(data) {
  var packed = data.meta && data.meta.podium;
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
// ranked by score alone; each bundle's scores are its own, which is as good
// a merge as Pagefind's scores allow.
function podiumByScore(answers) {
  var all = [];
  answers.forEach(function (a) { a.found.results.forEach(function (r) { all.push(r); }); });
  all.sort(function (a, b) { return b.score - a.score; });
  var at = 0;
  return function (n) {
    var chunk = all.slice(at, at + n);
    at += chunk.length;
    return Promise.all(chunk.map(podiumLoad));
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
// Where the index cut a word after its apostrophe (a WORD JOINER and a space:
// search.elisions), the space is taken out again.
function podiumExcerpt(target, excerpt) {
  var template = document.createElement("template");
  template.innerHTML = (excerpt || "").replace(/\u2060(<\/mark>)?\s?/g, "$1");  // inert: nothing in a template runs or loads
  template.content.childNodes.forEach(function (node) {
    if (node.nodeName === "MARK") {
      var mark = document.createElement("mark");
      mark.textContent = node.textContent;
      target.appendChild(mark);
    } else {
      target.appendChild(document.createTextNode(node.textContent));
    }
  });
}

function podiumResult(data) {
  var item = document.createElement("li");
  item.className = "podium-result";
  item.dataset.language = data.language;
  var link = document.createElement("a");
  link.className = "podium-result__title";
  link.lang = data.language;  // the title and excerpt are in the statement's language,
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
  excerpt.lang = data.language;
  excerpt.dir = "auto";
  podiumExcerpt(excerpt, data.excerpt);
  item.appendChild(excerpt);
  return item;
}

function podiumStrings(el) {
  try { return JSON.parse(el.getAttribute("data-strings") || "{}"); } catch (e) { return {}; }
}

function podiumCount(strings, n) {
  return (n === 1 ? strings.one : strings.other || "{n}").replace("{n}", n.toLocaleString());
}

// The search page: query from ?query=, filters with counts, sort, more results.
function podiumSearchPage() {
  var root = document.getElementById("podium-search");
  if (!root) return;
  var strings = podiumStrings(root);
  var input = root.querySelector(".podium-search__query");
  var select = root.querySelector("#podium-sort");
  var status = root.querySelector(".podium-search__status");
  var list = root.querySelector(".podium-results");
  var more = root.querySelector(".podium-search__more");
  var panel = root.querySelector(".podium-search__filters");
  var params = new URLSearchParams(location.search);
  var chosen = {};  // filter key -> set of values
  var run = 0, next = null;
  input.value = params.get("query") || "";
  if (params.get("sort")) select.value = params.get("sort");
  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); search(); });

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
    (strings.filters || []).forEach(function (pair) {
      var key = pair[0], values = counts[key] || {};
      var names = Object.keys(values).filter(function (v) { return values[v] > 0 || (chosen[key] && chosen[key].has(v)); });
      if (!names.length) return;
      names.sort(key === "year" ? function (a, b) { return b.localeCompare(a); }
        : function (a, b) { return values[b] - values[a] || a.localeCompare(b); });
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
        box.addEventListener("change", function () {
          chosen[key] = chosen[key] || new Set();
          if (box.checked) chosen[key].add(value); else chosen[key].delete(value);
          search();
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
  function search() {
    var mine = ++run;
    var query = input.value.trim();
    var url = new URL(location.href);
    if (query) url.searchParams.set("query", query); else url.searchParams.delete("query");
    if (select.value) url.searchParams.set("sort", select.value); else url.searchParams.delete("sort");
    history.replaceState(null, "", url);
    var chosenAny = Object.keys(filters()).length > 0;
    status.textContent = strings.loading || "";
    podiumSearchAll(query || null, filters(), select.value, true).then(function (found) {
      return counts(query || null, found);
    }).then(function (found) {
      if (mine !== run) return;
      drawFilters(found.filters);
      list.textContent = "";
      root.dataset.total = String(found.total);
      if (!query && !chosenAny) { status.textContent = ""; more.hidden = true; return; }
      status.textContent = found.total ? podiumCount(strings, found.total) : strings.none || "";
      next = found.next;
      return page();
    }).catch(function (e) { if (mine === run) status.textContent = String(e.message || e); });
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
  select.addEventListener("change", search);
  more.addEventListener("click", page);
  search();
}
podiumSearchPage();

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
      if (mine !== run) return;
      status.textContent = found.total ? podiumCount(strings, found.total) : strings.none || "";
      return found.next(6).then(function (items) {
        if (mine !== run) return;
        list.textContent = "";
        items.forEach(function (d) { list.appendChild(podiumResult(d)); });
      });
    }).catch(function (e) { if (mine === run) status.textContent = String(e.message || e); });
  }
  input.addEventListener("focus", function () { podiumBundles().catch(function () {}); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 150); });
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
