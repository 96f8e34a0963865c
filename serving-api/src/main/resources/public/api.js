// Voltstream dashboard: what the panels share (number formatting, the token's role, API calls
// that turn problem JSON into an Error naming the field). Loaded before the panels.
(function () {
  'use strict';
  window.voltstream = {
    fmt: function (v, digits) {
      return (v === null || v === undefined || isNaN(v)) ? '–' : Number(v).toFixed(digits);
    },
    role: function (jwt) {
      try {
        var payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(atob(payload)).role;
      } catch (e) {
        return null;
      }
    },
    // Labels every cell of the tables with class "stack" with its column's heading (data-label), as
    // rows are added, so that the phone layout (one card per row) can name each value.
    labelStackedTables: function () {
      Array.prototype.forEach.call(document.querySelectorAll('table.stack'), function (table) {
        var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
          return th.textContent.trim();
        });
        function label() {
          Array.prototype.forEach.call(table.querySelectorAll('tbody td:not([data-label])'), function (td) {
            td.setAttribute('data-label', heads[td.cellIndex] || '');
          });
        }
        new MutationObserver(label).observe(table.tBodies[0], { childList: true, subtree: true });
        label();
      });
    },
    call: function (token, method, path, body) {
      var headers = { 'Authorization': 'Bearer ' + token };
      if (body) { headers['Content-Type'] = 'application/json'; }
      return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (json) {
            if (!r.ok) {
              var field = json.errors && json.errors.length ? json.errors[0].field + ': ' + json.errors[0].message : '';
              var e = new Error(r.status + ' ' + (field || json.detail || path));
              e.status = r.status;
              throw e;
            }
            return json;
          });
        });
    }
  };
  document.addEventListener('DOMContentLoaded', window.voltstream.labelStackedTables);
}());
