// Voltstream dashboard, market panel (issue 10): the community market's status from
// /api/v1/p2p/market/status (open slots and their book depth, last clearing, 24 h volume,
// participants) and its recent trades from /api/v1/p2p/trades, then live from the `market`
// WebSocket stream (dashboard.js forwards every message as a 'voltstream:message' event):
// trades are added to the table, a clearing replaces the last one, order changes refresh the
// books. Market data is for admin tokens only (the API answers 403 to others). A server without
// the P2P routes answers 404: the panel says so instead of showing empty figures.
(function () {
  'use strict';
  var MAX_TRADES = 50;
  var REFRESH_MS = 60000;
  var note = document.getElementById('market-note');
  var summary = document.getElementById('market-summary');
  var books = document.getElementById('market-books');
  var trades = document.getElementById('market-trades');
  var participants = document.getElementById('market-participants');
  var token = '';
  var available = false;
  var refreshTimer = null;
  var seenTrades = {};

  var fmt = window.voltstream.fmt;
  function call(path) { return window.voltstream.call(token, 'GET', path); }

  function time(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? '–' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function dayTime(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? '–'
      : d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function price(v) { return v === null || v === undefined ? '–' : fmt(v, 3); }

  function lower(v) { return v === null || v === undefined ? '' : String(v).toLowerCase(); }

  function setField(name, text) {
    var el = summary.querySelector('[data-market-field="' + name + '"]');
    if (el) { el.textContent = text; }
  }

  // Why the market cannot be shown, in words a user can act on.
  function explain(e) {
    if (e.status === 404) { return 'The market API is not available on this server (404): no P2P market here yet.'; }
    if (e.status === 403) { return 'The market needs an admin token (403).'; }
    if (e.status === 401) { return 'The token was refused (401).'; }
    return 'market: ' + e.message;
  }

  function showClearing(c) {
    if (!c) {
      setField('last_slot', 'none yet');
      setField('last_price', '–');
      setField('last_volume', '–');
      return;
    }
    var shown = Date.parse(summary.getAttribute('data-last-slot') || '') || 0;
    if ((Date.parse(c.slot) || 0) < shown) { return; }
    summary.setAttribute('data-last-slot', c.slot);
    setField('last_slot', time(c.slot) + (c.trades !== undefined ? ' · ' + c.trades + ' trade(s)' : ''));
    setField('last_price', price(c.price_eur_per_kwh));
    setField('last_volume', fmt(c.volume_kwh, 2));
  }

  function showStatus(s) {
    setField('market', (s.name || s.market) + ' · ' + lower(s.mode).replace(/_/g, '-')
      + ' · gate ' + Math.round((s.gate_closure_seconds || 0) / 60) + ' min before');
    setField('first_open', time(s.first_open_slot));
    setField('volume_24h', fmt(s.volume_24h_kwh, 2));
    setField('trades_24h', s.trades_24h === undefined ? '–' : String(s.trades_24h));
    var p = s.participants || {};
    setField('participants', (p.active === undefined ? '–' : p.active) + ' active of '
      + (p.members === undefined ? '–' : p.members));
    summary.setAttribute('data-volume-24h', s.volume_24h_kwh || 0);
    showClearing(s.last_clearing);
    showBooks(s.open_slots || []);
    participants.textContent = '';
    (p.buildings || []).forEach(function (b) {
      var li = document.createElement('li');
      li.setAttribute('data-participant', b.id);
      li.textContent = b.id + (b.agent ? ' (agent)' : '') + (b.active ? '' : ' · idle');
      participants.appendChild(li);
    });
  }

  function showBooks(slots) {
    books.textContent = '';
    if (!slots.length) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 5;
      td.className = 'muted';
      td.textContent = 'no open orders';
      tr.appendChild(td);
      books.appendChild(tr);
      return;
    }
    slots.forEach(function (s) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-book-slot', s.slot);
      var bids = s.bids || {}, offers = s.offers || {};
      [time(s.slot),
        (bids.count || 0) + ' / ' + fmt(bids.energy_kwh || 0, 2),
        price(bids.best_price_eur_per_kwh),
        (offers.count || 0) + ' / ' + fmt(offers.energy_kwh || 0, 2),
        price(offers.best_price_eur_per_kwh)].forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      books.appendChild(tr);
    });
  }

  // Newest first (by slot, then trade id); a trade seen twice (REST answer and live feed) once.
  function addTrade(t) {
    if (!t.id || seenTrades[t.id]) { return; }
    seenTrades[t.id] = true;
    var empty = trades.querySelector('tr[data-empty]');
    if (empty) { trades.removeChild(empty); }
    var tr = document.createElement('tr');
    tr.setAttribute('data-trade-id', t.id);
    var key = (Date.parse(t.slot) || 0) + ':' + t.id;
    tr.setAttribute('data-key', key);
    var amount = t.amount_eur !== undefined ? t.amount_eur : t.energy_kwh * t.price_eur_per_kwh;
    [dayTime(t.slot), t.seller + ' → ' + t.buyer, fmt(t.energy_kwh, 3), price(t.price_eur_per_kwh),
      fmt(amount, 3)].forEach(function (text) {
      var td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    var next = null;
    for (var n = trades.firstElementChild; n; n = n.nextElementSibling) {
      if (after(key, n.getAttribute('data-key'))) { next = n; break; }
    }
    trades.insertBefore(tr, next);
    while (trades.children.length > MAX_TRADES) {
      var last = trades.lastElementChild;
      delete seenTrades[last.getAttribute('data-trade-id')];
      trades.removeChild(last);
    }
  }

  function after(a, b) {
    var as = Number(a.split(':')[0]), bs = Number((b || '0:').split(':')[0]);
    if (as !== bs) { return as > bs; }
    return a > b;
  }

  function noTrades() {
    if (trades.children.length) { return; }
    var tr = document.createElement('tr');
    tr.setAttribute('data-empty', 'true');
    var td = document.createElement('td');
    td.colSpan = 5;
    td.className = 'muted';
    td.textContent = 'no trades in the last 24 h yet';
    tr.appendChild(td);
    trades.appendChild(tr);
  }

  function refreshStatus() {
    return call('/api/v1/p2p/market/status').then(function (s) {
      available = true;
      showStatus(s);
      note.textContent = 'updated ' + new Date().toLocaleTimeString();
    });
  }

  // Order changes arrive in bursts (an agent cancels and replaces); one refresh per burst.
  function scheduleRefresh() {
    if (!available || refreshTimer) { return; }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refreshStatus().catch(function (e) { note.textContent = explain(e); });
    }, 2000);
  }

  function load() {
    trades.textContent = '';
    seenTrades = {};
    note.textContent = 'loading…';
    return refreshStatus()
      .then(function () { return call('/api/v1/p2p/trades?limit=' + MAX_TRADES); })
      .then(function (list) {
        (Array.isArray(list) ? list : (list.trades || [])).forEach(addTrade);
        noTrades();
      });
  }

  document.addEventListener('voltstream:start', function (ev) {
    token = ev.detail.token;
    available = false;
    load().catch(function (e) {
      available = false;
      summary.setAttribute('data-unavailable', String(e.status || 'error'));
      note.textContent = explain(e);
    });
  });

  document.addEventListener('voltstream:message', function (ev) {
    var msg = ev.detail;
    if (msg.type !== 'market') { return; }
    var kind = lower(msg.kind);
    if (kind === 'trade') {
      var fresh = !seenTrades[msg.id];
      addTrade(msg);
      if (fresh) {
        var v = Number(summary.getAttribute('data-volume-24h') || 0) + (msg.energy_kwh || 0);
        summary.setAttribute('data-volume-24h', v);
        setField('volume_24h', fmt(v, 2));
      }
    } else if (kind === 'clearing') {
      showClearing(msg);
      scheduleRefresh();
    } else if (kind === 'order') {
      scheduleRefresh();
    }
  });

  setInterval(function () {
    if (available && token) { refreshStatus().catch(function (e) { note.textContent = explain(e); }); }
  }, REFRESH_MS);
}());
