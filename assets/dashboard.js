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

  function nearestYear(years, year) {
    if (!years || !years.length) { return null; }
    var best = years[0];
    for (var i = 0; i < years.length; i++) {
      if (Math.abs(years[i] - year) < Math.abs(best - year)) { best = years[i]; }
    }
    return best;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    lac: {
      mapFigure: function (frames, year) {
        if (!frames || !frames.base) { return window.dash_clientside.no_update; }
        var shown = nearestYear(frames.years, year);
        var update = frames.frames[String(shown)];
        var base = frames.base;
        var data = base.data.map(function (trace, index) {
          var copy = Object.assign({}, trace);
          if (update && index >= 1 && update[index - 1]) {
            var changes = update[index - 1];
            Object.keys(changes).forEach(function (key) { setPath(copy, key, changes[key]); });
          }
          return copy;
        });
        return { data: data, layout: base.layout };
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
        return [next, !next, next ? labels.pause : labels.play, next ? labels.pause_label : labels.play_label, restart];
      },

      nextYear: function (ticks, year, frames, playing) {
        if (!playing || !frames || !frames.years) { return window.dash_clientside.no_update; }
        var years = frames.years;
        var index = years.indexOf(nearestYear(years, year));
        if (index >= years.length - 1) { return window.dash_clientside.no_update; }
        return years[index + 1];
      },

      setDocumentLanguage: function (lang, title) {
        if (lang) { document.documentElement.lang = lang; }
        if (title) { document.title = title; }
      },

      commitYear: function (year, playing, committed) {
        if (playing || year === committed || year === undefined || year === null) {
          return window.dash_clientside.no_update;
        }
        return year;
      }
    }
  });
})();
