/* Tacitus dashboard: the actor network, drawn with a small deterministic force layout in SVG. */
"use strict";

(function (T) {
  /* Fruchterman-Reingold on a unit square, started from a circle so that the picture is stable. */
  function layout(nodes, edges, iterations) {
    const n = nodes.length, index = new Map(nodes.map((d, i) => [d.id, i]));
    const pos = nodes.map((d, i) => ({
      x: 0.5 + 0.35 * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
      y: 0.5 + 0.35 * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
    }));
    if (n < 2) return pos.map(() => ({ x: 0.5, y: 0.5 }));
    const k = Math.sqrt(1 / n) * 1.2;
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter((l) => l[0] !== l[1]);
    let temp = 0.1;
    for (let it = 0; it < iterations; it++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          let d2 = dx * dx + dy * dy;
          if (d2 < 1e-6) { dx = 0.01 * (i - j); dy = 0.01; d2 = dx * dx + dy * dy; }
          if (d2 > 9 * k * k) continue;  // distant nodes do not push: components stay near the centre
          const f = (k * k) / d2;
          disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y, d = Math.sqrt(dx * dx + dy * dy) || 1e-3;
        const f = d / k;
        disp[a].x -= dx * f; disp[a].y -= dy * f; disp[b].x += dx * f; disp[b].y += dy * f;
      }
      for (let i = 0; i < n; i++) {
        disp[i].x += (0.5 - pos[i].x) * 0.5; disp[i].y += (0.5 - pos[i].y) * 0.5;  // gravity
        const len = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
        pos[i].x += (disp[i].x / len) * Math.min(len, temp);
        pos[i].y += (disp[i].y / len) * Math.min(len, temp);
      }
      temp *= 0.97;
    }
    return pos;
  }

  /* Scale positions into the box, keeping a margin for labels. */
  function fit(pos, width, height, margin) {
    const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const sx = (width - 2 * margin) / Math.max(1e-6, x1 - x0), sy = (height - 2 * margin) / Math.max(1e-6, y1 - y0);
    return pos.map((p) => ({
      x: x1 === x0 ? width / 2 : margin + (p.x - x0) * sx,
      y: y1 === y0 ? height / 2 : margin + (p.y - y0) * sy,
    }));
  }

  T.drawNetwork = function (node, data, onPick) {
    const nodes = data.nodes.slice(0, 80);
    const keep = new Set(nodes.map((d) => d.id));
    const edges = data.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
    if (!nodes.length) return T.empty(node, "No actor pairs match.");
    const width = T.widthOf(node), height = 340;
    const pos = fit(layout(nodes, edges, 400), width, height, 28);
    const at = new Map(nodes.map((d, i) => [d.id, pos[i]]));
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    const maxN = Math.max(1, ...nodes.map((d) => d.events));
    const radius = (d) => 4 + 9 * Math.sqrt(d.events / maxN);
    const svg = T.svg("svg", { width, height, class: "chart network", role: "img", "aria-label": "Actor network" });
    const defs = T.svg("defs", {}, svg);
    const marker = T.svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7,
                                     markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    T.svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#7b8494" }, marker);
    const radii = new Map(nodes.map((d) => [d.id, radius(d)]));
    for (const e of edges) {
      const a = at.get(e.source), b = at.get(e.target);
      if (e.source === e.target) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const ra = radii.get(e.source), rb = radii.get(e.target) + 2;
      T.svg("line", { x1: a.x + (dx / d) * ra, y1: a.y + (dy / d) * ra, x2: b.x - (dx / d) * rb,
                      y2: b.y - (dy / d) * rb, class: "edge", "stroke-width": (1 + 5 * (e.weight / maxW)).toFixed(2),
                      stroke: T.goldsteinColor(e.goldstein), "marker-end": "url(#arrow)",
                      title: e.source + " → " + e.target + ": " + e.weight + " event(s), mean Goldstein " +
                             T.fmt(e.goldstein, 2) }, svg);
    }
    nodes.forEach((d, i) => {
      const p = pos[i];
      const g = T.svg("g", { class: "node", "data-actor": d.id, onclick: () => onPick(d.id),
                             transform: "translate(" + p.x.toFixed(1) + "," + p.y.toFixed(1) + ")" }, svg);
      T.svg("circle", { r: radius(d).toFixed(1),
                        title: d.id + " " + d.name + ": " + d.out + " as source, " + d.in + " as target. " +
                               "Click to filter on this actor." }, g);
      T.svg("text", { y: -radius(d) - 3, "text-anchor": "middle", text: d.id }, g);
    });
    T.clear(node).appendChild(svg);
  };
})(window.T);
