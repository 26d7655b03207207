// Draws the charts of the static public site from the figure JSON beside each chart box (plotly.js is served
// from the same folder; nothing is fetched from elsewhere). With JavaScript off the tables carry the figures.
(function () {
  document.documentElement.classList.remove("no-js");
  if (!window.Plotly) { return; }
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (node) {
    var box = document.getElementById(node.getAttribute("data-chart"));
    var fig = JSON.parse(node.textContent);
    Plotly.newPlot(box, fig.data, fig.layout, {displayModeBar: false, responsive: true});
  });
})();
