// Voltstream dashboard, batteries panel: the list from /api/v1/batteries, live updates from the
// `batteries` and `commands` WebSocket streams (dashboard.js forwards every message as a
// 'voltstream:message' event), and charge/discharge for admin tokens (the API checks the role;
// the page only hides the controls from others).
(function () {
  'use strict';
  var tbody = document.getElementById('batteries');
  var token = '';

  var fmt = window.voltstream.fmt;
  var role = window.voltstream.role;
  function call(method, path, body) { return window.voltstream.call(token, method, path, body); }

  function cell(id, field) {
    return tbody.querySelector('td[data-battery="' + CSS.escape(id) + '"][data-field="' + field + '"]');
  }

  function td(id, field, tr) {
    var c = document.createElement('td');
    c.setAttribute('data-battery', id);
    c.setAttribute('data-field', field);
    c.textContent = '–';
    tr.appendChild(c);
    return c;
  }

  function row(b, admin) {
    var tr = tbody.querySelector('tr[data-battery="' + CSS.escape(b.id) + '"]');
    if (tr) { return tr; }
    tr = document.createElement('tr');
    tr.setAttribute('data-battery', b.id);
    var name = document.createElement('td');
    name.textContent = b.id;
    tr.appendChild(name);
    td(b.id, 'building', tr).textContent = b.building;
    var soc = td(b.id, 'soc', tr);
    soc.innerHTML = '<span class="soc"><div style="width:0%"></div></span><span data-field="soc_percent">–</span>';
    soc.setAttribute('data-capacity-kwh', b.capacity_kwh);
    td(b.id, 'power_w', tr);
    td(b.id, 'mode', tr);
    td(b.id, 'last_command', tr);
    if (admin) { tr.appendChild(controls(b)); }
    tbody.appendChild(tr);
    return tr;
  }

  function controls(b) {
    var c = document.createElement('td');
    c.className = 'control';
    var power = document.createElement('input');
    power.type = 'number';
    power.min = '1';
    power.value = Math.round(Math.min(b.max_charge_w, b.max_discharge_w) / 2);
    power.setAttribute('data-input', 'power_w');
    var duration = document.createElement('input');
    duration.type = 'number';
    duration.min = '1';
    duration.max = '86400';
    duration.value = '900';
    duration.setAttribute('data-input', 'duration_s');
    c.appendChild(power);
    c.appendChild(duration);
    ['charge', 'discharge'].forEach(function (verb) {
      var button = document.createElement('button');
      button.textContent = verb;
      button.setAttribute('data-command', verb);
      button.addEventListener('click', function () {
        command(b.id, verb, Number(power.value), Number(duration.value));
      });
      c.appendChild(button);
    });
    return c;
  }

  function command(id, verb, powerW, durationS) {
    var last = cell(id, 'last_command');
    last.textContent = verb + '…';
    call('POST', '/api/v1/batteries/' + encodeURIComponent(id) + '/' + verb, { power_w: powerW, duration_s: durationS })
      .then(function (accepted) {
        showCommand(id, accepted.command_id, accepted.status, Date.now());
      })
      .catch(function (e) { last.textContent = e.message; });
  }

  function showCommand(id, commandId, status, issuedAtMs) {
    var c = cell(id, 'last_command');
    if (!c) { return; }
    if (issuedAtMs) { c.setAttribute('data-issued-at', issuedAtMs); }
    c.textContent = status + ' (' + commandId.slice(0, 8) + ')';
    c.setAttribute('data-command-id', commandId);
    c.setAttribute('data-status', status);
  }

  function showState(id, s) {
    var soc = cell(id, 'soc');
    if (!soc) { return; }
    if (s.soc_percent !== null && s.soc_percent !== undefined) {
      soc.querySelector('.soc > div').style.width = Math.max(0, Math.min(100, s.soc_percent)) + '%';
      soc.querySelector('[data-field="soc_percent"]').textContent = fmt(s.soc_percent, 1) + ' %';
    }
    if (s.power_w !== null && s.power_w !== undefined) { cell(id, 'power_w').textContent = fmt(s.power_w, 0); }
    if (s.mode) { cell(id, 'mode').textContent = s.mode; }
  }

  function load() {
    var admin = role(token) === 'admin';
    document.getElementById('battery-control-head').hidden = !admin;
    return call('GET', '/api/v1/batteries').then(function (list) {
      list.forEach(function (b) {
        row(b, admin);
        showState(b.id, b);
        if (b.last_command && b.last_command.id) {
          showCommand(b.id, b.last_command.id, b.last_command.status);
        }
      });
    });
  }

  document.addEventListener('voltstream:start', function (ev) {
    token = ev.detail.token;
    load().catch(function (e) { tbody.textContent = 'batteries: ' + e.message; });
  });

  document.addEventListener('voltstream:message', function (ev) {
    var msg = ev.detail;
    if (msg.type === 'battery') {
      showState(msg.battery_id, msg);
    } else if (msg.type === 'command' && msg.target_kind === 'battery') {
      var current = cell(msg.target, 'last_command');
      if (!current) { return; }
      // the newest command wins: a late status of an older command must not replace it
      var shownAt = Number(current.getAttribute('data-issued-at') || 0);
      var issuedAt = Date.parse(msg.issued_at) || 0;
      if (msg.command_id === current.getAttribute('data-command-id') || issuedAt >= shownAt) {
        showCommand(msg.target, msg.command_id, msg.status, issuedAt);
      }
    }
  });
}());
