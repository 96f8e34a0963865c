// Voltstream dashboard: plain JavaScript, no build step, no external resources.
(function () {
  'use strict';
  var METRICS = ['power_w', 'energy_kwh', 'co2_ppm', 'temperature_c', 'humidity_percent', 'generation_kwh'];
  var tokenInput = document.getElementById('token');
  var statusEl = document.getElementById('status');
  var tbody = document.getElementById('rooms');
  var socket = null;
  var selected = null;
  var latest = {}; // room -> sensor_id -> reading

  function token() { return tokenInput.value.trim(); }

  function setStatus(text, cls) {
    statusEl.textContent = text;
    statusEl.className = cls || '';
  }

  function api(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token() } }).then(function (r) {
      if (!r.ok) { throw new Error(path + ' answered ' + r.status); }
      return r.json();
    });
  }

  function fmt(v, digits) {
    return (v === null || v === undefined || isNaN(v)) ? '–' : Number(v).toFixed(digits);
  }

  function row(room) {
    var tr = tbody.querySelector('tr[data-room="' + CSS.escape(room) + '"]');
    if (tr) { return tr; }
    tr = document.createElement('tr');
    tr.className = 'room';
    tr.setAttribute('data-room', room);
    var name = document.createElement('td');
    name.textContent = room;
    tr.appendChild(name);
    METRICS.concat(['updated']).forEach(function (m) {
      var td = document.createElement('td');
      td.setAttribute('data-room', room);
      td.setAttribute('data-metric', m);
      td.textContent = '–';
      tr.appendChild(td);
    });
    tr.addEventListener('click', function () { chart(room); });
    tbody.appendChild(tr);
    return tr;
  }

  function setCell(room, metric, text) {
    var td = row(room).querySelector('td[data-metric="' + metric + '"]');
    td.textContent = text;
  }

  // A room's live values from its sensors' latest readings: power and energy add up, climate averages.
  function showReading(r) {
    if (!r.room) { return; }
    latest[r.room] = latest[r.room] || {};
    latest[r.room][r.sensor_id] = r;
    var readings = Object.keys(latest[r.room]).map(function (k) { return latest[r.room][k]; });
    function sum(m) {
      var xs = readings.filter(function (x) { return x[m] !== undefined && x[m] !== null; });
      return xs.length ? xs.reduce(function (a, x) { return a + x[m]; }, 0) : null;
    }
    function mean(m) {
      var xs = readings.filter(function (x) { return x[m] !== undefined && x[m] !== null; });
      return xs.length ? sum(m) / xs.length : null;
    }
    setCell(r.room, 'power_w', fmt(sum('power_w'), 0));
    setCell(r.room, 'co2_ppm', fmt(mean('co2_ppm'), 0));
    setCell(r.room, 'temperature_c', fmt(mean('temperature_c'), 1));
    setCell(r.room, 'humidity_percent', fmt(mean('humidity_percent'), 0));
    setCell(r.room, 'updated', new Date(r.timestamp).toLocaleTimeString());
  }

  function showRoomMetrics(m) {
    setCell(m.room, 'energy_kwh', fmt(m.energy_kwh, 3));
    setCell(m.room, 'generation_kwh', fmt(m.generation_kwh, 3));
  }

  function connectSocket() {
    if (socket) { socket.close(); }
    var proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(proto + location.host + '/ws?token=' + encodeURIComponent(token()));
    setStatus('connecting…');
    socket.onmessage = function (ev) {
      var msg = JSON.parse(ev.data);
      // Other panels (batteries.js, dr.js) take what they need from every message.
      document.dispatchEvent(new CustomEvent('voltstream:message', { detail: msg }));
      if (msg.type === 'welcome') {
        setStatus('live', 'live');
        socket.send(JSON.stringify({ action: 'subscribe',
          streams: ['readings', 'room_metrics', 'events', 'forecast', 'batteries', 'commands', 'dr', 'flexibility',
            'market'] }));
      } else if (msg.type === 'reading') {
        showReading(msg);
      } else if (msg.type === 'room_metrics') {
        showRoomMetrics(msg);
      } else if (msg.type === 'error') {
        setStatus('server: ' + msg.message, 'error');
      }
    };
    socket.onclose = function (ev) {
      setStatus('disconnected' + (ev.reason ? ' (' + ev.reason + ')' : ''), ev.code === 1000 ? '' : 'error');
    };
  }

  function loadRooms() {
    return api('/api/v1/rooms').then(function (rooms) {
      rooms.forEach(function (r) { row(r.name); });
      if (!selected && rooms.length) { chart(rooms[0].name); }
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // Power of the room over the last hour as an SVG polyline with min/max labels.
  function chart(room) {
    selected = room;
    Array.prototype.forEach.call(tbody.querySelectorAll('tr'), function (tr) {
      tr.classList.toggle('selected', tr.getAttribute('data-room') === room);
    });
    document.getElementById('chart-title').textContent = room + ' — power [W], last hour';
    return api('/api/v1/rooms/' + encodeURIComponent(room) + '/data?resolution=1m').then(function (data) {
      var svg = document.getElementById('chart');
      while (svg.firstChild) { svg.removeChild(svg.firstChild); }
      var pts = data.series.filter(function (p) { return p.power_w !== undefined; });
      // drawn in the svg's own pixels, so that labels keep their size on a phone
      var W = svg.clientWidth || 960, H = 220, L = 50, B = 20;
      svg.appendChild(el('line', { x1: L, y1: H - B, x2: W, y2: H - B, stroke: '#bbb' }));
      if (!pts.length) {
        svg.appendChild(el('text', { x: L + 10, y: 30 }, 'no data in the last hour'));
      } else {
        var t0 = Date.parse(data.start_time), t1 = Date.parse(data.end_time);
        var vs = pts.map(function (p) { return p.power_w; });
        var lo = Math.min.apply(null, vs), hi = Math.max.apply(null, vs);
        if (hi === lo) { hi = lo + 1; }
        var coords = pts.map(function (p) {
          var x = L + (Date.parse(p.time) - t0) / (t1 - t0) * (W - L);
          var y = (H - B) - (p.power_w - lo) / (hi - lo) * (H - B - 10);
          return x.toFixed(1) + ',' + y.toFixed(1);
        });
        svg.appendChild(el('polyline', { points: coords.join(' '), fill: 'none', stroke: '#2f6fd6', 'stroke-width': 2,
          'data-points': pts.length }));
        svg.appendChild(el('text', { x: 2, y: 14 }, fmt(hi, 0)));
        svg.appendChild(el('text', { x: 2, y: H - B }, fmt(lo, 0)));
      }
      var c = data.current || {};
      document.getElementById('chart-current').textContent = 'current window: ' + fmt(c.power_w, 0) + ' W, '
          + fmt(c.energy_kwh, 3) + ' kWh, CO₂ ' + fmt(c.co2_ppm, 0) + ' ppm'
          + (c.cost !== null && c.cost !== undefined ? ', cost ' + fmt(c.cost, 4) : '');
    }).catch(function (e) { setStatus(e.message, 'error'); });
  }

  function start() {
    if (!token()) { setStatus('paste a token', ''); return; }
    localStorage.setItem('voltstream.token', token());
    loadRooms().catch(function (e) { setStatus(e.message, 'error'); });
    document.dispatchEvent(new CustomEvent('voltstream:start', { detail: { token: token() } }));
    connectSocket();
  }

  // A token in the URL fragment (#token=…) wins over the stored one, and is removed from the address bar.
  var m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  if (m) {
    tokenInput.value = decodeURIComponent(m[1]);
    history.replaceState(null, '', location.pathname);
  } else {
    tokenInput.value = localStorage.getItem('voltstream.token') || '';
  }
  document.getElementById('connect').addEventListener('click', start);
  setInterval(function () { if (selected && token()) { chart(selected); } }, 60000);
  start();
}());
