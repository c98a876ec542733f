/* Tacitus dashboard: events on an equirectangular world frame, at the event's coded place when it has one, else
   at the APPROXIMATE centroid of the target's country. Faint dots mark every country centroid for orientation. */
"use strict";

(function (T) {
  let centroids = null;

  T.loadCentroids = async function () {
    if (centroids) return centroids;
    const response = await fetch("/static/centroids.json");
    centroids = await response.json();
    return centroids;
  };

  T.drawMap = async function (node, data, note) {
    const geo = await T.loadCentroids();
    const width = T.widthOf(node), height = Math.round(width / 2);
    const sx = width / 360, sy = height / 180;
    const x = (lon) => (lon + 180) * sx, y = (lat) => (90 - lat) * sy;
    const svg = T.svg("svg", { width, height, class: "chart map", role: "img",
                                "aria-label": "Events by target country (approximate)" });
    T.svg("rect", { x: 0, y: 0, width, height, class: "sea" }, svg);
    for (let lon = -150; lon <= 150; lon += 30) {
      T.svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: height, class: lon === 0 ? "grat main" : "grat" }, svg);
    }
    for (let lat = -60; lat <= 60; lat += 30) {
      T.svg("line", { x1: 0, x2: width, y1: y(lat), y2: y(lat), class: lat === 0 ? "grat main" : "grat" }, svg);
      T.svg("text", { x: 3, y: y(lat) - 2, class: "gratlabel", text: (lat > 0 ? lat + "°N" : lat < 0 ? -lat + "°S" : "0°") }, svg);
    }
    for (const [code, [lat, lon]] of Object.entries(geo.centroids)) {
      T.svg("circle", { cx: x(lon), cy: y(lat), r: 1.3, class: "ghost", title: code + " " + (geo.names[code] || "") }, svg);
    }
    const placed = [], unplaced = [];
    const where = (r) => (r.lat !== null && r.lat !== undefined ? [r.lat, r.lon] : geo.centroids[r.country]);
    for (const r of data.rows) (where(r) ? placed : unplaced).push(r);
    const max = Math.max(1, ...placed.map((r) => r.events));
    placed.sort((a, b) => b.events - a.events);
    const layer = T.svg("g", {}, svg);
    for (const r of placed.slice().reverse()) {  // big circles first, small ones on top
      const [lat, lon] = where(r);
      const g = T.svg("g", { class: "place", "data-country": r.country }, layer);
      T.svg("circle", { cx: x(lon), cy: y(lat), r: (3 + 14 * Math.sqrt(r.events / max)).toFixed(1),
                        fill: T.goldsteinColor(r.goldstein),
                        title: (r.place ? r.place + ", " : "") + r.country + " " + (geo.names[r.country] || "") +
                               ": " + r.events + " event(s), mean Goldstein " + T.fmt(r.goldstein, 2) }, g);
    }
    for (const r of placed.slice(0, 12)) {
      const [lat, lon] = where(r);
      T.svg("text", { x: x(lon) + 6, y: y(lat) - 6, class: "placelabel", text: r.place || r.country }, layer);
    }
    T.clear(node).appendChild(svg);
    const unplacedCount = unplaced.reduce((n, r) => n + r.events, 0);
    note.textContent = "Events sit at their coded place; events without one at the (approximate) centroid of " +
      "their target's country. " +
      (unplacedCount ? unplacedCount + " event(s) with a target that has no country (e.g. " +
        unplaced.slice(0, 3).map((r) => r.country).join(", ") + ") are not shown." : "");
  };
})(window.T);
