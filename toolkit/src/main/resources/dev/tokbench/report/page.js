// index.html of tokbench report: sortable tables, and the rows behind a figure lit up on click.
(function () {
  function key(cell) {
    var v = cell.getAttribute('data-v');
    if (v !== null && v !== '') return { n: parseFloat(v) };
    return { s: cell.textContent.trim().toLowerCase() };
  }
  function compare(a, b) {
    if (a.n !== undefined && b.n !== undefined) return a.n - b.n;
    if (a.n !== undefined) return -1;
    if (b.n !== undefined) return 1;
    return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('thead th').forEach(function (th, col) {
      th.addEventListener('click', function () {
        var up = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach(function (o) { o.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var d = compare(key(r1.cells[col]), key(r2.cells[col]));
          return up ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a.src') : null;
    if (!a) return;
    document.querySelectorAll('tr.hit').forEach(function (r) { r.classList.remove('hit'); });
    (a.getAttribute('data-rows') || '').split(' ').forEach(function (id) {
      var r = document.getElementById('row-' + id);
      if (r) r.classList.add('hit');
    });
  });
  document.documentElement.setAttribute('data-ready', 'yes');
})();
