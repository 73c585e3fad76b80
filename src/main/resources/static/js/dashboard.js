// Draws the dashboard's charts and the appeal process diagram from the data the page carries.
(function () {
  function start() {
    var holder = document.getElementById("dashboard-data");
    if (!holder) return;
    var data = JSON.parse(holder.dataset.chart);
    var d = data.dashboard;
    var words = data.words || { labels: {}, ranges: [] };
    // Stages, answers and outcomes in the reader's language, as the page's words are.
    var label = function (s) { return words.labels[s] || s.toLowerCase().replace(/_/g, " "); };
    var colours = {
      DRAFTING: "#f2c14e", IN_REVIEW: "#e9a03b", SUBMITTING: "#7aa6e0", AWAITING_RESPONSE: "#3b7dd8",
      ESCALATED: "#d9534f", TRACKING_SANCTIONS: "#8e6bd1", CLOSED: "#2e8b57", WITHDRAWN: "#9aa5b1",
      CONDEMNED: "#1b7f3b", NON_RECOGNITION: "#4caf50", ACKNOWLEDGED: "#3b7dd8", DECLINED: "#b3261e", NO_RESPONSE: "#e08e0b",
      PENDING: "#e9a03b", ADOPTED: "#1b5e20", ALIGNED: "#2e8b57"
    };
    function chart(id, type, counts, order, extra) {
      var canvas = document.getElementById(id);
      if (!canvas || !window.Chart) return;
      var keys = order.filter(function (k) { return counts[k] !== undefined; });
      new Chart(canvas, Object.assign({
        type: type,
        data: {
          labels: keys.map(label),
          datasets: [{ data: keys.map(function (k) { return counts[k]; }), backgroundColor: keys.map(function (k) { return colours[k] || "#0057b7"; }) }]
        },
        options: {
          animation: false, maintainAspectRatio: false, plugins: { legend: { display: type === "doughnut" } },
          // Counts are whole numbers: no 0.5 appeals on an axis.
          scales: type === "bar" ? { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } } : {}
        }
      }, extra || {}));
    }
    chart("chart-stages", "bar", d.stages,
      ["DRAFTING", "IN_REVIEW", "SUBMITTING", "AWAITING_RESPONSE", "ESCALATED", "TRACKING_SANCTIONS", "CLOSED", "WITHDRAWN"],
      { options: { indexAxis: "y", animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { ticks: { precision: 0 } } } } });
    chart("chart-responses", "doughnut", d.responses, ["CONDEMNED", "NON_RECOGNITION", "ACKNOWLEDGED", "DECLINED", "NO_RESPONSE"]);
    chart("chart-sanctions", "bar", d.sanctions, ["PENDING", "ADOPTED", "ALIGNED", "DECLINED"]);
    // Days to an answer in ranges a person reads at a glance.
    var ranges = [[words.ranges[0] || "0–7", 0, 7], [words.ranges[1] || "8–14", 8, 14],
      [words.ranges[2] || "15–30", 15, 30], [words.ranges[3] || "30+", 31, Infinity]];
    var dayCounts = {};
    ranges.forEach(function (r) { dayCounts[r[0]] = 0; });
    Object.keys(d.daysToResponse).forEach(function (k) {
      var day = Number(k);
      var range = ranges.filter(function (r) { return day >= r[1] && day <= r[2]; })[0];
      dayCounts[range[0]] += d.daysToResponse[k];
    });
    chart("chart-days", "bar", dayCounts, ranges.map(function (r) { return r[0]; }));

    var diagram = document.getElementById("process-diagram");
    if (diagram && window.BpmnJS) {
      var viewer = new BpmnJS({ container: diagram });
      fetch(diagram.dataset.bpmnUrl, { credentials: "same-origin" })
        .then(function (r) { return r.text(); })
        .then(function (xml) { return viewer.importXML(xml); })
        .then(function () {
          // The box takes the drawing's proportions, so the process fills it instead of floating in it.
          var canvas = viewer.get("canvas");
          var inner = canvas.viewbox().inner;
          var margin = 24;
          var width = diagram.clientWidth;
          diagram.style.height = Math.round(Math.max(160, (width - margin) * (inner.height / inner.width) + margin)) + "px";
          canvas.resized();
          canvas.zoom("fit-viewport");
          var overlays = viewer.get("overlays");
          Object.keys(data.waiting).forEach(function (elementId) {
            var badge = document.createElement("span");
            badge.className = "waiting-badge";
            badge.textContent = data.waiting[elementId];
            badge.title = data.waiting[elementId] + " waiting here";
            overlays.add(elementId, { position: { top: -12, right: 12 }, show: { minZoom: 0.05, maxZoom: 20 }, html: badge });
          });
          diagram.classList.add("loaded");
        })
        .catch(function (e) { diagram.textContent = "The diagram could not be shown: " + e; });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
