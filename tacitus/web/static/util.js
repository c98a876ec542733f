/* Tacitus dashboard: shared helpers (DOM and SVG building, API calls, formatting). No dependencies. */
"use strict";
window.T = window.T || {};

(function (T) {
  const SVG_NS = "http://www.w3.org/2000/svg";

  /* Create an HTML element; attrs.text sets textContent (never innerHTML: all data is untrusted). */
  T.el = function (tag, attrs, parent) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    if (parent) parent.appendChild(node);
    return node;
  };

  /* Create an SVG element. */
  T.svg = function (tag, attrs, parent) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    if (parent) parent.appendChild(node);
    return node;
  };

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "title") {
        if (node instanceof SVGElement) T.svg("title", { text: value }, node);
        else node.title = String(value);
      } else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
  }

  T.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  /* GET /api/PATH with query params; resolves to JSON, rejects with Error(message) from the API's JSON error. */
  T.api = async function (path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const qs = query.toString();
    const response = await fetch("/api/" + path + (qs ? "?" + qs : ""));
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const err = new Error((body && body.message) || "HTTP " + response.status);
      err.status = response.status;
      throw err;
    }
    return body;
  };

  T.QUADS = {
    1: { label: "Verbal cooperation", color: "#2f9e6f" },
    2: { label: "Material cooperation", color: "#1f7bb6" },
    3: { label: "Verbal conflict", color: "#e8a33d" },
    4: { label: "Material conflict", color: "#d1453b" },
  };

  /* Colour for a Goldstein value in [-10, 10]: red (conflict) through grey to green (cooperation). */
  T.goldsteinColor = function (g) {
    if (g === null || g === undefined) return "#9aa3b2";
    const t = Math.max(-1, Math.min(1, g / 10));
    const grey = [150, 158, 170], red = [209, 69, 59], green = [47, 158, 111];
    const to = t < 0 ? red : green, k = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * Math.min(1, k * 1.6)));
    return "rgb(" + c.join(",") + ")";
  };

  T.fmt = function (n, digits) {
    if (n === null || n === undefined) return "–";
    return typeof n === "number" && digits !== undefined ? n.toFixed(digits) : String(n);
  };

  /* Width available inside a panel body, for crisp SVG text. */
  T.widthOf = function (node, fallback) {
    const w = node.clientWidth;
    return w > 50 ? w : fallback || 600;
  };

  /* "Nothing to show" note inside a panel. */
  T.empty = function (node, message) {
    T.clear(node);
    T.el("p", { class: "empty", text: message }, node);
  };
})(window.T);
