/* Browser-side callbacks of the dashboard (registered in callbacks/play.py).
   The server sends the map of every year at once (the frames store); these functions only pick a year,
   so moving the slider or playing the animation costs no round-trip. No user-visible text lives here:
   labels arrive in the frames store from the message catalog. */
(function () {
  "use strict";

  function setPath(target, dotted, value) {
    var keys = dotted.split(".");
    var node = target;
    for (var i = 0; i < keys.length - 1; i++) {
      node[keys[i]] = Object.assign({}, node[keys[i]] || {});
      node = node[keys[i]];
    }
    node[keys[keys.length - 1]] = value;
  }

  // Selected countries get a dark outline (as core/figures.map_year_traces draws them on the server).
  function outline(trace, codes, selected, width, color) {
    if (!trace || !codes) { return; }
    var marker = Object.assign({}, trace.marker);
    marker.line = Object.assign({}, marker.line, {
      width: codes.map(function (code) { return selected.indexOf(code) >= 0 ? 2.2 : width; }),
      color: codes.map(function (code) { return selected.indexOf(code) >= 0 ? "#111111" : color; })
    });
    trace.marker = marker;
  }

  function nearestYear(years, year) {
    if (!years || !years.length) { return null; }
    var best = years[0];
    for (var i = 0; i < years.length; i++) {
      if (Math.abs(years[i] - year) < Math.abs(best - year)) { best = years[i]; }
    }
    return best;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text);
      return;
    }
    var area = document.createElement("textarea");  // http:// or older browsers
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function scaleFonts(node, factor) {
    if (Array.isArray(node)) { node.forEach(function (item) { scaleFonts(item, factor); }); return; }
    if (!node || typeof node !== "object") { return; }
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if ((key === "font" || key === "tickfont" || key === "textfont") && value && typeof value.size === "number") {
        value.size = Math.round(value.size * factor);
      }
      scaleFonts(value, factor);
    });
  }

  // Splits text into lines of at most `width` characters at spaces (plotly titles do not wrap by themselves).
  // Only ordinary spaces break: no-break spaces (French U+202F before ":", U+00A0 in "$ US") keep their words
  // together, where \s would split at them and print an ordinary space.
  function wrap(text, width) {
    var lines = [], line = "";
    String(text).split(/[ \t\r\n]+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  var SIZES = { "png-1920": [1920, 1080, "png"], "png-1280": [1280, 720, "png"], "svg": [1920, 1080, "svg"] };
  // A briefing pack's slide writes the chart's title, subtitle and source as text (assets/pack.js): its picture is the
  // chart alone, as wide as a slide image and as tall as the slide's picture box, drawn at 1.5 times for projectors.
  var PICTURE = { width: 1920, height: 740, scale: 1.5 };

  /* A chart as a slide shows it, `width` × `height` px: fonts grown to be read across a room and, unless `bare`, its
     title, subtitle and source line (with the access date and this page's address) inside the figure. */
  function slideFigure(graph, texts, meta, width, height, bare) {
    var k = width / 1920;
    var isMap = texts.kind === "map" || texts.kind === "flow_map";  // kinds: core/charts/model.py
    var top = Math.round((texts.kind === "ranking" ? 200 : 150) * k), bottom = Math.round((isMap ? 230 : 130) * k);
    var title = bare ? [] : wrap(texts.title, 80), subtitle = bare ? [] : wrap(texts.subtitle, 150);
    if (bare) {  // room for a ranking's axis on top and a map's colour scale below, nothing else
      top = Math.round((texts.kind === "ranking" ? 80 : 30) * k);
      bottom = Math.round((isMap ? 150 : 60) * k);
    } else {
      top += Math.round((subtitle.length - 1) * 30 * k) + Math.round((title.length - 1) * 40 * k);
    }
    var layout = JSON.parse(JSON.stringify(graph.wideLayout || graph.layout));  // a ranking as drawn for a wide column
    var data = JSON.parse(JSON.stringify(graph.data));
    // Fonts were sized for the screen: grow them for a slide, where the figure is read from across a room. A ranking
    // names every country, as on the page: its fonts grow only as far as its rows leave room (12 px type on the page).
    var grow = 1.45 * k;
    if (texts.kind === "ranking") {
      var rows = {};  // its categories (a trace of lines repeats them, with gaps)
      data.forEach(function (trace) {
        (trace.y || []).forEach(function (name) { if (name !== null && name !== undefined) { rows[name] = true; } });
      });
      grow = Math.min(grow, (height - top - bottom) / Math.max(1, Object.keys(rows).length) / (12 * 1.3));
      layout.yaxis = Object.assign({}, layout.yaxis, { tickmode: "linear", tick0: 0, dtick: 1 });
    }
    scaleFonts(layout, grow);
    scaleFonts(data, grow);
    delete layout.height;
    layout.width = width;
    layout.height = height;
    layout.paper_bgcolor = "#ffffff";
    layout.font = Object.assign({}, layout.font, { size: Math.round(20 * k) });
    layout.margin = { l: Math.round(70 * k), r: Math.round(110 * k), t: top, b: bottom };
    if (bare) {
      layout.title = { text: "" };
      return { data: data, layout: layout };
    }
    layout.title = {
      text: "<b>" + title.map(escapeHtml).join("<br>") + "</b><br><span style=\"font-size:" + Math.round(22 * k) +
        "px;color:#52606d\">" + subtitle.map(escapeHtml).join("<br>") + "</span>",
      x: 36 / 1920, xref: "container", xanchor: "left", y: 1 - (36 * k) / height, yanchor: "top",
      font: { size: Math.round(36 * k) }
    };
    var source = (texts.source || meta.source).replace("{url}", window.location.href);
    layout.annotations = (layout.annotations || []).concat([{
      text: escapeHtml(source).replace(/\n/g, "<br>"), showarrow: false, align: "left", xref: "paper", yref: "paper", x: 0, y: 0,
      xanchor: "left", yanchor: "top", yshift: -(bottom - Math.round(84 * k)),
      font: { size: Math.round(17 * k), color: "#52606d" }
    }]);
    return { data: data, layout: layout };
  }

  /* Draws a figure off-screen, hands the drawing to `shoot` (which returns a promise) and removes it afterwards. */
  function drawOffscreen(figure, shoot) {
    var holder = document.createElement("div");
    holder.style.position = "fixed";
    holder.style.left = "-10000px";
    holder.style.top = "0";
    holder.style.width = figure.layout.width + "px";
    holder.style.height = figure.layout.height + "px";
    document.body.appendChild(holder);
    var config = { staticPlot: true, topojsonURL: "/assets/topojson/" };
    return window.Plotly.newPlot(holder, figure.data, figure.layout, config)
      .then(function () { return shoot(holder); })
      .finally(function () {
        window.Plotly.purge(holder);
        holder.remove();
      });
  }

  /* Re-draws a chart off-screen at slide size with its title, subtitle and source line inside, then downloads it. */
  function exportChart(chart, format, meta) {
    var size = SIZES[format];
    var graph = document.querySelector("#" + chart + " .js-plotly-plot");
    var texts = meta.charts[chart];
    if (!size || !graph || !texts) { return; }
    var width = size[0], height = size[1];
    settled(graph).then(function () {
      return drawOffscreen(slideFigure(graph, texts, meta, width, height, false), function (holder) {
        return window.Plotly.downloadImage(holder, {
          format: size[2], width: width, height: height, filename: meta.file + "_" + chart + "_" + width + "x" + height
        });
      });
    });
  }

  /* A chart once the draw of the view shown is done (the ranking is drawn a frame after the rest: see Plotly.react). */
  function settled(graph) {
    return graph.pendingDraw ? graph.pendingDraw.then(function () { return settled(graph); }) : Promise.resolve();
  }

  /* What a briefing pack keeps of a chart's picture (assets/pack.js), drawn as the slide images are: the slide image
     as PNG and SVG (title, subtitle and source inside) and the chart alone for the slide's picture, as data URLs. */
  function slideImages(chart, meta) {
    var graph = document.querySelector("#" + chart + " .js-plotly-plot");
    var texts = meta && meta.charts && meta.charts[chart];
    if (!graph || !texts || !window.Plotly) { return Promise.reject(new Error("no chart " + chart)); }
    var found = {};
    return settled(graph).then(function () {
      return drawOffscreen(slideFigure(graph, texts, meta, 1920, 1080, false), function (holder) {
        return window.Plotly.toImage(holder, { format: "png", width: 1920, height: 1080 })
          .then(function (png) {
            found.png = png;
            return window.Plotly.toImage(holder, { format: "svg", width: 1920, height: 1080 });
          })
          .then(function (svg) { found.svg = svg; });
      });
    }).then(function () {
      return drawOffscreen(slideFigure(graph, texts, meta, PICTURE.width, PICTURE.height, true), function (holder) {
        return window.Plotly.toImage(holder, {
          format: "png", width: PICTURE.width, height: PICTURE.height, scale: PICTURE.scale
        });
      });
    }).then(function (picture) {
      found.picture = picture;
      found.pictureSize = [PICTURE.width * PICTURE.scale, PICTURE.height * PICTURE.scale];
      return found;
    });
  }
  window.lacSlides = { images: slideImages, picture: PICTURE };

  // Charts are drawn for the screen width; redraw them for the printed page and back afterwards.
  function resizeCharts() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
      if (window.Plotly && graph.offsetParent !== null && !graph.closest("#page-country")) {
        window.Plotly.Plots.resize(graph);
      }
    });
  }

  /* The profile's one-page brief (A4 portrait, see style.css): its small charts are redrawn at their printed
     size in pixels (96 per inch) divided by the print zoom of style.css, so the whole chart, type included,
     shrinks to fit; restored after printing. */
  // The print zoom of style.css: the corridor charts are drawn wider (smaller type) so that long names, the values
  // beside the dots and the share of women each keep their own room.
  var BRIEF_ZOOM = { trend: 0.6, flow: 0.52 };
  // px at 96 per inch of the boxes style.css prints them in: a sixth (a third) of A4's 192 mm less gutters and
  // padding wide, 20 mm (32 mm) high.
  var BRIEF_SIZES = { trend: [100, 76], flow: [221, 121] };
  var briefSaved = [];
  // An axis title written across a small chart: on two lines, broken at the space nearest its middle.
  function twoLines(text) {
    var middle = text.length / 2, best = -1;
    for (var i = 0; i < text.length; i++) {
      if (text[i] === " " && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) { best = i; }
    }
    return best < 0 || text.length < 16 ? text : text.slice(0, best) + "<br>" + text.slice(best + 1);
  }
  function acrossTitle(layout, update, head, lines) {  // the y axis's title written across, above the plot
    update["yaxis.title.text"] = "";
    update.annotations = (layout.annotations || []).concat([{
      text: head, xref: "paper", yref: "paper", x: 0, y: 1, xanchor: "left", yanchor: "bottom", yshift: 2,
      showarrow: false, align: "left", font: { size: 10, color: "#495057" }
    }]);
    update["margin.t"] = 13 * lines + 8;
    update["margin.l"] = 34;
  }
  function briefLayout(graph, flow) {
    var size = BRIEF_SIZES[flow ? "flow" : "trend"], zoom = BRIEF_ZOOM[flow ? "flow" : "trend"];
    var update = { width: size[0] / zoom, height: size[1] / zoom };
    var layout = graph.layout;
    var title = layout.yaxis && layout.yaxis.title && (layout.yaxis.title.text || layout.yaxis.title);
    var head = typeof title === "string" && title ? twoLines(title) : "";
    if (flow) {
      // Every partner named: the axis would otherwise skip every second name on so short a chart.
      if (layout.yaxis && layout.yaxis.type === "category") { update["yaxis.dtick"] = 1; }
      else if (head) { acrossTitle(layout, update, head, head.split("<br>").length); }
      return update;
    }
    // The brief's key names the country, subregion and region lines once (components/profile.py, brief_key): the
    // small trends drop their legends; a chart with lines of its own (women, men, all) names them in their colours
    // under its axis title.
    var key = document.querySelector("#page-country .brief-key");
    var keyed = key ? JSON.parse(key.getAttribute("data-names") || "[]") : [];
    var named = graph.data.filter(function (trace) { return trace.name; });
    update.showlegend = false;
    update["xaxis.nticks"] = 3;
    if (named.some(function (trace) { return keyed.indexOf(trace.name) < 0; })) {
      var own = named.map(function (trace) {
        var color = (trace.line && trace.line.color) || "#1f2933";
        return '<span style="color:' + color + ';font-size:9px">' + trace.name + "</span>";
      });
      head = (head ? head + "<br>" : "") + own.join(" ");
    }
    if (head) { acrossTitle(layout, update, head, head.split("<br>").length); }
    return update;
  }
  function briefCharts() {
    if (!window.Plotly || briefSaved.length) { return; }
    document.querySelectorAll("#page-country:not([hidden]) .js-plotly-plot").forEach(function (graph) {
      var saved = JSON.parse(JSON.stringify(graph.layout));
      var layout = JSON.parse(JSON.stringify(graph.layout));
      var update = briefLayout(graph, !!graph.closest(".profile-flows"));
      Object.keys(update).forEach(function (path) { setPath(layout, path, update[path]); });
      briefSaved.push([graph, saved]);
      // react, not relayout: a relayout event makes dcc.Graph draw its own figure again, undoing an axis change.
      window.Plotly.react(graph, graph.data, layout);
    });
  }
  function restoreCharts() {
    briefSaved.forEach(function (pair) {
      var layout = pair[1];
      delete layout.width;
      delete layout.height;
      window.Plotly.react(pair[0], pair[0].data, layout);
    });
    briefSaved = [];
    resizeCharts();
  }
  window.addEventListener("beforeprint", function () { briefCharts(); resizeCharts(); });
  window.addEventListener("afterprint", restoreCharts);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    lac: {
      loadFrames: function (url) {
        if (!url) { return window.dash_clientside.no_update; }
        return window.fetch(url, { credentials: "same-origin" }).then(function (response) {
          return response.ok ? response.json() : window.dash_clientside.no_update;
        });
      },

      // The server drew the first map of the page (map-wrap's data-drawn says which): it is redrawn here only for
      // another year, another view (new frames) or another selection.
      mapFigure: function (frames, year, countries, url) {
        if (!frames || !frames.base) { return window.dash_clientside.no_update; }
        var selected = countries || [];
        var shown = nearestYear(frames.years, year);
        var wrap = document.getElementById("map-wrap");
        var key = [url, shown, selected.join(",")].join("|");
        if (wrap && wrap.getAttribute("data-drawn") === key) { return window.dash_clientside.no_update; }
        if (wrap) { wrap.setAttribute("data-drawn", key); }
        var title = document.getElementById("map-title");
        if (title && shown !== null) {  // while the years play, the map's title says the year shown
          title.textContent = title.textContent.replace(/\d{4}(\/\d{2})?$/, String(shown));
        }
        var update = frames.frames[String(shown)];
        var base = frames.base;
        // A frame holds [shapes, dots] updates; the inset map repeats the shapes (traces are tagged by meta).
        var data = base.data.map(function (trace) {
          var copy = Object.assign({}, trace);
          var changes = update && { shapes: update[0], dots: update[1] }[trace.meta];
          if (changes) {
            Object.keys(changes).forEach(function (key) { setPath(copy, key, changes[key]); });
          }
          if (trace.meta === "shapes") { outline(copy, copy.locations, selected, 0.6, "#ffffff"); }
          if (trace.meta === "dots") {
            outline(copy, (copy.customdata || []).map(function (row) { return row[2]; }), selected, 1, "#ffffff");
          }
          return copy;
        });
        // The year of the frame, large on the map: while the animation plays, the titles keep the paused year.
        var layout = Object.assign({}, base.layout);
        layout.annotations = (base.layout.annotations || []).map(function (note) {
          var text = (frames.year_labels || {})[String(shown)] || String(shown);  // "2015/16": DIOC's census round
          return note.name === "year" ? Object.assign({}, note, { text: text }) : note;
        });
        return { data: data, layout: layout };
      },

      togglePlay: function (clicks, ticks, playing, year, frames, label) {
        var ctx = window.dash_clientside.callback_context;
        var fromTicker = ctx.triggered.length && ctx.triggered[0].prop_id.indexOf("n_intervals") >= 0;
        var labels = (frames && frames.labels) || {};
        var years = (frames && frames.years) || [];
        var atEnd = years.length && year >= years[years.length - 1];
        var next = fromTicker ? !(playing && atEnd) && playing : !playing;
        if (fromTicker && next === playing) { return window.dash_clientside.no_update; }
        // Starting from the last year replays the series from its first year.
        var restart = next && !fromTicker && atEnd ? years[0] : window.dash_clientside.no_update;
        // Who asks for less motion sees each year longer (WCAG 2.3.3); nothing plays without being asked.
        var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        return [next, !next, next ? labels.pause : labels.play, next ? labels.pause_label : labels.play_label, restart,
          calm ? 2400 : 900];
      },

      nextYear: function (ticks, year, frames, playing) {
        if (!playing || !frames || !frames.years) { return window.dash_clientside.no_update; }
        var years = frames.years;
        var index = years.indexOf(nearestYear(years, year));
        if (index >= years.length - 1) { return window.dash_clientside.no_update; }
        return years[index + 1];
      },

      // `meta` holds the title, subtitle and source line of each chart of the page.
      exportImage: function (clicks, meta) {
        var ctx = window.dash_clientside.callback_context;
        var trigger = ctx.triggered_id;
        if (!trigger || !ctx.triggered.length || !ctx.triggered[0].value) { return; }
        if (meta && meta.charts && meta.charts[trigger.chart]) { exportChart(trigger.chart, trigger.format, meta); }
      },

      printPage: function (clicks) {
        if (clicks) { window.print(); }
      },

      copyLink: function (clicks, meta) {
        if (!clicks) { return window.dash_clientside.no_update; }
        copyText(window.location.href);
        return (meta || {}).copied || "";
      },

      // `meta.data_links` holds the data link of each chart of the view shown (relative to the site).
      copyDataLink: function (clicks, meta) {
        var ctx = window.dash_clientside.callback_context;
        var trigger = ctx.triggered_id;
        var links = (meta && meta.data_links) || {};
        if (!trigger || !ctx.triggered.length || !ctx.triggered[0].value || !links[trigger.chart]) {
          return window.dash_clientside.no_update;
        }
        copyText(new URL(links[trigger.chart], window.location.href).href);
        return meta.data_copied || "";
      },

      copyEmbed: function (clicks, code) {
        if (clicks && code) { copyText(code); }
      },

      replaceUrl: function (query) {
        if (typeof query === "string") {
          // dcc.Location already holds this address (components/pages.py): it is not told, so no callback runs.
          window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
        }
      },

      // A name typed in the country field (or picked from its suggestions) joins the selection; the field empties
      // and keeps the focus. The suggestions carry each name's code (components/picker.py).
      pickCountry: function (value, selected) {
        var typed = String(value || "").trim().toLowerCase();
        if (!typed) { return [window.dash_clientside.no_update, window.dash_clientside.no_update]; }
        var options = document.querySelectorAll("#country-list option");
        for (var i = 0; i < options.length; i++) {
          if (options[i].value.toLowerCase() === typed) {
            var code = options[i].getAttribute("data-code");
            var now = (selected || []).filter(function (c) { return c !== code; }).concat([code]).slice(-12);
            return [now, ""];
          }
        }
        return [window.dash_clientside.no_update, window.dash_clientside.no_update];
      },

      // A selected country's button removes it; the focus goes to the field, as the button is gone.
      removeCountry: function (clicks, selected) {
        var ctx = window.dash_clientside.callback_context;
        var trigger = ctx.triggered_id;
        if (!trigger || !ctx.triggered.length || !ctx.triggered[0].value) { return window.dash_clientside.no_update; }
        window.setTimeout(function () {
          var field = document.getElementById("country-input");
          if (field) { field.focus(); }
        }, 0);
        return (selected || []).filter(function (code) { return code !== trigger.code; });
      },

      commitYear: function (year, playing, committed) {
        if (playing || year === committed || year === undefined || year === null) {
          return window.dash_clientside.no_update;
        }
        return year;
      }
    }
  });

  // The year slider's thumb (drawn by Dash) gets the accessible name its container carries (data-label).
  function nameSliders() {
    document.querySelectorAll("[data-slider-label] [role=slider]").forEach(function (thumb) {
      var label = thumb.closest("[data-slider-label]").getAttribute("data-slider-label");
      if (thumb.getAttribute("aria-label") !== label) { thumb.setAttribute("aria-label", label); }
    });
  }
  // The ranking in a narrow column (a phone; a laptop's 1366 px screen): the server draws it for a wider column;
  // below NARROW px the value labels get a narrower margin, the names a smaller font, and the focus rule's label
  // (too long to fit) gives way: the key facts under the chart give the group's figure.
  var NARROW = 520;
  function narrowLayout(layout) {
    return Object.assign({}, layout, {
      meta: "narrow",
      margin: Object.assign({}, layout.margin, { r: 46 }),
      yaxis: Object.assign({}, layout.yaxis, {
        tickfont: Object.assign({}, (layout.yaxis || {}).tickfont, { size: 10 })
      }),
      annotations: (layout.annotations || []).map(function (a) { return Object.assign({}, a, { visible: false }); })
    });
  }

  // No callback reads a graph's hoverData, yet dcc.Graph hands every hover to Dash's renderer (a round of its work,
  // 20-40 ms of script, for each country the pointer crosses): plotly's hover events stop at the graph, which still
  // draws its tooltips.
  function quietHover(gd) {
    if (!gd || typeof gd.emit !== "function" || gd.emit === gd.quietEmit) { return; }
    var emit = gd.emit;
    gd.quietEmit = function (name) {
      return name === "plotly_hover" || name === "plotly_unhover" ? undefined : emit.apply(this, arguments);
    };
    gd.emit = gd.quietEmit;
  }

  // The ranking's column can narrow or widen after it is drawn (a phone turned, a window resized): it is drawn again,
  // from the server's layout, fitted or not.
  function refit(gd) {
    var width = gd.clientWidth;
    if (!width || !gd.wideLayout || (width < NARROW) === ((gd.layout || {}).meta === "narrow")) { return; }
    window.Plotly.react(gd, { data: gd.data, layout: gd.wideLayout });
  }

  // Every graph goes through Plotly.react (dcc.Graph hands it the whole figure). There the ranking is fitted before it
  // is drawn (one draw per update) and, when it is redrawn for a new view, drawn a frame later: the trend, above
  // it, shows the view first (a click on a country reaches the trend sooner); the ranking follows in the next frame,
  // and a slide image or a briefing pack waits for it (settled).
  if (window.Plotly && window.Plotly.react) {
    var react = window.Plotly.react;
    window.Plotly.react = function (gd, figure) {
      var self = this, args = Array.prototype.slice.call(arguments);
      var ranking = gd && gd.closest && gd.closest("#ranking") && args.length === 2 && figure && figure.layout;
      if (ranking) {
        gd.wideLayout = figure.layout;  // as the server drew it: what slides start from (slideFigure)
        if (gd.clientWidth < NARROW) { args[1] = Object.assign({}, figure, { layout: narrowLayout(figure.layout) }); }
      }
      function draw() {
        var drawn = react.apply(self, args);
        quietHover(gd);
        if (ranking && !gd.refitting && gd.on) {
          gd.refitting = true;
          gd.on("plotly_afterplot", function () { refit(gd); });
        }
        return drawn;
      }
      if (!ranking || !gd._fullLayout) { return draw(); }
      var pending = new Promise(function (resolve, reject) {
        window.requestAnimationFrame(function () {
          window.setTimeout(function () { draw().then(resolve, reject); }, 0);
        });
      });
      gd.pendingDraw = pending;
      return pending.then(function (result) {
        if (gd.pendingDraw === pending) { gd.pendingDraw = null; }
        return result;
      });
    };
  }

  new MutationObserver(nameSliders)
    .observe(document.documentElement, { childList: true, subtree: true });
})();
