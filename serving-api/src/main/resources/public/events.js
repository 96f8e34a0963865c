// Voltstream dashboard, events panel (uses api.js): the recent events from /api/v1/events (newest first), then
// live ones from the `events` WebSocket stream (dashboard.js forwards every message as a
// 'voltstream:message' event) inserted at the top. An event id seen twice (the REST answer and the
// live feed overlap) is shown once; at most MAX events are kept.
(function () {
  'use strict';
  var MAX = 100;
  var list = document.getElementById('events');
  var note = document.getElementById('events-note');
  var seen = {};

  function severity(s) {
    return String(s || 'info').toLowerCase();
  }

  function when(ts) {
    var d = new Date(ts);
    return isNaN(d.getTime()) ? String(ts) : d.toLocaleString();
  }

  function item(e) {
    var li = document.createElement('li');
    var sev = severity(e.severity);
    li.className = 'event ' + sev;
    li.setAttribute('data-event-id', e.event_id || '');
    li.setAttribute('data-kind', e.kind || '');
    li.setAttribute('data-timestamp', String(Date.parse(e.timestamp) || 0));
    var head = document.createElement('div');
    head.className = 'event-head';
    var badge = document.createElement('span');
    badge.className = 'severity';
    badge.textContent = sev;
    var kind = document.createElement('strong');
    kind.textContent = e.kind || 'event';
    var where = document.createElement('span');
    where.className = 'muted';
    where.textContent = [e.building, e.room, e.sensor_id].filter(Boolean).join(' / ');
    var time = document.createElement('time');
    time.className = 'muted';
    time.dateTime = e.timestamp;
    time.textContent = when(e.timestamp);
    head.appendChild(badge);
    head.appendChild(kind);
    head.appendChild(where);
    head.appendChild(time);
    li.appendChild(head);
    if (e.message) {
      var msg = document.createElement('div');
      msg.className = 'event-message';
      msg.textContent = e.message;
      li.appendChild(msg);
    }
    return li;
  }

  // Newest first: an event goes before the first shown one that is older than it.
  function add(e) {
    var id = e.event_id || (e.kind + '@' + e.timestamp);
    if (seen[id]) { return; }
    seen[id] = true;
    var li = item(e);
    li.setAttribute('data-event-id', id);
    var at = Number(li.getAttribute('data-timestamp'));
    var next = null;
    for (var n = list.firstElementChild; n; n = n.nextElementSibling) {
      if (Number(n.getAttribute('data-timestamp')) < at) { next = n; break; }
    }
    list.insertBefore(li, next);
    while (list.children.length > MAX) {
      var last = list.lastElementChild;
      delete seen[last.getAttribute('data-event-id')];
      list.removeChild(last);
    }
    note.textContent = list.children.length + ' event(s), newest first';
  }

  document.addEventListener('voltstream:start', function (ev) {
    list.textContent = '';
    seen = {};
    note.textContent = 'loading…';
    window.voltstream.call(ev.detail.token, 'GET', '/api/v1/events?limit=' + MAX)
      .then(function (answer) {
        (answer.events || []).forEach(add);
        if (!list.children.length) { note.textContent = 'no events in the last 24 h yet'; }
      })
      .catch(function (e) { note.textContent = 'events: ' + e.message + ' (live ones still appear)'; });
  });

  document.addEventListener('voltstream:message', function (ev) {
    if (ev.detail.type === 'event') { add(ev.detail); }
  });
}());
