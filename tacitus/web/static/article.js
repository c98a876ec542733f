/* Tacitus dashboard: an event's article, with its sentence and the source, target and verb spans highlighted.
   Offsets from the store count Unicode code points (Python str indices), so the text is split with Array.from,
   not indexed as UTF-16. */
"use strict";

(function (T) {
  const SPANS = [["sentence", "hl-sentence"], ["source", "hl-source"], ["target", "hl-target"], ["verb", "hl-verb"]];

  /* Split the text at every span boundary; each piece gets the classes of the spans covering it. */
  function highlighted(text, event) {
    const chars = Array.from(text), n = chars.length;
    const spans = [];
    for (const [name, cls] of SPANS) {
      const a = event[name + "_start"], b = event[name + "_end"];
      if (Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b > a && a < n) spans.push([Math.min(b, n), a, cls]);
    }
    const cuts = new Set([0, n]);
    for (const [b, a] of spans) { cuts.add(a); cuts.add(b); }
    const points = [...cuts].sort((p, q) => p - q);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1], piece = chars.slice(a, b).join("");
      const classes = spans.filter(([end, start]) => start <= a && b <= end).map((s) => s[2]);
      if (classes.length) T.el("span", { class: classes.join(" "), text: piece }, frag);
      else frag.appendChild(document.createTextNode(piece));
    }
    return frag;
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  function fact(dl, label, value, cls) {
    T.el("dt", { text: label }, dl);
    const dd = T.el("dd", { class: cls || null }, dl);
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value === null || value === undefined ? "–" : value;
    return dd;
  }

  function actor(code, name, text, resolution) {
    const frag = document.createDocumentFragment();
    T.el("b", { text: code || "–" }, frag);
    frag.appendChild(document.createTextNode(" " + (name || "") + (text ? " — “" + text + "”" : "")));
    if (resolution) T.el("span", { class: "muted", text: " (" + resolution + ")" }, frag);
    return frag;
  }

  T.drawArticle = function (panel, doc, event, onPick) {
    T.clear(panel);
    const head = T.el("div", { class: "article-head" }, panel);
    const url = safeUrl(doc.url);
    const title = T.el(url ? "a" : "h3", { class: "doc-title", text: doc.title || doc.doc_id,
                                           href: url, target: url ? "_blank" : null, rel: url ? "noopener" : null }, head);
    if (url) title.classList.add("h3");
    T.el("div", { class: "muted", text: [doc.date, doc.doc_id].filter(Boolean).join(" · ") }, head);

    const dl = T.el("dl", { class: "facts", id: "event-facts" }, panel);
    fact(dl, "Source", actor(event.source, event.source_name, event.source_text, event.source_resolution), "k-source");
    fact(dl, "Event", event.code + " " + (event.event_name || "") + " · Goldstein " + T.fmt(event.goldstein, 1) +
         " · Q" + event.quad_class + " " + ((T.QUADS[event.quad_class] || {}).label || ""));
    fact(dl, "Target", actor(event.target, event.target_name, event.target_text, event.target_resolution), "k-target");
    fact(dl, "Verb", event.verb, "k-verb");
    fact(dl, "Rule", event.rule, "rule").id = "rule";
    if (event.plover_event) fact(dl, "PLOVER", [event.plover_event, event.plover_mode, event.plover_context].filter(Boolean).join(" / "));

    const legend = T.el("div", { class: "legend" }, panel);
    for (const [cls, label] of [["hl-sentence", "sentence"], ["hl-source", "source"], ["hl-target", "target"], ["hl-verb", "verb"]]) {
      T.el("span", { class: cls, text: label }, legend);
    }
    const body = T.el("div", { class: "article-text", id: "article-text" }, panel);
    body.appendChild(highlighted(doc.text || "", event));

    if (doc.events.length > 1) {
      T.el("h4", { text: "All " + doc.events.length + " events in this article" }, panel);
      const list = T.el("ol", { class: "doc-events" }, panel);
      for (const e of doc.events) {
        T.el("li", { class: e.event_id === event.event_id ? "current" : null, "data-event-id": e.event_id, tabindex: 0,
                     text: e.source + " " + e.code + " " + e.target + " — " + (e.event_name || ""),
                     onclick: () => onPick(doc, e), onkeydown: (ev) => { if (ev.key === "Enter") onPick(doc, e); } }, list);
      }
    }
    const mark = body.querySelector(".hl-sentence");
    if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.offsetTop - 40);
  };
})(window.T);
