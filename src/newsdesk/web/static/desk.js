// newsdesk web desk: the few interactions the pages have. Loaded as a file (the
// Content-Security-Policy forbids inline script); every page works without it.
"use strict";

(function () {
  var tooltip = null;

  // Show the quote's card (speaker, cue, stance, provenance) next to a hovered or focused
  // quote, and outline every fragment of the same quote. The card's content is a clone of
  // the server-rendered, already escaped card in the sidebar: nothing is built from strings.
  function show(fragment) {
    var id = fragment.getAttribute("data-quote");
    var card = document.getElementById("quote-card-" + id);
    hide();
    if (!card) return;
    tooltip = document.createElement("div");
    tooltip.className = "tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.appendChild(card.cloneNode(true)).removeAttribute("id");
    document.body.appendChild(tooltip);
    var box = fragment.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 8;
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 12);
    tooltip.style.top = top + "px";
    tooltip.style.left = Math.max(8, left) + "px";
    document.querySelectorAll('.quote[data-quote="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add("active");
    });
  }

  function hide() {
    if (tooltip) tooltip.remove();
    tooltip = null;
    document.querySelectorAll(".quote.active").forEach(function (el) {
      el.classList.remove("active");
    });
  }

  document.addEventListener("mouseover", function (event) {
    var fragment = event.target.closest && event.target.closest(".quote[data-quote]");
    if (fragment) show(fragment);
  });
  document.addEventListener("mouseout", function (event) {
    var fragment = event.target.closest && event.target.closest(".quote[data-quote]");
    if (fragment && !fragment.contains(event.relatedTarget)) hide();
  });
  document.addEventListener("focusin", function (event) {
    var fragment = event.target.closest && event.target.closest(".quote[data-quote]");
    if (fragment) show(fragment); else hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  // Facet selects submit their form as soon as they change.
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-autosubmit]")) {
      event.target.form.submit();
    }
  });
})();
