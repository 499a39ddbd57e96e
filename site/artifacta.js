// Artifacta report site: theme, run selection, sortable tables, chart layout, SVG download.
// Small and dependency-free; every page works without it (all runs shown, default layout).
(function () {
  "use strict";
  const body = document.body;
  const project = body.dataset.project || "";
  const store = {
    get(key) { try { return JSON.parse(localStorage.getItem("artifacta:" + key)); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem("artifacta:" + key, JSON.stringify(value)); } catch (e) { /* storage off */ } },
    remove(key) { try { localStorage.removeItem("artifacta:" + key); } catch (e) { /* storage off */ } },
  };

  // Theme: saved choice, else the system's.
  function applyTheme(theme) { document.documentElement.dataset.theme = theme; }
  const dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  applyTheme(store.get("theme") || (dark ? "dark" : "light"));
  const themeButton = document.querySelector(".theme-toggle");
  if (themeButton) {
    themeButton.hidden = false;
    themeButton.addEventListener("click", function () {
      const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
      applyTheme(next);
      store.set("theme", next);
    });
  }

  // Run selection: ?runs=a,b in the address wins, then this browser's saved choice, else all runs.
  const selectionKey = "runs:" + project;
  function readSelection() {
    const param = new URLSearchParams(location.search).get("runs");
    if (param !== null) return param === "" ? [] : param.split(",");
    return store.get(selectionKey);
  }
  let selection = project ? readSelection() : null;
  function isSelected(id) { return selection === null || selection.indexOf(id) >= 0; }

  function carrySelection() {
    document.querySelectorAll("a[href]").forEach(function (link) {
      const href = link.getAttribute("href");
      if (!href || /^[a-z]+:/i.test(href) || href.charAt(0) === "#" || href.indexOf(".html") < 0 || link.hasAttribute("download")) return;
      const base = href.split("?")[0].split("#")[0];
      const hash = href.indexOf("#") >= 0 ? href.slice(href.indexOf("#")) : "";
      link.setAttribute("href", selection === null ? base + hash : base + "?runs=" + selection.join(",") + hash);
    });
  }

  // A run's own page always shows that run, whatever is selected; its links still carry the choice.
  const filtered = body.dataset.page !== "run";
  function applySelection() {
    if (filtered) document.querySelectorAll("[data-run]").forEach(function (element) {
      const on = isSelected(element.getAttribute("data-run"));
      if (element.tagName === "TR") element.classList.toggle("unselected", !on);
      else element.classList.toggle("off", !on);
      if (element.tagName === "TR" && body.dataset.page !== "project") element.hidden = !on;
      if (element.classList.contains("artifact-run") || element.classList.contains("table-wrap") ||
          element.classList.contains("chart-card")) element.hidden = !on;
    });
    document.querySelectorAll(".run-select").forEach(function (box) { box.checked = isSelected(box.value); });
    const total = document.querySelectorAll(".run-select").length;
    const count = selection === null ? null : selection.length;
    document.querySelectorAll(".selection-count").forEach(function (label) {
      label.textContent = count === null ? "All runs shown" : count + (total ? " of " + total : "") + " runs selected";
    });
    carrySelection();
  }

  function saveSelection(ids) {
    selection = ids;
    store.set(selectionKey, ids);
    const url = new URL(location.href);
    url.searchParams.set("runs", ids.join(","));
    history.replaceState(null, "", url);
    applySelection();
  }

  document.querySelectorAll(".run-select").forEach(function (box) {
    box.addEventListener("change", function () {
      const ids = Array.prototype.filter.call(document.querySelectorAll(".run-select"), function (b) { return b.checked; })
        .map(function (b) { return b.value; });
      saveSelection(ids);
    });
  });
  const all = document.querySelector(".select-all");
  if (all) all.addEventListener("click", function () {
    saveSelection(Array.prototype.map.call(document.querySelectorAll(".run-select"), function (b) { return b.value; }));
  });
  const none = document.querySelector(".select-none");
  if (none) none.addEventListener("click", function () { saveSelection([]); });
  if (project) applySelection();

  // Sortable tables: click a header; numbers sort by data-value.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (header) {
      header.addEventListener("click", function () {
        const column = Array.prototype.indexOf.call(header.parentNode.children, header);
        const numeric = header.dataset.sort === "num";
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const tbody = table.tBodies[0];
        const rows = Array.prototype.slice.call(tbody.rows);
        function key(row) {
          const cell = row.cells[column];
          if (!cell) return numeric ? NaN : "";
          const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
          return numeric ? parseFloat(raw) : raw.toLowerCase();
        }
        rows.sort(function (a, b) {
          const x = key(a), y = key(b);
          if (numeric) {
            if (isNaN(x)) return isNaN(y) ? 0 : 1;
            if (isNaN(y)) return -1;
            return ascending ? x - y : y - x;
          }
          return ascending ? x.localeCompare(y) : y.localeCompare(x);
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
  });

  // Aggregate switch on Tables: final, min or max of each Series field.
  document.querySelectorAll(".aggregate-switch button").forEach(function (button) {
    button.addEventListener("click", function () {
      const mode = button.dataset.aggregate;
      document.querySelectorAll(".aggregate-switch button").forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      document.querySelectorAll("table.aggregates td[data-final]").forEach(function (cell) {
        cell.textContent = cell.dataset[mode];
        cell.dataset.value = cell.dataset[mode];
      });
    });
  });

  // Plots layout: columns, order and width per chart, remembered per project.
  const layoutKey = "layout:" + project;
  const grids = document.querySelectorAll(".plots-head ~ .plot-section .chart-grid");
  function layout() { return store.get(layoutKey) || { columns: 2, order: {}, spans: {} }; }
  function applyLayout() {
    const saved = layout();
    grids.forEach(function (grid) {
      grid.classList.remove("columns-1", "columns-2", "columns-3");
      grid.classList.add("columns-" + saved.columns);
      const order = saved.order[grid.dataset.section] || [];
      order.forEach(function (id) {
        const card = grid.querySelector('[data-chart="' + CSS.escape(id) + '"]');
        if (card) grid.appendChild(card);
      });
      grid.querySelectorAll(".chart-card").forEach(function (card) {
        const span = saved.spans[card.dataset.chart] || 1;
        card.classList.toggle("span-2", span === 2);
        card.classList.toggle("span-3", span === 3);
      });
    });
    document.querySelectorAll(".layout-columns button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(Number(b.dataset.columns) === saved.columns));
    });
  }
  function saveLayout(change) { const saved = layout(); change(saved); store.set(layoutKey, saved); applyLayout(); }
  document.querySelectorAll(".layout-columns button").forEach(function (button) {
    button.addEventListener("click", function () { saveLayout(function (s) { s.columns = Number(button.dataset.columns); }); });
  });
  const reset = document.querySelector(".reset-layout");
  if (reset) reset.addEventListener("click", function () { store.remove(layoutKey); location.reload(); });

  let dragged = null;
  grids.forEach(function (grid) {
    grid.querySelectorAll(".chart-card").forEach(function (card) {
      card.addEventListener("dragstart", function (event) { dragged = card; card.classList.add("dragging"); event.dataTransfer.effectAllowed = "move"; });
      card.addEventListener("dragend", function () { card.classList.remove("dragging"); dragged = null; });
      card.addEventListener("dragover", function (event) {
        if (!dragged || dragged === card || dragged.parentNode !== grid) return;
        event.preventDefault();
        card.classList.add("drop-target");
      });
      card.addEventListener("dragleave", function () { card.classList.remove("drop-target"); });
      card.addEventListener("drop", function (event) {
        event.preventDefault();
        card.classList.remove("drop-target");
        if (!dragged || dragged === card || dragged.parentNode !== grid) return;
        const cards = Array.prototype.slice.call(grid.children);
        grid.insertBefore(dragged, cards.indexOf(dragged) < cards.indexOf(card) ? card.nextSibling : card);
        const ids = Array.prototype.map.call(grid.querySelectorAll(".chart-card"), function (c) { return c.dataset.chart; });
        saveLayout(function (s) { s.order[grid.dataset.section] = ids; });
      });
      // Width: drag the corner handle; the card snaps to 1, 2 or 3 grid columns.
      const handle = document.createElement("span");
      handle.className = "resize-handle";
      handle.title = "Drag to widen or narrow this chart";
      card.appendChild(handle);
      handle.addEventListener("pointerdown", function (event) {
        event.preventDefault();
        card.draggable = false;
        const columnWidth = grid.clientWidth / layout().columns;
        const left = card.getBoundingClientRect().left;
        function move(e) {
          const span = Math.max(1, Math.min(layout().columns, Math.round((e.clientX - left) / columnWidth)));
          card.classList.toggle("span-2", span === 2);
          card.classList.toggle("span-3", span === 3);
        }
        function up(e) {
          document.removeEventListener("pointermove", move);
          document.removeEventListener("pointerup", up);
          card.draggable = true;
          const span = card.classList.contains("span-3") ? 3 : card.classList.contains("span-2") ? 2 : 1;
          saveLayout(function (s) { s.spans[card.dataset.chart] = span; });
        }
        document.addEventListener("pointermove", move);
        document.addEventListener("pointerup", up);
      });
    });
  });
  if (grids.length) applyLayout();

  // Live site: served by `artifacta ui` (which adds the artifacta-live meta), reload when new data
  // has been built into the site. Opened from disk there is no meta and nothing is polled.
  const live = document.querySelector('meta[name="artifacta-live"]');
  if (live) {
    // Links that only the server can answer (the note editor) exist only on the live site.
    document.documentElement.classList.add("is-live");
    document.querySelectorAll("[data-live-href]").forEach(function (link) { link.setAttribute("href", link.dataset.liveHref); });
  }
  if (live && /^https?:$/.test(location.protocol) && window.fetch) {
    const version = live.getAttribute("content");
    setInterval(function () {
      if (document.hidden) return;
      fetch("/api/changes?since=" + encodeURIComponent(version), { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (changes) { if (changes && changes.version && changes.version !== version) location.reload(); })
        .catch(function () { /* server stopped: keep the page */ });
    }, 3000);
  }

  // Download a chart as a standalone SVG file (its stylesheet put back in).
  const chartStyle = document.getElementById("chart-css");
  document.querySelectorAll(".download-svg").forEach(function (button) {
    button.addEventListener("click", function () {
      const card = button.closest(".chart-card");
      const svg = card.querySelector("svg").cloneNode(true);
      svg.querySelectorAll(".off").forEach(function (element) { element.classList.remove("off"); });
      if (chartStyle) {
        const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
        style.textContent = chartStyle.textContent;
        svg.insertBefore(style, svg.firstChild);
      }
      const blob = new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = (card.id || "chart") + ".svg";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    });
  });
})();
