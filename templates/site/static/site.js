/* Optional enhancements: the site works fully without them (file://, no server, no JavaScript).
   - tables with class "sortable": click a column header to sort;
   - the task list: filter by group, unit and status without leaving the page. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim();
  }

  function compare(a, b) {
    var na = parseFloat(a), nb = parseFloat(b);
    if (!isNaN(na) && !isNaN(nb) && String(na) === a.replace(/\.0+$/, "") && String(nb) === b.replace(/\.0+$/, "")) return na - nb;
    return a.localeCompare(b, "vi", { numeric: true, sensitivity: "base" });
  }

  function makeSortable(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body) return;
    var ths = head.rows[0].cells;
    Array.prototype.forEach.call(ths, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(ths, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1, index), cellValue(r2, index));
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function taskFilter(form) {
    var table = document.getElementById("task-table");
    if (!table) return;
    form.hidden = false;
    var selects = form.querySelectorAll("select[data-filter]");
    var output = form.querySelector("output");
    function apply() {
      var want = {};
      Array.prototype.forEach.call(selects, function (s) { want[s.getAttribute("data-filter")] = s.value; });
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = (!want.group || row.getAttribute("data-group") === want.group) &&
          (!want.state || row.getAttribute("data-state") === want.state) &&
          (!want.unit || (" " + row.getAttribute("data-unit") + " ").indexOf(" " + want.unit + " ") >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (output) output.textContent = shown + " nhiệm vụ";
    }
    Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", apply); });
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    var form = document.getElementById("task-filter");
    if (form) taskFilter(form);
  });
})();
