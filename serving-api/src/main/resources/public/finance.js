// Voltstream dashboard, finance panel (issue 10): per building (those in /api/v1/buildings) a card
// with today's money, energy shares and CO2 from /api/v1/analytics/financial (resolution day, from
// local midnight): net cost, P2P / battery / DR savings, self-consumption and self-sufficiency, and
// CO2 with and without P2P, PV and batteries. A settlement pushed over the `market` stream
// (dashboard.js forwards every message as a 'voltstream:message' event) refreshes its building.
// Readable by admin, operator and viewer tokens (scoped ones see their buildings); a server without
// the route answers 404 and the panel says so.
(function () {
  'use strict';
  var REFRESH_MS = 300000;
  var cards = document.getElementById('finance-buildings');
  var note = document.getElementById('finance-note');
  var token = '';
  var pending = {};

  var fmt = window.voltstream.fmt;
  function call(path) { return window.voltstream.call(token, 'GET', path); }

  // label, field, digits, unit
  var ROWS = [
    ['Net cost', 'net_cost_eur', 2, '€'],
    ['Grid energy cost', 'energy_cost_eur', 2, '€'],
    ['Feed-in revenue', 'feed_in_revenue_eur', 2, '€'],
    ['P2P savings', 'p2p_savings_eur', 2, '€'],
    ['Battery savings', 'battery_savings_eur', 2, '€'],
    ['DR savings', 'dr_savings_eur', 2, '€'],
    ['Self-consumption', 'self_consumption_percent', 0, '%'],
    ['Self-sufficiency', 'self_sufficiency_percent', 0, '%'],
    ['CO₂', 'co2_kg', 2, 'kg'],
    ['CO₂ without P2P', 'co2_without_p2p_kg', 2, 'kg'],
    ['CO₂ without PV', 'co2_without_pv_kg', 2, 'kg'],
    ['CO₂ without battery', 'co2_without_battery_kg', 2, 'kg']
  ];

  function card(building) {
    var c = cards.querySelector('[data-finance-building="' + CSS.escape(building) + '"]');
    if (c) { return c; }
    c = document.createElement('div');
    c.className = 'fin-card';
    c.setAttribute('data-finance-building', building);
    var title = document.createElement('div');
    title.className = 'fin-title';
    title.textContent = building;
    c.appendChild(title);
    var dl = document.createElement('dl');
    ROWS.forEach(function (r) {
      var dt = document.createElement('dt');
      dt.textContent = r[0];
      var dd = document.createElement('dd');
      dd.setAttribute('data-field', r[1]);
      dd.textContent = '–';
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    c.appendChild(dl);
    var status = document.createElement('div');
    status.className = 'muted';
    status.setAttribute('data-part', 'status');
    c.appendChild(status);
    cards.appendChild(c);
    return c;
  }

  function show(building, report) {
    var c = card(building);
    var t = report.totals || {};
    ROWS.forEach(function (r) {
      // without a settled slot the sums are zeros, not figures: show none
      var v = t.slots ? t[r[1]] : null;
      c.querySelector('[data-field="' + r[1] + '"]').textContent =
        (v === null || v === undefined) ? '–' : fmt(v, r[2]) + ' ' + r[3];
    });
    var status = c.querySelector('[data-part="status"]');
    status.textContent = t.slots
      ? t.slots + ' settled quarter-hour(s) today' + (report.currency ? ' · ' + report.currency : '')
      : 'no settled quarter-hours today yet';
    c.setAttribute('data-slots', String(t.slots || 0));
  }

  function failed(building, e) {
    var c = card(building);
    c.setAttribute('data-unavailable', String(e.status || 'error'));
    c.querySelector('[data-part="status"]').textContent = e.status === 404
      ? 'Financial analytics are not available on this server (404).'
      : 'finance: ' + e.message;
  }

  function startOfToday() {
    var d = new Date();
    d.setHours(0, 0, 0, 0);
    return d.toISOString();
  }

  function loadBuilding(building) {
    return call('/api/v1/analytics/financial?building=' + encodeURIComponent(building)
        + '&resolution=day&from=' + encodeURIComponent(startOfToday()))
      .then(function (report) { show(building, report); })
      .catch(function (e) { failed(building, e); });
  }

  function load() {
    cards.textContent = '';
    note.textContent = 'loading…';
    return call('/api/v1/buildings').then(function (list) {
      var ids = list.map(function (b) { return b.id; });
      if (!ids.length) { note.textContent = 'no buildings visible to this token'; return; }
      return Promise.all(ids.map(loadBuilding)).then(function () {
        note.textContent = 'today since ' + new Date(startOfToday()).toLocaleString() + ' · updated '
          + new Date().toLocaleTimeString();
      });
    });
  }

  // A building's settlements arrive one per slot; one refresh per building and burst.
  function refreshSoon(building) {
    if (!building || pending[building] || !cards.querySelector(
      '[data-finance-building="' + CSS.escape(building) + '"]')) { return; }
    pending[building] = setTimeout(function () {
      delete pending[building];
      loadBuilding(building);
    }, 5000);
  }

  document.addEventListener('voltstream:start', function (ev) {
    token = ev.detail.token;
    load().catch(function (e) { note.textContent = 'finance: ' + e.message; });
  });

  document.addEventListener('voltstream:message', function (ev) {
    var msg = ev.detail;
    if (msg.type === 'market' && String(msg.kind).toLowerCase() === 'settlement') {
      refreshSoon(msg.building);
    }
  });

  setInterval(function () {
    if (token) { load().catch(function (e) { note.textContent = 'finance: ' + e.message; }); }
  }, REFRESH_MS);
}());
