/* Tacitus dashboard: timeline (event counts stacked by QuadClass, mean Goldstein) and QuadClass bars. */
"use strict";

(function (T) {
  const PAD = { left: 40, right: 12, top: 10, bottom: 22 };

  function periodEnd(start, period) {
    const d = new Date(start + "T00:00:00Z");
    if (period === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (period === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }

  function periodLabel(p, period) {
    return period === "month" ? p.slice(0, 7) : p;
  }

  /* x positions of periods: one band per period. */
  function bands(rows, width) {
    const inner = width - PAD.left - PAD.right;
    const step = inner / Math.max(1, rows.length);
    return { step, x: (i) => PAD.left + i * step, bar: Math.max(1, step * 0.8) };
  }

  function xLabels(g, rows, b, period, y) {
    const every = Math.max(1, Math.ceil(rows.length / 8));
    rows.forEach((r, i) => {
      if (i % every !== 0) return;
      T.svg("text", { x: b.x(i) + b.step / 2, y, class: "tick", "text-anchor": "middle",
                      text: periodLabel(r.period, period) }, g);
    });
  }

  /* Stacked bars of event counts; clicking a bar narrows the dates to that period. */
  T.drawCounts = function (node, data, onPick) {
    const rows = data.rows;
    if (!rows.length) return T.empty(node, "No dated events match.");
    const width = T.widthOf(node), height = 170;
    const svg = T.svg("svg", { width, height, class: "chart", role: "img",
                                "aria-label": "Event counts per " + data.period });
    const max = Math.max(1, ...rows.map((r) => r.events));
    const h = height - PAD.top - PAD.bottom, yOf = (v) => PAD.top + h - (v / max) * h;
    for (const v of [0, Math.round(max / 2), max]) {
      T.svg("line", { x1: PAD.left, x2: width - PAD.right, y1: yOf(v), y2: yOf(v), class: "grid" }, svg);
      T.svg("text", { x: PAD.left - 6, y: yOf(v) + 4, class: "tick", "text-anchor": "end", text: v }, svg);
    }
    const b = bands(rows, width);
    rows.forEach((r, i) => {
      const g = T.svg("g", { class: "bar", "data-period": r.period,
                             onclick: () => onPick(r.period, periodEnd(r.period, data.period)) }, svg);
      let base = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = r["q" + q];
        if (!n) continue;
        T.svg("rect", { x: b.x(i) + (b.step - b.bar) / 2, width: b.bar, y: yOf(base + n),
                        height: Math.max(0.5, yOf(base) - yOf(base + n)), fill: T.QUADS[q].color }, g);
        base += n;
      }
      T.svg("rect", { x: b.x(i), width: b.step, y: PAD.top, height: h, class: "hit",
                      title: periodLabel(r.period, data.period) + ": " + r.events + " event(s)" +
                             (r.goldstein !== null ? ", mean Goldstein " + r.goldstein.toFixed(2) : "") }, g);
    });
    xLabels(svg, rows, b, data.period, height - 6);
    T.clear(node).appendChild(svg);
  };

  /* Mean Goldstein per period: a line broken at empty periods, on a fixed -10..10 scale. */
  T.drawGoldstein = function (node, data) {
    const rows = data.rows;
    if (!rows.length) return T.empty(node, "No dated events match.");
    const width = T.widthOf(node), height = 130;
    const svg = T.svg("svg", { width, height, class: "chart", role: "img",
                                "aria-label": "Mean Goldstein per " + data.period });
    const h = height - PAD.top - PAD.bottom, yOf = (v) => PAD.top + h * (1 - (v + 10) / 20);
    for (const v of [-10, -5, 0, 5, 10]) {
      T.svg("line", { x1: PAD.left, x2: width - PAD.right, y1: yOf(v), y2: yOf(v),
                      class: v === 0 ? "grid zero" : "grid" }, svg);
      T.svg("text", { x: PAD.left - 6, y: yOf(v) + 4, class: "tick", "text-anchor": "end", text: v }, svg);
    }
    const b = bands(rows, width);
    let path = "", open = false;
    rows.forEach((r, i) => {
      if (r.goldstein === null) { open = false; return; }
      const x = b.x(i) + b.step / 2, y = yOf(r.goldstein);
      path += (open ? " L" : " M") + x.toFixed(1) + " " + y.toFixed(1);
      open = true;
    });
    if (path) T.svg("path", { d: path.trim(), class: "gline" }, svg);
    rows.forEach((r, i) => {
      if (r.goldstein === null) return;
      T.svg("circle", { cx: b.x(i) + b.step / 2, cy: yOf(r.goldstein), r: 3.5, fill: T.goldsteinColor(r.goldstein),
                        class: "gdot", title: periodLabel(r.period, data.period) + ": mean Goldstein " +
                        r.goldstein.toFixed(2) + " over " + r.events + " event(s)" }, svg);
    });
    xLabels(svg, rows, b, data.period, height - 6);
    T.clear(node).appendChild(svg);
  };

  /* Horizontal bars, one per QuadClass; clicking one toggles the quad filter. */
  T.drawQuads = function (node, data, activeQuad, onPick) {
    const width = T.widthOf(node, 320), rowH = 34, height = rowH * 4 + 8;
    const svg = T.svg("svg", { width, height, class: "chart", role: "img", "aria-label": "Events per QuadClass" });
    const max = Math.max(1, ...data.rows.map((r) => r.events));
    const labelW = 150, barW = width - labelW - 50;
    data.rows.forEach((r, i) => {
      const y = 6 + i * rowH, q = T.QUADS[r.quad_class];
      const dim = activeQuad && activeQuad !== r.quad_class;
      const g = T.svg("g", { class: "quad" + (dim ? " dim" : ""), "data-quad": r.quad_class,
                             onclick: () => onPick(r.quad_class) }, svg);
      T.svg("text", { x: 0, y: y + 17, class: "label", text: r.quad_class + " " + r.label }, g);
      T.svg("rect", { x: labelW, y: y + 4, width: barW, height: 20, class: "track" }, g);
      T.svg("rect", { x: labelW, y: y + 4, width: Math.max(r.events ? 2 : 0, (r.events / max) * barW), height: 20,
                      fill: q.color, rx: 2 }, g);
      T.svg("text", { x: labelW + barW + 8, y: y + 18, class: "value", text: r.events }, g);
      T.svg("rect", { x: 0, y, width, height: rowH, class: "hit",
                      title: r.label + ": " + r.events + " event(s). Click to filter." }, g);
    });
    T.clear(node).appendChild(svg);
  };
})(window.T);
