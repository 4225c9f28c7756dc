// Podium: give Material's search dialog an accessible name (axe: aria-dialog-name).
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
  if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "Search");
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
