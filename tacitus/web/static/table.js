/* Tacitus dashboard: the event table, one page at a time; a row click opens its article. */
"use strict";

(function (T) {
  function actorCell(tr, code, text) {
    const td = T.el("td", { class: "actor" }, tr);
    T.el("b", { text: code || "–" }, td);
    if (text) T.el("span", { class: "muted", text: " " + text }, td);
  }

  T.drawTable = function (body, info, data, selectedId, onOpen) {
    T.clear(body);
    for (const e of data.rows) {
      const tr = T.el("tr", { "data-event-id": e.event_id, tabindex: 0,
                              class: e.event_id === selectedId ? "selected" : null,
                              onclick: () => onOpen(e),
                              onkeydown: (ev) => { if (ev.key === "Enter") onOpen(e); } }, body);
      T.el("td", { class: "date", text: e.date || "–" }, tr);
      actorCell(tr, e.source, e.source_text);
      const code = T.el("td", { class: "code", title: e.event_name }, tr);
      T.el("span", { class: "quad q" + e.quad_class, title: (T.QUADS[e.quad_class] || {}).label }, code);
      T.el("b", { text: e.code }, code);
      T.el("span", { class: "muted", text: " " + (e.event_name || "") }, code);
      actorCell(tr, e.target, e.target_text);
      T.el("td", { class: "num", text: T.fmt(e.goldstein, 1) }, tr);
      T.el("td", { class: "sentence", text: (e.sentence || "").trim(), title: (e.sentence || "").trim() }, tr);
    }
    if (!data.rows.length) {
      const tr = T.el("tr", {}, body);
      T.el("td", { colspan: 6, class: "empty", text: "No events match these filters." }, tr);
    }
    const first = data.total ? data.offset + 1 : 0;
    info.textContent = first + "–" + (data.offset + data.rows.length) + " of " + data.total + " event(s)";
  };
})(window.T);
