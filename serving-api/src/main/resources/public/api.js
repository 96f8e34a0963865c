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
}());
