/* The page's layout and the callback list are in the page itself (see components/document.py): the renderer's two
   requests for them are answered from there, without a round trip. Everything else goes to the server. */
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
})();
