/* Tacitus dashboard: filters (kept in the URL hash), loading every panel, opening events. */
"use strict";

(function (T) {
  const $ = (id) => document.getElementById(id);
  const FILTER_KEYS = ["start", "end", "actor", "dyad", "code", "quad", "q"];
  const state = { filters: {}, period: "month", level: "actor", offset: 0, limit: 25, selected: null, generation: 0 };

  /* Filters <-> URL hash, so that a view can be bookmarked and shared. */
  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    state.filters = {};
    for (const key of FILTER_KEYS) if (params.get(key)) state.filters[key] = params.get(key);
    state.period = ["day", "week", "month"].includes(params.get("period")) ? params.get("period") : "month";
    state.offset = 0;
  }

  function writeHash() {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]);
    if (state.period !== "month") params.set("period", state.period);
    const hash = params.toString();
    if (location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? "#" + hash : location.pathname);
  }

  function fillForm() {
    const f = state.filters;
    $("f-start").value = f.start || "";
    $("f-end").value = f.end || "";
    $("f-actor").value = f.dyad || f.actor || "";
    $("f-code").value = f.code || "";
    $("f-q").value = f.q || "";
    $("f-period").value = state.period;
    const chips = T.clear($("chips"));
    if (f.quad) {
      T.el("button", { type: "button", class: "chip", text: "QuadClass " + f.quad + ": " + T.QUADS[f.quad].label + " ×",
                       onclick: () => setFilters({ quad: null }) }, chips);
    }
  }

  function readForm() {
    const who = $("f-actor").value.trim();
    return {
      start: $("f-start").value, end: $("f-end").value,
      actor: who.includes(":") ? "" : who, dyad: who.includes(":") ? who : "",
      code: $("f-code").value.trim(), q: $("f-q").value.trim(), quad: state.filters.quad || "",
    };
  }

  function setFilters(changes) {
    state.filters = Object.assign({}, state.filters, changes);
    for (const key of Object.keys(state.filters)) if (!state.filters[key]) delete state.filters[key];
    state.offset = 0;
    writeHash();
    refresh();
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  /* Reload every panel for the current filters; stale answers (from an older generation) are dropped. */
  async function refresh() {
    const gen = ++state.generation, f = state.filters;
    fillForm();
    document.body.setAttribute("data-loading", "1");
    try {
      const [summary, timeline, quads, network, places] = await Promise.all([
        T.api("summary", f), T.api("timeline", Object.assign({ period: state.period }, f)), T.api("quadclass", f),
        T.api("network", Object.assign({ max_edges: 150, level: state.level }, f)), T.api("places", f), loadEvents(gen),
      ]);
      if (gen !== state.generation) return;
      showError("");
      drawSummary(summary);
      T.drawCounts($("timeline-counts"), timeline, (start, end) => setFilters({ start, end }));
      T.drawGoldstein($("timeline-goldstein"), timeline);
      $("undated").textContent = timeline.undated ? timeline.undated + " undated event(s) not shown." : "";
      T.drawQuads($("quads"), quads, Number(f.quad) || null,
                  (q) => setFilters({ quad: String(q) === f.quad ? null : String(q) }));
      T.drawNetwork($("network"), network, (id) => setFilters({ actor: id, dyad: null }));
      await T.drawMap($("map"), places, $("map-note"));
    } catch (err) {
      if (gen === state.generation) showError(err.message);
    } finally {
      if (gen === state.generation) document.body.removeAttribute("data-loading");
    }
  }

  async function loadEvents(gen) {
    const data = await T.api("events", Object.assign({ limit: state.limit, offset: state.offset }, state.filters));
    if (gen !== undefined && gen !== state.generation) return data;
    T.drawTable($("events-body"), $("events-info"), data, state.selected, openEvent);
    $("prev").disabled = state.offset === 0;
    $("next").disabled = state.offset + data.rows.length >= data.total;
    return data;
  }

  function drawSummary(s) {
    const m = s.matching, d = s.dates || {};
    $("summary").textContent = m.events + " of " + s.counts.events + " events · " + m.documents + " of " +
      s.counts.documents + " articles · " + (d.first ? d.first + " to " + d.last : "no dates") +
      (m.goldstein !== null ? " · mean Goldstein " + m.goldstein.toFixed(2) : "");
  }

  async function openEvent(event) {
    state.selected = event.event_id;
    for (const tr of document.querySelectorAll("#events-body tr")) {
      tr.classList.toggle("selected", tr.getAttribute("data-event-id") === event.event_id);
    }
    const panel = $("article");
    panel.setAttribute("data-loading", "1");
    try {
      const doc = await T.api("documents/" + encodeURIComponent(event.doc_id));
      const full = doc.events.find((e) => e.event_id === event.event_id) || event;
      const pick = (d, e) => { state.selected = e.event_id; T.drawArticle(panel, d, e, pick); };
      T.drawArticle(panel, doc, full, pick);
    } catch (err) {
      T.empty(panel, "Could not load the article: " + err.message);
    } finally {
      panel.removeAttribute("data-loading");
    }
  }

  function page(delta) {
    state.offset = Math.max(0, state.offset + delta * state.limit);
    loadEvents().catch((err) => showError(err.message));
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("filters").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.period = $("f-period").value;
      setFilters(Object.assign({}, readForm()));
    });
    $("reset").addEventListener("click", () => { state.period = "month"; state.filters = {}; setFilters({}); });
    $("f-period").addEventListener("change", () => { state.period = $("f-period").value; writeHash(); refresh(); });
    $("net-level").addEventListener("change", () => { state.level = $("net-level").value; refresh(); });
    $("prev").addEventListener("click", () => page(-1));
    $("next").addEventListener("click", () => page(1));
    $("page-size").addEventListener("change", () => { state.limit = Number($("page-size").value); state.offset = 0; page(0); });
    window.addEventListener("hashchange", () => { readHash(); refresh(); });
    let resizeTimer = null;
    window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(refresh, 250); });
    readHash();
    refresh();
  });
})(window.T);
