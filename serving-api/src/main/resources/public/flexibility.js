// Voltstream dashboard, flexibility panel: per building a card with down/up flexibility now and
// over the next hour, per room a row; first from /api/v1/demand-response/flexibility/current, then
// live from the `flexibility` WebSocket stream (dashboard.js forwards every message as a
// 'voltstream:message' event); API calls and formatting through api.js. Demand-response data: admin
// and operator tokens only (the API answers 403 to a viewer; the stream sends a viewer nothing).
(function () {
  'use strict';
  var cards = document.getElementById('flex-buildings');
  var rooms = document.getElementById('flex-rooms');
  var FIELDS = ['down_now_kw', 'down_hour_kw', 'up_now_kw', 'up_hour_kw'];

  function kw(v) { return window.voltstream.fmt(v, 2); }

  function card(building) {
    var c = cards.querySelector('[data-flex-building="' + CSS.escape(building) + '"]');
    if (c) { return c; }
    c = document.createElement('div');
    c.className = 'flex-card';
    c.setAttribute('data-flex-building', building);
    c.innerHTML = '<div class="muted" data-part="title"></div>'
      + '<div class="dir"><span>down now <span class="kw" data-field="down_now_kw">–</span> kW</span>'
      + '<span>next hour <span data-field="down_hour_kw">–</span> kW</span></div>'
      + '<div class="dir"><span>up now <span class="kw" data-field="up_now_kw">–</span> kW</span>'
      + '<span>next hour <span data-field="up_hour_kw">–</span> kW</span></div>'
      + '<div class="muted" data-part="at"></div>';
    c.querySelector('[data-part="title"]').textContent = building;
    cards.appendChild(c);
    return c;
  }

  function row(room) {
    var tr = rooms.querySelector('tr[data-flex-room="' + CSS.escape(room) + '"]');
    if (tr) { return tr; }
    tr = document.createElement('tr');
    tr.setAttribute('data-flex-room', room);
    var name = document.createElement('td');
    name.textContent = room;
    tr.appendChild(name);
    FIELDS.forEach(function (f) {
      var td = document.createElement('td');
      td.setAttribute('data-field', f);
      td.textContent = '–';
      tr.appendChild(td);
    });
    rooms.appendChild(tr);
    return tr;
  }

  function fill(el, figures) {
    FIELDS.forEach(function (f) {
      var target = el.querySelector('[data-field="' + f + '"]');
      if (target) { target.textContent = kw(figures[f]); }
    });
    if (figures.at) { el.setAttribute('data-at', figures.at); }
  }

  function showBuilding(building, figures) {
    var c = card(building);
    fill(c, figures);
    if (figures.at) {
      c.querySelector('[data-part="at"]').textContent = 'at ' + new Date(figures.at).toLocaleTimeString();
    }
  }

  // A live report is shown unless an older one arrives after a newer one.
  function newer(el, at) {
    var shown = Date.parse(el.getAttribute('data-at') || '') || 0;
    return (Date.parse(at) || 0) >= shown;
  }

  function load(token) {
    return window.voltstream.call(token, 'GET', '/api/v1/demand-response/flexibility/current')
      .then(function (answer) {
        answer.buildings.forEach(function (b) {
          if (b.flexibility) { showBuilding(b.building, b.flexibility); }
          b.rooms.forEach(function (r) {
            if (r.flexibility) { fill(row(r.room), r.flexibility); }
          });
        });
      });
  }

  document.addEventListener('voltstream:start', function (ev) {
    load(ev.detail.token).catch(function (e) {
      cards.textContent = e.status === 403 ? 'Flexibility needs an admin or operator token.' : e.message;
    });
  });

  document.addEventListener('voltstream:message', function (ev) {
    var msg = ev.detail;
    if (msg.type !== 'flexibility' || !msg.scope) { return; }
    var scope = String(msg.scope).toLowerCase();
    if (scope === 'building') {
      if (newer(card(msg.building), msg.at)) { showBuilding(msg.building, msg); }
    } else if (scope === 'room') {
      var tr = row(msg.id);
      if (newer(tr, msg.at)) { fill(tr, msg); }
    }
  });
}());
