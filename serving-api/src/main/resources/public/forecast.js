// Voltstream dashboard, forecast panel (uses api.js): one building's measured energy per hour over the
// last 24 h next to its latest forecast of the next 24 h. The measured side is what the forecast
// service forecasts: the sum over the building's rooms of room_metrics energy (consumption) or
// generation, read per room from /api/v1/rooms/{name}/data at 1 h resolution. The forecast comes from
// /api/v1/forecast/{target} and is replaced by newer runs pushed over the `forecast` stream; a
// P10–P90 band is drawn only when the values carry p10_kwh and p90_kwh. Nothing is made up: a
// missing forecast or measurement is said, not drawn.
(function () {
  'use strict';
  var HOUR = 3600000;
  var SVG = 'http://www.w3.org/2000/svg';
  var FIELD = { consumption: 'energy_kwh', generation: 'generation_kwh' };
  var buildingSelect = document.getElementById('forecast-building');
  var targetSelect = document.getElementById('forecast-target');
  var note = document.getElementById('forecast-note');
  var svg = document.getElementById('forecast-chart');
  var facts = document.getElementById('forecast-facts');
  var fmt = window.voltstream.fmt;
  var token = '';
  var rooms = []; // {name, building}
  var live = {}; // building:target -> newest forecast pushed over /ws
  var accuracy = {}; // building:target -> the stored rolling accuracy (pushed runs carry none)
  var shown = { forecast: null, actual: {}, origin: 0 };
  var loading = 0; // generation counter: an older answer never overwrites a newer selection

  function call(path) { return window.voltstream.call(token, 'GET', path); }

  function setFact(field, text) {
    facts.querySelector('[data-field="' + field + '"]').textContent = text;
  }

  // One shape for the REST answer ({time, value_kwh}) and a pushed batch ({hour, value_kwh}).
  function normalise(f, source) {
    return {
      source: source,
      model: f.model_id,
      fallback: f.fallback,
      fallbackReason: f.fallback_reason,
      issuedAt: Date.parse(f.issued_at),
      accuracy: f.accuracy || null,
      values: (f.values || []).map(function (p) {
        return { t: Date.parse(p.time || p.hour), v: p.value_kwh,
          p10: p.p10_kwh, p90: p.p90_kwh };
      }).filter(function (p) { return !isNaN(p.t) && typeof p.v === 'number'; })
    };
  }

  function hourFloor(ms) { return Math.floor(ms / HOUR) * HOUR; }

  function selectedKey() { return buildingSelect.value + ':' + targetSelect.value; }

  function loadRooms() {
    return call('/api/v1/rooms').then(function (list) {
      rooms = list.map(function (r) { return { name: r.name, building: r.building || 'default' }; });
      var buildings = rooms.map(function (r) { return r.building; })
        .filter(function (b, i, all) { return all.indexOf(b) === i; }).sort();
      var keep = buildingSelect.value;
      buildingSelect.textContent = '';
      buildings.forEach(function (b) {
        var o = document.createElement('option');
        o.value = b;
        o.textContent = b;
        buildingSelect.appendChild(o);
      });
      if (buildings.indexOf(keep) >= 0) { buildingSelect.value = keep; }
      return buildings.length;
    });
  }

  // Sum of the building's rooms per hour bucket (start ms -> kWh); a room without data adds nothing.
  function loadActual(building, target, origin) {
    var start = new Date(origin - 24 * HOUR).toISOString();
    var end = new Date(Date.now()).toISOString();
    var names = rooms.filter(function (r) { return r.building === building; }).map(function (r) { return r.name; });
    return Promise.all(names.map(function (name) {
      return call('/api/v1/rooms/' + encodeURIComponent(name) + '/data?resolution=1h&start_time='
          + encodeURIComponent(start) + '&end_time=' + encodeURIComponent(end));
    })).then(function (answers) {
      var sums = {};
      answers.forEach(function (a) {
        (a.series || []).forEach(function (p) {
          var v = p[FIELD[target]];
          if (typeof v !== 'number') { return; }
          var t = hourFloor(Date.parse(p.time));
          sums[t] = (sums[t] || 0) + v;
        });
      });
      return sums;
    });
  }

  function loadForecast(building, target) {
    return call('/api/v1/forecast/' + target + '?building=' + encodeURIComponent(building) + '&horizon=24h')
      .then(function (f) { return { forecast: normalise(f, 'stored') }; })
      .catch(function (e) { return { forecast: null, problem: e }; });
  }

  function load() {
    var building = buildingSelect.value, target = targetSelect.value;
    if (!building) { return Promise.resolve(); }
    var mine = ++loading;
    var origin = hourFloor(Date.now());
    note.textContent = 'loading…';
    return Promise.all([loadForecast(building, target), loadActual(building, target, origin)])
      .then(function (both) {
        if (mine !== loading) { return; }
        var f = both[0].forecast;
        var key = building + ':' + target;
        if (f) { accuracy[key] = f.accuracy; }
        var pushed = live[key];
        if (pushed && (!f || pushed.issuedAt >= f.issuedAt)) {
          pushed.accuracy = accuracy[key] || null;
          f = pushed;
        }
        shown = { forecast: f, actual: both[1], origin: origin };
        var p = both[0].problem;
        note.textContent = f ? '' : (p && p.status === 404
          ? 'no ' + target + ' forecast stored for ' + building + ' yet (is the forecast service running?)'
          : 'forecast: ' + (p ? p.message : 'none'));
        render();
      })
      .catch(function (e) { if (mine === loading) { note.textContent = 'measured energy: ' + e.message; } });
  }

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function render() {
    var f = shown.forecast, actual = shown.actual, origin = shown.origin;
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var W = svg.clientWidth || 600, H = 220, L = 44, R = 8, T = 10, B = 22;
    var t0 = origin - 24 * HOUR, t1 = origin + 24 * HOUR;
    var hours = Object.keys(actual).map(Number).filter(function (t) { return t >= t0 && t < t1; }).sort();
    var values = f ? f.values.filter(function (p) { return p.t >= origin && p.t < t1; }) : [];
    var band = values.filter(function (p) { return typeof p.p10 === 'number' && typeof p.p90 === 'number'; });
    var hi = Math.max.apply(null, [0.001].concat(hours.map(function (t) { return actual[t]; }),
      values.map(function (p) { return p.v; }), band.map(function (p) { return p.p90; }))) * 1.1;
    function x(t) { return L + (t - t0) / (t1 - t0) * (W - L - R); }
    function y(v) { return (H - B) - Math.max(0, v) / hi * (H - B - T); }
    svg.setAttribute('data-source', f ? f.source : 'none');
    svg.appendChild(el('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#bbb' }));
    svg.appendChild(el('text', { x: 2, y: T + 8 }, fmt(hi, 2)));
    svg.appendChild(el('text', { x: 2, y: H - B }, '0'));
    var clock = function (t) { return new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); };
    svg.appendChild(el('text', { x: L, y: H - 6 }, '−24 h'));
    svg.appendChild(el('text', { x: x(origin) - 14, y: H - 6 }, clock(origin)));
    svg.appendChild(el('text', { x: W - R - 30, y: H - 6 }, '+24 h'));
    if (band.length) {
      var upper = band.map(function (p) { return x(p.t + HOUR / 2).toFixed(1) + ',' + y(p.p90).toFixed(1); });
      var lower = band.slice().reverse().map(function (p) { return x(p.t + HOUR / 2).toFixed(1) + ',' + y(p.p10).toFixed(1); });
      svg.appendChild(el('polygon', { id: 'forecast-band', points: upper.concat(lower).join(' '),
        fill: '#c9dbf7', stroke: 'none', 'data-points': band.length }));
    }
    var bars = el('g', { id: 'forecast-actual', 'data-points': hours.length });
    var bw = Math.max(1, (W - L - R) / 48 - 1);
    hours.forEach(function (t) {
      var partial = t >= origin; // the current hour is still being measured
      bars.appendChild(el('rect', { x: x(t).toFixed(1), y: y(actual[t]).toFixed(1), width: bw.toFixed(1),
        height: Math.max(0, (H - B) - y(actual[t])).toFixed(1), fill: partial ? '#aab3bc' : '#5b6670',
        'data-hour': new Date(t).toISOString(), 'data-kwh': actual[t].toFixed(3) }));
    });
    svg.appendChild(bars);
    if (values.length) {
      svg.appendChild(el('polyline', { id: 'forecast-line', fill: 'none', stroke: '#2f6fd6', 'stroke-width': 2,
        'data-points': values.length,
        points: values.map(function (p) { return x(p.t + HOUR / 2).toFixed(1) + ',' + y(p.v).toFixed(1); }).join(' ') }));
    }
    svg.appendChild(el('line', { x1: x(Date.now()), y1: T, x2: x(Date.now()), y2: H - B, stroke: '#d13b3b',
      'stroke-dasharray': '3 3' }));
    if (!hours.length && !values.length) {
      svg.appendChild(el('text', { x: L + 10, y: 30 }, 'nothing measured or forecast for this building'));
    }
    var past = hours.filter(function (t) { return t < origin; });
    setFact('last_24h_kwh', past.length ? fmt(past.reduce(function (a, t) { return a + actual[t]; }, 0), 2) : '–');
    var now = values.filter(function (p) { return p.t === origin; })[0];
    setFact('current_hour', (now ? fmt(now.v, 2) : '–') + ' / ' + fmt(actual[origin], 2));
    setFact('next_24h_kwh', values.length ? fmt(values.reduce(function (a, p) { return a + p.v; }, 0), 2) : '–');
    setFact('model', f ? f.model + (f.fallback ? ' (fallback: ' + (f.fallbackReason || '?') + ')' : '') : '–');
    setFact('issued_at', f && !isNaN(f.issuedAt) ? new Date(f.issuedAt).toLocaleString() + (f.source === 'live' ? ' (live)' : '') : '–');
    var a = f && f.accuracy;
    setFact('nrmse_percent', a && a.nrmse_percent !== undefined ? fmt(a.nrmse_percent, 1) + ' %' : '–');
    setFact('skill', a && a.skill !== undefined ? fmt(a.skill, 2) : '–');
    setFact('mae_kwh', a && a.mae_kwh !== undefined ? fmt(a.mae_kwh, 3) : '–');
  }

  document.addEventListener('voltstream:start', function (ev) {
    token = ev.detail.token;
    live = {};
    accuracy = {};
    loadRooms().then(function (n) {
      if (!n) { note.textContent = 'no rooms registered'; return; }
      return load();
    }).catch(function (e) { note.textContent = 'forecast: ' + e.message; });
  });

  document.addEventListener('voltstream:message', function (ev) {
    var m = ev.detail;
    if (m.type !== 'forecast') { return; }
    var f = normalise(m, 'live');
    var key = m.building + ':' + m.target;
    f.accuracy = accuracy[key] || null;
    live[key] = f;
    if (key === selectedKey()) {
      shown.origin = shown.origin || hourFloor(Date.now());
      shown.forecast = f;
      note.textContent = '';
      render();
    }
  });

  buildingSelect.addEventListener('change', load);
  targetSelect.addEventListener('change', load);
  window.addEventListener('resize', function () { if (shown.origin) { render(); } });
  // the measured side grows every hour; new runs arrive live
  setInterval(function () { if (token) { load(); } }, 5 * 60000);
}());
