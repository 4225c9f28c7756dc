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
  text.querySelectorAll(".podium-p[id]").forEach(function (block) {
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

// Pagefind search page: results show each statement's date, speaker and
// session (its Pagefind metadata); filters; sort by date; ?query= from the address.
function podiumSearch() {
  var root = document.getElementById("podium-search");
  if (!root || typeof PagefindUI === "undefined") return;
  var select = document.getElementById("podium-sort");
  var query = new URLSearchParams(window.location.search).get("query") || "";
  function start() {
    root.innerHTML = "";
    var options = {
      element: "#podium-search",
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      openFilters: ["delegation"],
    };
    if (select && select.value) options.sort = { date: select.value };
    var ui = new PagefindUI(options);
    var input = root.querySelector("input");
    if (query) ui.triggerSearch(query);
    if (input) input.addEventListener("input", function () { query = input.value; });
  }
  if (select) select.addEventListener("change", start);
  start();
}
podiumSearch();

// From Material's header search to the faceted search page.
(function () {
  var output = document.querySelector(".md-search__output");
  var input = document.querySelector(".md-search__input");
  if (!output || !input || typeof __md_scope === "undefined") return;
  var link = document.createElement("a");
  link.className = "podium-search-more";
  link.textContent = document.documentElement.dataset.podiumSearch || "Search with filters →";
  output.prepend(link);
  function update() { link.href = new URL("search/", __md_scope).href + "?query=" + encodeURIComponent(input.value); }
  input.addEventListener("input", update);
  update();
})();
