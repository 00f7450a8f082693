/* The page arrives whole from the server (components/static.py): its numbers, charts as static SVG, links and
   notes are there before any script. The interactive app (Dash, React, plotly.js: about 900 KB of script) loads
   when the visitor first shows intent — moves the pointer, touches, scrolls, presses a key — and draws the same page
   out of sight; once every visible chart is drawn it takes the static page's place, so nothing moves.

   The app's layout and callback list are in the page itself (components/document.py): the renderer's two requests
   for them are answered from there, without a round trip. Everything else goes to the server. */
(function () {
  "use strict";
  var inline = { "_dash-layout": "page-layout", "_dash-dependencies": "page-dependencies" };
  var serverFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || "";
    var name = url.split("?")[0].split("/").pop();
    var method = (init && init.method) || "GET";
    var holder = inline[name] && method === "GET" && document.getElementById(inline[name]);
    if (holder) {
      var body = holder.textContent;
      holder.parentNode.removeChild(holder);  // once: a later request (none is expected) asks the server
      return Promise.resolve(new Response(body, { status: 200, headers: { "Content-Type": "application/json" } }));
    }
    return serverFetch.apply(this, arguments);
  };

  var INTENT = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel", "scroll", "focusin"];
  var SWAP_TIMEOUT_MS = 15000;  // the app takes over even if a chart never reports drawn
  var started = false;

  function loadScripts(urls, done) {
    // Inserted scripts with async = false run in the order inserted, while they download in parallel.
    urls.forEach(function (url, index) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false;
      if (index === urls.length - 1) { script.onload = done; }
      document.body.appendChild(script);
    });
  }

  function chartsDrawn(root) {
    var graphs = root.querySelectorAll(".dash-graph");
    if (!graphs.length && document.querySelector("#static-page .dash-graph")) { return false; }
    for (var i = 0; i < graphs.length; i++) {
      if (graphs[i].offsetParent === null) { continue; }  // in a hidden panel (the map in table view)
      var plot = graphs[i].querySelector(".js-plotly-plot");
      if (!plot || !plot._fullLayout) { return false; }
    }
    return !root.querySelector('[data-dash-is-loading="true"]') && root.querySelector("main") !== null;
  }

  function swap() {
    var page = document.getElementById("static-page");
    if (!page) { return; }
    var focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("[data-id]") : null;
    var scroll = window.scrollY;
    page.parentNode.removeChild(page);
    document.documentElement.classList.remove("app-pending");
    window.scrollTo(0, scroll);
    var target = focused && document.getElementById(focused.getAttribute("data-id"));
    if (target && target.focus) { target.focus({ preventScroll: true }); }
  }

  function waitAndSwap() {
    var root = document.getElementById("react-entry-point");
    var deadline = Date.now() + SWAP_TIMEOUT_MS;
    (function check() {
      if (chartsDrawn(root) || Date.now() > deadline) { swap(); return; }
      window.requestAnimationFrame(check);
    })();
  }

  function start() {
    if (started) { return; }
    started = true;
    INTENT.forEach(function (name) { window.removeEventListener(name, start, true); });
    var holder = document.getElementById("page-scripts");
    if (!holder) { return; }
    var preload = document.documentElement.getAttribute("data-preload");
    if (preload) {  // the map's geometry, fetched while the scripts load rather than after them
      var link = document.createElement("link");
      link.rel = "preload"; link.as = "fetch"; link.href = preload; link.crossOrigin = "anonymous";
      document.head.appendChild(link);
    }
    loadScripts(JSON.parse(holder.textContent), function () {
      window.dash_renderer_instance = new window.DashRenderer();
      waitAndSwap();
    });
  }

  INTENT.forEach(function (name) { window.addEventListener(name, start, { capture: true, passive: true }); });
})();
