/* Optional enhancements: the site works fully without them (file://, no server, no JavaScript).
   - tables with class "sortable": click a column header to sort;
   - the task list: filter by group, unit and status without leaving the page;
   - the search page: full-text search over Pagefind's index;
   - printing opens collapsed lists. */
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

  // Text from the index as text: the excerpt's <mark>s become elements, everything else is
  // decoded in an inert document and inserted as text (nothing from a report becomes markup).
  function textOf(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent;
  }

  function excerpt(html) {
    var frag = document.createDocumentFragment();
    html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var m = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      if (m) {
        var mark = document.createElement("mark");
        mark.textContent = textOf(m[1]);
        frag.appendChild(mark);
      } else if (part) {
        frag.appendChild(document.createTextNode(textOf(part)));
      }
    });
    return frag;
  }

  // The search page: Pagefind's index (built with the site), when it can be loaded (a web server;
  // not a file opened from disk). Without it the page keeps its links to the lists.
  function search(form) {
    if (location.protocol === "file:") return;  // browsers load no module from a file: the links stay
    var index = new URL(form.getAttribute("data-index"), document.baseURI);
    var base = new URL(form.getAttribute("data-root"), document.baseURI).pathname;
    var input = form.querySelector("input");
    var output = form.querySelector("output");
    var list = form.querySelector(".results");
    import(index.href).then(function (pagefind) {
      pagefind.options({ baseUrl: base, excerptLength: 24 });
      form.hidden = false;
      var off = document.getElementById("search-off");
      if (off) off.hidden = true;
      var serial = 0;
      function run() {
        var q = input.value.trim();
        var mine = ++serial;
        if (!q) { list.textContent = ""; output.textContent = ""; return; }
        pagefind.search(q).then(function (res) {
          return Promise.all(res.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
            if (mine !== serial) return;
            list.textContent = "";
            items.forEach(function (d) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = d.url;
              a.textContent = (d.meta && d.meta.title) || d.url;
              var p = document.createElement("p");
              p.appendChild(excerpt(d.excerpt || ""));
              li.appendChild(a);
              li.appendChild(p);
              list.appendChild(li);
            });
            output.textContent = res.results.length + " kết quả";
          });
        });
      }
      form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
      var timer = null;
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
      var q = new URLSearchParams(location.search).get("q");
      if (q) { input.value = q; run(); }
      input.focus();
    }).catch(function () { /* no index here (file://, or not built): the links stay */ });
  }

  // Printing: every collapsed list prints open (browsers without ::details-content).
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.setAttribute("open", "");
      d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-print-opened]"), function (d) {
      d.removeAttribute("open");
      d.removeAttribute("data-print-opened");
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    var form = document.getElementById("task-filter");
    if (form) taskFilter(form);
    var sform = document.getElementById("search");
    if (sform) search(sform);
  });
})();
