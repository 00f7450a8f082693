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
  var scrolledByVisitor = false;  // a wheel, a touch or a key: the visitor moves the page, not the browser
  ["wheel", "touchmove", "keydown"].forEach(function (name) {
    window.addEventListener(name, function () { scrolledByVisitor = true; }, { once: true, passive: true });
  });

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
    // An address that names a place on the page (/then-and-now#statement-7) lands there, unless the visitor has
    // scrolled meanwhile: the browser scrolls to it while the page loads, and the app that replaces the page may
    // have been drawn, out of sight, a little higher or lower.
    var target = anchor();
    if (target && !scrolledByVisitor) { target.scrollIntoView({ block: "start", behavior: "instant" }); }
    var focusable = focused && document.getElementById(focused.getAttribute("data-id"));
    if (focusable && focusable.focus) { focusable.focus({ preventScroll: true }); }
  }

  function anchor() {
    var id = window.location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (error) { return null; }
    return id ? document.getElementById(id) : null;  // the first: the static page's, while it is there
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

  /* On a phone the dashboard's controls fold behind one button ("Change the view"; assets/style.css): the state is a
     class of the document, so it holds when the app takes the static page's place. */
  function syncFold() {
    var open = document.documentElement.classList.contains("controls-open");
    document.querySelectorAll(".controls-toggle").forEach(function (button) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".controls-toggle");
    if (!button) { return; }
    document.documentElement.classList.toggle("controls-open");
    syncFold();
  });
  new MutationObserver(syncFold).observe(document.body || document.documentElement, { childList: true });

  /* Each chart's "Table of the data" (components/widgets.py, chart_words) is filled when opened, on the static page
     and in the app alike: its rows come from the chart's data link as JSON (/data/v1/..., the file its Download menu
     copies), labelled in the page's language. */
  function cell(tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (className) { element.className = className; }
    return element;
  }

  function fillTable(details, body, file) {
    var lang = document.documentElement.lang || "en";
    // Rounded for reading, as the charts show them (the file itself keeps the source's precision).
    var whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    var small = new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 });
    var fields = file.schema.fields;
    var table = document.createElement("table");
    table.className = "table table-sm table-striped data-table";
    var title = details.closest("section") && details.closest("section").querySelector(".chart-title");
    table.appendChild(cell("caption", title ? title.textContent : file.title, "visually-hidden"));
    var head = table.createTHead().insertRow();
    fields.forEach(function (field) {
      var th = cell("th", field.title || field.name);
      th.scope = "col";
      head.appendChild(th);
    });
    var rows = table.createTBody();
    file.data.forEach(function (record) {
      var row = rows.insertRow();
      fields.forEach(function (field) {
        var value = record[field.name];
        var numeric = typeof value === "number";
        var text = value === null || value === undefined ? ""
          : typeof value === "boolean" ? details.getAttribute(value ? "data-yes" : "data-no")
          : numeric ? (field.type === "integer" ? String(value) : (Math.abs(value) >= 100 ? whole : small).format(value)) : String(value);
        row.appendChild(cell("td", text, numeric ? "num" : ""));
      });
    });
    var scroller = document.createElement("div");
    scroller.className = "table-scroll";
    scroller.tabIndex = 0;  // a region that scrolls is reachable by keyboard
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", table.caption.textContent);
    scroller.appendChild(table);
    body.replaceChildren(cell("p", details.getAttribute("data-scroll"), "table-scroll-hint"), scroller);
  }

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.classList || !details.classList.contains("chart-table") || !details.open) { return; }
    var body = details.querySelector(".chart-table-body");
    var url = details.getAttribute("data-url");
    if (!body || !url || body.getAttribute("data-filled") === url) { return; }
    body.setAttribute("data-filled", url);
    serverFetch(url, { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (file) { fillTable(details, body, file); })
      .catch(function () {
        body.removeAttribute("data-filled");
        body.replaceChildren(cell("p", details.getAttribute("data-failed"), "chart-note"));
      });
  }, true);  // toggle does not bubble
})();
