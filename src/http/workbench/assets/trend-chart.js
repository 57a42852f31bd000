/* global document, window, uPlot */
// The 全局 page's 12-month trend, drawn by uPlot (served from node_modules). Data and labels come
// from the page's JSON block, so this file carries no text of its own.
(function () {
  var holder = document.getElementById('trend');
  var data = JSON.parse(document.getElementById('trend-data').textContent);
  var xs = data.months.map(function (_m, i) { return i; });
  function size() { return { width: Math.max(240, holder.clientWidth), height: 260 }; }
  var opts = Object.assign(size(), {
    scales: { x: { time: false }, pct: { range: [0, 100] } },
    axes: [
      { values: function (_u, ticks) { return ticks.map(function (t) { return data.months[t] ? data.months[t].slice(2) : ''; }); }, stroke: '#1a1a1a' },
      { stroke: '#1a1a1a' },
      { scale: 'pct', side: 1, stroke: '#1a1a1a', grid: { show: false } },
    ],
    series: [
      { label: data.monthLabel, value: function (_u, v) { return v === null || data.months[v] === undefined ? '--' : data.months[v]; } },
      { label: data.labels[0], stroke: '#0b57d0', width: 2 },
      { label: data.labels[1], stroke: '#14532d', width: 2 },
      { label: data.labels[2], stroke: '#b3261e', width: 2, scale: 'pct', dash: [6, 4] },
    ],
  });
  var chart = new uPlot(opts, [xs, data.received, data.closed, data.rate], holder);
  window.addEventListener('resize', function () { chart.setSize(size()); });
})();
