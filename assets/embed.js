/* Draws the chart of an embed page (/embed/<chart>) from the JSON the server put in the page. */
(function () {
  "use strict";
  var spec = JSON.parse(document.getElementById("chart-spec").textContent);
  var layout = Object.assign({}, spec.figure.layout, { autosize: true });
  delete layout.height;
  window.Plotly.newPlot("chart", spec.figure.data, layout, spec.config);
})();
