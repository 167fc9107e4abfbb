// The search box of `briefing build --search`: loads Pagefind's search UI from the pagefind/ folder that the build
// asked Pagefind to write. The box stays hidden, and the page reads as without it, when JavaScript is off, when
// the page is opened from disk (Pagefind needs http or https), or when the pagefind/ folder is missing.
(function () {
  "use strict";
  var box = document.querySelector(".site-search[data-root]");
  if (!box || location.protocol === "file:") return;
  // The digest's top folder, from the page's relative path to it ("../../"): works under any path on any host.
  var root = new URL(box.getAttribute("data-root") || "./", location.href);
  var bundle = new URL("pagefind/", root);
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("pagefind-ui.css", bundle).href;
  var script = document.createElement("script");
  script.src = new URL("pagefind-ui.js", bundle).href;
  script.onload = function () {
    if (typeof PagefindUI !== "function") return;
    new PagefindUI({
      element: "#search-ui",
      bundlePath: bundle.pathname,
      baseUrl: root.pathname,
      showSubResults: true,
      showImages: false,
      translations: { placeholder: "Notes, claims, sources", search_label: "Search the digest" }
    });
    // Pagefind's form is the search landmark; its field gets the visible label of the template.
    var input = box.querySelector("input");
    if (input) input.id = "search-input";
    box.hidden = false;
  };
  script.onerror = function () {
    style.remove();
    script.remove();
  };
  document.head.append(style, script);
})();
