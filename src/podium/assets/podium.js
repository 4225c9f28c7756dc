// Podium: give Material's search dialog an accessible name (axe: aria-dialog-name).
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
  if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "Search");
});
