// The Compare page: fills in two runs chosen by ?a=&b= or the menus, from the JSON in the page.
// Text only ever goes in through textContent.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("compare-data").textContent);
  const runs = data.runs;
  const pickA = document.getElementById("compare-a");
  const pickB = document.getElementById("compare-b");
  const result = document.getElementById("compare-result");
  const onlyDifferences = document.getElementById("compare-only-differences");
  if (!runs.length) { result.textContent = "This project has no runs."; return; }

  runs.forEach(function (run) {
    [pickA, pickB].forEach(function (select) {
      const option = document.createElement("option");
      option.value = run.id;
      option.textContent = run.name + " (" + run.started + ")";
      select.appendChild(option);
    });
  });
  const params = new URLSearchParams(location.search);
  const byId = {};
  runs.forEach(function (run) { byId[run.id] = run; });
  pickA.value = byId[params.get("a")] ? params.get("a") : runs[0].id;
  const defaultB = runs.find(function (run) { return run.id !== pickA.value; }) || runs[0];
  pickB.value = byId[params.get("b")] ? params.get("b") : defaultB.id;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(value) {
    if (value === undefined) return "—";
    return typeof value === "number" ? Number(value.toPrecision(6)).toString() : String(value);
  }

  function section(title, a, b, numeric) {
    const keys = [];
    Object.keys(a).concat(Object.keys(b)).forEach(function (key) { if (keys.indexOf(key) < 0) keys.push(key); });
    const box = element("section", "compare-section");
    const rows = [];
    keys.forEach(function (key) {
      const left = a[key], right = b[key];
      const state = left === undefined ? "added" : right === undefined ? "removed" : String(left) === String(right) ? "same" : "changed";
      if (state === "same" && onlyDifferences.checked) return;
      rows.push([key, left, right, state]);
    });
    box.appendChild(element("h2", "", title + " "));
    box.firstChild.appendChild(element("span", "muted", rows.length + (onlyDifferences.checked ? " differ" : " rows")));
    if (!rows.length) { box.appendChild(element("p", "muted", "No difference.")); return box; }
    const wrap = element("div", "table-wrap");
    const table = element("table", "data compare-table");
    const head = element("tr");
    ["", "A · " + byId[pickA.value].name, "B · " + byId[pickB.value].name].concat(numeric ? ["B − A"] : []).forEach(function (label) {
      head.appendChild(element("th", "", label));
    });
    table.appendChild(element("thead")).appendChild(head);
    const body = table.appendChild(element("tbody"));
    rows.forEach(function (row) {
      const tr = element("tr", "diff-" + row[3]);
      tr.appendChild(element("th", "", row[0]));
      tr.appendChild(element("td", numeric ? "num" : "", show(row[1])));
      tr.appendChild(element("td", numeric ? "num" : "", show(row[2])));
      if (numeric) {
        const delta = typeof row[1] === "number" && typeof row[2] === "number" ? row[2] - row[1] : NaN;
        tr.appendChild(element("td", "num", isNaN(delta) ? "" : (delta > 0 ? "+" : "") + delta.toPrecision(4)));
      }
      body.appendChild(tr);
    });
    wrap.appendChild(table);
    box.appendChild(wrap);
    return box;
  }

  function codeSection(a, b) {
    const box = element("section", "compare-section");
    box.appendChild(element("h2", "", "Code"));
    const grid = element("div", "compare-code");
    [a, b].forEach(function (run, index) {
      const column = element("div");
      column.appendChild(element("h3", "", (index ? "B · " : "A · ") + run.name));
      const commit = run.environment["git commit"] || "no git commit recorded";
      column.appendChild(element("p", "", commit + (run.environment["git branch"] ? " on " + run.environment["git branch"] : "")));
      if (run.diff) {
        const details = element("details");
        details.open = a.diff !== b.diff;
        details.appendChild(element("summary", "", "Uncommitted changes" + (run.diffTruncated ? " (first part; the run page has all)" : "")));
        details.appendChild(element("pre")).appendChild(element("code", "", run.diff));
        column.appendChild(details);
      } else {
        column.appendChild(element("p", "muted", "No uncommitted changes recorded."));
      }
      const link = element("a", "", "Open run page");
      link.href = run.href;
      column.appendChild(link);
      grid.appendChild(column);
    });
    const same = a.environment["git commit"] === b.environment["git commit"] && a.diff === b.diff;
    box.appendChild(element("p", same ? "muted" : "", same ? "Same commit and same recorded changes." : "The code differs."));
    box.appendChild(grid);
    return box;
  }

  function render() {
    const a = byId[pickA.value], b = byId[pickB.value];
    const url = new URL(location.href);
    url.searchParams.set("a", a.id);
    url.searchParams.set("b", b.id);
    history.replaceState(null, "", url);
    document.getElementById("compare-plots").setAttribute("href", "plots.html?runs=" + a.id + "," + b.id);
    result.textContent = "";
    result.appendChild(section("Config", a.config, b.config, false));
    result.appendChild(section("Final metrics", a.metrics, b.metrics, true));
    result.appendChild(section("Dependencies", a.packages, b.packages, false));
    const environmentA = Object.assign({}, a.environment), environmentB = Object.assign({}, b.environment);
    ["git commit", "git branch", "uncommitted changes", "command"].forEach(function (key) { delete environmentA[key]; delete environmentB[key]; });
    result.appendChild(section("Environment", environmentA, environmentB, false));
    result.appendChild(codeSection(a, b));
  }
  [pickA, pickB, onlyDifferences].forEach(function (control) { control.addEventListener("change", render); });
  render();
})();
